"""Facts a clause shares by ellipsis: "Orin Labs was blacklisted, as was
Kestrel Devices", "Kestrel supplies Y, as does Z", "X is owned by Y, and so
is Z".  The echo clause ("as was Z") repeats only an auxiliary, so no rule
reads anything from it; what it says is whatever the clause it hangs on said
of that clause's subject.  It needs the facts already read from the
sentence, so it is a procedure run after the rules.

A gapped shareholder ("A holds 85% of X and B the rest") leaves out the
verb and the company both: the parser joins B to X (or to the verb), so the
rules read B as a second company A owns.  ``share_with_gapped_holders``
turns that reading round: B holds a share of X.
"""

from __future__ import annotations

from typing import Any

from chipgraph.graph.model import EntityType, RelationType

from .context_references import REST_NOUNS
from .engine import procedure
from .facts import Fact

__all__ = ["share_with_echoed_subjects", "share_with_gapped_holders"]

#: rules that read a description set beside a name, not the clause's verb
_DESCRIPTION_METHODS = frozenset({"rule:subsidiary-of", "rule:unit-of", "rule:unit-of-parent", "rule:military-description",
                                  "rule:possessor-subsidiary"})
#: the verbs an echo clause repeats ("as was", "as does", "as has")
_ECHO_VERBS = frozenset({"be", "do", "have"})
#: anything of these makes the clause a statement of its own, not an echo
_OWN_CONTENT = frozenset({"dobj", "attr", "acomp", "xcomp", "ccomp", "prep", "neg", "oprd", "agent"})


def _echoed_subjects(ctx: Any, clause: Any) -> list[str]:
    """The organisations an echo clause ("as was Z", "and so did Z") names
    as its subject, or [] when ``clause`` is no echo."""
    if clause.dep_ not in ("advcl", "conj") or clause.lemma_.lower() not in _ECHO_VERBS:
        return []
    if clause.dep_ == "advcl" and not any(m.dep_ == "mark" and m.lower_ == "as" for m in clause.children):
        return []
    if clause.dep_ == "conj" and not any(m.dep_ == "advmod" and m.lower_ == "so" for m in clause.children):
        return []
    if any(c.dep_ in _OWN_CONTENT for c in clause.children):
        return []
    return [k for n in clause.children if n.dep_ in ("nsubj", "nsubjpass")
            for k in ctx.args(n) if isinstance(k, str) and ctx.etype(k) == EntityType.ORG]


@procedure("+as-was")
def share_with_echoed_subjects(ctx: Any, sent: Any, first_fact: int) -> None:
    """"X was blacklisted, as was Y": Y shares every fact the sentence's
    rules read about X, the subject of the clause the echo hangs on."""
    for clause in sent:
        echoed = _echoed_subjects(ctx, clause)
        if not echoed:
            continue
        subjects = {k for k in ctx.subjects(clause.head) if isinstance(k, str)}
        for f in list(ctx.facts[first_fact:]):
            if f.method in _DESCRIPTION_METHODS:
                continue  # what a description of the subject said ("X, a subsidiary of Y, was added, as was Z": Z is none)
            for k in echoed:
                if f.head in subjects and k != f.tail:
                    ctx.facts.append(Fact(k, f.type, f.tail, f.sent, f.method + "+as-was", f.confidence * 0.9, dict(f.attributes)))
                elif f.tail in subjects and k != f.head:
                    ctx.facts.append(Fact(f.head, f.type, k, f.sent, f.method + "+as-was", f.confidence * 0.9, dict(f.attributes)))


#: what shares listed one after another may be of, other than a company
_NOT_HOLDINGS = frozenset("market revenue revenues sale sales output production capacity shipment shipments supply demand "
                          "vote votes poll".split())
#: a share named on its own ("the rest", "the remaining 30%", "15 percent", "a minority stake")
_PERCENT_WORDS = frozenset({"%", "percent", "per", "pct"})
_STAKE_WORDS = frozenset({"stake", "share", "holding", "interest"})


def _share_phrase_at(doc: Any, i: int, end: int) -> bool:
    """Tokens ``i``..the clause's end (``end``, or a comma or semicolon) name
    a share and nothing else: what a gapped holder holds."""
    words = []
    while i < end and doc[i].text not in (",", ";", "."):
        if doc[i].lower_ == "and" and words and words[-1].lower_ in _PERCENT_WORDS:
            break  # "B 5.5% and C 2%": the next holder's piece
        words.append(doc[i])
        i += 1
    if not words or len(words) > 6:
        return False
    lows = [w.lower_ for w in words]
    if lows[0] in ("the", "a", "an"):
        lows = lows[1:]
    if not lows:
        return False
    if lows[-1] in REST_NOUNS or (lows[-1] == "cent" and len(lows) > 1 and lows[-2] == "per"):
        return True
    if lows[-1] in _PERCENT_WORDS:
        return any(w.like_num for w in words)
    return lows[-1] in _STAKE_WORDS and all(w.pos_ in ("ADJ", "NUM", "NOUN", "DET", "SYM") for w in words)


