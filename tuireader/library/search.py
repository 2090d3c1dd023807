"""A user's search words as a safe FTS5 query, German-friendly.

The index (``unicode61 remove_diacritics 2``) folds case and diacritics, so
"munchen" already finds "München". This module adds what the tokenizer cannot
know: "muenchen" finds "München", "München" finds "Muenchen", "strasse" and
"straße" find each other. Each term is searched in all its spellings.

Syntax: words (all must occur), ``"a phrase"``, ``prefix*``, ``OR`` between
terms, ``-word`` (or ``NOT word``) to exclude. Anything else is literal text:
no user input reaches FTS5 unquoted.
"""

from __future__ import annotations

import re

from tuireader.library.errors import BadQuery

_TOKEN = re.compile(r'(-?)(?:"([^"]*)"?|(\S+))')
_WORDISH = re.compile(r"\w", re.UNICODE)
_UMLAUT_SPELLING = re.compile(r"(?<=\w)([aou])e")


_UMLAUT_AS_E = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


def spellings(text: str) -> list[str]:
    """The ways a German term may be written: as given, ae→a, ä→ae, ß↔ss (deduplicated).

    The index already folds ä to a, so "ae" spellings in a query become "a"
    and umlauts in a query also look for "ae" spellings in the text.
    """
    base = text.casefold()
    out = [base]
    folded = _UMLAUT_SPELLING.sub(r"\1", base)
    expanded = base.translate(_UMLAUT_AS_E)
    for variant in (folded, expanded, base.replace("ss", "ß"), base.replace("ß", "ss"), folded.replace("ß", "ss")):
        if variant not in out:
            out.append(variant)
    return out


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _term(text: str, prefix: bool) -> str:
    star = " *" if prefix else ""
    alternatives = [_quote(v) + star for v in spellings(text)]
    if len(alternatives) == 1:
        return alternatives[0]
    return "(" + " OR ".join(alternatives) + ")"


def build_fts_query(query: str) -> str:
    """Translate a user query into an FTS5 MATCH expression; BadQuery if nothing is searchable."""
    groups: list[list[str]] = []  # AND of ORs
    negatives: list[str] = []
    join_or = False
    negate_next = False
    for match in _TOKEN.finditer(query):
        minus, phrase, word = match.groups()
        if phrase is None and word in ("OR", "AND", "NOT"):
            join_or = word == "OR" and bool(groups)
            negate_next = word == "NOT"
            continue
        text = phrase if phrase is not None else word
        prefix = False
        if phrase is None:
            prefix = text.endswith("*")
            text = text.rstrip("*")
        elif query[match.end() : match.end() + 1] == "*":
            prefix = True
        if not _WORDISH.search(text):
            continue
        term = _term(text.strip(), prefix)
        if minus or negate_next:
            negatives.append(term)
        elif join_or and groups:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_or = negate_next = False
    if not groups:
        raise BadQuery("nothing to search for" if not negatives else "a search needs at least one word to find")
    positive = " AND ".join(g[0] if len(g) == 1 else "(" + " OR ".join(g) + ")" for g in groups)
    if negatives:
        return f"({positive}) NOT ({' OR '.join(negatives)})"
    return positive


def clean_snippet(snippet: str) -> str:
    return re.sub(r"\s+", " ", snippet).strip()


def plain_words_query(query: str) -> str:
    """The fallback: every word of the query, quoted, all required."""
    words = re.findall(r"\w+", query)
    return " AND ".join(_quote(w.casefold()) for w in words)
