"""A research article's byline: authors shortened, journal, year."""

from __future__ import annotations

import pytest

from reader.core.byline import byline, is_research, short_name
from reader.core.model import ArticleMeta


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Luca Giuggioli", "L. Giuggioli"),
        ("Thomas J. McKetterick", "T. J. McKetterick"),
        ("Jean-Paul Sartre", "J.-P. Sartre"),
        ("Ludwig van Beethoven", "L. van Beethoven"),
        ("The PLOS Medicine Editors", "The PLOS Medicine Editors"),  # a group stays whole
        ("WHO", "WHO"),
    ],
)
def test_names_are_shortened_to_initials_and_surname(name: str, short: str) -> None:
    assert short_name(name) == short


def test_more_than_two_authors_are_et_al_with_journal_and_year() -> None:
    meta = ArticleMeta(
        id="x",
        title="T",
        collection="C",
        authors=("Luca Giuggioli", "Thomas J. McKetterick", "Marc Holderied"),
        published="2015-03-26",
        journal="PLOS Computational Biology",
        doi="10.1371/journal.pcbi.1004089",
    )
    line = byline(meta)
    assert line.authors == ("L. Giuggioli", "T. J. McKetterick") and line.more_authors
    assert (line.journal, line.year) == ("PLOS Computational Biology", "2015")
    assert is_research(meta)
    assert not is_research(ArticleMeta(id="y", title="T", collection="C"))
