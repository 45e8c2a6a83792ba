"""Companies a sentence names only by reference to what came before.

"The company", "the Dutch firm", "the supplier", "the largest shareholder",
"the rest is held by B", "B and C are also customers": reporting names a
company once and then points back at it.  Each reading here finds the one
organisation such a phrase stands for from the facts and mentions already
read, and names no one when two could be meant (a wrong company is worse
than a missed fact).  The rule engine calls the ``*_in_context`` readings
as path macros (engine._CONTEXT_MACROS); the sentence loop's context
(relations._Ctx) inherits them, and supplies ``ents``, ``facts``,
``salience``, ``key``, ``etype``, ``subjects``, ``args`` and
``is_authority``.
"""

from __future__ import annotations

import bisect
from typing import Any

from chipgraph.graph.model import EntityType, RelationType
from chipgraph.graph.reference import demonym_countries

from .facts import is_group_noun
from .stated_nationality import stated_countries

R = RelationType

#: nouns too generic to pick a name by ("the company" is not "X Manufacturing Company")
_GENERIC_ORG_NOUNS = frozenset("company firm group corporation corp maker manufacturer chipmaker business enterprise".split())
#: role nouns and the end of the previous sentence's fact they stand for (0 head, 1 tail)
_ROLE_NOUNS: dict[str, tuple[RelationType, int]] = {
    "supplier": (RelationType.SUPPLIED, 0), "vendor": (RelationType.SUPPLIED, 0), "seller": (RelationType.SUPPLIED, 0),
    "customer": (RelationType.SUPPLIED, 1), "buyer": (RelationType.SUPPLIED, 1), "client": (RelationType.SUPPLIED, 1),
}
#: words of a share told as a number ("cent" of the British "per cent", the wires' "pct")
_PERCENT_WORDS = frozenset("% percent cent pct".split())
#: a share held in a company ("52% of the firm", "a stake in the company")
_HOLDING_WORDS = _PERCENT_WORDS | frozenset("stake stakes share shares majority shareholding holding interest half third quarter".split())
#: what "12% of the ..." may be a share of and still be a holding in a company
_EQUITY_NOUNS = frozenset("share stock equity capital".split())
#: words that make a percentage held a market's share, not a company's
_MARKET_NOUNS = frozenset("market segment sale revenue shipment output capacity".split())
#: words that add customers to those already named ("other customers", "another customer")
_MORE_WORDS = frozenset("other another additional further more".split())
#: what a customer's share is a share of
_SALES_NOUNS = frozenset("sale sales revenue revenues turnover".split())
#: words that rank a role among several holders ("the largest shareholder")
_RANK_WORDS = frozenset("largest biggest main major principal controlling majority top dominant single-largest".split())
#: what is left of a holding ("the rest is held by", "the remainder belongs to")
REST_NOUNS = frozenset("rest remainder balance".split())
#: fractions a holding is told in ("the other half", "the remaining third")
_PART_NOUNS = frozenset("half third quarter fifth".split())
#: what a holding company or a joint venture is called when it is taken up ("the venture", "that investment vehicle")
_VEHICLE_NOUNS = frozenset("venture vehicle".split())
#: what a company's unit runs for it ("Its Suzhou plant is run by X, a wholly owned subsidiary")
_RUN_FOR_OWNER_NOUNS = frozenset("plant fab factory facility site campus operation operations business production "
                                 "manufacturing assembly packaging testing output network".split())


def _described_country(t: Any) -> str | None:
    """The one country the adjectives of description ``t`` name ("the Dutch
    company"), if they name exactly one."""
    countries = demonym_countries()
    named = {countries[c.lower_] for c in t.children if c.dep_ == "amod" and c.lower_ in countries}
    return named.pop() if len(named) == 1 else None


def _quantified(t: Any) -> bool:
    """A holding that states how much: "12%", "a 30 percent stake", "a majority stake"."""
    return t.lemma_.lower() in _PERCENT_WORDS or any(
        x.like_num or x.lower_ in _PERCENT_WORDS or x.lower_ in ("majority", "controlling", "minority") for x in t.subtree if x.i != t.i)


