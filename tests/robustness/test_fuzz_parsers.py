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
