"""From bytes to clean text: decoding, HTML extraction, boilerplate removal.

Nothing here changes offsets silently: decoding fixes the input that offsets refer to, and
cleaning only *classifies* stretches of it (content or boilerplate), it never rewrites it.
"""
