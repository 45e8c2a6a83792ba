"""English relation rules over spaCy's dependency parse.

Each rule starts from a trigger word (a verb such as "sold" or "owned", a noun
such as "subsidiary", "customer" or "stake") and reads its arguments off the
parse: subjects (through relative clauses, participles, conjunctions and
"which"), "by" agents, "to"/"from"/"of"/"in" objects, appositions and copulas.
This is what lets one rule cover "X, which is owned by Y", "X is owned by Y",
"X, owned by Y" and "Y owns X".  Arguments that are descriptions rather than
names ("other Chinese chipmakers", "a military research unit under CETC")
become placeholders that later sentences resolve ("These include X and Y",
"The defence linked buyer was X").  Every fact passes the negation/hedge check
before it is kept.  Rules only look at tokens already parsed: no re-parsing.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from chipgraph.graph.model import EntityType, MILITARY_ID, RelationType

from .engine import apply_rules, is_passive, load_grammar, verbal_root
from .entities import DocEntities, UNIT_NOUNS
from .negation import denied_before, is_asserted
from .orgs import is_known_place
from .salience import FACILITY_NOUNS, GOVERNMENT_NOUNS, LIST_NOUNS, PRONOUNS, Salience

__all__ = ["Fact", "Placeholder", "english_facts", "sentence_segments"]

R = RelationType

SUPPLY_VERBS = frozenset("sell supply ship deliver provide export send furnish resell".split())
BUY_VERBS = frozenset("buy purchase order source procure import obtain receive acquire get rent lease".split())
MAKE_VERBS = frozenset("manufacture make produce fabricate build assemble".split())
OWN_VERBS = frozenset("own control acquire buy purchase hold".split())
BAN_VERBS = frozenset("ban bar prohibit forbid outlaw exclude block restrict embargo".split())
LIST_VERBS = frozenset("add place put include designate list name blacklist".split())
STAKE_NOUNS = frozenset("stake shareholding holding interest share equity".split())
STAKE_VERBS = frozenset("hold own have acquire buy take control increase raise retain keep".split())
SUPPLY_NOUNS = frozenset("shipment sale delivery export supply order".split())
SUPPLIER_NOUNS = frozenset("supplier vendor provider seller".split())
CUSTOMER_NOUNS = frozenset("customer client buyer purchaser".split())
SUBSIDIARY_NOUNS = frozenset("subsidiary affiliate".split())
OWNER_NOUNS = frozenset("parent owner shareholder stakeholder".split())
PART_NOUNS = frozenset("part unit division branch arm department subdivision segment laboratory lab institute bureau agency".split())
GROUP_NOUNS = frozenset(
    "company firm chipmaker maker manufacturer entity customer buyer supplier business organisation organization "
    "institute institution unit group enterprise producer foundry conglomerate contractor laboratory lab academy "
    "university startup start-up vendor client operator carrier telco player giant automaker supplier fab designer".split()
)
def is_group_noun(t: Any) -> bool:
    """A noun that stands for organisations ("firms", "chipmakers", "carmakers", "telcos")."""
    lemma = t.lemma_.lower()
    return lemma in GROUP_NOUNS or lemma.endswith("maker") or lemma.endswith("makers")


#: nouns too generic to pick a name by ("the company" is not "X Manufacturing Company")
_GENERIC_ORG_NOUNS = frozenset("company firm group corporation corp maker manufacturer chipmaker business enterprise".split())
#: "both" (2), "all three" (3): a count that stands for the organisations just named
_COUNT_WORDS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "all": -1}
#: prepositions that also open clauses; the parser reads "after Beijing banned" as "after Beijing"
_CLAUSE_PREPS = frozenset("after before since until as because".split())
#: verbs whose object does what their infinitive says ("told X to stop", "forced X to sell")
CONTROL_VERBS = frozenset("tell order instruct force ask require urge direct compel allow permit persuade pressure push warn".split())
NETWORK_NOUNS = frozenset("network group empire ecosystem family stable portfolio web structure conglomerate".split())
REPORT_VERBS = frozenset("say state confirm announce add disclose report acknowledge admit tell write explain".split())
MIL_CUES = frozenset("military defence defense army pla navy missile armed".split())
MIL_VERBS = frozenset("link tie connect affiliate serve supply support work sell be have own control equip".split())
#: things sold that are businesses, not goods ("sold its NAND business to SK Hynix")
NOT_SUPPLY = frozenset(
    "business unit division stake share shares asset assets operation operations plant factory fab subsidiary "
    "company firm brand holding interest".split()
)
#: things received that are not goods ("received an investment from Alibaba")
NOT_GOODS = frozenset(
    "investment funding fund capital stake share loan grant subsidy backing support approval licence license "
    "permission warning letter notice request complaint offer bid order call visit delegation award contract "
    "question inquiry subpoena fine penalty payment money cash dividend".split()
)
FRACTION_WORDS = frozenset("half third quarter fifth tenth majority minority stake share shares percent % portion part chunk".split())
REVENUE_NOUNS = frozenset("revenue revenues sale sales income turnover earnings".split())
PRODUCT_GENERIC = frozenset("product item part equipment technology component good tool machine chip system".split())
_DATE_RE = re.compile(r"(\d{1,2})\s+(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{4})", re.I)
_MONTHS = {m: i for i, m in enumerate("january february march april may june july august september october november december".split(), 1)}


@dataclass
class Placeholder:
    """A description standing for entities named elsewhere."""

    token: Any
    sent_index: int
    plural: bool
    military: bool = False
    parent: str | None = None
    members: list[str] = field(default_factory=list)
    siblings: list[str] = field(default_factory=list)  # "X and other Ys": X


@dataclass
class Fact:
    """A relation found in a sentence, before it becomes a model Relation.

    ``head``/``tail`` are entity keys or Placeholders; ``sent`` is the
    sentence span the evidence quotes."""

    head: Any
    type: RelationType
    tail: Any
    sent: Any
    method: str
    confidence: float
    attributes: dict[str, str] = field(default_factory=dict)


def sentence_segments(doc: Any) -> Iterator[Any]:
    """spaCy sentences, further cut at line breaks (a headline never runs into
    the first paragraph)."""
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text:
                if tok.i > start:
                    yield doc[start:tok.i]
                start = tok.i + 1
        if start < sent.end:
            yield doc[start:sent.end]


class _Ctx:
    def __init__(self, doc: Any, ents: DocEntities) -> None:
        self.doc = doc
        self.ents = ents
        self.placeholders: list[Placeholder] = []
        self.facts: list[Fact] = []
        self.sent_index = 0
        self.sent: Any = None
        self.recent_orgs: list[str] = []
        self.salience = Salience(doc, ents)
        self.governments: set[str] = set()  # states named as "the X government" in the current sentence
        # indexes built once per document, so that no sentence rescans the whole article
        self.placeholder_at: dict[int, Placeholder] = {}
        self.placeholders_in: dict[int, list[Placeholder]] = {}
        self.dates = sorted((e.start, e.text) for e in doc.ents if e.label_ == "DATE")
        self._date_starts = [d[0] for d in self.dates]
        self._org_nouns: dict[str, list[tuple[int, str]]] | None = None
        self._resolving: set[int] = set()

    # -- arguments ---------------------------------------------------------
    def key(self, tok: Any) -> str | None:
        return self.ents.key_at(tok.i)

    def etype(self, key: Any) -> EntityType | None:
        """Type of the entity ``key`` (None for a placeholder)."""
        if not isinstance(key, str):
            return None
        return self.ents.get(key).type

    def args(self, tok: Any | None, *, conj: bool = True) -> list[Any]:
        """Entity keys (or placeholders) that the argument token ``tok`` names."""
        if tok is None:
            return []
        toks = [tok] + ([c for c in tok.conjuncts if not _negated_conjunct(c)] if conj else [])
        out: list[Any] = []
        for t in toks:
            count = _COUNT_WORDS.get(t.lower_) if not self.key(t) else None
            if count:
                n = count if count > 0 else next((_COUNT_WORDS.get(c.lower_, 0) for c in t.children if c.dep_ in ("nummod", "det")), 0)
                if t.lower_ == "all":
                    n = next((_COUNT_WORDS[c.lower_] for c in t.head.children if c.lower_ in _COUNT_WORDS and c.i == t.i + 1), 0) or n
                found = self.salience.counted(t, n) if n > 1 else []
                if found:  # "identified all three as ...", "both were added"
                    out.extend(found)
                    continue
            k = self.key(t) or self.stand_in(t)
            if k and self.etype(k) == EntityType.GPE and t.lemma_.lower() in GOVERNMENT_NOUNS:
                self.governments.add(k)
                named_list = [self.key(c) for c in t.children if c.dep_ == "appos" and self.etype(self.key(c)) == EntityType.LIST]
                if named_list:  # "the U.S. government Entity List": the list, not the government
                    out.append(named_list[0])
                    continue
            if k:
                out.append(k)
                if conj and any(c.dep_ == "cc" or c.lower_ == "and" for c in t.subtree):
                    for c in t.children:
                        kc = self.key(c)
                        if c.dep_ == "nmod" and kc and kc != k and kc not in out and c.i < t.i:
                            out.insert(len(out) - 1, kc)
                continue
            found = False
            for c in t.children:
                if c.dep_ == "appos" and self.key(c):
                    out.append(self.key(c))
                    found = True
                    if conj:  # "the brands Skoda, Seat and Audi"
                        out += [k for cc in c.conjuncts for k in [self.key(cc)] if k and k not in out]
            if found:
                continue
            if t.pos_ == "NOUN" and t.dep_ == "appos" and not is_group_noun(t) and self.key(t.head) \
                    and any(c.dep_ in ("acl", "relcl") for c in t.children):
                out.append(self.key(t.head))  # "X, a state investment vehicle controlled by Y": the vehicle is X
                continue
            if t.pos_ in ("NOUN", "PROPN") and is_group_noun(t):
                if t.dep_ in ("attr", "appos"):
                    named = [k for k in self.described(t) if isinstance(k, str)]
                    if named:  # "CEC is a state conglomerate that ...": the conglomerate is CEC
                        out.extend(named)
                        continue
                ref = self.definite_reference(t)
                if ref:
                    self.salience.resolved[t.i] = ref
                    out.append(ref)
                else:
                    out.append(self.placeholder(t))
        return out

    def stand_in(self, t: Any) -> str | None:
        """The entity a pronoun, "the list" or "the government of X" stands for
        (None when it stands for none, or for two equally well)."""
        if t.i in self._resolving:
            return None
        self._resolving.add(t.i)
        try:
            low = t.lower_
            if low == "itself":  # "Mubadala, which is itself owned by ...": the antecedent of the clause
                v = t.head
                while v.dep_ not in ("relcl", "ROOT") and v.head.i != v.i:
                    v = v.head
                if v.dep_ == "relcl":
                    return next((k for k in self.args(v.head, conj=False) if isinstance(k, str)), None)
                return None
            if low in PRONOUNS and t.tag_ in ("PRP", "PRP$"):
                found = self.salience.pronoun(t, self)
                if found:
                    self.salience.resolved[t.i] = found
                return found
            if t.pos_ == "NOUN" and t.lemma_.lower() in LIST_NOUNS:
                return self.salience.list_noun(t)
            if t.pos_ == "NOUN" and t.lemma_.lower() in FACILITY_NOUNS and t.dep_ in ("pobj", "dative") \
                    and t.head.lower_ in ("to", "for") and t.lemma_.lower() in ("fab", "plant", "factory", "facility", "site", "campus"):
                owner = [c for c in t.children if c.dep_ == "poss" and self.key(c)]
                if owner:
                    return self.key(owner[0])
            if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in GOVERNMENT_NOUNS:
                for c in t.children:  # "the government of Abu Dhabi", "the Dutch state"
                    if c.dep_ == "prep" and c.lower_ == "of":
                        for o in c.children:
                            k = self.key(o)
                            if o.dep_ == "pobj" and k and self.etype(k) == EntityType.GPE:
                                return k
            return None
        finally:
            self._resolving.discard(t.i)

    def is_authority(self, key: str) -> bool:
        """A ministry, regulator or government body (for rules that exclude them)."""
        return _is_authority(self, key)

    def supply_attributes(self, obj: Any | None, trigger: Any) -> dict[str, str]:
        """Product and date of a supply fact (for the rule engine)."""
        return _supply_attributes(self, obj, trigger)

    def definite_reference(self, t: Any) -> str | None:
        """"the institute" / "the company" -> the organisation it stands for: the
        latest one named whose name ends in that noun, else the one salient
        organisation (see Salience)."""
        dets = [c.lower_ for c in t.children if c.dep_ == "det"]
        # "the company", "the Chinese company", "the Wuhan fab": modifiers that are adjectives or places, no other name
        modifiers_ok = all(c.dep_ not in ("prep", "acl", "relcl") and not (c.dep_ in ("amod", "compound") and
                                                                         self.etype(self.key(c)) in (EntityType.ORG, EntityType.PERSON))
                           for c in t.children)
        if not (t.tag_ == "NN" and dets == ["the"] and modifiers_ok):
            return None
        noun = t.lower_
        mentions = [] if noun in _GENERIC_ORG_NOUNS else self.org_nouns().get(noun, [])
        k = bisect.bisect_left(mentions, (t.i, ""))
        if k > 0:
            return mentions[k - 1][1]
        if noun in ("company", "firm", "group", "chipmaker", "maker", "manufacturer", "fab", "foundry", "supplier", "startup",
                    "start-up", "conglomerate", "giant", "operator", "carrier", "designer"):
            found = self.salience.previous(t)
            return None if found and _is_authority(self, found) else found  # "the company" is no ministry
        return None

    def org_nouns(self) -> dict[str, list[tuple[int, str]]]:
        """word of an organisation's name -> its mentions (start, key) in order."""
        if self._org_nouns is None:
            index: dict[str, list[tuple[int, str]]] = {}
            for rec in self.ents.records.values():
                if rec.type == EntityType.ORG:
                    for word in set(rec.name.lower().split()):
                        index.setdefault(word, []).extend((s, rec.key) for s, _ in rec.mentions)
            self._org_nouns = {w: sorted(v) for w, v in index.items()}
        return self._org_nouns

    def placeholder(self, t: Any) -> Placeholder:
        if t.i in self.placeholder_at:
            return self.placeholder_at[t.i]
        p = Placeholder(t, self.sent_index, plural=t.tag_ in ("NNS", "NNPS"))
        self.placeholder_at[t.i] = p
        self.placeholders_in.setdefault(self.sent_index, []).append(p)
        p.military = self._has_mil_modifier(t)
        if any(c.lower_ == "other" for c in t.children):
            p.siblings = self._siblings(t)
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("under", "of", "within"):
                for o in c.children:
                    k = self.key(o)
                    if k and self.etype(k) == EntityType.ORG:
                        p.parent = k
        self.placeholders.append(p)
        return p

    def _siblings(self, noun: Any) -> list[str]:
        """Named entities coordinated with "other <noun>": in "to X, ... and to
        other chipmakers" the earlier object of the same preposition."""
        sib = [k for c in noun.conjuncts for k in [self.key(c)] if k]
        if not sib and noun.dep_ == "pobj" and noun.head.dep_ == "conj":
            prep = noun.head.lower_
            for t in self.sent:
                if t.i >= noun.head.i:
                    break
                if t.lower_ == prep and t.dep_ in ("prep", "dative"):
                    sib += [k for c in t.children if c.dep_ == "pobj" for k in self.args(c) if isinstance(k, str)]
        return [k for k in dict.fromkeys(sib) if self.etype(k) == EntityType.ORG]

    def _has_mil_modifier(self, t: Any) -> bool:
        for d in t.subtree:
            if d.lower_ in MIL_CUES and d.i != t.i and d.dep_ in ("amod", "compound", "npadvmod", "pobj", "nmod"):
                return True
        return False

    def subjects(self, v: Any, depth: int = 0) -> list[Any]:
        """Who does ``v``: nsubj(pass), through relative pronouns, participles, conj and xcomp."""
        if depth > 4:
            return []
        if verbal_root(v):  # "Micron ships ...": the name the parser made a modifier is the subject
            return self.args(next(c for c in v.children if c.dep_ == "compound" and c.i < v.i), conj=False)
        subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj:  # "X is 60% owned by Y" with X hung on the auxiliary
            subj = [c for a in v.children if a.dep_ in ("aux", "auxpass") for c in a.children if c.dep_ in ("nsubj", "nsubjpass")]
        if len(subj) > 1:  # "The equipment maker ASML shipped": prefer the name
            subj = sorted(subj, key=lambda c: self.key(c) is None)
        if subj:
            s = subj[0]
            if s.tag_ in ("WDT", "WP") or s.lower_ in ("which", "that", "who"):
                return self.args(v.head)
            named = self._named_before_count(s)
            if named:
                return named
            if s.lower_ in ("it", "we") and depth < 4:
                # "Kestrel said it had received ...": the company that says it
                h = v
                while h.dep_ in ("ccomp", "conj", "advcl") and h.head.i != h.i:
                    h = h.head
                    if h.lemma_.lower() in REPORT_VERBS:
                        return [a for a in self.subjects(h, depth + 1) if isinstance(a, Placeholder) or self.etype(a) == EntityType.ORG]
            return self.args(s)
        if v.dep_ in ("relcl", "acl") and v.head.i != v.i:
            return self.args(v.head, conj=False)
        early = [c for c in v.children if c.dep_ in ("npadvmod", "nmod") and c.i < v.i and self.key(c)]
        if early and v.tag_ in ("VBD", "VBZ", "VBP", "VBN") and not any(c.dep_ in ("aux", "auxpass") for c in v.children):
            return self.args(early[0])  # a subject the parser mislabelled ("TSMC manufactured ...")
        if v.dep_ in ("advcl", "conj") and v.i > 0:
            prev = v.doc[v.i - 1]
            while prev.i > 0 and (prev.dep_ in ("advmod", "npadvmod", "det", "amod") or prev.ent_type_ == "DATE"):
                prev = prev.doc[prev.i - 1]
            if prev.dep_ == "pobj" and prev.head.dep_ == "prep" and prev.head.lower_ in _CLAUSE_PREPS and prev.head.i == prev.i - 1:
                return self.args(prev)  # "after Beijing banned X" parsed as "after Beijing" + a subjectless verb
        left = v.left_edge
        if v.dep_ in ("parataxis", "appos", "acl", "advcl") and left.i >= 2 and v.doc[left.i - 1].text == "(" and self.key(v.doc[left.i - 2]):
            return self.args(v.doc[left.i - 2], conj=False)  # "Arm Ltd. (controlled by SoftBank)"
        if v.dep_ == "xcomp" and v.head.lemma_.lower() in CONTROL_VERBS:
            obj = next((c for c in v.head.children if c.dep_ == "dobj"), None)
            if obj is not None:  # "the CAC told operators to stop buying": the operators buy
                return self.args(obj)
        if v.dep_ in ("conj", "xcomp", "advcl") and v.head.i != v.i or (v.dep_ == "acomp" and v.head.lemma_ == "be"):
            return self.subjects(v.head, depth + 1)
        gov = v.head.head if v.dep_ == "pcomp" and v.head.dep_ == "prep" else None
        while gov is not None and gov.dep_ == "pobj" and gov.head.dep_ == "prep" and gov.pos_ == "NOUN" \
                and gov.lemma_.lower() in LIST_NOUNS:
            gov = gov.head.head  # "placed X on a blacklist for supplying ...": the phrase hangs on the list
        if gov is not None and gov.pos_ in ("VERB", "AUX"):
            obj = next((c for c in gov.children if c.dep_ == "dobj"), None)
            if obj is not None and not _is_passive(gov) and (
                    gov.lemma_.lower() in LIST_VERBS | {"blacklist", "sanction", "target", "punish", "cite", "accuse", "identify",
                                                        "label", "brand", "deem", "classify", "describe", "regard", "flag"}
                    or v.head.lower_ == "from"):  # "banning US firms from exporting": the firms export
                return self.args(obj)  # "Commerce placed X on the list for supporting ...": X does the supporting
            return self.subjects(gov, depth + 1)  # "X was cited for supporting ..."
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.pos_ in ("NOUN", "PROPN"):
            owners = [c for c in v.head.head.children if c.dep_ == "poss"]
            if owners:  # "DJI's involvement in providing drones", "X's role in supplying"
                return self.args(owners[0])
        return []

    def _named_before_count(self, s: Any) -> list[Any]:
        """"Moore Threads and Biren, two of China's start-ups, were added":
        a count word right after a list of names is those names."""
        if not (s.like_num or s.lower_ in ("both", "all", "each")) or self.key(s) or s.i < 2:
            return []
        doc = s.doc
        if doc[s.i - 1].text not in (",", "\u2014", "-", "\u2013"):
            return []
        k = self.key(doc[s.i - 2])
        if not k:
            return []
        root = doc[s.i - 2]
        while root.head.i != root.i and self.key(root.head) == k:
            root = root.head
        first = root
        while first.dep_ == "conj" and self.key(first.head):
            first = first.head
        return [a for a in self.args(first) if isinstance(a, str)]

    def described(self, n: Any) -> list[Any]:
        """The entity a description noun is about: appositions, copulas, "as"."""
        if n.dep_ == "appos":
            return self.args(n.head, conj=False)
        for c in n.children:
            if c.dep_ == "appos" and (self.key(c)):
                return self.args(c)
        doc = n.doc
        if n.i + 2 < len(doc) and doc[n.i + 1].text == "," and self.key(doc[n.i + 2]) and doc[n.i + 2].dep_ in ("conj", "appos", "compound") \
                and not self.key(n):
            return self.args(doc[n.i + 2], conj=False)  # "another SMIC subsidiary, SMBC," parsed as a list
        if n.dep_ == "attr":
            return self.subjects(n.head)
        if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lower_ in ("one", "some"):
            return self.described(n.head.head)  # "X is one of the largest shareholders of Y"
        if n.dep_ == "pobj" and n.head.lower_ in ("as", "among") and n.head.head.pos_ in ("AUX", "VERB"):
            return self.subjects(n.head.head)  # "As a subsidiary of Y, X ...", "X is among the buyers of Y"
        if n.dep_ in ("nsubj",) and n.head.lemma_ == "be":
            return [a for c in n.head.children if c.dep_ == "attr" for a in self.args(c)]
        # "Huawei's chip unit HiSilicon": the name sits in a compound under the noun
        comp = [c for c in n.children if c.dep_ == "compound" and self.key(c) and c.i > n.i]
        if comp:
            return self.args(comp[0])
        if n.dep_ == "compound" and self.key(n.head) and n.head.i > n.i:
            return self.args(n.head, conj=False)  # "its parent Wingtech" parsed with "parent" as a modifier
        return []

    def pobjs(self, tok: Any, preps: Iterable[str], deps: tuple[str, ...] = ("prep", "dative", "agent")) -> list[Any]:
        preps = set(preps)
        out: list[Any] = []
        todo = [c for c in tok.children if c.dep_ in deps and c.lower_ in preps]
        seen = set()
        while todo:
            p = todo.pop(0)
            if p.i in seen:
                continue
            seen.add(p.i)
            for c in p.children:
                if c.dep_ in ("pobj", "pcomp"):
                    out.extend(self.args(c))
                elif c.dep_ == "conj" and c.lower_ in preps:
                    todo.append(c)
        return out

    def poss_or_compound(self, n: Any) -> list[Any]:
        out = []
        for c in n.children:
            if c.dep_ == "poss" and c.lower_ == "whose":
                # "X, whose parent is Y": the relative clause's antecedent
                v = n
                while v.dep_ != "relcl" and v.head.i != v.i:
                    v = v.head
                if v.dep_ == "relcl":
                    out += [k for k in self.args(v.head, conj=False) if isinstance(k, str)]
            if c.dep_ in ("poss", "compound", "nmod") and (self.key(c) or (c.dep_ == "poss" and self.stand_in(c))):
                out.append(self.key(c) or self.stand_in(c))
        return out

    # -- output --------------------------------------------------------------
    def emit(self, heads: list[Any], rtype: RelationType, tails: list[Any], trigger: Any, method: str,
             confidence: float, attributes: dict[str, str] | None = None) -> None:
        # a description that is not the predicate states its fact whatever the clause around it does:
        # "its controlling shareholder, X, would cover the loss" still says X is the shareholder
        presupposed = (trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubj", "nsubjpass", "appos", "compound", "poss")) \
            or trigger.dep_ == "amod"  # "the blacklisted firm X denied ..." still calls X blacklisted
        if not is_asserted(trigger, stop=trigger if presupposed else None) or denied_before(self.sent, trigger):
            return
        for h in heads:
            for t in tails:
                if h is t or (isinstance(h, str) and h == t):
                    continue
                self.facts.append(Fact(h, rtype, t, self.sent, method, confidence, dict(attributes or {})))


def _negated_conjunct(t: Any) -> bool:
    """"Apple, but not Huawei": a conjunct the text excludes."""
    return any(c.dep_ == "neg" or c.lower_ == "not" for c in t.children) or (t.i > 0 and t.doc[t.i - 1].lower_ == "not")


def _is_passive(v: Any) -> bool:
    return is_passive(v)


def _date_of(ctx: _Ctx, trigger: Any) -> str | None:
    """The first full date or year the sentence states (dates indexed once per document)."""
    k = bisect.bisect_left(ctx._date_starts, ctx.sent.start)
    for start, text in ctx.dates[k:]:
        if start >= ctx.sent.end:
            break
        m = _DATE_RE.search(text)
        if m:
            return f"{m.group(3)}-{_MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"
        y = re.fullmatch(r"(?:in\s+)?((?:19|20)\d{2})", text.strip())
        if y:
            return y.group(1)
    return None


def _supply_attributes(ctx: _Ctx, obj: Any | None, trigger: Any) -> dict[str, str]:
    """The product and date a supply sentence states, for the relation's attributes."""
    attrs = {}
    prod = _product_of(ctx, obj)
    if prod:
        attrs["product"] = prod
    d = _date_of(ctx, trigger)
    if d:
        attrs["date"] = d
    return attrs


def _product_of(ctx: _Ctx, obj: Any | None) -> str | None:
    if obj is None or ctx.key(obj):
        return None
    toks = [t for t in obj.subtree if t.i <= obj.i and t.dep_ not in ("det", "poss", "nummod", "case") and not ctx.key(t)
            and not t.is_punct and t.lower_ not in ("other", "some", "such", "key", "several", "many")]
    words = [t.text for t in toks if t.i >= (toks[0].i if toks else obj.i)]
    if not words:
        return None
    if len(words) == 1 and obj.lemma_.lower() in PRODUCT_GENERIC | {"product", "item"}:
        return None
    return " ".join(words)


def _orgs(ctx: _Ctx, items: list[Any]) -> list[Any]:
    """Keep organisations (and placeholders); drop places, people, products."""
    out = []
    for x in items:
        if isinstance(x, Placeholder):
            out.append(x)
        elif ctx.etype(x) in (EntityType.ORG,) or x == MILITARY_ID or x in ctx.governments:
            out.append(x)  # a state named as its government buys and owns like an organisation
    return out


def _parties(ctx: _Ctx, items: list[Any]) -> list[Any]:
    """Organisations and states (authorities, owners)."""
    return [x for x in items if isinstance(x, Placeholder) or ctx.etype(x) in (EntityType.ORG, EntityType.GPE)]


def _rules_for_token(ctx: _Ctx, tok: Any) -> None:
    lemma = tok.lemma_.lower()
    pos = tok.pos_
    if pos in ("VERB", "AUX") or tok.tag_.startswith("VB"):
        passive = _is_passive(tok)
        dobj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        # OWNED_BY: "X is owned by Y", "X, owned by Y", "Y acquired X"
        if lemma in OWN_VERBS or (lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "over" for c in tok.children)):
            if passive and not (lemma in ("buy", "purchase", "acquire") and ctx.pobjs(tok, ["from"])):
                owners = _parties(ctx, ctx.pobjs(tok, ["by"]))
                owned = _orgs(ctx, ctx.subjects(tok))
                if owners and owned:
                    owners_mil = [o for o in owners if o == MILITARY_ID]
                    ctx.emit(owned, R.OWNED_BY, [o for o in owners if o != MILITARY_ID], tok, "rule:passive-owned", 0.9)
                    if owners_mil:
                        ctx.emit(owned, R.MILITARY_LINK, [MILITARY_ID], tok, "rule:military-owned", 0.8)
            elif not passive and dobj is not None and not ctx.pobjs(tok, ["from"]):
                owned = [k for k in _orgs(ctx, ctx.args(dobj)) if not isinstance(k, Placeholder)]
                if not owned and lemma in ("own", "control", "acquire", "buy", "hold") and (
                    dobj.like_num or dobj.lower_ in ("%", "percent", "majority", "share", "shares", "stake", "half", "third", "quarter",
                                                      "fifth", "tenth", "portion", "part", "piece", "minority", "chunk")
                ):
                    owned = [k for k in _orgs(ctx, ctx.pobjs(dobj, ["of", "in"])) if not isinstance(k, Placeholder)]  # "owns 10% of SMIC"
                owners = _parties(ctx, ctx.subjects(tok))
                if lemma == "control":  # a state taking control is not ownership; a company controlling one is
                    owners = [o for o in owners if isinstance(o, Placeholder) or ctx.etype(o) == EntityType.ORG]
                if owned and lemma in ("own", "control", "acquire", "buy", "purchase", "take", "hold"):
                    ctx.emit(owned, R.OWNED_BY, owners, tok, "rule:active-owns", 0.8)
        # SUPPLIED, seller side: "X sold/supplied/shipped ... to Y"
        made_for = lemma in MAKE_VERBS and (ctx.pobjs(tok, ["for"]) or (dobj is not None and ctx.pobjs(dobj, ["for"])))
        if lemma in SUPPLY_VERBS or made_for:
            preps = ["to", "for"] if lemma in MAKE_VERBS else ["to"]
            if passive:
                sellers = _orgs(ctx, ctx.pobjs(tok, ["by"]))
                buyers = _orgs(ctx, ctx.pobjs(tok, preps))
                if not sellers:  # "two ASML scanners were shipped to X": the maker named on the goods
                    for subj in (c for c in tok.children if c.dep_ == "nsubjpass" and not ctx.key(c)):
                        sellers = [k for k in ctx.poss_or_compound(subj) if ctx.etype(k) == EntityType.ORG]
                if not buyers and any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
                    buyers = _orgs(ctx, ctx.subjects(tok))
                obj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            else:
                sellers = _orgs(ctx, ctx.subjects(tok))
                buyers = _orgs(ctx, ctx.pobjs(tok, preps))
                if not buyers and dobj is not None and not ctx.key(dobj):
                    buyers = _orgs(ctx, ctx.pobjs(dobj, preps))  # "sold chips to X" with "to" under "chips"
                obj = dobj
                if not buyers:
                    dat = [c for c in tok.children if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN")]
                    if dat:
                        buyers = _orgs(ctx, ctx.args(dat[0]))
                    elif dobj is not None and any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
                        buyers = _orgs(ctx, ctx.args(dobj))
                        obj = None
                    elif dobj is not None and lemma in ("supply", "equip", "serve") and ctx.key(dobj):
                        buyers = _orgs(ctx, ctx.args(dobj))  # "TSMC supplies Huawei"
                        obj = None
            if obj is not None and obj.lemma_.lower() in NOT_SUPPLY:
                sellers = []
            if sellers and buyers:
                attrs = _supply_attributes(ctx, obj, tok)
                mil = [b for b in buyers if b == MILITARY_ID]
                ctx.emit(sellers, R.SUPPLIED, [b for b in buyers if b != MILITARY_ID], tok, f"rule:{lemma}-to", 0.85, attrs)
                if mil:
                    ctx.emit(sellers, R.MILITARY_LINK, [MILITARY_ID], tok, "rule:supplies-military", 0.8)
        # SUPPLIED: "Huawei used chips made by TSMC"
        if lemma in MAKE_VERBS and passive and tok.dep_ == "acl" and tok.head.dep_ == "dobj" \
                and tok.head.head.lemma_.lower() in ("use", "buy", "purchase", "install", "receive", "deploy", "import", "order"):
            makers = [k for k in _orgs(ctx, ctx.pobjs(tok, ["by"])) if isinstance(k, str)]
            users = _orgs(ctx, ctx.subjects(tok.head.head))
            if makers and users:
                ctx.emit(makers, R.SUPPLIED, users, tok, "rule:uses-made-by", 0.7)
        # SUPPLIED: "X relies on ASML for lithography machines"
        if lemma in ("rely", "depend") and any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
            sellers = [k for k in _orgs(ctx, ctx.pobjs(tok, ["on", "upon"])) if isinstance(k, str)]
            buyers = _orgs(ctx, ctx.subjects(tok))
            if sellers and buyers:
                ctx.emit(sellers, R.SUPPLIED, buyers, tok, "rule:relies-on-for", 0.7)
        # SUPPLIED, buyer side: "X bought from Y", "X received ASML products"
        if lemma in BUY_VERBS and not passive:
            buyers = _orgs(ctx, ctx.subjects(tok))
            sellers = _orgs(ctx, ctx.pobjs(tok, ["from"]))
            if not sellers and dobj is not None and lemma in ("receive", "buy", "purchase", "order", "obtain", "import", "get", "acquire"):
                sellers = [k for k in ctx.poss_or_compound(dobj) if ctx.etype(k) == EntityType.ORG]
                for c in dobj.children:
                    if c.dep_ == "prep" and c.lower_ in ("of", "from"):
                        for o in c.children:
                            if o.dep_ == "pobj":
                                sellers += [k for k in ctx.poss_or_compound(o) if ctx.etype(k) == EntityType.ORG]
            if lemma in ("acquire", "buy", "purchase") and dobj is not None and ctx.key(dobj) and not ctx.pobjs(tok, ["from"]):
                sellers = []  # an acquisition, handled as ownership
            if dobj is not None and dobj.lemma_.lower() in NOT_GOODS | NOT_SUPPLY:
                sellers = []  # an investment, an order or a business changing hands is not supply
            if dobj is not None and dobj.lower_ in FRACTION_WORDS and any(
                    ctx.etype(k) == EntityType.ORG for k in ctx.pobjs(dobj, ["of", "in"]) if isinstance(k, str)):
                sellers = []  # "acquired a fifth of X": a stake in X, not goods from X
            if any(t.lemma_.lower() in REVENUE_NOUNS for t in (dobj.subtree if dobj is not None else ())):
                sellers = []  # "got a third of its revenue from X": X is the customer (grammar rule revenue-from-customer)
            if buyers and sellers:
                attrs = _supply_attributes(ctx, dobj, tok)
                ctx.emit(sellers, R.SUPPLIED, buyers, tok, f"rule:{lemma}-from", 0.8, attrs)
        # SUPPLIED: "X took delivery of tools from Y"
        if lemma == "take" and dobj is not None and dobj.lemma_.lower() == "delivery" and not passive:
            goods = [o for c in dobj.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
            found = ctx.pobjs(tok, ["from"]) + ctx.pobjs(dobj, ["from"]) + [k for g in goods for k in ctx.pobjs(g, ["from"])]
            sellers = [k for k in _orgs(ctx, found) if isinstance(k, str)]
            buyers = _orgs(ctx, ctx.subjects(tok))
            if sellers and buyers:
                ctx.emit(sellers, R.SUPPLIED, buyers, tok, "rule:took-delivery-from", 0.8)
        # SUPPLIED: "CXMT counts TEL and Lam among its suppliers"
        if lemma == "count" and dobj is not None:
            among = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "among"]
            if among and any(o.lemma_.lower() in SUPPLIER_NOUNS for o in among[0].children if o.dep_ == "pobj"):
                sellers = [k for k in _orgs(ctx, ctx.args(dobj)) if isinstance(k, str)]
                buyers = _orgs(ctx, ctx.subjects(tok))
                if sellers and buyers:
                    ctx.emit(sellers, R.SUPPLIED, buyers, tok, "rule:counts-among-suppliers", 0.8)
        # DESIGNATED: "Hygon joined the trade blacklist"; "the 1260H list includes X and Y"
        if lemma in ("join", "enter") and dobj is not None and not passive and ctx.key(dobj):
            lists = [k for k in [ctx.key(dobj)] if k and ctx.etype(k) == EntityType.LIST and k != MILITARY_ID]
            listed = [x for x in _orgs(ctx, ctx.subjects(tok))
                      if isinstance(x, Placeholder) or ctx.etype(x) == EntityType.ORG] if lists else []
            if lists and listed:
                ctx.emit(listed, R.DESIGNATED, lists, tok, f"rule:{lemma}-list", 0.85)
                _military_lists(ctx, listed, lists, tok)
        if lemma in ("include", "feature", "comprise", "name") and dobj is not None and not passive:
            lists = [k for c in tok.children if c.dep_ == "nsubj" for k in [ctx.key(c)]
                     if k and ctx.etype(k) == EntityType.LIST and k != MILITARY_ID]
            listed = [x for x in _orgs(ctx, ctx.args(dobj) + ctx.pobjs(dobj, ["alongside"]) + ctx.pobjs(tok, ["alongside"]))
                      if isinstance(x, Placeholder) or ctx.etype(x) == EntityType.ORG] if lists else []
            if lists and listed:
                ctx.emit(listed, R.DESIGNATED, lists, tok, "rule:list-includes", 0.85)
                _military_lists(ctx, listed, lists, tok)
        # PART_OF: "X sits within CEC", "Within CEC, design is handled by X"
        within = [k for k in ctx.pobjs(tok, ["within"]) if isinstance(k, str) and ctx.etype(k) == EntityType.ORG]
        if within and lemma in ("sit", "be", "operate", "belong", "fall", "lie", "handle", "run", "do", "manage"):
            parts = _orgs(ctx, ctx.pobjs(tok, ["by"])) if passive else _orgs(ctx, ctx.subjects(tok))
            parts = [p for p in parts if isinstance(p, str) and p not in within]
            if parts:
                ctx.emit(parts, R.PART_OF, within, tok, "rule:within", 0.75)
        # BANNED: "the CAC bans the use of Micron chips"
        if lemma in BAN_VERBS:
            _ban(ctx, tok, passive)
        # DESIGNATED: "X was added to the Entity List", "the US blacklisted X"
        if lemma in LIST_VERBS:
            _designate(ctx, tok, passive, dobj)
        if lemma == "be":
            _be_on_list(ctx, tok)
    if pos in ("NOUN", "PROPN") and not ctx.key(tok):
        _noun_rules(ctx, tok, lemma)
    apply_rules(ctx, tok, load_grammar("en"), keep=_keep)


def _keep(ctx: _Ctx, items: list[Any], types: frozenset[EntityType]) -> list[Any]:
    """Arguments of the allowed entity types (placeholders pass; they resolve later)."""
    return [x for x in items if isinstance(x, Placeholder) or ctx.etype(x) in types or (x == MILITARY_ID)]


def _lists_in(ctx: _Ctx, tok: Any, preps: Iterable[str]) -> list[str]:
    return [k for k in ctx.pobjs(tok, preps) if isinstance(k, str) and ctx.etype(k) == EntityType.LIST and k != MILITARY_ID]


def _designate(ctx: _Ctx, tok: Any, passive: bool, dobj: Any | None) -> None:
    lemma = tok.lemma_.lower()
    lists = _lists_in(ctx, tok, ["to", "on", "onto", "in", "into", "as", "among"])
    if not lists and dobj is not None and not passive:
        # "adding 140 entities to the Entity List", "added X and 11 other entities to its blacklist"
        lists = [k for d in (dobj, *dobj.conjuncts) for k in _lists_in(ctx, d, ["to", "on", "onto"])]
    if not lists and lemma == "blacklist":
        lists = [ctx.ents.add("US Entity List", EntityType.LIST)]
    if not lists and lemma in ("add", "place", "put", "list", "blacklist") and _continues_listing(ctx, tok, passive):
        lists = [ctx.salience.current_list(tok.i)]  # "The committee also added A, B and C": the list named before
    if not lists and lemma in ("designate", "list", "name", "identify"):
        # "designated a Chinese military company": the Pentagon's 1260H list
        for c in tok.children:
            if c.dep_ in ("oprd", "attr", "dobj", "prep") and any(
                d.lemma_.lower() == "company" and any(m.lower_ == "military" and m.dep_ in ("amod", "compound") for m in d.children)
                for d in c.subtree
            ):
                lists = [ctx.ents.add("DoD Section 1260H list", EntityType.LIST)]
                break
    if not lists:
        return
    named = [c for c in tok.children if c.dep_ in ("oprd", "dobj") and ctx.key(c)]
    if not passive and dobj is None and lemma in ("add", "place", "put") and tok.dep_ == "ROOT" \
            and any(c.dep_ == "nsubj" and is_group_noun(c) and c.tag_ == "NNS" for c in tok.children):
        passive = True  # "The five companies added to the list ...": a reduced relative the parser made the main verb
    if passive and tok.dep_ == "acl" and named:
        listed = _orgs(ctx, ctx.args(named[0]))  # "The Pentagon named X among ..." misparsed as a participle
    elif passive:
        listed = _orgs(ctx, ctx.subjects(tok))
    elif dobj is not None and (dobj.lower_ in ("which", "that", "whom") or dobj.tag_ == "WDT") and tok.dep_ == "relcl":
        listed = _orgs(ctx, ctx.args(tok.head, conj=False))  # "X, which the Pentagon added to its list"
    else:
        listed = _orgs(ctx, ctx.args(dobj)) if dobj is not None else []
    listed = [x for x in listed if isinstance(x, Placeholder)
              or (x != MILITARY_ID and ctx.etype(x) != EntityType.LIST and not _is_authority(ctx, x))]
    if listed:
        ctx.emit(listed, R.DESIGNATED, lists, tok, f"rule:{lemma}-to-list", 0.9)
        _military_lists(ctx, listed, lists, tok)


_LISTING_BODIES = frozenset("committee department commerce government administration washington pentagon bis us u.s. "
                            "treasury agency bureau ministry regulator authorities officials".split())


def _continues_listing(ctx: _Ctx, tok: Any, passive: bool) -> bool:
    """A listing verb with no list named, in an article that named one in the
    last three sentences, by a listing body (or in the passive): the same list."""
    current = ctx.salience.current_list(tok.i)
    if current is None or current in military_list_ids() and tok.lemma_.lower() == "blacklist":
        return False
    starts = ctx.salience.starts
    k = bisect.bisect_right(starts, tok.i) - 1
    window_start = starts[max(0, k - 3)]
    if not any(window_start <= i < tok.i for i, key in ctx.salience.list_mentions if key == current):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("to", "on", "onto") for c in tok.children):
        return False  # added to something else ("added capacity to its fab")
    if passive:
        return True
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    if not subj:
        return False
    words = {t.lower_ for t in subj[0].subtree}
    k_subj = ctx.key(subj[0])
    return bool(words & _LISTING_BODIES) or bool(k_subj and _is_authority(ctx, k_subj))


