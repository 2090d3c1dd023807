"""German words and phrases of news-page furniture: data only.

Matching is done in ``vocab/__init__.py``: every phrase is compared
case-insensitively, with any run of white space for a space. ``{a,b}`` stands
for either word (``{ähnliche,verwandte} artikel``); an empty alternative makes a
word optional (``{auch ,}``).

``*_LABELS``: a line that says only this. ``*_PHRASES``: this anywhere in a line
(a line that says only a phrase is a label too).
"""

from __future__ import annotations

LANGUAGE = "de"

# Headings of a related-articles block: the whole line is the heading.
TEASER_LABELS = (
    "mehr zum thema", "mehr zu diesem thema", "{lesen sie,lies,lest} {auch,mehr,weiter,hier}{, zum thema}",
    "auch lesen", "schon gelesen", "mehr lesen", "weiterlesen", "{auch,ebenfalls,außerdem} interessant",
    "auch spannend", "{auch,ebenfalls} lesenswert",
    "{das,dies} {könnte,dürfte} {sie,dich,euch} {auch ,ebenfalls ,}{noch ,sonst ,}interessieren",
    "das interessiert andere leser", "weitere informationen zum thema",
    "{mehr,weitere,ähnliche,verwandte,passende} {artikel,beiträge,nachrichten,themen,geschichten,news,meldungen}"
    "{, zum thema}",
    "{neueste,aktuelle,letzte} {artikel,beiträge,nachrichten,geschichten,news,meldungen}",
    "passend zum thema", "artikel zum thema", "zum thema", "{empfehlung,empfehlungen}",
    "unsere {empfehlung,empfehlungen}", "{empfehlung,empfehlungen} der redaktion",
    "unsere {empfehlung,empfehlungen} der redaktion", "empfohlene artikel",
    "{meistgelesen,meist gelesen,meistgelesene artikel,meist gelesene artikel,am meisten gelesen}",
    "{meistgelesen,beliebt} {heute,jetzt}", "meistgeklickt", "beliebte {artikel,beiträge}",
    "{top-themen,top themen,topthemen,top-news,top news,top-artikel,top artikel}",
    "{lesetipp,lesetipps,leseempfehlung,leseempfehlungen}",
)  # fmt: skip
# Headings that go on with a topic or a place: "Mehr zum Thema Ukraine", "Mehr aus Berlin".
TEASER_LABEL_PREFIXES = (
    "mehr zum thema", "mehr aus", "mehr von", "mehr zu", "relevantes aus", "{meistgelesen,beliebt} {auf,bei}",
    "{mehr,weitere,ähnliche,verwandte,neueste,aktuelle} {artikel,beiträge,nachrichten,themen,geschichten,news} "
    "{aus,von}",
)  # fmt: skip
# Headings that mark a block only when links follow them: "Weitere Tourentipps in Schweden".
WEAK_TEASER_LABELS = ("kommentierte artikel", "{meistkommentiert,meist kommentiert}")
WEAK_TEASER_LABEL_PREFIXES = ("weitere",)
# Words over or in teaser cards that say nothing of a topic ("Neu"). In crawler text a line that says
# only this belongs to the teasers; in HTML they are too vague to mark a block (a card's badge, a menu).
BARE_TEASER_LABELS = ("neu", "beliebt")
# Marks over a video player or a gallery, set into a story or a teaser list: no articles.
MEDIA_MARKS = ("video", "videos", "bildergalerie")
# Headings of a box of videos or pictures: in crawler text they close the story like a teaser heading;
# in HTML they head no related block (the box holds no articles, or the site's menu).
MEDIA_LABELS = ("{video,videos,podcast,bild,foto} {der,des} {woche,tages}",)

# A card or box paid for by someone else.
SPONSORED_MARKS = (
    "anzeige", "werbung", "gesponsert", "advertorial", "partnerinhalt", "partner-inhalt", "partner content",
    "paid content",
)  # fmt: skip

# What stands before the authors' names.
# ("Text" only with its colon: "Text und Fotos von ..." opens a credit, "Text messages ..." a sentence.)
BYLINE_PREFIXES = ("von", "autor", "autorin", "autoren", "text:", "ein beitrag von", "ein kommentar von", "artikel von")
# What joins the last two names of a byline: "Von Anna Berg und Tom Li".
AND_WORDS = ("und",)

# "Lesezeit: 4 Min.", "4 Minuten Lesezeit"
READING_TIME_LABELS = ("lesezeit", "lesedauer", "geschätzte lesezeit")
MINUTE_WORDS = ("min", "min.", "minute", "minuten")
# "4 Min. lesen"
READ_WORDS = ("lesen",)
# "Lesezeit: ca. 4 Minuten"
ABOUT_WORDS = ("ca.", "etwa")

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
CLOCK_WORDS = ("uhr",)

