"""What "it", "its", "the company" and "the list" stand for in an article.

Reporters name a company once and then write "it", "its suppliers", "the
company", and name a list once ("added to the Entity List") and then write
"the list", "that list's newest entrant".  Resolving these is what lets a rule
reach facts stated after the first sentence; resolving them wrongly stores a
false fact of the worst kind ("X supplied Y. The company is owned by Z." must
not make X owned by Z).  So the rule is deliberately simple and explainable:

1. A pronoun whose own clause (or the clause reporting it: "Intel said its
   ...") has exactly one organisation as subject, named before it, is that
   organisation.
2. Otherwise: an "it" earlier in the same sentence ("Its customers include
   A, and it buys from B" is one company); the organisations named earlier
   in the same sentence; the entity the previous sentence's subject already
   stood for ("The company is owned by S. It was added ..." continues the
   company); for a subject "it" or an "its", the organisation named as the
   previous sentence's main subject ("X supplies Y. It also sells to Z");
   when the previous sentence names no organisation, the main subject of
   the one before it; else those named in the previous sentence.  One
   candidate: it.  Several: the article's topic (the organisation named at
   least three times and at least twice as often as any other) if it is
   among them; else nothing.  A pronoun after a subject description that
   stood for no one ("The Japanese firm is controlled by F. Its ...") means
   that description: nothing.  "The Japanese firm" never stands for a
   company known to be of another country.
3. "the list", "that list", "the blacklist": the list named last before it in
   the article; a "blacklist" with no list named yet is the US Entity List;
   "the Pentagon list" is the Pentagon's list of Chinese military companies.

Everything here is computed once per document (mentions by sentence, the
topic, list positions), so a lookup costs a scan of one or two sentences.
"""

from __future__ import annotations

import bisect
from collections import Counter
from typing import Any

from chipgraph.graph.model import EntityType, MILITARY_ID

from .comma_apposition import name_before_its
from .engine import is_passive
from .facts import is_group_noun, supply_verbs
from .list_descriptions import sanctions_list_named

__all__ = ["Salience", "PRONOUNS", "LIST_NOUNS", "GOVERNMENT_NOUNS", "FACILITY_NOUNS"]

PRONOUNS = frozenset({"it", "its"})
#: nouns besides organisations and sites that may own what "its" names ("the fund", "the venture", "the state")
_OWNING_NOUNS = frozenset("fund venture state government ministry agency regulator bank investor insurer shareholder owner "
                          "parent partner holding brand business".split())
LIST_NOUNS = frozenset({"list", "blacklist", "lineup", "roster"})
#: "Hua Hong's fab in Wuxi": what is delivered to a company's site is delivered to the company
FACILITY_NOUNS = frozenset({"fab", "fabs", "plant", "factory", "facility", "site", "campus", "foundry", "subsidiary", "unit", "arm"})
#: verbs of a share of a total ("accounted for 10% of its sales"): the total is never the subject's own
_SHARE_VERBS = frozenset({"account", "represent", "contribute", "comprise"})
GOVERNMENT_NOUNS = frozenset({"government", "state", "administration", "authorities", "authority"})
_REPORT = frozenset("say state confirm announce add disclose report acknowledge admit tell write explain note claim".split())
#: words before "list" that name which list it is
_LIST_BY_MODIFIER = {
    "pentagon": "DoD Section 1260H list",
    "defense": "DoD Section 1260H list",
    "defence": "DoD Section 1260H list",
    "dod": "DoD Section 1260H list",
    "1260h": "DoD Section 1260H list",
    "treasury": "NS-CMIC List",
    "investment": "NS-CMIC List",
    "uflpa": "UFLPA Entity List",
    "entity": "US Entity List",
    "commerce": "US Entity List",
    "trade": "US Entity List",
    "export": "US Entity List",
    "unverified": "Unverified List",
}


#: verbs by which a subject takes hold of the company it names: after them "the company" may be either
_TAKING_VERBS = frozenset("acquire buy purchase own control take merge absorb invest back fund".split())
#: descriptions that, as a clause's subject, continue the previous sentence's main subject like "it" does
_SUBJECT_NOUNS = frozenset("company firm group chipmaker maker manufacturer supplier giant designer foundry trader broker distributor reseller".split())


#: prepositions that give the reason a verb acts on its object ("over", "for", "because of", "due to")
_REASON_PREPS = frozenset({"over", "for", "because", "due"})