_AUTHORITY_NAME = re.compile(r"\b(department|ministry|bureau|administration|commission|office|agency|pentagon|government)\b", re.I)


def _is_authority(ctx: _Ctx, key: str) -> bool:
    """A body that keeps lists rather than one put on them (the Pentagon,
    the Commerce Department)."""
    rec = ctx.ents.get(key)
    return bool(_AUTHORITY_NAME.search(" ".join((rec.name, *rec.aliases))))


def _military_lists(ctx: _Ctx, listed: list[Any], lists: list[str], tok: Any) -> None:
    if any(k in lists for k in military_list_ids()):
        ctx.emit(listed, R.MILITARY_LINK, [ctx.ents.add("military", EntityType.LIST)], tok, "rule:military-list", 0.8)


@functools.lru_cache(maxsize=1)
def military_list_ids() -> frozenset[str]:
    """Lists of Chinese military companies: being on one is a military link
    (shared with the Dutch and German rules)."""
    from chipgraph.graph.model import entity_id

    return frozenset(entity_id(n, EntityType.LIST) for n in ("DoD Section 1237 list", "DoD Section 1260H list", "NS-CMIC List"))


def _be_on_list(ctx: _Ctx, tok: Any) -> None:
    lists = _lists_in(ctx, tok, ["on", "in"])
    if lists:
        listed = [x for x in _orgs(ctx, ctx.subjects(tok)) if x != MILITARY_ID]
        if listed:
            ctx.emit(listed, R.DESIGNATED, lists, tok, "rule:is-on-list", 0.8)
            _military_lists(ctx, listed, lists, tok)


