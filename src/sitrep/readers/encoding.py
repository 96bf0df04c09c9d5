"""Bytes to text: BOMs, UTF-8, UTF-16/32 without BOM, legacy 8-bit encodings, and binary refusal.

Every reader decodes through `decode_bytes`, so one rule decides what is text. It raises
`NotText(reason)` ("binary", "undecodable …") instead of guessing; readers turn that into a
`Rejected`.
"""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

#: Share of control characters (other than whitespace) above which decoded text is "binary".
MAX_CONTROL_SHARE = 0.05
#: Fewer non-ASCII bytes than this are decoded as cp1252 without asking charset-normalizer.
MIN_EVIDENCE = 8
#: How much of a large input charset-normalizer looks at.
_SAMPLE = 256_000

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Western single-byte encodings, most preferred first, when charset-normalizer finds several
# equally plausible: cp1252 is a superset of Latin-1's printable range and is what "Latin-1"
# web pages really are.
_WESTERN = ("cp1252", "latin_1", "iso8859_15")
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"\xfd7zXZ", "xz data"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3", "SQLite database"),
)


class NotText(ValueError):
    """The bytes are not text a reader can use; `reason` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def magic_kind(data: bytes) -> str | None:
    """The kind of a well-known binary format from its first bytes, else None."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode `data` to str, or raise `NotText`.

    Order: BOM; the declared charset (HTTP header, XML prolog) when it decodes cleanly; UTF-8;
    UTF-16/32 without BOM (recognised by their NUL pattern); anything else with NUL bytes is
    binary; then charset-normalizer, preferring cp1252 among equally plausible Western guesses.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_decode_or_fail(data[len(bom) :], encoding))
    kind = magic_kind(data)
    if kind is not None:
        raise NotText(f"binary ({kind})")
    if declared:
        try:
            return _checked(data.decode(_codec_name(declared)))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: detect instead
    if b"\x00" in data:  # before UTF-8: ASCII in UTF-16 is valid UTF-8, NULs and all
        wide = _utf16_or_32(data)
        if wide is None:
            raise NotText("binary (NUL bytes)")
        return _checked(_decode_or_fail(data, wide))
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if _control_share_bytes(data) > MAX_CONTROL_SHARE:
        raise NotText("binary (mostly non-text bytes)")
    return _checked(_decode_legacy(data))


def _codec_name(label: str) -> str:
    return codecs.lookup(label.strip().strip("\"'")).name


def _decode_or_fail(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise NotText(f"undecodable as {encoding}: {exc.reason} at byte {exc.start}") from None


def _utf16_or_32(data: bytes) -> str | None:
    """Guess UTF-16/32 without BOM from where the NUL bytes sit (mostly-ASCII text)."""
    sample = data[:_SAMPLE]
    n = len(sample)
    if n < 4:
        return None
    if n % 4 == 0:
        quads = [sample[i::4].count(0) / (n // 4) for i in range(4)]
        if quads[1] > 0.9 and quads[2] > 0.9 and quads[3] > 0.9:
            return "utf-32-le"
        if quads[0] > 0.9 and quads[1] > 0.9 and quads[2] > 0.9:
            return "utf-32-be"
    if n % 2 == 0:
        even = sample[0::2].count(0) / (n // 2)
        odd = sample[1::2].count(0) / (n // 2)
        if odd > 0.3 and even < 0.05:
            return "utf-16-le"
        if even > 0.3 and odd < 0.05:
            return "utf-16-be"
    return None


def _decode_legacy(data: bytes) -> str:
    if sum(1 for b in data[:_SAMPLE] if b >= 0x80) < MIN_EVIDENCE:
        # A few accented letters in English text: too little for detection to tell cp1252
        # from Urdu or Cyrillic code pages, and Western is by far the likelier.
        return _western(data)
    western = _western(data)
    if all(_latin_letter(ch) for ch in western if ord(ch) >= 0x80):
        # every non-ASCII byte is a Latin letter in cp1252 ("armée", "À Kaboul"): Western text;
        # statistical detection on a short sample often prefers another 8-bit code page
        return western
    matches = [
        m for m in from_bytes(data[:_SAMPLE]) if not m.encoding.startswith(("utf_16", "utf_32"))
    ]
    if matches:
        least = min(m.chaos for m in matches)
        plausible = [m.encoding for m in matches if m.chaos <= least + 0.005]
        choice = next((enc for enc in _WESTERN if enc in plausible), plausible[0])
        try:
            return data.decode(choice)
        except UnicodeDecodeError:
            pass  # the sample decoded, the whole does not: fall through
    return _western(data)


def _latin_letter(ch: str) -> bool:
    return unicodedata.category(ch).startswith("L") and ord(ch) < 0x250 or ch in "’‘“”–—…€«»°·"


def _western(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin_1")  # total: every byte is a character


def _control_share_bytes(data: bytes) -> float:
    sample = data[:_SAMPLE]
    if not sample:
        return 0.0
    controls = sum(1 for b in sample if b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D))
    return controls / len(sample)


def _checked(text: str) -> str:
    """Refuse decoded text that is mostly control characters (binary that happened to decode)."""
    sample = text[:_SAMPLE]
    if sample:
        bad = sum(
            1
            for ch in sample
            if ch not in "\t\n\r\f" and unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn")
        )
        if bad / len(sample) > MAX_CONTROL_SHARE:
            raise NotText("binary (mostly non-text characters)")
    return text
