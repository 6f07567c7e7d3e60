"""Property-based fuzzing of every parser that reads outside data.

For any input: a result, or a ReaderError with a message a person can read; never
another exception. Bounded here (``scripts/fuzz.py`` runs the same properties longer).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import robust_props as props
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from robust_library import make_library

FAST = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
SLOW = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FAST
@given(st.binary(max_size=3000))
def test_any_bytes_decode_to_text_or_a_clear_error(data: bytes) -> None:
    props.check_decode(data)


@FAST
@given(props.any_text)
def test_any_text_parses_or_is_refused_clearly(text: str) -> None:
    props.check_parse(text)


@FAST
@given(props.markdownish)
def test_any_body_under_valid_front_matter_is_an_article(body: str) -> None:
    props.check_parse_body(body)


@FAST
@given(props.yamlish)
def test_any_front_matter_parses_or_names_the_fault(yaml_text: str) -> None:
    props.check_front_matter(yaml_text)


@SLOW
@given(
    st.lists(
        st.one_of(
            st.binary(max_size=400),
            props.markdownish.map(lambda b: (props.FRONT_MATTER + b).encode("utf-8", "replace")),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_a_folder_of_random_files_scans_and_reports_each_file(files: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        props.check_scan(Path(tmp), files)


@SLOW
@given(
    st.one_of(
        st.text(max_size=400),
        st.lists(
            st.sampled_from(
                ["[session]\n", "[display]\n", "[admin]\n", "[home]\n", "[features]\n",
                 "idle_timeout = ", "120\n", "-5\n", "1e309\n", '"x"\n', "true\n", "[1, 2]\n",
                 "pin_hash = ", '"scrypt$1$2$3$AAAA$BBBB"\n', "=\n", "[[", "]]", '"""', "\x00",
                 "unknown = 1\n", "theme = ", '"dark"\n', "{}\n", "[session.x]\n"]
            ),
            max_size=30,
        ).map("".join),
    )
)  # fmt: skip
def test_any_kiosk_configuration_loads_or_is_refused_clearly(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        props.check_kiosk(text, Path(tmp))


@SLOW
@given(props.xmlish)
def test_any_jats_input_converts_or_is_refused_clearly(data: bytes) -> None:
    props.check_jats(data)


@SLOW
@given(props.seedish)
def test_any_seed_text_converts_to_a_readable_article_or_is_refused(data: bytes) -> None:
    pytest.importorskip("reader.core.importers.seed")
    props.check_seed(data)


# --- the search query parser ---------------------------------------------------------------


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from reader.core.library import Library
    from reader.core.search import SearchIndex

    root = make_library(tmp_path_factory.mktemp("lib"), 12)
    ix = SearchIndex.open(Library.scan(root), tmp_path_factory.mktemp("ix"))
    ix.update()
    yield ix
    ix.close()


ODD_QUERIES = [
    '"vitamin iron',
    'vitamin "',
    '"',
    '""',
    "(vitamin",
    "vitamin)",
    "((((",
    ")))",
    "AND",
    "OR",
    "NOT",
    "AND OR NOT",
    "NOT NOT",
    "- - -",
    "-vitamin",
    "*",
    "?",
    "vi*",
    "title:",
    "\x00\x01\x02",
    "vitamin\x00iron",
    "\t\n\r",
    "\u202eiron",
    "x" * 10_000,
    "vitamin " * 1_250,
    '"' * 10_000,
    "(" * 10_000,
    "é" * 10_000,
    "",
    "   ",
]


@pytest.mark.parametrize("query", ODD_QUERIES, ids=lambda q: repr(q[:20]) + f"*{len(q)}")
def test_odd_queries_give_results_or_a_friendly_nothing(index: Any, query: str) -> None:
    props.check_query(index, query)


def test_a_plain_query_still_finds_articles(index: Any) -> None:
    results = index.search("vitamin")
    assert results.hits


@FAST
@given(props.queryish)
def test_any_query_gives_results_or_a_friendly_nothing(index: Any, query: str) -> None:
    props.check_query(index, query)


# --- per-user state and the index manifest -------------------------------------------------

_JSONISH = st.one_of(
    st.binary(max_size=600),
    st.lists(
        st.sampled_from(
            ['{', '}', '[', ']', '"text_scale"', '"theme"', ':', ',', '100', '"dark"', 'null',
             '1e999', '-1', '"version"', '"files"', '"root"', '{"version": 1, ', '\\u0000',
             '"\\ud800"', 'true', '[[[[[[[[', ']]]]]]]]', '"schema"', '"articles":{', '\n']
        ),
        max_size=60,
    ).map(lambda parts: "".join(parts).encode("utf-8")),
)  # fmt: skip


@FAST
@given(_JSONISH)
def test_any_settings_file_gives_settings_and_warnings(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        props.check_settings(data, Path(tmp))


@pytest.fixture(scope="module")
def small_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_library(tmp_path_factory.mktemp("lib"), 4)


@SLOW
@given(_JSONISH)
def test_any_scan_cache_lists_the_library_as_a_full_scan_does(
    small_library: Path, data: bytes
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        props.check_scan_cache(data, small_library, Path(tmp))


@SLOW
@given(_JSONISH)
def test_any_index_manifest_opens_as_damage_or_an_index(small_library: Path, data: bytes) -> None:
    from reader.core.library import Library

    with tempfile.TemporaryDirectory() as tmp:
        props.check_manifest(data, Path(tmp), Library.scan(small_library))
