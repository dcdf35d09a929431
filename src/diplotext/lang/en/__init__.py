"""English: what only English needs below the extractors."""
