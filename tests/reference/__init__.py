"""Plain definitions of the shortcuts in src/: each is what a faster function must answer."""
