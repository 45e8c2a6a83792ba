"""Groups named by a description and filled in by names: "five Chinese firms
... These include A and B", "... added these companies to the list:" and one
name a line, "including X and Y", "the defence linked buyer was X".

These procedures need the document around a sentence (the sentences before,
the lines after a colon), so they are code, not grammar rules; they fill the
``members`` of the Placeholders the rules made, and the facts about a
placeholder pass to its members when the extraction is assembled.
"""

from __future__ import annotations

import re
from typing import Any

from chipgraph.graph.model import EntityType, RelationType

from .cleaning import BULLET_MARK
from .engine import procedure
from .orgs import is_known_place
from .facts import GROUP_NOUNS, MIL_CUES, Fact, Placeholder, is_group_noun

__all__ = ["fill_groups", "listed_as_apposition", "names_enumerated", "names_run", "picks_from_them", "settle_groups", "stated_count"]

R = RelationType


def _list_head(ctx: Any, tok: Any) -> Any:
    """The first word of the list name ``tok`` is the last word of ("its
    list of Chinese military companies, including X": "including" hangs on
    "companies", the list is "list")."""
    key = ctx.key(tok)
    while key and tok.dep_ == "pobj" and tok.head.dep_ == "prep" and ctx.key(tok.head.head) == key:
        tok = tok.head.head
    return tok


@procedure("+others", "+list")
def fill_groups(ctx: Any, sents: list[Any], si: int, first_fact: int) -> None:
    """Members of the groups described up to sentence ``si`` ("+others": a fact
    about X shared by "other chipmakers" beside it; "+list": a fact about the
    first name of "A, B and C" shared by the rest)."""
    sent = sents[si]
    doc = sent.doc
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
        named = list(dict.fromkeys((members or []) + bullets))
        groups = [g for g in groups if (stated_count(g.token) or len(named)) >= len(named)] or groups
        if groups:
            best = _best_group(ctx, groups, sent)
            for g in groups:  # "five Chinese companies ... the companies, which ... The Chinese companies are A, B"
                if g is best or (_same_noun(g, best) and not g.members and _same_group(g, best)):
                    g.members.extend((members or []) + bullets)
    # "... added five companies to the Entity List: A, B and C"
    colon = next((t for t in sent if t.text == ":"), None)
    if colon is not None:
        named = names_enumerated(ctx, doc[colon.i + 1:sent.end])
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
    # ("among them X and Y" says the same)
    for t in sent:
        if t.dep_ == "prep" and (t.lower_ == "including" or picks_from_them(t)):
            head_p = t.head.i in ctx.placeholder_at
            if not head_p:  # only when "including" hangs on the verb of the group or on its list
                lst = _list_head(ctx, t.head)
                before = [p for p in ctx.placeholders_in.get(si, []) if p.plural and p.token.i < t.i
                          and (t.head.i in (p.token.head.i, p.token.head.head.i)
                               or (lst.dep_ == "pobj" and lst.head.head.i == p.token.head.i
                                   and ctx.etype(ctx.key(lst)) == EntityType.LIST))]
                if before:
                    for o in t.children:
                        if o.pos_ != "PRON":
                            before[-1].members += [a for a in ctx.args(o) if isinstance(a, str)]
    # "including X and Y" inside the same sentence
    for p in list(ctx.placeholders_in.get(si, [])):
        # "A and its affiliates, including X": the parser may hang "including" on the first conjunct
        hung_on_first = [c for c in p.token.head.children if c.i > p.token.i and c.dep_ == "prep" and c.lower_ == "including"] \
            if p.token.dep_ == "conj" else []
        for c in list(p.token.children) + hung_on_first:
            such_as = c.dep_ == "prep" and c.lower_ == "as" and any(d.lower_ == "such" for d in c.children)
            if c.dep_ == "prep" and c.lower_ in ("including", "like") or (c.dep_ == "amod" and c.lower_ == "such") or such_as \
                    or picks_from_them(c):
                for o in c.children:
                    if o.dep_ != "amod" and o.pos_ != "PRON":
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
                sc = (2 if p.parent and ctx.ents.get(target).part_of == p.parent else 0) + (1 if mil and p.military else 0)
                if sc > score:
                    best, score = p, sc
            if best is not None:
                best.members.append(target)


#: determiners that make a group noun point back at a group already described ("the companies", "these firms")
_BACK_REFERENCE_DETS = frozenset("the these those".split())


