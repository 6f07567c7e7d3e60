"""Browsing by topic: A–Z and groups, from the titles and the groups' data."""

from __future__ import annotations

from pathlib import Path

from reader.core.library import Library
from reader.core.topics import by_group, by_letter, letter_of, parse_groups, topic_groups


def write(root: Path, collection: str, *titles: str) -> None:
    folder = root / collection.lower().replace(" ", "-").replace("(", "").replace(")", "")
    folder.mkdir(parents=True, exist_ok=True)
    for n, title in enumerate(titles):
        article_id = f"{folder.name}-{n}"
        (folder / f"{article_id}.md").write_text(
            f'---\nid: {article_id}\ntitle: "{title}"\ncollection: {collection}\n---\n\nText.\n',
            encoding="utf-8",
        )


def library(tmp_path: Path) -> Library:
    write(tmp_path, "Health topics", "Heart Attack", "Pregnancy and Medicines", "ménière's disease",
          "4 Steps to Manage Your Diabetes", "Asthma in Children")  # fmt: skip
    write(tmp_path, "Cancer (NCI)", "Wilms Tumor")
    write(tmp_path, "Research", "Heart rate variability in mice")
    (tmp_path / "collections.txt").write_text("Health topics\n[secondary]\nResearch\n")
    return Library.scan(tmp_path)


GROUPS = parse_groups(
    "# test groups\n"
    "Heart\theart\tcardi*\n"
    "Children\tchild*\tpregnan*\tbirth\n"
    "Cancer\tcancer\tcollection: Cancer (NCI)\n"
    "Diabetes\tdiabet*\tblood sugar\n"
    "Empty\tzzz\n"
)


def test_a_to_z_files_titles_by_first_letter_without_accents_and_leaves_out_secondary(
    tmp_path: Path,
) -> None:
    shelves = {s.name: [a.title for a in s.articles] for s in by_letter(library(tmp_path))}
    assert shelves == {
        "A": ["Asthma in Children"],
        "H": ["Heart Attack"],
        "M": ["ménière's disease"],
        "P": ["Pregnancy and Medicines"],
        "W": ["Wilms Tumor"],
        "#": ["4 Steps to Manage Your Diabetes"],
    }
    assert list(shelves)[-1] == "#"
    assert letter_of("Ébola") == "E"


def test_groups_come_from_title_words_and_whole_collections(tmp_path: Path) -> None:
    shelves = {s.name: [a.title for a in s.articles] for s in by_group(library(tmp_path), GROUPS)}
    assert shelves == {
        "Heart": ["Heart Attack"],  # not the research paper on heart rate: secondary
        "Children": ["Asthma in Children", "Pregnancy and Medicines"],
        "Cancer": ["Wilms Tumor"],  # its whole collection
        "Diabetes": ["4 Steps to Manage Your Diabetes"],
    }  # the empty group is not shown


def test_the_bundled_groups_are_well_formed() -> None:
    groups = topic_groups()
    names = [g.name for g in groups]
    assert len(names) == len(set(names)) >= 10
    for wanted in ("Heart", "Diabetes", "Pregnancy", "Infections", "Mental health", "Cancer",
                   "Older adults"):  # fmt: skip
        assert any(n.startswith(wanted) for n in names), wanted
    assert all(g.words or g.collections for g in groups)
    assert all(w and w == w.strip() and "\t" not in w for g in groups for w in g.words)
