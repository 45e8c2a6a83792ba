"""One engine for relation rules written as data.

A grammar (``ingest/grammar/<language>.toml``) is a list of named rules.  Each
rule is a trigger (a lemma class, part of speech, voice, constraints on the
trigger's children) and two argument *paths* over the dependency parse, in the
spirit of Odin/Odinson: ``subject``, ``prep:to>...``, ``dobj>prep:to``.  The
engine indexes rules by trigger lemma once, so each token costs one dict
lookup; the shared steps every rule needs are written once, in the context
(``_Ctx`` in relations.py): conjunction and apposition expansion, relative
pronouns, placeholders for descriptions, negation and hedge scope.

Path language (steps joined by ``>``; the last step yields arguments):

- ``conj+`` adds the tokens coordinated with each token;
- a dependency label (``dobj``, ``dative``, ``attr``, ``nsubj``, ``appos``,
  ``pobj``) moves to the children with that label;
- ``prep:to,for`` moves to the objects of those prepositions (``prep``,
  ``dative`` and ``agent`` children, following coordinated prepositions);
- ``head`` moves to the token's head, ``head:dobj,pobj`` only when the token
  hangs off its head by one of those labels; ``verb`` climbs to the verb of
  the clause the token sits in;
- ``subject`` (the doer, through relative clauses, participles, ``conj`` and
  ``xcomp``), ``described`` (the entity a description noun is about), ``poss``
  (possessive, compound or ``nmod`` names) and ``context_list`` (the list the
  article named last) end a path and yield entities directly; any other final
  step yields the entities its tokens name;
- ``continued_list`` (the list named in the last sentences, when a listing
  body goes on adding names: "The committee also added A and B"),
  ``makers`` (organisations whose goods a phrase names, not those it sells
  to: "banned Huawei's and ZTE's gear") and ``placeholder`` (the trigger
  noun itself as a description that later sentences name) end a path too;
- ``nearby_authority`` ends a path with the one authority named within two
  sentences (a rule named only as "the rule change" was made by someone);
- ``seller_in_context`` ends a path with the one seller the sentence
  before (or this one, earlier) stated a sale of, for customers added to it
  with no seller named ("X sells to A. B and C are also customers");
- ``owned_in_context`` ends a path with the one company whose owner the
  sentence before (or this one, earlier) stated, for shareholders added to
  it with no company named ("Y holds 40% of X. Other shareholders include B");
- ``owned_earlier_here`` ends a path with the one company whose owner
  this sentence stated before ``t`` ("A holds 70% of X, with B owning 10%");
- ``held_in_context`` ends a path with the company a holding with no
  company named ("The state fund holds 12%") is in: the one the sentence
  before was about, when this sentence names no other organisation;
- ``ranked_in_context`` ends a path with the company a ranked role with no
  owner named ("The largest shareholder is X") belongs to: the one the
  sentence before was about (see Salience);
- ``rest_in_context`` ends a path with the company the rest of a holding
  ("the rest is held by B", "the remaining stake") is in: the one whose
  owner this sentence or the one before stated;
- ``parent_in_context`` ends a path with the owner of a "wholly owned
  subsidiary" that names none: the company the article is about so far
  (see ContextReferences);
- ``goods_in_context`` ends a path with the maker of goods or work that
  name none ("Final assembly is outsourced to Y"): the company the
  sentence before was about;
- ``listed_owner`` ends a path with the owner of a subsidiary named by
  where it is listed ("Shenzhen-listed subsidiary X"): the sentence's one
  subject organisation, when it is no argument of the subsidiary's verb;
- ``sole_possessor`` ends a path with the owner a possessive names when
  the clause does not assert it: a name, or an "its" with no other
  organisation named before it in the sentence;
- ``list:<name>`` ends a path with that list, a fixed argument
  (``[blacklist]>list:US Entity List``: only when the trigger is that word);
- ``named`` / ``unnamed`` keep the tokens that are (are not) part of a name;
  ``goods`` keeps those that name no company, place or person (a named product passes);
  ``org`` keeps those that name an organisation (a company sold, not a product);
  ``subtree`` moves to the tokens and every token under them;
- any step may end in a filter ``[word|@class]``: only tokens whose lemma or
  form is listed pass (``head:dobj[@stake_verbs]``).

Paths of a side are alternatives: the first whose arguments survive the
rule's type filter is used.  Conditions (``require``/``forbid``) are paths
too, optionally ``=word|@class`` (some reached token has that lemma).

A rule's ``method`` names its facts (default ``rule:<name>``; ``{lemma}``
is the trigger's lemma, so "sold"/"shipped" stay ``sell-to``/``ship-to``).
Rules that need document context beyond a path (units named after their
parent, possessive units, military cue words, group members) are
procedures in relations.py, registered by name in ``PROCEDURES``.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Callable

from chipgraph.graph.model import EntityType, MILITARY_ID, RelationType

from .negation import no_longer, stopped_since

__all__ = ["Rule", "Grammar", "GrammarError", "load_grammar", "Example", "PROCEDURES", "procedure"]

_VERB_POS = ("VERB", "AUX")
#: words that give an object's value, where the parser may hang the verb's preposition ("parts worth $4 million to X")
_VALUE_WORDS = frozenset("worth valued totalling totaling costing priced".split())
#: words that wrap a preposition without changing what it links ("including via", "especially to", "shut out of")
_FOCUS_PREPS = frozenset("including especially notably mainly mostly chiefly primarily particularly out away".split())
#: macros that are the rule context's method of the same name, taking the token reached (relations._Ctx,
#: the `*_in_context` readings of context_references.ContextReferences among them)
_CONTEXT_MACROS = frozenset({"continued_list", "described", "nearby_authority", "ranked_in_context", "held_in_context",
                             "seller_in_context", "owned_in_context", "owned_earlier_here", "sole_possessor", "rest_in_context",
                             "listed_owner", "sales_in_context", "parent_in_context", "goods_in_context"})
_MACROS = ("subject", "poss", "context_list", "makers", "placeholder", *sorted(_CONTEXT_MACROS))

#: rules written as code (name -> what it reads), listed with the data rules
PROCEDURES: dict[str, str] = {}


def procedure(*names: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a procedural rule under the method names its facts carry."""
    def wrap(fn: Callable[..., Any]) -> Callable[..., Any]:
        for n in names:
            PROCEDURES[n] = (fn.__doc__ or fn.__name__).strip().splitlines()[0]
        return fn
    return wrap