def _ban(ctx: _Ctx, tok: Any, passive: bool) -> None:
    if passive:
        authority = _parties(ctx, ctx.pobjs(tok, ["by"]))
        scope = [c for c in tok.children if c.dep_ in ("nsubjpass",)]
    else:
        authority = _parties(ctx, ctx.subjects(tok))
        scope = [c for c in tok.children if c.dep_ in ("dobj", "prep", "advcl", "xcomp", "dative")]
    authority = [a for a in authority if not isinstance(a, Placeholder)]
    banned = _banned_in(ctx, scope, set(authority))
    if authority and banned:
        ctx.emit(banned, R.BANNED, authority, tok, "rule:ban-products", 0.85)


def _banned_in(ctx: _Ctx, scope: list[Any], exclude: set[str]) -> list[str]:
    """Organisations whose products ``scope`` names, skipping anything sold *to*
    someone ("ban exports to Huawei" restricts sales to Huawei: not BANNED)."""
    out: list[str] = []
    todo = list(scope)
    while todo:
        t = todo.pop()
        if t.dep_ in ("prep", "dative") and t.lower_ in ("to", "for", "with"):
            continue
        if t.pos_ == "VERB" and t.lemma_.lower() in SUPPLY_VERBS | {"serve", "do", "work", "deal", "trade"}:
            continue  # "banned firms from supplying Huawei": Huawei is the buyer, not the banned maker
        k = ctx.key(t)
        if k and ctx.etype(k) == EntityType.ORG and k not in exclude and k not in out:
            out.append(k)
        todo.extend(t.children)
    return out


