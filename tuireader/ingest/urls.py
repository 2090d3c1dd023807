"""When two web addresses name the same page: a comparison key for links.

``https://WWW.Example.com/a/b/?utm_source=x#top`` and ``http://example.com/a/b``
name the same article: scheme, case of the host, a leading ``www.``, a trailing
slash, the fragment and tracking parameters do not matter. The key is only for
comparing; the stored address stays as the page printed it.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

# Query parameters that tell where a click came from, not which page it opens.
_TRACKING = re.compile(
    r"^(?:utm_\w+|at_\w+|wt[._]\w+|pk_\w+|mtm_\w+|fbclid|gclid|dclid|gclsrc|msclkid|mc_cid|mc_eid|igshid|yclid|"
    r"_ga|_gl|ref|ref_src|referrer|cmpid|cmp|ocid|icid|ito|xtor|smid|smtyp|share|sh|cid|ns_\w+|sc_\w+|s_kwcid|"
    r"trk|trkid|spm|rss|feed)$",
    re.I,
)


def page_key(url: str | None, base: str | None = None) -> str | None:
    """A key equal for addresses of the same page (resolved against ``base``), or None for no address."""
    if not url or not url.strip():
        return None
    url = url.strip()
    try:
        if base:
            url = urljoin(base, url)
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return url
    host = host.removeprefix("www.")
    path = re.sub(r"/{2,}", "/", parts.path).rstrip("/") or "/"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    key = f"{host}{path}"
    if query:
        key += "?" + urlencode(sorted(query))
    return key


_COMMENT_FRAGMENT = re.compile(
    r"^(?:li-|div-)?(?:comments?|respond|reply|kommentare?|leserkommentare?|disqus[\w-]*)(?:[-_]?\w+)?$", re.I
)


def is_comment_link(url: str) -> bool:
    """A link to a reader comment or the comment form ("…/post-123#comment-4567", "#respond")."""
    _, sep, fragment = url.partition("#")
    return bool(sep) and _COMMENT_FRAGMENT.match(fragment) is not None
