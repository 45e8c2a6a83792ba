"""Entity mentions of a parsed document, resolved to one entity each.

The statistical NER gives spans (English only); the reference rulers give
known entities with their ids; the organisation recogniser (orgs.py) adds the
names it finds by their shape in every language, replacing NER spans it
corrects ("World Jetta (HK) Logistics" read as a product, "Hangzhou" split off
"Hangzhou Hikvision").  Here the spans are cleaned (no "the", no possessive, no dates or
numbers, nothing that is page chrome), acronyms defined in the text become
aliases ("ChangXin Memory Technologies (CXMT)"), short forms join their long
form ("Micron" -> "Micron Technology", "Qin" -> "Qin Gang") unless the long
form is a subsidiary named by place ("Arm China"), and units named
after a parent ("the 24th Research Institute of CETC") become their own
organisation with a PART_OF link.  The result maps every token to the entity it
belongs to, which is what the relation rules look arguments up in.
"""

from __future__ import annotations

import re
from collections import ChainMap
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Mapping

from chipgraph.graph.model import Entity, EntityType, MILITARY_ID, normalise_name
from chipgraph.graph.reference import demonym_countries, reference_entities

from .along_with import joined_to
from .datelines import in_dateline
from .unseen_names import untagged_companies
from .named_after_parent import parent_named_end
from .pipeline import PRODUCT_ACRONYMS
from .orgs import (GROUP_WORDS, OrgFindings, acts_as_company, company_named_after_place, find_orgs, is_known_place, is_owned_thing,
                   patterns, prefix_legal_forms)
from .families import family_spans
from .people_nlde import described_people

__all__ = ["DocEntities", "EntityRecord", "resolve_entities", "UNIT_NOUNS", "reference_index"]

#: head nouns of units named after their parent ("X Institute of CETC")
UNIT_NOUNS = frozenset(
    "institute academy division unit branch department bureau laboratory lab laboratories centre center "
    "office subsidiary arm school college".split()
)
_LABELS = {"ORG": EntityType.ORG, "GPE": EntityType.GPE, "PERSON": EntityType.PERSON,
           "PRODUCT": EntityType.PRODUCT, "LIST": EntityType.LIST}
# Names that are page furniture or social networks, never organisations of the story.
_CHROME_NAMES = frozenset(
    normalise_name(n) for n in (
        "LinkedIn", "LinkedIn Account", "Facebook", "Twitter", "X", "YouTube", "Youtube", "Instagram", "WhatsApp",
        "Telegram", "Reddit", "Pinterest", "Google News", "Flipboard", "Newsletter", "Privacy Policy", "Cookie Policy",
        "Terms of Use", "RSS", "Email", "Print", "Share", "Subscribe", "Advertisement", "Read More", "Getty Images",
        "AFP", "Reuters", "AP", "Associated Press", "Bloomberg", "Financial Times", "FT", "Nikkei", "Nikkei Asia",
        "South China Morning Post", "SCMP", "ABC News", "CNN", "BBC", "NOS", "NRC", "Tweakers", "The Readable",
        "The Mainstream", "CIO News", "the Wall Street Journal", "Wall Street Journal", "WSJ", "New York Times",
    )
)
#: business and technology abbreviations the small model tags as organisations or places
#: ("the IPO", "AI chips", "its CEO"; interface standards and materials: "makes USB chips",
#: "SiC wafers"): never a name on their own
_ABBREVIATIONS = ("AI", "IPO", "IPOs", "CEO", "CEOs", "CFO", "COO", "CTO", "R&D", "M&A", "GDP", "ETF", "EV", "EVs", "IoT",
                  "API", "LLM", "LLMs", "PC", "PCs", "ESG", "5G", "4G", "6G", "LTE", "HPC", "OEM", "OEMs", "ODM", "ODMs",
                  "USB", "PCIe", "HDMI", "NFC", "GPS", "RF", "SSD", "SSDs", "LED", "LEDs", "LCD", "OLED", "DDR4", "DDR5",
                  "x86", "SiC", "GaN", "Wi-Fi", "WiFi", "Bluetooth", "RISC-V")
_COMMON_ABBREVIATIONS = frozenset(normalise_name(n) for n in _ABBREVIATIONS)

#: last words that make a name an organisation, whatever NER thought
ORG_SUFFIX_WORDS = frozenset(
    "memory devices semiconductor semiconductors technology technologies microelectronics electronics photonics micro "
    "systems labs corp corporation inc ltd holdings industries instruments materials robotics networks telecom "
    "microsystems circuits chips foundry foundries solutions optics lithography equipment integrated manufacturing "
    "computing silicon fund capital bank ventures partners university academy institute investment "
    "concern group enterprises trading components aerospace engineering".split()
)
_JUNK = re.compile(r"^[\W\d_]+$|^(\d+|[ivx]+)(st|nd|rd|th)?$", re.I)
_STRIP_LEFT = {"the", "a", "an", "its", "their", "his", "her", "de", "het", "een", "der", "die", "das"}
#: titles the NER takes into the name of the person after them
_PERSON_TITLES = frozenset("founder co-founder cofounder chairman chairwoman billionaire tycoon businessman businesswoman "
                           "entrepreneur oprichter gründer firmengründer unternehmer".split())


@dataclass
class EntityRecord:
    """An entity being assembled from its mentions in one document."""

    key: str
    name: str
    type: EntityType
    aliases: set[str] = field(default_factory=set)
    country: str | None = None
    reference: bool = False
    part_of: str | None = None  # key of the parent, for units named "X of Parent"
    mentions: list[tuple[int, int]] = field(default_factory=list)  # token spans

    def entity(self) -> Entity:
        return Entity.create(self.name, self.type, aliases=sorted(self.aliases - {self.name}), country=self.country)


@dataclass
class DocEntities:
    """The entities of one document and the token -> entity map rules use."""

    records: dict[str, EntityRecord]
    token_key: list[str | None]
    unit_links: list[tuple[str, str, int]]  # (unit key, parent key, token index of the unit)

    def key_at(self, i: int) -> str | None:
        return self.token_key[i]

    def get(self, key: str) -> EntityRecord:
        return self.records[key]

    def add(self, name: str, type: EntityType, *, span: tuple[int, int] | None = None) -> str:
        """Add (or find) an entity that a rule names, e.g. a product or ``military``."""
        if type == EntityType.LIST and normalise_name(name) == "military":
            key = MILITARY_ID
            if key not in self.records:
                ref = reference_index()[1].get(key)
                self.records[key] = EntityRecord(key, "military", EntityType.LIST, aliases=set(ref.aliases) if ref else set(), reference=True)
            return key
        idx = reference_index()[0]
        ref = idx.get((type, normalise_name(name)))
        key = ref.id if ref else f"{type.value}:{normalise_name(name)}"
        if key not in self.records:
            if ref:
                self.records[key] = EntityRecord(key, ref.name, ref.type, set(ref.aliases), ref.country, reference=True)
            else:
                self.records[key] = EntityRecord(key, name, type)
        if name != self.records[key].name:
            self.records[key].aliases.add(name)
        if span:
            self.records[key].mentions.append(span)
        return key


@lru_cache(maxsize=1)
def reference_index() -> tuple[dict[tuple[EntityType, str], Entity], dict[str, Entity], dict[str, Entity]]:
    """(type, normalised name or alias) -> entity; id -> entity; and
    normalised name -> entity for any type."""
    by_name: dict[tuple[EntityType, str], Entity] = {}
    any_type: dict[str, Entity] = {}
    by_id: dict[str, Entity] = {}
    for e in reference_entities():
        by_id[e.id] = e
        for n in e.names():
            by_name.setdefault((e.type, normalise_name(n)), e)
            any_type.setdefault(normalise_name(n), e)
    return by_name, by_id, any_type


#: "Fund Phase II": a fund's tranche, named by a word and a roman numeral (which the parser may take for "I")
PHASE_WORDS = frozenset(("phase", "stage", "tranche"))
PHASE_NUMERALS = frozenset(("i", "ii", "iii", "iv"))


#: a wire service's instrument code after a company's name ("Micron Technology Inc MU.O", "SMIC 0981.HK",
#: "Huawei [HWT.UL]"): the listing, not part of the name (the span keeps the token, which the parser may
#: make the head of the name)
_CODE = re.compile(r"^[(\[]?([A-Z0-9]{1,6}\.[A-Z]{1,3})[)\]]?\.?$")
#: legal forms that look like codes ("S.A.", "N.V.")
_DOTTED_FORM = re.compile(r"^[A-Z]\.[A-Z]\.?$")


