"""English relation extraction: the rule engine's context and the sentence loop.

The rules themselves are data (``grammar/en*.toml``, read by engine.py): a
trigger word and argument paths over spaCy's parse, which is what lets one
rule cover "X, which is owned by Y", "X is owned by Y", "X, owned by Y".
This module holds what every rule shares, written once in ``_Ctx``:
subjects (through relative clauses, participles, conjunctions and "which"),
argument expansion over conjunctions and appositions, pronouns and "the
company" (salience.py), placeholders for descriptions ("other Chinese
chipmakers") that later sentences resolve, and the negation/hedge check
every fact passes.  The few rules that need document context are registered
procedures: groups.py (members of described groups), military.py (military
cue words) and the unit procedures below.  Rules only look at tokens
already parsed: no re-parsing.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Any, Iterator

from chipgraph.graph.model import EntityType, MILITARY_ID, RelationType, normalise_name

from .along_with import joined_with
from .also_shareholders import also_shareholders
from .datelines import after_dateline, in_dateline
from .misparsed_listing import listing_misparsed
from .misparsed_supply import counted_among_customers_misparsed, goods_read_as_coordinated_verb, misparsed_supply, recipient_read_as_object
from .powering_goods import goods_power_misparsed
from .named_later import name_described
from .engine import NAMING_VERBS, PROCEDURES, apply_rules, names_given, is_passive, load_grammar, participle_before_agent, procedure, rule_methods, verbal_root
from .entities import DocEntities, EntityRecord, ORG_SUFFIX_WORDS, PHASE_NUMERALS, PHASE_WORDS, TRAILING_LEGAL, UNIT_NOUNS
from .negation import bracket_opened, denied_before, inflections, is_asserted
from .facts import MIL_CUES, Fact, Placeholder, is_group_noun, name_after_misread_modifier, supply_verbs
from .comma_apposition import name_before_its
from .context_references import ContextReferences
from .ellipsis import share_with_echoed_subjects, share_with_gapped_holders
from .groups import fill_groups, listed_as_apposition, names_run, picks_from_them, settle_groups, stated_count
from .antecedents import coordinated_owner, nearest_before_aside
from .list_descriptions import described_list, member_phrase, military_owned_listing
from .military import arms_trade_cue, military_link
from .orgs import is_trade_counterpart, patterns as org_patterns
from .own_lists import keepers_list
from .sentence_guard import read_guarded
from .salience import GOVERNMENT_NOUNS, LIST_NOUNS, PRONOUNS, Salience

__all__ = ["Fact", "Placeholder", "english_facts", "english_rules", "sentence_segments"]

R = RelationType
#: a company's sites that stand for it as a buyer or seller ("delivered racks to an NUDT computing lab")
_SITE_NOUNS = frozenset("fab plant factory facility site campus lab laboratory centre center warehouse workshop".split())

LIST_VERBS = frozenset("add place put include designate list name blacklist".split())
#: what a company signs or wins to do something ("signed a contract to supply"); not a licence, which only permits
_CONTRACT_NOUNS = frozenset("contract deal agreement order tender".split())
#: how a company comes to hold such a contract ("lost a contract to supply" says no supply)
_CONTRACT_WINS = frozenset("sign win secure land clinch award receive obtain ink strike reach seal get have hold".split())
#: a company's site acting for it ("X's plant in Wuxi makes chips for Y"); a unit or subsidiary is a company of its own
_PLANT_NOUNS = frozenset("fab plant factory facility site foundry".split())
#: the last word of the armed forces' names ("the air force", "the armed forces"), a cue only inside such a name
_FORCE_WORDS = frozenset({"force", "forces"})
#: sites whose own names end in the noun ("... Instrument Plant", "... Works"): "the plant" is that organisation
_NAMED_SITE_NOUNS = frozenset("plant factory works".split())
#: "fined X for selling ...", "charged X with shipping ...": X did it (known by form: the lemmatiser reads "fined" as "fin")
_PENALISING_FORMS = frozenset(f for lemma in ("charge", "fine", "sue", "indict", "convict", "penalize", "penalise")
                              for f in inflections(lemma))
#: words that pick a part of a group ("several of its units")
_PART_WORDS = frozenset("several some many most few two three four five six seven eight nine ten dozen".split())
#: "both" (2), "all three" (3): a count that stands for the organisations just named
_COUNT_WORDS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "all": -1}
#: prepositions that also open clauses; the parser reads "after Beijing banned" as "after Beijing"
_CLAUSE_PREPS = frozenset("after before since until as because".split())
#: verbs whose object does what their infinitive says ("told X to stop", "forced X to sell")
CONTROL_VERBS = frozenset("tell order instruct force ask require urge direct compel allow permit persuade pressure push warn".split())
#: verbs that call their object something ("named X as a military company"): their subject is never what they call
_DESIGNATING = frozenset("name identify list designate label classify deem brand tag flag regard describe cite".split())
REPORT_VERBS = frozenset("say state confirm announce add disclose report acknowledge admit tell write explain".split())
PRODUCT_GENERIC = frozenset("product item part equipment technology component good tool machine chip system".split())
_DATE_RE = re.compile(r"(\d{1,2})\s+(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{4})", re.I)
_MONTHS = {m: i for i, m in enumerate("january february march april may june july august september october november december".split(), 1)}


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


#: what an offender pays or gets "for" doing something ("a $5 million fine for shipping ...")
_PENALTY_NOUNS = frozenset("fine fines penalty penalties settlement sentence million billion".split())


class _Ctx(ContextReferences):
    def __init__(self, doc: Any, ents: DocEntities, sents: list[Any]) -> None:
        self.doc = doc
        self.ents = ents
        self.placeholders: list[Placeholder] = []
        self.facts: list[Fact] = []
        self.sent_index = 0
        self.sent: Any = None
        self.salience = Salience(doc, ents, sents)
        self.governments: set[str] = set()  # states named as "the X government" in the current sentence
        # indexes built once per document, so that no sentence rescans the whole article
        self.placeholder_at: dict[int, Placeholder] = {}
        self.placeholders_in: dict[int, list[Placeholder]] = {}
        self.dates = sorted((e.start, e.text) for e in doc.ents if e.label_ == "DATE")
        self._date_starts = [d[0] for d in self.dates]
        self._org_nouns: dict[str, list[tuple[int, str]]] | None = None
        self._resolving: set[int] = set()
        self._stated: dict[str, str] | None = None  # countries the article gives unknown companies, read on first need

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
        if any(c.dep_ == "preconj" and c.lower_ == "neither" for c in tok.children):
            return []  # "Neither A nor B buys from C": none of them
        if tok.tag_ in ("WDT", "WP") and tok.lower_ in ("which", "that", "whom", "who") and tok.dep_ in ("dobj", "pobj"):
            v = tok.head if tok.dep_ == "dobj" else tok.head.head
            if v.dep_ == "relcl" and v.head.i != v.i:  # "X, which Y owns": the relative pronoun is X
                found = self.args(v.head, conj=False)
                if not found and tok.dep_ == "pobj" and tok.head.lower_ == "in":
                    # "X, a maker of laser diodes in which Y holds a stake": not the diodes but X
                    return self.args(_named_by_description(v.head), conj=False)
                return found
        listed_after = _named_after_owner(tok.head.head) if tok.dep_ == "pobj" and tok.head.lower_ == "of" else []
        toks = [tok] + ([c for c in tok.conjuncts if not _negated_conjunct(c) and not _closes_clause(tok, c)
                         and c not in listed_after and not _subject_of_next_verb(c)] if conj else [])
        if conj:
            toks += [b for t in list(toks) for b in as_well_as(t) if b not in toks]
        out: list[Any] = []
        for t in toks:
            if t.dep_ == "appos" and t.pos_ == "PRON" and t.lower_ in ("all", "both", "each") and t.head.i < t.i:
                # "A, B and C, all controlled by D": the names the pronoun stands beside
                out += [m for m in self.args(t.head) if m not in out]
                continue
            acted_on = _object_of_the_clause_before(t)
            if acted_on is not None:  # "designated X and two affiliates, adding them to its list": X and the rest
                out += [m for m in self.args(acted_on) if m not in out]
                continue
            n = 0 if self.key(t) else _count_of(t)
            found = self.salience.counted(t, n) if n > 1 else []
            if found:  # "identified all three as ...", "both were added", "the three telcos"
                out.extend(found)
                continue
            named = name_after_misread_modifier(t)
            if named is not None and self.etype(self.key(named)) == EntityType.ORG:
                t = named  # "ships parts to defence contractor Thales": "defence" read as the object, Thales the buyer
            t = self._company_based_there(t)  # "of Austin, Texas-based Corvane": Corvane, not the city
            t = _group_named_before_its_noun(self, t)  # "a subsidiary of the Daewon Industrial group": Daewon Industrial
            called = self._called(t)
            if called:  # "a British Virgin Islands holding called X", "a company named X": X
                out.append(called)
                continue
            k = self.key(t) or self.stand_in(t)
            if k and k != MILITARY_ID and self.etype(k) == EntityType.ORG and _military_unit(self, t):
                k = MILITARY_ID  # "supplies the PLA's Strategic Support Force": a branch of the military is the military
            if k and k != MILITARY_ID and self.etype(k) == EntityType.LIST:
                k = self._keepers_own_list(t, k)  # "Taiwan added X to its entity list": Taiwan's list
            if k and self.etype(k) == EntityType.GPE and t.lemma_.lower() in GOVERNMENT_NOUNS:
                self.governments.add(k)
                named_list = [self.key(c) for c in t.children if c.dep_ == "appos" and self.etype(self.key(c)) == EntityType.LIST]
                if named_list:  # "the U.S. government Entity List": the list, not the government
                    out.append(named_list[0])
                    continue
            if k:
                out += [m for m in self._enumerated(t, k, conj) + (self._last_member_described(t) if conj else []) if m not in out]
                if conj:
                    out += [m for m in self._counted_members(t) if m not in out]
                continue
            found = False
            for c in t.children:
                # "the conglomerate Rostec", the name read as a modifier after its noun
                after_noun = c.dep_ in ("amod", "compound", "nmod") and c.i > t.i and is_group_noun(t) \
                    and self.etype(self.key(c)) == EntityType.ORG
                if (c.dep_ == "appos" and not _introduced_as_example(c) or after_noun) and self.key(c):
                    found = True
                    out += [m for m in self._enumerated(c, self.key(c), conj) if m not in out]
                    if conj:  # "the brands Skoda, Seat and Audi"
                        out += [k for cc in c.conjuncts for k in [self.key(cc)] if k and k not in out]
                    if conj and t.tag_ in ("NNS", "NNPS"):  # "three trading houses - A, B and C -": the list read as appositions
                        out += [k for a in c.children if a.dep_ == "appos" and self.key(a) != self.key(c)
                                for x in (a, *a.conjuncts) for k in [self.key(x)] if k and k not in out]
            if found:
                continue
            listed = self._names_after_group_noun(t) if conj else []
            if listed:  # "sells DRAM to smartphone makers Oppo and Vivo", the names left unattached
                out += [k for k in listed if k not in out]
                continue
            unit_name = self._unit_named_before(t)
            if unit_name:  # "sold chips to Huawei's HiSilicon unit": HiSilicon
                out.append(unit_name)
                continue
            group = self._units_of_named(t)
            if group:  # "stopped selling gases to units of CETC": CETC's units, unnamed, buy for it
                out.append(group)
                continue
            if t.pos_ == "NOUN" and t.dep_ == "appos" and not is_group_noun(t) and self.key(t.head) \
                    and any(c.dep_ in ("acl", "relcl") or participle_before_agent(c) for c in t.children):
                # "X, a state investment vehicle controlled by Y" ("the plant majority-owned by Y"): the vehicle is X
                out.append(self.key(_apposition_anchor(t)) or self.key(t.head))
                continue
            operators = self._operators(t)
            if operators:  # "the fabs, operated by A and B, were added": A and B
                out += [m for m in operators if m not in out]
                continue
            counted_names = [k for m in _named_after_owner(t) for k in [self.key(m)] if k]
            if counted_names:  # "added two subsidiaries of X, A and B": A and B
                out += [k for k in counted_names if k not in out]
                continue
            picked = self._picked_from_group(t)
            if picked:  # "two of its subsidiaries, including A, were added": A
                out += [m for m in picked if m not in out]
                continue
            if t.pos_ in ("NOUN", "PROPN") and is_group_noun(t):
                if t.dep_ in ("attr", "appos"):
                    named = [k for k in self.described(t) if isinstance(k, str)]
                    if named:  # "CEC is a state conglomerate that ...": the conglomerate is CEC
                        out.extend(named)
                        continue
                elif member_phrase(t):  # "X is one of the firms that ...": X (no description left for later names to fill)
                    named = [k for k in self.described(t) if isinstance(k, str) and k not in out]
                    if named:
                        out.extend(named)
                        continue
                ref = self.definite_reference(t)
                if ref:
                    self.salience.resolved[t.i] = ref
                    out.append(ref)
                else:
                    out.append(self.placeholder(t))
            elif t.pos_ == "NOUN" and t.lemma_.lower() in _NAMED_SITE_NOUNS and t.tag_ == "NN":
                # "the Ryazan State Instrument Plant ... The plant is part of X": the one named with that word, nothing else
                ref = self.definite_reference(t)
                if ref:
                    self.salience.resolved[t.i] = ref
                    out.append(ref)
        if conj:
            out += [k for k in self._semicolon_members(tok) + self._stray_conjuncts(tok) if k not in out]
        return out

    def _keepers_own_list(self, t: Any, key: str) -> str:
        """The list ``t`` names, given to a country by a possessive ("its",
        "Taiwan's"): that country's own list of the kind (see own_lists),
        else ``key``."""
        keepers: list[Any] = []
        for c in t.children:
            if c.dep_ != "poss":
                continue
            if c.lower_ in ("its", "their"):
                verb = t.head.head if t.dep_ == "pobj" else t.head
                if t.dep_ in ("nsubj", "nsubjpass"):
                    # "the department said its Entity List names ...": the list is its own verb's subject, so
                    # "its" is whoever says it (asking the verb's subjects would ask for this very list again)
                    if verb.dep_ not in ("ccomp", "conj", "advcl") or verb.head.i == verb.i:
                        continue
                    verb = verb.head
                keepers += [k for k in self.subjects(verb) if isinstance(k, str)]
                # "Taiwan's economy ministry added X to its entity list": the ministry's country
                keepers += [k for s in verb.children if s.dep_ == "nsubj" for p in s.children if p.dep_ == "poss"
                            for k in [self.key(p)] if k]
            elif self.key(c):
                keepers.append(self.key(c))
        rec = self.ents.get(key)
        for keeper in keepers:
            krec = self.ents.get(keeper)
            if krec.type == EntityType.GPE or self.is_authority(keeper):
                own = keepers_list(rec.name, rec.country, krec.country)
                if own:
                    return self.ents.add(own, EntityType.LIST)
        return key

    def _company_based_there(self, t: Any) -> Any:
        """"a subsidiary of Austin, Texas-based Corvane Holdings": the parser
        makes the city the argument and the company its apposition or
        conjunct; the city only says where the company sits (whatever type
        the tagger gave the city: "of Raleigh" reads like a company's name).
        Any other token is itself."""
        if not self.key(t) or t.i + 1 >= len(t.doc) or t.doc[t.i + 1].text != ",":
            return t
        for c in t.children:
            if c.dep_ in ("appos", "conj") and c.i > t.i and self.etype(self.key(c)) == EntityType.ORG and any(
                    a.dep_ == "amod" and a.lower_ == "based" and any(self.etype(self.key(p)) == EntityType.GPE for p in a.children)
                    for a in c.children):
                return c
        return t

    def _names_after_group_noun(self, t: Any) -> list[str]:
        """"to smartphone makers Oppo and Vivo": names right after a plural
        group noun that the parser hung elsewhere (the small model tags such
        names as adjectives or verbs), read from the text: the run of names,
        commas and "and"/"or" that follows the noun, when it is nothing else."""
        doc = t.doc
        if self.key(t) or t.tag_ != "NNS" or not is_group_noun(t) or t.i + 1 >= len(doc):
            return []
        first = doc[t.i + 1]
        if self.etype(self.key(first)) != EntityType.ORG or first.head.i == t.i:
            return []  # nothing named, or attached as it should be (read by the apposition path)
        return names_run(self, doc, t.i + 1, len(doc))

    def _unit_named_before(self, t: Any) -> str | None:
        """"Huawei's HiSilicon unit", "Samsung's Harman subsidiary": a unit
        noun with its owner in the possessive and its own name before it names
        that unit.  Without the possessive ("the Huawei unit") the name before
        is the owner's, and nothing is read here."""
        if t.lemma_.lower() not in UNIT_NOUNS or not any(c.dep_ == "poss" for c in t.children):
            return None
        names = [self.key(c) for c in t.children if c.dep_ in ("compound", "nmod") and c.i < t.i]
        names = [k for k in dict.fromkeys(names) if k and self.etype(k) == EntityType.ORG]
        return names[0] if len(names) == 1 else None

    def _called(self, t: Any) -> str | None:
        """The company a description introduces by name ("a holding called X",
        "a Cyprus-registered firm named X", "the fund, known as X"), when ``t``
        is that description's noun or the place that the parser made its head."""
        if self.key(t) and self.etype(self.key(t)) != EntityType.GPE:
            return None
        for o in names_given(t, ("oprd", "attr", "dobj")):
            k = self.key(o)
            if k and self.etype(k) == EntityType.ORG:
                return k
        for c in t.children:
            if c.dep_ == "appos" and not self.key(c) and c.pos_ == "NOUN":
                k = self._called(c)  # "its largest backer, a state fund known as X": X
                if k:
                    return k
            if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() == "know" and not self.key(t):
                # "the fund, formally known as the X Fund": X
                for o in (o for p in c.children if p.dep_ == "prep" and p.lower_ == "as" for o in p.children):
                    k = self.key(o) if o.dep_ == "pobj" else None
                    if k and self.etype(k) == EntityType.ORG:
                        return k
        return None

    def _stray_conjuncts(self, tok: Any) -> list[str]:
        """"made by A, B, and C will not ...": the parser often hangs the later
        names of a list on a noun further up ("devices ..., B, and C").  Names
        that follow the list of ``tok`` right away (", B", ", and C") and are
        coordinated with an ancestor of ``tok`` (or with such a name) are
        members of the list too."""
        if not self.key(tok):
            return []
        doc = tok.doc
        pos = max([tok, *tok.conjuncts], key=lambda t: t.i).right_edge.i
        anchors: set[int] = set()
        for a in tok.ancestors:  # "A, which is owned by B, and C": C goes with A, outside the clause
            anchors.add(a.i)  # (but "devices made by A, B, and C will ...": a participle's list runs on)
            if a.dep_ in ("relcl", "appos"):
                break
        out: list[str] = []
        while True:
            j = pos + 1
            sep = j
            while j < len(doc) and (doc[j].text == "," or doc[j].lower_ in ("and", "or")):
                j += 1
            k = self.key(doc[j]) if sep < j < len(doc) else None
            if not k or k == self.key(tok) or k in out or self.etype(k) != EntityType.ORG:
                return out
            root = doc[j]
            while self.key(root.head) == k and root.head.i != root.i:
                root = root.head
            if root.dep_ != "conj" or root.head.i not in anchors:
                return out
            out.append(k)
            anchors.add(root.i)
            pos = max(t.i for t in doc[j:root.i + 1] if self.key(t) == k)

    def _semicolon_members(self, tok: Any) -> list[str]:
        """Names listed after ``tok`` in semicolon-separated groups ("A and
        other agencies; drone makers B and C; D"), which the parser hangs
        anywhere: read from the text, one shared step for every rule.  Only
        verbless groups count, from the one ``tok`` ends up to the first
        group that has a verb (there a new clause begins)."""
        sent = tok.sent
        semis = [t.i for t in sent if t.text == ";" and t.i > tok.i]
        if not semis or not self.key(tok) and not tok.conjuncts:
            return []
        if any(a.dep_ in ("relcl", "appos") and a.pos_ != "PROPN" and a.i < semis[0] for a in tok.ancestors):
            return []  # "A, a unit of X; B, ...": the groups after the semicolon are items beside A, not beside X
        bounds = [tok.i + 1] + [i + 1 for i in semis] + [sent.end]
        out: list[str] = []
        for k, (lo, hi) in enumerate(zip(bounds, bounds[1:])):
            group = [t for t in tok.doc[lo:hi] if t.text != ";"]
            if k == 0 and not group:
                continue  # ``tok`` ends its group right at the semicolon
            if any(t.pos_ in ("VERB", "AUX") for t in group) or not group:
                break
            if k == 0:
                continue  # the group ``tok`` is in: its conjuncts are the rule's own
            names = [key for t in group for key in [self.key(t)] if key]
            out += [key for key in dict.fromkeys(names) if self.etype(key) == EntityType.ORG]
        return out

    def _operators(self, t: Any) -> list[str]:
        """The companies a plant is said to be run by ("the fabs, operated by
        A and B"): what is done to the plant is done to them."""
        if self.key(t):
            return []
        if t.lemma_.lower() in _PLANT_NOUNS:
            # "the fabs operated by A", "a plant that is run by A"
            agents = [a for c in t.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ("operate", "run", "own")
                      and (c.dep_ == "acl" or any(s.dep_ == "nsubjpass" and s.tag_ == "WDT" for s in c.children))
                      for a in c.children if a.dep_ == "agent"]
        elif t.lower_ == "run" and t.tag_ == "NN" and any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in _PLANT_NOUNS
                                                          for c in t.children):
            agents = [a for a in t.children if a.dep_ == "prep" and a.lower_ == "by"]  # "a fab run by A", parsed as a noun "run"
        else:
            return []
        return [k for a in agents for o in a.children if o.dep_ == "pobj"
                for k in self.args(o) if isinstance(k, str) and self.etype(k) == EntityType.ORG]

    def _picked_from_group(self, t: Any) -> list[str]:
        """"Several of its subsidiaries, including A and B": a part of a group
        ("two of", "several of", "some of" + a group noun) whose examples are
        named stands for those named (the parser hangs "including" on the count)."""
        if t.lower_ not in _PART_WORDS and not (t.like_num and t.pos_ == "NUM"):
            return []
        groups = [o for p in t.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                  if o.dep_ == "pobj" and not self.key(o)
                  and (is_group_noun(o) or o.lemma_.lower() in ("subsidiary", "affiliate", "division"))]
        if not groups:
            return []
        return [k for host in [t, *groups] for c in host.children if c.dep_ == "prep" and (
                    c.lower_ in ("including", "like") or (c.lower_ == "as" and any(d.lower_ == "such" for d in c.children)))
                for o in c.children if o.dep_ == "pobj" for k in self.args(o) if isinstance(k, str)]

    def _counted_members(self, t: Any) -> list[str]:
        """"X and two of its subsidiaries, A and B": the parser may hang the
        names on X as an apposition; after a counted conjunct ("two of ...")
        they are members of the list, not other names of X."""
        counted = [c for c in t.conjuncts if c.lower_ in _COUNT_WORDS
                   and any(p.dep_ == "prep" and p.lower_ == "of" for p in c.children)]
        if not counted:
            return []
        after = min(c.i for c in counted)
        return [k for a in t.children if a.dep_ == "appos" and a.i > after
                for m in [a, *a.conjuncts] for k in [self.key(m)] if k and k != self.key(t)]

    def _last_member_described(self, t: Any) -> list[str]:
        """"A, B and C's server unit, D": the parser hangs the last member's
        description on the list's first name; the name that description gives
        (D, not its owner C) is a member too."""
        if not t.conjuncts:
            return []
        last = max(x.i for x in t.conjuncts)
        return [kd for c in t.children if c.dep_ == "appos" and c.pos_ == "NOUN" and not self.key(c) and c.i > last
                for d in c.children if d.dep_ == "appos" for kd in [self.key(d)] if kd]

    def _enumerated(self, t: Any, k: str, conj: bool) -> list[str]:
        """A name and the names the parser hung before it as modifiers of one
        enumeration ("makers Kestrel Aviation and Harrow Dynamics" read as
        "[Kestrel Aviation and] Harrow Dynamics"): every member, in order;
        and a name after the description set off by commas ("A, the world's
        biggest lidar maker, and battery giant B"), hung on the description."""
        out = [k]
        if conj:
            out += [kx for a in t.children if a.dep_ in ("appos", "relcl") and a.i > t.i and not self.key(a)
                    for x in [*(a.conjuncts if a.dep_ == "appos" else ()), *_closing_names(self, a)]
                    if x.i > a.i and x.left_edge.i > 1
                    and t.doc[x.left_edge.i - 1].lower_ in ("and", "or") and t.doc[x.left_edge.i - 2].text == ","
                    for kx in [self.key(x)] if kx and kx != k and kx not in out and self.etype(kx) == EntityType.ORG]
            out += [kx for kx in listed_as_apposition(self, t) if kx != k and kx not in out]
        if conj and any(c.dep_ == "cc" or c.lower_ == "and" for c in t.subtree):
            for c in t.children:
                kc = self.key(c)
                if c.dep_ == "nmod" and kc and kc != k and kc not in out and c.i < t.i:
                    out.insert(len(out) - 1, kc)
        return out

    def stand_in(self, t: Any) -> str | None:
        """The entity a pronoun, "the list" or "the government of X" stands for
        (None when it stands for none, or for two equally well)."""
        if t.i in self._resolving:
            return None
        self._resolving.add(t.i)
        try:
            low = t.lower_
            if t.pos_ == "NOUN" and t.lemma_.lower() in ("consortium", "syndicate", "alliance", "group", "team", "club") \
                    and not self.key(t):
                leaders = [k for c in t.children if c.dep_ == "acl" and c.lemma_.lower() in ("lead", "head", "form", "organise", "organize")
                           for p in c.children if p.dep_ in ("agent", "prep") and p.lower_ == "by"
                           for o in p.children if o.dep_ == "pobj" for k in [self.key(o)] if k]
                if len(leaders) == 1:
                    return leaders[0]  # "a consortium led by Bain Capital": the one who leads it
            if low == "itself":  # "Mubadala, which is itself owned by ...": the antecedent of the clause
                v = t.head
                while v.dep_ not in ("relcl", "ROOT") and v.head.i != v.i:
                    v = v.head
                if v.dep_ == "relcl":
                    return next((k for k in self.args(v.head, conj=False) if isinstance(k, str)), None)
                if t.dep_ == "attr" and t.head.lemma_ == "be":  # "X is itself owned by Y", read as "X is itself"
                    return next((k for c in t.head.children if c.dep_ == "nsubj"
                                 for k in self.args(c, conj=False) if isinstance(k, str)), None)
                return nearest_before_aside(self, t)  # "a unit of Y — itself acquired by Z": Y
            if low in PRONOUNS and t.tag_ in ("PRP", "PRP$"):
                first = coordinated_owner(t)  # "Its servers ..., and its phones ...": the first owner, even if unknown
                found = (self.key(first) or self.stand_in(first)) if first is not None else self.salience.pronoun(t, self)
                if found:
                    self.salience.resolved[t.i] = found
                return found
            if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in LIST_NOUNS:
                return described_list(self, t) or (self.salience.list_noun(t) if t.pos_ == "NOUN" else None)
            # (the tagger calls a lower-case "fab" after a possessive name a proper noun: "SMIC's Beijing fab")
            if (t.pos_ == "NOUN" or t.pos_ == "PROPN" and t.is_lower) and t.lemma_.lower() in _SITE_NOUNS \
                    and t.dep_ in ("pobj", "dative") and t.head.lower_ in ("to", "for", "from"):
                owner = self._site_owner(t)
                if owner:
                    return owner
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

    def _site_owner(self, site: Any) -> str | None:
        """The one organisation a site belongs to: "Hua Hong's fab", "an NUDT
        computing lab", "a plant of Orvane Systems".  Goods delivered to (or
        bought from) a company's site are delivered to (bought from) the
        company; a site named with two organisations says neither."""
        owners = {k for c in site.children if c.dep_ == "poss" for k in [self.key(c)] if k}
        owners |= {k for x in site.doc[site.left_edge.i:site.i] if x.dep_ in ("compound", "nmod", "amod", "poss")
                   for k in [self.key(x)] if k}
        owners |= {k for c in site.children if c.dep_ == "prep" and c.lower_ == "of"
                   for o in c.children if o.dep_ == "pobj" for k in [self.key(o)] if k}
        owners = {k for k in owners if self.etype(k) == EntityType.ORG}
        return owners.pop() if len(owners) == 1 else None

    def continued_list(self, tok: Any) -> list[str]:
        """The list a listing verb with no list named goes on adding to (see
        _continues_listing).  "named" as a clause's verb does only with "also"
        and without "as" ("Also named were X and Y", "The department also named
        X"): otherwise it names for many reasons ("the firms named" is the
        among-those-listed rule's)."""
        if tok.lemma_.lower() == "name" and tok.dep_ != "acl":
            # "were named alongside X": named with others the list took, as "also named" is
            also = any(c.dep_ == "advmod" and c.lower_ == "also" or c.dep_ == "prep" and c.lower_ in ("alongside", "along")
                       for c in tok.children)
            if not also or any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children):
                return []  # "named X as a witness": named as something else
        if tok.lemma_.lower() in NAMING_VERBS and any(c.dep_ in ("oprd", "attr") for c in tok.children):
            return []  # "a company named X": a name given, not a listing
        if tok.lemma_.lower() == "designate" and (sum(c.dep_ == "dobj" for c in tok.children) > 1 or any(
                c.dep_ in ("oprd", "attr", "dative", "xcomp") or c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)):
            return []  # "designated X (as) a national champion", "designated X a military company": a status given
        return [self.salience.current_list(tok.i)] if _continues_listing(self, tok, is_passive(tok)) else []

    def makers(self, scope: list[Any]) -> list[str]:
        """Organisations whose goods ``scope`` names (see _banned_in)."""
        return _banned_in(self, scope, set())

    def orgs(self, items: list[Any]) -> list[Any]:
        """Keep organisations (and placeholders); drop places, people, products."""
        return [x for x in items if isinstance(x, Placeholder) or self.etype(x) == EntityType.ORG or x == MILITARY_ID
                or x in self.governments]  # a state named as its government buys and owns like an organisation

    def is_authority(self, key: str) -> bool:
        """A ministry, regulator or government body (for rules that exclude them)."""
        return _is_authority(self, key)

    def is_country(self, key: str) -> bool:
        """A state the reference data knows (a country), not a city or region
        the text names: goods shipped "to Russia" went to a country's buyers,
        goods shipped "to Hong Kong" or "via Dubai" went through a place."""
        return self.etype(key) == EntityType.GPE and self.ents.get(key).reference

    def _units_of_named(self, t: Any) -> str | None:
        """"to units of CETC", "to two subsidiaries of Rostec": a buyer named
        only as some of a group's companies is that group."""
        if t.tag_ != "NNS" or t.lemma_.lower() not in _UNNAMED_UNITS or t.dep_ != "pobj" or t.head.lower_ not in ("to", "for"):
            return None
        groups = [k for p in t.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"
                  for k in [self.key(o)] if k and self.etype(k) == EntityType.ORG]
        return groups[0] if len(groups) == 1 else None

    def _company_before_its_town(self, v: Any) -> list[str]:
        """"shipped the parts to Bright Crest Ltd in Hong Kong, which forwarded
        them to Y": a place right after a company, then a relative clause
        whose verb is a company's (it trades, owns, makes): the company is
        what the clause describes, not its town."""
        town = v.head
        if v.lemma_.lower() not in org_patterns().company_verbs or self.etype(self.key(town)) != EntityType.GPE:
            return []
        first = town
        while first.i > 0 and self.key(first.doc[first.i - 1]) == self.key(town):
            first = first.doc[first.i - 1]
        if first.i < 2 or first.doc[first.i - 1].lower_ not in ("in", "at", "near") or first.doc[first.i - 1].head.i == town.i:
            return []
        company = self.key(first.doc[first.i - 2])
        return [company] if company and self.etype(company) == EntityType.ORG else []

    def is_defence_body(self, key: Any) -> bool:
        """A defence ministry or a state's armed forces, by name ("the Russian Ministry of Defence")."""
        if not isinstance(key, str) or key == MILITARY_ID:
            return False
        rec = self.ents.get(key)
        return bool(_DEFENCE_BODY_NAME.search(" ".join((rec.name, *rec.aliases))))

    def nearby_authority(self, tok: Any) -> list[str]:
        return nearby_authority(self, tok)

    def supply_attributes(self, obj: Any | None, trigger: Any) -> dict[str, str]:
        """Product and date of a supply fact (for the rule engine)."""
        return _supply_attributes(self, obj, trigger)

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
        """A military cue describes ``t`` itself ("defence linked buyers", "units
        of the army"), not a company named inside it ("two units of X, the
        military aircraft maker": X's description)."""
        for d in t.subtree:
            if d.lower_ in MIL_CUES and d.i != t.i and d.dep_ in ("amod", "compound", "npadvmod", "pobj", "nmod"):
                up, through_name = d.head, False
                while up.i != t.i and up.head.i != up.i:
                    through_name = through_name or self.key(up) is not None and self.key(up) != MILITARY_ID
                    up = up.head
                if not through_name:
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
        if not subj and v.tag_ == "VBN" and any(c.dep_ == "advmod" for c in v.children if c.i < v.i):
            # "Also named were two units of X, A and B": inverted, the subject read as the auxiliary's attribute
            subj = [c for a in v.children if a.dep_ == "auxpass" and a.i > v.i for c in a.children if c.dep_ == "attr"]
        if any(in_dateline(c) for c in subj):  # "HONG KONG, July 2 (Reuters) - X holds ...": X, not the city
            subj = [x for c in subj for x in (after_dateline(c) if in_dateline(c) else [c])]
        if len(subj) > 1:  # "The equipment maker ASML shipped": prefer the name
            subj = sorted(subj, key=lambda c: self.key(c) is None)
        if subj:
            s = subj[0]
            if s.pos_ == "ADV" and s.lower_ in _TOGETHER:  # "Three customers - A, B and C - together accounted ...",
                s = next((c for c in s.children if c.dep_ in ("compound", "nmod", "npadvmod")), s)  # "together" read as the subject
            if s.tag_ in ("WDT", "WP") or s.lower_ in ("which", "that", "who"):
                if v.dep_ == "ccomp" and v.head.dep_ == "relcl" and s.i < v.head.i:
                    return self.args(v.head.head)  # "firms that analysts say are owned by ...": the firms
                if v.dep_ == "relcl" and _on_description_phrase(self, v.head):
                    # "X, China's largest maker by revenue, which sells ...": the clause hung on the description's last noun
                    return self.args(v.head.head.head.head, conj=False)
                # "A, and two institutes that belong to Y": a plural noun coordinated after a name is its own antecedent;
                # "A, which is owned by Y, and B": names coordinated after the clause are not what it describes
                # "A, a foundry, and B, which makes chips for tanks": a singular verb on the last conjunct is about it alone
                singular = any(x.tag_ == "VBZ" for x in (v, *(c for c in v.children if c.dep_ in ("aux", "auxpass"))))
                found = self.args(self._unit_around(v.head), conj=not (v.head.dep_ == "conj" and (v.head.tag_ == "NNS" or singular)))
                found = self._company_before_its_town(v) or found
                later = {k for c in v.head.conjuncts if c.i > v.i or _across_semicolon(v.head, c) for k in [self.key(c)] if k}
                return [a for a in found if not (isinstance(a, str) and a in later)] if later else found
            if s.lower_ in PHASE_NUMERALS and s.i >= 2 and s.doc[s.i - 1].lower_ in PHASE_WORDS and self.key(s.doc[s.i - 2]):
                return self.args(s.doc[s.i - 2])  # "the Big Fund Phase I holds ...": the parser reads "I" as the subject
            named = self._named_before_count(s)
            if named:
                return named
            if not self.key(s) and s.lemma_.lower() in _PLANT_NOUNS:
                owners = [k for c in s.children if c.dep_ == "poss" for k in [self.possessor(c)] if k]
                if len(owners) == 1 and self.etype(owners[0]) == EntityType.ORG:
                    return owners  # "X's plant in Wuxi makes chips for Y": X makes them
            if s.lower_ in ("it", "we", "they") and depth < 4:
                # "Kestrel said it had received ...": the company that says it
                h = v
                while h.dep_ in ("ccomp", "conj", "advcl") and h.head.i != h.i:
                    h = h.head
                    if h.lemma_.lower() in REPORT_VERBS:
                        sayers = [a for a in self.subjects(h, depth + 1) if isinstance(a, Placeholder) or self.etype(a) == EntityType.ORG]
                        if all(isinstance(a, str) and self.is_authority(a) for a in sayers):
                            # "Commerce blacklisted X, saying it supports the military": the authority speaks of X
                            if h.dep_ == "advcl" and h.tag_ == "VBG":
                                acted_on = [a for c in h.head.children if c.dep_ == "dobj" for a in self.args(c)
                                            if isinstance(a, Placeholder) and a.plural  # "added five firms, saying they ..."
                                            or isinstance(a, str) and self.etype(a) == EntityType.ORG and not self.is_authority(a)]
                                return acted_on if len(acted_on) == 1 or s.lower_ == "they" else []
                            if not sayers and not _body_speaks_of_trader(s, h):
                                return []  # "Washington said it ...": a state speaking of itself
                            break  # "They support ..., said the Department of Defense": not the department
                        if s.lower_ == "they" and len(sayers) < 2:
                            break  # "they" is the speakers only when several speak
                        return sayers
            return self.args(s)
        if v.i >= 1 and v.tag_ in ("VBZ", "VBD", "VBP") and not v.doc[v.i - 1].is_punct:  # (not "re-exported")
            before = next((c for c in v.doc[v.i - 1].ancestors if c.dep_ == "conj" and c.right_edge.i == v.i - 1), None) \
                if v.doc[v.i - 1].dep_ != "conj" else v.doc[v.i - 1]
            if before is not None and _subject_of_next_verb(before):
                return self.args(before, conj=False)  # "A holds 70 percent and the group B holds the rest": B
        opening = bracket_opened(v) if v.dep_ in ("parataxis", "appos", "acl", "advcl") else None
        if opening is not None and opening.i >= 1 and self.key(v.doc[opening.i - 1]):
            return self.args(v.doc[opening.i - 1], conj=False)  # "Arm Ltd. (currently controlled by SoftBank)": the name before the bracket
        # the parser reads some "a deal to supply" as a relative clause with no relative pronoun
        infinitive = v.dep_ == "acl" or (v.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children))
        if infinitive and v.tag_ == "VB" and v.head.lemma_.lower() in _CONTRACT_NOUNS and v.head.dep_ == "dobj" \
                and v.head.head.pos_ == "VERB" and v.head.head.lemma_.lower() in _CONTRACT_WINS:
            return self.subjects(v.head.head, depth + 1)  # "X signed a contract to supply Y": X supplies
        if (v.dep_ in ("relcl", "acl") or participle_before_agent(v)) and v.head.i != v.i:
            return self.args(v.head, conj=False)
        early = [c for c in v.children if c.dep_ in ("npadvmod", "nmod", "compound") and c.i < v.i and self.key(c)]
        if early and v.tag_ in ("VBD", "VBZ", "VBP", "VBN") and not any(c.dep_ in ("aux", "auxpass") for c in v.children):
            return self.args(early[0])  # a subject the parser mislabelled ("TSMC manufactured ...")
        if v.dep_ in ("advcl", "conj") and v.i > 0:
            prev = v.doc[v.i - 1]
            while prev.i > 0 and (prev.dep_ in ("advmod", "npadvmod", "det", "amod") or prev.ent_type_ == "DATE"):
                prev = prev.doc[prev.i - 1]
            if prev.dep_ == "pobj" and prev.head.dep_ == "prep" and prev.head.lower_ in _CLAUSE_PREPS and prev.head.i == prev.i - 1:
                return self.args(prev)  # "after Beijing banned X" parsed as "after Beijing" + a subjectless verb
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
        if gov is not None and gov.pos_ not in ("VERB", "AUX") and gov.dep_ in ("oprd", "acomp", "dobj") \
                and (gov.pos_ in ("ADJ", "NUM") or gov.lemma_.lower() in _PENALTY_NOUNS) and gov.head.pos_ in ("VERB", "AUX"):
            gov = gov.head  # "pleaded guilty to exporting", "was fined $5 million for shipping": the verb's subject does it
        if gov is not None and gov.pos_ in ("VERB", "AUX"):
            obj = next((c for c in gov.children if c.dep_ == "dobj"), None)
            if obj is not None and not is_passive(gov) and (
                    gov.lemma_.lower() in LIST_VERBS | {"blacklist", "sanction", "target", "punish", "cite", "accuse", "identify",
                                                        "label", "brand", "deem", "classify", "describe", "regard", "flag"}
                    or gov.lower_ in _PENALISING_FORMS
                    or v.head.lower_ == "from"):  # "banning US firms from exporting": the firms export
                return self.args(obj)  # "Commerce placed X on the list for supporting ...": X does the supporting
            return self.subjects(gov, depth + 1)  # "X was cited for supporting ..."
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.pos_ in ("NOUN", "PROPN"):
            owners = [c for c in v.head.head.children if c.dep_ == "poss"]
            if owners:  # "DJI's involvement in providing drones", "X's role in supplying"
                return self.args(owners[0])
        if v.dep_ == "ROOT":
            return self._name_before_relative_clause(v)
        return []

    def _name_before_relative_clause(self, v: Any) -> list[Any]:
        """"X, which analysts say is building fabs for Y, was added": the parser
        made X the subject inside the relative clause and left the main verb
        without one; the name that opens the sentence, set off by the clause's
        commas, is its subject."""
        doc, start = v.doc, v.sent.start
        for _ in range(4):  # "French wafer maker X, in which ...": the description before the name
            if self.key(doc[start]) or start + 1 >= v.i or doc[start].pos_ not in ("ADJ", "NOUN", "DET"):
                break
            start += 1
        key = self.key(doc[start])
        if not key:
            return []
        end = start
        while end + 1 < v.i and self.key(doc[end + 1]) == key:
            end += 1
        first_aux = min([c.i for c in v.children if c.dep_ in ("aux", "auxpass")] + [v.i])
        # ", which ...", and ", in which ..." / ", of whom ...": a preposition before the pronoun
        opens = end + 2 < first_aux and (doc[end + 2].lower_ in ("which", "who", "that")
                                         or doc[end + 2].pos_ == "ADP" and doc[end + 3].lower_ in ("which", "whom"))
        if opens and doc[end + 1].text == "," and doc[first_aux - 1].text == ",":
            return [key]
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

    def _aside_read_as_subject(self, n: Any) -> Any | None:
        """"Among the firms named by X, the agency within Y, were A and B":
        a description set off by commas right after a name, which the
        parser made the verb's subject, describes that name; its last token."""
        doc, left, right = n.doc, n.left_edge.i, n.right_edge.i
        if left < 2 or right + 1 >= len(doc) or doc[left - 1].text != "," or doc[right + 1].text != "," or self.key(n):
            return None
        before = doc[left - 2]
        return before if self.key(before) else None

    def _name_hung_elsewhere(self, n: Any, nxt: Any | None) -> Any | None:
        """The root of the company name right after the possessed singular
        noun ``n`` ("its subsidiary SEMES"), when the parser hung the name
        outside the noun's phrase; None otherwise."""
        if nxt is None or n.tag_ != "NN" or not any(c.dep_ == "poss" for c in n.children):
            return None
        key = self.key(nxt)
        inside = {x.i for x in n.subtree}
        if not key or self.etype(key) != EntityType.ORG or nxt.i in inside:
            return None
        end = nxt.i
        while end < len(n.doc) and self.key(n.doc[end]) == key:
            end += 1
        root = n.doc[nxt.i:end].root
        return root if root.i not in inside else None

    def described(self, n: Any) -> list[Any]:
        """The entity a description noun is about: appositions, copulas, "as"."""
        if n.dep_ == "conj" and any(c.dep_ == "det" and c.lower_ in ("both", "all", "each") for c in n.children):
            first = n
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head  # "Intel and Qualcomm, both major suppliers to Apple", parsed as a third conjunct
            return [k for k in self.args(first) if isinstance(k, str)]
        if n.dep_ == "conj" and n.head.i != n.i:
            first = n
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head
            if first.dep_ == "appos" and first.pos_ == "NOUN" and not self.key(first):
                return self.described(first)  # "X, its largest customer and one of its shareholders": both describe X
        if n.dep_ == "appos":  # a plural description is of every name listed ("A and B, both suppliers to C")
            if _describes_some(n):
                return []  # "nine companies, among them two subsidiaries of X": a part of the group, not all of it
            plural = n.tag_ in ("NNS", "NNPS") and not self.key(n)
            return self.args(self._named_with_place(n.head if plural else _apposition_anchor(n)), conj=plural)
        for c in n.children:
            if c.dep_ == "appos" and (self.key(c)):
                return self.args(c)
        if not self.key(n):  # "the state defence conglomerate Rostec": the name right after, read as a modifier
            after = [c for c in n.children if c.i == n.i + 1 and c.dep_ in ("amod", "nmod", "npadvmod")
                     and self.key(c) and self.etype(self.key(c)) == EntityType.ORG]
            if after:
                return self.args(after[0], conj=False)
            nxt = n.doc[n.i + 1] if n.i + 1 < len(n.doc) else None
            if nxt is not None and n.dep_ in ("nsubj", "nsubjpass") and nxt.dep_ == n.dep_ and nxt.head.i == n.head.i \
                    and self.key(nxt) and self.etype(self.key(nxt)) == EntityType.ORG:
                return self.args(nxt, conj=False)  # ... or as a second subject of the verb ("The ... conglomerate Rostec holds")
            named_next = self._name_hung_elsewhere(n, nxt)
            if named_next is not None:  # "relies on its equipment subsidiary SEMES for bonders", the name hung on the verb
                return self.args(named_next, conj=False)
        listed_after = _named_after_owner(n)
        if listed_after:  # "two subsidiaries of X, A and B": A and B
            return [k for m in listed_after for k in [self.key(m)] if k]
        doc = n.doc
        if n.i + 2 < len(doc) and doc[n.i + 1].text == "," and self.key(doc[n.i + 2]) and doc[n.i + 2].dep_ in ("conj", "appos", "compound") \
                and not self.key(n):
            if n.tag_ == "NNS":  # "two of its subsidiaries, A and B": the names listed after it
                first = doc[n.i + 2]
                while self.key(first.head) == self.key(first) and first.head.i != first.i:
                    first = first.head
                return [k for c in [first, *first.conjuncts] if c.i > n.i for k in [self.key(c)] if k]
            return self.args(doc[n.i + 2], conj=False)  # "another SMIC subsidiary, SMBC," parsed as a list
        if n.dep_ == "attr":
            before = _name_before_comma(n)
            if before is not None and self.key(before) and any(
                    c.dep_ == "attr" and c.i < before.i for c in n.head.children):
                # "X is a unit of Y (YC), the maker of tanks": a second attribute past a comma is Y's apposition
                return self.args(before, conj=False)
            return self.subjects(n.head)
        if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lower_ in ("one", "some"):
            return self.described(n.head.head)  # "X is one of the largest shareholders of Y"
        count = n.head.head if n.dep_ == "pobj" and n.head.lower_ == "of" else None
        if count is not None and count.lower_ in _COUNT_WORDS and count.dep_ == "appos" and n.tag_ == "NNS":
            first = count.head  # "A and B, two of the country's largest defence groups": both of them
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head
            return [k for k in self.args(first) if isinstance(k, str)]
        if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lower_ in _COUNT_WORDS and n.tag_ == "NNS":
            # "two of its subsidiaries, A and B": the names the parser coordinates with the count word
            named = [k for c in n.head.head.conjuncts if c.i > n.i for k in [self.key(c)] if k]
            if named:
                return named
        if n.dep_ == "pobj" and n.head.lower_ in ("as", "among") and (
                n.head.head.pos_ in ("AUX", "VERB") or n.head.head.pos_ == "ADJ" and n.head.head.lower_.endswith("ed")):
            # ("qualified as a second source", the participle read as an adjective)
            v = n.head.head
            obj = next((c for c in v.children if c.dep_ == "dobj"), None)
            if obj is not None and n.head.i > obj.i:  # "the Pentagon named X among military firms": X, not the Pentagon
                return self.args(obj)
            if obj is None and n.head.lower_ == "as" and v.lemma_.lower() in _DESIGNATING and not is_passive(v):
                # "the firms the Pentagon identified as military firms": the firms, never the one who identifies
                if v.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in v.children):
                    return self.args(v.head, conj=False)
                return []
            return self.subjects(v)  # "As a subsidiary of Y, X ...", "X is among the buyers of Y"
        if n.dep_ == "nsubj":
            aside = self._aside_read_as_subject(n)
            if aside is not None:
                return self.args(aside, conj=False)
        if n.dep_ in ("nsubj",) and n.head.lemma_ == "be":
            return [a for c in n.head.children if c.dep_ == "attr" for a in self.args(c)]
        # "Huawei's chip unit HiSilicon": the name sits in a compound under the noun
        comp = [c for c in n.children if c.dep_ == "compound" and self.key(c) and c.i > n.i]
        if comp:
            return self.args(comp[0])
        if any(c.dep_ == "poss" for c in n.children):
            # "its Westinghouse subsidiary", "Toshiba's memory unit Kioxia": with an owner named, the name before is the unit
            before = [c for c in n.children if c.dep_ == "compound" and self.key(c) and c.i < n.i
                      and self.etype(self.key(c)) == EntityType.ORG]
            if before:
                return self.args(before[-1], conj=False)
        if n.dep_ == "compound" and self.key(n.head) and n.head.i > n.i:
            return self.args(n.head, conj=False)  # "its parent Wingtech" parsed with "parent" as a modifier
        named = name_before_its(n, self.ents.key_at)  # "X fell after Y, its main client, cut orders": Y
        return [named] if named and self.etype(named) == EntityType.ORG else []

    def _named_with_place(self, t: Any) -> Any:
        """"ATIC (the short form) of Abu Dhabi, a subsidiary of ...": a place
        that only says where a named organisation sits stands for that
        organisation, so the description is about the organisation."""
        if self.etype(self.key(t)) == EntityType.GPE and t.dep_ == "pobj" and t.head.lower_ in ("of", "in", "from") \
                and self.etype(self.key(t.head.head)) == EntityType.ORG:
            return t.head.head
        return self._unit_around(t)

    def _unit_around(self, t: Any) -> Any:
        """"the 41st Research Institute of Norvik Group, a military
        institute" (or ", which designs radars"): the parser hangs what follows
        on the parent's name, but the parent is part of the unit's name (its
        "of" belongs to the unit's mention), so what follows is about the unit."""
        unit = self.key(t.head) if t.dep_ == "pobj" and t.head.lower_ == "of" else None
        if unit and unit != self.key(t) and self.etype(unit) == EntityType.ORG and self.key(t.head.head) == unit:
            return t.head.head
        return t

    def possessor(self, c: Any) -> str | None:
        """What a possessive names: a name, "the chipmaker's" (a description
        standing for one), or "its"."""
        k = self.key(c)
        if k is None and is_group_noun(c):
            k = self.definite_reference(c)
            described = next((self.key(_apposition_anchor(a)) for a in c.ancestors if a.dep_ == "appos"), None)
            if k is not None and k == described:
                # "X, the company's wholly owned subsidiary": the company is another than X: the one X is named
                # after ("TSMC Arizona, the company's unit": TSMC), else the one named before
                k = self._named_after(described) or self.salience.previous(c, {described})
            elif k is not None and k == self._copula_subject(c):
                k = self.salience.previous(c, {k})  # "Y is the company's largest shareholder": the company is not Y
        return k or self.stand_in(c)

    def _copula_subject(self, c: Any) -> str | None:
        """The named subject of the copula whose predicate noun ``c`` is the possessive of."""
        attr = c.head
        if c.dep_ != "poss" or attr.dep_ != "attr" or attr.head.lemma_ not in ("be", "remain", "become"):
            return None
        return next((self.key(s) for s in attr.head.children if s.dep_ == "nsubj" and self.key(s)), None)

    def _named_after(self, key: str) -> str | None:
        """The one other organisation of the text whose name (or alias) opens
        the name of ``key`` ("TSMC" of "TSMC Arizona")."""
        words = normalise_name(self.ents.get(key).name).split()
        found = {r.key for r in self.ents.records.values()
                 if r.key != key and r.type == EntityType.ORG and r.mentions
                 and any(0 < len(w := normalise_name(n).split()) < len(words) and words[:len(w)] == w for n in (r.name, *r.aliases))}
        return found.pop() if len(found) == 1 else None

    def sole_possessor(self, n: Any) -> list[str]:
        """The owner a possessive names on ``n`` when the clause around it
        does not assert it ("plans to sell its Kestrel unit"): a name, or an
        "its" with no other organisation named before it in the sentence.
        A hedged clause gives the possessive no subject to check "its"
        against, so "to save Toshiba from the collapse of its unit" (whose
        "its" the sentence's subject would take) names no owner."""
        out = []
        for c in n.children:
            k = self.possessor(c) if c.dep_ == "poss" else None
            if k is None or k in out:
                continue
            if c.tag_ == "PRP$" and any(o != k for o in self.salience.orgs_between(c.sent.start, c.i)):
                continue
            out.append(k)
        return out

    def listed_owner(self, t: Any) -> list[str]:
        """"moves its lines to Hong Kong-listed affiliate X", "by having Y be
        acquired by Shenzhen-listed subsidiary X", "runs the plant through
        wholly owned subsidiary X": a subsidiary named by where its shares
        trade or how it is owned, with no owner of its own named, is the one who acts
        in its clause: the nearest active subject up the chain of verbs
        (xcomp, ccomp, a preposition's clause; never across "and"), passing
        over those acted on (Y, acquired, is not X's owner).  A subject that
        is no organisation ("Regulators fined listed subsidiary X") names none."""
        name = t.head
        own = [c for x in (t, name) for c in x.children]
        # "through wholly owned subsidiary X": owned, as listed, says whose only through who acts
        if not any(c.dep_ == "amod" and c.lower_ in ("listed", "owned") for c in own) \
                or any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of" for c in own):
            return []
        if is_trade_counterpart(name):
            return []  # "Y bought the plant from wholly owned subsidiary X": the other side of a trade is not Y's
        acted_on = {self.key(name)}
        v = name.head
        for _ in range(8):
            while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
                v = v.head
            # "have Y acquired by X", parsed with Y as an active subject: a verb with an agent acts on its subject
            patient = ("nsubjpass", "dobj", "nsubj") if any(c.dep_ == "agent" for c in v.children) else ("nsubjpass", "dobj")
            acted_on |= {k for c in v.children if c.dep_ in patient for k in self.args(c, conj=False) if isinstance(k, str)}
            subjects = [c for c in v.children if c.dep_ == "nsubj" and "nsubj" not in patient]
            if subjects:
                found = {k for c in subjects for k in self.args(c, conj=False) if isinstance(k, str)}
                # "Its plant, run by wholly owned subsidiary X, ...": a site acts for the company whose it is
                found |= {k for c in subjects if c.lemma_.lower() in _PLANT_NOUNS for p in c.children if p.dep_ == "poss"
                          for k in [self.possessor(p)] if k}
                actors = {k for k in found if k not in acted_on and self.etype(k) == EntityType.ORG}
                if actors or not found:
                    return list(actors) if len(actors) == 1 else []
            if v.dep_ in ("conj", "relcl", "ROOT") or v.head.i == v.i:
                return []
            v = v.head
        return []

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
            k = self.possessor(c) if c.dep_ == "poss" else self.key(c) if c.dep_ in ("compound", "nmod") else None
            if k:
                out.append(k)
            if c.dep_ == "compound" and c.i < n.i and (k is None or self.etype(k) != EntityType.ORG):
                # "CXMT DDR5 modules": the maker before the product's own name
                out += [m for g in c.children if g.dep_ == "compound" and g.i < c.i
                        for m in [self.key(g)] if m and m not in out and self.etype(m) == EntityType.ORG]
            out += [k for k in self._maker_before_hyphen(c) if k not in out]
        return out

    def _maker_before_hyphen(self, c: Any) -> list[str]:
        """"SMIC-made chips", "ASML-built scanners": the company joined by a
        hyphen to the participle that modifies the goods is their maker."""
        if c.dep_ != "amod" or c.lemma_.lower() not in _MAKER_PARTICIPLES or c.i < 2 or c.doc[c.i - 1].text != "-":
            return []
        k = self.key(c.doc[c.i - 2])
        return [k] if k and self.etype(k) == EntityType.ORG else []

    # -- output --------------------------------------------------------------
    def emit(self, heads: list[Any], rtype: RelationType, tails: list[Any], trigger: Any, method: str,
             confidence: float, attributes: dict[str, str] | None = None) -> None:
        # a description that is not the predicate states its fact whatever the clause around it does:
        # "its controlling shareholder, X, would cover the loss" still says X is the shareholder
        presupposed = (trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubj", "nsubjpass", "appos", "compound", "poss")) \
            or trigger.dep_ == "amod" \
            or trigger.pos_ == "NOUN" and any(c.dep_ == "appos" and self.key(c) for c in trigger.children)
        # ("the blacklisted firm X denied ..." still calls X blacklisted; "may add X's parent, Y, to the list" names Y the parent)
        if not is_asserted(trigger, stop=trigger if presupposed else None, past_counts=rtype is R.SUPPLIED) \
                or denied_before(self.sent, trigger):
            return
        for h in heads:
            if rtype is R.BANNED and isinstance(h, str) and self.is_authority(h):
                continue  # "Congress voted to bar the Pentagon from contracting with them": no product of a body is banned
            for t in tails:
                if h is t or (isinstance(h, str) and h == t):
                    continue
                self.facts.append(Fact(h, rtype, t, self.sent, method, confidence, dict(attributes or {})))


#: words the parser may take for a subject they only qualify ("A and B together accounted for ...")
_TOGETHER = frozenset("together combined collectively jointly alone".split())

#: companies of a group named by their kind only ("units of CETC")
_UNNAMED_UNITS = frozenset("unit subsidiary affiliate arm division entity company firm institute".split())


def _named_by_description(noun: Any) -> Any | None:
    """The name a description that ``noun`` ends stands beside: in "X, a
    maker of laser diodes" the diodes' description is "a maker", set beside
    X; None when ``noun`` is in no such description."""
    for _ in range(3):
        if noun.dep_ == "pobj" and noun.head.lower_ in ("of", "for"):
            noun = noun.head.head
        elif noun.dep_ == "compound":
            noun = noun.head
        else:
            break
    return noun.head if noun.dep_ == "appos" and noun.head.i < noun.i else None


#: government bodies named only by their noun ("the department said"), which the article names elsewhere
_BODY_NOUNS = frozenset("department ministry agency bureau regulator commission committee office officials authorities watchdog".split())


def _body_speaks_of_trader(it: Any, said: Any) -> bool:
    """"It sells radar parts to the army, the department said": a body named
    only by its noun reports on someone else, and a government body does not
    trade, so an "it" that sells, supplies or ships is the company the
    article spoke of (found as any pronoun is), not the speaker.  Making
    goods for someone ("builds radios for the army") is trade too."""
    return it.head.lemma_.lower() in supply_verbs() | load_grammar("en").word_class("core_make_verbs") and any(
        c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.lemma_.lower() in _BODY_NOUNS for c in said.children)


def _describes_some(n: Any) -> bool:
    """An apposition that picks some of its head's group ("among them two
    subsidiaries of X", "two of them X's units") or counts fewer than the head
    ("nine companies, two subsidiaries of X")."""
    if any(picks_from_them(c, ("among", "of")) for c in n.children):
        return True
    own, whole = stated_count(n), stated_count(n.head)
    return own is not None and whole is not None and own < whole


def _named_after_owner(n: Any) -> list[Any]:
    """"two subsidiaries of X, A and B": the parser coordinates A and B with
    X; when as many names follow X's comma as the count says, they are the
    members the noun counts (their tokens), not more owners."""
    if n.tag_ != "NNS":
        return []
    count = next((_COUNT_WORDS.get(c.lower_, 0) for c in n.children if c.dep_ == "nummod"), 0)
    if count < 2:
        return []
    for o in (o for p in n.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"):
        after = [c for c in o.conjuncts if c.i > o.i]
        if len(after) == count and o.i + 1 < len(o.doc) and o.doc[o.i + 1].text == ",":
            return after
    return []


def _count_of(t: Any) -> int:
    """How many organisations a count word or counted description stands
    for: "both" 2, "all three" 3, "the three telcos" 3; 0 for none."""
    count = _COUNT_WORDS.get(t.lower_)
    if count and any(c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and o.tag_ == "NNS" for o in c.children)
                     for c in t.children):
        return 0  # "two of its subsidiaries": a part of a group, named (if at all) there, not those named before
    if count:
        n = count if count > 0 else next((_COUNT_WORDS.get(c.lower_, 0) for c in t.children if c.dep_ in ("nummod", "det")), 0)
        if t.lower_ == "all":
            n = next((_COUNT_WORDS[c.lower_] for c in t.head.children if c.lower_ in _COUNT_WORDS and c.i == t.i + 1), 0) or n
        return n
    if t.tag_ == "NNS" and is_group_noun(t) and any(c.dep_ in ("det", "predet", "preconj") and c.lower_ == "both" for c in t.children):
        return 2  # "supplied both companies"
    if t.tag_ == "NNS" and is_group_noun(t) and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those", "all") for c in t.children):
        return next((_COUNT_WORDS[c.lower_] for c in t.children if c.dep_ == "nummod" and c.lower_ in _COUNT_WORDS), 0)
    return 0


def _closing_names(ctx: _Ctx, desc: Any) -> list[Any]:
    """Names the parser hung as the last conjunct of a plain noun deep inside
    a description set off by commas ("A, a Beijing maker of etching
    equipment, and B": B read as more "equipment"; "A, which builds tools,
    and B"): the name closes the description, so it is one more item of the
    list A is in.  A name coordinated with another name there ("A, a supplier
    to C, D, and E") stays inside the description: that list is its own."""
    return [x for x in desc.subtree if x.dep_ == "conj" and x.head.i != desc.i and x.right_edge.i == desc.right_edge.i
            and (x.head.pos_ == "NOUN" and not ctx.key(x.head) or _after_two_item_comma(ctx, x))]


def _after_two_item_comma(ctx: _Ctx, x: Any) -> bool:
    """"A, a unit of B, and C": C is the only name coordinated with B, after
    a comma and "and"; two items take no serial comma, so the comma closes
    the description and C is one more item of the list A is in ("A, a
    supplier to C, D, and E" has three items: that list is the
    description's own)."""
    head = x.head
    first = x.left_edge.i
    return bool(ctx.key(head)) and ctx.etype(ctx.key(x)) == EntityType.ORG and [c.i for c in head.conjuncts] == [x.i] \
        and first >= 2 and x.doc[first - 1].lower_ == "and" and x.doc[first - 2].text == ","


def _closes_clause(tok: Any, c: Any) -> bool:
    """"A, which is owned by B, and C": C, after a comma that no third item
    explains (two items take no serial comma), ends the clause around B; it is
    no second owner.  Only inside a relative clause or description.

    "They are A, a unit of B; C, part of D; and E": after a semicolon the
    next item of the outer list begins, so nothing inside the description
    of A runs on past it."""
    if c.i > tok.i and _across_semicolon(tok, c) \
            and any(a.dep_ in ("relcl", "appos") and a.pos_ != "PROPN" for a in tok.ancestors):
        return True
    if len(tok.conjuncts) != 1 or c.i < tok.i:
        return False
    start = c.left_edge.i
    if start < 2 or c.doc[start - 1].lower_ not in ("and", "or") or c.doc[start - 2].text != ",":
        return False
    return any(a.dep_ in ("relcl", "appos") for a in tok.ancestors)


def _across_semicolon(tok: Any, c: Any) -> bool:
    """"A, a unit of X; B, which belongs to Y; and C": a conjunct of ``tok``
    on the other side of a semicolon is another item of a list whose items
    carry descriptions of their own; what ``tok``'s relative clause says is
    not said of it."""
    lo, hi = sorted((tok.i, c.i))
    return any(t.text == ";" for t in tok.doc[lo + 1:hi])


def _object_of_the_clause_before(t: Any) -> Any | None:
    """The object "them" takes up in a participle clause that goes on from
    its main clause ("designated X and two affiliates, adding them to its
    list"): the main verb's one object; None for any other token."""
    if t.lower_ != "them" or t.dep_ != "dobj" or t.head.tag_ != "VBG" or t.head.dep_ != "advcl":
        return None
    objects = [c for c in t.head.head.children if c.dep_ == "dobj"]
    return objects[0] if len(objects) == 1 else None


def _apposition_anchor(appos: Any) -> Any:
    """The name a description in apposition is about.  "A and B, the server
    maker that ...": the parser hangs the description on A, but it stands
    right after B (past the comma) and is B's; else the token it hangs on."""
    head = appos.head
    last = max(head.conjuncts, key=lambda c: c.i, default=None)
    if last is not None and last.i > head.i and last.right_edge.i + 2 == appos.left_edge.i \
            and appos.doc[last.right_edge.i + 1].text == ",":
        return last
    before = _name_before_comma(appos)
    if before is not None and before.i > head.i:
        return before  # "Assembly will stay with X (SPIL), the packaging subsidiary of Y": hung on the subject, X's
    return head


def _introduced_as_example(appos: Any) -> bool:
    """"bought the parts from distributors, among them Arrow": a name after
    "among them" (or "including") is one of a group named before, which the
    parser may hang on the wrong noun ("the parts"); it is never that noun."""
    return any(ch.dep_ == "prep" and ch.lower_ in ("among", "including", "amongst") and ch.i < appos.i for ch in appos.children)


def _name_before_comma(appos: Any) -> Any | None:
    """The proper noun that ends the phrase right before the comma opening
    ``appos`` (past an acronym in brackets), if any."""
    doc, i = appos.doc, appos.left_edge.i - 1
    if i < 1 or doc[i].text != ",":
        return None
    j = i - 1
    if doc[j].text == ")":
        j = next((k - 1 for k in range(j - 1, max(j - 5, 0), -1) if doc[k].text == "("), -1)
    if j < 0 or doc[j].pos_ != "PROPN":
        return None
    while doc[j].dep_ == "compound" and doc[j].head.i > j and doc[j].head.pos_ == "PROPN" and doc[j].head.i < i:
        j = doc[j].head.i
    return doc[j]


def _subject_of_next_verb(c: Any) -> bool:
    """"A holds 70 percent and the local group B holds the rest": the parser
    joins B to "70 percent" and leaves the verb after it with no subject; B
    is that verb's subject, no second thing A holds.  True when the word
    right after ``c``'s phrase is a finite verb with no subject of its own."""
    nxt = c.right_edge.i + 1
    if nxt >= len(c.doc):
        return False
    verb = c.doc[nxt]
    return verb.tag_ in ("VBZ", "VBD", "VBP", "MD") and verb.dep_ in ("advcl", "conj", "ccomp", "relcl", "ROOT") \
        and not any(ch.dep_ in ("nsubj", "nsubjpass", "expl") for ch in verb.children)


def as_well_as(t: Any) -> list[Any]:
    """"A as well as B": B, the item the parser does not join to A as a
    conjunct.  It hangs "as" on A as a coordinator (B then the next object of
    A's preposition, or the object of "as") or on A's verb as a preposition
    right after A ("added A as well as B to the list"); "along with B" or
    "together with B" on the verb of a listed or passive A adds B the same way."""
    out: list[Any] = []
    for c in t.children:
        if c.lower_ == "as" and c.dep_ in ("cc", "prep") and any(a.lower_ == "well" for a in c.children):
            out += [o for o in c.children if o.dep_ == "pobj"]
            if c.dep_ == "cc" and t.head.i != t.i:
                out += [o for o in t.head.children if o.dep_ == t.dep_ and o.i > c.i]
    if t.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and t.head.i != t.i:
        for c in t.head.children:
            if c.lower_ == "as" and c.dep_ in ("prep", "cc") and c.left_edge.i == t.right_edge.i + 1 \
                    and any(a.lower_ == "well" for a in c.children):
                out += [o for o in c.children if o.dep_ == "pobj"]
    if t.dep_ in ("dobj", "nsubjpass") and t.head.i != t.i:  # "added A to the list, along with B": B is added too
        out += joined_with(t.head, t.i, alongside=t.dep_ == "nsubjpass")  # "A was added alongside B"
    if t.dep_ in ("nsubj", "nsubjpass", "dobj"):  # "A, along with its affiliate B, acquired ...": hung on A itself
        out += joined_with(t, t.i, alongside=t.dep_ != "dobj")
    if t.dep_ == "nsubj" and t.head.i != t.i:
        # "A remains a shareholder of X, alongside B", "A holds a stake in X alongside B": B does it too (not
        # "holds a stake in X alongside its chip business": only names count)
        for held in [t.head] + [c for c in t.head.children if c.dep_ in ("attr", "dobj")]:
            out += [o for c in held.children if c.dep_ == "prep" and c.lower_ == "alongside" and c.i > t.i
                    for o in c.children if o.dep_ == "pobj"]
    return [b for o in out for b in (o, *o.conjuncts) if not _negated_conjunct(b)]


def _military_unit(ctx: Any, t: Any) -> bool:
    """``t`` names a branch or unit the military owns: "the PLA's Strategic
    Support Force", "the Russian army's drone unit X"."""
    first = t
    while ctx.key(first.head) == ctx.key(t) and first.head.i != first.i:
        first = first.head  # the name's head token holds its possessor
    return any(c.dep_ == "poss" and ctx.key(c) == MILITARY_ID for x in {t, first} for c in x.children)


def _on_description_phrase(ctx: Any, n: Any) -> bool:
    """``n`` ends a description of a name with a phrase that is no company
    ("X, China's largest maker by revenue, which ..."): a noun under a
    preposition of a company noun set beside a name."""
    if ctx.key(n) or n.dep_ != "pobj" or n.head.dep_ != "prep" or is_group_noun(n):
        return False
    desc = n.head.head
    return desc.dep_ == "appos" and desc.pos_ == "NOUN" and not ctx.key(desc) and is_group_noun(desc) \
        and bool(ctx.key(desc.head)) and desc.head.i < desc.i


def _negated_conjunct(t: Any) -> bool:
    """"Apple, but not Huawei": a conjunct the text excludes; and "A, B and
    Huawei's unit X" misparsed with the possessor as a conjunct (it is X's owner,
    not an item of the list)."""
    start = t.left_edge.i  # "but not Corvel Memory": the parser hangs "not" on the name's first word
    return any(c.dep_ == "neg" or c.lower_ == "not" or c.dep_ == "case" for c in t.children) \
        or (start > 0 and t.doc[start - 1].lower_ == "not") \
        or any(c.dep_ == "neg" and c.i < t.i for c in t.subtree)


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
    if obj is None or ctx.key(obj) or obj.pos_ == "PRON":
        return None  # "forwarded them to Y": a pronoun names no product
    toks = [t for t in obj.subtree if t.i <= obj.i and t.dep_ not in ("det", "poss", "nummod", "case") and not ctx.key(t)
            and not t.is_punct and t.lower_ not in ("other", "some", "such", "key", "several", "many")]
    words = [t.text for t in toks if t.i >= (toks[0].i if toks else obj.i)]
    if not words:
        return None
    if len(words) == 1 and obj.lemma_.lower() in PRODUCT_GENERIC | {"product", "item"}:
        return None
    return " ".join(words)


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
    if not any(window_start <= i < tok.i for i, key in ctx.salience.list_mentions if key == current) \
            and not _also_added_to_the_one_list(ctx, tok, passive):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("to", "on", "onto") for c in tok.children):
        return False  # added to something else ("added capacity to its fab")
    if _stock_listing(ctx, tok):
        return False
    if passive:
        return True
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    if not subj:
        return False
    words = {t.lower_ for t in subj[0].subtree}
    k_subj = ctx.key(subj[0])
    return bool(words & _LISTING_BODIES) or bool(k_subj and _is_authority(ctx, k_subj))


