"""Supply verbs the small parser reads as nouns after a plural subject.

"Intel's factories supply chips to Apple", "Both A and B ship wafers to C",
"A's plants in Penang supply modules to C": en_core_web_sm often tags the
present-tense "supply"/"ship" after a plural noun or a coordination as a noun
compound ("supply chips"), so no verb rule fires.  Work done for a customer
reads the same way with "for": "JCET packages chips for HiSilicon", "ASE
assembles and tests chips for Nvidia"; buying names the buyer first: "SMIC
and Hua Hong buy tools from X", "Huawei outsources production to X".  This reads the surface
instead: an organisation (or its plants) before the word, the goods after it,
then "to" and the buyer, with no verb, comma or hedge in between.  A real
noun ("supply chain", "a ship") never has that shape: it has a determiner or
adjective before it, or a noun after it that is no good sold.
"""

from __future__ import annotations

from typing import Any

from chipgraph.graph.model import EntityType, MILITARY_ID, RelationType

from .engine import load_grammar, procedure
from .facts import is_group_noun, name_after_misread_modifier

__all__ = ["counted_among_customers_misparsed", "goods_read_as_coordinated_verb", "misparsed_supply", "recipient_read_as_object"]

#: base forms of the verbs (the present is what the parser misreads) and the prepositions before the buyer
_VERBS: dict[str, frozenset[str]] = {
    # "supplies HBM for X's accelerators": goods for a buyer's products
    **dict.fromkeys("supply ship sell provide deliver".split(), frozenset({"to", "for"})),
    **dict.fromkeys(["export"], frozenset({"to"})),
    # work done on a customer's goods: "packages chips for X", "assembles and tests modules for X"
    **dict.fromkeys("package assemble test manufacture fabricate make produce build".split(), frozenset({"for"})),
    # the buyer before the word: "SMIC and Hua Hong buy tools from X", "Huawei outsources production to X"
    **dict.fromkeys("buy purchase source import procure".split(), frozenset({"from"})),
    **dict.fromkeys("outsource subcontract".split(), frozenset({"to"})),
}
#: verbs whose clause names the buyer before them and the seller after the preposition
_BUYER_FIRST = frozenset("buy purchase source import procure outsource subcontract".split())
#: what may stand before the verb besides the seller's name: its plants, coordination, "also"
_BEFORE_OK = frozenset("'s ' and both all also still now jointly together together, currently such as like including ,".split())
#: what may stand between the verb and "to": the goods (with their count and adjectives)
_OBJECT_TAGS = frozenset("NN NNS NNP NNPS JJ CD DT PRP$ HYPH".split())
#: nouns after the word that make it a noun ("supply chain", "supply deal")
_NOUN_READINGS = frozenset("chain chains deal deals agreement agreements contract contracts shortage shortages crunch line lines "
                           "route routes base side problem problems pact cut cuts disruption disruptions constraint constraints "
                           "security glut issue issues risk risks network networks manager managers officer officers "
                           "relationship relationships arrangement arrangements talks".split())
#: the nouns a description that sells may end in, whatever the parser hung its "the" on
_GENERIC_SELLERS = frozenset("company firm group chipmaker maker manufacturer supplier producer foundry trader distributor".split())
_STOP_WORDS = frozenset("not never no could may might would will should must can to plan plans want wants hope".split())


def _seller_span(ctx: Any, tok: Any) -> list[Any]:
    """The tokens before ``tok`` back to the clause's start, when they are
    only names, plural nouns (plants, units), places and linking words."""
    sent_start = tok.sent.start
    span: list[Any] = []
    i = tok.i - 1
    while i >= sent_start:
        t = tok.doc[i]
        if t.text == "," and i > sent_start and ctx.key(tok.doc[i - 1]) and ctx.key(tok.doc[i + 1]):
            span.append(t)  # "Applied Materials, Lam Research and KLA sell ...": a list of names goes on
            i -= 1
            continue
        if t.is_punct and t.text not in ("'",):
            break
        if t.lower_ in _STOP_WORDS:
            return []
        if (t.pos_ in ("VERB", "AUX") or t.lower_ in ("that", "while", "whereas", "but")) and not ctx.key(t):
            break  # "analysts said (that) A's plants supply ...": the clause starts after it
        span.append(t)
        i -= 1
    span.reverse()
    if not span:
        return []
    for t in span:
        named = ctx.key(t) is not None
        if not (named or t.lower_ in _BEFORE_OK or t.tag_ in ("NNS", "POS", "JJ") or t.lower_ in ("in", "of", "at")):
            return []
    return span


