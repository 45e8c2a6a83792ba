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

from .engine import apply_rules, load_grammar
from .entities import DocEntities, UNIT_NOUNS
from .negation import denied_before, is_asserted
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
    "university startup start-up vendor client operator carrier telco player giant automaker supplier".split()
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
        toks = [tok] + (list(tok.conjuncts) if conj else [])
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

    def continued_list(self, tok: Any) -> list[str]:
        """The list a listing verb with no list named goes on adding to (see _continues_listing)."""
        return [self.salience.current_list(tok.i)] if _continues_listing(self, tok, _is_passive(tok)) else []

    def makers(self, scope: list[Any]) -> list[str]:
        """Organisations whose goods ``scope`` names (see _banned_in)."""
        return _banned_in(self, scope, set())

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
        if not (t.tag_ == "NN" and dets == ["the"] and not any(c.dep_ in ("amod", "compound", "prep", "acl", "relcl") for c in t.children)):
            return None
        noun = t.lower_
        mentions = [] if noun in _GENERIC_ORG_NOUNS else self.org_nouns().get(noun, [])
        k = bisect.bisect_left(mentions, (t.i, ""))
        if k > 0:
            return mentions[k - 1][1]
        if noun in ("company", "firm", "group", "chipmaker", "maker", "manufacturer"):
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
        subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
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
        if v.dep_ in ("conj", "xcomp", "advcl") and v.head.i != v.i:
            return self.subjects(v.head, depth + 1)
        gov = v.head.head if v.dep_ == "pcomp" and v.head.dep_ == "prep" else None
        while gov is not None and gov.dep_ == "pobj" and gov.head.dep_ == "prep" and gov.pos_ == "NOUN" \
                and gov.lemma_.lower() in LIST_NOUNS:
            gov = gov.head.head  # "placed X on a blacklist for supplying ...": the phrase hangs on the list
        if gov is not None and gov.pos_ in ("VERB", "AUX"):
            obj = next((c for c in gov.children if c.dep_ == "dobj"), None)
            if obj is not None and not _is_passive(gov) and (
                    gov.lemma_.lower() in LIST_VERBS | {"blacklist", "sanction", "target", "punish", "cite", "accuse"}
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
        if not is_asserted(trigger) or denied_before(self.sent, trigger):
            return
        for h in heads:
            for t in tails:
                if h is t or (isinstance(h, str) and h == t):
                    continue
                self.facts.append(Fact(h, rtype, t, self.sent, method, confidence, dict(attributes or {})))


def _is_passive(v: Any) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children) or (v.dep_ == "acl" and v.tag_ == "VBN")


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


def _keep(ctx: _Ctx, items: list[Any], types: frozenset[EntityType], *, governments: bool = False, military: bool = True) -> list[Any]:
    """Arguments of the allowed entity types (placeholders pass; they resolve
    later).  The military passes where it can be an argument (it is no list);
    with ``governments``, a state named as "the X government" in this
    sentence acts as an organisation."""
    return [x for x in items if isinstance(x, Placeholder) or (x == MILITARY_ID and military)
            or (x != MILITARY_ID and ctx.etype(x) in types) or (governments and x in ctx.governments)]


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


@functools.lru_cache(maxsize=1)
def military_list_ids() -> frozenset[str]:
    """Lists of Chinese military companies: being on one is a military link
    (shared with the Dutch and German rules)."""
    from chipgraph.graph.model import entity_id

    return frozenset(entity_id(n, EntityType.LIST) for n in ("DoD Section 1237 list", "DoD Section 1260H list", "NS-CMIC List"))


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
        if ctx.etype(k) not in (EntityType.ORG, EntityType.PERSON):
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
    for k in out:
        if ctx.etype(k) == EntityType.PERSON:
            ctx.ents.get(k).type = EntityType.ORG  # a company NER took for a person, named in a list of companies
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
        named = _enumeration(ctx, _without_brackets(line[skip:]))
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
    grammar = load_grammar("en")
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
            apply_rules(ctx, tok, grammar, keep=_keep)
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
