"""The health vocabulary rules, word by word (the search tests show them through real queries)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.search.analysis import ANALYSIS
from reader.core.vocabulary import Synonyms, americanise, fold_word

analyse = ANALYSIS.analyse


@pytest.mark.parametrize(
    "text", ["B12", "B-12", "b 12", "B 12", "B₁₂", "b12", "B‑12", "vitamin B-12's"]
)
def test_letter_digit_variants_are_one_term(text: str) -> None:
    assert "b12" in analyse(text)


def test_letter_digit_joining_leaves_ordinary_numbers_alone() -> None:
    assert analyse("a 12 week study") == ["12", "week", "studi"]
    assert analyse("COVID-19 in 2021") == ["covid19", "2021"]
    assert analyse("H1N1") == ["h1n1"]


@pytest.mark.parametrize("word", ["HbA1c", "νij", "CO2", "Cij"])
def test_letters_kept_apart_for_speech_are_found_as_the_word_shown(word: str) -> None:
    """A formula's indices carry an unseen separator for speech ("ν⁣i⁣j", "HbA⁣1c"):
    searching the word as it is seen finds them."""
    apart = "\u2063".join(word)
    assert analyse(apart) == analyse(word)
    assert analyse(f"the {apart} value") == analyse(f"the {word} value")


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("anaemia", "anemia"),
        ("oedema", "edema"),
        ("paediatric", "pediatric"),
        ("foetus", "fetus"),
        ("haemoglobin", "hemoglobin"),
        ("leukaemia", "leukemia"),
        ("diarrhoea", "diarrhea"),
        ("oesophagus", "esophagus"),
        ("oestrogen", "estrogen"),
        ("orthopaedic", "orthopedic"),
        ("randomised", "randomized"),
        ("tumour", "tumor"),
        ("haematology", "hematology"),
        ("hypoglycaemia", "hypoglycemia"),
        ("litres", "liters"),
    ],
)
def test_british_spellings_become_american(british: str, american: str) -> None:
    assert americanise(british) == american
    assert analyse(british) == analyse(american)


@pytest.mark.parametrize("word", ["exercise", "advise", "aerobic", "poem", "does", "shoe"])
def test_spelling_patterns_leave_other_words_alone(word: str) -> None:
    assert americanise(word) == word


def test_case_and_accent_folding() -> None:
    assert fold_word("Ménière") == "meniere"
    assert analyse("CAFÉ Naïve") == analyse("cafe naive")


def test_stemming_and_stop_words() -> None:
    assert analyse("Breastfeeding the infants") == [
        "breastfeed",
        "infant",
    ]
    assert analyse("the of and") == []


def test_synonyms_group_lay_and_clinical_words(tmp_path: Path) -> None:
    syn = Synonyms.for_library(None, ANALYSIS)
    assert len(syn) >= 40
    alts = syn.alternatives(tuple(analyse("heart attack")))
    assert tuple(analyse("myocardial infarction")) in alts
    assert tuple(analyse("cobalamin")) in syn.alternatives(("b12",))
    units = syn.segment(analyse("high blood pressure in pregnancy"))
    assert units[0][0] == tuple(analyse("high blood pressure"))
    (tmp_path / "synonyms.tsv").write_text("# ours\nzorp\tglimmerwort\n", encoding="utf-8")
    extended = Synonyms.for_library(tmp_path, ANALYSIS)
    assert extended.alternatives(("zorp",)) == ((ANALYSIS.stem("glimmerwort"),),)


def test_analysed_synonyms_kept_as_data_are_the_same_synonyms(tmp_path: Path) -> None:
    (tmp_path / "synonyms.tsv").write_text("zorp\tglimmer wort\nMI => heart attack\n")
    syn = Synonyms.for_library(tmp_path, ANALYSIS)
    again = Synonyms.from_data(json.loads(json.dumps(syn.to_data("k"))), ANALYSIS)
    for expr in ("heart attack", "b12", "zorp", "glimmer wort", "high blood pressure", "mi"):
        seq = tuple(analyse(expr))
        assert again.alternatives(seq) == syn.alternatives(seq)
        assert again.abbreviation(seq) == syn.abbreviation(seq)
    terms = analyse("high blood pressure and zorp in pregnancy")
    assert again.segment(terms) == syn.segment(terms)
    for broken in ({}, {"groups": [[["a"]]], "index": [[["a"], [7]]], "abbreviations": []}):
        with pytest.raises(ValueError):
            Synonyms.from_data({"max_len": 1, **broken}, ANALYSIS)
