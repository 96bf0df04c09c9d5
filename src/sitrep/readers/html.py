"""HTML pages: decoded with their declared charset, marked is_html; clean/ extracts the article."""

from __future__ import annotations

import re
from datetime import date

from sitrep.models import RawDocument, Rejected
from sitrep.readers.text import document_from_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (<meta charset> or http-equiv)."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def html_document(
    data: bytes,
    *,
    origin: str,
    doc_id: str,
    published: date | None,
    charset: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> RawDocument | Rejected:
    """One HTML page as a RawDocument (is_html=True); `charset` is e.g. from HTTP headers."""
    return document_from_bytes(
        data,
        origin=origin,
        doc_id=doc_id,
        published=published,
        html=True,
        declared_charset=charset or declared_charset(data),
        url=url,
        source=source,
    )
