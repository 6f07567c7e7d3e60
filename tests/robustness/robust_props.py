"""Properties shared by the fuzz tests and ``scripts/fuzz.py``.

Every parser that reads outside data must, for any input, either return a result or
raise a :class:`~reader.core.errors.ReaderError` whose message a person can read.
Each ``check_*`` function states that for one parser and one input; the strategies
describe the inputs worth throwing at it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from hypothesis import strategies as st

from reader.core.errors import ReaderError

T = TypeVar("T")

FRONT_MATTER = "---\nid: fuzz\ntitle: Fuzz\ncollection: Fuzz\n---\n"

#: Characters that mean something to Markdown, YAML or the query parser, plus
#: awkward Unicode (controls, a NUL, bidi overrides, surrogates-free astral).
_SPECIAL = list("\n\n\n    \t>>>--**__[]()!#|`~:^\"'\\<>&;{}=+.0123456789")
_ODD = ["\x00", "\x07", "\x0b", "\x0c", "\r", "\u2028", "\u202e", "\ufeff", "\U0001f600", "é"]
_WORDS = [
    "vitamin", "iron", "AND", "OR", "NOT", "[^a]", "[^a]:", "<script>", "</div>",
    "javascript:alert(1)", "![x](../../etc/passwd)", "[l](file:///etc)", "---", "```",
    "1.", "- ", "> ", "| a | b |", "|---|---|", "id:", "title:", "\n\n", "*", "http://x",
]  # fmt: skip

markdownish = st.lists(
    st.one_of(st.sampled_from(_SPECIAL), st.sampled_from(_ODD), st.sampled_from(_WORDS)),
    max_size=200,
).map("".join)

any_text = st.one_of(st.text(max_size=2000), markdownish)

yamlish = st.lists(
    st.sampled_from(
        [
            "id: a\n", "title: T\n", "collection: C\n", "id: ", "title: ", "collection: ",
            "[", "]", "{", "}", ": ", "- ", "&a ", "*a ", "!!python/object:os.system ", "'",
            '"', "\n", "  ", "authors:\n  - A\n", "flagged_claims: ", "2020-01-01", "null",
            "~", "? ", "|\n", ">\n", "%YAML 1.1\n", "\t", "published: 2020-13-45\n",
        ]
    ),
    max_size=40,
).map("".join)  # fmt: skip


def clean(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | ReaderError:
    """Call ``fn``; return its result or the :class:`ReaderError` it raised (checked to
    carry a readable one-line-or-more message). Anything else propagates and fails."""
    try:
        return fn(*args, **kwargs)
    except ReaderError as exc:
        message = str(exc)
        assert message.strip(), f"{type(exc).__name__} without a message"
        assert "Traceback" not in message
        return exc


# --- the properties ------------------------------------------------------------------------


def check_decode(data: bytes) -> None:
    from reader.core.article import decode_article_bytes

    result = clean(decode_article_bytes, data, Path("fuzz.md"))
    assert isinstance(result, str | ReaderError)


def check_parse(text: str) -> None:
    from reader.core.article import parse_article
    from reader.core.model import Article

    result = clean(parse_article, text, Path("fuzz.md"))
    assert isinstance(result, Article | ReaderError)


def check_parse_body(body: str) -> None:
    """With valid front matter, any body is an article (never an error)."""
    from reader.core.article import parse_article
    from reader.core.model import Article

    result = clean(parse_article, FRONT_MATTER + body, Path("fuzz.md"))
    assert isinstance(result, Article), result
    for section in result.sections:
        for block in section.blocks:
            for run in block.runs:
                assert run.link is None or not run.link.lower().startswith(
                    ("javascript:", "file:", "data:", "/", "..")
                ), run.link


def check_front_matter(yaml_text: str) -> None:
    check_parse(f"---\n{yaml_text}\n---\nBody.\n")


def check_scan(root: Path, files: list[bytes]) -> None:
    from reader.core.library import Library

    for n, data in enumerate(files):
        folder = root / f"c{n % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"f{n}.md").write_bytes(data)
    library = Library.scan(root)
    listed = {s.path.name for s in library.summaries} | {p.path.name for p in library.problems}
    assert listed == {f"f{n}.md" for n in range(len(files))}
    for problem in library.problems:
        assert problem.message.strip()


def check_settings(data: bytes, tmp: Path) -> None:
    """Any bytes as settings.json: valid settings (defaults where a value is bad) and
    warnings, never an exception; defaults come with a warning."""
    from reader.core.settings import DEFAULTS, Settings, SettingsStore

    path = tmp / "settings.json"
    path.write_bytes(data)
    settings, warnings = SettingsStore(path).load()
    assert isinstance(settings, Settings)
    assert all(isinstance(w, str) and w.strip() for w in warnings)
    if settings == DEFAULTS and data.strip() not in (b"", b"{}"):
        assert warnings or b"{" in data


def check_scan_cache(data: bytes, root: Path, cache_dir: Path) -> None:
    """Any bytes as the library scan cache: the library lists as a full scan does."""
    from reader.core.library import Library, ScanCache

    path = ScanCache.path_for(cache_dir, root)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    library = Library.scan(root, cache_dir)
    full = Library.scan(root)
    assert [s.id for s in library.summaries] == [s.id for s in full.summaries]


def check_manifest(data: bytes, index_dir: Path, library: Any) -> None:
    """Any bytes as the search index manifest: opening finds it unusable (or usable) and
    searching answers; nothing raises."""
    from reader.core.search import MANIFEST_NAME, SearchIndex

    (index_dir / MANIFEST_NAME).write_bytes(data)
    ix = SearchIndex.open(library, index_dir, verify=True)
    try:
        results = ix.search("vitamin")
        assert results.hits or results.rebuilding or results.message
    finally:
        ix.close()


def check_kiosk(text: str, tmp: Path) -> None:
    from reader.core.kiosk import KioskConfig, load_kiosk_config

    path = tmp / "kiosk.toml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    result = clean(load_kiosk_config, path)
    assert isinstance(result, KioskConfig | ReaderError)


def check_jats(data: bytes) -> None:
    from reader.core.importers.jats import convert_jats

    clean(convert_jats, data, "Fuzz", Path("fuzz.xml"))


def check_seed(data: bytes) -> None:
    from reader.core.article import parse_article
    from reader.core.importers.seed import convert_seed_bytes

    result = clean(convert_seed_bytes, data, Path("fuzz.txt"))
    if not isinstance(result, ReaderError):
        # what the importer writes must itself be a readable library article
        parse_article(result.markdown, Path("converted.md"))


def check_query(index: Any, query: str) -> None:
    from reader.core.model import SearchResults

    results = index.search(query)
    assert isinstance(results, SearchResults)
    assert results.hits or results.message, f"no hits and no word for {query!r}"
    index.suggest(query)


# --- inputs for the JATS and seed properties -------------------------------------------------

_XML_PIECES = [
    "<article>", "</article>", "<front>", "</front>", "<article-meta>", "</article-meta>",
    "<title-group><article-title>", "</article-title></title-group>", "<body>", "</body>",
    "<sec>", "</sec>", "<title>", "</title>", "<p>", "</p>", "<italic>", "</italic>",
    '<xref ref-type="bibr" rid="r1">', "</xref>", "<back><ref-list>", "</ref-list></back>",
    '<ref id="r1"><mixed-citation>', "</mixed-citation></ref>", "<table-wrap><table><tr><td>",
    "</td></tr></table></table-wrap>", "<list><list-item>", "</list-item></list>", "text ",
    "&amp;", "&lt;", "&#x0;", "&bogus;", "<![CDATA[x]]>", "<!-- c -->", "<?pi x?>", "<",
    ">", '"', "<!DOCTYPE article>", '<!ENTITY a "b">', "<disp-quote>", "</disp-quote>",
    '<ext-link xlink:href="javascript:alert(1)">', "</ext-link>", "\x00", "é", "\n",
]  # fmt: skip

xmlish = st.one_of(
    st.binary(max_size=500),
    st.lists(st.sampled_from(_XML_PIECES), max_size=60).map(
        lambda parts: ('<?xml version="1.0"?>' + "".join(parts)).encode("utf-8")
    ),
)

_SEED_PIECES = [
    "womens health\n\n", "A Title About Vitamins\n\n", "Body sentence about iron. ", "\n\n",
    "Heading Here\n\n", "1. Cornell University. “Study.” 2020.\n", "HTML Headings:\n",
    "*Note: this site does not give medical advice.\n\n", "author avatar\n", "Staff\n",
    "According to Smith et al. (2019), ", "[^1]", "<script>x</script>", "---\n", "# ",
    "\x00", "\ufeff", "\r\n", "é", "    ",
]  # fmt: skip

seedish = st.one_of(
    st.binary(max_size=300),
    st.lists(st.sampled_from(_SEED_PIECES), max_size=40).map(lambda p: "".join(p).encode()),
)

queryish = st.one_of(
    st.text(max_size=60),
    st.lists(
        st.sampled_from(
            ['"', "(", ")", "AND", "OR", "NOT", "-", "+", "*", "?", "~", "^", ":", "vitamin",
             "iron", "b12", "\x00", "\t", "\n", "title:", "&&", "||", " ", "é", "[", "]", "{"]
        ),
        max_size=20,
    ).map(" ".join),
)  # fmt: skip