def is_instrument_code(word: str) -> bool:
    """Whether ``word`` is an exchange's instrument code, not a legal form."""
    m = _CODE.match(word)
    return bool(m) and not _DOTTED_FORM.match(m.group(1) + ("." if word.endswith(".") else "")) \
        and word.lower() not in TRAILING_LEGAL


def _without_instrument_code(text: str) -> str:
    words = text.rsplit(" ", 1)
    return words[0] if len(words) == 2 and is_instrument_code(words[1]) else text


def _over_instrument_code(doc: Any, end: int) -> int:
    """The end of a company's span taken past its legal form and a wire
    service's instrument code right after it ("Micron Technology Inc MU.O"):
    the parser makes the code the head of the name, so a span without it
    loses the company's place in the sentence."""
    j = end
    while j < len(doc) and (doc[j].lower_ in TRAILING_LEGAL or doc[j].lower_ in ORG_SUFFIX_WORDS):
        j += 1
    if j + 2 < len(doc) and doc[j].text in "([" and is_instrument_code(doc[j + 1].text) and doc[j + 2].text in ")]":
        return j + 3  # "Huawei Technologies Co Ltd [HWT.UL]"
    return j + 1 if j < len(doc) and is_instrument_code(doc[j].text) else end


#: capitals after a company's name that are not a company of their own ("TSMC CEO C.C. Wei", "ASML EUV machines"):
#: the business abbreviations, the chip kinds the ruler tags as products, and places and a few more
_NOT_NAME_ACRONYMS = frozenset(a.upper() for a in (*_ABBREVIATIONS, *PRODUCT_ACRONYMS)) | frozenset(
    "NPU EU VS US USA UK NL DE CN IT ICT RF IC ICS PLA".split())


#: first words of the names of a state's own bodies (a ministry, not a company)
_STATE_BODY_WORDS = frozenset("ministry department bureau office agency administration commission ministerie ministerium".split())


def _another_countrys_body(doc: Any, start: int, ref_id: str) -> str | None:
    """"Taiwan's Ministry of Economic Affairs", "the Taiwanese Ministry of
    Economic Affairs": a state body known by a generic name, whose mention
    the text gives to another country than the known body's, is that
    country's body (named by the text), not the known one.  Its name then
    carries the country ("Taiwan Ministry of Economic Affairs") after a
    possessive, "" after an adjective (the mention holds it); else None."""
    ref = reference_index()[1].get(ref_id)
    if ref is None or not ref.country or normalise_name(ref.name).split()[0] not in _STATE_BODY_WORDS:
        return None
    before = start - 1
    if before >= 0 and doc[before].lower_ in ("'s", "’s"):
        owner = next((e for e in doc.ents if e.end == before and e.label_ == "GPE" and e.ent_id_), None)
        other = reference_index()[1].get(owner.ent_id_) if owner is not None else None
        return other.name if other is not None and other.country and other.country != ref.country else None
    country = demonym_countries().get(doc[before].lower_) if before >= 0 else None
    return "" if country and country != ref.country else None


def _unit_acronym_after(doc: Any, end: int, by_name: Mapping[tuple[EntityType, str], Entity]) -> bool:
    """A known company's name followed by capitals that make a longer name
    ("Zeiss SMT", "VDL ETG", "Samsung SDI"): a subsidiary or sister company,
    not the known one.  Legal forms, product acronyms and known names are not."""
    if end >= len(doc):
        return False
    word = doc[end].text
    return (2 <= len(word) <= 5 and word.isalpha() and word.isupper() and word not in _NOT_NAME_ACRONYMS
            and word.lower() not in TRAILING_LEGAL and not doc[end].ent_id_
            and (EntityType.ORG, normalise_name(word)) not in by_name)


#: verbs of reporting whose subject may follow a name and a comma ("... from X, Smith said")
_SPEECH_VERBS = frozenset("say tell add note write explain".split())


def _clean_bounds(doc: Any, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].lower_ in _STRIP_LEFT or doc[start].is_punct or doc[start].is_space
                           or doc[start].is_lower and doc[start].pos_ == "ADP" and end - start > 1):
        start += 1  # ("depends on Semiconductor Manufacturing ...": the preposition the NER took in is no "ON Semiconductor")
    if end - start >= 2 and doc[start].is_sent_start and doc[start].is_title and _opening_descriptor(doc[start].lower_):
        start += 1  # "Chipmaker X said", "Rival X is believed to ...": the company noun before the name
    if end - start >= 3 and doc[start].lower_ in _PERSON_TITLES and all(
            t.is_title and t.lower_ not in ORG_SUFFIX_WORDS and t.lower_ not in TRAILING_LEGAL for t in doc[start + 1:end]):
        start += 1  # "Founder Lu Wei holds 21%": a person's title is no part of the name ("Founder Securities" stays)
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].lower_ in ("'s", "’s", "'")):
        end -= 1
    # "... from Coherent, Whitcombe said": the speaker after a comma is no part of the name before it
    if end < len(doc) and doc[end].lemma_.lower() in _SPEECH_VERBS and end - start >= 3 and doc[end - 2].text == ",":
        end -= 2
    # "Investment Fund Phase I": a fund's first tranche goes by the fund's name (the NER keeps the numeral or not);
    # a later one is a fund of its own ("Phase II", see _later_tranche_end)
    if end - start > 2 and doc[end - 2].lower_ in PHASE_WORDS and doc[end - 1].lower_ == "i":
        end -= 2
    elif end - start > 1 and end < len(doc) and doc[end - 1].lower_ in PHASE_WORDS and doc[end].lower_ == "i":
        end -= 1
    return start, end


@lru_cache(maxsize=1)
def _english_descriptors() -> frozenset[str]:
    return frozenset(w.lower() for w in patterns().words.get("descriptor_nouns", {}).get("en", ()))


def _opening_descriptor(low: str) -> bool:
    """A company noun ("chipmaker", "rival", "supplier") that may open a
    sentence before the name it describes."""
    return low in _english_descriptors()


#: business nouns that open sentences ("Assembly will stay with X", "Demand came from Y"), which the NER
#: takes for a name when capitalised there
_OPENING_NOUNS = frozenset("assembly packaging testing production manufacturing demand revenue revenues sales supply "
                           "output shipments exports imports research development design engineering procurement "
                           "logistics inventory pricing capacity growth profit profits margins orders".split())


def _common_noun_opening(doc: Any, start: int, end: int) -> bool:
    """A one-word "name" at a sentence's start that is a business noun and is
    never written capitalised inside a sentence of the text."""
    t = doc[start]
    if end - start != 1 or not t.is_sent_start or t.lower_ not in _OPENING_NOUNS:
        return False
    return not any(x.text == t.text and not x.is_sent_start for x in doc)


#: a model's designation: letters, an optional hyphen, digits ("Kh-101", "S-400", "H100", "TX-1")
_MODEL_CODE = re.compile(r"^[A-Z][A-Za-z]{0,3}-?\d{1,4}[A-Z]{0,3}$")
#: a model number after a product line's name ("Ascend 910B", "Mate 60")
_MODEL_NUMBER = re.compile(r"^[A-Za-z]{0,4}-?\d{1,4}[A-Za-z]{0,3}$")


def _names_a_model(doc: Any, start: int, end: int) -> bool:
    """"the Kh-101 cruise missile", "ordered Ascend 910B accelerators": a
    model's designation, or a product line's name before one, in front of
    the goods noun it names, is a product, however the NER tagged it."""
    def goods_word(i: int) -> bool:
        return i < len(doc) and doc[i].is_alpha and doc[i].is_lower
    if end - start == 1 and _MODEL_CODE.match(doc[start].text) and goods_word(end):
        return True
    code = doc[end].text if end < len(doc) else ""
    # digits and letters both ("910B", "H20"), and no standard's name ("5G chips")
    return _MODEL_NUMBER.match(code) is not None and any(c.isalpha() for c in code) \
        and normalise_name(code) not in _COMMON_ABBREVIATIONS and goods_word(end + 1)


def _later_tranche_end(doc: Any, end: int) -> int:
    """The end of "Phase II" (or "II") right after a fund's name, else ``end``:
    "the Big Fund Phase II" (also "Big Fund II") is a fund of its own, with
    its own shareholdings, not the first fund the name starts with."""
    n = len(doc)
    if end + 1 < n and doc[end].lower_ in PHASE_WORDS and doc[end + 1].lower_ in PHASE_NUMERALS - {"i"}:
        return end + 2
    if end < n and doc[end].text in ("II", "III", "IV"):
        return end + 1
    return end


def _span_text(doc: Any, start: int, end: int) -> str:
    text = doc[start:end].text
    text = re.sub(r"['’]s$", "", text).strip(" \"'“”‘’")
    text = _without_instrument_code(text)
    return re.sub(r"\s+", " ", text)