#: words of a stock market: "listed on the Nasdaq", "listed on the Shanghai exchange"
_BOURSE_WORDS = frozenset("exchange bourse nasdaq nyse market board star chinext".split())


def _stock_listing(ctx: _Ctx, tok: Any) -> bool:
    """"X, which is listed in Shenzhen", "publicly listed", "listed on the
    Nasdaq": a company's shares listed on a market, not a list it was put on."""
    if tok.lemma_.lower() != "list":
        return False
    if any(c.dep_ == "advmod" and c.lower_ in ("publicly", "dual") for c in tok.children):
        return True
    return any(o.dep_ == "pobj" and (ctx.etype(ctx.key(o)) == EntityType.GPE or o.lower_ in _BOURSE_WORDS
                                     or any(d.lower_ in _BOURSE_WORDS for d in o.subtree))
               for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "on") for o in c.children)


def _also_added_to_the_one_list(ctx: _Ctx, tok: Any, passive: bool) -> bool:
    """"X had also been added", further on in an article that named one
    list only: the same list, however many sentences back."""
    return passive and any(c.dep_ == "advmod" and c.lower_ == "also" for c in tok.children) \
        and not any(c.dep_ in ("prep", "dative") for c in tok.children) \
        and len({key for i, key in ctx.salience.list_mentions if i < tok.i}) == 1


