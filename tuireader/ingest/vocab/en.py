"""English words and phrases of news-page furniture: data only (see ``de.py`` for the notation)."""

from __future__ import annotations

LANGUAGE = "en"

TEASER_LABELS = (
    "related", "related {article,articles,stories,content,post,posts,coverage,news,reading,links,topics}",
    "read {more,next,also}", "also read", "see also", "further reading", "more on this {story,topic}",
    "more {stories,news,articles,like this,to read}", "up next",
    "you {may,might,could} {also ,}{like,enjoy,be interested in}",
    "recommended", "recommended {for you,stories,articles,reading}", "most {popular,read,viewed,shared,emailed}",
    "trending", "{trending,popular,featured} {now,today}",
    "{more,related,latest,recommended,popular,top} {stories,articles,news,coverage,reads,posts}",
    "{editor's picks,editors' picks,editors picks,editor’s picks}", "what to read next", "around the web",
    "{sponsored,promoted} stories", "in case you missed it", "{don't,dont,don’t,do not} miss",
)  # fmt: skip
TEASER_LABEL_PREFIXES = (
    "more from", "more in", "more on", "more about", "most {popular,read,viewed,shared} {in,on,from}",
    "{trending,popular,featured} {on,in,at}",
    "{more,related,latest,recommended,popular,top} {stories,articles,news,coverage,reads,posts} {from,in}",
)  # fmt: skip
WEAK_TEASER_LABELS = ("most commented",)
WEAK_TEASER_LABEL_PREFIXES = ("more",)
BARE_TEASER_LABELS = ("popular", "featured", "latest", "the latest")
MEDIA_MARKS = ("video", "videos")
MEDIA_LABELS = ("{more,top,latest,related,popular} videos", "{video,videos,podcast} of the {week,day}")

SPONSORED_MARKS = (
    "sponsored", "sponsored content", "advertisement", "promoted", "paid post", "paid content", "partner content",
)  # fmt: skip

BYLINE_PREFIXES = ("by", "author", "words by", "written by")
AND_WORDS = ("and",)

READING_TIME_LABELS = ("reading time", "read time", "time to read")
MINUTE_WORDS = ("min", "min.", "mins", "minute", "minutes")
READ_WORDS = ("read",)
ABOUT_WORDS = ("about", "approx.")

PUBLISHED_LABELS = ("published", "published on", "posted", "posted on", "first published", "first published on")
UPDATED_LABELS = ("updated", "updated on", "last updated", "last updated on", "last modified", "modified")
DATE_FILLERS = ("date", "on", "at", "and")

RELATIVE_AFTER = ("ago",)
NUMBER_WORDS = (
    "a", "an", "a few", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
)  # fmt: skip
TIME_UNITS = (
    "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "day",
    "days", "week", "weeks", "month", "months", "year", "years",
)  # fmt: skip
DAY_WORDS = ("today", "yesterday")
NOW_PHRASES = ("just now",)

CREDIT_LABELS = (
    "image", "photo", "picture", "photograph", "photography", "credit", "image credit", "photo credit", "illustration",
)  # fmt: skip
CAPTION_LABELS = ("image {source,caption}",)
SOURCE_LABELS = ("source",)

TAG_LABELS = ("tags", "topics", "filed under")

LINKING_WORDS = ("of", "the", "a", "an", "and", "or", "in", "on", "at", "to", "for", "with", "from", "by", "as")

NAVIGATION_LABELS = (
    "menu", "main menu", "open menu", "close menu", "toggle navigation", "home", "homepage", "search", "search for",
    "show search", "search query", "submit search", "sign in", "sign out", "log in", "login", "log out", "register",
    "my account", "account", "profile", "skip to main content", "skip to content", "skip to navigation",
    "back to top", "top", "next", "previous", "more", "sections", "topics", "all topics", "close", "open", "edition",
    "international edition", "us edition", "uk edition",
)  # fmt: skip

# Cookie and consent notices, and the ad-blocker, JavaScript and browser notices beside them
# (the English words stand in German notices too).
CONSENT_PHRASES = (
    "cookies", "cookie", "cookie settings", "cookie policy", "accept all", "i agree", "consent", "manage consent",
    "privacy settings", "privacy policy", "your privacy", "we use cookies", "personalised ads", "personalized ads",
    "tracking", "javascript", "adblock", "browser", "this website", "our website",
)  # fmt: skip

SUBSCRIPTION_LABELS = (
    "subscribe", "subscribe now", "subscriptions", "subscription", "newsletters", "newsletter", "sign up",
    "sign up now", "signup", "get the newsletter", "try it free", "donate", "support us", "become a member", "join",
    "continue reading", "log in", "register", "subscribers only", "start your free trial",
)  # fmt: skip
SUBSCRIPTION_PHRASES = (
    "newsletter", "subscribe", "subscription", "subscriber", "subscribers", "sign up", "e-mail address",
    "your email", "log in",
)  # fmt: skip
SIGN_UP_WORDS = ("sign up", "signup", "subscribe")

COMMENT_LABELS = (
    "comments", "add a comment", "leave a comment", "leave a reply", "post a comment", "join the conversation",
    "join the discussion", "show comments", "view comments", "load more comments", "reply", "report",
    "conversation", "discussion", "cancel reply", "post comment", "submit comment",
)  # fmt: skip
COMMENT_PHRASES = ("comment", "comments", "email address will not be published", "akismet", "save my name")

SHARE_LABELS = (
    "share", "share this", "share this article", "share this story", "share on facebook", "share on twitter",
    "share on x", "tweet", "copy link", "link copied", "save article", "print", "email", "listen to this article",
    "gift this article", "comment", "text size",
)  # fmt: skip
SHARE_BUTTONS = ("copy", "copied", "save", "saved", "e-mail", "mail", "listen")
SHARE_PHRASES = ("share", "follow us")

FOOTER_LABELS = (
    "privacy", "privacy policy", "privacy notice", "privacy settings", "cookie policy", "cookie settings",
    "cookie preferences", "manage cookies", "terms", "terms of use", "terms of service", "terms and conditions",
    "contact", "contact us", "about", "about us", "accessibility", "accessibility statement", "advertise",
    "advertise with us", "careers", "help", "sitemap", "site map", "corrections", "do not sell my personal info",
    "do not sell or share my personal information", "your privacy choices", "all rights reserved", "imprint",
)  # fmt: skip
FOOTER_PHRASES = ("all rights reserved", "privacy policy", "terms of use", "terms of service")

ADVERT_PHRASES = ("affiliate", "affiliate links", "sponsored by", "in partnership with")

WEAK_PHRASES = (
    "comment", "comments", "share", "tracking", "browser", "javascript", "log in", "subscriber", "subscribers",
    "consent", "i agree", "your privacy", "this website", "our website",
)  # fmt: skip

# The most frequent function words (jusText's stop-word density rests on them).
STOP_WORDS = (
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
    "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
    "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he",
    "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
    "itself", "just", "me", "more", "most", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or",
    "other", "our", "ours", "out", "over", "own", "said", "same", "she", "should", "so", "some", "such", "than",
    "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those",
    "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which",
    "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours",
)  # fmt: skip

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
)  # fmt: skip
