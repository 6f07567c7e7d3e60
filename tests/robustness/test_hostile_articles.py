"""Hostile articles: markup stays text, links stay inside the library, huge or deeply
nested files are cut to bounds (with a warning) or refused, XML bombs are refused."""

from __future__ import annotations

import os
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reader.core.article import (
    MAX_ARTICLE_BYTES,
    MAX_BODY_LINES,
    MAX_LINE_CHARS,
    MAX_TABLE_ROWS,
    parse_article,
    read_article,
    safe_link,
)
from reader.core.errors import ArticleError, ImporterError
from reader.core.library import Library
from reader.core.model import Article

FM = "---\nid: hostile\ntitle: Hostile\ncollection: Tests\n---\n\n"

HOSTILE_MARKUP = [
    "<script>alert(1)</script>",
    '<img src="file:///etc/passwd" onerror="alert(1)">',
    '<iframe src="http://example.com/"></iframe>',
    "<style>body{display:none}</style>",
    '<a href="javascript:alert(1)">click</a>',
    '<object data="x.swf"></object>',
    '<meta http-equiv="refresh" content="0;url=http://example.com">',
]

HOSTILE_TARGETS = [
    "../../etc/passwd",
    "../secret.md",
    "a/../../b",
    "%2e%2e/%2e%2e/etc/passwd",
    "a/%2E%2E/%2e%2e/x",
    "/etc/passwd",
    "//evil.example/x",
    "\\\\server\\share",
    "C:\\Windows\\system32",
    "c:/windows",
    "file:///etc/passwd",
    "FILE:///etc/passwd",
    "javascript:alert(1)",
    " JavaScript:alert(1)",
    "vbscript:x",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data:image/png;base64," + "A" * 200_000,
    "smb://host/share",
]


def hostile_article() -> Article:
    lines = [FM]
    for n, markup in enumerate(HOSTILE_MARKUP):
        lines.append(f"## Heading {markup}\n\nText {markup} more.\n")
        lines.append(f"| a | {markup} |\n|---|---|\n| {markup} | x |\n")
        lines.append(f"> {markup}\n\n- {markup}\n\n`{markup}`\n")
        lines.append(f"{markup}\n\n")  # an HTML block on its own line
        lines.append(f"[link {n}]({HOSTILE_TARGETS[n]}) and ![img {n}]({HOSTILE_TARGETS[n]})\n")
    for n, target in enumerate(HOSTILE_TARGETS):
        lines.append(f"[t{n}]({target}) ![i{n}]({target}) <{target}>\n")
    return parse_article("\n".join(lines), Path("hostile.md"))


@pytest.mark.parametrize("target", HOSTILE_TARGETS, ids=lambda t: t[:30])
def test_links_that_leave_the_library_are_refused(target: str) -> None:
    assert safe_link(target) is None


@pytest.mark.parametrize("target", ["#sources", "figures/one.png", "./a/b.md", "https://x.org/"])
def test_links_inside_the_library_or_to_the_web_are_kept_as_text(target: str) -> None:
    assert safe_link(target) == target


def test_no_run_of_a_hostile_article_links_outside_the_library() -> None:
    article = hostile_article()
    links = [
        run.link
        for section in article.sections
        for block in section.blocks
        for run in (*block.runs, *(r for row in block.rows for c in row for r in c.runs))
        if run.link
    ]
    assert links == [] or all(
        link.startswith("#") or link.lower().startswith(("http://", "https://", "mailto:"))
        for link in links
    ), links


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_raw_html_and_scripts_are_shown_as_text_never_as_markup() -> None:
    render_article = pytest.importorskip("reader.ui.article_html").render_article
    html = render_article(hostile_article()).html
    parsed = _Tags()
    parsed.feed(html)
    names = {tag for tag, _ in parsed.tags}
    assert not names & {"script", "img", "iframe", "style", "object", "meta", "embed", "form"}
    for tag, attrs in parsed.tags:
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "src"):
                assert value is not None
                assert value.startswith(("#", "cite:", "ref:", "flag:")), (tag, value)
    text = "".join(parsed.text)
    for markup in HOSTILE_MARKUP:
        assert markup in text  # the reader sees what the file says, as text


# --- size and nesting bounds ---------------------------------------------------------------


def _blocks(article: Article) -> list[object]:
    return [b for s in article.sections for b in s.blocks]


def _warned(article: Article, words: str) -> bool:
    return any(words in w.message and w.severity == "warning" for w in article.warnings)


def test_a_50_mb_article_is_refused_with_a_clear_message_and_without_reading_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "c" / "huge.md"
    path.parent.mkdir()
    with path.open("wb") as handle:
        handle.write(FM.encode())
        handle.truncate(50 * 1000 * 1000)  # sparse: nothing is actually written
    assert path.stat().st_size > MAX_ARTICLE_BYTES
    with pytest.raises(ArticleError, match=r"50\.0 MB.*refused"):
        read_article(path)
    library = Library.scan(tmp_path)
    assert [p.path.name for p in library.problems] == ["huge.md"]
    assert "refused" in library.problems[0].message


def test_ten_thousand_nested_quotes_on_one_line_are_flattened() -> None:
    article = parse_article(FM + ">" * 10_000 + " deep text\n\nafter\n")
    assert _warned(article, "nested too deeply")
    assert "after" in [b.text for b in _blocks(article)]  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", ["bullets", "ordered", "quotes", "markers"])