#: nouns right before a name that make it a regulator's ("the telecoms regulator PTS")
_REGULATOR_NOUNS = frozenset("regulator watchdog ministry agency authority commission".split())
_AUTHORITY_NAME = re.compile(r"\b(department|ministry|bureau|administration|commission|office|agency|pentagon|government|treasury)\b", re.I)
#: a state's armed forces or their ministry by name: a seller to one supplies the military
_DEFENCE_BODY_NAME = re.compile(
    r"\b(ministry of (national )?defen[cs]e|defen[cs]e ministry|department of defen[cs]e|defen[cs]e department|pentagon|"
    r"armed forces|people's liberation army|bundeswehr|ministerie van defensie|verteidigungsministerium|"
    r"bundesministerium der verteidigung)\b", re.I)


def nearby_authority(ctx: _Ctx, tok: Any) -> list[str]:
    """The one authority named near ``tok`` (two sentences either side): who
    made a rule the sentence names only as "the rule change" or "the order"
    ("The rule change bars them ... The FCC made its order public")."""
    found = [k for k in ctx.salience.nearby_orgs(tok.i) if _is_authority(ctx, k)]
    return found if len(found) == 1 else []


def _is_authority(ctx: _Ctx, key: str) -> bool:
    """A body that keeps lists rather than one put on them (the Pentagon,
    the Commerce Department)."""
    rec = ctx.ents.get(key)
    if _AUTHORITY_NAME.search(" ".join((rec.name, *rec.aliases))):
        return True
    # "Sweden's telecoms regulator PTS", "the watchdog, PTS": a name the article gives a regulator
    return any(s > 0 and ctx.doc[s - 1].lemma_.lower() in _REGULATOR_NOUNS for s, _ in rec.mentions)