#: plain words for companies, any of which may take up a group another named ("23 firms ... The companies are accused ...")
_COMPANY_WORDS = frozenset("company firm entity business enterprise corporation".split())


def _same_noun(a: Placeholder, b: Placeholder) -> bool:
    """Two group nouns of one word, or two plain words for companies."""
    la, lb = a.token.lemma_.lower(), b.token.lemma_.lower()
    return la == lb or la in _COMPANY_WORDS and lb in _COMPANY_WORDS


def _same_group(other: Placeholder, best: Placeholder) -> bool:
    """Another group noun of the same word is the group the list names only
    when one of the two refers back to the other: the later one definite
    ("five companies ... the companies").  "Regulators discouraged Chinese
    firms from ...; the ministry put three firms on its list; they are A, B
    and C": the bare "Chinese firms" before is another group."""
    later = other if other.token.i > best.token.i else best
    return any(d.dep_ == "det" and d.lower_ in _BACK_REFERENCE_DETS for d in later.token.children)


def picks_from_them(t: Any, preps: tuple[str, ...] = ("among",)) -> bool:
    """"among them X and Y" (or, with ``preps``, "two of them"): a preposition
    whose first object is "them", "these" or "those", followed by the names
    or the part it picks out of a group named before."""
    return t.dep_ == "prep" and t.lower_ in preps and any(c.lower_ in ("them", "these", "those") for c in t.children)


def _list_members(ctx: Any, sent: Any) -> list[str] | None:
    """"These include X and Y" / "They include ..." / "Among them are ...": the
    named members of a group announced in the previous sentence."""
    root = sent.root
    if root.lemma_ not in ("include", "be", "comprise"):
        return None
    subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj:
        return None
    s = subj[0]
    if root.lemma_ == "be" and _one_of_them(root):  # "Kestrel Devices was one of them"
        if any(c.dep_ == "neg" for c in root.children):
            return None
        named = [k for k in ctx.args(s) if isinstance(k, str) and ctx.etype(k) == EntityType.ORG]
        return named or None
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
        if out and _after_closed_description(ctx, t, k):
            out.append(k)  # "A, a distributor that shipped X to Y, and B": the parser hangs B inside A's clause
            continue
        # skip names inside relative clauses or "of"/"part of" phrases (the parent, not a member)
        a, inside = t, False
        while a.i != root.i and a.head.i != a.i:
            described = a.dep_ == "appos" and a.head.pos_ == "NOUN" and not ctx.key(a.head)  # "camera makers A and B"
            listed = a.dep_ == "appos" and ctx.key(a) in listed_as_apposition(ctx, a.head)  # "A, B and C" read as "A, (B and C)"
            if a.dep_ in ("relcl", "acl") or (a.dep_ == "appos" and not described and not listed) \
                    or (a.dep_ == "pobj" and a.head.lower_ in ("of", "by", "from", "under", "within", "at", "inside")):
                inside = True
                break
            a = a.head
        if not inside:
            out.append(k)
            if ctx.etype(k) == EntityType.PERSON:
                ctx.ents.get(k).type = EntityType.ORG  # a company NER took for a person
    return out or None


def listed_as_apposition(ctx: Any, t: Any) -> list[str]:
    """"A, B and C" read as "A, (B and C)": B hung on A as a second name of A,
    C as B's conjunct.  A name in apposition that closes with "and"/"or" and
    one more company is no other name of A but the rest of the list (an
    alias stands alone: "A, B, said")."""
    out: list[str] = []
    for a in t.children:
        if a.dep_ != "appos" or a.i <= t.i or ctx.etype(ctx.key(a)) != EntityType.ORG \
                or t.doc[a.left_edge.i - 1].text != ",":
            continue
        rest = [c for c in a.conjuncts if c.i > a.i and ctx.etype(ctx.key(c)) == EntityType.ORG]
        if rest and any(c.dep_ == "cc" and c.lower_ in ("and", "or") for c in a.children):
            out += [k for x in (a, *rest) for k in [ctx.key(x)] if k not in out]
    return out