class GrammarError(ValueError):
    """A grammar file that the engine cannot read: the message names the rule and field."""


@dataclass(frozen=True)
class Example:
    """A sentence of our own and the facts the rule must read from it."""

    text: str
    expect: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class Rule:
    """One named rule: trigger, constraints, argument paths, confidence."""

    name: str
    language: str
    type: RelationType
    lemmas: frozenset[str]
    pos: tuple[str, ...]
    voice: str  # "active", "passive" or "any"
    head: tuple[tuple[str, ...], ...]
    tail: tuple[tuple[str, ...], ...]
    confidence: float
    tail_name: str | None = None  # a fixed tail: "military", "US Entity List"
    tail_type: EntityType | None = None
    head_types: frozenset[EntityType] = frozenset({EntityType.ORG})
    tail_types: frozenset[EntityType] = frozenset({EntityType.ORG})
    require: tuple[tuple[tuple[str, ...], frozenset[str] | None], ...] = ()
    forbid: tuple[tuple[tuple[str, ...], frozenset[str] | None], ...] = ()
    dep: tuple[str, ...] = ()
    object_not: frozenset[str] = frozenset()
    object_in: frozenset[str] = frozenset()
    product: tuple[str, ...] | None = None
    placeholders: bool | str = True  # False: names only; "head"/"tail": only that side may be a description
    authorities: bool | str = True  # False: a ministry or regulator is never this rule's tail ("took control of"); "only": nothing else is
    reported: bool = False  # the trigger's modal is the order itself ("operators must remove X gear, the government said"): checked from the verb that reports it
    head_authorities: bool = True  # False: a ministry or regulator is never this rule's head (the lister is not listed)
    governments: bool = False  # a state named as "the X government" counts as an organisation
    countries: bool = False  # a country (a state of the reference data, no city) counts as a buyer ("shipped parts to Russia")
    named: bool | None = None  # False: the trigger must not be part of a name ("the Subsidiary Act")
    method: str = ""  # template of the facts' method name; {lemma} is the trigger's lemma
    military_method: str = ""  # name of the MILITARY_LINK facts when an argument is the military
    military_confidence: float | None = None  # their confidence (default: the rule's)
    negative: bool = False  # the fact is a negated trigger ("cannot be sold"): checked from the verb that reports it
    presupposed: bool = False  # a description named in apposition states its fact whatever the clause says ("plans to list its subsidiary X")
    examples: tuple[Example, ...] = ()