def _absorb_place_prefix(doc: Any, spans: list[tuple[int, int, EntityType, str | None]]) -> list[tuple[int, int, EntityType, str | None]]:
    """"Beijing Chipline Systems": a city the ruler tagged in front of an
    unknown company name is part of that name."""
    by_end = {e: (s, e, t, r) for s, e, t, r in spans if t == EntityType.GPE}
    out = []
    drop = set()
    for s, e, t, r in spans:
        g = by_end.get(s)
        if t == EntityType.ORG and not r and g and g[1] - g[0] == 1 and doc[g[0]].dep_ == "compound" and s <= doc[g[0]].head.i < e:
            drop.add(g)
            out.append((g[0], e, t, r))
        else:
            out.append((s, e, t, r))
    return [x for x in out if x not in drop]


#: last words of a place's own name ("Xinzhan District (Hefei)")
_PLACE_NAME_ENDS = frozenset("district province county city town zone park region prefecture state island islands "
                             "area village port bay valley".split())


def _unknown_place_name(doc: Any, s: int, e: int, ref: str | None) -> bool:
    """A span the NER called a place but no list knows as one, of two or
    more capitalised words and no place word at its end ("Brantis Vacuum"
    before "(Tianjin)"): before a bracketed place it is a company's name."""
    return (ref is None and e - s >= 2 and all(x.is_title or x.is_upper for x in doc[s:e])
            and doc[e - 1].lower_ not in _PLACE_NAME_ENDS and not is_known_place(doc[s:e].text))


def _city_before_based_state(doc: Any, end: int) -> bool:
    """The span ending at ``end`` is followed by ", <place>-based" ("Durham,
    North Carolina-based"): the city of a company's base, not a company."""
    j = end
    if j + 3 >= len(doc) or doc[j].text != ",":
        return False
    j += 1
    k = j
    while k < len(doc) and k - j < 3 and doc[k].text[:1].isupper():
        k += 1
    return k > j and k + 1 < len(doc) and doc[k].text == "-" and doc[k + 1].lower_ in ("based", "headquartered")


def _brackets_closed(doc: Any, spans: list[tuple[int, int, EntityType, str | None]]) -> list[tuple[int, int, EntityType, str | None]]:
    """"Kelvane International (Seychelles": a name the NER ended inside its
    own brackets runs on to the closing one."""
    out = []
    for s, e, t, r in spans:
        words = [x.text for x in doc[s:e]]
        if t == EntityType.ORG and e < len(doc) and doc[e].text == ")" and words.count("(") > words.count(")"):
            e += 1
        out.append((s, e, t, r))
    return out


def _place_in_brackets(doc: Any, spans: list[tuple[int, int, EntityType, str | None]]) -> list[tuple[int, int, EntityType, str | None]]:
    """"Hanul Semitech (Wuxi)", "Micron Semiconductor (Xi'an)", "Samsung
    (China) Semiconductor Co": the place in brackets after a company's name
    names its local company, a company of its own (owned by the one the
    name starts with), so the mention runs to the closing bracket and on
    through the words and legal form that complete it.

    The place must be a city or region the word lists know, or be followed
    by such words: a country alone in brackets ("Nexperia (Netherlands)")
    is as often a writer's gloss.  An acronym in brackets is no place, so
    "Taiwan Semiconductor Manufacturing Co (TSMC)" is untouched."""
    n = len(doc)
    out = list(spans)
    for s, e, t, r in spans:
        if (s, e, t, r) not in out:
            continue  # (not a span an earlier local company took in)
        if t == EntityType.GPE and not _unknown_place_name(doc, s, e, r):
            continue  # "Suzhou (Jiangsu)": a place and its province
        if t not in (EntityType.ORG, EntityType.PERSON, EntityType.GPE):
            continue
        opening = e
        while opening < min(n, e + 3) and doc[opening].pos_ == "PROPN" and doc[opening].is_title:
            opening += 1  # "SK hynix Semiconductor (China) Ltd": the name goes on past the known one
        if opening + 2 >= n or doc[opening].text != "(":
            continue
        close = next((j for j in range(opening + 2, min(opening + 5, n)) if doc[j].text == ")"), None)
        if close is None:
            continue
        inner = doc[opening + 1:close]
        if not all(x.text[:1].isupper() or x.text in ("'", "-") for x in inner):
            continue
        end = close + 1
        while end < n and end - close < 6 and (doc[end].lower_ in TRAILING_LEGAL or doc[end].text == "," and end + 1 < n
                                               and doc[end + 1].lower_ in TRAILING_LEGAL
                                               or doc[end].pos_ == "PROPN" and doc[end].is_title
                                               and not any(x[0] == end for x in spans)):
            end += 1
        while end > close + 1 and doc[end - 1].text == ",":
            end -= 1
        completed = end > close + 1 and doc[end - 1].lower_ in TRAILING_LEGAL
        if not completed:
            end = close + 1
        country = any(g[0] == opening + 1 and g[2] == EntityType.GPE and g[3] for g in spans)  # the reference's places are countries
        place = country or is_known_place(inner.text) or any(g[0] == opening + 1 and g[2] == EntityType.GPE for g in spans)
        if not (place and (completed or not country and is_known_place(inner.text))):
            continue
        if t == EntityType.PERSON and not (completed or any(
                x[2] == EntityType.ORG and normalise_name(_span_text(doc, x[0], x[1])) == normalise_name(_span_text(doc, s, e))
                for x in spans)):
            continue  # "John Smith (London)": a person's place, unless the name is a company's elsewhere in the text
        out = [x for x in out if not s <= x[0] < end or x == (s, e, t, r)]
        out[out.index((s, e, t, r))] = (s, end, EntityType.ORG, None)
    return out


def _named_in_full_elsewhere(doc: Any, spans: list[tuple[int, int, EntityType, str | None]]) -> list[tuple[int, int, EntityType, str | None]]:
    """"Huahong Hongli": where the NER kept only the first word of a name
    ("Huahong", which is also another company's short name), the words
    after it complete it when the document names that whole name elsewhere."""
    full = {doc[s:e].text for s, e, t, r in spans if t == EntityType.ORG and e - s > 1}
    starts = {s for s, _, _, _ in spans}
    out = []
    for s, e, t, r in spans:
        if t == EntityType.ORG:
            end = e
            while end < len(doc) and end not in starts and end - s < 6 and doc[end].pos_ == "PROPN" and doc[end].is_title:
                end += 1
                if doc[s:end].text in full:
                    e, r = end, None
        out.append((s, e, t, r))
    return out


#: an adjective that makes the capitalised German word after it a noun of an idiom ("verlängerter Arm")
_IDIOM_BEFORE = re.compile(r"^verlängert\w*$", re.I)
#: a Dutch or German adjective of nationality that opens a reference name ("Amerikaanse", "Chinesische")
_NATIONAL_ADJECTIVE = re.compile(r"^[A-ZÄÖÜ][a-zäöü]+(aanse|aans|ese|se|sche|ische|ischen|ischer|isches)$")


