"""Lists named by what they hold, and groups named by who says what they are.

Reporters rarely write "the NS-CMIC List".  They write "its list of Chinese
military-industrial complex companies", "the Treasury's Chinese
Military-Industrial Complex Companies List", or skip the list altogether:
"X is one of the firms the Defense Department says are owned or controlled
by the People's Liberation Army".  Each of these names one of the lists of
Chinese military companies (graph.model.MILITARY_LIST_NAMES), so:

- ``described_list`` reads a list noun described by military members (and
  by its keeper: the Treasury keeps the NS-CMIC List, the Pentagon its
  Section 1260H list) as that list, for every rule that reaches a list noun;
- ``military_owned_listing`` (a registered procedure) reads a group the
  Pentagon says is owned, controlled or linked to the military as a listing
  on the Pentagon's list; membership of the list is a MILITARY_LINK too
  (extractor._listed_military adds it);
- ``member_phrase`` tells the context that "X is one of the firms ...",
  "X is among the companies ..." make the firms X.

A description with no keeper and no military members ("its list of
suppliers") is left to salience.Salience.list_noun.
"""

from __future__ import annotations

from typing import Any, Iterable

from chipgraph.graph.model import EntityType, MILITARY_ID, RelationType

from .engine import is_passive, procedure
from .facts import MIL_CUES, is_group_noun
from .negation import no_longer

__all__ = ["described_list", "member_phrase", "military_owned_listing", "PENTAGON_LIST", "sanctions_list_named",
           "TREASURY_LIST"]

PENTAGON_LIST = "DoD Section 1260H list"  # extractor._pentagon_list_of_the_time dates it (Section 1237 before 2021)
TREASURY_LIST = "NS-CMIC List"
#: words in a keeper's name -> the military list it keeps
_KEEPERS = (("treasury", TREASURY_LIST), ("ofac", TREASURY_LIST), ("pentagon", PENTAGON_LIST),
            ("defense", PENTAGON_LIST), ("defence", PENTAGON_LIST), ("dod", PENTAGON_LIST))
#: keepers whose lists of military companies are no list we name (Commerce's Military End-User List)
_OTHER_KEEPERS = ("commerce", "industry and security", "bis")
#: "one of", "some of": a count word whose "of" names the group the subject belongs to
_PART_WORDS = frozenset("one some several many each two three four five few handful dozen".split())
#: verbs by which a body states what a group is ("says are", "identified as", "named among")
_ATTRIBUTING = frozenset("say state determine find identify list name designate deem consider believe classify label "
                         "judge allege add place put include".split())
_MIL_OWN_VERBS = frozenset("own control link tie connect affiliate back".split())


def _words_under(tok: Any) -> set[str]:
    return {t.lower_ for t in tok.subtree} | {t.lemma_.lower() for t in tok.subtree}


def _military_words(ctx: Any, toks: list[Any]) -> bool:
    return any(t.lower_ in MIL_CUES or t.lemma_.lower() in MIL_CUES or ctx.key(t) == MILITARY_ID for t in toks)


#: keepers of the sanctions lists that are no US list, by a word for the keeper, its name or its country code
#: ("the British sanctions list", "the list of entities the bloc says ...", "Britain added X to its own sanctions list")
_SANCTIONS_LIST_BY_KEEPER = {
    "british": "UK sanctions list", "uk": "UK sanctions list", "u.k.": "UK sanctions list", "britain": "UK sanctions list",
    "gb": "UK sanctions list", "eu": "EU sanctions list", "european": "EU sanctions list", "brussels": "EU sanctions list",
    "european union": "EU sanctions list", "bloc": "EU sanctions list",
}


def sanctions_list_named(words: Iterable[str]) -> str | None:
    """The UK's or the EU's sanctions list, named by the first of ``words`` (lower-cased) that names its keeper."""
    return next((_SANCTIONS_LIST_BY_KEEPER[w] for w in words if w in _SANCTIONS_LIST_BY_KEEPER), None)


def _keeper_text(ctx: Any, name_tokens: list[Any]) -> str:
    """The words of ``name_tokens`` and the names of the bodies they mention, lower-cased."""
    texts: list[str] = []
    for c in name_tokens:
        k = ctx.key(c) or (ctx.stand_in(c) if c.lower_ in ("its", "their") else None)
        if isinstance(k, str) and k != MILITARY_ID:
            rec = ctx.ents.get(k)
            texts.append(" ".join((rec.name, *rec.aliases)).lower())
        texts.append(c.lower_)
    return " ".join(texts)


def _keeper_list(ctx: Any, name_tokens: list[Any]) -> str | None:
    """The military list the body named by ``name_tokens`` keeps ("" for a
    body whose list is none of ours, None for no body)."""
    joined = _keeper_text(ctx, name_tokens)
    for word, name in _KEEPERS:
        if word in joined.split() or word in joined:
            return name
    if any(w in joined for w in _OTHER_KEEPERS):
        return ""
    return None