@dataclass
class Grammar:
    """The rules of one language, indexed by trigger lemma."""

    language: str
    rules: list[Rule]
    classes: dict[str, frozenset[str]]
    by_lemma: dict[str, list[Rule]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for r in self.rules:
            for lemma in r.lemmas:
                self.by_lemma.setdefault(lemma, []).append(r)

    def word_class(self, name: str) -> frozenset[str]:
        return self.classes[name]


def _words(value: Any, classes: dict[str, frozenset[str]], where: str) -> frozenset[str]:
    """``"@supply_verbs"`` -> that class; a list mixes classes and words."""
    items = value if isinstance(value, list) else [value]
    out: set[str] = set()
    for item in items:
        if not isinstance(item, str):
            raise GrammarError(f"{where}: expected words or @class names, got {item!r}")
        if item.startswith("@"):
            if item[1:] not in classes:
                raise GrammarError(f"{where}: unknown word class {item!r}")
            out |= classes[item[1:]]
        else:
            out.add(item.lower())
    return frozenset(out)


def _authorities(value: Any, where: str) -> bool | str:
    if value in (True, False, "only"):
        return value
    raise GrammarError(f"{where}: 'authorities' is true, false or \"only\", got {value!r}")


def _placeholders(value: Any, where: str) -> bool | str:
    if value in (True, False, "head", "tail"):
        return value
    raise GrammarError(f"{where}: 'placeholders' is true, false, \"head\" or \"tail\", got {value!r}")


def _paths(value: Any, where: str, classes: dict[str, frozenset[str]] | None = None) -> tuple[tuple[str, ...], ...]:
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if not isinstance(item, str) or not item:
            raise GrammarError(f"{where}: a path is a string such as 'prep:to' or 'dobj>prep:to', got {item!r}")
        steps = tuple(_filter_classes(s.strip(), classes or {}, where) for s in item.split(">"))
        for s in steps[:-1]:
            if s in _MACROS or s.startswith("list:"):
                raise GrammarError(f"{where}: {s!r} ends a path; it cannot be followed by more steps")
        out.append(steps)
    return tuple(out)


def _filter_classes(step: str, classes: dict[str, frozenset[str]], where: str) -> str:
    """``dobj[@goods|chip]`` -> ``dobj[chip|wafer|...]``: classes expanded once, at load."""
    if not step.endswith("]") or "[" not in step:
        return step
    base, _, words = step[:-1].partition("[")
    return f"{base}[{'|'.join(sorted(_words(words.split('|'), classes, where)))}]"


@functools.lru_cache(maxsize=None)
def _step_filter(step: str) -> tuple[str, frozenset[str] | None]:
    """A step and its word filter (None: no filter)."""
    if not step.endswith("]") or "[" not in step:
        return step, None
    base, _, words = step[:-1].partition("[")
    return base, frozenset(words.split("|"))


def _conditions(value: Any, classes: dict[str, frozenset[str]], where: str) -> tuple[tuple[tuple[str, ...], frozenset[str] | None], ...]:
    """``"prep:from=@network_nouns"``: the path must reach a token whose lemma is
    in that class; a bare path only has to reach some token."""
    out = []
    for item in value if isinstance(value, list) else [value]:
        path, _, words = str(item).partition("=")
        out.append((_paths(path, where, classes)[0], _words(words.split("|"), classes, where) if words else None))
    return tuple(out)


def _holds(tok: Any, cond: tuple[tuple[str, ...], frozenset[str] | None], ctx: Any = None) -> bool:
    path, words = cond
    reached = _navigate_path(tok, path, ctx)
    if words is None:
        return bool(reached)
    return any(t.lemma_.lower() in words or t.lower_ in words for t in reached)


_TYPES = {t.name: t for t in EntityType}


def _rule(raw: dict[str, Any], language: str, classes: dict[str, frozenset[str]]) -> Rule:
    name = raw.get("name")
    if not name:
        raise GrammarError(f"a {language} rule has no name: {raw!r}")
    where = f"{language} rule {name!r}"
    try:
        rtype = RelationType[raw["type"]]
    except KeyError:
        raise GrammarError(f"{where}: 'type' must be one of {[t.name for t in RelationType]}") from None
    trig = raw.get("trigger") or {}
    if "lemma" not in trig:
        raise GrammarError(f"{where}: trigger needs a 'lemma' (words or @class)")
    tail_name = raw.get("tail_name")
    if "head" not in raw or ("tail" not in raw and not tail_name):
        raise GrammarError(f"{where}: needs 'head' and 'tail' paths (or 'tail_name')")
    examples = tuple(
        Example(e["text"], tuple(tuple(x) for x in e.get("expect", [])))  # type: ignore[misc]
        for e in raw.get("examples", [])
    )
    return Rule(
        name=name,
        language=language,
        type=rtype,
        lemmas=_words(trig["lemma"], classes, where),
        pos=tuple(trig.get("pos", [])),
        voice=raw.get("voice", "any"),
        head=_paths(raw["head"], where, classes),
        tail=_paths(raw.get("tail", []), where, classes) if "tail" in raw else (),
        confidence=float(raw.get("confidence", 0.75)),
        tail_name=tail_name,
        tail_type=_TYPES[raw.get("tail_type", "LIST")] if tail_name else None,
        head_types=frozenset(_TYPES[t] for t in raw.get("head_types", ["ORG"])),
        tail_types=frozenset(_TYPES[t] for t in raw.get("tail_types", ["ORG"])),
        require=_conditions(raw.get("require", []), classes, where),
        forbid=_conditions(raw.get("forbid", []), classes, where),
        dep=tuple(trig.get("dep", [])),
        object_not=_words(raw["object_not"], classes, where) if "object_not" in raw else frozenset(),
        object_in=_words(raw["object_in"], classes, where) if "object_in" in raw else frozenset(),
        product=_paths(raw["product"], where, classes)[0] if "product" in raw else None,
        placeholders=_placeholders(raw.get("placeholders", True), where),
        head_authorities=bool(raw.get("head_authorities", True)),
        governments=bool(raw.get("governments", False)),
        countries=bool(raw.get("countries", False)),
        named=trig.get("named"),
        method=str(raw.get("method", name)),
        military_method=str(raw.get("military_method", "")),
        military_confidence=float(raw["military_confidence"]) if "military_confidence" in raw else None,
        negative=bool(raw.get("negative", False)),
        presupposed=bool(raw.get("presupposed", False)),
        authorities=_authorities(raw.get("authorities", True), where),
        reported=bool(raw.get("reported", False)),
        examples=examples,
    )


def rule_methods(grammar: Grammar) -> dict[str, tuple[str, ...]]:
    """Method name (as facts carry it, ``rule:sell-to``) -> the rules that make it
    (several rules may share one: the voices of "owned")."""
    out: dict[str, tuple[str, ...]] = {}
    for r in grammar.rules:
        methods = [r.method.replace("{lemma}", lemma) for lemma in sorted(r.lemmas)] if "{lemma}" in r.method else [r.method]
        for m in methods + ([r.military_method] if r.military_method else []):
            if r.name not in out.get("rule:" + m, ()):
                out["rule:" + m] = out.get("rule:" + m, ()) + (r.name,)
    return out


def parse_grammar(text: str, language: str) -> Grammar:
    """A Grammar from TOML text (``[classes]`` word lists and ``[[rule]]`` tables)."""
    return parse_grammars([text], language)


def _build(raw_classes: dict[str, Any], raw_rules: list[Any], language: str) -> Grammar:
    classes = {k: frozenset(w.lower() for w in v) for k, v in raw_classes.items()}
    rules = [_rule(r, language, classes) for r in raw_rules]
    names = [r.name for r in rules]
    dup = {n for n in names if names.count(n) > 1}
    if dup:
        raise GrammarError(f"{language} grammar: rule names must be unique, repeated: {sorted(dup)}")
    return Grammar(language, rules, classes)


@functools.lru_cache(maxsize=None)
def load_grammar(language: str) -> Grammar:
    """The shipped grammar of ``language`` (read once per process): every
    ``grammar/<language>*.toml`` file, in name order, as one grammar (word
    classes are shared across the files; rule names must be unique)."""
    folder = resources.files("chipgraph.ingest").joinpath("grammar")
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".toml") and f.name.split(".")[0].split("_")[0] == language),
                   key=lambda f: f.name)
    if not files:
        raise GrammarError(f"no grammar for language {language!r} in {folder}")
    texts = [f.read_text(encoding="utf-8") for f in files]
    return parse_grammars(texts, language)