def _gapped_holder(ctx: Any, tok: Any) -> tuple[str, bool] | None:
    """The company ``tok`` names when it is a gapped holder, and whether it
    comes right after a share (``_after_share``): joined by "and" after the
    first clause, or right after a share, and followed by nothing but its
    share."""
    key = ctx.key(tok)
    if not key or ctx.etype(key) not in (EntityType.ORG, EntityType.GPE):
        return None
    doc, start, after = tok.doc, tok.i, tok.i + 1
    while start > 0 and ctx.key(doc[start - 1]) == key:
        start -= 1
    while after < len(doc) and ctx.key(doc[after]) == key:
        after += 1
    if tok.i != after - 1:
        return None  # the name's last token stands for it
    separator = _separator_before(ctx, doc[start])
    if separator is None:
        return None
    conj = any(doc[j].dep_ == "conj" for j in range(start, after))
    after_share = _after_share(separator)
    if not (separator.lower_ == "and" and conj or after_share):
        return None  # "A holds 85% of X and B the rest"; after a comma only right after a share ("A holds 6%, B 5%")
    return (key, after_share) if _share_phrase_at(doc, _past_own_verb(ctx, doc, after, tok.sent.end), tok.sent.end) else None


#: verbs of holding a share that a gapped holder may keep ("and C, a state fund, holds 9.8%")
_HOLD_VERBS = frozenset("hold own have control".split())


def _past_own_verb(ctx: Any, doc: Any, i: int, end: int) -> int:
    """Where the share starts after a holder's name at ``i``: past a
    description set off by commas and a verb of holding of its own ("A owns
    14% of X and C, a state-backed fund, holds 9.8%", parsed with C as a
    second company A holds part of); else ``i``."""
    j = i
    if j < end and doc[j].text == ",":
        k = j + 1
        while k < end and k < j + 9 and doc[k].text != "," and not ctx.key(doc[k]):
            k += 1
        if k < end and doc[k].text == "," and k > j + 1:
            j = k + 1
    if j < end and doc[j].pos_ == "VERB" and doc[j].lemma_.lower() in _HOLD_VERBS and doc[j].tag_ in ("VBZ", "VBP", "VBD"):
        return j + 1
    return i


def _separator_before(ctx: Any, first: Any) -> Any | None:
    """The "and" or comma before the name opening at ``first``, past a
    description of lower-case nouns ("..., parts maker B 5.5%"); else None."""
    doc, i = first.doc, first.i - 1
    while i > first.sent.start and doc[i].tag_ in ("NN", "NNS", "JJ") and doc[i].is_lower and not ctx.key(doc[i]):
        i -= 1
    return doc[i] if i > first.sent.start and doc[i].lower_ in ("and", ",") else None


def _after_share(separator: Any) -> bool:
    """The name after ``separator`` (its comma or "and", from
    ``_separator_before``) comes right after a share, maybe with a
    description between, and maybe with what the share is of ("6%, parts
    maker B", "5.5% and C", "6% of X, B")."""
    doc, i = separator.doc, separator.i
    j = i - 1
    while j > separator.sent.start and j > i - 7 and not doc[j].is_punct and doc[j].lower_ not in ("of", "in") \
            and doc[j].lower_ not in _PERCENT_WORDS:
        j -= 1
    if doc[j].lower_ in ("of", "in"):
        j -= 1  # "6% of X, B 5%", "40% of the market, B 30%"
    return doc[j].lower_ in _PERCENT_WORDS


@procedure("+gapped")
def share_with_gapped_holders(ctx: Any, sent: Any, first_fact: int) -> None:
    """"A holds 85% of X and B the rest": X is owned by B too (and B is no
    company of A's, as the rules had read it)."""
    market = None
    for tok in sent:
        found = _gapped_holder(ctx, tok)
        if found is None:
            continue
        holder, after_share = found
        if market is None:
            market = any(t.lemma_.lower() in _NOT_HOLDINGS for t in sent)
        read = ctx.facts[first_fact:]
        misread = [f for f in read if f.type is RelationType.OWNED_BY and f.head == holder]
        if not misread:
            if not after_share or market:
                continue  # ("A holds 40% of the market, B 30%": shares of a market, not of a company)
            # "in which A holds 6%, B 5.5% and C 2%": no fact read B, so it holds part of the one company held here
            owned = {f.head for f in read if f.type is RelationType.OWNED_BY and f.tail != holder and f.head != holder}
            if len(owned) == 1:
                first = next(f for f in read if f.type is RelationType.OWNED_BY and f.head in owned)
                if not any(g.head == first.head and g.tail == holder for g in read):
                    ctx.facts.append(Fact(first.head, first.type, holder, first.sent, first.method + "+gapped", first.confidence * 0.9, {}))
            continue
        owners = {f.tail for f in misread}
        held = [f for f in read if f.type is RelationType.OWNED_BY and f.tail in owners and f.head != holder]
        if market and after_share:
            # "A holds 40% of the market, B 30%": B is no company of A's, and holds no part of one
            ctx.facts[first_fact:] = [f for f in read if f not in misread]
            continue
        if not held:
            continue  # the "holder" is the company held, by a name it shares ("X-ST Semiconductor ... and ST 49%")
        ctx.facts[first_fact:] = [f for f in read if f not in misread]
        for f in held:
            if not any(g.head == f.head and g.tail == holder and g.type is f.type for g in ctx.facts[first_fact:]):
                ctx.facts.append(Fact(f.head, f.type, holder, f.sent, f.method + "+gapped", f.confidence * 0.9, {}))
