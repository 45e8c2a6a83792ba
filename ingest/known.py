"""Names the caller knows beyond the reference data (the parties of imported
official lists), found in a parsed document whatever the statistical NER
made of them.

Ingest never reads a store: the api layer passes the names in
(:class:`KnownNames`), with a version that changes when they do.  The two
PhraseMatchers (names as written; names of two or more words in any case,
like the reference rulers of pipeline.py) are built once per pipeline and
version, so a list of ten thousand parties costs its build once, and each
article one linear pass.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Mapping

from chipgraph.graph.model import Entity

from .pipeline import SPACY_LABEL

__all__ = ["KnownNames", "mark_known_names"]

_MATCHERS: "OrderedDict[tuple[int, str], _Matchers]" = OrderedDict()
_MATCHERS_KEPT = 4


@dataclass(frozen=True)
class KnownNames:
    """Entities to recognise by their names and aliases; ``version`` names
    this set (equal versions must mean equal entities)."""

    version: str
    entities: tuple[Entity, ...]
    by_id: Mapping[str, Entity] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {e.id: e for e in self.entities})


def _usable(name: str, stop_words: frozenset[str] | set[str]) -> bool:
    """A name worth matching: several words, or one word of three characters
    or more that is no function word ("Which", "Also" as an alias of nothing)."""
    name = name.strip()
    return " " in name or (len(name) >= 3 and name.lower() not in stop_words)


@dataclass(frozen=True)
class _Matchers:
    """Two PhraseMatchers over every known name (one key each: adding
    thousands of keys costs more than the matching), and the entity each
    matched token sequence names."""

    cased: Any
    lower: Any
    by_tokens: dict[tuple[str, ...], str]
    by_lower: dict[tuple[str, ...], str]


def _matchers(nlp: Any, known: KnownNames) -> _Matchers:
    """The matchers of ``known``, built once per pipeline and version."""
    from spacy.matcher import PhraseMatcher

    key = (id(nlp), known.version)
    if key in _MATCHERS:
        _MATCHERS.move_to_end(key)
        return _MATCHERS[key]
    by_tokens: dict[tuple[str, ...], str] = {}
    by_lower: dict[tuple[str, ...], str] = {}
    cased_docs, lower_docs = [], []
    for ent in known.entities:
        for name in dict.fromkeys(n.strip() for n in ent.names() if _usable(n, nlp.Defaults.stop_words)):
            doc = nlp.make_doc(name)
            tokens = tuple(t.text for t in doc)
            if tokens not in by_tokens:
                by_tokens[tokens] = ent.id
                cased_docs.append(doc)
            lowered = tuple(t.lower_ for t in doc)
            if len(doc) >= 2 and lowered not in by_lower:
                by_lower[lowered] = ent.id
                lower_docs.append(doc)
    cased = PhraseMatcher(nlp.vocab, attr="ORTH")
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    if cased_docs:
        cased.add("KNOWN", cased_docs)
    if lower_docs:
        lower.add("KNOWN", lower_docs)
    built = _Matchers(cased, lower, by_tokens, by_lower)
    _MATCHERS[key] = built
    if len(_MATCHERS) > _MATCHERS_KEPT:
        _MATCHERS.popitem(last=False)
    return built


def _inside_longer_name(doc: Any, start: int) -> bool:
    """A known name that a capitalised word the NER left untagged runs into
    from the left is the tail of a longer name: "New China Life Insurance"
    is not "China Life Insurance"."""
    if start == 0:
        return False
    prev = doc[start - 1]
    return prev.is_alpha and prev.is_title and not prev.ent_type_ and (prev.pos_ == "PROPN" or prev.lower_ == "new") \
        and not (prev.is_sent_start and prev.lower_ != "new")


def mark_known_names(nlp: Any, doc: Any, known: KnownNames | None) -> Any:
    """``doc`` with every mention of a known name as an entity span carrying
    the entity's id (as the reference rulers' spans do).  A reference span
    stays; a statistical span gives way to a known name it overlaps, unless
    it contains it (the NER read a longer name).  Longest matches first."""
    if known is None or not known.entities:
        return doc
    from spacy.tokens import Span
    from spacy.util import filter_spans

    m = _matchers(nlp, known)
    hits = [(m.by_tokens.get(tuple(t.text for t in doc[s:e])), s, e) for _, s, e in m.cased(doc)]
    hits += [(m.by_lower.get(tuple(t.lower_ for t in doc[s:e])), s, e) for _, s, e in m.lower(doc)]
    found = [Span(doc, s, e, label=SPACY_LABEL[known.by_id[i].type], span_id=i) for i, s, e in hits if i]
    if not found:
        return doc
    kept = []
    for sp in filter_spans(found):
        over = [x for x in doc.ents if x.start < sp.end and sp.start < x.end]
        if any(x.ent_id_ for x in over):
            continue  # a reference name: the rulers know it already
        if any(x.start <= sp.start and sp.end <= x.end and (x.start, x.end) != (sp.start, sp.end) for x in over):
            continue
        if _inside_longer_name(doc, sp.start):
            continue
        kept.append(sp)
    if kept:
        taken = {i for sp in kept for i in range(sp.start, sp.end)}
        rest = [x for x in doc.ents if not any(i in taken for i in range(x.start, x.end))]
        doc.ents = sorted([*rest, *kept], key=lambda x: x.start)
    return doc