def _name_before_aside(ctx: Any, tok: Any) -> list[Any]:
    """"A, which is owned by B, ships memory to C": right after an aside set
    off by commas (a relative clause or a description of the name that opens
    the sentence), the seller is that name, not B inside the aside."""
    comma = tok.i - 1
    if comma <= tok.sent.start or tok.doc[comma].text != ",":
        return []
    t = tok.doc[comma - 1]
    # up to the aside that opens with a comma right after what it describes
    # ("A, which is controlled by the investor B, ships": not "the investor B", an aside in the aside)
    while (t.dep_ not in ("relcl", "appos", "acl") or t.doc[t.head.i + 1].text != ",") and t.head.i != t.i:
        t = t.head
    name = t.head
    if t.dep_ not in ("relcl", "appos", "acl"):
        return []
    if not ctx.key(name) and name.dep_ == "appos" and ctx.key(name.head):
        name = name.head  # "Wiwynn, the server maker controlled by Wistron, ships ...": the maker is Wiwynn
    return _whole_name_opening_clause(ctx, name)


def _whole_name_opening_clause(ctx: Any, last: Any) -> list[Any]:
    """The tokens of the name ``last`` ends, when that name opens its clause
    (see _opens_clause); else none."""
    key = ctx.key(last)
    if not key:
        return []
    first = last
    while first.i > first.sent.start and ctx.key(first.doc[first.i - 1]) == key:
        first = first.doc[first.i - 1]
    if not _opens_clause(_description_before(ctx, first, last)):
        return []
    return [x for x in last.doc[first.i:last.i + 1] if ctx.key(x) == key]


def _description_before(ctx: Any, first: Any, last: Any) -> Any:
    """The first token of a description right before a name ("Italian wafer
    maker X", "Chipmaker X"): words of no other name that the parser hung
    on the name, so the clause opens with the description; else ``first``."""
    lead = first
    while lead.i > lead.sent.start:
        t = lead.doc[lead.i - 1]
        if t.tag_ not in ("JJ", "NN", "NNS", "NNP", "HYPH", "VBN", "DT") or ctx.key(t) or not _hangs_on(t, last):
            break
        lead = t
    return lead


def _hangs_on(t: Any, last: Any) -> bool:
    """``t``'s heads lead to ``last`` within a few steps."""
    for _ in range(4):
        if t.head.i == last.i:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _name_before_phrase(ctx: Any, tok: Any) -> list[Any]:
    """"while A, after long delays, supplies HBM to C": a short phrase with
    no verb set off by commas stands between the seller's name and the word."""
    comma = tok.i - 1
    if comma <= tok.sent.start or tok.doc[comma].text != ",":
        return []
    opening = next((i for i in range(comma - 1, max(comma - 8, tok.sent.start), -1) if tok.doc[i].text == ","), None)
    if opening is None or opening == comma - 1 or any(
            t.pos_ in ("VERB", "AUX") or ctx.key(t) for t in tok.doc[opening + 1:comma]):
        return []
    if ctx.etype(ctx.key(tok.doc[opening - 1])) != EntityType.ORG:
        return []
    return _whole_name_opening_clause(ctx, tok.doc[opening - 1])


def _gerund_before_goods(t: Any) -> bool:
    """"etching tools", "testing equipment": a process word before the goods noun."""
    return t.tag_ == "VBG" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].tag_ in ("NN", "NNS")


def _verb_lost_its_subject(tok: Any) -> bool:
    """"In Europe, A, which is owned by B, ships ...": the verb read right
    but its subject hung elsewhere (here as a second place after "Europe"),
    so the sentence's main verb has no subject of its own."""
    return tok.dep_ == "ROOT" and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in tok.children)


def _goods_word_read_as_verb(t: Any) -> bool:
    """"supplies gallium nitride wafers", "transmit-receive modules": once the
    tagger has made the supply verb a noun, it takes a material or process
    word in front of the goods for the verb; a lower-case bare verb form
    that stands before a noun is one more word of the goods."""
    nxt = t.doc[t.i + 1] if t.i + 1 < t.sent.end else None
    return t.tag_ in ("VB", "VBP") and t.is_lower and t.is_alpha and nxt is not None and nxt.tag_ in ("NN", "NNS", "HYPH")


