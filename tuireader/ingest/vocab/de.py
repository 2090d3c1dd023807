"""German words and phrases of news-page furniture: data only.

Matching is done in ``vocab/__init__.py``: every phrase is compared
case-insensitively, with any run of white space for a space. ``{a,b}`` stands
for either word (``{ähnliche,verwandte} artikel``).
"""

from __future__ import annotations

LANGUAGE = "de"

# Headings of a related-articles block: the whole line is the heading.
TEASER_LABELS = (
    "mehr zum thema", "mehr zu diesem thema", "lesen sie {auch,mehr,weiter,hier}", "lies auch", "auch lesen",
    "schon gelesen", "mehr lesen", "weiterlesen", "auch interessant", "ebenfalls interessant",
    "außerdem interessant", "auch spannend", "{auch,ebenfalls} lesenswert",
    "{das,dies} könnte {sie,dich} {auch,ebenfalls} interessieren", "das könnte sie interessieren",
    "das dürfte sie auch interessieren", "das interessiert andere leser",
    "weitere {artikel,nachrichten,themen,beiträge,news,meldungen}", "weitere informationen zum thema",
    "{ähnliche,verwandte,passende} {artikel,beiträge,themen,nachrichten}", "passend zum thema",
    "artikel zum thema", "zum thema", "{empfehlung,empfehlungen}", "unsere {empfehlung,empfehlungen}",
    "{empfehlung,empfehlungen} der redaktion", "unsere {empfehlung,empfehlungen} der redaktion",
    "empfohlene artikel", "{meistgelesen,meist gelesen,meistgelesene artikel,meist gelesene artikel}",
    "meistgeklickt", "beliebte {artikel,beiträge}", "{neueste,aktuelle,letzte} {artikel,beiträge,nachrichten,news}",
    "{top-themen,top themen,topthemen,top-news,top news,top-artikel,top artikel}",
    "{lesetipp,lesetipps,leseempfehlung,leseempfehlungen}", "mehr {artikel,news,nachrichten}",
)  # fmt: skip
# Headings that go on with a topic or a place: "Mehr zum Thema Ukraine", "Mehr aus Berlin".
TEASER_LABEL_PREFIXES = ("mehr zum thema", "mehr aus", "mehr von", "mehr zu")
# Headings that mark a block only when links follow them: "Weitere Tourentipps in Schweden".
WEAK_TEASER_LABELS = ("kommentierte artikel", "{meistkommentiert,meist kommentiert}")
WEAK_TEASER_LABEL_PREFIXES = ("weitere",)

# A card or box paid for by someone else.
SPONSORED_MARKS = (
    "anzeige", "werbung", "gesponsert", "advertorial", "partnerinhalt", "partner-inhalt", "partner content",
    "paid content",
)  # fmt: skip

# What stands before the authors' names.
# ("Text" only with its colon: "Text und Fotos von ..." opens a credit, "Text messages ..." a sentence.)
BYLINE_PREFIXES = (
    "von", "autor", "autorin", "autoren", "text:", "ein beitrag von", "ein kommentar von", "artikel von",
)  # fmt: skip

# "Lesezeit: 4 Min.", "4 Minuten Lesezeit"
READING_TIME_LABELS = ("lesezeit", "lesedauer", "geschätzte lesezeit")
MINUTE_WORDS = ("min", "min.", "minute", "minuten")

# Labels of the date line.
PUBLISHED_LABELS = (
    "veröffentlicht", "veröffentlicht am", "veröffentlichung", "publiziert", "publiziert am", "erschienen",
    "erschienen am", "erstellt", "erstellt am",
)  # fmt: skip
UPDATED_LABELS = (
    "aktualisiert", "aktualisiert am", "zuletzt aktualisiert", "zuletzt aktualisiert am", "letzte aktualisierung",
    "geändert", "geändert am", "stand",
)  # fmt: skip
# Words that may stand among the dates of a date line without being a date: "am", "um", "Uhr".
DATE_FILLERS = ("datum", "am", "vom", "um", "uhr", "und")

# Picture credits: "Foto: dpa", "Bild © Reuters".
CREDIT_LABELS = (
    "foto", "fotos", "bild", "bilder", "bildquelle", "titelbild", "titelfoto", "aufmacherbild", "beitragsbild",
    "grafik", "illustration",
)  # fmt: skip

# Cookie and consent notices.
CONSENT_PHRASES = (
    "cookies", "cookie-einstellungen", "datenschutzeinstellungen", "einwilligung", "alle akzeptieren",
    "akzeptieren und weiter", "zustimmen", "ihre zustimmung", "datenschutzerklärung", "privatsphäre-einstellungen",
)  # fmt: skip

# Subscription and sign-up prompts.
SUBSCRIPTION_PHRASES = (
    "newsletter", "abonnieren", "jetzt abonnieren", "abo abschließen", "jetzt testen", "registrieren",
    "anmelden", "bestellen", "plus-artikel", "weiterlesen mit", "exklusiv für abonnenten", "bleiben sie informiert",
)  # fmt: skip
# Words of a sign-up prompt that go with "newsletter" (a story sentence naming a newsletter has none).
SIGN_UP_WORDS = ("anmelden", "abonnier", "bestell", "informiert", "registrier")

# Headings and labels of the reader-comment section.
COMMENT_LABELS = (
    "kommentare", "kommentar", "leserkommentare", "kommentieren", "diskutieren sie mit", "diskussion",
    "kommentar schreiben", "ihre meinung",
)  # fmt: skip

# Share bars.
SHARE_LABELS = ("teilen", "artikel teilen", "beitrag teilen", "drucken", "per e-mail versenden", "link kopieren")

# Footer lines.
FOOTER_PHRASES = (
    "impressum", "datenschutz", "alle rechte vorbehalten", "kontakt", "agb", "nutzungsbedingungen", "mediadaten",
)  # fmt: skip

MONTHS = {
    "januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feber": 2, "feb": 2, "märz": 3, "maerz": 3, "mär": 3,
    "mrz": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "dezember": 12,
    "dez": 12,
}  # fmt: skip

WEEKDAYS = (
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
    "mo", "di", "mi", "do", "fr", "sa", "so",
)  # fmt: skip
