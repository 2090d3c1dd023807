"""Response bodies decoded by their Content-Encoding: gzip, deflate, brotli, zstd; never past a size cap."""

from __future__ import annotations

import io
import zlib

import brotli
import zstandard

ACCEPT_ENCODING = "gzip, deflate, br, zstd"


class DecodeError(Exception):
    """A body that cannot be decoded or would be larger than allowed; ``str()`` is one line."""


class TooLarge(DecodeError):
    pass


def decode_body(data: bytes, content_encoding: str | None, limit: int) -> bytes:
    """``data`` decoded through every coding named (the last applied first), at most ``limit`` bytes."""
    codings = [c.strip().lower() for c in (content_encoding or "").split(",") if c.strip()]
    for coding in reversed(codings):
        if coding in ("identity", ""):
            continue
        try:
            data = _DECODERS[coding](data, limit)
        except KeyError:
            raise DecodeError(f"unknown content encoding {coding!r}") from None
        except TooLarge:
            raise
        except (zlib.error, brotli.error, zstandard.ZstdError, EOFError) as exc:
            raise DecodeError(f"{coding} body cannot be decoded: {exc}") from None
    if len(data) > limit:
        raise TooLarge(_too_large(limit))
    return data


def _too_large(limit: int) -> str:
    return f"larger than {limit // (1024 * 1024)} MB (the limit); not read"


def _zlib(data: bytes, limit: int, wbits: int) -> bytes:
    d = zlib.decompressobj(wbits)
    out = d.decompress(data, limit + 1)
    if len(out) > limit:
        raise TooLarge(_too_large(limit))
    return out


def _gzip(data: bytes, limit: int) -> bytes:
    return _zlib(data, limit, 16 + zlib.MAX_WBITS)


def _deflate(data: bytes, limit: int) -> bytes:
    """zlib-wrapped, as the standard says, or raw deflate, as some servers send."""
    try:
        return _zlib(data, limit, zlib.MAX_WBITS)
    except zlib.error:
        return _zlib(data, limit, -zlib.MAX_WBITS)


def _brotli(data: bytes, limit: int) -> bytes:
    d = brotli.Decompressor()
    out = bytearray(d.process(data, output_buffer_limit=limit + 1))
    while len(out) <= limit and not d.is_finished() and not d.can_accept_more_data():
        out += d.process(b"", output_buffer_limit=limit + 1 - len(out))
    if len(out) > limit:
        raise TooLarge(_too_large(limit))
    return bytes(out)


def _zstd(data: bytes, limit: int) -> bytes:
    with zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data), read_across_frames=True) as reader:
        out = reader.read(limit + 1)
    if len(out) > limit:
        raise TooLarge(_too_large(limit))
    return out


_DECODERS = {"gzip": _gzip, "x-gzip": _gzip, "deflate": _deflate, "br": _brotli, "zstd": _zstd}