def _goods_read_as_verb(word: Any, t: Any) -> bool:
    """"X, the plant owned by Y, ships wafers to Sony": after a long subject the
    tagger swaps the two, the verb a plural noun and the goods the clause's
    verb ("wafers" as VBZ); a lower-case -s word right after the misread verb
    is the goods."""
    if t.i != word.i + 1 or word.tag_ != "NNS" or t.dep_ != "ROOT" or not t.is_lower:
        return False
    if t.tag_ == "VBZ":
        return t.lower_.endswith("s")
    # "X ships inverter components to Y": the goods' first word read as the verb, its plural noun as the object
    return t.tag_ == "VBP" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].dep_ == "dobj" and t.doc[t.i + 1].tag_ == "NNS" \
        and t.doc[t.i + 1].head.i == t.i


def _all_of_them(ctx: Any, word: Any) -> bool:
    """"A, B and C all sell ...": "all" (or "both") after the names is no determiner of the word."""
    return word.lower_ in ("all", "both") and word.i > 0 and ctx.key(word.doc[word.i - 1]) is not None


def _party(ctx: Any, t: Any) -> bool:
    """``t`` names an organisation or place, not goods ("EUV" is a product)."""
    k = ctx.key(t)
    return bool(k) and ctx.etype(k) != EntityType.PRODUCT


def _brand(t: Any, prep: frozenset[str]) -> bool:
    """A maker's name with more goods words after it ("ships Nvidia GB200
    racks to X"): part of what is sold, not a party."""
    after = t.doc[t.i + 1] if t.i + 1 < t.sent.end else None
    return after is not None and after.lower_ not in prep and after.tag_ in ("NN", "NNS", "NNP", "NNPS", "CD", "HYPH")


def _opens_clause(first: Any) -> bool:
    """True when ``first`` starts the sentence or follows only an
    introductory phrase and its comma ("On the server side, Wiwynn ...",
    "Meanwhile, A ..."): a phrase with no verb of its own."""
    start = first.sent.start
    if first.i == start or first.doc[first.i - 1].lower_ in ("that", "while", "whereas") and first.doc[first.i - 1].dep_ == "mark":
        return True  # "Analysts said that A, which ..., ships ...", "..., while A ships ...": the clause starts after it
    if first.doc[first.i - 1].text != ",":
        return False
    return all(x.pos_ not in ("VERB", "AUX") and x.text != "," for x in first.doc[start:first.i - 1])


def _described_seller(ctx: Any, tok: Any) -> list[str]:
    """"The company ships chips to X", "The Munich-based group sources wafers
    from Y": a definite description opening the clause right before the word
    stands for the company it refers to (ContextReferences.definite_reference)."""
    noun = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    if noun is None or noun.tag_ != "NN" or not is_group_noun(noun):
        return []
    i = noun.i - 1  # back over its adjectives ("The Munich-based group"), whatever the parser hung them on
    while i > tok.sent.start and (tok.doc[i].tag_ in ("JJ", "NN", "NNP", "HYPH", "VBN") or _comma_in_place(ctx, tok.doc[i])):
        i -= 1
    first = tok.doc[i] if i >= tok.sent.start else noun
    if first.lower_ != "the" or not _opens_clause(first) or any(
            t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" or t.is_punct and t.text != "-" and not _comma_in_place(ctx, t)
            for t in tok.doc[first.i:noun.i]):
        return []
    # (the parser may hang "the" on the goods: "The company ships memory chips ..." read as one noun phrase)
    found = ctx.definite_reference(noun) or (ctx.salience.previous(noun) if noun.lower_ in _GENERIC_SELLERS else None)
    return [found] if found and ctx.etype(found) == EntityType.ORG and not ctx.is_authority(found) else []


def _comma_in_place(ctx: Any, t: Any) -> bool:
    """The comma of "Austin, Texas" inside a description ("The Austin,
    Texas-based company"): between two places."""
    return t.text == "," and 0 < t.i < len(t.doc) - 1 and ctx.etype(ctx.key(t.doc[t.i - 1])) == EntityType.GPE \
        and ctx.etype(ctx.key(t.doc[t.i + 1])) == EntityType.GPE


#: words for a part of what is made ("ships most of its output to X")
_SHARE_WORDS = frozenset("most much half all some part bulk share majority third quarter".split())