def parse_grammars(texts: list[str], language: str) -> Grammar:
    """One Grammar from several TOML texts: classes first from all, then rules."""
    merged_classes: dict[str, Any] = {}
    rules: list[Any] = []
    for text in texts:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            raise GrammarError(f"{language} grammar is not valid TOML: {e}") from None
        for name, words in data.get("classes", {}).items():
            if name in merged_classes and merged_classes[name] != words:
                raise GrammarError(f"{language} grammar: word class {name!r} is defined twice, differently")
            merged_classes[name] = words
        rules += data.get("rule", [])
    return _build(merged_classes, rules, language)


# -- applying rules ------------------------------------------------------------

def is_passive(v: Any) -> bool:
    """Passive voice, including a bare past participle modifying a noun ("X, owned by Y")."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children) or (v.dep_ == "acl" and v.tag_ == "VBN") \
        or (v.dep_ == "acomp" and v.tag_ == "VBN" and v.head.lemma_ == "be") \
        or (v.dep_ == "parataxis" and v.tag_ == "VBN" and any(c.dep_ == "agent" for c in v.children)) \
        or _bare_participle_with_agent(v) or participle_before_agent(v) \
        or _shares_passive(v)  # "X (controlled by Y)"


def _bare_participle_with_agent(v: Any) -> bool:
    """"Arm, majority-owned by SoftBank, ...": the parser hangs the participle
    on the name as a conjunct; its "by" phrase and the lack of any subject,
    object or auxiliary make it passive."""
    return v.dep_ == "conj" and v.tag_ == "VBN" and v.head.pos_ in ("PROPN", "NOUN") \
        and any(c.dep_ == "agent" for c in v.children) \
        and not any(c.dep_ in ("nsubj", "aux", "auxpass", "nsubjpass", "dobj") for c in v.children)


def participle_before_agent(v: Any) -> bool:
    """"the chip plant majority-owned by TSMC": a hyphenated participle the
    parser reads as the noun's adjective, its "by" phrase still its own."""
    return v.dep_ == "amod" and v.tag_ == "VBN" and v.head.pos_ in ("PROPN", "NOUN") and v.head.i < v.i \
        and any(c.dep_ == "agent" for c in v.children)


def _shares_passive(v: Any) -> bool:
    """"X was founded in 2010 and added to the list": a participle coordinated
    with a passive verb, with no subject or auxiliary of its own ("and has
    sold ..." is active), is passive too."""
    # the tagger reads some such participles as past tense ("was hit with sanctions and added to the list": VBD)
    return v.dep_ == "conj" and (v.tag_ == "VBN" or v.tag_ == "VBD" and v.lower_.endswith("ed")) and v.head.pos_ in ("VERB", "AUX") \
        and not any(c.dep_ in ("nsubj", "aux", "auxpass", "nsubjpass", "dobj") for c in v.children) and is_passive(v.head)


def _navigate(step: str, toks: list[Any], ctx: Any = None) -> list[Any]:
    step, words = _step_filter(step)
    out = _move(step, toks, ctx)
    if words is not None:
        out = [t for t in out if t.lemma_.lower() in words or t.lower_ in words]
    return out


def _is_goods(ctx: Any, tok: Any) -> bool:
    """Whether ``tok`` names no company, place or person: an unnamed noun or
    a named product ("sources mobile DRAM from X")."""
    return ctx is None or ctx.etype(ctx.key(tok)) not in (EntityType.ORG, EntityType.GPE, EntityType.PERSON)


