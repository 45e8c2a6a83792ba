"""Listings the small parser reads as one long noun phrase.

"The U.S. Department of Defense on Tuesday added memory maker A and chip
designer B to its list of companies it says work with China's military":
after "on Tuesday" en_core_web_sm often tags "added" as an adjective of the
description that follows ("added memory maker"), so the sentence has no verb
and no listing rule fires.  This reads the surface instead: the word "added"
(or "placed", "put") that is no verb, then only names, their descriptions,
commas and "and", then "to" (or "on") and a list noun, which is the list the
list rules would find (ContextReferences / list_descriptions), or, described
by military members, the military list its keeper keeps.
"""

from __future__ import annotations

from typing import Any

from chipgraph.graph.model import EntityType, RelationType

from .list_descriptions import PENTAGON_LIST, described_list, sanctions_list_named
from .negation import is_asserted

__all__ = ["listing_misparsed"]

#: the participles of listing that the tagger misreads before a description
_LISTING_WORDS = frozenset("added placed put".split())
#: the words a list noun may be
_LIST_NOUNS = frozenset("list blacklist".split())
#: what may stand between the listing word and "to": names, their descriptions, list punctuation
_BETWEEN_TAGS = frozenset("NN NNS NNP NNPS JJ HYPH , CC DT CD POS".split())
#: words that make the list the military's when they follow it ("companies it says work with China's military")
_MILITARY_WORDS = frozenset("military army pla armed defence defense".split())
#: keepers of the military list, by a word of the sentence's opening
_PENTAGON_WORDS = frozenset("pentagon defense defence dod".split())


def _list_named(ctx: Any, noun: Any) -> str | None:
    """The list ``noun`` names: what the list rules read, else, with military
    words after it and the Pentagon before it, the Pentagon's list."""
    found = described_list(ctx, noun) or ctx.salience.list_noun(noun)
    if found:
        return found
    sent = noun.sent
    after = [t for t in noun.doc[noun.i + 1:sent.end] if not t.is_punct]
    before = {t.lower_ for t in noun.doc[sent.start:noun.i]}
    keeper_names = {w for t in noun.doc[sent.start:noun.i] for k in [ctx.key(t)] if k
                    for w in ctx.ents.get(k).name.lower().split()}
    sanctions = sanctions_list_named(before)
    if any(t.lower_ in _MILITARY_WORDS for t in after) and (before | keeper_names) & _PENTAGON_WORDS and not sanctions:
        return ctx.ents.add(PENTAGON_LIST, EntityType.LIST)
    return None


def _named_list(ctx: Any, t: Any) -> str | None:
    """The list ``t`` is part of the name of, if any."""
    k = ctx.key(t)
    return k if k and ctx.etype(k) == EntityType.LIST else None


def listing_misparsed(ctx: Any, tok: Any) -> None:
    """"X on Tuesday added maker A and designer B to its list ..." with "added" read as an adjective: A and B listed."""
    if tok.lower_ not in _LISTING_WORDS or tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound"):
        return
    doc, end = tok.doc, tok.sent.end
    j = tok.i + 1
    names: list[str] = []
    while j < end and doc[j].lower_ not in ("to", "on", "onto"):
        t = doc[j]
        k = ctx.key(t)
        if k is None and t.tag_ not in _BETWEEN_TAGS:
            return
        if k and ctx.etype(k) == EntityType.ORG and not ctx.is_authority(k) and k not in names:
            names.append(k)
        j += 1
    if not names or j + 1 >= end:
        return
    noun = next((t for t in doc[j + 1:min(end, j + 6)] if t.lemma_.lower() in _LIST_NOUNS or _named_list(ctx, t)), None)
    if noun is None or not is_asserted(tok):
        return
    listed = _named_list(ctx, noun) or _list_named(ctx, noun)
    if listed:
        ctx.emit(names, RelationType.DESIGNATED, [listed], tok, "rule:add-to-list", 0.7)