def _share_of(word: Any) -> bool:
    """"most of its output": the "of" (or the share word the tagger read as
    an adverb) inside the goods, after a word for a part of them."""
    doc = word.doc
    if word.lower_ in _SHARE_WORDS:
        return word.i + 1 < len(doc) and doc[word.i + 1].lower_ == "of"
    return word.lower_ == "of" and word.i > 0 and doc[word.i - 1].lower_ in _SHARE_WORDS


@procedure("supply-misparsed")
def misparsed_supply(ctx: Any, tok: Any) -> None:
    """"A's plants supply chips to B" read as a noun compound: A sold to B."""
    base = tok.lower_ if tok.lower_ in _VERBS else tok.lemma_.lower() if tok.tag_ in ("NNS", "VBZ") else ""
    prep = _VERBS.get(base)
    if not prep or tok.pos_ == "VERB" and tok.dep_ not in ("compound", "amod", "nmod") and not _verb_lost_its_subject(tok):
        return
    if tok.i > tok.sent.start and tok.doc[tok.i - 1].tag_ in ("DT", "JJ", "PRP$") and not _all_of_them(ctx, tok.doc[tok.i - 1]) \
            and not ctx.key(tok.doc[tok.i - 1]):  # (not "Denso supplies", the name read as an adjective)
        return  # "the supply", "a ship", "its supply": a noun
    # "assembles and tests chips for X": a second verb of the same kind
    j = tok.i + 1
    while j + 1 < tok.sent.end and tok.doc[j].lower_ == "and" and _VERBS.get(tok.doc[j + 1].lemma_.lower()) == prep:
        j += 2
    # the goods, then "to" (or "for")
    goods = []
    while j < tok.sent.end and tok.doc[j].lower_ not in prep and (
            tok.doc[j].tag_ in _OBJECT_TAGS or _gerund_before_goods(tok.doc[j]) or _goods_read_as_verb(tok, tok.doc[j])
            or _goods_word_read_as_verb(tok.doc[j])
            or _share_of(tok.doc[j])
            or goods and tok.doc[j].lower_ == "and" and j + 1 < tok.sent.end and not _party(ctx, tok.doc[j + 1])) \
            and not (_party(ctx, tok.doc[j]) and not _brand(tok.doc[j], prep)):
        goods.append(tok.doc[j])
        j += 1
    if not goods or j >= tok.sent.end or tok.doc[j].lower_ not in prep or any(g.lemma_.lower() in _NOUN_READINGS for g in goods):
        return
    if not any(g.tag_ in ("NN", "NNS") or _goods_read_as_verb(tok, g) for g in goods):
        return
    span = _seller_span(ctx, tok) or _name_before_aside(ctx, tok) or _name_before_phrase(ctx, tok)
    # "A's plants in Kumamoto": a name after "in"/"at" is where, not who
    where = {ctx.key(t) for a, t in zip(span, span[1:]) if a.lower_ in ("in", "at")}
    sellers = [k for k in dict.fromkeys(ctx.key(t) for t in span)
               if k and k not in where and ctx.etype(k) == EntityType.ORG and not ctx.is_authority(k)]
    if not span:
        sellers = _described_seller(ctx, tok)
    if not sellers:
        return
    buyers: list[str] = []
    military = False  # "A ships radar parts to the PLA Navy": a supplier to the military
    owners: list[str] = []  # "for Huawei's HiSilicon unit": the unit is the buyer, its owner only when no other is named
    for t in tok.doc[j + 1:tok.sent.end]:
        if t.text == "," and t.i + 1 < t.sent.end and (ctx.key(t.doc[t.i + 1]) or t.doc[t.i + 1].lower_ in ("and", "including")):
            continue  # "to A, B and C": the list of buyers goes on; "to memory makers, including A"
        # ("to handset makers including A and B": the makers named, "handset" read as a verb after "to")
        misread = t.i == j + 1 and t.tag_ == "VB" and t.i + 1 < t.sent.end and t.doc[t.i + 1].tag_ == "NNS"
        if t.is_punct and t.text != "'" or t.pos_ in ("VERB", "AUX") and t.lower_ != "including" and not misread:
            break
        if buyers and t.pos_ == "ADP" and t.lower_ != "as" and not (t.lower_ in prep and t.doc[t.i - 1].lower_ in ("and", ",")):
            break  # "to Infineon for its Villach plant": the buyer is named; what follows says where or why ("and to B" goes on)
        k = ctx.key(t)
        # "ships parts to defence contractor Thales": the cue word describes the buyer after it
        military = military or (k == MILITARY_ID and base not in _BUYER_FIRST and name_after_misread_modifier(t) is None)
        if k and ctx.etype(k) == EntityType.ORG and k not in buyers and k not in owners and k not in sellers:
            (owners if t.i + 1 < t.sent.end and t.doc[t.i + 1].tag_ == "POS" else buyers).append(k)
    buyers = buyers or owners
    if base not in _BUYER_FIRST:
        _second_sale(ctx, sellers, goods, tok)
    if military:
        ctx.emit(sellers, RelationType.MILITARY_LINK, [MILITARY_ID], tok, "rule:supplies-military", 0.7)
    if buyers and base in _BUYER_FIRST:  # the names before bought from (or outsourced to) the names after
        ctx.emit(buyers, RelationType.SUPPLIED, sellers, tok, "rule:supply-misparsed", 0.7)
    elif buyers:
        ctx.emit(sellers, RelationType.SUPPLIED, buyers, tok, "rule:supply-misparsed", 0.7)


