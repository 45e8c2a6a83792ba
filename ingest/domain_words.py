"""Trade words the small English model misreads, given the norm of a
common word of the same kind before its statistical components run.

en_core_web_sm learnt English from general news: "gallium", "nitride" or
"photoresists" it has hardly seen, so in "supplies gallium nitride wafers
to X" it takes "gallium" for the verb and "supplies" for a noun, and no
rule finds the sale.  Its components read a word through its norm (with
prefix, suffix and shape), so a material read with the norm of "steel" is
parsed as the noun it is.  The text, the lemmas and every offset stay as
written; only what the model sees changes.  The words and the common words
standing in for them are data (domain_words.json).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["domain_norms", "stand_in_norms"]

_TABLE = Path(__file__).with_name("domain_words.json")


@lru_cache(maxsize=1)
def domain_norms() -> dict[str, str]:
    """Lower-case trade word -> the common word whose norm it is given."""
    table = json.loads(_TABLE.read_text(encoding="utf-8"))
    return {word: stand_in for stand_in, words in table["stand_ins"].items() for word in words}


@Language.component("chipgraph_domain_words")
def stand_in_norms(doc: Doc) -> Doc:
    """Give each trade word of ``doc`` its stand-in's norm (see the module)."""
    norms = domain_norms()
    for tok in doc:
        stand_in = norms.get(tok.lower_)
        if stand_in is not None:
            tok.norm_ = stand_in
    return doc