def _move(step: str, toks: list[Any], ctx: Any) -> list[Any]:
    if step.startswith("prep:"):
        words = set(step[5:].split(","))
        out: list[Any] = []
        for t in toks:
            todo = [c for c in t.children if c.dep_ in ("prep", "dative", "agent") and c.lower_ in words]
            if todo:  # "sold parts to A, the branch of B, and to C": the second preposition read as the verb's conjunct
                todo += [c for c in t.children if c.dep_ == "conj" and c.pos_ == "ADP" and c.lower_ in words]
            if "to" in words:  # "suspended shipments to Huawei" misread as an infinitive: "to" + a name as its verb
                out += [c for c in t.children if c.dep_ in ("advcl", "xcomp") and c.pos_ == "PROPN"
                        and any(a.dep_ == "aux" and a.lower_ == "to" and a.i == c.i - 1 for a in c.children)]
            # "sold widely, including via carriers X and Y": a focusing word wraps the preposition
            todo += [g for c in t.children if c.dep_ == "prep" and c.lower_ in _FOCUS_PREPS
                     for g in c.children if g.dep_ == "prep" and g.lower_ in words]
            # "added X, along with four other firms, to the list": the parser hangs "to" on "along"
            todo += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "along"
                     for g in c.children if g.dep_ == "prep" and g.lower_ in words and g.lower_ != "with"]
            if "for" in words:  # "made on behalf of X", "on X's behalf": for X
                behalf = [b for c in t.children if c.dep_ == "prep" and c.lower_ == "on"
                          for b in c.children if b.dep_ == "pobj" and b.lower_ == "behalf"]
                todo += [g for b in behalf for g in b.children if g.dep_ == "prep" and g.lower_ == "of"]
                out += [o for b in behalf for o in b.children if o.dep_ == "poss"]
            # "sold parts worth $4 million to X": the parser hangs the preposition on the object's value
            values = [a for c in t.children if c.dep_ == "dobj" for a in c.children if a.dep_ in ("amod", "acl") and a.lower_ in _VALUE_WORDS]
            values += [c for c in t.children if c.dep_ in ("prep", "advmod", "acomp", "oprd", "amod") and c.lower_ in _VALUE_WORDS]
            todo += [g for a in values for g in a.children if g.dep_ == "prep" and g.lower_ in words]
            # "worth 9 million euros to X": or on the amount the value word governs
            todo += [g for a in values for n in a.children if n.dep_ in ("npadvmod", "pobj", "dobj")
                     for g in n.children if g.dep_ == "prep" and g.lower_ in words]
            # "bought cutting lasers from X": a participle before its noun read as a verb of its own
            todo += [g for c in t.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i == t.i + 1
                     and any(o.dep_ == "dobj" and o.i == c.i + 1 for o in c.children)
                     for g in c.children if g.dep_ in ("prep", "dative") and g.lower_ in words]
            # "buys wafers from X, and photoresists from Y": the second object, read as a conjunct of the
            # verb or of the first name, keeps its own preposition
            todo += [g for c in t.children if c.dep_ == "conj" and c.pos_ == "NOUN" and t.pos_ in _VERB_POS
                     for g in c.children if g.dep_ == "prep" and g.lower_ in words]
            seen: set[int] = set()
            while todo:
                p = todo.pop(0)
                if p.i in seen:
                    continue
                seen.add(p.i)
                if p.i > 0 and p.doc[p.i - 1].lower_ == "not" or any(c.dep_ == "neg" for c in p.children):
                    continue  # "to Kestrel, not to Corvel": the text excludes this one
                for c in p.children:
                    if c.dep_ in ("pobj", "pcomp"):
                        out.append(c)
                        # "buys resist from JSR and tools from X": the parser made the name a
                        # modifier of the next object ("JSR ... tools"), an "and" between them
                        # ("Huawei and ZTE equipment", with no "from" of its own, is one object of two makers)
                        own = [g for g in c.children if g.dep_ == "prep" and g.lower_ in words and g.i > c.i]
                        next_from = own or [g for g in p.head.children if g.dep_ == "prep" and g.lower_ in words and g.i > c.i]
                        gapped = [g for g in c.children if g.dep_ in ("nmod", "compound") and g.pos_ == "PROPN"
                                  and any(a.dep_ == "cc" and g.i < a.i < c.i for a in g.children)] if next_from else []
                        out += gapped
                        # "... from A and B, and photoresists from C": a second object with its own "from"
                        # (its "from C" hung on the second object, or on the first seller after it)
                        more = [x for x in c.conjuncts if x.pos_ == "NOUN" and x.i > c.i and _is_goods(ctx, x)]
                        todo += [g for x in more for g in (*x.children, *c.children)
                                 if g.dep_ == "prep" and g.lower_ in words and g.i > x.i]
                        if gapped:  # ... and the second object's own "from Y" ("... and deposition tools from Y")
                            todo += own
                        # "to A, the branch of B, and to C": the second preposition hung on A's apposition
                        todo += [g for a in (*c.children, *p.children) if a.dep_ == "appos" for g in a.children
                                 if g.dep_ == "conj" and g.lower_ == p.lower_]
                    elif c.dep_ == "conj" and c.lower_ in words:
                        todo.append(c)
        return out
    if step == "verb":  # up to the clause's verb, through nouns and prepositions
        out = []
        for t in toks:
            v, hops = t.head, 0
            while hops < 6 and v.pos_ not in _VERB_POS and v.head.i != v.i:
                v, hops = v.head, hops + 1
            if v.pos_ in _VERB_POS and v.i != t.i:
                out.append(v)
        return out
    if step == "head" or step.startswith("head:"):
        deps = set(step[5:].split(",")) if ":" in step else None
        return [t.head for t in toks if t.head.i != t.i and (deps is None or t.dep_ in deps)]
    if step == "conj+":  # the token and the tokens coordinated with it
        return [x for t in toks for x in (t, *t.conjuncts)]
    if step == "subtree":  # the tokens and everything under them
        return [x for t in toks for x in t.subtree]
    if step == "":  # a bare filter: "[blacklist]" keeps the token if it is that word
        return list(toks)
    if step in ("named", "unnamed"):
        want = step == "named"
        return [t for t in toks if bool(ctx is not None and ctx.key(t)) == want]
    if step == "goods":  # what is not a company: an unnamed noun or a named product ("sources mobile DRAM from X")
        return [t for t in toks if _is_goods(ctx, t)]
    if step == "org":  # a pronoun counts by what it stands for ("later sold it to Y")
        return [t for t in toks if ctx is not None
                and ctx.etype(ctx.key(t) or (ctx.stand_in(t) if t.tag_ == "PRP" else None)) == EntityType.ORG]
    deps = set(step.split(","))
    out = [c for t in toks for c in t.children if c.dep_ in deps]
    if "appos" in deps:  # "its only shareholder, a holding called Y": Y, however the parser hung "called"
        out += [o for t in toks for o in names_given(t, ("oprd", "attr")) if o not in out]
    return out