# Times relative to when the page was saved, no date to store: "vor 3 Stunden", "gestern, 18:30 Uhr".
RELATIVE_BEFORE = ("vor",)
NUMBER_WORDS = (
    "einer", "einem", "wenigen", "ein paar", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun",
    "zehn", "elf", "zwölf",
)  # fmt: skip
TIME_UNITS = (
    "sekunde", "sekunden", "sek", "sek.", "minute", "minuten", "min", "min.", "stunde", "stunden", "std", "std.",
    "tag", "tagen", "woche", "wochen", "monat", "monaten", "jahr", "jahren",
)  # fmt: skip
DAY_WORDS = ("heute", "gestern", "vorgestern")
NOW_PHRASES = ("gerade eben", "soeben")

# Picture credits: "Foto: dpa", "Bild © Reuters".
CREDIT_LABELS = (
    "foto", "fotos", "bild", "bilder", "bildquelle", "titelbild", "titelfoto", "aufmacherbild", "beitragsbild",
    "grafik", "illustration",
)  # fmt: skip
# What opens a picture's caption in crawler text ("Bildunterschrift: ...").
CAPTION_LABELS = ("bild {quelle,unterschrift}", "bildunterschrift")
# Where a picture or a figure comes from ("Quelle: Statistisches Bundesamt"): a credit in crawler text.
SOURCE_LABELS = ("quelle",)

# Labels of a tag list ("Schlagworte: Kasachstan, Russland").
TAG_LABELS = (
    "mehr zum thema", "benachrichtigung über neue artikel", "themen", "schlagwörter", "schlagworte", "stichworte",
)  # fmt: skip

# Words that go on a phrase (articles, prepositions, conjunctions): a line after one continues the line above.
LINKING_WORDS = (
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen", "und", "oder", "aber",
    "im", "in", "am", "an", "auf", "aus", "bei", "mit", "nach", "von", "vor", "zu", "zum", "zur", "für", "über",
    "unter", "ohne", "gegen", "um", "durch", "bis", "seit", "als", "wie",
)  # fmt: skip

# Site navigation: menus, search, account, skip links.
NAVIGATION_LABELS = (
    "menü", "hauptmenü", "navigation", "startseite", "zur startseite", "zurück zur startseite", "suche", "suchen",
    "suche öffnen", "menü öffnen", "menü schließen", "suche nach", "anmelden", "abmelden", "einloggen",
    "registrieren", "mein konto", "konto", "profil", "zum inhalt springen", "zum hauptinhalt springen",
    "direkt zum inhalt", "nach oben", "zurück", "weiter", "mehr", "alle themen", "themen", "ressorts", "rubriken",
    "übersicht", "schließen", "öffnen", "zur mobilen ansicht", "hier geht's zu ihren lokalnachrichten!",
)  # fmt: skip

# Cookie and consent notices (and the ad-blocker and browser notices beside them).
CONSENT_PHRASES = (
    "cookies", "cookie", "cookie-einstellungen", "datenschutzeinstellungen", "einwilligung", "zustimmung",
    "alle akzeptieren", "akzeptieren und weiter", "zustimmen", "ihre zustimmung", "datenschutzerklärung",
    "privatsphäre-einstellungen", "personalisierte werbung", "werbeblocker", "diese website", "unsere website",
    "diese webseite", "unsere webseite",
)  # fmt: skip

# Subscription and sign-up prompts: a line that says only this.
SUBSCRIPTION_LABELS = (
    "abo", "abos", "abo-angebote", "abo-service", "abo abschließen", "jetzt abonnieren", "abonnieren", "abonnement",
    "digital-abo", "e-paper", "epaper", "zum e-paper", "newsletter", "newsletter abonnieren", "jetzt testen",
    "jetzt kostenlos testen", "plus", "weiterlesen", "jetzt weiterlesen", "jetzt lesen", "gratis testen",
    "kostenlos registrieren", "zum angebot", "registrieren", "anmelden", "bestellen", "plus-artikel",
    "weiterlesen mit", "exklusiv für abonnenten", "bleiben sie informiert",
)  # fmt: skip
# ... and anywhere in a line.
SUBSCRIPTION_PHRASES = (
    "newsletter", "abonnieren", "abonnent", "abonnement", "registrieren", "melden sie sich an", "jetzt testen",
    "plus-inhalt", "e-mail-adresse", "ihre e-mail", "anmelden",
)  # fmt: skip
# Words of a sign-up prompt that go with "newsletter" (a story sentence naming a newsletter has none).
SIGN_UP_WORDS = ("anmelden", "abonnier", "bestell", "informiert", "registrier")

