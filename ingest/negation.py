"""Is a statement asserted, or negated, denied or hypothetical?

"ASML denied selling to X", "X could be added to the list", "there is no
indication that Y supplied Z" name the same entities and trigger words as the
facts they are not.  The check walks from the trigger word up its dependency
chain to the sentence root, looking for a negation, a modal of possibility, a
verb of denial, plan or consideration, or an "if"/"whether" clause.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["is_asserted", "denied_before", "bracket_opened", "no_longer", "stopped_since", "inflections", "HEDGE_LEMMAS"]

HEDGE_LEMMAS = frozenset(
    "consider weigh mull plan propose seek threaten intend deny refrain refuse reject dismiss prepare want hope "
    "urge ask pressure lobby demand prevent avoid contemplate discuss explore study debate rumor rumour "
    "speculate remove delist exempt lift revoke drop expect aim try attempt recommend negotiate pursue eye court "
    "agree bid block bar forbid prohibit ban look fail offer press push campaign petition discourage deter dissuade".split()
)


def inflections(lemma: str) -> set[str]:
    """The regular forms of a verb: the parser's lemmatiser misses some
    ("hopes" -> "hop"), so hedges are also known by their surface forms."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    return forms


_HEDGE_FORMS = frozenset(form for lemma in HEDGE_LEMMAS for form in inflections(lemma))
_MODALS = frozenset("could might may would should can will 'll shall".split())
_MARKS = frozenset("if whether unless".split())
_NO_NOUNS = frozenset("indication evidence sign proof suggestion".split())
#: what allows a sale without stating one ("received a licence to sell to X")
_PERMIT_NOUNS = frozenset("licence license permission permit approval authorization authorisation waiver exemption right".split())
#: words of denial, read on the surface: the parser often mistakes "rejects" or "disputes" for nouns
_DENIALS = frozenset("deny denies denied denying reject rejects rejected rejecting dispute disputes disputed refute refutes "
                     "refuted dismissed dismisses rebuffed".split())
#: a role noun these describe is not held yet ("a potential customer", "a would-be owner")
_UNREAL_ROLES = frozenset("potential prospective possible would-be future hypothetical likely planned proposed intended".split())
#: an adverbial clause these open states a fact whatever the main clause hedges ("should add X after Beijing banned Y")
_FACTUAL_MARKS = frozenset("after since because as when while although though once".split())


def denied_before(sentence: Any, trigger: Any) -> bool:
    """A word of denial earlier in the same sentence ("X rejects claims that
    it has ties to the PLA"), read on the surface because the parse of such
    sentences is often wrong.  A denial inside a relative clause or an
    apposition ("X, which denied wrongdoing, was added ...") does not count."""
    for t in sentence:
        if t.i >= trigger.i:
            return False
        if t.lower_ in _DENIALS and not any(a.dep_ in ("relcl", "appos") for a in [t, *t.ancestors] if a.i < trigger.i and a.i != trigger.i and a.i >= sentence.start):
            return True
    return False


def no_longer(tok: Any) -> bool:
    """``tok`` carries "no longer" ("X no longer owns Y", "is no longer among them")."""
    return any(c.lower_ == "longer" and any(d.lower_ == "no" for d in c.children) for c in tok.children)


def stopped_since(tok: Any, neg: Any | None = None) -> bool:
    """``tok`` carries "no longer", or "not ... any more / any longer" (with
    ``neg`` its "not"): what it says held until now.  For supply that is a
    past supply the text states ("X no longer supplies Y", as "suspended
    shipments to Y"); for an owner or a listing it is a former one."""
    if no_longer(tok):
        return True
    return neg is not None and any(
        c.dep_ == "advmod" and (c.lower_ == "anymore" or c.lower_ in ("more", "longer")
                                and any(d.lower_ == "any" for d in (*c.children, *tok.children)))
        for c in tok.children)


