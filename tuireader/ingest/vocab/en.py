"""English words and phrases of news-page furniture: data only (see ``de.py`` for the notation)."""

from __future__ import annotations

LANGUAGE = "en"

TEASER_LABELS = (
    "related", "related {article,articles,stories,content,post,posts,coverage,news,reading,links,topics}",
    "read {more,next,also}", "also read", "see also", "further reading", "more on this {story,topic}",
    "more {stories,news,articles}", "more like this", "you {may,might} also {like,enjoy,be interested in}",
    "recommended", "recommended {for you,stories,articles,reading}", "most {popular,read,viewed,shared,emailed}",
    "trending", "trending {now,stories}", "latest {news,stories,articles,posts}", "top stories",
    "{editor's picks,editors' picks,editors picks,editor’s picks}", "what to read next", "around the web",
    "{sponsored,promoted} stories", "popular {stories,articles,posts,now}", "in case you missed it",
    "{don't miss,dont miss,don’t miss}",
)  # fmt: skip
TEASER_LABEL_PREFIXES = (
    "more from",
    "more in",
    "more on",
    "more about",
    "most {popular,read,viewed,shared} {in,on,from}",
)
WEAK_TEASER_LABELS = ("most commented",)
WEAK_TEASER_LABEL_PREFIXES = ("more",)

SPONSORED_MARKS = ("sponsored", "advertisement", "promoted", "paid post", "paid content", "partner content")

BYLINE_PREFIXES = ("by", "author", "words by", "written by")

READING_TIME_LABELS = ("reading time", "read time", "time to read")
MINUTE_WORDS = ("min", "min.", "mins", "minute", "minutes")

PUBLISHED_LABELS = ("published", "published on", "posted", "posted on", "first published", "first published on")
UPDATED_LABELS = ("updated", "updated on", "last updated", "last updated on", "last modified", "modified")
DATE_FILLERS = ("date", "on", "at", "and")

CREDIT_LABELS = ("image", "photo", "picture", "photograph", "credit", "image credit", "photo credit", "illustration")

CONSENT_PHRASES = (
    "cookies", "cookie settings", "cookie policy", "accept all", "i agree", "manage consent", "privacy settings",
    "your privacy", "we use cookies",
)  # fmt: skip

SUBSCRIPTION_PHRASES = (
    "newsletter", "subscribe", "subscribe now", "sign up", "signup", "log in", "register", "subscribers only",
    "start your free trial",
)  # fmt: skip
SIGN_UP_WORDS = ("sign up", "signup", "subscribe")

COMMENT_LABELS = (
    "comments", "comment", "leave a comment", "leave a reply", "join the conversation", "join the discussion",
    "show comments", "view comments",
)  # fmt: skip

SHARE_LABELS = ("share", "share this", "share this article", "share on facebook", "tweet", "print", "email")

FOOTER_PHRASES = ("all rights reserved", "privacy policy", "terms of use", "terms of service", "contact us", "imprint")

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
)  # fmt: skip
