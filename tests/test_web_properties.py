"""Properties of the pure pieces of fetching: body decoding and address canonical forms."""

from __future__ import annotations

import gzip
import zlib

import brotli
import pytest
import zstandard
from hypothesis import given, settings
from hypothesis import strategies as st

from tuireader.ingest.urls import canonical_url
from tuireader.web.decoding import DecodeError, TooLarge, decode_body

ENCODERS = {
    "gzip": gzip.compress,
    "deflate": zlib.compress,
    "br": brotli.compress,
    "zstd": zstandard.ZstdCompressor().compress,
}


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=5000), st.sampled_from(sorted(ENCODERS)), st.sampled_from(sorted(ENCODERS)))
def test_bodies_decode_back_through_two_codings(data: bytes, first: str, second: str) -> None:
    encoded = ENCODERS[second](ENCODERS[first](data))
    assert decode_body(encoded, f"{first}, {second}", 10_000) == data


@settings(max_examples=60, deadline=None)
@given(st.binary(min_size=101, max_size=3000), st.sampled_from(sorted(ENCODERS)))
def test_a_body_over_the_limit_is_refused_whatever_its_coding(data: bytes, coding: str) -> None:
    with pytest.raises(TooLarge):
        decode_body(ENCODERS[coding](data), coding, 100)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=200), st.sampled_from(sorted(ENCODERS)))
def test_garbage_in_a_coding_is_a_decode_error(data: bytes, coding: str) -> None:
    try:
        decode_body(data, coding, 10_000)
    except DecodeError as exc:
        assert str(exc) and "\n" not in str(exc)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_canonical_addresses_are_stable(text: str) -> None:
    for url in (text, "http://" + text, "https://Example.COM:443/" + text):
        once = canonical_url(url)
        if once is not None:
            assert once.startswith(("http://", "https://")) and "#" not in once
            assert canonical_url(once) == once


def test_canonical_addresses_drop_only_what_names_no_other_page() -> None:
    assert (
        canonical_url("HTTPS://News.Example:443/a/b?id=7&utm_source=x&fbclid=y#top") == "https://news.example/a/b?id=7"
    )
    assert canonical_url("http://news.example:8080") == "http://news.example:8080/"
    assert (
        canonical_url("https://news.example/a #top")
        == canonical_url("https://news.example/a")
        == "https://news.example/a"
    )
    assert canonical_url("mailto:a@b.c") is None and canonical_url("https://") is None