def pentagon_list_name(date: str | None) -> str:
    """The Pentagon's list of Chinese military companies at an article's
    date: published under Section 1237 until 2020, under Section 1260H from
    2021 (an undated article gets the current one)."""
    return "DoD Section 1237 list" if date and date[:4] < "2021" else "DoD Section 1260H list"


@functools.lru_cache(maxsize=1)
def military_list_ids() -> frozenset[str]:
    """Lists of Chinese military companies: being on one is a military link
    (shared with the Dutch and German rules)."""
    from chipgraph.graph.model import MILITARY_LIST_NAMES, entity_id

    return frozenset(entity_id(n, EntityType.LIST) for n in MILITARY_LIST_NAMES)


def _banned_in(ctx: _Ctx, scope: list[Any], exclude: set[str]) -> list[Any]:
    """Organisations whose products ``scope`` names, skipping anything sold *to*
    someone ("ban exports to Huawei" restricts sales to Huawei: not BANNED).
    Goods "from five Chinese companies" name their makers as a description
    (a placeholder) that a later "They include A and B" fills in."""
    out: list[Any] = []
    todo = list(scope)
    while todo:
        t = todo.pop()
        if t.dep_ in ("prep", "dative") and t.lower_ in ("to", "for", "with"):
            continue
        if t.pos_ == "VERB" and t.lemma_.lower() in supply_verbs() | {"serve", "do", "work", "deal", "trade"}:
            if t.dep_ == "acl" and t.tag_ == "VBN":  # "kit supplied by Huawei": the goods its seller sells
                todo.extend(c for c in t.children if c.dep_ == "agent")
            continue  # "banned firms from supplying Huawei": Huawei is the buyer, not the banned maker
        k = ctx.key(t)
        if k and ctx.etype(k) == EntityType.ORG and k not in exclude and k not in out:
            out.append(k)
        elif k is None and t.tag_ == "NNS" and is_group_noun(t) and t.dep_ == "pobj" and t.head.lower_ in ("from", "of", "by"):
            out.append(ctx.placeholder(t))  # "equipment from five Chinese companies": the makers, named later
        elif k is None and t.tag_ == "NNS" and is_group_noun(t) and t.dep_ == "dobj" and _barred_from_own_market(ctx, t.head):
            out.append(ctx.placeholder(t))  # "barred six firms from importing new radios. They include ..."
        elif k is None and t.lower_ == "them" and t.dep_ == "dobj" and _barred_from_own_market(ctx, t.head):
            group = _group_named_before(ctx, t)  # "affects ten companies and bars them from importing ..."
            if group is not None:
                out.append(ctx.placeholder(group))
        todo.extend(t.children)
    return out


