"""Name folding (``normalise_name``): plain ASCII names take a shorter road
than accented or typographic ones and must arrive at the same key."""

from __future__ import annotations

import pytest

from chipgraph.graph.model import normalise_name


@pytest.mark.parametrize(
    "plain, fancy",
    [
        ("Societe Generale", "Société Générale"),
        ("Kestrel's plant", "Kestrel\u2019s plant"),
        ("Halvern Optics", "Halvern\u00a0Optics"),
        ("Zhongxin Wafer", "Zhongxin  Wafer\u2003"),
    ],
)
def test_accents_and_typography_fold_like_plain_text(plain: str, fancy: str) -> None:
    assert normalise_name(fancy) == normalise_name(plain)


@pytest.mark.parametrize(
    "name, key",
    [
        ("The ASML Holding N.V.", "asml"),
        ("Crescent Memory Co., Ltd.", "crescent memory"),
        ("Kestrel's", "kestrel"),
        ("  Vantor-Lithography (Group) ", "vantor lithography"),
        ("Group", "group"),  # nothing left after the suffixes: the lower-cased name
    ],
)
def test_case_punctuation_the_possessives_and_suffixes_are_dropped(name: str, key: str) -> None:
    assert normalise_name(name) == key