#: verbs that introduce a name ("a company called X", "a fund named Y")
NAMING_VERBS = frozenset({"call", "name"})


def names_given(tok: Any, deps: tuple[str, ...]) -> list[Any]:
    """The tokens (of the dependencies ``deps``) that a participle gives
    ``tok`` as its name: "a holding called X", "a fund named Y"."""
    return [o for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in NAMING_VERBS
            for o in c.children if o.dep_ in deps]


def follow(ctx: Any, tok: Any, path: tuple[str, ...]) -> list[Any]:
    """The entities (keys or placeholders) that ``path`` reaches from ``tok``."""
    toks = [tok]
    for i, step in enumerate(path):
        if step.startswith("list:"):  # a fixed list, reached when the steps before it are
            key = ctx.ents.add(step[5:], EntityType.LIST)
            ctx.salience.note_list(tok.i, key)  # "blacklisted X ... The agency also added Y": the list goes on
            return [key]
        if step in _MACROS:
            out: list[Any] = []
            for t in toks:
                if step in _CONTEXT_MACROS:
                    out += getattr(ctx, step)(t)
                elif step == "subject":
                    out += ctx.subjects(t)
                elif step == "context_list":
                    found_list = ctx.salience.current_list(t.i)
                    out += [found_list] if found_list else []
                elif step == "makers":
                    out += [k for k in ctx.makers([t]) if k not in out]
                elif step == "placeholder":
                    out.append(ctx.placeholder(t))
                else:
                    found = ctx.poss_or_compound(t)
                    owners = [c for c in t.children if c.dep_ == "poss" and c.lower_ != "whose"]
                    if owners:  # "Qualcomm's Snapdragon chips": the owner, not the brand
                        found = [k for c in owners for k in [ctx.possessor(c)] if k]
                    own = ctx.key(t)
                    # "a Shanghai joint venture", "its Wuxi unit": a city before the noun says where, not whose
                    where = {k for c in t.children if c.dep_ in ("compound", "nmod") for k in [ctx.key(c)]
                             if k and ctx.etype(k) == EntityType.GPE and not ctx.is_country(k)}
                    out += [k for k in found if k != own and k not in where]  # a name's own words are not its owner
            return out
        toks = _navigate(step, toks, ctx)
        if not toks:
            return []
    return [a for t in toks for a in ctx.args(t)]


def _side(ctx: Any, tok: Any, rule: Rule, paths: tuple[tuple[str, ...], ...], types: frozenset[EntityType], side: str,
          keep: Callable[..., list[Any]]) -> list[Any]:
    """Arguments of the first path (best first) that reaches any of the allowed kind."""
    names_only = rule.placeholders is False or (isinstance(rule.placeholders, str) and rule.placeholders != side)
    for p in paths:
        # the military is no list, and a ban it orders is no tie to it
        reached = follow(ctx, tok, p)
        found = keep(ctx, reached, types, governments=rule.governments,
                     military=rule.type not in (RelationType.DESIGNATED, RelationType.BANNED))
        if rule.countries:
            found += [x for x in reached if x not in found and isinstance(x, str) and ctx.is_country(x)]
        if names_only:
            found = [x for x in found if isinstance(x, str)]
        if not (rule.authorities if side == "tail" else rule.head_authorities):
            found = [x for x in found if not (isinstance(x, str) and ctx.is_authority(x))]
        elif side == "tail" and rule.authorities == "only":  # a state or one of its bodies, never a company
            found = [x for x in found if isinstance(x, str) and (ctx.is_authority(x) or ctx.etype(x) == EntityType.GPE)]
        if found:
            return found
    return []


def _verbal(tok: Any) -> bool:
    return tok.pos_ in _VERB_POS or tok.tag_.startswith("VB")


