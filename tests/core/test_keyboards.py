"""On-screen keyboard layouts as data: every key a single character with a spoken name."""

from __future__ import annotations

import pytest

from reader.core.errors import ReaderError
from reader.core.keyboards import layout_for, layouts, parse_layouts


def test_english_and_spanish_layouts() -> None:
    found = layouts()
    assert {"en", "es"} <= set(found)
    es = layout_for("es-MX")
    assert es.code == "es" and es.name == "Español"
    assert set("ñáéíóúü¿¡-'") <= set(es.keys)
    assert set("abcdefghijklmnopqrstuvwxyz0123456789") <= set(es.keys)
    assert es.spoken("ñ") == "eñe" and es.spoken("k") == "k"
    en = layout_for("en")
    assert set("-'") <= set(en.keys) and "ñ" not in en.keys
    assert layout_for("fr") is found["en"]  # no French layout yet: the English one


@pytest.mark.parametrize("code", ["en", "es"])
def test_every_key_is_one_character_and_is_named(code: str) -> None:
    layout = layouts()[code]
    assert all(len(key) == 1 for key in layout.keys)
    assert len(set(layout.keys)) == len(layout.keys)
    assert all(layout.spoken(k) for k in layout.keys)
    assert all(layout.spoken(k) != k for k in layout.keys if not k.isalnum())


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        ('[en]\nrows = ["ab-"]\n', "no spoken name for -"),
        ('[en]\nrows = ["aa"]\n', "twice"),
        ('[es]\nrows = ["ab"]\n', "lack the English"),
        ("[en\n", "not valid TOML"),
        ('[en]\nrows = "abc"\n', "rows must be"),
    ],
)
def test_a_broken_layout_file_says_what_is_wrong(text: str, fault: str) -> None:
    with pytest.raises(ReaderError, match=fault):
        parse_layouts(text)
