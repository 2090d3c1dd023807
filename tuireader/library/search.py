"""A user's search words as a safe FTS5 query, German-friendly.

The index (``unicode61 remove_diacritics 2``) folds case and diacritics, so
"munchen" already finds "München". This module adds what the tokenizer cannot
know: the ways German writes an umlaut or a sharp s. All of "Österreich",
"osterreich" and "oesterreich", "Straße" and "strasse", "Grüße", "grusse" and
"gruesse" find each other. A term is searched in every spelling that folds to
the same word (``fold``): a, o and u with or without a following e, ss or ß.

Syntax: words (all must occur), ``"a phrase"``, ``prefix*``, ``OR`` between
terms, ``-word`` (or ``NOT word``) to exclude. Anything else is literal text:
no user input reaches FTS5 unquoted. A query is at most ``MAX_QUERY_CHARS``
long with at most ``MAX_TERMS`` terms (BadQuery beyond).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from tuireader.library.errors import BadQuery

# A search is something typed: these bounds keep the slowest query well under a second.
MAX_QUERY_CHARS = 1000
MAX_TERMS = 32
# Spellings searched for one term: a word with seven a/o/u/ss places
# is searched in all its spellings; places an umlaut, "ae/oe/ue" or "ss/ß"
# marks in the query come first, plain vowels after.
MAX_SPELLINGS = 128
# Spellings searched for a whole query: a query of many words searches fewer
# spellings of each (still all the places its own umlauts, ae/oe/ue and ß mark first).
MAX_QUERY_SPELLINGS = 512

_TOKEN = re.compile(r'(-?)(?:"([^"]*)"?|(\S+))')
_WORDISH = re.compile(r"\w", re.UNICODE)
_WORD_END = re.compile(r"\w{3,}$")
_UMLAUT_VOWELS = frozenset("aou")
_UMLAUTS = {"ä": "a", "ö": "o", "ü": "u"}


@dataclass(frozen=True)
class _Place:
    """Where a spelling may vary: after a/o/u an optional "e", or "ss" against "ß"."""

    choices: tuple[str, ...]
    given: str  # as the query wrote it
    marked: bool  # the query wrote an umlaut, "ae/oe/ue", "ss" or "ß" here


def _places(text: str, prefix: bool) -> list[str | _Place]:
    """``text`` casefolded, umlauts as their vowel, with the places where German spellings differ."""
    # casefold would turn ß into ss: keep it apart to know how the query wrote it.
    chars = unicodedata.normalize("NFC", text).replace("ß", "\x00").casefold()
    out: list[str | _Place] = []
    i = 0
    while i < len(chars):
        c = chars[i]
        vowel = _UMLAUTS.get(c, c)
        if vowel in _UMLAUT_VOWELS:
            with_e = c == vowel and chars[i + 1 : i + 2] == "e"
            out.append(vowel)
            # "oe" may be an Ö or an o and an e; "Boen" may also be "Böen" written "Boeen".
            choices = ("", "e", "ee") if with_e else ("", "e")
            out.append(_Place(choices, "e" if with_e else "", c != vowel or with_e))
            i += 2 if with_e else 1
        elif c == "\x00" or chars.startswith("ss", i):
            given = "ß" if c == "\x00" else "ss"
            out.append(_Place(("ss", "ß"), given, True))
            i += len(c) if c == "\x00" else 2
        elif prefix and c == "s" and i == len(chars) - 1:
            out.append(_Place(("s", "ß"), "s", False))
            i += 1
        else:
            out.append(c)
            i += 1
    return out


def spellings(text: str, prefix: bool = False, most: int = MAX_SPELLINGS) -> list[str]:
    """The ways a German term may be written (deduplicated, at most ``most``), the query's own first.

    Every a/o/u may be followed by an "e" (Ö is also written Oe, and the index
    folds Ö to o), every "ss" may be a "ß". With ``prefix`` a final "s" may
    also be the start of a "ß". Beyond the budget, places keep the query's spelling.
    """
    parts = _places(text, prefix)
    places = [p for p in parts if isinstance(p, _Place)]
    varied: set[int] = set()
    count = 1
    for k in sorted(range(len(places)), key=lambda k: (not places[k].marked, k)):
        if count * len(places[k].choices) > most:
            break
        varied.add(k)
        count *= len(places[k].choices)
    options = [
        (places[k].given, *(c for c in places[k].choices if c != places[k].given))
        if k in varied
        else (places[k].given,)
        for k in range(len(places))
    ]
    out: list[str] = []
    for combo in itertools.product(*options):
        choice = iter(combo)
        spelled = "".join(p if isinstance(p, str) else next(choice) for p in parts)
        if spelled not in out:
            out.append(spelled)
    return out


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _term(text: str, prefix: bool, occurs: Callable[[str], bool] | None, most: int) -> str:
    star = " *" if prefix else ""
    alternatives = [_quote(v) + star for v in spellings(text, prefix, most)]
    if occurs is not None and len(alternatives) > 1:
        # Only spellings the index holds: each alternative costs a lookup per index segment.
        alternatives = [a for a in alternatives if occurs(a)] or alternatives[:1]
    if len(alternatives) == 1:
        return alternatives[0]
    return "(" + " OR ".join(alternatives) + ")"


def _check_size(query: str) -> None:
    if len(query) > MAX_QUERY_CHARS:
        raise BadQuery(f"a search is at most {MAX_QUERY_CHARS:,} characters long (this one has {len(query):,})")


def build_fts_query(query: str, prefix_last: bool = False, occurs: Callable[[str], bool] | None = None) -> str:
    """Translate a user query into an FTS5 MATCH expression; BadQuery if nothing is searchable.

    With ``prefix_last`` a last word that may still be being typed (``_last_plain_word``)
    also finds longer words, as if it ended in "*". ``occurs(alternative)``, when
    given, says whether a spelling (an FTS5 phrase) is in the index at all.
    """
    _check_size(query)
    groups: list[list[str]] = []  # AND of ORs
    negatives: list[str] = []
    join_or = False
    negate_next = False
    terms = 0
    matches = list(_TOKEN.finditer(query))
    last_word = _last_plain_word(query, matches) if prefix_last else None
    words = sum(1 for m in matches if m.group(3) not in ("OR", "AND", "NOT") and _WORDISH.search(m.group(0)))
    most = max(2, min(MAX_SPELLINGS, MAX_QUERY_SPELLINGS // max(1, words)))
    for match in matches:
        minus, phrase, word = match.groups()
        if phrase is None and word in ("OR", "AND", "NOT"):
            join_or = word == "OR" and bool(groups)
            negate_next = word == "NOT"
            continue
        text = phrase if phrase is not None else word
        prefix = False
        if phrase is None:
            prefix = text.endswith("*") or match is last_word
            text = text.rstrip("*")
        elif query[match.end() : match.end() + 1] == "*":
            prefix = True
        if not _WORDISH.search(text):
            continue
        terms += 1
        if terms > MAX_TERMS:
            raise BadQuery(f"a search takes at most {MAX_TERMS} words")
        term = _term(text.strip(), prefix, occurs, most)
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


def _last_plain_word(query: str, matches: list[re.Match[str]]) -> re.Match[str] | None:
    """The query's last term if it may be a word still being typed.

    A plain word (not quoted, excluded, an operator or a prefix already)
    ending in three letters or more, with nothing after it: a space says the word is complete.
    """
    if not matches or matches[-1].end() != len(query):
        return None
    last = matches[-1]
    minus, phrase, word = last.groups()
    if minus or phrase is not None or word in ("OR", "AND", "NOT") or not _WORD_END.search(word):
        return None
    if len(matches) > 1 and matches[-2].group(3) == "NOT":
        return None
    return last


# Markdown in a snippet, in one pass so an escaped mark ("\\*") stays a character:
# escapes, links (their text may hold the [[ ]] of a match), emphasis and code marks.
_MARKDOWN = re.compile(
    r"\\(?P<escaped>[!-/:-@\[-`{-~])"
    r"|!?\[(?P<link>(?:[^\[\]]|\[\[[^\[\]]*\]\])*)\]\([^)\s]*\)?"
    r"|\*\*|__|`"
    r"|(?<![\w*])\*(?=[^\s*])|(?<=[^\s*])\*(?![\w*])"
    r"|(?<![\w_])_(?=[^\s_])|(?<=[^\s_])_(?![\w_])"
)
# Block marks at the start of a line: headings, quotes, list bullets.
_BLOCK_MARK = re.compile(r"(?m)^[ \t]*(?:#{1,6}|>|[-*+])[ \t]+")


def _plain(match: re.Match[str]) -> str:
    if match.group("escaped") is not None:
        return match.group("escaped")
    if match.group("link") is not None:
        return _MARKDOWN.sub(_plain, match.group("link"))
    return ""


def clean_snippet(snippet: str) -> str:
    """One line of plain text: markdown marks (emphasis, links, headings, code, escapes) are not shown."""
    text = _MARKDOWN.sub(_plain, _BLOCK_MARK.sub("", snippet))
    return re.sub(r"\s+", " ", text).strip()


def plain_words_query(query: str) -> str:
    """The fallback: every word of the query, quoted, all required."""
    words = re.findall(r"\w+", query)[:MAX_TERMS]
    return " AND ".join(_quote(w.casefold()) for w in words)