def described_list(ctx: Any, t: Any) -> str | None:
    """The military list a list noun describes: "its list of Chinese
    military-industrial complex companies", "the Treasury's Chinese
    Military-Industrial Complex Companies List", "the Pentagon's list of
    companies linked to the Chinese military" (None when it names no
    military members)."""
    members = [o for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    own_words = [c for c in t.children if c.dep_ in ("compound", "amod", "nmod") and c.i < t.i]
    # "a list of companies it says work with China's military": the parser hangs the clause on "list"
    said = [c for c in t.children if c.dep_ in ("relcl", "acl") and members and c.lemma_.lower() in _ATTRIBUTING]
    described = [x for m in members for x in m.subtree] + [x for c in own_words + said for x in c.subtree]
    if not _military_words(ctx, described):
        return None
    if not any(is_group_noun(x) or x.lemma_.lower() in ("company", "companies") for x in described):
        return None  # "a list of military equipment": not a list of companies
    words = {x.lower_ for x in described}
    keeper_words = [c for c in t.children if c.dep_ in ("poss", "compound") and c.i < t.i]
    if not keeper_words and t.dep_ == "pobj" and t.head.lower_ in ("to", "on", "onto"):
        # "The Defense Department added X to a list of companies ...": who adds keeps the list
        keeper_words = [x for c in t.head.head.children if c.dep_ == "nsubj" for x in c.subtree]
    # "EU governments added 61 companies to the list of entities the bloc says support Moscow's military": the EU's list
    sanctions = sanctions_list_named(_keeper_text(ctx, keeper_words + described).split())
    if sanctions:
        return ctx.ents.add(sanctions, EntityType.LIST)
    if "industrial" in words and "complex" in words:
        return ctx.ents.add(TREASURY_LIST, EntityType.LIST)
    keeper = _keeper_list(ctx, keeper_words)
    if keeper == "":
        return None
    return ctx.ents.add(keeper or PENTAGON_LIST, EntityType.LIST)


def member_phrase(t: Any) -> bool:
    """"X is one of the firms", "X is among the companies", "named X among
    firms": ``t`` is a group that the phrase makes X a member of."""
    if t.dep_ != "pobj" or not is_group_noun(t):
        return False
    prep = t.head
    if prep.lower_ == "among":
        verb = prep.head
    elif prep.lower_ == "of" and prep.head.lower_ in _PART_WORDS and prep.head.dep_ in ("attr", "nsubj", "dobj", "appos", "pobj", "oprd"):
        verb = prep.head.head
    else:
        return False
    # "X is not one of the firms", "X is no longer among them": no member
    return not (no_longer(verb) or any(c.dep_ == "neg" for c in verb.children))


def _attribution(tok: Any) -> Any | None:
    """The verb by which a body states what ``tok``'s clause says ("the
    Defense Department says [firms] are owned ...", "[firms] the Pentagon
    has identified as ...", "the Pentagon said X was one of ... owned by")."""
    cur = tok
    for _ in range(8):
        if cur.lemma_.lower() in _ATTRIBUTING and cur.pos_ == "VERB" and cur.i != tok.i:
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


@procedure("military-owned-listing")
def military_owned_listing(ctx: Any, tok: Any) -> None:
    """"X is one of the firms the Defense Department says are owned or
    controlled by the People's Liberation Army": the Pentagon's finding that
    a company is a military one is a listing on its list (the military link
    follows from the listing)."""
    if tok.lemma_.lower() not in _MIL_OWN_VERBS or tok.pos_ != "VERB":
        return
    if tok.dep_ == "conj" and tok.head.lemma_.lower() in _MIL_OWN_VERBS:
        return  # "owned or controlled by": read once, from the first verb
    agents = [o for v in (tok, *tok.conjuncts) for c in v.children if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "to", "with")
              for o in c.children if o.dep_ == "pobj"]
    if not agents or not _military_words(ctx, [x for a in agents for x in a.subtree]):
        return
    if not is_passive(tok) and tok.lemma_.lower() not in ("link", "tie", "connect", "affiliate"):
        return
    verb = _attribution(tok)
    if verb is None:
        return
    body = [x for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "agent") for x in c.subtree]
    if _keeper_list(ctx, [x for x in body if x.dep_ not in ("relcl", "acl")]) != PENTAGON_LIST:
        return
    found = ctx.subjects(tok)
    if not found and verb.dep_ == "relcl":  # "firms the Defense Department says are owned by ...": the firms
        found = ctx.args(verb.head)
    listed = [x for x in ctx.orgs(found) if isinstance(x, str) and x != MILITARY_ID and not ctx.is_authority(x)]
    if listed:
        ctx.emit(listed, RelationType.DESIGNATED, [ctx.ents.add(PENTAGON_LIST, EntityType.LIST)], tok,
                 "rule:military-owned-listing", 0.75)