#: verbs whose object is the buyer ("also supplies Y", "provides Y with")
_BUYER_OBJECT_VERBS = frozenset("supply provide equip".split())


def _second_sale(ctx: Any, sellers: list[str], goods: list[Any], word: Any) -> None:
    """"A ships lasers to B and also supplies C": the parser hangs the
    second verb on the goods the misread first one sells, so it has no
    subject; the sellers are the first verb's."""
    for g in goods:
        for v in g.children:
            if v.dep_ != "conj" or v.pos_ != "VERB" or v.i < word.i or any(c.dep_ in ("nsubj", "neg", "aux") for c in v.children):
                continue
            lemma = v.lemma_.lower()
            if lemma not in _VERBS or lemma in _BUYER_FIRST:
                continue
            ends = [c for c in v.children if c.dep_ == "dobj" and lemma in _BUYER_OBJECT_VERBS]
            ends += [o for p in v.children if p.dep_ in ("prep", "dative") and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]
            buyers = [k for e in ends for k in ctx.args(e) if isinstance(k, str) and ctx.etype(k) == EntityType.ORG and k not in sellers]
            if buyers:
                ctx.emit(sellers, RelationType.SUPPLIED, buyers, v, "rule:supply-misparsed", 0.7)


@procedure("supply-recipient-misparsed")
def recipient_read_as_object(ctx: Any, tok: Any) -> None:
    """"sold transistors to radar maker Hensoldt" with the buyer read as a second object: A sold to B."""
    # The small parser often hangs a buyer that follows a description ("to radar maker Hensoldt",
    # "to defence contractor Thales") on the verb as a second direct object, and "to" with the
    # description as modifiers, so no rule's "to" reaches the name (and the rules that see a
    # company as the object read a company sold).  This reads the surface: the goods object,
    # "to", only description words (one of them a noun for organisations), then the name that
    # is the verb's other object.
    if tok.pos_ != "VERB" or "to" not in _VERBS.get(tok.lemma_.lower(), ()) or tok.lemma_.lower() in _BUYER_FIRST:
        return
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    if len(objects) < 2 or ctx.key(objects[0]):
        return
    goods, name = objects[0], objects[-1]
    buyer = ctx.key(name)
    if not buyer or ctx.etype(buyer) != EntityType.ORG:
        return
    if goods.lemma_.lower() in load_grammar("en").word_class("core_not_supply"):
        return  # a business or a stake sold is no goods
    doc, to = tok.doc, goods.right_edge.i + 1
    if to >= name.i or doc[to].lower_ != "to":
        return
    start = name.i
    while start - 1 > to and ctx.key(doc[start - 1]) == buyer:
        start -= 1
    description = doc[to + 1:start]
    if not description or any(w.pos_ not in ("NOUN", "ADJ", "DET") for w in description) \
            or not any(is_group_noun(w) for w in description):
        return
    sellers = [k for k in ctx.orgs(ctx.subjects(tok)) if isinstance(k, str) and k not in (buyer, MILITARY_ID)]
    ctx.emit(sellers, RelationType.SUPPLIED, [buyer], tok, "rule:supply-recipient-misparsed", 0.75)


#: verbs that take "to" without an object: after "and" they are verbs indeed ("sells chips and talks to B")
_INTRANSITIVE_TO = frozenset("talk speak turn return move switch reply respond listen belong relate refer point amount "
                             "rise fall grow expand add contribute apply go come lead look write travel".split())