def _short_mentions(doc: Any, spans: list[Span], language: str) -> list[Span]:
    """Articles name a company in full once ("het bedrijf Veldlaser Systems",
    "Redvale Semiconductor") and then by its first word ("Veldlaser is in
    handen van ...", "Redvale also supplies ..."), which the NER often leaves
    unmarked (and never marks in Dutch or German): each other use of that
    distinctive first word, written as in the full name, is a mention (the
    short form joins its long form later; after a place that starts the
    name, "Hangzhou Lumen Microelectronics", the word after it).  Words the text also writes in
    lower case, places, words that start another name, and (in English,
    where the tagger can tell) words not tagged as proper nouns there
    ("Advanced packaging is ...") are not."""
    taken = [False] * len(doc)
    for s, e, _, _ in spans:
        for i in range(s, e):
            taken[i] = True
    lower = {t.lower_ for t in doc if t.text[:1].islower()}
    p = patterns()
    firsts: set[str] = set()
    pairs: set[tuple[str, str]] = set()  # "Formosa Etch" of "Formosa Etch Equipment", whose first word is a place
    after_place: dict[str, str] = {}  # "Leitong" -> "Shenzhen": written again after its place, the two are the name
    for s, e, t, r in spans:
        w = doc[s].text
        if t != EntityType.ORG or e - s < 2 or not w[:1].isupper() or doc[s + 1].text[:1] in "(&":
            continue
        if r and _NATIONAL_ADJECTIVE.match(w):
            continue  # "Amerikaanse ministerie van Handel": its first word alone is no name ("Amerikaanse leveranciers")
        if len(w) >= 4 and w.isalpha() and w.lower() not in lower and w.lower() not in p.places and w.lower() not in p.articles:
            firsts.add(w)
        elif w.lower() in p.places:  # "Hangzhou Lumen Microelectronics", "Shenzhen Leitong" ... "Lumen", "Leitong"
            w2 = doc[s + 1].text
            if len(w2) >= 4 and w2.isalpha() and w2[:1].isupper() and w2.lower() not in lower | p.places \
                    | p.english_name_tails | UNIT_NOUNS | p.articles:
                firsts.add(w2)
                after_place[w2] = w
        if e - s > 2 and doc[s + 1].is_alpha and doc[s + 1].text[:1].isupper() and doc[s + 1].lower_ not in lower:
            pairs.add((w, doc[s + 1].text))
    out = list(spans)
    n = len(doc)

    def goods_noun(w: str) -> bool:
        """German capitalises its goods: "verkaufte Baltik Mikrocontroller" names Baltik, then what it sold."""
        return language == "de" and (w.lower() in p.german_common or w.lower().endswith(p.german_goods_heads))

    def free(i: int, k: int) -> bool:
        """Tokens i..i+k-1 are no one's yet and no capitalised word (but a German goods noun) follows them."""
        return not any(taken[i:i + k]) and not (i + k < n and doc[i + k].text[:1].isupper() and doc[i + k].is_alpha
                                                and not goods_noun(doc[i + k].text)) \
            and (language != "en" or all(t.pos_ == "PROPN" for t in doc[i:i + k]))

    for tok in doc:
        i = tok.i
        if i + 1 < n and (tok.text, doc[i + 1].text) in pairs and free(i, 2):
            out.append((i, i + 2, EntityType.ORG, None))
            taken[i] = taken[i + 1] = True
        elif tok.text in firsts and free(i, 1):
            place = next((x for x in out if x[:3] == (i - 1, i, EntityType.GPE)), None)
            if i > 0 and doc[i - 1].text == after_place.get(tok.text) and (place is not None or not taken[i - 1]):
                if place is not None:
                    out.remove(place)  # "Shenzhen Leitong gehört ...": the place read alone is the name's first word
                out.append((i - 1, i + 1, EntityType.ORG, None))
            else:
                out.append((i, i + 1, EntityType.ORG, None))
    return sorted(out)


def _company_named_after_place(doc: Any, spans: list[tuple[int, int, EntityType, str | None]]) -> list[tuple[int, int, EntityType, str | None]]:
    """"Xinxin Hong Kong, a subsidiary of ...": the NER's two places side by
    side, an unknown word and a known place, are one company's name."""
    by_start = {sp[0]: sp for sp in spans if sp[2] == EntityType.GPE and not sp[3]}
    covered = {i for sp in spans for i in range(sp[0], sp[1])}
    out, drop = [], set()
    for sp in spans:
        s, e, t, r = sp
        nxt = by_start.get(e)
        if t == EntityType.GPE and not r and nxt and sp not in drop and company_named_after_place(doc, s, nxt[1]):
            drop.add(nxt)
            out.append((s, nxt[1], EntityType.ORG, None))
        elif t == EntityType.GPE and s > 0 and s - 1 not in covered and doc[s - 1].pos_ == "PROPN" \
                and doc[s - 1].dep_ == "compound" and doc[s - 1].head.i == e - 1 \
                and company_named_after_place(doc, s - 1, e, country_last=bool(r)):
            start = s - 1
            while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_:
                start -= 2  # "T-Mobile Czech Republic": the word is the end of a hyphenated one
            out.append((start, e, EntityType.ORG, None))  # "Altice Portugal relies on Huawei": a word the NER left, and a country
        elif sp not in drop:
            out.append(sp)
    return out


_PEOPLES_GOVERNMENT = ("people", "government")


def _absorb_government_owner(doc: Any, spans: list[tuple[int, int, EntityType, str | None]]) -> list[tuple[int, int, EntityType, str | None]]:
    """"the Xinjiang Uighur Autonomous Region People's Government Public
    Security Bureau": Chinese official bodies are named after the people's
    government they answer to, possessive included; the whole is one name
    (a bare "Public Security Bureau" names no body at all)."""
    out = list(spans)
    for sp in spans:
        s, e, t, r = sp
        if t != EntityType.ORG or r or s < 4 or doc[s - 1].lower_ != "government" or doc[s - 2].text not in ("'s", "’s") \
                or doc[s - 3].lower_ != "people":
            continue
        start = s - 3
        while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN" and doc[start - 1].lower_ != "the":
            start -= 1
        if start == s - 3:
            continue  # "the People's Government": whose, is not said
        out = [x for x in out if not (start <= x[0] and x[1] <= e)] + [(start, e, t, r)]
    return sorted(out)


Span = tuple[int, int, EntityType, "str | None"]


class _SpanIndex:
    """Spans with a token -> spans map, so that finding what a new span
    overlaps costs its own length, not the number of spans.  Spans already
    overlapping (a unit and its parent) stay as they are until replaced."""

    def __init__(self, n: int, spans: list[Span]) -> None:
        self.owner: list[list[Span]] = [[] for _ in range(n)]
        for sp in spans:
            for i in range(sp[0], sp[1]):
                self.owner[i].append(sp)

    def over(self, s: int, e: int) -> list[Span]:
        return list(dict.fromkeys(x for i in range(s, e) for x in self.owner[i]))

    def add(self, sp: Span) -> None:
        """Add ``sp`` in place of every span it overlaps."""
        for x in self.over(sp[0], sp[1]):
            for i in range(x[0], x[1]):
                self.owner[i].remove(x)
        for i in range(sp[0], sp[1]):
            self.owner[i].append(sp)

    def spans(self) -> list[Span]:
        return sorted(set(x for xs in self.owner for x in xs))


def _joins_found_names(doc: Any, x: Span, found: list[Any]) -> bool:
    """The NER span ``x`` reads two names the recogniser found, joined by a
    preposition, as one ("assembled by Tessaro Holdings for Kestrel
    Devices"): a name may hold "of" ("Bank of China"), not "for" or "to"
    between two names of its own."""
    inside = sorted((f.start, f.end) for f in found if f.type == EntityType.ORG and x[0] <= f.start and f.end <= x[1])
    for (_, a_end), (b_start, _) in zip(inside, inside[1:]):
        gap = doc[a_end:b_start]
        if len(gap) == 1 and gap[0].is_lower and gap[0].pos_ == "ADP" and gap[0].lower_ != "of":
            return True
    return False


def _merge_found(doc: Any, spans: list[Span], found: OrgFindings) -> tuple[list[Span], dict[tuple[int, int], str]]:
    """Spans of the statistical NER and the rulers, with the recogniser's names
    folded in: a found name replaces the NER spans it overlaps (NER splits
    "Hangzhou Hikvision" or calls "World Jetta (HK) Logistics" a product) and
    the reference spans it contains (a place or a parent inside a longer
    name); it gives way to an NER organisation that contains it and to any
    span it only partly overlaps.  Returns the spans and the names to use
    instead of a span's text (a government's place)."""
    override: dict[tuple[int, int], str] = {}
    unit_spans = {(us, pe) for us, _, _, pe in found.units}
    index = _SpanIndex(len(doc), spans)
    for sp in found.spans:
        if (sp.start, sp.end) in unit_spans:
            if sp.name:
                override[(sp.start, sp.end)] = sp.name
            continue
        s, e = sp.start, sp.end
        if sp.type == EntityType.ORG and (s, e) not in override and not sp.name:
            e = _over_instrument_code(doc, e)
        over = index.over(s, e)
        if any(x[2] == EntityType.ORG and not x[3] and x[0] <= s and x[1] >= e and (x[0], x[1]) != (s, e)
               and not (doc[s - 1].is_lower and doc[s - 1].pos_ == "ADP" and x[0] < s)
               and not any(doc[i].text == "," for i in range(x[0], x[1]))
               and not _joins_found_names(doc, x, found.spans) for x in over):
            continue  # NER has a longer name (but "Shares of Foo Inc." is not one)
        if any(x[3] and not (s <= x[0] and x[1] <= e) for x in over):
            continue  # partly over a known name
        if sp.type == EntityType.GPE and any(x[3] and x[0] <= s and x[1] >= e for x in over):
            continue  # a known name already reads it ("the Chinese government" is China)
        # "Sweden's government": the government span takes the known place it contains
        ref_id = sp.ref_id or next((x[3] for x in over if x[3] and x[2] == EntityType.GPE and sp.type == EntityType.GPE), None)
        index.add((s, e, sp.type, ref_id))
        if sp.name:
            override[(s, e)] = sp.name
    for us, _, ps, pe in found.units:
        if not index.over(ps, pe):
            index.add((ps, pe, EntityType.ORG, None))
    return index.spans(), override