# Headings and labels of the reader-comment section.
COMMENT_LABELS = (
    "kommentare", "kommentar", "leserkommentare", "diskutieren sie mit", "diskussion", "kommentar schreiben",
    "kommentar verfassen", "ihre meinung", "antworten", "melden", "alle kommentare anzeigen", "kommentare anzeigen",
    "mehr kommentare laden", "hinterlasse eine antwort", "hinterlasse einen kommentar", "schreibe einen kommentar",
    "kommentar abschicken", "antworten abbrechen", "antwort abbrechen",
)  # fmt: skip
# ... and anywhere in a line (the comment form of common blog software among them).
COMMENT_PHRASES = (
    "kommentar", "kommentare", "community-regeln", "netiquette", "e-mail-adresse wird nicht veröffentlicht",
    "email-adresse wird nicht veröffentlicht", "meinen namen, meine e-mail-adresse",
)  # fmt: skip

# Share bars and the other buttons beside a story ("Kommentieren" there is a button, not the comments' heading).
SHARE_LABELS = (
    "teilen", "artikel teilen", "beitrag teilen", "seite teilen", "artikel merken", "drucken", "artikel drucken",
    "artikel anhören", "link kopieren", "link kopiert", "per e-mail teilen", "per e-mail versenden", "kommentieren",
    "schriftgröße", "zur merkliste hinzufügen",
)  # fmt: skip
# Buttons of a share bar that are ordinary words elsewhere ("Merken", "Versenden"): in crawler text a
# line that says only this is a share bar's; HTML keeps them, as a word stressed in a sentence looks alike.
SHARE_BUTTONS = ("merken", "vorlesen", "feedback", "verschicken", "versenden")
SHARE_PHRASES = ("teilen", "folgen sie uns")

# Footer lines: a line that says only this ...
FOOTER_LABELS = (
    "impressum", "datenschutz", "datenschutzerklärung", "datenschutzhinweise", "datenschutzcenter",
    "datenschutz-einstellungen", "privatsphäre-einstellungen", "cookie-einstellungen", "cookie-manager", "cookies",
    "einwilligung widerrufen", "kontakt", "kontaktformular", "agb", "nutzungsbedingungen", "barrierefreiheit",
    "erklärung zur barrierefreiheit", "mediadaten", "werbung", "werben", "karriere", "jobs", "hilfe", "faq",
    "über uns", "redaktion", "presse", "sitemap", "abo kündigen", "verträge hier kündigen", "alle rechte vorbehalten",
)  # fmt: skip
# ... and anywhere in a line.
FOOTER_PHRASES = ("alle rechte vorbehalten", "impressum", "nutzungsbedingungen")

# Paid links and partnerships named in a line.
ADVERT_PHRASES = ("affiliate-links", "werbelinks", "in kooperation mit")

# Phrases that running text uses in other senses too ("Der Bundesrat muss zustimmen"): they make
# only a short line furniture, never a long one.
WEAK_PHRASES = (
    "kommentar", "kommentare", "teilen", "anmelden", "registrieren", "abonnent", "zustimmung", "zustimmen",
    "netiquette", "diese website", "unsere website", "diese webseite", "unsere webseite",
)  # fmt: skip

# The most frequent function words (jusText's stop-word density rests on them).
STOP_WORDS = (
    "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an", "ander", "andere", "anderen",
    "auch", "auf", "aus", "bei", "beim", "bin", "bis", "bist", "da", "dabei", "damit", "dann", "das", "dass", "daß",
    "dem", "den", "denen", "denn", "der", "deren", "des", "dessen", "die", "dies", "diese", "diesem", "diesen",
    "dieser", "dieses", "doch", "dort", "du", "durch", "ein", "eine", "einem", "einen", "einer", "eines", "er", "es",
    "etwa", "euch", "für", "gegen", "gewesen", "hab", "habe", "haben", "hat", "hatte", "hatten", "hier", "hin",
    "hinter", "ich", "ihm", "ihn", "ihnen", "ihr", "ihre", "ihrem", "ihren", "ihrer", "ihres", "im", "in", "indem",
    "ins", "ist", "jede", "jedem", "jeden", "jeder", "jedes", "jetzt", "kann", "kein", "keine", "keinen", "können",
    "könnte", "man", "manche", "mehr", "mein", "mich", "mir", "mit", "muss", "musste", "nach", "nicht", "nichts",
    "noch", "nun", "nur", "ob", "oder", "ohne", "schon", "sehr", "sein", "seine", "seinem", "seinen", "seiner",
    "sei", "seit", "sich", "sie", "sind", "so", "solche", "soll", "sollte", "sondern", "sonst", "über", "um", "und",
    "uns", "unser", "unter", "viel", "vom", "von", "vor", "wann", "war", "waren", "warum", "was", "weil", "weiter",
    "welche", "wenn", "wer", "werde", "werden", "wie", "wieder", "will", "wir", "wird", "wo", "wollen", "wurde",
    "wurden", "zu", "zum", "zur", "zwar", "zwischen",
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