class ContextReferences:
    """What "the company", "the supplier" and the rest of a holding stand
    for, read from the document so far (a mixin of relations._Ctx)."""

    def ranked_in_context(self, t: Any) -> list[str]:
        """"The largest shareholder", "the main customer" with no company of
        its own named: the role is held in the company the sentence before
        was about (one candidate, else nothing)."""
        if not (any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
                and any(c.dep_ == "amod" and c.lower_ in _RANK_WORDS for c in t.children)
                and not any(c.dep_ in ("poss", "prep") for c in t.children)):
            return []
        found = self.salience.previous(t)
        return [found] if found and not self.is_authority(found) else []

    def parent_in_context(self, t: Any) -> list[str]:
        """"X, a wholly owned subsidiary" with no owner named (``t`` the
        subsidiary noun): the company "its" stands for when X runs "its"
        site, else the company the article is about so far (named most, at
        least twice); never X itself, nor an authority.  Not the
        sentence's own subject: "Y bought the plant from wholly owned
        subsidiary X" is a trade with X, whose owner goes unsaid."""
        own = {k for k in self.described(t) if isinstance(k, str)}
        found = None
        if own:  # "another wholly owned subsidiary": a sibling of the unit named before, whom "its" may stand for
            sibling = any(c.dep_ == "det" and c.lower_ == "another" for c in t.children)
            found = self.salience.leader(t.i) if sibling else self._owner_of_its_site(t) or self.salience.leader(t.i)
        if found and found not in own and not self.is_authority(found) and self.etype(found) == EntityType.ORG:
            return [found]
        return []

    def _owner_of_its_site(self, t: Any) -> str | None:
        """"Its Malaysian plant is run by X, a wholly owned subsidiary": a unit
        running "its" site or operations is owned by whom "its" stands for,
        whoever else the article names most."""
        if t.dep_ != "appos":
            return None
        verb = t.head
        for _ in range(3):
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        for subject in verb.children:
            if subject.dep_ in ("nsubj", "nsubjpass") and subject.i < t.i and subject.lemma_.lower() in _RUN_FOR_OWNER_NOUNS:
                its = [c for c in subject.children if c.dep_ == "poss" and c.lower_ == "its"]
                if its:
                    return self.salience.pronoun(its[0], self)
        return None

    def sales_in_context(self, t: Any) -> list[str]:
        """"X makes tools. SK Hynix accounted for 44 percent of sales": sales
        (``t``) with no company of their own named are those of the company
        the sentence before was about (one candidate, else nothing)."""
        if t.lemma_.lower() not in _SALES_NOUNS or any(c.dep_ in ("poss", "prep", "compound") for c in t.children):
            return []
        found = self.salience.previous_subject(t)
        return [found] if found and not self.is_authority(found) else []

    def goods_in_context(self, t: Any) -> list[str]:
        """"X makes modules. Final assembly is outsourced to Y", "Lower-speed
        modules are sold through distributors A and B": goods or work (``t``)
        with no company of their own named are those of the company the
        sentence before was about, when nothing before them in their own
        sentence names another (one candidate, else nothing)."""
        if any(c.dep_ in ("poss", "prep") for c in t.children) or any(
                self.key(c) and self.etype(self.key(c)) == EntityType.ORG for c in t.children if c.dep_ in ("compound", "nmod")):
            return []
        if self.key(t) and self.etype(self.key(t)) != EntityType.PRODUCT:
            return []
        if self.salience.orgs_between(t.sent.start, t.i):
            return []
        found = self.salience.previous_subject(t)
        return [found] if found and not self.is_authority(found) and self.etype(found) == EntityType.ORG else []

    def seller_in_context(self, t: Any) -> list[str]:
        """"X sells chips to A. B and C are also customers" / "Other customers
        include B": customers said to be more of the same (``also``, ``too``,
        ``other``, ``another``) with no seller named are the customers of the
        one seller whose sale the sentence before (or this one, earlier)
        stated; two sellers there, or none, name no one."""
        return self._one_in_context(t, R.SUPPLIED)

    def owned_in_context(self, t: Any) -> list[str]:
        """"Y holds 40% of X. Other shareholders include A and B": more
        shareholders with no company named are shareholders of the one company
        whose owner the sentence before (or this one, earlier) stated."""
        return self._one_in_context(t, R.OWNED_BY)

    def owned_earlier_here(self, t: Any) -> list[str]:
        """"A holds 70% of X, with B and C each owning 10%": holders in a
        "with" clause hold part of the one company whose owner this sentence
        stated before them (facts are read in the order of their words)."""
        held = {f.head for f in self.facts if f.type == R.OWNED_BY and f.sent.start == self.sent.start and isinstance(f.head, str)}
        return list(held) if len(held) == 1 else []

    def _one_in_context(self, t: Any, rtype: RelationType) -> list[str]:
        """The one head of the ``rtype`` facts stated just before ``t``, when
        ``t`` says it adds to them; else no one."""
        if any(c.dep_ in ("poss", "prep") for c in t.children):
            return []
        verb = t.head if t.dep_ in ("attr", "nsubj", "nsubjpass") else None  # nsubjpass: "the lasers were also bought by B"
        added = any(c.dep_ in ("amod", "det") and c.lower_ in _MORE_WORDS for c in t.children) or (
            verb is not None and any(c.dep_ == "advmod" and c.lower_ in ("also", "too") for c in verb.children))
        if not added:
            return []
        before, _ = self.salience.sentence_bounds(t.i)
        heads = {f.head for f in self.facts if f.type == rtype and isinstance(f.head, str)
                 and before <= f.sent.start and f.sent.end <= t.sent.end}
        return list(heads) if len(heads) == 1 else []

    def rest_in_context(self, t: Any) -> list[str]:
        """"X owns 60% of A. The rest is held by B", "..., whereas the
        remaining stake was controlled by B": the rest of a holding is in
        the company whose owner this sentence (earlier) or the one before
        stated, when it is one company; a rest with an owner or a company
        of its own ("its remaining stake", "the rest of the market") is
        not."""
        low = t.lemma_.lower()
        mods = list(t.children)
        if t.like_num and any(c.dep_ == "prep" and c.lower_ == "per" for c in mods):
            low = "percent"  # "the remaining 40 per cent", parsed as the number with "per cent" hung on it
        if t.dep_ == "compound" and t.head.pos_ == "VERB" and low in _PERCENT_WORDS:
            mods += [c for c in t.head.children if c.i < t.i]  # "The remaining 30% stays with": the words hung on the verb
        rest = low in REST_NOUNS and any(c.dep_ == "det" and c.lower_ == "the" for c in mods)
        shares = _EQUITY_NOUNS | _PART_NOUNS | _PERCENT_WORDS | {"stake", "holding"}
        remaining = low in shares and any(c.dep_ == "amod" and c.lower_ == "remaining" for c in mods)
        # "the other 49%", "the other half": the rest, when the share is a number or a part
        other = low in shares and low not in _EQUITY_NOUNS and any(c.lower_ == "other" and c.dep_ in ("amod", "det") for c in mods) \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in mods)
        if not (rest or remaining or other) or any(c.dep_ == "poss" for c in t.children):
            return []
        of = [p for p in t.children if p.dep_ == "prep" and p.lower_ != "per"]
        if of:  # "the remaining 30% of Vellmar": the company is named
            named = [k for p in of if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"
                     for k in [self.key(o)] if k and self.etype(k) == EntityType.ORG]
            return named[:1] if len(of) == 1 and named else []
        before, this = self.salience.sentence_bounds(t.i)
        holders = {k for k in self.subjects(t.head) if isinstance(k, str)}
        if any(k not in holders for k in self.salience.orgs_between(this, t.i)) and not any(
                f.type == R.OWNED_BY and f.sent.start == this for f in self.facts):
            return []  # "A is two-thirds owned by B; the rest ...": a holding stated here but not read
        for lo, hi in ((this, t.i), (before, this)):  # this sentence first, else the one before
            owned = [f for f in self.facts if f.type == R.OWNED_BY and isinstance(f.head, str) and lo <= f.sent.start < max(hi, lo + 1)]
            if owned:
                held = {f.head for f in owned}
                told = held | {f.tail for f in owned}
                # "owns 60% of A and 30% of B": a holding in a company no fact was read for leaves the rest unplaced
                unread = [k for k in self.salience.orgs_between(lo, hi) if k not in told and k not in holders]
                return list(held) if len(held) == 1 and not unread else []
        return []

    def held_in_context(self, t: Any) -> list[str]:
        """"The state fund holds 12%", "Keystone owns a 30 percent stake": a
        holding (``t``, the verb's object) with no company of its own named is
        held in the company the sentence before was about, when this sentence
        names no organisation but its holder (one candidate, else nothing)."""
        verb = t.head
        if t.dep_ != "dobj" or any(c.dep_ == "poss" for c in t.children) or not _quantified(t):
            return []
        for p in (c for c in t.children if c.dep_ == "prep"):  # "12% of the shares" names no company; "of the market" is no holding
            if not all(o.lemma_.lower() in _EQUITY_NOUNS and not self.key(o) and not any(c.dep_ == "poss" for c in o.children)
                       for o in p.children if o.dep_ == "pobj"):
                return []
        if verb.dep_ in ("advcl", "conj") and verb.head.lemma_.lower() in ("hold", "own", "control") and verb.head.i < verb.i:
            # "Y holds 51% of its shares, while the Big Fund owns about 24%": the same company as the clause before
            return self.owned_earlier_here(t)
        invested = [v for v in t.sent if v.lemma_.lower() == "invest" and v.i < verb.i and (
            v.dep_ == "conj" and v.head.i == verb.i or verb.dep_ == "conj" and verb.head.i == v.i
            or v.dep_ == "acl" and v.head.dep_ == "nsubj" and v.head.head.i == verb.i)]
        if invested:
            # "The Big Fund invested in SMIC and now holds 9%": the company invested in
            into = [self.key(o) for v in invested for p in v.children if p.dep_ == "prep" and p.lower_ in ("in", "into")
                    for c in p.children if c.dep_ == "pobj" for o in (c, *c.conjuncts)]
            into = [k for k in dict.fromkeys(into) if k and self.etype(k) == EntityType.ORG]
            return into if len(into) == 1 else []
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects or any(x.tag_ in ("PRP", "PRP$") for x in subjects):
            return []  # "It holds 12%": the holder is itself the company before
        holders = {k for k in self.subjects(verb) if isinstance(k, str)}
        before, this = self.salience.sentence_bounds(t.i)
        sent = t.sent
        if before == this or any(k not in holders for k in self.salience.orgs_between(sent.start, sent.end)):
            return []
        if any(x.lemma_.lower() in _MARKET_NOUNS for x in t.doc[before:sent.end]):
            return []  # "X leads the DRAM market. Y holds 12%": a market share, not a stake
        found = self.salience.previous(t, holders)
        return [found] if found and not self.is_authority(found) and self.etype(found) == EntityType.ORG else []

    def definite_reference(self, t: Any) -> str | None:
        """"the institute" / "the company" -> the organisation it stands for: the
        latest one named whose name ends in that noun, else the one salient
        organisation (see Salience)."""
        dets = [c.lower_ for c in t.children if c.dep_ == "det"]
        # "the company", "the Chinese company", "the Wuhan fab": modifiers that are adjectives or places, no other name
        # a clause set off by a comma only adds to the reference ("The Wuhan company, whose shareholders include X,")
        modifiers_ok = all((c.dep_ not in ("prep", "acl", "relcl") or c.dep_ == "relcl" and _set_off(c)) and not (c.dep_ in ("amod", "compound") and
                                                                         self.etype(self.key(c)) in (EntityType.ORG, EntityType.PERSON))
                           for c in t.children)
        if t.tag_ == "NN" and dets in (["that"], ["this"]) and modifiers_ok and (is_group_noun(t) or t.lower_ in _VEHICLE_NOUNS):
            return self._named_last_before(t)
        if not (t.tag_ == "NN" and dets == ["the"] and modifiers_ok):
            return None
        if t.lower_ in _GENERIC_ORG_NOUNS:
            whose = self._whose_antecedent(t)
            if whose:  # "X, whose co-founder owns a third of the company's shares": X
                return whose
        role = self.role_reference(t) or self._only_one_of_country(t) or self._one_of_country_here(t)
        if role:
            return role
        noun = t.lower_
        # "The Suwon-based company": where the company sits, whatever the tagger made of the city, is not the company
        elsewhere = self._of_other_countries(t) | {
            k for a in t.children if a.dep_ == "amod" and a.lower_ in ("based", "headquartered", "registered")
            for p in a.children for k in [self.key(p)] if k}
        mentions = [] if noun in _GENERIC_ORG_NOUNS else [m for m in self.org_nouns().get(noun, []) if m[1] not in elsewhere]
        k = bisect.bisect_left(mentions, (t.i, ""))
        if k > 0:
            return mentions[k - 1][1]
        if noun in ("company", "firm", "group", "chipmaker", "maker", "manufacturer", "fab", "foundry", "supplier", "startup",
                    "start-up", "conglomerate", "giant", "operator", "carrier", "designer",
                    "trader", "broker", "distributor", "reseller", *_VEHICLE_NOUNS):  # "the trader also bought parts from X": the one just named
            # "the company" is no ministry: "The Pentagon added X to its list. The company ..." is X
            # (a body named in the sentence before, not in this one: "In a notice, the bureau said the foundry ...")
            before, this = self.salience.sentence_bounds(t.i)
            skipped = elsewhere | self._doers_around(t) | {
                k for k in self.salience.orgs_between(before, this) if self.is_authority(k)}
            found = self.salience.previous(t, skipped)
            own = self._own_clause_subjects(t) if found else set()
            if found in own:  # "X, a key supplier of the company": not X, so the one named before
                found = self.salience.previous(t, skipped | own)
            return None if found and self.is_authority(found) else found
        return None

    def _named_last_before(self, t: Any) -> str | None:
        """"X is controlled by Y. That investment vehicle is owned by Z": a
        demonstrative takes up the organisation the sentence before named
        last (none that is an authority)."""
        before, this = self.salience.sentence_bounds(t.i)
        named = [k for k in self.salience.orgs_between(before, this) if not self.is_authority(k)]
        return named[-1] if before < this and named and not self.salience.orgs_between(this, t.i) else None

    def _whose_antecedent(self, t: Any) -> str | None:
        """The company a "whose" clause before ``t`` in its sentence
        describes: in "X, whose founder owns a third of the company's shares"
        the company is X (however the parser hung the clause)."""
        for w in t.sent:
            if w.i >= t.i:
                break
            if w.lower_ != "whose":
                continue
            v, hops = w.head, 0
            while hops < 4 and v.dep_ != "relcl" and v.head.i != v.i:
                v, hops = v.head, hops + 1
            k = self.key(v.head) if v.dep_ == "relcl" else None
            if k and self.etype(k) == EntityType.ORG:
                return k
        return None

    def _own_clause_subjects(self, t: Any) -> set[str]:
        """"X, a key supplier of the company", "X had sold chips to the
        company": a description as an object is never its own clause's
        subject (that would be "itself"), as for an object "it"."""
        if t.dep_ not in ("dobj", "pobj", "dative"):
            return set()
        v, hops = t.head, 0
        while hops < 4 and v.pos_ not in ("VERB", "AUX") and v.dep_ != "appos" and v.head.i != v.i:
            v, hops = v.head, hops + 1
        if v.dep_ == "appos":  # "X, a key supplier of the company": X
            return {k for k in self.args(v.head, conj=False) if isinstance(k, str)}
        if v.pos_ not in ("VERB", "AUX"):
            return set()
        # and whatever the subject's own phrase names ("The institute under Y buys from the company": not Y)
        inside = {k for c in v.children if c.dep_ in ("nsubj", "nsubjpass") for d in c.subtree for k in [self.key(d)] if k}
        return {k for k in self.subjects(v) if isinstance(k, str)} | inside

    def _doers_around(self, t: Any) -> set[str]:
        """Who holds a share of the company a description names, and whom
        the holder's phrase names: "X controls 52% of the firm" - the firm is
        not X; nor in "X owns a third of the company's shares"."""
        if t.dep_ == "poss" and t.head.lemma_.lower() in _EQUITY_NOUNS:
            t = t.head  # the company's shares: the holding is of the shares
        share = t.head.head if t.dep_ == "pobj" and t.head.lower_ in ("of", "in") else None
        if share is None or share.lemma_.lower() not in _HOLDING_WORDS:
            return set()  # only a holding's company: "52% of the firm", "a stake in the company"
        v, hops = share.head, 0
        while hops < 4 and v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
            v, hops = v.head, hops + 1
        if v.pos_ not in ("VERB", "AUX"):
            return set()
        inside = any(a.dep_ in ("nsubj", "nsubjpass") and a.head.i == v.i for a in t.ancestors)
        if inside:
            return set()
        subjects = [c for c in v.children if c.dep_ == "nsubj"]  # and whatever its subject names ("X under Y buys from the company")
        return {k for c in subjects for k in self.args(c, conj=False) if isinstance(k, str)} | \
            {k for c in subjects for x in c.subtree for k in [self.key(x)] if k}

    def _only_one_of_country(self, t: Any) -> str | None:
        """"The Dutch company" when the article has named one Dutch company
        before it and every organisation of the last sentences is known to be
        of another country: that one (the company a story is about, named
        again by its nationality several sentences on)."""
        country = _described_country(t)
        if country is None or not is_group_noun(t):
            return None
        before = {k for k, r in self.ents.records.items() if r.type == EntityType.ORG and any(s < t.i for s, _ in r.mentions)}
        ours = [k for k in before if self.country_of(k) == country]
        if len(ours) != 1:
            return None
        near = set(self.salience.nearby_orgs(t.i, span=2)) & before
        if any(self.country_of(k) in (None, "", country) for k in near - {ours[0]}):
            return None
        return ours[0]

    def _one_of_country_here(self, t: Any) -> str | None:
        """"A stopped selling to Shenzhen X, weeks after Commerce listed the
        Chinese chipmaker": of the organisations named before it in its own
        sentence, the one of the country its adjective names, when exactly
        one is (the others' countries may be unknown)."""
        country = _described_country(t)
        if country is None or not is_group_noun(t):
            return None
        here = [k for k in self.salience.orgs_between(t.sent.start, t.i) if not self.is_authority(k)]
        ours = [k for k in here if self.country_of(k) == country]
        return ours[0] if len(here) > 1 and len(ours) == 1 else None

    def _of_other_countries(self, t: Any) -> set[str]:
        """The organisations "the Japanese firm" cannot mean: those whose
        country is known and is not the one its adjective names."""
        country = _described_country(t)
        if country is None:
            return set()
        return {k for k, r in self.ents.records.items() if r.type == EntityType.ORG and self.country_of(k) not in (None, "", country)}

    def country_of(self, key: str) -> str | None:
        """The country of organisation ``key``: the reference data's, else the
        one the article states ("Chinese buyers such as X")."""
        known = self.ents.get(key).country
        if known:
            return known
        if self._stated is None:
            orgs = {k: r.mentions for k, r in self.ents.records.items() if r.type == EntityType.ORG and not r.country}
            self._stated = stated_countries(self.doc, orgs, demonym_countries())
        return self._stated.get(key)

    def role_reference(self, t: Any) -> str | None:
        """"The supplier", "the customer", "the parent company" right after a
        sentence that stated one supply or one owner: the one in that role
        ("B buys modems from A. The supplier is controlled by C": A)."""
        lemma = t.lemma_.lower()
        if lemma in ("company", "group", "firm") and any(c.dep_ in ("amod", "compound") and c.lower_ in ("parent", "holding")
                                                         for c in t.children):
            role: tuple[RelationType, int] | None = (RelationType.OWNED_BY, 1)
        else:
            role = _ROLE_NOUNS.get(lemma)
        starts = self.salience.starts
        k = bisect.bisect_right(starts, t.i) - 1
        if role is None or k < 1:
            return None
        rtype, end = role
        # a description ("to a Chinese buyer") is a Placeholder: counted by identity, it is no name
        found = {x if isinstance(x, str) else id(x) for f in self.facts if f.type == rtype and starts[k - 1] <= f.sent.start < starts[k]
                 for x in [(f.head, f.tail)[end]]}
        named = [x for x in found if isinstance(x, str)]
        return named[0] if len(named) == 1 and len(found) == 1 else None

    def org_nouns(self) -> dict[str, list[tuple[int, str]]]:
        """word of an organisation's name -> its mentions (start, key) in
        order; and a noun an organisation was described by in apposition ->
        where ("X, its Chinese joint venture, ... the venture": X)."""
        if self._org_nouns is None:
            index: dict[str, list[tuple[int, str]]] = {}
            for rec in self.ents.records.values():
                if rec.type == EntityType.ORG:
                    for word in set(rec.name.lower().split()):
                        index.setdefault(word, []).extend((s, rec.key) for s, _ in rec.mentions)
            for tok in self.doc:
                if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.lower_ not in _VEHICLE_NOUNS:
                    continue
                # set off by a comma right after the name, however the parser hung it
                edge = tok.left_edge.i
                k = self.key(tok.head) if tok.dep_ == "appos" else \
                    self.key(self.doc[edge - 2]) if edge >= 2 and self.doc[edge - 1].text == "," else None
                if k and self.etype(k) == EntityType.ORG:
                    index.setdefault(tok.lower_, []).append((tok.i, k))
            self._org_nouns = {w: sorted(v) for w, v in index.items()}
        return self._org_nouns


def _set_off(clause: Any) -> bool:
    """A relative clause set off by a comma: it describes, it does not pick
    which one ("the company, which ..." against "the company that ...")."""
    left = clause.left_edge
    return left.i > 0 and left.doc[left.i - 1].text == ","