def _reason_object(t: Any, ctx: Any) -> str | None:
    """"blacklisted X over its ties to the army", "fined X for its exports",
    "sanctioned X because of its links": an "its" in the reason a verb
    gives for acting on one named organisation is that organisation's, not
    the subject's (the one who blacklists has no ties to give)."""
    n = t.head
    if t.lower_ != "its" or t.dep_ != "poss" or n.dep_ != "pobj":
        return None
    p = n.head
    if p.lower_ not in _REASON_PREPS or p.dep_ != "prep" or p.head.pos_ != "VERB":
        return None
    verbs = [p.head, *(x for x in p.head.children if x.dep_ == "xcomp")]  # "stopped supplying X because of its ..."
    objects = {k for v in verbs for c in v.children if c.dep_ == "dobj" and c.i < p.i
               for k in ctx.args(c, conj=False) if isinstance(k, str) and ctx.etype(k) == EntityType.ORG}
    return objects.pop() if len(objects) == 1 else None


#: what a company does and a government body does not: sell, buy, make goods
_TRADE_VERBS = frozenset("ship supply sell export import buy purchase source manufacture produce fabricate make design build assemble deliver".split())


def _agent_through_its(t: Any, ctx: Any) -> str | None:
    """"X is controlled by the Hefei government through its investment arm,
    Y": the "its" of the means is the agent's, not the subject's."""
    if t.lower_ != "its" or t.dep_ != "poss":
        return None
    prep = t.head.head if t.head.dep_ == "pobj" else None
    if prep is None or prep.lower_ not in ("through", "via") or not is_passive(prep.head):
        return None
    agents = [k for a in prep.head.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"
              for k in ctx.args(o, conj=False) if isinstance(k, str)]
    return agents[0] if len(agents) == 1 else None


def _companion_before_its(t: Any, ctx: Any) -> str | None:
    """"X together with its trading subsidiary Y", "X along with its unit":
    the company named right before the phrase (wherever the parser hung
    "with"), not the clause's subject."""
    if t.dep_ != "poss" or t.head.dep_ != "pobj" or t.head.head.lower_ != "with":
        return None
    i = t.head.head.i - 1
    doc = t.doc
    if i < 1 or doc[i].lower_ not in ("together", "along"):
        return None
    before = doc[i - 1] if doc[i - 1].text != "," else doc[i - 2] if i >= 2 else None
    key = ctx.key(before) if before is not None else None
    return key if key and ctx.etype(key) == EntityType.ORG else None


def _trades(t: Any) -> bool:
    """``t`` is the subject of a verb of trade or manufacture."""
    return t.dep_ == "nsubj" and t.head.lemma_.lower() in _TRADE_VERBS


#: verbs that, like "be", say what their subject is ("X remained its biggest buyer": X is not its own buyer)
_COPULAS = frozenset("be remain become stay".split())


#: verbs of buying a maker's output, and the nouns for what a maker turns out ("buys most of its output")
_OUTPUT_TAKING_VERBS = frozenset("buy purchase take absorb order source".split())
_OUTPUT_NOUNS = frozenset("output production".split())


def _examples_named(t: Any, ctx: Any) -> list[Any]:
    """"Distributors such as A and B buy most of its output": the names a
    group noun is given examples of (such as, like, including) are who acts,
    so "its" is none of theirs; the group noun itself names nobody yet."""
    return [k for c in t.children if c.dep_ == "prep" and (c.lower_ in ("like", "including")
            or c.lower_ == "as" and any(d.lower_ == "such" for d in c.children))
            for o in c.children if o.dep_ == "pobj" for k in ctx.args(o)]


def subject_description(t: Any) -> bool:
    """"The company also sells to Z" right after "X supplies A, B and C": a
    bare "the <company noun>" as a clause's subject continues the previous
    sentence's main subject, as a subject "it" does."""
    return t.tag_ == "NN" and t.dep_ in ("nsubj", "nsubjpass") and t.lemma_.lower() in _SUBJECT_NOUNS


#: descriptions that, like a pronoun, reach past a sentence naming no organisation ("... of the firm")
_TWO_BACK_NOUNS = frozenset("company firm chipmaker".split())

