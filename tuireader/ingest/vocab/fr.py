"""French words of news pages: data only (see ``de.py`` for the notation).

Only the stop words so far, which tell French running text from page furniture
in crawler text; the furniture lists are still to be written.
"""

from __future__ import annotations

LANGUAGE = "fr"

# The most frequent function words (jusText's stop-word density rests on them).
STOP_WORDS = (
    "a", "au", "aux", "avec", "ce", "ces", "cette", "dans", "de", "des", "du", "elle", "en", "est", "et", "eux",
    "il", "ils", "je", "la", "le", "les", "leur", "lui", "ma", "mais", "me", "même", "mes", "moi", "mon", "ne",
    "nos", "notre", "nous", "on", "ont", "ou", "par", "pas", "pour", "qu", "que", "qui", "sa", "se", "ses", "son",
    "sont", "sur", "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "été", "être",
    "avait", "avoir", "fait", "plus", "selon", "aussi", "comme",
)  # fmt: skip