def _noun_rules(ctx: _Ctx, n: Any, lemma: str) -> None:
    children = list(n.children)
    amods = {c.lower_ for c in children if c.dep_ in ("amod", "compound")}
    # OWNED_BY: "X, a (wholly owned) subsidiary of Y", "Y's subsidiary X"
    if lemma in SUBSIDIARY_NOUNS:
        owned = _orgs(ctx, ctx.described(n))
        owners = _parties(ctx, ctx.pobjs(n, ["of"])) or [k for k in ctx.poss_or_compound(n) if ctx.etype(k) in (EntityType.ORG, EntityType.GPE)]
        ctx.emit([o for o in owned if o not in owners], R.OWNED_BY, owners, n, "rule:subsidiary-of", 0.9)
    # OWNED_BY: "Y, the parent (company) / owner / controlling shareholder of X"
    if lemma in OWNER_NOUNS or (lemma in ("company", "group") and amods & {"parent", "holding"}):
        owners = _parties(ctx, ctx.described(n))
        owned = _orgs(ctx, ctx.pobjs(n, ["of", "in"])) or [k for k in ctx.poss_or_compound(n) if ctx.etype(k) == EntityType.ORG]
        if not owned and n.dep_ == "compound" and ctx.key(n.head):
            owned = [k for c in n.head.children if c.dep_ == "poss" and (k := ctx.key(c)) and ctx.etype(k) == EntityType.ORG]
        ctx.emit(owned, R.OWNED_BY, [o for o in owners if o not in owned], n, "rule:owner-of", 0.85)
    # OWNED_BY: "X, a joint venture of/between Y and Z"
    if lemma == "venture" and "joint" in amods:
        owned = [k for k in _orgs(ctx, ctx.described(n)) if isinstance(k, str)]
        owners = [k for k in _parties(ctx, ctx.pobjs(n, ["of", "between"])) if isinstance(k, str)] or \
            [k for k in ctx.poss_or_compound(n) if ctx.etype(k) in (EntityType.ORG, EntityType.GPE)]
        ctx.emit(owned, R.OWNED_BY, [o for o in owners if o not in owned], n, "rule:joint-venture", 0.75)
    # OWNED_BY: "Y holds a 30% stake in X", "Y's stake in X"
    if lemma in STAKE_NOUNS and (lemma != "share" or ctx.pobjs(n, ["in"])):
        owned = _orgs(ctx, ctx.pobjs(n, ["in"]))
        if owned:
            owners = [k for k in ctx.poss_or_compound(n) if ctx.etype(k) in (EntityType.ORG, EntityType.GPE)]
            if not owners and n.dep_ == "dobj" and n.head.lemma_ in STAKE_VERBS:
                owners = _parties(ctx, ctx.subjects(n.head))
            if n.dep_ == "dobj" and n.head.lemma_ in ("buy", "purchase", "acquire", "take"):
                owners = _parties(ctx, ctx.subjects(n.head))  # "Y bought X's stake in Z": Y owns it now, not X
            elif n.dep_ in ("dobj", "nsubjpass") and n.head.lemma_ in ("sell", "divest", "offload", "dispose", "dump", "unload"):
                owners = []  # a stake sold is a stake no longer held
            owned = [o for o in owned if not isinstance(o, Placeholder)]
            ctx.emit(owned, R.OWNED_BY, [o for o in owners if not isinstance(o, Placeholder)], n, "rule:stake-in", 0.8)
    # PART_OF: "X, which is part of SMIC", "X, a unit of Y", "a unit under Y"
    if lemma in PART_NOUNS:
        wholes = [k for k in ctx.pobjs(n, ["of", "within", "under"]) if isinstance(k, str) and ctx.etype(k) == EntityType.ORG]
        if not wholes:  # "part of Huawei's network of fabs"
            wholes = [k for c in children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                      if o.dep_ == "pobj" and o.lemma_.lower() in NETWORK_NOUNS
                      for k in ctx.poss_or_compound(o) if ctx.etype(k) == EntityType.ORG]
        if not wholes and lemma != "part":
            wholes = [k for k in ctx.poss_or_compound(n) if ctx.etype(k) == EntityType.ORG and k not in ctx.described(n)]
        if wholes:
            parts = _orgs(ctx, ctx.described(n))
            if not parts and lemma != "part" and n.pos_ == "NOUN":
                parts = [ctx.placeholder(n)]
            ctx.emit([p for p in parts if p not in wholes], R.PART_OF, wholes, n, f"rule:{lemma}-of", 0.85)
    # SUPPLIED: "X is a customer of Y", "Y's customers include X"
    if lemma in CUSTOMER_NOUNS:
        sellers = _orgs(ctx, ctx.pobjs(n, ["of"])) or [k for k in ctx.poss_or_compound(n) if ctx.etype(k) == EntityType.ORG]
        if not sellers:  # "buyers of ASML equipment"
            for c in children:
                if c.dep_ == "prep" and c.lower_ in ("of", "for"):
                    for o in c.children:
                        sellers += [k for k in ctx.poss_or_compound(o) if ctx.etype(k) == EntityType.ORG]
        buyers = _orgs(ctx, ctx.described(n))
        if not buyers and n.dep_ == "nsubj" and n.head.lemma_ in ("include", "be"):
            buyers = _orgs(ctx, [a for c in n.head.children if c.dep_ in ("dobj", "attr") for a in ctx.args(c)])
        ctx.emit(sellers, R.SUPPLIED, [b for b in buyers if b not in sellers], n, "rule:customer-of", 0.8)
    # SUPPLIED: "Y is a key supplier to X", "X's supplier Y"
    if lemma in SUPPLIER_NOUNS:
        sellers = _orgs(ctx, ctx.described(n))
        buyers = _orgs(ctx, ctx.pobjs(n, ["to", "of", "for"])) or [k for k in ctx.poss_or_compound(n) if ctx.etype(k) == EntityType.ORG]
        mil = [b for b in buyers if b == MILITARY_ID]
        ctx.emit(sellers, R.SUPPLIED, [b for b in buyers if b not in sellers and b != MILITARY_ID], n, "rule:supplier-to", 0.8)
        if mil:
            ctx.emit(sellers, R.MILITARY_LINK, mil, n, "rule:supplier-to-military", 0.8)
    # SUPPLIED: "Y's shipments to X", "Y suspended shipments to X"
    if lemma in SUPPLY_NOUNS:
        buyers = _orgs(ctx, ctx.pobjs(n, ["to"]))
        if not buyers and n.dep_ == "dobj":
            buyers = _orgs(ctx, ctx.pobjs(n.head, ["to"]))  # "suspended shipments to X", "to" under the verb
        if buyers:
            sellers = [k for k in ctx.poss_or_compound(n) if ctx.etype(k) == EntityType.ORG]
            for c in children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for o in c.children:
                        sellers += [k for k in ctx.poss_or_compound(o) if ctx.etype(k) == EntityType.ORG]
            if not sellers and n.dep_ in ("dobj", "nsubjpass"):
                sellers = _orgs(ctx, ctx.subjects(n.head)) if n.dep_ == "dobj" else []
            mil = [b for b in buyers if b == MILITARY_ID]
            ctx.emit(sellers, R.SUPPLIED, [b for b in buyers if b != MILITARY_ID], n, f"rule:{lemma}-to", 0.75)
            if mil:
                ctx.emit(sellers, R.MILITARY_LINK, mil, n, "rule:supplies-military", 0.75)
    # BANNED: "China's ban on Micron chips", "imposed a ban on ..."
    if lemma in ("ban", "prohibition", "embargo", "restriction", "blacklisting") and n.pos_ == "NOUN":
        authority = [k for k in ctx.poss_or_compound(n) if ctx.etype(k) in (EntityType.ORG, EntityType.GPE)]
        if not authority and n.dep_ == "dobj" and n.head.lemma_ in ("impose", "issue", "announce", "introduce", "enforce"):
            authority = [k for k in _parties(ctx, ctx.subjects(n.head)) if not isinstance(k, Placeholder)]
        if not authority:  # "an embargo on X, imposed by the FCC" (the participle may hang on X's goods)
            near = children + [g for c in children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj" for g in o.children]
            authority = [k for c in near if c.dep_ == "acl" and c.lemma_.lower() in ("impose", "issue", "order", "announce", "enforce")
                         for k in _parties(ctx, ctx.pobjs(c, ["by"])) if isinstance(k, str)]
        scope = [c for c in children if c.dep_ == "prep" and c.lower_ in ("on", "against", "of")]
        # "a ban preventing X from exporting chips": the company the ban stops
        stoppers = ("prevent", "stop", "bar", "prohibit", "forbid", "block")
        scope += [c for c in children if c.dep_ == "acl" and c.lemma_.lower() in stoppers]
        if n.dep_ == "dobj":  # "imposed a ban in October preventing X from ...": the clause hangs on the verb
            scope += [c for c in n.head.children if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in stoppers and c.i > n.i]
        banned = _banned_in(ctx, scope, set(authority))
        if authority and banned:
            ctx.emit(banned, R.BANNED, authority, n, "rule:ban-on", 0.8)


def _military_link(ctx: _Ctx, tok: Any) -> None:
    """A military cue word ("defence linked buyer", "linked to the military",
    "a military research institute", "supplier to the army") -> the
    organisation it describes gets MILITARY_LINK."""
    cur = tok
    for _ in range(7):
        if cur.head.i == cur.i:
            return
        dep = cur.dep_
        if dep not in ("amod", "compound", "npadvmod", "pobj", "prep", "agent", "dative", "acl", "advmod", "nmod", "dobj", "conj", "hmod"):
            return
        cur = cur.head
        k = ctx.key(cur)
        if k:
            if ctx.etype(k) == EntityType.ORG and cur.i != tok.i:
                ctx.emit([k], R.MILITARY_LINK, [ctx.ents.add("military", EntityType.LIST)], tok, "rule:military-modifier", 0.75)
            return
        if cur.pos_ == "NOUN" and cur.lemma_.lower() in ("link", "tie", "connection", "relationship", "affiliation", "dealing",
                                                         "dealings", "cooperation", "collaboration", "partnership", "work"):
            owners = [k for c in cur.children if c.dep_ == "poss" and (k := ctx.key(c) or ctx.stand_in(c)) and ctx.etype(k) == EntityType.ORG]
            if owners:  # "Hikvision's military ties"
                ctx.emit(owners, R.MILITARY_LINK, [ctx.ents.add("military", EntityType.LIST)], tok, "rule:military-ties", 0.7)
                return
        direct = all(a.dep_ in ("amod", "compound") for a in tok.doc[min(tok.i, cur.i):cur.i] if a.i >= tok.i) and tok.i < cur.i
        if direct and cur.pos_ in ("NOUN", "PROPN") and (cur.dep_ == "dobj" and cur.head.lemma_.lower() in SUPPLY_VERBS | {"equip", "serve", "arm"}
                                             or cur.dep_ == "pobj" and cur.head.lower_ == "to" and cur.head.head.lemma_.lower() in SUPPLY_VERBS):
            verb = cur.head if cur.dep_ == "dobj" else cur.head.head
            sellers = [x for x in _orgs(ctx, ctx.subjects(verb)) if x != MILITARY_ID]  # "X supplied Russian military firms"
            if sellers:
                ctx.emit(sellers, R.MILITARY_LINK, [ctx.ents.add("military", EntityType.LIST)], tok, "rule:supplies-military-buyers", 0.75)
                return
        if cur.pos_ in ("NOUN", "PROPN") and cur.lemma_.lower() in GROUP_NOUNS | {"entity", "buyer", "supplier", "chipmaker"}:
            targets = _orgs(ctx, ctx.described(cur))
            if cur.dep_ in ("pobj", "dobj", "conj", "nsubj", "nsubjpass", "appos", "attr") and not targets:
                targets = [ctx.placeholder(cur)] if cur.tag_ == "NNS" or any(c.dep_ == "det" for c in cur.children) else []
            if targets:
                p = [t for t in targets if isinstance(t, Placeholder)]
                for x in p:
                    x.military = True
                ctx.emit([t for t in targets if not isinstance(t, Placeholder)], R.MILITARY_LINK,
                         [ctx.ents.add("military", EntityType.LIST)], tok, "rule:military-description", 0.75)
            _other_siblings(ctx, cur, tok)
            return
        if cur.pos_ in ("VERB", "AUX") and cur.lemma_.lower() in MIL_VERBS:
            subj = _orgs(ctx, ctx.subjects(cur))
            obj = next((c for c in cur.children if c.dep_ == "dobj"), None)
            if cur.lemma_.lower() in ("link", "tie", "connect") and obj is not None and not _is_passive(cur):
                # "a conglomerate that US authorities have linked to the military"
                subj = _orgs(ctx, ctx.args(cur.head, conj=False) if (obj.tag_ in ("WDT", "WP") or obj.lower_ in ("that", "which", "who", "whom")) and cur.dep_ == "relcl" else ctx.args(obj))
            named = [s for s in subj if not isinstance(s, Placeholder) and s != MILITARY_ID]
            for s in subj:
                if isinstance(s, Placeholder):
                    s.military = True
                    _other_siblings(ctx, s.token, tok)
            ctx.emit(named, R.MILITARY_LINK, [ctx.ents.add("military", EntityType.LIST)], tok, "rule:military-link", 0.75)
            return
        if cur.pos_ == "VERB" and cur.lemma_.lower() in ("cite", "accuse", "blame", "allege") and cur.dep_ in ("advcl", "conj") \
                and cur.head.lemma_.lower() in LIST_VERBS | {"blacklist", "sanction"}:
            # "added X to the list, citing its support for the military": the reason is X's
            gov = cur.head
            gov_obj = next((c for c in gov.children if c.dep_ == "dobj"), None)
            listed = ctx.subjects(gov) if _is_passive(gov) else (ctx.args(gov_obj) if gov_obj is not None else [])
            listed = [x for x in _orgs(ctx, listed) if x != MILITARY_ID]
            named = [x for x in listed if not isinstance(x, Placeholder)]
            for x in listed:
                if isinstance(x, Placeholder):
                    x.military = True
            ctx.emit(named, R.MILITARY_LINK, [ctx.ents.add("military", EntityType.LIST)], tok, "rule:listed-citing-military", 0.75)
            return
        if cur.pos_ == "VERB":
            return


def _other_siblings(ctx: _Ctx, noun: Any, cue: Any) -> None:
    """"X and other chipmakers linked to the military": X is one of them too."""
    p = ctx.placeholder(noun)
    if p.siblings:
        ctx.emit(p.siblings, R.MILITARY_LINK, [ctx.ents.add("military", EntityType.LIST)], cue, "rule:other-military", 0.7)


def _list_members(ctx: _Ctx, sent: Any) -> list[str] | None:
    """"These include X and Y" / "They include ..." / "Among them are ...": the
    named members of a group announced in the previous sentence."""
    root = sent.root
    if root.lemma_ not in ("include", "be", "comprise"):
        return None
    subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj:
        return None
    s = subj[0]
    demonstrative = s.lower_ in ("these", "they", "those", "them") or any(c.lower_ in ("these", "those") for c in s.children) \
        or (s.lemma_.lower() in ("addition", "newcomer", "entry", "entrant", "name") and root.lemma_ == "include") \
        or (s.tag_ == "NNS" and s.lemma_.lower() in GROUP_NOUNS and any(c.lower_ == "the" for c in s.children)
            and not ctx.key(s))  # "The additions include X", "The Chinese companies are X, Y and Z"
    among = any(c.dep_ == "prep" and c.lower_ == "among" for c in root.children)
    if not (demonstrative or among):
        return None
    out: list[str] = []
    for t in sent:
        if t.i <= root.i and not among:
            continue
        k = ctx.key(t)
        if not k or k in out or ctx.etype(k) not in (EntityType.ORG, EntityType.PERSON):
            continue
        # skip names inside relative clauses or "of"/"part of" phrases (the parent, not a member)
        a, inside = t, False
        while a.i != root.i and a.head.i != a.i:
            if a.dep_ in ("relcl", "acl", "appos") or (a.dep_ == "pobj" and a.head.lower_ in ("of", "by", "from", "under")):
                inside = True
                break
            a = a.head
        if not inside:
            out.append(k)
            if ctx.etype(k) == EntityType.PERSON:
                ctx.ents.get(k).type = EntityType.ORG  # a company NER took for a person
    return out or None


_BULLET = re.compile(r"^\s*(?:[-*\u2022\u00b7\u2013\u2014\u25aa\u25cf]|\d{1,2}[.)])\s*")


def _enumeration(ctx: _Ctx, span: Any) -> list[str]:
    """The organisations of a span that is nothing but a list of names ("A,
    B Ltd. and C"): each chunk between commas, "and" and "or" must be one
    name (a leading "the" and a trailing full stop allowed), or nothing."""
    out: list[str] = []
    chunk: list[Any] = []

    def close() -> bool:
        words = [t for t in chunk if not (t.is_punct or t.is_space or t.lower_ in ("the", "a", "an"))]
        if not words:
            return True
        keys = {ctx.key(t) for t in words}
        if len(keys) != 1 or None in keys:
            return False
        k = keys.pop()
        rec = ctx.ents.get(k)
        if rec.type not in (EntityType.ORG, EntityType.PERSON) and not (
                rec.type == EntityType.GPE and not rec.reference and not is_known_place(rec.name)):
            return False
        out.append(k)
        return True

    for t in span:
        if t.text in (",", ";") or t.lower_ in ("and", "or", "sowie", "en", "und") and not ctx.key(t):
            if not close():
                return []
            chunk = []
        else:
            chunk.append(t)
    if not close():
        return []
    orgs = sum(1 for k in out if ctx.etype(k) == EntityType.ORG)
    if orgs * 2 < len(out):
        return []  # a list of places or people, not of companies
    for k in out:
        if ctx.etype(k) in (EntityType.PERSON, EntityType.GPE):
            ctx.ents.get(k).type = EntityType.ORG  # a company NER took for a person or a place, in a list of companies
    return list(dict.fromkeys(out))


def _bullet_members(ctx: _Ctx, sents: list[Any], si: int) -> list[str]:
    """Names given one a line after a sentence that ends in a colon (read
    line by line: the sentence splitter cuts bullet lines anywhere)."""
    sent = sents[si]
    last = [t for t in sent if not t.is_space]
    if not last or last[-1].text != ":":
        return []
    doc = sent.doc
    out: list[str] = []
    i = sent.end
    while i < len(doc):
        while i < len(doc) and doc[i].is_space:
            i += 1
        j = i
        while j < len(doc) and not (doc[j].is_space and "\n" in doc[j].text):
            j += 1
        line = doc[i:j]
        if not len(line):
            break
        bullet = bool(_BULLET.match(line.text))
        skip = 0
        while bullet and skip < len(line) and (line[skip].is_punct or line[skip].like_num):
            skip += 1
        body = _without_brackets(line[skip:])
        named = []
        comma = next((k for k, t in enumerate(body) if t.text == ","), None)
        rest = body[comma + 1:] if comma is not None else []
        if bullet and rest and all(t.is_punct or ctx.etype(ctx.key(t)) == EntityType.GPE or (t.is_title and not ctx.key(t))
                                   for t in rest):
            named = _enumeration(ctx, body[:comma])  # "- Kestrel Microsystems, Shenzhen": a name and where it is
        named = named or _enumeration(ctx, body)
        if not named or (len(named) > 1 and not bullet):
            break
        out.extend(named)
        i = j
    return out


def _best_group(ctx: _Ctx, groups: list[Placeholder], sent: Any) -> Placeholder:
    """Which earlier description a list of names fills in: the one named by
    the same noun ("... four firms ... The firms are A, B"), else the last one
    that was the subject of a fact (the listed, the sellers), else the last."""
    nouns = {t.lemma_.lower() for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN"}
    same = [g for g in groups if g.token.lemma_.lower() in nouns]
    if same:
        return same[-1]
    heads = [g for g in groups if any(f.head is g for f in ctx.facts)]
    return (heads or groups)[-1]


def _without_brackets(span: Any) -> list[Any]:
    """Tokens outside brackets: "Contemporary Amperex Technology (CATL)" is one name."""
    out, depth = [], 0
    for t in span:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(t)
    return out


def english_facts(doc: Any, ents: DocEntities) -> tuple[list[Fact], list[Placeholder]]:
    """All facts the English rules read from ``doc``, placeholders resolved."""
    ctx = _Ctx(doc, ents)
    sents = list(sentence_segments(doc))
    sent_starts = [s.start for s in sents]
    # units named after their parent
    for uk, pk, ti in ents.unit_links:
        k = bisect.bisect_right(sent_starts, ti) - 1
        sent = sents[k] if k >= 0 and ti < sents[k].end else None
        if sent is not None:
            ctx.sent = sent
            ctx.facts.append(Fact(uk, R.PART_OF, pk, sent, "rule:unit-of-parent", 0.9))
    for si, sent in enumerate(sents):
        ctx.sent_index = si
        ctx.sent = sent
        ctx.governments.clear()
        first_fact = len(ctx.facts)
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.is_space or tok.is_punct:
                continue
            _rules_for_token(ctx, tok)
            if (lemma in MIL_CUES or tok.lower_ in MIL_CUES) and (
                ctx.key(tok) == MILITARY_ID or (ctx.key(tok) is None and not (tok.pos_ == "PROPN" and tok.head.pos_ == "PROPN"))
            ):
                # not "Defense" inside "Department of Defense" or the "National Defense Authorization Act"
                _military_link(ctx, tok)
            # "the Commerce Department's Bureau of Industry and Security"
            if tok.dep_ == "poss" and ctx.key(tok) and ctx.key(tok.head) and ctx.key(tok) != ctx.key(tok.head):
                part, whole = ctx.key(tok.head), ctx.key(tok)
                if ctx.etype(part) == EntityType.ORG and ctx.etype(whole) == EntityType.ORG \
                        and set(ctx.ents.get(part).name.lower().split()) & (UNIT_NOUNS | {"administration", "agency", "commission", "service", "ministry"}):
                    ctx.emit([part], R.PART_OF, [whole], tok, "rule:possessive-unit", 0.7)
            # "X within Y": a unit inside an organisation
            if tok.dep_ == "prep" and tok.lower_ == "within" and ctx.key(tok.head):
                whole = [c for c in tok.children if c.dep_ == "pobj" and ctx.key(c)]
                if whole and ctx.etype(ctx.key(tok.head)) == EntityType.ORG and ctx.etype(ctx.key(whole[0])) == EntityType.ORG:
                    ctx.emit([ctx.key(tok.head)], R.PART_OF, [ctx.key(whole[0])], tok, "rule:within", 0.75)
        # "to X and to other chipmakers": the group shares X's role in this sentence
        here = ctx.placeholders_in.get(si, [])
        for p in [p for p in here if p.siblings]:
            for f in [f for f in ctx.facts[first_fact:] if f.type == R.SUPPLIED]:
                if isinstance(f.tail, str) and f.tail in p.siblings:
                    ctx.facts.append(Fact(f.head, f.type, p, f.sent, f.method + "+others", f.confidence * 0.9, {}))
        # members of a group announced just before
        members = _list_members(ctx, sent)
        bullets = _bullet_members(ctx, sents, si)
        if members or bullets:
            groups = [p for j in range(max(0, si - 3), si + 1) for p in ctx.placeholders_in.get(j, [])
                      if p.plural and p.token.i < sent.start]
            if bullets and not members:  # "... added these firms to the list:" then one name a line
                groups += [p for p in ctx.placeholders_in.get(si, []) if p.plural]
            if groups:
                best = _best_group(ctx, groups, sent)
                for g in groups:  # "five Chinese companies ... the companies, which ... The Chinese companies are A, B"
                    if g is best or (g.token.lemma_ == best.token.lemma_ and not g.members):
                        g.members.extend((members or []) + bullets)
        # "... added five companies to the Entity List: A, B and C"
        colon = next((t for t in sent if t.text == ":"), None)
        if colon is not None:
            named = _enumeration(ctx, doc[colon.i + 1:sent.end])
            before = [p for p in ctx.placeholders_in.get(si, []) if p.plural and p.token.i < colon.i]
            if named and before:
                before[-1].members.extend(named)
            elif len(named) > 1:  # the parser hung the first name on the group noun: the rest share its facts
                for f in [f for f in ctx.facts[first_fact:] if f.head in named]:
                    for k in named:
                        if k != f.head:
                            ctx.facts.append(Fact(k, f.type, f.tail, f.sent, f.method + "+list", f.confidence * 0.95, dict(f.attributes)))
        # "... added a dozen firms to the Entity List, including X": "including"
        # hung on the wrong noun still names members of the group before it
        for t in sent:
            if t.dep_ == "prep" and t.lower_ == "including":
                head_p = t.head.i in ctx.placeholder_at
                if not head_p:  # only when "including" hangs on the verb of the group or on its list
                    before = [p for p in ctx.placeholders_in.get(si, []) if p.plural and p.token.i < t.i
                              and (t.head.i == p.token.head.i or (t.head.dep_ == "pobj" and t.head.head.head.i == p.token.head.i
                                                                  and ctx.etype(ctx.key(t.head)) == EntityType.LIST))]
                    if before:
                        for o in t.children:
                            before[-1].members += [a for a in ctx.args(o) if isinstance(a, str)]
        # "including X and Y" inside the same sentence
        for p in list(ctx.placeholders_in.get(si, [])):
            for c in p.token.children:
                such_as = c.dep_ == "prep" and c.lower_ == "as" and any(d.lower_ == "such" for d in c.children)
                if c.dep_ == "prep" and c.lower_ in ("including", "like") or (c.dep_ == "amod" and c.lower_ == "such") or such_as:
                    for o in c.children:
                        if o.dep_ != "amod":
                            p.members += [a for a in ctx.args(o) if isinstance(a, str)]
        # "The defence linked buyer was X": a description resolved to the name given
        if sent.root.lemma_ == "be":
            subj = [c for c in sent.root.children if c.dep_ == "nsubj" and not ctx.key(c) and c.pos_ == "NOUN"]
            attr = [c for c in sent.root.children if c.dep_ == "attr" and ctx.key(c)]
            if subj and attr and any(d.lower_ == "the" for d in subj[0].children):
                target = ctx.key(attr[0])
                mil = ctx._has_mil_modifier(subj[0]) or any(t.lower_ in MIL_CUES for t in subj[0].subtree)
                best, score = None, 0
                for p in ctx.placeholders_in.get(si - 2, []) + ctx.placeholders_in.get(si - 1, []):
                    if p.plural or p.members:
                        continue
                    sc = (2 if p.parent and ents.get(target).part_of == p.parent else 0) + (1 if mil and p.military else 0)
                    if sc > score:
                        best, score = p, sc
                if best is not None:
                    best.members.append(target)
        for t in sent:
            if t.dep_ in ("nsubj", "nsubjpass") and not ctx.key(t) and t.i not in ctx.salience.resolved and (
                    t.lower_ in PRONOUNS or (is_group_noun(t) and t.tag_ == "NN")):
                ctx.args(t, conj=False)  # records what "it" / "the company" stands for
        for k in (ctx.key(t) for t in sent if t.dep_ in ("nsubj", "nsubjpass")):
            if k and ents.get(k).type == EntityType.ORG:
                ctx.recent_orgs.append(k)
    # names that fill in a description of organisations are organisations ("firms, including SenseTime and Megvii")
    for p in ctx.placeholders:
        if is_group_noun(p.token):
            for m in p.members:
                rec = ents.get(m)
                if not rec.reference and rec.type in (EntityType.GPE, EntityType.PERSON):
                    rec.type = EntityType.ORG
    # singular descriptions that name a parent resolve to the one unit of that parent
    units: dict[str, list[str]] = {}
    for r in ents.records.values():
        if r.part_of:
            units.setdefault(r.part_of, []).append(r.key)
    for p in ctx.placeholders:
        if not p.plural and not p.members and p.parent:
            cands = units.get(p.parent, [])
            if len(cands) == 1:
                p.members.append(cands[0])
    return ctx.facts, ctx.placeholders
