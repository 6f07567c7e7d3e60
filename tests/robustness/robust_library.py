"""Small synthetic libraries for the robustness tests and benchmarks."""

from __future__ import annotations

import random
from pathlib import Path

TOPICS = [
    "vitamin", "iron", "folate", "pregnancy", "anaemia", "breastfeeding", "calcium",
    "sleep", "exercise", "diabetes", "blood", "pressure", "infant", "nutrition", "zinc",
    "protein", "fibre", "heart", "bone", "immune", "cholesterol", "sugar", "salt", "water",
]  # fmt: skip
COLLECTIONS = ["Nutrition", "Women's health", "Research", "Child health"]


def article_text(n: int, rng: random.Random, paragraphs: int = 4) -> str:
    words = [rng.choice(TOPICS) for _ in range(3)]
    title = f"{words[0].title()} and {words[1]} {n}"
    collection = COLLECTIONS[n % len(COLLECTIONS)]
    out = [
        "---",
        f"id: art-{n:05d}",
        f"title: {title}",
        f"collection: {collection}",
        "authors:",
        "  - Test Author",
        "---",
        "",
    ]
    for s in range(max(1, paragraphs // 2)):
        out.append(f"## {rng.choice(TOPICS).title()} section {s}")
        out.append("")
        for _ in range(2):
            sentence = " ".join(rng.choice(TOPICS) for _ in range(14))
            out.append(f"{sentence.capitalize()}.[^r{s}] " + sentence + ".")
            out.append("")
    for s in range(max(1, paragraphs // 2)):
        out.append(f"[^r{s}]: Author A. A study of {words[2]}. Journal. 2020.")
    return "\n".join(out) + "\n"


def make_library(root: Path, count: int, seed: int = 1, paragraphs: int = 4) -> Path:
    """``count`` articles in four collection folders under ``root``."""
    rng = random.Random(seed)
    for n in range(count):
        folder = root / f"c{n % len(COLLECTIONS)}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"art-{n:05d}.md").write_text(article_text(n, rng, paragraphs), encoding="utf-8")
    return root
