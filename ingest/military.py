"""MILITARY_LINK from military cue words, walked up the parse.

A cue ("military", "defence", "PLA", "army") links the organisation it
describes: "a defence linked buyer", "linked to the military", "a military
research institute", "supplier to the army", "Hikvision's military ties".
The walk from the cue to what it describes takes several steps through
modifiers, prepositions and verbs, and marks descriptions (placeholders) as
military for later sentences, so it stays a registered procedure.
"""

from __future__ import annotations

from typing import Any

from chipgraph.graph.model import EntityType, MILITARY_ID, RelationType

from .engine import is_passive, procedure
from .facts import GROUP_NOUNS, Placeholder, is_group_noun, name_after_misread_modifier, supply_verbs

__all__ = ["military_link", "arms_trade_cue", "MIL_VERBS"]

R = RelationType
#: making goods links a maker only when they are called military ones: chips "for missiles" are a product's use
_MAKING_VERBS = frozenset("build make produce manufacture design assemble".split())
#: people a military word may describe ("a PLA officer", "army veterans"): their tie is not the company's
_PEOPLE_NOUNS = frozenset("officer officers general generals veteran veterans soldier soldiers official officials engineer "
                          "engineers scientist scientists executive executives founder founders employee employees staff "
                          "member members commander commanders colonel researcher researchers chief".split())
MIL_VERBS = frozenset("link tie connect affiliate serve supply support work sell be have own control equip "
                      "help assist aid enable acquire obtain procure divert develop found establish create run operate back fund "
                      "finance cooperate collaborate partner team buy purchase source import provide".split()) | _MAKING_VERBS
#: what a company is "part of" when the military is what it names ("part of China's military-industrial complex")
_MIL_BODIES = frozenset("complex establishment apparatus industry sector base".split())
_MEMBERSHIP = frozenset("part member component pillar belong".split())


#: goods only armed forces buy: a maker of them is a defence company ("Russian arms maker X")
_ARMS_WORDS = frozenset("arms weapons weapon munitions armaments missile missiles tank tanks artillery ammunition warship warships "
                         "howitzer howitzers".split())
#: what such a word must describe to name a company by its trade (not "its chip arms", "arms control")
_TRADE_NOUNS = frozenset("maker makers manufacturer manufacturers producer producers supplier suppliers exporter exporters "
                         "dealer dealers contractor contractors company companies firm firms group conglomerate "
                         "developer developers designer designers body institute laboratory laboratories academy".split())


def arms_trade_cue(tok: Any) -> bool:
    """"Russian arms maker X", "a weapons manufacturer": a word for weapons
    modifying a company noun describes a defence company, as "defence" does
    ("defence contractor X"); alone "arms" is often a company's units."""
    if tok.lower_ not in _ARMS_WORDS or tok.dep_ not in ("compound", "amod", "nmod") or tok.head.i != tok.i + 1:
        return False
    noun = tok.head
    if noun.lower_ in ("research", "development", "systems") and noun.dep_ == "compound" and noun.head.i == noun.i + 1:
        noun = noun.head  # "the country's main nuclear weapons research body"
    return noun.lower_ in _TRADE_NOUNS


#: roles a company plays for a buyer, besides the company nouns: "a procurement agent for Russia's
#: military-industrial complex", "one of the main sources of chips for the defence industry"
_AGENT_NOUNS = frozenset({"agent", "source", "front", "conduit", "intermediary", "middleman", "broker"})


@procedure("military-modifier", "military-ties", "supplies-military-buyers", "military-description", "military-link",
           "listed-citing-military")