#: participles that name a maker when a company is hyphenated to them ("SMIC-made", "ASML-built")
_MAKER_PARTICIPLES = frozenset("make build design produce manufacture fabricate supply develop".split())
_OWN_MARKET_VERBS = frozenset("import market sell operate use install deploy approve authorise authorize".split())


def _group_named_before(ctx: _Ctx, pronoun: Any) -> Any | None:
    """The unnamed group "them" stands for: the last plural group noun before
    it in its sentence ("ten companies"), or None when there is none or the
    group is a place's or a buyer's ("to ten firms")."""
    for t in reversed(ctx.sent[: pronoun.i - ctx.sent.start]):
        if t.tag_ == "NNS" and is_group_noun(t) and ctx.key(t) is None:
            return None if t.dep_ == "pobj" and t.head.lower_ in ("to", "for", "with", "in") else t
    return None


def _barred_from_own_market(ctx: _Ctx, verb: Any) -> bool:
    """"bars six firms from marketing or importing new products": the firms'
    own goods are kept out (no buyer named), so the firms are banned makers;
    "bars firms from selling to Huawei" restricts sales to Huawei instead."""
    for p in verb.children:
        if p.dep_ != "prep" or p.lower_ != "from":
            continue
        acts = [c for c in p.children if c.dep_ == "pcomp" and c.lemma_.lower() in _OWN_MARKET_VERBS]
        acts += [cj for a in acts for cj in a.conjuncts]
        if acts and not any(c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ in ("to", "for"))
                            or (c.dep_ == "dobj" and ctx.key(c)) for a in acts for c in a.children):
            return True
    return False