@procedure("supply-goods-misparsed")
def goods_read_as_coordinated_verb(ctx: Any, tok: Any) -> None:
    """"A supplies EUV and ArF resists to B": the goods' last word read as a
    second verb, so "to B" hangs on it and not on "supplies": A sold to B."""
    # The small parser reads a plural goods noun after a coordinated
    # modifier ("EUV and ArF resists", "DUV and EUV scanners") as a verb
    # joined to the sale's verb, with no subject or object of its own; the
    # buyer's preposition then hangs on that word.  Its shape gives it away:
    # it comes right after the sale's object, and has only a preposition.
    verb = tok.head
    prep = _VERBS.get(verb.lemma_.lower(), frozenset())
    if tok.dep_ != "conj" or tok.tag_ not in ("VBZ", "VBP") or verb.pos_ != "VERB" or not prep \
            or verb.lemma_.lower() in _BUYER_FIRST or not tok.is_lower:
        return
    if any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "aux", "neg", "advmod") for c in tok.children):
        return
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < tok.i]
    before = tok.i - 1
    if tok.doc[before].lower_ == "and" and tok.lemma_.lower() not in _INTRANSITIVE_TO:
        before -= 1  # "sells lasers and resists to B": the goods' second noun
    if not objects or before not in {t.i for o in objects for t in o.subtree}:
        return
    preps = [c for c in tok.children if c.dep_ == "prep"]
    if len(preps) != 1 or preps[0].lower_ not in prep:
        return
    buyers = [k for o in preps[0].children if o.dep_ == "pobj" for k in ctx.args(o)
              if isinstance(k, str) and ctx.etype(k) == EntityType.ORG and k != MILITARY_ID]
    sellers = [k for k in ctx.orgs(ctx.subjects(verb)) if isinstance(k, str) and k not in buyers and k != MILITARY_ID]
    if buyers and sellers:
        ctx.emit(sellers, RelationType.SUPPLIED, buyers, verb, "rule:supply-goods-misparsed", 0.7)


#: what may stand between "counts" and "among": the buyers' names, their descriptions, and list words
_COUNTED_TAGS = frozenset("NN NNS NNP NNPS JJ HYPH , CC".split())
#: "among its (largest) customers": the words after "among" before the customer noun
_AMONG_OWNER = frozenset("its their his her".split())


@procedure("counted-among-customers-misparsed")
def counted_among_customers_misparsed(ctx: Any, tok: Any) -> None:
    """"X counts carmaker A and robot maker B among its customers" with "counts" read as a noun or modifier."""
    # The small parser reads "counts" before a description ("counts carmaker Nio ...") as a
    # noun or an adjective, so the verb rule (counts-among-customers) never sees it.  This reads
    # the surface: the seller's name before "counts", only names and description words up to
    # "among", then "its"/"their", adjectives, and a customer noun.
    if tok.lower_ not in ("counts", "count", "counted") or tok.pos_ == "VERB" and tok.dep_ in ("ROOT", "conj", "relcl", "ccomp"):
        return
    doc, end = tok.doc, tok.sent.end
    j = tok.i + 1
    while j < end and doc[j].lower_ != "among" and (doc[j].tag_ in _COUNTED_TAGS or ctx.key(doc[j])):
        j += 1
    if j + 2 >= end or doc[j].lower_ != "among" or doc[j + 1].lower_ not in _AMONG_OWNER:
        return
    k = j + 2
    while k < end and doc[k].tag_ in ("JJ", "JJS", "RBS", "HYPH"):
        k += 1
    if k >= end or doc[k].lemma_.lower() not in load_grammar("en").word_class("customer_nouns"):
        return
    span = _seller_span(ctx, tok)
    sellers = [k2 for k2 in dict.fromkeys(ctx.key(t) for t in span)
               if k2 and ctx.etype(k2) == EntityType.ORG and not ctx.is_authority(k2)]
    buyers = [k2 for k2 in dict.fromkeys(ctx.key(t) for t in doc[tok.i + 1:j])
              if k2 and k2 not in sellers and ctx.etype(k2) in (EntityType.ORG, EntityType.GPE)]
    if sellers and buyers:
        ctx.emit(sellers, RelationType.SUPPLIED, buyers, tok, "rule:counts-among-customers", 0.75)
