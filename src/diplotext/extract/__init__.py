"""Extractors, one module per fact type: each takes the working text or a Doc and returns models."""