def military_link(ctx: Any, tok: Any) -> None:
    """A military cue word ("defence linked buyer", "linked to the military",
    "a military research institute", "supplier to the army") -> the
    organisation it describes gets MILITARY_LINK."""
    described = name_after_misread_modifier(tok)
    if described is not None and ctx.etype(ctx.key(described)) == EntityType.ORG:
        # "ships parts to defence contractor Thales", the cue read as the object: it describes Thales
        ctx.emit([ctx.key(described)], R.MILITARY_LINK, [ctx.ents.add("military", EntityType.LIST)], tok,
                 "rule:military-description", 0.75)
        return
    cur = tok
    while ctx.key(tok) == MILITARY_ID and ctx.key(cur.head) == MILITARY_ID and cur.head.i != cur.i:
        cur = cur.head  # "China's armed forces": walk on from the name's last word
    helped = False  # reached the verb as the one it helps: that verb's clause decides whether it holds
    used_goods = False  # passed goods the military uses: only their maker or seller is linked, not a buyer
    for _ in range(7):
        if cur.head.i == cur.i:
            return
        dep = cur.dep_
        if dep == "nsubj" and cur.head.dep_ in ("ccomp", "xcomp") and cur.head.head.lemma_.lower() in _CAUSATIVES:
            cur = cur.head.head  # "helps the military develop drones": the military is who is helped
            helped = True
        elif dep not in ("amod", "compound", "npadvmod", "pobj", "prep", "agent", "dative", "acl", "advmod", "nmod", "dobj", "conj", "hmod",
                         "poss"):  # "poss": "supports the military's modernisation"
            return
        else:
            cur = cur.head
        if cur.pos_ == "NOUN" and (cur.lemma_.lower() in _PEOPLE_NOUNS or any(
                c.dep_ == "amod" and c.lower_ in ("former", "retired", "ex") for c in cur.children)):
            return  # "founded by a former PLA officer": a person's past, not the company's tie
        k = ctx.key(cur)
        if k:
            # (not "the PLA's Strategic Support Force": a branch of the military is the military itself)
            if ctx.etype(k) == EntityType.ORG and cur.i != tok.i and dep != "poss":
                ctx.emit([k], R.MILITARY_LINK, [ctx.ents.add("military", EntityType.LIST)], tok, "rule:military-modifier", 0.75)
            return
        if cur.pos_ == "NOUN" and cur.lemma_.lower() in ("link", "tie", "connection", "relationship", "affiliation", "dealing",
                                                         "dealings", "cooperation", "collaboration", "partnership", "work"):
            owners = [k for c in cur.children if c.dep_ == "poss" and (k := ctx.key(c) or ctx.stand_in(c)) and ctx.etype(k) == EntityType.ORG]
            if owners:  # "Hikvision's military ties"
                ctx.emit(owners, R.MILITARY_LINK, [ctx.ents.add("military", EntityType.LIST)], tok, "rule:military-ties", 0.7)
                return
        direct = all(a.dep_ in ("amod", "compound") for a in tok.doc[min(tok.i, cur.i):cur.i] if a.i >= tok.i) and tok.i < cur.i
        if direct and cur.pos_ in ("NOUN", "PROPN") and (cur.dep_ == "dobj" and cur.head.lemma_.lower() in supply_verbs() | {"equip", "serve", "arm"}
                                             or cur.dep_ == "pobj" and cur.head.lower_ == "to" and cur.head.head.lemma_.lower() in supply_verbs()
                                             or _procures_for(cur)):
            verb = cur.head if cur.dep_ == "dobj" else _verb_of(cur.head.head)
            sellers = [x for x in ctx.orgs(ctx.subjects(verb)) if x != MILITARY_ID]  # "X supplied Russian military firms"
            if sellers:
                # the sale must be asserted ("never sold chips to a defence company"), not only the buyer's description
                ctx.emit(sellers, R.MILITARY_LINK, [ctx.ents.add("military", EntityType.LIST)], verb, "rule:supplies-military-buyers", 0.75)
                return
        if cur.pos_ in ("NOUN", "PROPN") and (cur.lemma_.lower() in GROUP_NOUNS | _AGENT_NOUNS
                                             or cur.lower_ in _TRADE_NOUNS and arms_trade_cue(tok)):  # "a missile developer"
            targets = ctx.orgs(ctx.described(cur))
            if cur.dep_ in ("pobj", "dobj", "conj", "nsubj", "nsubjpass", "appos", "attr") and not targets:
                targets = [ctx.placeholder(cur)] if cur.tag_ == "NNS" or any(c.dep_ == "det" for c in cur.children) else []
            if targets:
                p = [t for t in targets if isinstance(t, Placeholder)]
                for x in p:
                    x.military = True
                # a description in the predicate ("identified X as a military company") holds only if the predicate does
                anchor = cur if cur.dep_ in ("attr", "oprd") or cur.dep_ == "pobj" and cur.head.lower_ == "as" else tok
                ctx.emit([t for t in targets if not isinstance(t, Placeholder)], R.MILITARY_LINK,
                         [ctx.ents.add("military", EntityType.LIST)], anchor, "rule:military-description", 0.75)
            _other_siblings(ctx, cur, tok)
            return
        if cur.pos_ == "NOUN" and cur.lemma_.lower() in _MIL_BODIES and cur.dep_ == "pobj" and cur.head.lower_ in ("of", "to") \
                and cur.head.head.lemma_.lower() in _MEMBERSHIP:
            member = cur.head.head  # "X is part of / belongs to China's military-industrial complex", "X, part of ..."
            verb = member.head if member.pos_ == "NOUN" and member.dep_ in ("attr", "acomp") else member
            members = ctx.args(member.head, conj=False) if member.dep_ == "appos" else ctx.subjects(verb)
            named = [s for s in ctx.orgs(members) if not isinstance(s, Placeholder) and s != MILITARY_ID]
            ctx.emit(named, R.MILITARY_LINK, [ctx.ents.add("military", EntityType.LIST)], verb, "rule:military-link", 0.75)
            return
        if cur.pos_ == "VERB" and cur.dep_ == "amod":
            continue  # "a PLA-linked chipmaker", "military-backed firm X": the word describes the noun it modifies
        if cur.pos_ in ("VERB", "AUX") and cur.lemma_.lower() in MIL_VERBS:
            if cur.lemma_.lower() in _MAKING_VERBS and tok.lemma_.lower() not in ("military", "defence", "defense", "army", "armed", "navy",
                                                                                 "force"):
                return  # "designs chips for satellites and missiles": makes-goods-for-weapons reads the weapons (not "for the army")
            if used_goods and cur.lemma_.lower() not in _MAKING_VERBS | supply_verbs():
                return  # "bought trucks used by the army": a buyer of such goods is not tied to the army
            subj = ctx.orgs(ctx.subjects(cur))
            if not subj and cur.lemma_.lower() in ("support", "serve", "help", "equip", "aid", "enable"):
                subj = _makers_of_goods_subject(ctx, cur)  # "its chips support the PLA's modernisation": their maker
            obj = next((c for c in cur.children if c.dep_ == "dobj"), None)
            if cur.lemma_.lower() in ("link", "tie", "connect") and obj is not None and not is_passive(cur):
                # "a conglomerate that US authorities have linked to the military"
                subj = ctx.orgs(ctx.args(cur.head, conj=False) if (obj.tag_ in ("WDT", "WP") or obj.lower_ in ("that", "which", "who", "whom")) and cur.dep_ == "relcl" else ctx.args(obj))
            named = [s for s in subj if not isinstance(s, Placeholder) and s != MILITARY_ID]
            for s in subj:
                if isinstance(s, Placeholder):
                    s.military = True
                    _other_siblings(ctx, s.token, tok)
            if any(c.dep_ == "neg" or c.lower_ == "never" for c in cur.children):
                return  # "does not make military drones" (an aim, "sought to acquire ... for the military", still links)
            ctx.emit(named, R.MILITARY_LINK, [ctx.ents.add("military", EntityType.LIST)], cur if helped else tok,
                     "rule:military-link", 0.75)
            return
        if cur.pos_ == "VERB" and cur.lemma_.lower() in ("cite", "accuse", "blame", "allege") and cur.dep_ in ("advcl", "conj") \
                and cur.head.lemma_.lower() in _LISTING_VERBS:
            # "added X to the list, citing its support for the military": the reason is X's
            _listed_for_military(ctx, cur.head, tok)
            return
        if cur.pos_ == "NOUN" and cur.lemma_.lower() in _REASON_NOUNS and cur.dep_ == "pobj" \
                and cur.head.lower_ in _REASON_PREPS and cur.head.head.lemma_.lower() in _LISTING_VERBS:
            # "were added to the Entity List over their support for Chinese military aircraft programmes"
            _listed_for_military(ctx, cur.head.head, tok)
            return
        if cur.pos_ == "VERB" and cur.dep_ == "acl" and cur.lemma_.lower() in _USED_BY_VERBS \
                and any(c.dep_ == "agent" for c in cur.children):
            used_goods = True
            continue  # "drones flown by the Russian army": goods the military uses; on to who makes or sells them
        if cur.pos_ == "VERB":
            return