@procedure("unit-of-parent")
def _units_named_after_parent(ctx: _Ctx, sents: list[Any]) -> None:
    """A unit whose name is its parent's plus a unit word ("Huawei Technologies
    Japan", "CETC 55th Research Institute"): found by entity resolution."""
    sent_starts = [s.start for s in sents]
    for uk, pk, ti in ctx.ents.unit_links:
        k = bisect.bisect_right(sent_starts, ti) - 1
        sent = sents[k] if k >= 0 and ti < sents[k].end else None
        if sent is not None:
            ctx.sent = sent
            ctx.facts.append(Fact(uk, R.PART_OF, pk, sent, "rule:unit-of-parent", 0.9))


_UNIT_WORDS = UNIT_NOUNS | {"administration", "agency", "commission", "service", "ministry"}


@procedure("possessive-unit")
def _possessive_unit(ctx: _Ctx, tok: Any) -> None:
    """"the Commerce Department's Bureau of Industry and Security": a name
    owning a name that is a unit by its own words (a rule on names, not
    lemmas, so it is not a grammar rule)."""
    whole, part = ctx.key(tok), ctx.key(tok.head)
    if whole is None and part and tok.lemma_.lower() in _BODY_NOUNS and tok.tag_ != "PRP$":
        whole = ctx.definite_reference(tok)  # "the department's Bureau of Industry and Security": the department named before
    if whole and part and whole != part and ctx.etype(part) == EntityType.ORG and ctx.etype(whole) == EntityType.ORG \
            and set(ctx.ents.get(part).name.lower().split()) & _UNIT_WORDS and _may_own_units(ctx.ents.get(whole)):
        ctx.emit([part], R.PART_OF, [whole], tok, "rule:possessive-unit", 0.7)


