"""HTML files, WARC archives and RSS/Atom feeds, built around the real seed articles."""

from __future__ import annotations

import html
import io
from datetime import date
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.models import RawDocument, Rejected
from sitrep.readers import read_paths, read_stream


def page(record: dict, charset: str = "utf-8") -> str:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in record["text"].split("\n\n"))
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}">'
        f"<title>{html.escape(record['title'])}</title></head>"
        f"<body><nav>Home | World</nav><article>{paragraphs}</article></body></html>"
    )


# --- HTML -------------------------------------------------------------------------------------


def test_html_file_is_marked_html_with_extraction_left_to_clean(
    tmp_path: Path, seed_records: dict[str, dict]
) -> None:
    path = tmp_path / "seed-002.html"
    path.write_text(page(seed_records["seed-002"]), encoding="utf-8")
    (doc,) = read_paths([path], published=date(2025, 10, 12))
    assert isinstance(doc, RawDocument)
    assert doc.is_html and doc.title is None
    assert doc.published == date(2025, 10, 12)
    assert "58 Pakistani soldiers" in doc.text


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    text = "<p>Kabul’s café – “12 killed”</p>"
    markup = f'<html><head><meta charset="windows-1252"></head><body>{text}</body></html>'
    path = tmp_path / "page.htm"
    path.write_bytes(markup.encode("cp1252"))
    (doc,) = read_paths([path])
    assert text in doc.text


def test_truncated_html_is_still_a_document(tmp_path: Path) -> None:
    path = tmp_path / "cut.html"
    path.write_text("<html><body><p>Twelve people were killed in Ka")
    (doc,) = read_paths([path])
    assert isinstance(doc, RawDocument) and doc.is_html


# --- WARC -------------------------------------------------------------------------------------