def is_asserted(trigger: Any, *, stop: Any | None = None, past_counts: bool = False) -> bool:
    """False when ``trigger`` (a spaCy token) sits in a negated, denied or
    hypothetical clause; ``stop`` is a token the walk must not pass (e.g. the
    verb that introduces a reported fact).

    The walk stops at the top of a relative clause or apposition ("Norinco,
    a defence group, denied buying X": the description stands whatever the
    main verb says), does not carry a verb of removal or denial over to a
    coordinated verb ("removed from one list and put on another"), and does
    not cross into a clause merely placed beside it (";", parataxis).
    ``past_counts``: "no longer" states a past fact that counts (supply).
    """
    if _called_false(trigger):
        return False
    tok = trigger
    steps = 0
    came_by = ""
    prev = trigger
    past_acl = False  # walked out of a participle describing goods ("the chips supplied by X")
    while True:
        contrast = came_by == "conj" and any(c.dep_ == "cc" and c.lower_ in _CONTRASTS for c in tok.children)
        if steps and not past_counts and no_longer(tok):
            return False  # "X no longer owns Y": the governing verb is negated (for supply it was, until now)
        for c in tok.children:
            dep = c.dep_
            if dep == "neg" and not contrast:  # "is not A, but is B": the "not" is A's
                if not (past_counts and stopped_since(tok, c)):
                    return False
            if dep in ("aux", "auxpass") and any(g.dep_ == "neg" for g in c.children):
                return False  # "which is not itself owned by": the parser hangs "not" on the auxiliary
            if dep in ("aux", "auxpass") and c.lower_ in _MODALS:
                # "may have supplied" hedges a past fact (it counts);
                # "could supply" / "will supply" is hypothetical or future (it does not)
                if not (c.lower_ in ("may", "might") and any(a.dep_ == "aux" and a.lemma_ == "have" for a in tok.children)) \
                        and not (c.lower_ in _CONTRACT_MODALS and _under_contract(tok)) \
                        and not (c.lower_ in _GOING_ON_MODALS and tok.lemma_ in _GOING_ON and came_by in ("xcomp", "")
                                 and not _conditioned(tok)) \
                        and not (past_counts and c.lower_ in _ABILITY_MODALS and no_longer(tok) and not _conditioned(tok)):
                    return False
            if dep == "mark" and c.lower_ in _MARKS:
                return False
            if not steps and dep == "amod" and c.lower_ in _UNREAL_ROLES and tok.pos_ in ("NOUN", "PROPN"):
                return False  # "counts Apple as a potential customer"
            if dep == "det" and c.lower_ == "no" and tok.lemma_ in _NO_NOUNS:
                return False
            if dep in ("dobj", "attr", "nsubj") and c.lemma_ in _NO_NOUNS and any(d.lower_ == "no" for d in c.children):
                return False
            if dep in ("dobj", "attr") and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children) and not past_acl:
                return False  # "has no links to", "supplied no chips to"
        if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children) and tok.pos_ == "NOUN" and not past_acl:
            return False  # "no links to the military"; not "no substitute for the chips supplied by X": those were supplied
        if came_by != "conj":
            if steps and (tok.lemma_ in HEDGE_LEMMAS or (tok.pos_ == "VERB" and tok.lower_ in _HEDGE_FORMS)) \
                    and not (past_counts and _agreed_trade(tok, steps, came_by)) and not _pressed_ahead(tok):
                return False
            if steps and tok.lemma_ == "call" and any(
                    c.dep_ == "prep" and c.lower_ in ("on", "upon", "for")
                    or c.dep_ in ("advcl", "xcomp", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                    for c in tok.children):
                return False  # "lawmakers called on Commerce to add X", "called for X to be added": a demand, like "urged"
            if tok.lemma_ in ("deny", "refrain", "refuse"):
                return False
            if came_by == "xcomp" and tok.lemma_ in ("have", "be") and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in tok.children):
                return False  # "has yet to approve", "is yet to be added": not done
            if tok.lemma_ in ("stop", "fall") and any(c.lower_ == "short" for c in tok.children):
                return False  # "stopped short of adding X to the list", "fell short of buying it"
            if came_by == "pcomp" and tok.lower_ == "against" and tok.head.lemma_ in _DECIDING:
                return False  # "decided against putting X on the list", "voted against adding X"
            if past_counts and came_by == "xcomp" and tok.lemma_ in _DIRECTING and _infinitive(prev):
                # "told firms to stop buying X", "ordered Y to ship parts": a sale asked for, not made (what an
                # order forbids is a ban, read by the ban rules; an order to sell a holding still says who holds it)
                return False
        if tok.head.i == tok.i or (stop is not None and tok.i == stop.i) or steps > 12:
            return True
        if tok.dep_ in _SELF_CONTAINED or _bracketed(tok) or _comma_aside(tok):
            return True
        if tok.dep_ == "advcl" and (any(c.dep_ == "mark" and c.lower_ in _FACTUAL_MARKS for c in tok.children)
                                    or any(c.dep_ == "prep" and c.lower_ in _FACTUAL_MARKS and c.i < tok.i for c in tok.head.children
                                           if any(o.dep_ == "pobj" and o.i == tok.i - 1 or o.i < tok.i for o in c.children))):
            return True  # "should add X after Beijing banned Y": the ban happened
        if tok.tag_ == "VB" and (tok.dep_ in ("acl", "relcl") and tok.head.lemma_ in _PERMIT_NOUNS
                                 or tok.dep_ in ("advcl", "xcomp") and any(c.dep_ == "dobj" and c.lemma_ in _PERMIT_NOUNS
                                                                          and c.i < tok.i for c in tok.head.children)):
            return False  # "a licence to sell chips to X", "received a licence to sell": permission, not a sale (nor a ban)
        came_by = tok.dep_
        prev = tok
        past_acl = past_acl or tok.dep_ == "acl" and tok.tag_ == "VBN"
        tok = tok.head
        steps += 1