def _after_closed_description(ctx: Any, t: Any, k: str) -> bool:
    """Token ``t`` starts a name ``k`` that follows ", and" after a member's
    description, coordinated by the parser with a word inside that description."""
    doc, i = t.doc, t.i
    if i < 2 or ctx.key(doc[i - 1]) == k or doc[i - 1].lower_ not in ("and", "or") or doc[i - 2].text != ",":
        return False
    root = t
    while ctx.key(root.head) == k and root.head.i != root.i:
        root = root.head
    return root.dep_ == "conj" and any(a.dep_ in ("relcl", "appos", "acl") for a in (root.head, *root.head.ancestors))


def _one_of_them(root: Any) -> bool:
    """The verb says its subject is "one of them" / "among them" (the group before)."""
    for c in root.children:
        if c.dep_ == "attr" and c.lower_ == "one" or c.dep_ == "prep" and c.lower_ == "among":
            preps = [c] if c.lower_ == "among" else [p for p in c.children if p.dep_ == "prep" and p.lower_ == "of"]
            if any(o.dep_ == "pobj" and o.lower_ in ("them", "these", "those") for p in preps for o in p.children):
                return True
    return False


_BULLET = re.compile(rf"^\s*{BULLET_MARK}\s*")


def names_run(ctx: Any, doc: Any, i: int, bound: int) -> list[str]:
    """The names of the run of names, commas and "and"/"or" that starts at
    token ``i`` and goes on to ``bound`` (exclusive) when ``bound > i``, or
    ends right before ``i`` and goes back to ``bound`` (inclusive) when
    ``bound < i``: a list the parser hung nowhere, read from the text
    (``names_enumerated``: nothing but names, or nothing)."""
    def in_run(t: Any) -> bool:
        return bool(ctx.key(t)) or t.text == "," or t.lower_ in ("and", "or")
    if bound < i:
        start = i
        while start > bound and in_run(doc[start - 1]):
            start -= 1
        return names_enumerated(ctx, doc[start:i])
    end = i
    while end < bound and in_run(doc[end]):
        end += 1
    while end > i and not ctx.key(doc[end - 1]):
        end -= 1  # the run's separators after its last name
    return names_enumerated(ctx, doc[i:end])


def names_enumerated(ctx: Any, span: Any) -> list[str]:
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


def _bullet_members(ctx: Any, sents: list[Any], si: int) -> list[str]:
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
        if bullet and rest and (all(t.is_punct or ctx.etype(ctx.key(t)) == EntityType.GPE or (t.is_title and not ctx.key(t))
                                    for t in rest) or rest[0].lower_ in ("a", "an", "the") or rest[0].is_lower):
            # "- Kestrel Microsystems, Shenzhen" / "- Kestrel Microsystems, a maker of power chips": a name and
            # where it is or what it does
            named = names_enumerated(ctx, body[:comma])
        named = named or names_enumerated(ctx, body)
        if not named or (len(named) > 1 and not bullet):
            break
        out.extend(named)
        i = j
    return out


_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())} | {"dozen": 12, "dozens": 24, "both": 2}


def stated_count(noun: Any) -> int | None:
    """How many a group noun says it has ("two units", "a dozen firms", "31
    entities"), or None when it gives no number."""
    for c in noun.children:
        if c.dep_ in ("nummod", "quantmod", "det") or c.lower_ in _NUMBER_WORDS:
            word = c.lower_.replace(",", "")
            if word in _NUMBER_WORDS:
                return _NUMBER_WORDS[word]
            if word.isdigit():
                return int(word)
    return None


def _best_group(ctx: Any, groups: list[Placeholder], sent: Any) -> Placeholder:
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


def settle_groups(ctx: Any) -> None:
    """After the last sentence: names that fill in a description of
    organisations are organisations, and a singular description under a
    parent ("a unit of CETC") is that parent's one named unit."""
    # names that fill in a description of organisations are organisations ("firms, including SenseTime and Megvii")
    for p in ctx.placeholders:
        if is_group_noun(p.token):
            for m in p.members:
                rec = ctx.ents.get(m)
                if not rec.reference and rec.type in (EntityType.GPE, EntityType.PERSON):
                    rec.type = EntityType.ORG
    # singular descriptions that name a parent resolve to the one unit of that parent
    units: dict[str, list[str]] = {}
    for r in ctx.ents.records.values():
        if r.part_of:
            units.setdefault(r.part_of, []).append(r.key)
    for p in ctx.placeholders:
        if not p.plural and not p.members and p.parent:
            cands = units.get(p.parent, [])
            if len(cands) == 1:
                p.members.append(cands[0])