def _alias_links(doc: Any, spans: list[Span], found: OrgFindings) -> dict[tuple[int, int], int]:
    """Short forms the article defines ("X (hereafter Y)", "X (Y)"), and every
    later mention of them, linked to the start of the organisation span they
    name.  A defined short form wins over a place reading of the same words
    ("Beijing Electronics" is not Beijing).  Rewrites ``spans`` in place."""
    links: dict[tuple[int, int], int] = {}
    if not found.aliases:
        return links
    org_starts = {s for s, e, t, r in spans if t == EntityType.ORG}
    index = _SpanIndex(len(doc), spans)
    texts: dict[str, int] = {}
    for a_s, a_e, org_s in found.aliases:
        if org_s not in org_starts:
            continue
        if any(x[3] and x[2] == EntityType.ORG for x in index.over(a_s, a_e)):
            continue  # the short form is a known organisation itself
        index.add((a_s, a_e, EntityType.ORG, None))
        links[(a_s, a_e)] = org_s
        texts.setdefault(_span_text(doc, a_s, a_e), org_s)
    for s, e, t, r in index.spans():
        if (s, e) not in links and (not r or t == EntityType.GPE) and _span_text(doc, s, e) in texts:
            org_s = texts[_span_text(doc, s, e)]
            if org_s < s:
                index.add((s, e, EntityType.ORG, None))
                links[(s, e)] = org_s
    spans[:] = index.spans()
    return links


def _merge_records(records: dict[str, EntityRecord], merge: Mapping[str, str]) -> dict[str, str]:
    """Each record of ``merge`` (short form -> long form) joined into the
    end of its chain of long forms, in place; returns where each record
    merged away went (``_merged_into`` follows it for a mention's key).
    A chain that turns back on itself ends where it turns."""
    def final(k: str) -> str:
        seen = {k}
        while k in merge and merge[k] not in seen:
            k = merge[k]
            seen.add(k)
        return k

    moved: dict[str, str] = {}  # a record merged away -> the record it went into
    for src, dst in {src: final(src) for src in merge}.items():
        if dst == src or src not in records or dst not in records:
            continue
        moved[src] = dst
        rec = records.pop(src)
        target = records[dst]
        target.aliases |= rec.aliases | {rec.name}
        target.mentions += rec.mentions
        if target.type == EntityType.GPE and rec.type == EntityType.ORG and not target.reference:
            target.type = EntityType.ORG  # "Veldlaser B.V." and "Veldlaser": the company, under its full name
            target.aliases.add(target.name)
            target.name = rec.name
            target.aliases.discard(rec.name)
    return moved


def _merged_into(key: str, moved: Mapping[str, str]) -> str:
    """The record ``key``'s mentions belong to after the merges: a record
    merged into one that was itself merged on goes where that one went."""
    seen = {key}
    while key in moved and moved[key] not in seen:
        key = moved[key]
        seen.add(key)
    return key


def _same_name_rank(r: EntityRecord) -> tuple[int, str]:
    """Of records with one name, the one the others join: a company before
    a person before a place (the NER tags one name differently in different
    sentences), then by key, so that two never join each other."""
    order = {EntityType.ORG: 3, EntityType.PERSON: 2, EntityType.GPE: 1}
    return order.get(r.type, 0), r.key


def _better_long_form(a: EntityRecord, b: EntityRecord) -> bool:
    """Which of two long forms a short form ("Xinyuan") stands for: the one
    the article names more often ("Xinyuan Memory", not its unit "Xinyuan
    Design"), then the one named first, then the longer name."""
    first_a = min((s for s, _ in a.mentions), default=1 << 30)
    first_b = min((s for s, _ in b.mentions), default=1 << 30)
    return (len(a.mentions), -first_a, len(a.name)) > (len(b.mentions), -first_b, len(b.name))


#: last words that make a name a group's: "Huaxin Holdings" is not a short form of "Huaxin Capital",
#: its subsidiary, though both fold to names that start with "huaxin"
def _names_a_group(name: str) -> bool:
    words = name.lower().replace(".", " ").split()
    return len(words) > 1 and words[-1] in GROUP_WORDS


#: last words of a group's name, which a unit of it may carry at the end of its own
#: ("Institute of Physics" or "School of Electronic Engineering" name no company)
_GROUP_END_WORDS = frozenset("corporation corp group company co inc ltd limited holdings industries conglomerate".split())


def _place_and_common_noun(doc: Any, start: int, end: int) -> bool:
    """"the Xi'an university", "the Hsinchu plant": a place and a lower-case
    noun after "the" describe an organisation named elsewhere (the
    article's description resolution finds it), they name none."""
    return (end - start >= 2 and start > 0 and doc[start - 1].lower_ == "the" and doc[end - 1].is_lower
            and doc[end - 1].lower_ not in TRAILING_LEGAL and is_known_place(doc[start:end - 1].text))


def _unit_named_after(long: str, short: str) -> bool:
    """"Third Academy of Norvane Aerospace" (normalised names): a unit whose
    name ends in its parent's, so the parent is no short form of it."""
    words = long.split()
    tail = short.split()
    k = len(words) - len(tail)
    if k < 2 or words[k:] != tail:
        return False
    before = words[k - 2:k] if words[k - 1] != "the" else words[k - 3:k - 1]
    return len(before) == 2 and before[0] in UNIT_NOUNS and before[1] == "of"


def _subsidiary_of(short: str, long: str, places: frozenset[str] | set[str]) -> bool:
    """"Huawei Technologies Japan", "Arm China", "Intel (Dalian) Corporation":
    the parent's name followed by a place (or, after a name of two words or
    more, by a unit's word: "... Design Center") names a subsidiary of its own, so
    the parent is no short form of it (while "Micron" is of "Micron Technology")."""
    sw, lw = normalise_name(short).split(), normalise_name(long).split()
    if not sw or len(lw) <= len(sw) or lw[:len(sw)] != sw:
        return False
    rest = lw[len(sw):]
    if len(sw) > 1 and _UNIT_TAIL_WORDS & set(rest):
        return True  # "Kestrel Memory Design Center", "Kestrel Memory Packaging": a unit of Kestrel Memory, not its long form
    # "Lianxin Technology (Singapore) Pte. Ltd.": a place in brackets anywhere after the short name
    return any(" ".join(rest[:k]) in places for k in (1, 2, 3)) or "(" in long.split(short, 1)[-1]


#: words that make the name after "of" a unit's parent ("X Land Systems, a unit of X")
_PARENT_LINK = re.compile(
    r"\W{0,3}(?:which|that)?\s*(?:is|was)?\s*(?:an?|the|one)?\s*(?:[\w-]+\s+){0,3}?"
    r"(?:unit|subsidiary|division|arm|part|affiliate|business|member|daughter|tochter|dochter|dochteronderneming|onderdeel)"
    r"\s+(?:of|van|von|der|des)\s+(?:the\s+|het\s+|de\s+)?", re.I)


def _parent_named_beside(text: str, long: EntityRecord, short: EntityRecord) -> bool:
    """"General Dynamics Land Systems, a unit of General Dynamics": a name the
    text gives as the parent of a longer one starting with it is its parent,
    not its short form.  Read on the surface, right after a mention of the
    longer name."""
    shorts = {short.name, *short.aliases}
    for name in {long.name, *long.aliases}:
        for m in re.finditer(re.escape(name), text):
            link = _PARENT_LINK.match(text, m.end(), m.end() + 80)
            if link and any(text.startswith(s, link.end()) for s in shorts):
                return True
    return False


def _other_legal_name(short: str, long: str) -> bool:
    """"Brabant Precision GmbH" beside "Brabant Precision Systems": a name written out with its legal form is a
    company's full name, so a longer name with other words is another company (a sister or a subsidiary named
    after the group), not its long form.  "Veldlaser B.V." of "Veldlaser B.V. (Shanghai)" is left to the place
    rule, and the same words with another legal form ("Veldlaser Optics Ltd", "Veldlaser Optics") still merge."""
    words = short.split()
    if len(words) < 2 or words[-1].lower() not in _LEGAL_FORMS:
        return False
    bare = " ".join(words[:-1]).rstrip(",")
    return not (long == bare or long.startswith(bare + " ") and set(long[len(bare):].lower().replace(",", " ").split())
                <= TRAILING_LEGAL)


#: words after a company's full name that name a unit of its own ("Xinyuan Memory Design Center")
_UNIT_TAIL_WORDS = frozenset("design center centre packaging testing test services institute laboratory lab labs academy "
                             "fund trading sales".split())


@dataclass(frozen=True)
class _NerSpan:
    """One name the NER (or a reference ruler) marked, possibly cut out of a longer span."""

    start: int
    end: int
    label_: str
    ent_id_: str