def _pressed_ahead(verb: Any) -> bool:
    """"pushed ahead with shipments", "pressed on with sales": going on with
    a deal, not pressing someone else for it."""
    return verb.lemma_ in ("press", "push") and any(c.lower_ in ("ahead", "on", "forward") for c in verb.children)


#: verbs that tell someone to do something: the infinitive they govern is asked for, not done
_DIRECTING = frozenset("tell order instruct direct advise warn request".split())


def _infinitive(verb: Any) -> bool:
    """"to stop buying": a bare verb with its own "to"."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


#: verbs whose "against doing" says it was not done
_DECIDING = frozenset("decide vote advise argue rule opt lobby warn".split())


_CLAIM_CALLED_FALSE = re.compile(
    r"\b(?:reports?|claims?|allegations?|suggestions?|rumou?rs?|speculation|accusations?|assertions?)\s+that\b"
    r"(?P<claim>.+?)\b(?:is|are|was|were)\s+(?:\w+\s+)?(?:false|untrue|baseless|wrong|inaccurate|unfounded|groundless|"
    r"incorrect|fabricated)\b", re.I)


def _called_false(trigger: Any) -> bool:
    """The trigger sits inside a claim its sentence calls false ("Reports that
    X controls Y are false"), read on the surface: the parser often takes
    "Reports" for a verb there."""
    sent = trigger.sent
    m = _CLAIM_CALLED_FALSE.search(sent.text)
    if not m:
        return False
    start = sent.start_char + m.start("claim")
    return start <= trigger.idx < sent.start_char + m.end("claim")


def _conditioned(verb: Any) -> bool:
    """"... would continue to sell if the ban were lifted": a condition anywhere
    under the verb (an "if"/"unless" clause) makes it hypothetical."""
    return any(t.dep_ == "mark" and t.lower_ in _MARKS for t in verb.subtree)


#: a coordinator that sets its conjunct against the first one, negation and all
_CONTRASTS = frozenset("but yet".split())


def _bracketed(tok: Any) -> bool:
    """"Arm Ltd. (currently controlled by SoftBank)": a participle or
    apposition in brackets is an aside that states its fact on its own."""
    return tok.dep_ in ("acl", "appos", "parataxis") and tok.head.i != tok.i and bracket_opened(tok) is not None


def _comma_aside(tok: Any) -> bool:
    """"X, added to the Entity List in 2022, denied wrongdoing", "X, on the
    SDN List since 2023, ...": a participle or a preposition set off by
    commas after a name is an aside on the name, as an apposition is; the
    verb of the clause does not reach into it.  Without the comma ("denied
    selling chips made by X") the phrase is part of what the verb says."""
    if tok.dep_ not in ("acl", "prep") or (tok.dep_ == "acl" and tok.tag_ != "VBN"):
        return False
    name = tok.head
    start = tok.left_edge.i
    return name.pos_ == "PROPN" and name.i < start and start > 0 and tok.doc[start - 1].text == ","


def bracket_opened(tok: Any) -> Any | None:
    """The "(" that opens the phrase ``tok`` heads (the parser hangs it
    inside the phrase or just before it), when a ")" closes it later in the
    sentence; else None."""
    left = tok.left_edge
    doc = tok.doc
    opening = left if left.text == "(" else doc[left.i - 1] if left.i > 0 and doc[left.i - 1].text == "(" else None
    if opening is None or not any(t.text == ")" for t in doc[tok.i + 1:tok.sent.end]):
        return None
    return opening


#: what a party commits to when it agrees to trade: an agreement signed is a stated supply relationship
_AGREEING = frozenset("agree".split())


def _agreed_trade(tok: Any, steps: int, came_by: str) -> bool:
    """"X has agreed to supply tools to Y (under a five-year contract)", "Y
    agreed to buy chips from X": an agreement to trade, itself asserted (its
    own negation, modal or hedge is still read as the walk goes on), states
    the supply relationship as a signed contract does ("signed a deal to
    supply").  Only for supply (the caller's ``past_counts``): "agreed to
    acquire X" is a takeover not yet done.  The trade verb must be the one
    "agree" governs directly ("agreed to consider supplying" stays a hedge)."""
    return tok.lemma_ in _AGREEING and steps == 1 and came_by == "xcomp" and tok.tag_ in ("VBD", "VBN", "VBZ")


_CONTRACT_MODALS = frozenset("will 'll shall".split())
#: "can no longer buy from X": what it was able to do until now (for supply, a past supply)
_ABILITY_MODALS = frozenset("can could".split())
#: "said it would continue to sell to X", "will keep buying from Y": what goes on is stated, not planned
_GOING_ON_MODALS = frozenset("will would 'll".split())
_GOING_ON = frozenset("continue keep".split())
_CONTRACT_NOUNS = frozenset("agreement contract deal pact memorandum accord term terms arrangement".split())


def _under_contract(verb: Any) -> bool:
    """"Under the agreement, X will supply Y", "the contract stipulates that X
    will supply Y": a future the parties have signed is a stated supply
    relationship, not a hypothetical one."""
    if any(c.dep_ == "prep" and c.lower_ in ("under", "per") and any(o.lemma_.lower() in _CONTRACT_NOUNS for o in c.children)
           for c in verb.children):
        return True
    gov = verb.head if verb.dep_ == "ccomp" else None
    return gov is not None and gov.lemma_.lower() in ("stipulate", "require", "provide", "specify", "state", "oblige", "commit") \
        and any(c.dep_ == "nsubj" and c.lemma_.lower() in _CONTRACT_NOUNS for c in gov.children)


#: Clauses that assert on their own, whatever the clause around them says.
_SELF_CONTAINED = frozenset({"relcl", "appos", "parataxis"})
