"""tuireader: a keyboard-driven terminal reader for stored news articles."""

__version__ = "0.1.0"