def _warc(records: list[tuple[str, str, bytes, str]], gzip: bool) -> bytes:
    """(url, status, body, content type) responses, with a request record before each."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for url, status, body, content_type in records:
        request = writer.create_warc_record(
            url,
            "request",
            payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders(f"GET {url} HTTP/1.1", [], is_http_request=True),
        )
        writer.write_record(request)
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
        )
    return buffer.getvalue()


@pytest.fixture
def warc_records(seed_records: dict[str, dict]) -> list[tuple[str, str, bytes, str]]:
    return [
        (
            "https://www.example.org/a",
            "200 OK",
            page(seed_records["seed-000"]).encode(),
            "text/html; charset=utf-8",
        ),
        ("https://example.org/logo.png", "200 OK", b"\x89PNG\r\n", "image/png"),
        ("https://example.org/gone", "404 Not Found", b"<html>no</html>", "text/html"),
        ("https://example.org/b", "200 OK", page(seed_records["seed-002"]).encode(), "text/html"),
    ]


@pytest.mark.parametrize(("suffix", "gzip"), [(".warc", False), (".warc.gz", True)])
def test_warc_responses_become_documents(
    tmp_path: Path, warc_records: list, suffix: str, gzip: bool
) -> None:
    path = tmp_path / f"crawl{suffix}"
    path.write_bytes(_warc(warc_records, gzip))
    items = list(read_paths([path]))
    assert [type(i) for i in items] == [RawDocument, Rejected, Rejected, RawDocument]
    first, png, gone, second = items
    assert first.is_html and first.url == "https://www.example.org/a"
    assert first.source == "example.org"
    assert first.published is None  # WARC-Date is the crawl date: not used
    assert "37 civilians were killed" in first.text
    assert "58 Pakistani soldiers" in second.text
    assert png.reason == "unsupported content type image/png"
    assert gone.reason == "HTTP status 404"
    assert first.origin == f"{path}#record-2"  # record 1 is the request
    assert [d.id for d in read_paths([path]) if isinstance(d, RawDocument)] == [first.id, second.id]
    assert first.id != second.id


def test_broken_gzip_record_is_rejected_and_reading_continues(
    tmp_path: Path, warc_records: list
) -> None:
    good = _warc(warc_records[:1], gzip=True)
    broken = _warc(warc_records[3:], gzip=True)
    damaged = broken[:40] + b"\x00garbage\xff" * 8 + broken[-300:]  # request and response hit
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(good + damaged + good)
    items = list(read_paths([path]))
    docs = [i for i in items if isinstance(i, RawDocument)]
    rejected = [i for i in items if isinstance(i, Rejected)]
    assert len(docs) == 2 and all("37 civilians" in d.text for d in docs)
    assert rejected and all("broken WARC record" in r.reason for r in rejected)
    assert all(r.origin.startswith(f"{path}#record-") for r in rejected)


def test_truncated_and_garbage_warc_are_rejected(tmp_path: Path, warc_records: list) -> None:
    data = _warc(warc_records, gzip=False)
    (tmp_path / "a.warc").write_bytes(data[: len(data) // 3])
    (tmp_path / "b.warc").write_bytes(b"this is not a WARC file at all\n" * 20)
    (tmp_path / "c.warc.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    items = list(read_paths([tmp_path]))
    by_file: dict[str, list] = {}
    for item in items:
        by_file.setdefault(Path(item.origin.split("#")[0]).name, []).append(item)
    assert set(by_file) == {"a.warc", "b.warc", "c.warc.gz"}
    assert [i.reason for i in by_file["b.warc"] + by_file["c.warc.gz"]] == [
        "not a WARC file (no WARC/1.x header at the start)"
    ] * 2
    assert isinstance(by_file["a.warc"][-1], Rejected)


def _record(uri: str | None, body: bytes, length: int | None = None) -> bytes:
    """One uncompressed WARC response, by hand: `length` overrides the true Content-Length."""
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    target = b"" if uri is None else b"WARC-Target-URI: " + uri.encode() + b"\r\n"
    return (
        b"WARC/1.0\r\nWARC-Type: response\r\n"
        + target
        + b"Content-Length: "
        + str(len(block) if length is None else length).encode()
        + b"\r\n\r\n"
        + block
        + b"\r\n\r\n"
    )


GOOD_1 = _record("https://example.org/1", b"<p>Twelve people were killed in Kabul on Monday.</p>")
GOOD_2 = _record("https://example.org/2", b"<p>Three soldiers died in Kandahar on Tuesday.</p>")
BAD_BODY = b"<p>" + b"A page cut short. " * 10 + b"</p>"


@pytest.mark.parametrize(
    ("broken", "why"),
    [
        # a download cut mid-record: its Content-Length swallows the next record's header
        (_record("https://example.org/cut", BAD_BODY)[:150], "does not end where"),
        (_record("https://example.org/cut", BAD_BODY)[:60], "runs into another record"),
        (_record("https://example.org/long", BAD_BODY, length=5000), "truncated"),
        (_record("https://example.org/short", BAD_BODY, length=30), "does not end where"),
        (_record(None, BAD_BODY), "response record without a WARC-Target-URI"),
        (b"WARC/1.0\r\nWARC-Type: response\r\n" + BAD_BODY + b"\r\n\r\n", "Content-Length"),
        (b"not a record at all\r\n\r\n", "no WARC/1.x version line"),
    ],
    ids=[
        "cut-mid-body",
        "cut-in-header",
        "length-too-long",
        "length-too-short",
        "no-target-uri",
        "no-content-length",
        "not-a-record",
    ],
)
def test_broken_warc_record_costs_only_itself(broken: bytes, why: str) -> None:
    """good, broken, good: both good records are read (the reader resynchronises on the next
    version line), and the broken one is one Rejected saying what is wrong with it."""
    data = GOOD_1 + broken + GOOD_2
    items = list(read_stream(io.BytesIO(data), "crawl.warc"))
    docs = [i for i in items if isinstance(i, RawDocument)]
    rejected = [i for i in items if isinstance(i, Rejected)]
    assert [d.url for d in docs] == ["https://example.org/1", "https://example.org/2"]
    assert "Kabul" in docs[0].text and "Kandahar" in docs[1].text
    assert [r.origin for r in rejected] == ["crawl.warc#record-2"], rejected
    (error,) = rejected
    assert error.reason.startswith(f"broken WARC record at byte {len(GOOD_1)}: ")
    assert why in error.reason
    assert "Error" not in error.reason and "NoneType" not in error.reason  # no exception text
    assert docs[1].origin == "crawl.warc#record-3"


def test_warc_record_over_the_cap_is_rejected(tmp_path: Path, warc_records: list) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(_warc(warc_records[:1], gzip=False))
    (item,) = read_paths([path], max_bytes=500)
    assert isinstance(item, Rejected) and "too large" in item.reason and "cap 500" in item.reason


# --- RSS / Atom -------------------------------------------------------------------------------


def rss(seed_records: dict[str, dict]) -> str:
    items = []
    for n, rec in enumerate(seed_records.values()):
        body = "".join(f"<p>{html.escape(p)}</p>" for p in rec["text"].split("\n\n"))
        items.append(
            f"<item><title>{html.escape(rec['title'])}</title>"
            f"<link>https://example.org/{rec['id']}</link><guid>urn:{rec['id']}</guid>"
            f"<pubDate>Thu, 16 Oct 2025 23:30:00 +0{n + 4}00</pubDate>"
            f"<description>{html.escape(rec['text'][:80])}</description>"
            f"<content:encoded><![CDATA[{body}]]></content:encoded></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Example &amp; News</title>{''.join(items)}"
        "<item><title>Headline-only item about Kabul</title></item></channel></rss>"
    )


def test_rss_entries_are_documents_with_their_own_dates(
    tmp_path: Path, seed_records: dict[str, dict]
) -> None:
    path = tmp_path / "news.rss"
    path.write_text(rss(seed_records), encoding="utf-8")
    first, second, headline_only = read_paths([path], published=date(2000, 1, 1))
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.title == seed_records["seed-000"]["title"]
    assert first.is_html and "37 civilians were killed" in first.text  # the full content
    assert first.published == date(2025, 10, 16)  # the date as written, not moved to UTC
    assert first.source == "Example & News" and first.url == "https://example.org/seed-000"
    assert first.origin == f"{path}#entry-1"
    assert headline_only.text == "Headline-only item about Kabul"
    assert headline_only.published == date(2000, 1, 1)  # no own date: the argument


def test_feed_ids_come_from_guids(tmp_path: Path, seed_records: dict[str, dict]) -> None:
    (tmp_path / "a.rss").write_text(rss(seed_records))
    (tmp_path / "b.xml").write_text(rss(seed_records))
    ids = [d.id for d in read_paths([tmp_path])]
    assert ids[:2] == ids[3:5]  # the same items in two fetches of the feed: the same ids
    assert len(set(ids[:3])) == 3


def test_atom_feed(tmp_path: Path, seed_records: dict[str, dict]) -> None:
    rec = seed_records["seed-002"]
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Atom news</title><entry><id>tag:example.org,2025:1</id>"
        f"<title>{html.escape(rec['title'])}</title><updated>2025-10-12T21:00:00-04:00</updated>"
        f'<summary type="html">{html.escape("<p>" + rec["text"][:500] + "</p>")}</summary>'
        "</entry></feed>"
    )
    path = tmp_path / "news.atom"
    path.write_text(atom)
    (doc,) = read_paths([path])
    assert doc.published == date(2025, 10, 12) and doc.is_html
    assert "five dozen Pakistani soldiers" in doc.text


def test_xml_that_is_not_a_feed_and_broken_feeds_are_rejected(tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_text('<?xml version="1.0"?><config><x>1</x></config>')
    (tmp_path / "b.rss").write_text("<rss version='2.0'><channel><title>t</title></channel></rss>")
    (tmp_path / "c.rss").write_bytes(b"\x00\x01 not xml")
    items = list(read_paths([tmp_path]))
    assert [type(i) for i in items] == [Rejected, Rejected, Rejected]
    assert items[0].reason == "XML that is not an RSS/Atom feed"
    assert items[1].reason == "feed without entries"


def test_feed_with_unknown_extension_is_sniffed(tmp_path: Path, seed_records: dict) -> None:
    path = tmp_path / "feed"
    path.write_text(rss(seed_records))
    assert len([d for d in read_paths([path]) if isinstance(d, RawDocument)]) == 3
