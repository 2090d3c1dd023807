"""Web addresses compared as one.

``page_key``: when two web addresses name the same page, a comparison key for links.

``https://WWW.Example.com/a/b/?utm_source=x#top`` and ``http://example.com/a/b``
name the same article: scheme, case of the host, a leading ``www.``, a trailing
slash, the fragment and tracking parameters do not matter. The key is only for
comparing; the stored address stays as the page printed it.

``canonical_url``: the form an article's address is stored and matched in (the
feeds' items): a real address still, without fragment, tracking parameters,
default port or case in scheme and host.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

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


_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str | None) -> str | None:
    """``url`` without fragment, tracking parameters, default port or case in scheme and host.

    None for anything that is not an http(s) address.
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.split("#", 1)[0].strip())  # (blanks before a fragment are the address's end)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    return urlunsplit((scheme, host, parts.path or "/", urlencode(query), ""))


def host_of(url: str) -> str:
    """The host (with a non-default port) that per-host limits and robots.txt go by."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is not None and port != _DEFAULT_PORTS.get(parts.scheme.lower()):
        return f"{host}:{port}"
    return host
