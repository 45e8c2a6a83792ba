"""A synthetic news archive of any size, for load tests and cluster trials.

Real articles cannot be shipped by the hundred, and timing a job on five
samples says little.  These articles are written from a few sentence
templates of our own about invented companies, so they read like trade news
(supply, ownership, list designations, military ties) and extraction finds
real facts in them; the same ``seed`` always gives the same archive.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

__all__ = ["SyntheticArticle", "synthetic_articles", "write_synthetic_archive"]

_STEMS = (
    "Norval", "Keltra", "Aurex", "Brightwater", "Cindral", "Daxon", "Elmora", "Fenwick", "Galtra", "Hesper",
    "Ironvale", "Jorvik", "Kestrel", "Lumen", "Marlow", "Nexora", "Orvane", "Pellion", "Quarry", "Ravel",
    "Solvane", "Tarsus", "Umbra", "Veltris", "Wexford", "Xylo", "Yarrow", "Zenith",
)
_TRADES = ("Semiconductor", "Microsystems", "Photonics", "Lithography", "Memory", "Wafer", "Silicon", "Devices")
_FORMS = ("Co., Ltd.", "Inc.", "Corporation", "Holdings", "Technologies", "Group")
_PRODUCTS = (
    "etching equipment", "deposition tools", "photoresist", "wafer inspection systems", "memory controllers",
    "lithography scanners", "test handlers", "specialty gases",
)
_LISTS = ("the Entity List", "the NS-CMIC List")
_CITIES = ("Wuxi", "Hefei", "Xiamen", "Chengdu", "Dalian", "Nanjing")

_TEMPLATES = (
    "{a} sold {product} to {b} last year, according to customs records.",
    "{b} bought {product} from {a} in {year}.",
    "{a} supplied {b} with {product} for its new fab in {city}.",
    "{a} is a subsidiary of {c}.",
    "{a} is wholly owned by {c}, filings show.",
    "{c} acquired {a} in {year}.",
    "The Commerce Department added {b} to {lst} in {year}.",
    "{b} was placed on {lst} last spring.",
    "{b} has close ties to the People's Liberation Army, according to researchers.",
    "Analysts said {a} expects demand for {product} to grow in {city}.",
)


@dataclass(frozen=True)
class SyntheticArticle:
    """One invented article: its file name and its text."""

    name: str
    text: str


def _company(rng: random.Random) -> str:
    return f"{rng.choice(_STEMS)}{rng.choice(('', 'a', 'is', 'on'))} {rng.choice(_TRADES)} {rng.choice(_FORMS)}"


def synthetic_articles(count: int, *, seed: int = 7, sentences: int = 6) -> Iterator[SyntheticArticle]:
    """``count`` articles of about ``sentences`` sentences each, drawn from a
    pool of companies that recur across articles (so names resolve into one
    graph, as in a real archive)."""
    rng = random.Random(seed)
    pool = sorted({_company(rng) for _ in range(max(12, count // 2))})
    for i in range(count):
        lines = []
        for _ in range(sentences):
            a, b, c = rng.sample(pool, 3)
            lines.append(
                rng.choice(_TEMPLATES).format(
                    a=a, b=b, c=c, product=rng.choice(_PRODUCTS), lst=rng.choice(_LISTS),
                    year=rng.randint(2015, 2025), city=rng.choice(_CITIES),
                )
            )
        yield SyntheticArticle(f"synthetic-{i:06d}.txt", f"Trade brief {i}\n\n" + " ".join(lines) + "\n")


def write_synthetic_archive(folder: Path, count: int, *, seed: int = 7) -> list[Path]:
    """Write ``count`` synthetic articles into ``folder``; their paths in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for art in synthetic_articles(count, seed=seed):
        path = folder / art.name
        path.write_text(art.text, encoding="utf-8")
        paths.append(path)
    return paths
