"""Russian: morphology (pymorphy3) and what else only Russian needs."""
