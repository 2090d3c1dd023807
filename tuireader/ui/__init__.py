"""The Textual reader. Never touches SQL or parses text: it asks the library."""