def _may_own_units(owner: EntityRecord) -> bool:
    """A known organisation or a name of more than one word: "Trump's Commerce
    Department" is a president's department (the small model calls a
    one-word surname an organisation), not a unit of "Trump"."""
    return owner.reference or len(owner.name.split()) > 1


#: words that make a name a company's by its form ("Tessel Capital", "Delmar Electronics Co.")
_COMPANY_WORDS = (ORG_SUFFIX_WORDS - {"university", "academy", "institute", "labs"}) | TRAILING_LEGAL | {"group", "company", "co"}


@procedure("possessive-company")
def _possessive_company(ctx: _Ctx, tok: Any) -> None:
    """"Halvard Group's Tessel Capital": an organisation owning, right after
    its possessive, a name that is a company by its own words (Capital,
    Electronics, Ltd).  A unit's name is PART_OF instead (possessive-unit);
    a state ("China's SMIC") or an authority owns nothing this way, and a
    single made-up word ("Qualcomm's Snapdragon") may be a product."""
    whole, part = ctx.key(tok), ctx.key(tok.head)
    if not whole or not part or whole == part or ctx.etype(whole) != EntityType.ORG or ctx.etype(part) != EntityType.ORG \
            or _is_authority(ctx, whole):
        return
    case = [c for c in tok.children if c.dep_ == "case"]
    start = (case[0] if case else tok).i + 1
    if start > tok.head.i or any(ctx.key(t) != part for t in tok.doc[start:tok.head.i + 1]):
        return  # something other than the name stands between ("Halvard's new unit Tessel Capital")
    rec = ctx.ents.get(part)
    words = {w.strip(".,").lower() for n in (rec.name, *rec.aliases) for w in n.split()}
    if words & _UNIT_WORDS or not words & _COMPANY_WORDS:
        return
    ctx.emit([part], R.OWNED_BY, [whole], tok, "rule:possessive-company", 0.7)