def _split_coordinated_names(doc: Any) -> list[_NerSpan]:
    """The NER's spans, with two companies it ran together cut apart:
    "Tessaro Capital and Orvane Fund" is two names when each side ends in a
    company word ("Capital", "Fund", "Ltd").  "Bureau of Industry and
    Security" or "Hubei Science and Technology Investment Group" do not
    (their first side ends in no company word) and stay one, as does a
    name whose "and" joins what its "of" names ("Ministry of Electronics
    and Information Technology")."""
    out: list[_NerSpan] = []
    for ent in doc.ents:
        cut = None
        if ent.label_ == "ORG" and not ent.ent_id_:
            for t in doc[ent.start + 2:ent.end - 2]:
                if t.lower_ == "and" and doc[t.i - 1].lower_.strip(".") in _COMPANY_END_WORDS \
                        and doc[ent.end - 1].lower_.strip(".") in _COMPANY_END_WORDS and doc[t.i + 1].is_title \
                        and not any(x.lower_ == "of" for x in doc[ent.start:t.i]):
                    cut = t.i  # (not "Ministry of Electronics and Information Technology": "and" joins what "of" names)
                    break
        if cut is None:
            out.append(_NerSpan(ent.start, ent.end, ent.label_, ent.ent_id_))
        else:
            out += [_NerSpan(ent.start, cut, ent.label_, ""), _NerSpan(cut + 1, ent.end, ent.label_, "")]
    return out


def _company_taken_for_people(doc: Any, ent: Any) -> bool:
    """A capitalised name the NER called a nationality or group that is no
    country's adjective and that the sentence treats as a company (an
    apposition calls it one, or it does what companies do)."""
    span = doc[ent.start:ent.end]
    text = span.text
    if not text[:1].isupper() or text.lower() in demonym_countries() or text.lower().rstrip("s") in demonym_countries():
        return False
    if ent.start > 0 and doc[ent.start - 1].is_title and not doc[ent.start - 1].is_sent_start:
        return False  # "China Reform": the end of a longer name, which the recogniser reads whole
    if any(t.lower_.endswith(("ese", "ish", "ian", "ans", "ic")) for t in span):
        return False  # adjectives of peoples and places the reference data does not list ("Uzbek" aside)
    return acts_as_company(doc, ent.start, ent.end)