def apply_rules(ctx: Any, tok: Any, grammar: Grammar, *, keep: Callable[..., list[Any]]) -> None:
    """Run every rule triggered by ``tok`` and emit its facts through ``ctx``.

    ``keep(ctx, items, types, governments=, military=)`` filters arguments to
    the allowed entity types (placeholders pass: they resolve later)."""
    verb_lemma = verbal_root(tok)
    rules = grammar.by_lemma.get(verb_lemma or tok.lemma_.lower()) or grammar.by_lemma.get(tok.lower_)  # the lemmatiser's "instal"
    if not rules:
        return
    passive = None
    pos = "VERB" if verb_lemma else tok.pos_
    former = (tok.pos_ in ("NOUN", "PROPN") and _former(tok)) or _past_state(tok)
    for rule in rules:
        if former and rule.type in _NOT_FORMER:
            continue
        if rule.pos and pos not in rule.pos and not ("VERBAL" in rule.pos and (verb_lemma or _verbal(tok))):
            continue
        if rule.dep and tok.dep_ not in rule.dep:
            continue
        if rule.named is not None and bool(ctx.key(tok)) != rule.named:
            continue
        if rule.voice != "any":
            if passive is None:
                passive = is_passive(tok)
            if passive != (rule.voice == "passive"):
                continue
        if not all(_holds(tok, c, ctx) for c in rule.require):
            continue
        if any(_holds(tok, c, ctx) for c in rule.forbid):
            continue
        if not rule.reported and rule.negative != _negated(tok, past_counts=rule.type is RelationType.SUPPLIED):
            continue
        obj = _what_is_meant((_navigate_path(tok, rule.product, ctx) or [None])[0], tok) if rule.product else None
        checked = obj if rule.product else _what_is_meant(next((c for c in tok.children if c.dep_ == "dobj"), None), tok)
        if checked is None:
            checked = _object_antecedent(tok)
        if rule.object_not and checked is not None and _word_in(checked, rule.object_not) and not _goods_units(checked):
            continue
        if rule.object_in and (checked is None or not (_word_in(checked, rule.object_in) or _model_code(checked))):
            continue
        tails_first = any(p[-1] == "placeholder" for p in rule.head)  # a description is made only for a fact
        tails: list[Any] = []
        if tails_first:
            tails = _tails(ctx, tok, rule, keep)
            if not tails:
                continue
        heads = _side(ctx, tok, rule, rule.head, rule.head_types, "head", keep)
        if not heads:
            continue
        if not tails_first:
            tails = _tails(ctx, tok, rule, keep)
        if rule.tail_name or rule.type == RelationType.BANNED:
            heads = [h for h in heads if h not in tails]  # the authority that bans is never what it bans
        tails = [t for t in tails if t not in heads]
        if not heads:
            continue
        if not tails:
            continue
        attrs: dict[str, str] = {}
        if rule.type == RelationType.SUPPLIED:
            attrs = ctx.supply_attributes(obj, tok)
        anchor = _reporting_verb(tok) if rule.reported else tok.head if rule.negative else tok  # a negated rule's own "not" is its content
        if rule.presupposed:  # the name in apposition carries the fact, as "X, a subsidiary of Y," does,
            # and so does the name before the noun ("plans to sell its Kestrel unit")
            anchor = next((c for c in tok.children if c.dep_ == "appos"
                           or c.dep_ == "compound" and c.i < tok.i and ctx.key(c)), anchor)
        method = "rule:" + rule.method.replace("{lemma}", tok.lemma_.lower())
        mil = [t for t in tails if t == MILITARY_ID]
        rest = [t for t in tails if t != MILITARY_ID]
        ctx.emit(heads, rule.type, rest, anchor, method, rule.confidence, attrs)
        if not mil and rule.military_method and any(ctx.is_defence_body(t) for t in rest):
            # "makes guidance electronics for the Russian Ministry of Defence": a supplier to the military
            mil = [ctx.ents.add("military", EntityType.LIST)]
        if mil and rule.type != RelationType.MILITARY_LINK:
            ctx.emit(heads, RelationType.MILITARY_LINK, mil, anchor, "rule:" + rule.military_method if rule.military_method else method,
                     rule.confidence if rule.military_confidence is None else rule.military_confidence)
        elif mil:
            ctx.emit(heads, rule.type, mil, anchor, method, rule.confidence)


def _reporting_verb(tok: Any) -> Any:
    """The verb that reports an order ("said" in "operators must stop buying
    X, the regulator said"): up through "stop"/"have to" (xcomp) to the
    clause, then to the verb whose object that clause is."""
    t = tok
    while t.dep_ == "xcomp" and t.head.i != t.i:
        t = t.head
    return t.head if t.dep_ == "ccomp" and t.head.i != t.i else t


#: relations a description of the past does not state ("a former unit of Y", "once a subsidiary of Y",
#: "Y was its largest shareholder until 2020"); a former supplier did supply, so SUPPLIED still holds
_NOT_FORMER = frozenset({RelationType.OWNED_BY, RelationType.PART_OF, RelationType.DESIGNATED})
_FORMER_WORDS = frozenset("former ex onetime one-time erstwhile previous past".split())
_FORMERLY = frozenset("once formerly previously earlier originally".split())


def _former(noun: Any) -> bool:
    """A description noun that says what something was, not what it is."""
    if any(c.dep_ in ("amod", "compound") and c.lower_ in _FORMER_WORDS for c in noun.children):
        return True
    if any(g.dep_ in ("amod", "compound") and g.lower_ in _FORMER_WORDS for c in noun.children if c.dep_ == "compound" for g in c.children):
        return True  # "Former Entity List companies": the parser hangs "former" on the name before the noun
    if any(c.dep_ == "advmod" and c.lower_ in _FORMERLY for c in noun.children):
        return True
    if noun.dep_ == "appos" and any(c.dep_ == "advmod" and c.lower_ in _FORMERLY and noun.head.i < c.i < noun.i
                                    for c in noun.head.children):
        return True  # "X, formerly a unit of Y" with "formerly" hung on X
    if noun.dep_ == "attr":  # "X was previously a division of Y", "Y was its shareholder until 2020"
        verb = noun.head
        return any((c.dep_ == "advmod" and c.lower_ in _FORMERLY) or (c.dep_ == "prep" and c.lower_ == "until")
                   for c in verb.children)
    return False


def _past_state(tok: Any) -> bool:
    """"the firm that used to own 40% of X", "X used to be on the list",
    "which once owned X": a state of the past, said of the verb the trigger
    sits under."""
    v = tok
    for _ in range(4):
        if v.pos_ in _VERB_POS or v.head.i == v.i:
            break
        v = v.head
    if v.pos_ in _VERB_POS and v.lemma_.lower() in _STATE_VERBS and any(c.dep_ == "advmod" and c.lower_ in _ONCE_DONE
                                                                         for c in v.children):
        return True  # "which once owned 15% of X", "formerly controlled X"; "was previously added" still holds
    return v.dep_ == "xcomp" and v.head.lower_ == "used" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)