class Salience:
    """Per-document index of who is mentioned where, for resolving stand-ins."""

    def __init__(self, doc: Any, ents: Any, sentences: list[Any]) -> None:
        """``sentences``: the spans the rules read sentence by sentence (a line
        break ends one too), whose starts bound "this" and "the previous" sentence."""
        self.doc = doc
        self.ents = ents
        self.starts = [s.start for s in sentences] or [0]
        self.org_mentions: list[tuple[int, str]] = []  # (token index, key), in order
        self.list_mentions: list[tuple[int, str]] = []
        counts: Counter[str] = Counter()
        prev = None
        for i, key in enumerate(ents.token_key):
            if key is None or key == prev:
                prev = key
                continue
            prev = key
            rec = ents.records.get(key)
            if rec is None:
                continue
            if rec.type == EntityType.ORG:
                self.org_mentions.append((i, key))
                counts[key] += 1
            elif rec.type == EntityType.LIST and key != MILITARY_ID:
                self.list_mentions.append((i, key))
        self.resolved: dict[int, str] = {}  # token index of a stand-in -> the entity it was read as
        self._org_pos = [i for i, _ in self.org_mentions]
        self._list_pos = [i for i, _ in self.list_mentions]
        top = counts.most_common(2)
        self.topic: str | None = None
        if top and top[0][1] >= 3 and (len(top) == 1 or top[0][1] >= 2 * top[1][1]):
            self.topic = top[0][0]

    def sentence_bounds(self, i: int) -> tuple[int, int]:
        """(start of the previous sentence, start of this sentence) of token
        ``i``: where the rules that read a sentence with the one before it
        (relations.py) look back to."""
        k = bisect.bisect_right(self.starts, i) - 1
        this = self.starts[k] if k >= 0 else 0
        before = self.starts[k - 1] if k >= 1 else this
        return before, this

    def nearby_orgs(self, i: int, span: int = 2) -> list[str]:
        """Organisations named from ``span`` sentences before the one holding
        token ``i`` to ``span`` sentences after it, in order."""
        k = bisect.bisect_right(self.starts, i) - 1
        lo = self.starts[max(k - span, 0)]
        hi = self.starts[k + span + 1] if k + span + 1 < len(self.starts) else len(self.doc)
        return self.orgs_between(lo, hi)

    def orgs_between(self, lo: int, hi: int, *, singular: bool = False) -> list[str]:
        """Organisations mentioned in [lo, hi); ``singular``: leave out names
        coordinated with others ("firms including A and B"), which a singular
        "the company" never picks out one of."""
        a = bisect.bisect_left(self._org_pos, lo)
        b = bisect.bisect_left(self._org_pos, hi)
        return list(dict.fromkeys(k for i, k in self.org_mentions[a:b] if not (singular and self._coordinated(i, k))))

    def _coordinated(self, i: int, key: str) -> bool:
        """The mention of ``key`` starting at token ``i`` is one of a coordination."""
        return any(self.ents.token_key[c.i] != key for c in self._root_of(i, key).conjuncts)  # "X, or X's short form" is one name

    def _root_of(self, i: int, key: str) -> Any:
        """The syntactic head of the mention of ``key`` that starts at token ``i``."""
        j = i
        while j + 1 < len(self.doc) and self.ents.token_key[j + 1] == key:
            j += 1
        return next((t for t in self.doc[i:j + 1] if not i <= t.head.i <= j or t.head.i == t.i), self.doc[j])

    def _choose(self, cands: list[str]) -> str | None:
        if len(cands) == 1:
            return cands[0]
        if self.topic is not None and self.topic in cands:
            return self.topic
        return None

    def previous(self, t: Any, excluded: set[str] | frozenset[str] = frozenset()) -> str | None:
        """The organisation a description ("the company") or pronoun at ``t``
        stands for by rule 2 (same sentence before it, else the previous one)."""
        before, this = self.sentence_bounds(t.i)
        if t.tag_ in ("PRP", "PRP$"):
            if self._unresolved_description_subject(this, t.i):
                return None  # "The Japanese firm is controlled by F, which owns 38% of its shares": its is the firm's
            # "Its customers include A and B, and it buys from C": one "it" throughout
            earlier = sorted((i, k) for i, k in self.resolved.items()
                             if this <= i < t.i and self.doc[i].lower_ in PRONOUNS and k not in excluded)
            if earlier:
                return earlier[-1][1]
        same = [k for k in self.orgs_between(this, t.i, singular=t.tag_ == "NN") if k not in excluded]
        if len(same) > 1 and t.tag_ == "PRP$":
            parallel = self._first_clause_subject(t, same)
            if parallel:  # "A supplies B, and its subsidiary C ...": A's
                return parallel
        if len(same) > 1 and t.tag_ in ("PRP", "PRP$"):
            before_semicolon = self._subject_before_semicolon(t, same)
            if before_semicolon:  # "A is a unit of B; C holds a stake in it": A
                return before_semicolon
        if same:
            return self._choose(same)
        if before == this:
            return None
        continued = {k for i, k in self.resolved.items() if before <= i < this and k not in excluded
                     and (self.doc[i].dep_ in ("nsubj", "nsubjpass")  # "Its chips turned up in Y's laptops. Z holds 51% of its shares": its owner
                          or self.doc[i].dep_ == "poss" and self.doc[i].head.dep_ in ("nsubj", "nsubjpass") and self.doc[i].head.head.dep_ == "ROOT")}
        if len(continued) == 1:  # "The company is owned by S. It was added ...": the subject carries on
            return continued.pop()
        if t.tag_ == "PRP" and t.lower_ == "it" and t.dep_ in ("nsubj", "nsubjpass") or t.lower_ == "its" \
                or subject_description(t):
            main = self._main_subject(before, this)
            if main is not None and main not in excluded and not (t.tag_ == "NN" and not self._goes_on(t, main, before, this)):
                return main  # "X supplies Y. It (its unit, the company) also sells to Z": X carries on
        if t.tag_ == "NN" and t.dep_ in ("pobj", "dobj", "dative"):
            # "A, a supplier of the company, ... B, a vendor to the company": the same company again
            again = {k for i, k in self.resolved.items() if before <= i < this and self.doc[i].lower_ == t.lower_
                     and self.doc[i].tag_ == "NN" and k not in excluded}
            if len(again) == 1:
                return again.pop()
        if t.tag_ in ("PRP", "PRP$") and self._unresolved_description_subject(before, this):
            # "The Japanese firm is controlled by F. Its second shareholder is ...": the firm's, whoever it is
            return self._description_subject_read(before, this, excluded)
        before_orgs = [k for k in self.orgs_between(before, this) if k not in excluded]
        if not before_orgs and (t.tag_ in ("PRP", "PRP$") or t.lemma_.lower() in _TWO_BACK_NOUNS) and before > 0:
            # "X became a big supplier. Sales to China rose 45%. Its customers include ...": a sentence
            # naming no organisation leaves the one before it in charge (so for "the company")
            two_back, _ = self.sentence_bounds(before)
            main = self._main_subject(two_back, before) if two_back < before else None
            if main is not None and main not in excluded:
                return main
        found = self._choose(before_orgs) or self._subject_of(before, this)
        return None if found in excluded else found

    def _first_clause_subject(self, t: Any, candidates: list[str]) -> str | None:
        """The subject of the clause before, when ``t`` ("its") opens the
        subject of a clause joined to it: "A supplies B, and its unit C
        develops ..." speaks of A again."""
        subj, verb = t.head, t.head.head
        if subj.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "conj" or verb.head.i >= t.i:
            return None
        keys = {self.ents.token_key[c.i] for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")}
        found = [k for k in candidates if k in keys]
        return found[0] if len(found) == 1 else None

    def _subject_before_semicolon(self, t: Any, candidates: list[str]) -> str | None:
        """The subject of the clause a semicolon closed before ``t``: "A is a
        subsidiary of B; C has owned a stake in it since 2016" goes on about
        A, the clause's topic, not about B, named inside its predicate."""
        this, _ = self.sentence_bounds(t.i)
        semis = [i for i in range(this, t.i) if self.doc[i].text == ";"]
        if not semis:
            return None
        lo = max([this] + [i + 1 for i in semis[:-1]])
        keys = {self.ents.token_key[c.i] for c in self.doc[lo:semis[-1]]
                if c.dep_ in ("nsubj", "nsubjpass") and lo <= c.head.i < semis[-1]}
        found = [k for k in candidates if k in keys]
        return found[0] if len(found) == 1 else None

    def _unresolved_description_subject(self, lo: int, i: int) -> bool:
        """The sentence starting at ``lo`` opens, before token ``i``, with a
        description as its main subject ("The Japanese firm ...") that no
        organisation was found for: a pronoun after it most likely means it."""
        roots = [t for t in self.doc[lo:i] if t.dep_ == "ROOT"]
        subj = [c for r in roots for c in r.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < i]
        # only a noun that could own things ("the firm", "the plant"); "The offer came after X, its customer, ..." is no owner
        return any(s.tag_ == "NN" and s.pos_ == "NOUN" and self.ents.token_key[s.i] is None and s.i not in self.resolved
                   and (is_group_noun(s) or s.lemma_.lower() in FACILITY_NOUNS or s.lemma_.lower() in _OWNING_NOUNS)
                   and any(d.dep_ == "det" and d.lower_ == "the" for d in s.children) for s in subj)

    def _description_subject_read(self, lo: int, hi: int, excluded: set[str] | frozenset[str]) -> str | None:
        """What the description that is the main subject of the sentence in
        [lo, hi) stands for, when it continues the sentence before it ("X
        buys tools from A and B. The DRAM maker is backed by C. Its customers
        include ..."): see _goes_on; None otherwise."""
        subj = self._root_subjects(lo, hi) or []
        if len(subj) != 1 or not subject_description(subj[0]) or lo == 0:
            return None
        before, _ = self.sentence_bounds(lo)
        main = self._main_subject(before, lo) if before < lo else None
        if main is None or main in excluded or not self._goes_on(subj[0], main, before, lo):
            return None
        return main

    def _goes_on(self, t: Any, main: str, lo: int, hi: int) -> bool:
        """A description subject ``t`` ("the company") goes on with ``main``,
        what the previous sentence in [lo, hi) was about: after "also", a
        sale after a sale ("X ships to A and B. The company sells to C"), or
        when ``main`` is the company the article has named most so far ("YMTC
        ... YMTC bought tools from A and B. The chipmaker is a subsidiary of
        C"), or when every other company that sentence names is its passive's
        agent or inside the subject's own description ("X, which Y sold, is
        85% owned by W. The company ships ...": X; the agent is said of X,
        not the other way round).  It does not after a taking-over ("X acquired Y. The company
        ...") or for another kind of statement about one of two companies
        named alike ("X supplied Y. The company is owned by W": either could
        be meant)."""
        v = t.head
        roots = [r for r in self.doc[lo:hi] if r.dep_ == "ROOT"]
        if any(r.lemma_.lower() in _TAKING_VERBS and any(self.ents.token_key[d.i] for c in r.children if c.dep_ == "dobj"
                                                         for d in c.subtree) for r in roots):
            return False
        if any(c.dep_ == "advmod" and c.lower_ == "also" for c in v.children) or self.leader(t.i) == main:
            return True
        supply = supply_verbs()
        if v.lemma_.lower() in supply and any(r.lemma_.lower() in supply for r in roots):
            return True
        # "X is (85%) owned by W. The company ships ...": a passive keeps its subject the topic, the agent aside
        # (or named inside the subject's own description: "X, which Y sold in 2021, is owned by W")
        subjects = [c for r in roots for c in r.children if c.dep_ in ("nsubj", "nsubjpass") and self.ents.token_key[c.i] == main]
        agents = {d.i for r in roots for a in r.subtree if a.dep_ == "agent" or a.dep_ == "prep" and a.lower_ == "by"
                  for d in a.subtree}  # ("and 40% by W2": the second agent hung as a preposition)
        aside = agents | {d.i for c in subjects for d in c.subtree}
        return bool(subjects) and bool(agents) and all(
            i in aside for i, k in self.org_mentions[bisect.bisect_left(self._org_pos, lo):bisect.bisect_left(self._org_pos, hi)]
            if k != main)

    def leader(self, i: int) -> str | None:
        """The organisation named more often before token ``i`` than any
        other, and at least twice (what the article is about so far)."""
        top = Counter(k for _, k in self.org_mentions[:bisect.bisect_left(self._org_pos, i)]).most_common(2)
        if top and top[0][1] >= 2 and (len(top) == 1 or top[0][1] > top[1][1]):
            return top[0][0]
        return None

    def _root_subjects(self, lo: int, hi: int) -> list[Any] | None:
        """The subjects of the one root of the sentence in [lo, hi); None when
        it has several roots (no one main clause)."""
        roots = [t for t in self.doc[lo:hi] if t.dep_ == "ROOT"]
        if len(roots) != 1:
            return None
        return [c for c in roots[0].children if c.dep_ in ("nsubj", "nsubjpass")]

    def previous_subject(self, t: Any) -> str | None:
        """The one organisation the sentence before ``t``'s was about (its
        main subject), whatever ``t``'s own sentence names."""
        before, this = self.sentence_bounds(t.i)
        return None if before == this else self._main_subject(before, this)

    def _main_subject(self, lo: int, hi: int) -> str | None:
        """The one organisation named as the main subject of the sentence in
        [lo, hi), whatever else it names: a subject "it" in the next sentence
        continues it (reporters put the company they write about first)."""
        subj = self._root_subjects(lo, hi) or []
        if len(subj) != 1 or subj[0].conjuncts:
            return None
        k = self.ents.token_key[subj[0].i]
        if k is None and subj[0].pos_ == "NOUN":  # "The distributor, Hong Kong-based X, was ...": X
            named = {self.ents.token_key[c.i] for c in subj[0].children if c.dep_ == "appos"} - {None}
            k = named.pop() if len(named) == 1 else None
        rec = self.ents.records.get(k) if k else None
        return k if rec is not None and rec.type == EntityType.ORG else None

    def _subject_of(self, lo: int, hi: int) -> str | None:
        """The one organisation the sentence in [lo, hi) is about: named as its
        main subject or the subject's owner ("X's new processors contain ..."),
        with any other name only inside the subject's own description."""
        subj = self._root_subjects(lo, hi)
        if subj is None:
            return None
        todo, found = list(subj), []
        while todo:
            t = todo.pop()
            k = self.ents.token_key[t.i]
            rec = self.ents.records.get(k) if k else None
            if rec is not None and rec.type == EntityType.ORG and k not in found:
                found.append(k)
            todo += [c for c in t.children if c.dep_ in ("poss", "compound")]
        owners = [k for k in found if any(self.ents.token_key[t.i] == k and t.dep_ == "poss" for t in subj[0].subtree)]
        found = owners or found  # "X's Ascend processors": the owner, not a product name read as a company
        if len(found) != 1 or len(subj) != 1 or subj[0].conjuncts:
            return None
        # other names may only describe the subject or own something ("an alternative to Y's hardware"), never take part
        inside = {t.i for t in subj[0].subtree}
        for i, k in self.org_mentions[bisect.bisect_left(self._org_pos, lo):bisect.bisect_left(self._org_pos, hi)]:
            root = self._root_of(i, k)
            if k != found[0] and i not in inside and root.dep_ != "poss" and root.pos_ in ("PROPN", "NOUN"):
                return None
        return found[0]

    def pronoun(self, t: Any, ctx: Any) -> str | None:
        """What "it"/"its" at ``t`` stands for (rules 1 and 2).  An "its" inside
        a description of X is not X ("Apple, its largest customer")."""
        acted_on = _reason_object(t, ctx) or _agent_through_its(t, ctx) or _companion_before_its(t, ctx)
        if acted_on:
            return acted_on
        excluded: set[str] = set()
        v1 = t.head
        while v1.pos_ not in ("VERB", "AUX") and v1.head.i != v1.i:
            v1 = v1.head
        # "X counts Y among its customers": its is not the verb's object
        # (but "added X and two of its units": its is X's, coordinated with it)
        excluded |= {k for c in v1.children if c.dep_ == "dobj" and c.i < t.i
                     and not any(a.dep_ == "conj" and a.head.i == c.i for a in t.ancestors)
                     for k in ctx.args(c) if isinstance(k, str)}
        holding = v1.lemma_ in ("hold", "own", "control", "acquire", "buy") and t.head.lemma_.lower() in ("share", "stock", "equity")
        # "Y buys most of its output": a buyer takes another's output, not its own
        taking = v1.lemma_ in _OUTPUT_TAKING_VERBS and t.head.lemma_.lower() in _OUTPUT_NOUNS
        if v1.lemma_ in _SHARE_VERBS or holding or taking:  # "Lam said SMIC accounted for 10% of its sales", "Y holds 51% of its shares": someone else's
            excluded |= {k for c in v1.children if c.dep_ == "nsubj" and c.i < t.i for k in ctx.args(c) if isinstance(k, str)}
            if v1.dep_ == "relcl":  # "Y, which accounts for a third of its sales": not Y's own
                excluded |= {k for k in ctx.subjects(v1) if isinstance(k, str)}
        if t.lower_ in ("it", "its"):  # "Distributors such as A and B buy its chips": a plural subject is no "its"
            excluded |= {k for c in v1.children if c.dep_ == "nsubj" and c.i < t.i and c.tag_ == "NNS"
                         for k in _examples_named(c, ctx) if isinstance(k, str)}
        apposed = name_before_its(t.head, self.ents.key_at) if t.dep_ == "poss" else None
        if apposed:  # "X slid after Y, its main client, cut orders", the apposition misparsed: not Y
            excluded.add(apposed)
        a = t
        for _ in range(6):
            if a.dep_ == "appos":
                excluded |= {k for k in ctx.args(a.head, conj=False) if isinstance(k, str)}
            if a.dep_ in ("attr", "conj") and a.head.lemma_ in _COPULAS or a.dep_ == "pobj" and (a.head.lower_ == "among" or a.head.lower_ == "of" and a.head.head.lower_ in
                                                   ("one", "some", "many", "several", "each", "all", "most", "two", "three")
                                                   and a.head.head.dep_ != "appos" and is_group_noun(a)):  # "ships to X, one of its customers": its is the shipper
                v0 = a.head if a.dep_ != "pobj" else a.head.head
                while v0.pos_ not in ("VERB", "AUX") and v0.head.i != v0.i:
                    v0 = v0.head
                # "X is (ranks) among its customers": not X's own; but "X counts Y
                # among its customers", with an object placed among them: X's
                # (so "X counts Y as one of its customers": the object is given as one of them)
                placed = a.head.lower_ == "among" or a.head.head.dep_ == "pobj" and a.head.head.head.lower_ == "as"
                if not (a.dep_ == "pobj" and placed and any(c.dep_ == "dobj" for c in v0.children)):
                    excluded |= {k for c in v0.children if c.dep_ in ("nsubj", "nsubjpass") for k in ctx.args(c) if isinstance(k, str)}
            if a.head.i == a.i:
                break
            a = a.head
        found = self._pronoun(t, ctx, excluded)
        if found is not None and found not in excluded and _trades(t) and ctx.is_authority(found):
            # "Treasury added X to its list. It supplies images to the army": a body that lists
            # companies sells nothing; the subject that trades is the company it acted on
            excluded.add(found)
            found = self._pronoun(t, ctx, excluded)
        return None if found in excluded else found

    def _pronoun(self, t: Any, ctx: Any, excluded: set[str]) -> str | None:
        v, hops = t.head, 0
        while hops < 4 and v.head.i != v.i and v.pos_ not in ("VERB", "AUX"):
            v, hops = v.head, hops + 1
        if t.tag_ == "PRP" and t.dep_ in ("dobj", "pobj", "dative") and v.pos_ in ("VERB", "AUX"):
            # "X buys wafers from it": an object "it" is never its own clause's subject (that would be "itself")
            excluded |= {k for c in v.children if c.dep_ in ("nsubj", "nsubjpass") for k in ctx.args(c) if isinstance(k, str)}
            excluded |= {k for k in ctx.subjects(v) if isinstance(k, str)}
            return self.previous(t, excluded)
        for _ in range(3):
            if v.pos_ not in ("VERB", "AUX"):
                break
            subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj and subj[0].i != t.i:
                if not ctx.key(subj[0]) and subj[0].left_edge.i <= t.i <= subj[0].right_edge.i:
                    break  # "two of its units, including X, were ...": its is not the units it names
                named = [k for k in ctx.args(subj[0]) if isinstance(k, str) and ctx.etype(k) == EntityType.ORG and k not in excluded]
                if len(set(named)) == 1 and subj[0].i < t.i:
                    return named[0]
                if named:
                    break  # several subjects ("A, B and C are its customers"): not this clause
            if v.dep_ in ("ccomp", "xcomp", "advcl", "conj", "relcl") and v.head.i != v.i:
                v = v.head
                if v.dep_ == "relcl" or v.lemma_.lower() in _REPORT or v.pos_ in ("VERB", "AUX"):
                    continue
            break
        return self.previous(t, excluded)

    def counted(self, t: Any, n: int) -> list[str]:
        """"both", "all three", "the three telcos": the last ``n`` organisations
        named before ``t``, in its sentence or else the previous one, when
        they form one enumeration ("A, B and C"); otherwise nobody.  A
        sentence whose names form no enumeration of ``n`` ("A, B and C all
        use gear from the two vendors") leaves them to the previous one."""
        before, this = self.sentence_bounds(t.i)
        found = self._last_enumerated(this, t.i, n)
        if not found and before != this:
            found = self._last_enumerated(before, this, n)
        return found or []

    def _last_enumerated(self, lo: int, hi: int, n: int) -> list[str] | None:
        """The ``n`` organisations of one enumeration in [lo, hi) ("A, B and
        C"); [] if no ``n`` of them form one; None if fewer than ``n`` are
        named.  Of several enumerations the one nearest the clause's root
        wins, then the last: "Both" after "X and Y, which sold chips made by
        A and B" are X and Y, not the makers of what they sold."""
        a = bisect.bisect_left(self._org_pos, lo)
        b = bisect.bisect_left(self._org_pos, hi)
        firsts: list[tuple[int, str]] = []  # each organisation's first mention in a run of mentions
        for i, k in self.org_mentions[a:b]:
            if not firsts or firsts[-1][1] != k:
                firsts.append((i, k))
        if len({k for _, k in firsts}) < n:
            return None
        best: tuple[int, int] | None = None
        found: list[str] = []
        for start in range(len(firsts) - n + 1):
            group = firsts[start:start + n]
            keys = {k for _, k in group}
            if len(keys) < n or not self._one_enumeration(group[0][0], group[-1], keys):
                continue
            if start > 0 and self._one_enumeration(firsts[start - 1][0], group[-1], keys | {firsts[start - 1][1]}) \
                    or start + n < len(firsts) and self._one_enumeration(group[0][0], firsts[start + n], keys | {firsts[start + n][1]}):
                continue  # two of "A, B and C" are no enumeration of two
            depth = sum(1 for _ in self.doc[group[0][0]].ancestors)
            if best is None or (depth, -start) <= best:
                best, found = (depth, -start), [k for _, k in group]
        return found

    def _one_enumeration(self, start: int, last: tuple[int, str], keys: set[str]) -> bool:
        """Whether only commas, "and", "or", "as well as" lie between the
        names from token ``start`` to the last mention's end."""
        stop = last[0]
        while stop + 1 < len(self.doc) and self.ents.token_key[stop + 1] == last[1]:
            stop += 1
        between = [tok for tok in self.doc[start:stop] if self.ents.token_key[tok.i] not in keys]
        if all(tok.is_punct or tok.lower_ in ("and", "or", "as", "well") for tok in between):
            return True
        return self._enumerated_past_asides(start, stop, keys)

    def _enumerated_past_asides(self, start: int, stop: int, keys: set[str]) -> bool:
        """"A, a Beijing maker of etchers, and B", "A, which builds tools,
        and B": between two names only a description of the first set off by
        commas, then ", and": still one enumeration.  ("X and Y, which sold
        chips made by A and B" is not: no ", and" before A.)"""
        doc = self.doc
        names = [i for i in range(start, stop + 1) if self.ents.token_key[i] in keys
                 and (i == start or self.ents.token_key[i - 1] != self.ents.token_key[i])]
        for a, b in zip(names, names[1:]):
            a_end = a
            while self.ents.token_key[a_end + 1] == self.ents.token_key[a]:
                a_end += 1
            gap = doc[a_end + 1:b]
            if all(t.is_punct or t.lower_ in ("and", "or") for t in gap):
                continue
            if len(gap) < 3 or gap[-1].lower_ not in ("and", "or") or gap[-2].text != "," or gap[0].text != ",":
                return False
            head = self._root_of(a, self.ents.token_key[a])
            aside = {d.i for c in head.children if c.dep_ in ("appos", "relcl") and c.i > a_end for d in c.subtree}
            if not all(t.i in aside or t.i >= b - 2 or t.i == a_end + 1 for t in gap):
                return False
        return True

    def note_list(self, i: int, key: str) -> None:
        """A list a word at token ``i`` stands for without naming it ("blacklisted"
        is the Entity List), so later "the list" or "also added" continue it."""
        k = bisect.bisect_left(self._list_pos, i)
        if k < len(self._list_pos) and self._list_pos[k] == i:
            return
        self._list_pos.insert(k, i)
        self.list_mentions.insert(k, (i, key))

    def current_list(self, i: int) -> str | None:
        """The list named last before token ``i`` (the list an article is
        about).  A list named only as where a company already is ("CETC has
        been on the Pentagon's list") does not take over from the list the
        article added names to before it: "X was added" goes on adding there."""
        k = bisect.bisect_left(self._list_pos, i)
        if k == 0:
            return None
        last = self.list_mentions[k - 1]
        if self._where_one_is(last[0]):
            for pos, key in reversed(self.list_mentions[:k - 1]):
                if self._added_to(pos):
                    return key
        return last[1]

    def _where_one_is(self, i: int) -> bool:
        """The list at token ``i`` is named as where a company is ("has been on", "remains on")."""
        return self._list_governed(i, ("on", "in"), ("be", "remain", "stay", "sit"))

    def _added_to(self, i: int) -> bool:
        """The list at token ``i`` is what names were added or put on ("added X to its blacklist")."""
        return self._list_governed(i, ("to", "on", "onto"), ("add", "place", "put", "include", "move"))

    def _list_governed(self, i: int, preps: tuple[str, ...], verbs: tuple[str, ...]) -> bool:
        """The noun phrase of the list at token ``i`` is the object of one of
        ``preps`` on a verb with one of ``verbs`` as its lemma."""
        t = self.doc[i]
        while t.dep_ in ("compound", "amod", "poss", "nmod") and t.head.i != t.i:
            t = t.head
        return t.dep_ == "pobj" and t.head.lower_ in preps and t.head.head.lemma_ in verbs

    def _sanctions_keeper(self, t: Any) -> str | None:
        """The sanctions list of the UK or the EU that "sanctions list" ``t`` names by its keeper: a word
        before it ("the British sanctions list", "the EU's"), or, for "its (own) sanctions list", the
        subject of the verb that puts a company on it ("Britain added X to its own sanctions list")."""
        keepers: list[Any] = []
        for c in t.children:
            if c.dep_ in ("compound", "amod", "poss", "nmod"):
                if c.lower_ in ("its", "their"):
                    verb = t.head.head if t.dep_ == "pobj" else t.head
                    keepers += [s for s in verb.children if s.dep_ == "nsubj"]
                else:
                    keepers.append(c)
        for c in keepers:
            k = self.ents.key_at(c.i)
            rec = self.ents.get(k) if k else None
            named = sanctions_list_named(([rec.name.lower(), (rec.country or "").lower()] if rec else []) + [c.lower_])
            if named:
                return named
        return None

    def list_noun(self, t: Any) -> str | None:
        """The list "the list", "that list", "the Pentagon list" means."""
        words = {c.lower_ for c in t.children if c.dep_ in ("compound", "amod", "poss", "nmod")}
        if words & {"sanctions", "sanction"}:
            keeper = self._sanctions_keeper(t)
            if keeper:
                return self.ents.add(keeper, EntityType.LIST)
        for w in words:
            if w in _LIST_BY_MODIFIER:
                return self.ents.add(_LIST_BY_MODIFIER[w], EntityType.LIST)
        # "the updated list, published under Section 1260H of the defence act": the law it is kept under
        under = {w.lower_ for c in t.children if c.dep_ in ("acl", "relcl") for w in c.subtree}
        if "1260h" in under:
            return self.ents.add(_LIST_BY_MODIFIER["1260h"], EntityType.LIST)
        named = [k for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"
                 for k in [self.ents.key_at(o.i)] if k and self.ents.get(k).type == EntityType.LIST]
        if named:
            return named[0]  # "its list of Communist Chinese military companies": the list those words name
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
            return None  # "a list of suppliers": some other list
        if t.lemma_.lower() == "list" and words and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in t.children):
            return None  # "a watch list", "a separate list": a list not named before
        k = bisect.bisect_left(self._list_pos, t.i)
        if k > 0:
            return self.list_mentions[k - 1][1]
        if t.lemma_.lower() == "blacklist":
            return self.ents.add("US Entity List", EntityType.LIST)
        return None