def resolve_entities(
    doc: Any, *, language: str = "en", site_names: tuple[str, ...] = (), known: Mapping[str, Entity] | None = None
) -> DocEntities:
    """One entity per real-world thing mentioned in ``doc``.

    For languages other than English the statistical NER's own spans are
    dropped (the English NER is noise on Dutch or German text): names there
    come from the reference rulers and the organisation recogniser.
    ``known`` holds the entities (by id) of spans marked by
    ingest/known.py: they resolve like reference entities.
    """
    by_name, by_id, any_type = reference_index()
    if known:
        by_id = ChainMap(by_id, known)  # type: ignore[assignment]
    blocked = _CHROME_NAMES | _COMMON_ABBREVIATIONS | {normalise_name(n) for n in site_names}
    n = len(doc)
    token_key: list[str | None] = [None] * n
    records: dict[str, EntityRecord] = {}
    spans: list[tuple[int, int, EntityType, str | None]] = []  # start, end, type, reference id
    legal_tail_end = 0
    foreign_bodies: dict[tuple[int, int], str] = {}  # span -> its name with the country it belongs to
    foreign_surface: dict[tuple[int, int], str] = {}  # span -> the country's possessive and the name, as written
    for ent in _split_coordinated_names(doc):
        etype = _LABELS.get(ent.label_)
        ref_id = ent.ent_id_ or None
        if etype is None and ent.label_ == "NORP" and language == "en" and not ref_id and _company_taken_for_people(doc, ent):
            etype = EntityType.ORG  # "part of Rostec, the state defence conglomerate": the NER read a name as a people
        if etype is None:
            continue
        if language != "en" and not ref_id:
            continue
        start, end = _clean_bounds(doc, ent.start, ent.end)
        if start < legal_tail_end:
            continue  # the legal form a known name's mention took in ("Intel Corp"), tagged again by the NER
        if start >= end:
            continue
        if ref_id and etype == EntityType.ORG:
            while end < n and _legal_form_after_name(doc, end):
                end += 1  # "Intel Corp", "ASML Holding NV": the known name's legal form is part of its mention
            legal_tail_end = end
        tranche_end = _later_tranche_end(doc, end) if ref_id and etype == EntityType.ORG else end
        if tranche_end > end:
            end, ref_id = tranche_end, None  # "the Big Fund Phase II": another fund
        elif ref_id and etype == EntityType.ORG and _unit_acronym_after(doc, end, by_name):
            end, ref_id = end + 1, None  # "Zeiss SMT", "VDL ETG": another company than the known name it starts with
        elif ref_id and etype == EntityType.ORG and (country := _another_countrys_body(doc, start, ref_id)) is not None:
            ref_id = None  # "Taiwan's Ministry of Economic Affairs": not the Dutch ministry of that name
            if country:
                foreign_bodies[(start, end)] = f"{country} {_span_text(doc, start, end)}"
                owner = next((e for e in doc.ents if e.end == start - 1), None)
                if owner is not None:  # the text's own form stays an alias: "Taiwan's Ministry of Economic Affairs"
                    foreign_surface[(start, end)] = doc[owner.start:end].text
        elif ref_id and etype == EntityType.ORG and language == "en":
            widened = parent_named_end(doc, start, end, TRAILING_LEGAL)
            if widened > end:
                end, ref_id = widened, None  # "Samsung Display", "Siemens Healthineers": a company of its own
        if "\n" in doc[start:end].text:
            continue
        if language == "de" and start > 0 and _IDIOM_BEFORE.match(doc[start - 1].text):
            continue  # "der verlängerte Arm der Partei": the noun, not the company
        text = _span_text(doc, start, end)
        norm = normalise_name(text)
        if not ref_id:
            if _JUNK.match(text) or len(norm) < 2 or norm in blocked or not text[:1].isupper() or is_instrument_code(text):
                continue  # (an instrument code alone is a listing, never a name)
            if etype == EntityType.PERSON and any(t.like_num for t in doc[start:end]):
                continue
            if _defines_a_term(doc, start, end) or _names_a_model(doc, start, end) or _common_noun_opening(doc, start, end) \
                    or _place_and_common_noun(doc, start, end):
                continue
            if doc[end - 1].lower_ == "of" and end - start >= 3 and doc[end - 2].lower_ in TRAILING_LEGAL | ORG_SUFFIX_WORDS \
                    and end < n and doc[end].ent_type_ == "GPE":
                end += 1  # "Aviation Industry Corp. of | China": the NER stopped before the country that ends the name
                legal_tail_end = end
                text = _span_text(doc, start, end)
                norm = normalise_name(text)
            elif doc[end - 1].pos_ in ("ADP", "CCONJ", "DET"):
                continue  # "Shares of" before a known name the NER had to leave out: no name ends in "of"
        # "Lumen Photonics": NER often keeps only the last word of an unknown name
        # (not a date the parser hung on it: "In December Velmor Materials took ...")
        while etype == EntityType.ORG and not ref_id and language == "en" and start > 0 and doc[start - 1].pos_ == "PROPN" \
                and doc[start - 1].is_title and doc[start - 1].dep_ == "compound" and start <= doc[start - 1].head.i < end \
                and doc[start - 1].ent_type_ not in ("DATE", "TIME") \
                and not (doc[start - 1].is_sent_start and _opening_descriptor(doc[start - 1].lower_)):
            start -= 1
        if etype == EntityType.PERSON and doc[end - 1].lower_ in ORG_SUFFIX_WORDS:
            etype = EntityType.ORG
        if etype == EntityType.ORG:
            end = _over_instrument_code(doc, end)
        if etype in (EntityType.PERSON, EntityType.PRODUCT) and not ref_id and language == "en":
            pronoun = _relative_pronoun_after(doc, end)
            if pronoun != "who" and (acts_as_company(doc, start, end) or etype == EntityType.PERSON and pronoun == "which"):
                etype = EntityType.ORG
        if etype == EntityType.GPE and not ref_id and language == "en" and (
                company_named_after_place(doc, start, end)
                or (not is_known_place(doc[start:end].text) and is_owned_thing(doc[start:end].root))):
            etype = EntityType.ORG  # "Xinxin Hong Kong, a subsidiary of ...", "a stake in Tianmu Sensing": a company
        elif etype == EntityType.GPE and not ref_id and language == "en" and not is_known_place(text) \
                and not in_dateline(doc[end - 1]) and acts_as_company(doc, start, end):
            etype = EntityType.ORG  # "Zelvia shipped bonders to X": no place the word lists know, doing what companies do
        if etype == EntityType.ORG and not ref_id and norm in patterns().places:
            etype = EntityType.GPE  # NER reads "of Abu Dhabi" as a company
        elif etype == EntityType.ORG and not ref_id and _dateline_city(doc, start, end):
            etype = EntityType.GPE  # "GRENOBLE, March 4 -": the NER takes an unknown capitalised city for a company
        elif etype == EntityType.ORG and not ref_id and _city_before_based_state(doc, end):
            etype = EntityType.GPE  # "the Durham, North Carolina-based company": a city and its state
        spans.append((start, end, etype, ref_id))
    if language == "en":
        spans = _absorb_place_prefix(doc, _company_named_after_place(doc, spans))
    found = find_orgs(doc, language, [(s, e) for s, e, t, r in spans if t == EntityType.ORG and not r])
    spans, override = _merge_found(doc, spans, found)
    override.update(foreign_bodies)
    if language == "en":  # "SK Square holds a stake": a company neither the NER nor the recogniser found
        spans = sorted(spans + untagged_companies(doc, spans))
    else:  # "dem Geschäftsmann Pawel Sorokin", "medeoprichter Jan de Vries": people named after what they are
        spans = sorted(spans + described_people(doc, spans))
    spans = family_spans(doc, spans, language)  # "the Leibinger family", "Familie Leibinger": owners by their family
    spans = _place_in_brackets(doc, _brackets_closed(doc, spans))
    # "the Treasury's Chinese Military-Industrial Complex Companies List": a list's title, never a company
    spans = [s for s in spans if not (s[2] == EntityType.ORG and not s[3] and doc[s[1] - 1].lower_ == "list")]
    spans = _named_in_full_elsewhere(doc, spans)
    if language == "en":
        spans = _absorb_government_owner(doc, spans)
    spans = _short_mentions(doc, spans, language)

    # units named after their parent: "24th Research Institute of CETC"
    unit_links: list[tuple[int, int, int, int]] = list(found.units)  # unit start, unit end, parent start, parent end
    org_at = {s: (s, e, t, r) for s, e, t, r in spans if t == EntityType.ORG}
    org_at.update({us: (us, pe, EntityType.ORG, None) for us, _, _, pe in found.units})  # units are parents too
    # "Third Academy of Norvane Aerospace Corporation", one NER name: the group after "of" is a parent too
    for s, e, t, r in spans:
        if t != EntityType.ORG or r or doc[e - 1].lower_.strip(".") not in _GROUP_END_WORDS:
            continue
        for j in range(s + 1, e - 2):
            p = j + 3 if doc[j + 2].lower_ == "the" else j + 2
            if doc[j].lower_ in UNIT_NOUNS and doc[j + 1].lower_ == "of" and e - p >= 2 and p not in org_at:
                org_at[p] = (p, e, EntityType.ORG, None)
    for i in range(n - 3, -1, -1):  # right to left, so that a unit found is the parent of one before it
        tok = doc[i]
        # "... Institute of the Second Academy of CASIC": a unit of a unit, its parent's name after "the"
        parent_at = i + 3 if doc[i + 2].lower_ == "the" and (i + 3) in org_at else i + 2
        if tok.lower_ in UNIT_NOUNS and tok.is_title and doc[i + 1].lower_ == "of" and parent_at in org_at:
            ps, pe, _, _ = org_at[parent_at]
            us = i
            while us > 0 and (doc[us - 1].is_title or doc[us - 1].like_num or re.match(r"\d+(st|nd|rd|th)$", doc[us - 1].text)) \
                    and doc[us - 1].lower_ not in _STRIP_LEFT and not doc[us - 1].is_sent_start:
                us -= 1
            if us > 0 and doc[us - 1].is_sent_start and doc[us - 1].is_title and doc[us - 1].lower_ not in _STRIP_LEFT:
                us -= 1
            if us < i or any(t.is_title for t in doc[us:i]) or tok.lower_ in ("institute", "academy", "laboratory"):
                unit_links.append((us, i + 1, ps, pe))
                org_at[us] = (us, pe, EntityType.ORG, None)
    if unit_links:
        covered = set()
        for us, ue, ps, pe in unit_links:
            covered.update(range(us, pe))
        # every unit and every parent keeps its mention, however the units nest
        kept = {(p, q) for _, _, p, q in unit_links} | {(us, pe) for us, _, _, pe in unit_links}
        spans = [s for s in spans if not (set(range(s[0], s[1])) & covered) or (s[0], s[1]) in kept]
        spans += [(a, b, EntityType.ORG, None) for a, b in sorted(kept - {(s[0], s[1]) for s in spans})]

    spans.sort()
    # acronyms defined in the text: "Name (ACR)"
    acronyms: dict[str, int] = {}
    span_of_token: dict[int, int] = {}
    for k, (s, e, t, r) in enumerate(spans):
        for i in range(s, e):
            span_of_token[i] = k
    for k, (s, e, t, r) in enumerate(spans):
        if e + 2 < n and doc[e].text == "(" and doc[e + 2].text == ")":
            acr = doc[e + 1].text
            if 2 <= len(acr) <= 10 and acr[0].isupper() and sum(c.isupper() for c in acr) >= 2 and acr.isalnum():
                acronyms[acr] = k
        elif e + 1 < n and doc[e].text == "(" and e + 2 < n and (e + 1) in span_of_token and doc[e + 2].text == ")":
            acronyms[doc[e + 1].text] = k

    alias_of = _alias_links(doc, spans, found)
    keys: list[str] = []
    key_at_start: dict[int, str] = {}
    for s, e, t, r in spans:
        text = _span_text(doc, s, e)
        if (s, e) in alias_of and alias_of[(s, e)] in key_at_start:
            key = key_at_start[alias_of[(s, e)]]
            records[key].aliases.add(text)
            records[key].mentions.append((s, e))
            keys.append(key)
            continue
        text = override.get((s, e), text)
        norm = normalise_name(text)
        ref = by_id.get(r) if r else (by_name.get((t, norm)) or (any_type.get(norm) if t in (EntityType.ORG, EntityType.PERSON) else None))
        if ref is not None:
            key = ref.id
            if key not in records:
                records[key] = EntityRecord(key, ref.name, ref.type, set(ref.aliases), ref.country, reference=True)
        else:
            key = f"{t.value}:{norm}"
            if key not in records:
                records[key] = EntityRecord(key, text, t)
            elif len(text) > len(records[key].name):
                records[key].aliases.add(records[key].name)
                records[key].name = text
        if text != records[key].name:
            records[key].aliases.add(text)
        if (s, e) in override and _span_text(doc, s, e) not in text:  # not the city of "X Center in <city>"
            records[key].aliases.add(_span_text(doc, s, e))
        if (s, e) in foreign_surface:
            records[key].aliases.add(foreign_surface[(s, e)])
        records[key].mentions.append((s, e))
        keys.append(key)
        key_at_start.setdefault(s, key)
    for acr, k in acronyms.items():
        rec = records[keys[k]]
        if acr != rec.name:
            rec.aliases.add(acr)

    # "X, known as the Big Fund" / "X, also known as Y": one entity
    known: dict[str, str] = {}
    for k, (s_, e_, t_, r_) in enumerate(spans):
        j = e_
        while j < n and doc[j].text in (",", "(") and j - e_ < 2:
            j += 1
        words = [w.lower_ for w in doc[j:j + 4]]
        skip = 3 if words[:3] == ["also", "known", "as"] else 2 if words[:2] == ["known", "as"] else 0
        if skip:
            j += skip
            if j < n and doc[j].lower_ == "the":
                j += 1
            nxt = next((m for m, sp in enumerate(spans) if sp[0] == j), None)
            if nxt is not None and keys[nxt] != keys[k] and not records[keys[nxt]].reference:
                known[keys[nxt]] = keys[k]
    for src, dst in known.items():
        if src in records and dst in records:
            rec = records.pop(src)
            records[dst].aliases |= rec.aliases | {rec.name}
            records[dst].mentions += rec.mentions
            keys = [dst if k == src else k for k in keys]
    # short forms join their long form of the same type (token subset); the
    # candidates come from a word index, so this costs the records' names, not their pairs
    places = patterns().places | {normalise_name(r.name) for r in records.values() if r.type == EntityType.GPE}
    known_places = patterns().places
    people_orgs = [r for r in records.values() if r.type in (EntityType.ORG, EntityType.PERSON)
                   # a one-word "place" no gazetteer knows, that starts a company's name, is that company ("Veldlaser")
                   or (r.type == EntityType.GPE and not r.reference and " " not in r.name.strip()
                       and normalise_name(r.name) not in known_places)]
    norm_of = {r.key: normalise_name(r.name) for r in people_orgs}
    by_word: dict[str, list[EntityRecord]] = {}
    by_alias: dict[str, list[EntityRecord]] = {}
    for r in people_orgs:
        for w in set(norm_of[r.key].split()):
            by_word.setdefault(w, []).append(r)
        for x in {norm_of[r.key], *(normalise_name(a) for a in r.aliases)}:
            by_alias.setdefault(x, []).append(r)
    merge: dict[str, str] = {}
    for short in people_orgs:
        if short.reference:
            continue
        sn = norm_of[short.key]
        sw = set(sn.split())
        best = None
        cands = {id(r): r for w in sw for r in by_word.get(w, ())} | {id(r): r for r in by_alias.get(sn, ())}
        for long in cands.values():
            if long is short or (short.type == EntityType.ORG and long.type == EntityType.PERSON):
                continue  # a name the article once calls a company stays one ("chip packager Unisem", then "Unisem ...")
            if norm_of[long.key] == sn and _same_name_rank(long) <= _same_name_rank(short):
                continue  # one name tagged twice ("Corvane" as a person and as a company): the company keeps it
            lw = set(norm_of[long.key].split())
            # a "person" whose words start a company's name is that company ("Kaohsiung Plasma" of "Kaohsiung Plasma Systems")
            prefix = short.type == EntityType.PERSON and long.type == EntityType.ORG and norm_of[long.key].startswith(sn + " ")
            if (long in by_alias.get(sn, ()) or (sw and sw < lw and (long.type == short.type or len(sw) == 1 or prefix)
                                                  and not _names_a_group(short.name))) \
                    and not _subsidiary_of(short.name, long.name, places) \
                    and not _other_legal_name(short.name, long.name) \
                    and not _parent_named_beside(doc.text, long, short) \
                    and (long.reference or not _unit_named_after(norm_of[long.key], sn)):
                if best is None or _better_long_form(long, best):
                    best = long
        if best is not None:
            merge[short.key] = best.key
    moved = _merge_records(records, merge)
    keys = [_merged_into(k, moved) for k in keys]

    for (s, e, t, r), key in zip(spans, keys):
        for i in range(s, e):
            token_key[i] = key
    # other mentions of names found once ("GTA Semiconductor" in the headline,
    # missed by NER in the body): match their token sequences
    surface: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    leading_legal = prefix_legal_forms(language)  # "NPO Kvant", "AO Granit": forms later mentions leave out
    for key, rec in records.items():
        if rec.reference or rec.type not in (EntityType.ORG, EntityType.PERSON):
            continue
        for s, e in rec.mentions:
            toks = tuple(t.text for t in doc[s:e])
            if len(toks) >= 2 or (toks and toks[0][:1].isupper() and len(toks[0]) > 3):
                surface.setdefault(toks[0], []).append((toks, key))
            bare = toks
            while len(bare) > 1 and (bare[-1].lower() in TRAILING_LEGAL or bare[-1] == ","):
                bare = bare[:-1]  # "Veldlaser B.V." is later just "Veldlaser"
            if len(bare) > 1 and bare[0].isupper() and bare[0].lower() in leading_legal:
                bare = bare[1:]  # "NPO Kvant" is later just "Kvant"
            if bare != toks and rec.type == EntityType.ORG and (len(bare) >= 2 or (bare[0][:1].isupper() and len(bare[0]) > 3)):
                surface.setdefault(bare[0], []).append((bare, key))
    if surface:
        i = 0
        while i < n:
            cands = surface.get(doc[i].text)
            hit = None
            if cands and token_key[i] is None:
                for toks, key in sorted(set(cands), key=lambda c: -len(c[0])):
                    e = i + len(toks)
                    if e <= n and all(token_key[j] is None for j in range(i, e)) and tuple(t.text for t in doc[i:e]) == toks:
                        hit = (e, key)
                        break
            if hit:
                for j in range(i, hit[0]):
                    token_key[j] = hit[1]
                records[hit[1]].mentions.append((i, hit[0]))
                i = hit[0]
            else:
                i += 1
    # later uses of defined acronyms, which NER often misses
    if acronyms:
        acr_key = {a: keys[k] for a, k in acronyms.items()}
        for tok in doc:
            if token_key[tok.i] is None and tok.text in acr_key:
                token_key[tok.i] = acr_key[tok.text]
                records[acr_key[tok.text]].mentions.append((tok.i, tok.i + 1))

    # a PERSON coordinated with organisations is an organisation ("Si En ... and X Corporation")
    for rec in list(records.values()):
        if rec.type == EntityType.PERSON and not rec.reference:
            for s, e in rec.mentions:
                root = doc[s:e].root
                near = [c for c in root.conjuncts]
                near += joined_to(root)  # "A was added, along with B"
                if any(token_key[c.i] and records.get(token_key[c.i]) and records[token_key[c.i]].type == EntityType.ORG for c in near):
                    rec.type = EntityType.ORG
                    break

    _attach_legal_suffixes(doc, token_key, records)

    links: list[tuple[str, str, int]] = []
    for us, ue, ps, pe in unit_links:
        uk, pk = token_key[us], token_key[ps]
        if uk and pk and uk != pk:
            records[uk].part_of = pk
            records[uk].aliases.add(doc[us:ue].text)
            links.append((uk, pk, us))
    return DocEntities(records, token_key, links)