#: adverbs that put a verb's state in the past ("once owned"): those that do so for a description noun, but not
#: "earlier", which dates an event that holds, nor "originally" ("originally listed in 2019" still is)
_ONCE_DONE = _FORMERLY - {"earlier", "originally"}
#: verbs that state a holding or a membership, which such an adverb ends
_STATE_VERBS = frozenset("own control hold belong be".split())


def _word_in(tok: Any, words: frozenset[str]) -> bool:
    """The token's lemma is one of ``words``; a plural the tagger took for a
    name ("GPUs", lemma "GPUs") counts by its singular."""
    low = tok.lower_
    return tok.lemma_.lower() in words or (tok.pos_ == "PROPN" and low.endswith("s") and low[:-1] in words)


def _goods_units(tok: Any) -> bool:
    """"control units", "power units": units of goods, not a company's
    business unit ("its chip unit", "two units of X"), when plural, named by
    a noun before them and owned by no one."""
    return tok.lemma_.lower() == "unit" and tok.tag_ == "NNS" \
        and any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in tok.children) \
        and not any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


_MODEL_CODE = re.compile(r"[A-Z]{1,5}-?\d{2,5}[A-Z]{0,3}")


def _model_code(tok: Any) -> bool:
    """A product's model code ("its XH100", "the KD200"): goods by their name."""
    return tok.pos_ == "PROPN" and _MODEL_CODE.fullmatch(tok.text) is not None


_QUANTIFIERS = frozenset("most much many all some half bulk majority part share none".split())
#: amounts whose "of" names the goods (base forms): "$2 million (worth) of chips", "300 tonnes of wafers"
_AMOUNTS = frozenset("worth amount quantity volume lot batch number ton tonne unit shipment consignment container "
                     "dozen hundred thousand million billion % percent".split())


def _what_is_meant(obj: Any, trigger: Any) -> Any:
    """The object a rule checks and names as the product: "the plant, which X
    sold" -> the plant; "most of its chips", "$2 million worth of chips" ->
    the chips."""
    if obj is None:
        return None
    if obj.tag_ == "WDT" and trigger.dep_ == "relcl":
        return trigger.head
    if obj.lemma_.lower() in _QUANTIFIERS or obj.lemma_.lower() in _AMOUNTS or obj.pos_ == "NUM":
        inner = [o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        if inner:
            return inner[0]
    return obj


def _object_antecedent(trigger: Any) -> Any:
    """The noun a relative clause with no relative word is about, when the
    clause has its own subject, so the noun is its verb's object: "the flash
    business it bought from Intel" -> business (a business bought is no goods)."""
    if trigger.dep_ != "relcl" or any(c.dep_ in ("dobj", "dative") for c in trigger.children):
        return None
    if any(c.dep_ in ("prep", "dative") and not any(o.dep_ == "pobj" for o in c.children) for c in trigger.children):
        return None  # "the firm it ships to": the noun is the stranded preposition's object, not the goods
    subjects = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or any(s.tag_ in ("WDT", "WP") or s.lower_ == "that" for s in subjects):
        return None
    return trigger.head


def _tails(ctx: Any, tok: Any, rule: Rule, keep: Callable[..., list[Any]]) -> list[Any]:
    if rule.tail_name:
        return [ctx.ents.add(rule.tail_name, rule.tail_type or EntityType.LIST)]
    return _side(ctx, tok, rule, rule.tail, rule.tail_types, "tail", keep)


def verbal_root(tok: Any) -> str | None:
    """The verb a headline-style sentence hides in a noun: in "Micron ships a
    third of its output to Apple" the parser reads "Micron ships" as a noun
    compound.  A root noun ending in -s, after an organisation name and with
    no verb in its sentence, is that verb; so is such a noun with a direct
    object ("CHENGDU - X ships its cards to Y, the companies said"); returns
    its lemma ("ship")."""
    if tok.pos_ not in ("NOUN", "PROPN") or not tok.lower_.endswith("s") or len(tok.lower_) < 4:
        return None
    # a noun never has a direct object: "X ships its cards to Y, the companies said" with "X ships" read as a noun
    has_object = any(c.dep_ == "dobj" for c in tok.children)
    if tok.dep_ != "ROOT" and not has_object:
        return None
    if not any(c.dep_ == "compound" and c.i < tok.i and c.ent_type_ in ("ORG", "", "DATE") and c.pos_ in ("PROPN", "ADJ")
               for c in tok.children):
        return None
    if not has_object and any(t.pos_ in ("VERB", "AUX") for t in tok.sent):
        return None
    low = tok.lower_
    return low[:-3] + "y" if low.endswith("ies") else low[:-1]


def _negated(tok: Any, *, past_counts: bool = False) -> bool:
    """"not", "never", "no longer" on the trigger itself; with ``past_counts``
    (supply), "no longer" and "not ... any more" state a past fact instead."""
    if past_counts and stopped_since(tok, next((c for c in tok.children if c.dep_ == "neg"), None)):
        return any(c.lower_ == "never" for c in tok.children)
    return no_longer(tok) or any(c.dep_ == "neg" or c.lower_ == "never" for c in tok.children)


def _navigate_path(tok: Any, path: tuple[str, ...], ctx: Any = None) -> list[Any]:
    toks = [tok]
    for step in path:  # conditions read labels literally: "poss" is a possessive child here
        toks = _navigate(step, toks, ctx)
        if not toks:
            return []
    return toks