def english_rules() -> dict[str, tuple[str, ...]]:
    """Every English rule by the method name its facts carry: the grammar's
    rules (``rule:sell-to`` -> ("supply-to",)) and the registered procedures
    (``rule:military-modifier`` -> ("military-modifier",))."""
    known = rule_methods(load_grammar("en"))
    for name in PROCEDURES:
        if not name.startswith("+"):  # "+others", "+list": suffixes of another rule's method
            known["rule:" + name] = known.get("rule:" + name, ()) + (name,)
    return known


def _forget_cut_name(sents: list[Any], ents: DocEntities) -> None:
    """A page excerpt cut off mid-sentence ("Other investors in CVC are
    China"): a place that ends the text with no full stop after it may be the
    first word of a company's name ("China Reform"), so no rule reads it
    there (a company's own name, "... suppliers to Apple", stays)."""
    if len(sents) < 2:
        return
    last = [t for t in sents[-1] if not t.is_space]
    if not last or last[-1].is_punct:
        return
    key = ents.key_at(last[-1].i)
    if key is None or ents.get(key).type != EntityType.GPE:
        return
    for t in reversed(last):
        if key is None or ents.key_at(t.i) != key:
            break
        ents.token_key[t.i] = None


def english_facts(doc: Any, ents: DocEntities) -> tuple[list[Fact], list[Placeholder]]:
    """All facts the English rules read from ``doc``, placeholders resolved."""
    sents = list(sentence_segments(doc))
    _forget_cut_name(sents, ents)
    ctx = _Ctx(doc, ents, sents)
    grammar = load_grammar("en")
    _units_named_after_parent(ctx, sents)
    for si, sent in enumerate(sents):
        read_guarded(lambda si=si: _read_sentence(ctx, grammar, sents, si), ctx.facts,
                     (sent.start_char, sent.end_char), sent.text, None)
    settle_groups(ctx)
    return _sellers_cutting_ties(ctx.facts), ctx.placeholders


def _read_sentence(ctx: _Ctx, grammar: Any, sents: list[Any], si: int) -> None:
    """Every English rule over sentence ``si``, in the order they build on each other."""
    sent = sents[si]
    ctx.sent_index = si
    ctx.sent = sent
    ctx.governments.clear()
    first_fact = len(ctx.facts)
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.is_space or tok.is_punct:
            continue
        apply_rules(ctx, tok, grammar, keep=_keep)
        misparsed_supply(ctx, tok)
        recipient_read_as_object(ctx, tok)
        goods_read_as_coordinated_verb(ctx, tok)
        counted_among_customers_misparsed(ctx, tok)
        goods_power_misparsed(ctx, tok)
        listing_misparsed(ctx, tok)
        also_shareholders(ctx, tok)
        if (lemma in MIL_CUES or tok.lower_ in MIL_CUES) and (
            ctx.key(tok) == MILITARY_ID or (ctx.key(tok) is None and not (tok.pos_ == "PROPN" and tok.head.pos_ == "PROPN"))
        ) or arms_trade_cue(tok) or (lemma in _FORCE_WORDS and ctx.key(tok) == MILITARY_ID):  # "the air force"
            # not "Defense" inside "Department of Defense" or the "National Defense Authorization Act"
            military_link(ctx, tok)
        military_owned_listing(ctx, tok)
        if tok.dep_ == "poss":
            _possessive_unit(ctx, tok)
            _possessive_company(ctx, tok)
    fill_groups(ctx, sents, si, first_fact)
    name_described(ctx, sents, si, first_fact)
    share_with_echoed_subjects(ctx, sent, first_fact)
    share_with_gapped_holders(ctx, sent, first_fact)
    for t in sent:
        if t.dep_ in ("nsubj", "nsubjpass") and not ctx.key(t) and t.i not in ctx.salience.resolved and (
                t.lower_ in PRONOUNS or (is_group_noun(t) and t.tag_ == "NN")):
            ctx.args(t, conj=False)  # records what "it" / "the company" stands for


#: nouns a group is called by after its name, in lower case ("the Daewon group")
_GROUP_AFTER_NAME = frozenset({"group", "conglomerate", "chaebol", "keiretsu", "consortium"})


def _group_named_before_its_noun(ctx: _Ctx, t: Any) -> Any:
    """"the Daewon Industrial group": the parser makes the lower-case group
    noun the argument and the company's name its compound; the name is the
    party (not "a state defence group", whose compounds name no company)."""
    if ctx.key(t) or t.lower_ not in _GROUP_AFTER_NAME or t.i == 0:
        return t
    before = t.doc[t.i - 1]
    if before.dep_ == "compound" and before.head.i == t.i and (k := ctx.key(before)) and ctx.etype(k) == EntityType.ORG:
        return before
    return t


#: supply facts that only a seller states ("X cut ties with Y" is past supply when X sells)
_SELLER_ONLY_METHODS = ("rule:cut-ties-with",)


def _sellers_cutting_ties(facts: list[Fact]) -> list[Fact]:
    """Keep "X cut ties with Y" as past supply only when the article has X
    selling to someone by another phrasing, and never Y selling to X: a
    buyer breaks with its supplier in the same words."""
    def seller_only(f: Fact) -> bool:
        return f.type == R.SUPPLIED and f.method.startswith(_SELLER_ONLY_METHODS)
    stated = [f for f in facts if f.type == R.SUPPLIED and not seller_only(f)]
    sellers = {f.head for f in stated if isinstance(f.head, str)}
    pairs = {(f.head, f.tail) for f in stated if isinstance(f.head, str) and isinstance(f.tail, str)}
    return [f for f in facts if not seller_only(f) or (f.head in sellers and (f.tail, f.head) not in pairs)]