def test_ten_thousand_nested_list_or_quote_levels_are_flattened(kind: str) -> None:
    # levels 1..999 line by line, then one line 10,000 levels deep
    line = {
        "bullets": lambda i: "  " * i + "- item",
        "ordered": lambda i: "   " * i + "1. item",
        "quotes": lambda i: ">" * i + " item",
        "markers": lambda i: "- " * i + "item",
    }[kind]
    body = "\n".join(line(i) for i in (*range(1, 1_000), 10_000))
    assert len(body.encode()) < MAX_ARTICLE_BYTES
    article = parse_article(FM + body + "\n\n## End\n\nThe end.\n")
    assert _warned(article, "nested too deeply")
    assert article.sections[-1].text == "The end."


def test_a_100000_row_table_is_cut_with_a_warning() -> None:
    table = "| n | square |\n|---|---|\n" + "".join(f"| {i} | {i * i} |\n" for i in range(100_000))
    article = parse_article(FM + table + "\nAfter the table.\n")
    assert _blocks(article)[-1].text == "After the table."  # type: ignore[attr-defined]
    tables = [b for b in _blocks(article) if b.rows]  # type: ignore[attr-defined]
    assert len(tables) == 1
    assert MAX_TABLE_ROWS // 2 < len(tables[0].rows) <= MAX_TABLE_ROWS + 1  # type: ignore[attr-defined]
    assert _warned(article, "rows were cut short")


def test_a_million_character_line_is_cut_with_a_warning() -> None:
    article = parse_article(FM + "word " * 200_000 + "\n\nNext paragraph.\n")
    texts = [b.text for b in _blocks(article)]  # type: ignore[attr-defined]
    assert len(texts[0]) <= MAX_LINE_CHARS
    assert texts[-1] == "Next paragraph."
    assert _warned(article, "cut short")


def test_an_article_of_too_many_lines_is_cut_with_a_warning() -> None:
    article = parse_article(FM + "A short paragraph.\n\n" * (MAX_BODY_LINES))
    assert len(_blocks(article)) <= MAX_BODY_LINES // 2
    assert _warned(article, f"{MAX_BODY_LINES:,} lines")


# --- JATS: XML bombs, external entities, deep nesting ------------------------------------------

JATS_HEAD = (
    b'<?xml version="1.0"?><article><front><article-meta><title-group>'
    b"<article-title>T</article-title></title-group></article-meta></front><body>"
)


@pytest.mark.parametrize(
    "data",
    [
        b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY l "lol"><!ENTITY l2 "&l;&l;&l;&l;&l;&l;">'
        b'<!ENTITY l3 "&l2;&l2;&l2;&l2;&l2;&l2;&l2;">]><article>&l3;</article>',
        b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<article>&x;</article>",
        b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>'
        b"<article/>",
        b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "http://example.com/x">]>'
        b"<article>&x;</article>",
        JATS_HEAD + b"<sec><p>x</p>" * 5000 + b"</sec>" * 5000 + b"</body></article>",
        JATS_HEAD
        + b"<p>"
        + b"<italic>" * 50_000
        + b"x"
        + b"</italic>" * 50_000
        + b"</p></body></article>",
    ],
    ids=["billion-laughs", "external-file", "parameter-entity", "external-url", "deep", "deeper"],
)
def test_xml_bombs_external_entities_and_deep_nesting_are_refused(data: bytes) -> None:
    from reader.core.importers.jats import convert_jats

    with pytest.raises(ImporterError) as caught:
        convert_jats(data, "Tests")
    assert "refused" in str(caught.value)


def test_nesting_just_under_the_limit_converts_without_recursion_errors() -> None:
    from reader.core.importers.jats import MAX_XML_DEPTH, convert_jats

    depth = MAX_XML_DEPTH - 8  # article, body and a paragraph around it
    data = (
        JATS_HEAD
        + b"<p>"
        + b"<italic>" * depth
        + b"deep words"
        + b"</italic>" * depth
        + b"</p>"
        + b"<list><list-item><p>x</p>" * (depth // 3)
        + b"</list-item></list>" * (depth // 3)
        + b"</body></article>"
    )
    conversion = convert_jats(data, "Tests")
    assert "deep words" in conversion.markdown


def test_an_external_dtd_is_never_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    from reader.core.importers.jats import convert_jats

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the JATS importer tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    data = (
        b'<?xml version="1.0"?><!DOCTYPE article PUBLIC "-//NLM//DTD JATS//EN" '
        b'"http://jats.nlm.nih.gov/archiving/1.2/JATS-archivearticle1.dtd">'
        + JATS_HEAD[len(b'<?xml version="1.0"?>') :]
        + b"<p>Text.</p></body></article>"
    )
    assert "Text." in convert_jats(data, "Tests").markdown


def test_a_library_file_that_is_a_fifo_is_skipped_not_waited_on(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "ok.md").write_text(FM + "Fine.\n", encoding="utf-8")
    os.mkfifo(folder / "pipe.md")  # reading it would block the scan for ever
    library = Library.scan(tmp_path)
    assert [s.path.name for s in library.summaries] == ["ok.md"]