#: legal forms that follow a company's name as separate tokens ("Intel Corp.", "KLA Corp.", "Samsung Electronics Co., Ltd.")
TRAILING_LEGAL = frozenset("co co. corp corp. corporation inc inc. ltd ltd. limited llc plc plc. ag n.v. nv b.v. bv se s.a. gmbh "
                           "holdings pjsc pte pte. pty pty. bhd bhd. s.p.a. s.r.l. s.a.r.l.".split())
#: legal forms alone (not "corporation", "limited" or "holdings", which also end other names)
_LEGAL_FORMS = TRAILING_LEGAL - {"corporation", "limited", "holdings"}


def _legal_form_after_name(doc: Any, i: int) -> bool:
    """Token ``i`` is a legal form written after a name ("Corp", "NV",
    "plc"), not the start of a word like "co-founder"."""
    t = doc[i]
    if t.lower_ not in _LEGAL_FORMS or (i + 1 < len(doc) and doc[i + 1].text == "-" and not t.whitespace_):
        return False
    return t.text[:1].isupper() or t.lower_.startswith("plc")


#: words a company's name ends in, for cutting apart two names the NER ran together
_COMPANY_END_WORDS = (ORG_SUFFIX_WORDS - {"university", "academy", "institute"}) | {w.strip(".") for w in TRAILING_LEGAL} | {"group"}


def _attach_legal_suffixes(doc: Any, token_key: list[str | None], records: dict[str, EntityRecord]) -> None:
    """A legal form right after an organisation's name is part of that
    mention: the parser often makes "Corp." the head of "KLA Corp.", and a
    rule that reaches the head must find the company there."""
    for i in range(1, len(doc)):
        if token_key[i] is not None or doc[i].lower_ not in TRAILING_LEGAL:
            continue
        j = i - 1
        if doc[j].text == "," and j > 0 and doc[i].lower_ in ("ltd", "ltd.", "limited", "inc", "inc."):
            j -= 1  # "Co., Ltd."
        key = token_key[j]
        if key is not None and records.get(key) is not None and records[key].type == EntityType.ORG:
            for k in range(j + 1, i + 1):
                token_key[k] = key


def _defines_a_term(doc: Any, start: int, end: int) -> bool:
    """"graphics processing unit (GPU)", "artificial intelligence (AI)": an
    acronym in brackets after lower-case words abbreviates a term, not a name."""
    if end - start != 1 or not doc[start].text.isupper() or start < 2 or end >= len(doc):
        return False
    if doc[start - 1].text != "(" or doc[end].text != ")":
        return False
    before = doc[start - 2]
    return before.is_lower and before.is_alpha


def _relative_pronoun_after(doc: Any, end: int) -> str | None:
    """"Stella Chemifa, which supplies ...", "Tom Yorke, who runs ...": English
    refers to people with "who" and to companies with "which", so the
    pronoun of a relative clause set off after a name says which it is."""
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in ("which", "who") \
            and doc[end + 1].head.dep_ == "relcl":
        return doc[end + 1].lower_
    return None


def _dateline_city(doc: Any, start: int, end: int) -> bool:
    """The span is a wire story's dateline city: capitals only, followed by
    its comma, slash or dash ("GRENOBLE, March 4 (Reuters) -", "TAIPEI/SEOUL,",
    "TEL AVIV – ...")."""
    return end < len(doc) and doc[end].text in (",", "/", "-", "–", "—") and all(t.is_upper for t in doc[start:end]) \
        and in_dateline(doc[end - 1])