#: buying for someone else: an agent who "sources components for Russian missile makers" supplies them
_PROCURING_VERBS = frozenset("source procure buy purchase obtain acquire import".split())


def _procures_for(noun: Any) -> bool:
    """``noun`` (a group of buyers: "missile makers", "defence firms") is what
    a seller or buyer acts "for": "sources components for ...", "buys parts for ..."."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for" or not is_group_noun(noun):
        return False
    verb = _verb_of(noun.head.head)
    return verb.lemma_.lower() in _PROCURING_VERBS | supply_verbs()


def _verb_of(tok: Any) -> Any:
    """The verb ``tok`` is, or the verb whose object it is ("sources [components] for X")."""
    return tok.head if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else tok


#: what the military does with goods, said of them ("drones flown by the army", "radios used by the navy")
_USED_BY_VERBS = frozenset("use fly deploy operate field employ install".split())

#: verbs whose object does the next verb with the subject's help ("help the PLA build drones")
_CAUSATIVES = frozenset("help assist aid enable".split())

#: verbs that put a company on a list, whose stated reason is the company's
_LISTING_VERBS = frozenset("add place put include designate list name blacklist sanction".split())
#: what a listing gives as its reason ("over its support for", "for its role in"), and the words that introduce it
_REASON_NOUNS = frozenset("support backing assistance help aid contribution contributions role involvement ties links "
                          "supplies sales shipments work".split())
_REASON_PREPS = frozenset("for over".split())


def _makers_of_goods_subject(ctx: Any, verb: Any) -> list[Any]:
    """The company whose goods are ``verb``'s subject ("its chips", "X's
    radars"): goods that support the military tie their maker to it.  An
    "its" under a reason a listing gives ("added X to the list, alleging
    that its chips ...") is the company listed."""
    goods = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN" and not ctx.key(c)]
    gov = verb.head  # the verb that reports the clause ("alleging that its chips ...")
    while gov.dep_ in ("ccomp", "conj") and gov.head.i != gov.i:
        gov = gov.head
    in_listing_reason = gov.lemma_.lower() in ("allege", "cite", "say", "accuse", "claim") and gov.head.lemma_.lower() in _LISTING_VERBS
    out: list[Any] = []
    for g in goods:
        for p in g.children:
            if p.dep_ != "poss":
                continue
            if p.tag_ == "PRP$" and in_listing_reason:
                out += [x for x in _listed_by(ctx, gov.head) if x not in out]
                continue
            k = ctx.possessor(p)
            if k and ctx.etype(k) == EntityType.ORG and k not in out:
                out.append(k)
    return out


def _listed_by(ctx: Any, gov: Any) -> list[Any]:
    """The organisations (or descriptions) the listing verb ``gov`` puts on a list."""
    obj = next((c for c in gov.children if c.dep_ == "dobj"), None)
    listed = ctx.subjects(gov) if is_passive(gov) else (ctx.args(obj) if obj is not None else [])
    if not listed and gov.dep_ == "relcl":  # "X, a designer that Washington added to the list, ..."
        listed = ctx.args(gov.head, conj=False)
    return [x for x in ctx.orgs(listed) if x != MILITARY_ID]


def _listed_for_military(ctx: Any, gov: Any, cue: Any) -> None:
    """The companies the listing verb ``gov`` puts on a list, when the reason
    it gives names the military: each is linked to it."""
    listed = _listed_by(ctx, gov)
    for x in listed:
        if isinstance(x, Placeholder):
            x.military = True
    ctx.emit([x for x in listed if not isinstance(x, Placeholder)], R.MILITARY_LINK,
             [ctx.ents.add("military", EntityType.LIST)], cue, "rule:listed-citing-military", 0.75)


@procedure("other-military")
def _other_siblings(ctx: Any, noun: Any, cue: Any) -> None:
    """"X and other chipmakers linked to the military": X is one of them too."""
    p = ctx.placeholder(noun)
    if p.siblings:
        ctx.emit(p.siblings, R.MILITARY_LINK, [ctx.ents.add("military", EntityType.LIST)], cue, "rule:other-military", 0.7)
