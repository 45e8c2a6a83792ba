"""Organisation names found by their shape, whether or not the name is known.

Most company names in chip news are never seen before ("Xunxin (Shanghai)
Investment Co., Ltd.", "Sinno Electronics"), and on Dutch or German text there
is no statistical NER at all.  What every such name shows is a signal: a legal
form, an industry noun at its end, a company noun before it ("der Konzern X"),
membership of a list of other companies, or a known company it extends ("Arm
China").  German capitalises every noun, so capitalisation alone is never
enough.

The engine is one small matcher: every token becomes one class letter (a name
word, a place, a legal form, an industry noun, a comma, ...), and the named
patterns of ``org_patterns.json`` are regular expressions over that string, so
a pattern reads as a sequence of token kinds and new kinds of names are new
data rows, not new code.  Lists and short-form definitions ("hereafter X",
"Name (Short)") are the two shapes that need a look at their neighbours and
have a function each.  Everything is one pass over the document's tokens plus
regex scans of one string: linear in the length of the text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from chipgraph.graph.model import EntityType

from .named_after_parent import names_another_company
from .pipeline import PRODUCT_ACRONYMS

__all__ = ["OrgFindings", "OrgSpan", "acts_as_company", "called_a_company", "find_orgs", "patterns", "prefix_legal_forms", "reference_genitive"]

_BULLETS = {"-", "–", "—", "•", "*", "·", "▪", "►", "‣", "◦"}
_QUOTES = {'"', "'", "“", "”", "‘", "’", "„", "«", "»"}
#: a Dutch place adjective ("Duitse", "Eindhovense", "Brabantsche")
_NL_PLACE_ADJECTIVE = re.compile(r"(se|sche)$")
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th|e|de|ste|ter|ten)?$", re.I)
#: the words an English name has before "of" ("Aluminum Corporation of China", "Bank of China")
_ENGLISH_OF_BEFORE = frozenset("corporation corp corp. company bank group institute university academy industries".split())


@dataclass(frozen=True)
class OrgSpan:
    """A name the recogniser found: tokens [start, end), its type, the rule
    that found it, a name to use instead of the span's text (a government's
    place, a translated unit), and the reference id it extends, if any."""

    start: int
    end: int
    type: EntityType
    rule: str
    name: str | None = None
    ref_id: str | None = None


@dataclass
class OrgFindings:
    """What :func:`find_orgs` found in one document."""

    spans: list[OrgSpan] = field(default_factory=list)
    #: (alias start, alias end, start of the org span it names) for short forms the text defines
    aliases: list[tuple[int, int, int]] = field(default_factory=list)
    #: (unit start, unit end, parent start, parent end) for numbered units ("het 55e onderzoeksinstituut van X")
    units: list[tuple[int, int, int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class _Patterns:
    """org_patterns.json, compiled: (name, action, regex, words the span must follow) rows and word sets."""

    regexes: tuple[tuple[str, str, re.Pattern[str], frozenset[str] | None], ...]
    words: dict[str, dict[str, frozenset[str]]]
    unit_names: dict[str, str]
    places: frozenset[str]
    german_endings: tuple[str, ...]
    german_common: frozenset[str]
    german_goods_heads: tuple[str, ...]
    company_verbs: frozenset[str]
    articles: frozenset[str]
    copulas: frozenset[str]
    person_nouns: frozenset[str]
    company_possessions: frozenset[str]
    english_name_tails: frozenset[str]
    local_body_names: frozenset[str]  # lower case


@lru_cache(maxsize=1)
def patterns() -> _Patterns:
    """The word lists and named patterns of ``org_patterns.json`` (read once)."""
    raw = json.loads(resources.files("chipgraph.ingest").joinpath("org_patterns.json").read_text(encoding="utf-8"))
    words: dict[str, dict[str, frozenset[str]]] = {}
    for key, val in raw.items():
        if isinstance(val, dict) and val and set(val) <= {"all", "en", "nl", "de"}:  # a word list per language
            words[key] = {lang: frozenset(w.lower() for w in ws) for lang, ws in val.items()}
    regexes = tuple((p["name"], p["action"], re.compile(p["regex"]),
                     frozenset(p["preceded_by"]) if "preceded_by" in p else None) for p in raw["patterns"])
    sets = {f: frozenset(raw[f]) for f in ("places", "company_verbs", "company_possessions", "articles", "copulas",
                                            "person_nouns", "english_name_tails")}
    sets["local_body_names"] = frozenset(n.lower() for n in raw["local_body_names"])
    return _Patterns(regexes=regexes, words=words, unit_names=raw["unit_names"],
                     german_endings=tuple(raw["german_noun_endings"]),
                     german_common=frozenset(raw["german_common_words"]),
                     german_goods_heads=tuple(raw["german_goods_compound_heads"]), **sets)


def prefix_legal_forms(lang: str) -> frozenset[str]:
    """Legal forms written before a name in ``lang`` text ("NPO", "AO"), lower case."""
    return _lex("prefix_legal_forms", lang)


@lru_cache(maxsize=1)
def _reference_one_word_orgs() -> dict[str, str]:
    """One-word names and aliases of the reference organisations -> canonical name."""
    from chipgraph.graph.reference import reference_entities

    out: dict[str, str] = {}
    for ent in reference_entities():
        if ent.type == EntityType.ORG:
            for name in ent.names():
                if " " not in name and len(name) >= 3 and not name.endswith("s"):
                    out.setdefault(name, ent.name)
    return out


def reference_genitive(word: str) -> str | None:
    """The known organisation a Dutch or German genitive names ("Huaweis",
    "Googles" -> its canonical name), else ``None``.  Such a word is a
    possessive, never a new company name nor a list member of its own."""
    if len(word) < 4 or not word.endswith("s") or not word[:1].isupper():
        return None
    return _reference_one_word_orgs().get(word[:-1])


def _lex(key: str, lang: str) -> frozenset[str]:
    table = patterns().words.get(key, {})
    return table.get("all", frozenset()) | table.get(lang, frozenset())


@lru_cache(maxsize=1)
def _reference_place_names() -> frozenset[str]:
    """Lower-cased names and aliases of the reference data's places ("washington" of the United States)."""
    from chipgraph.graph.reference import reference_entities
    return frozenset(n.lower() for e in reference_entities() if e.type == EntityType.GPE for n in (e.name, *e.aliases))


def is_known_place(name: str) -> bool:
    """A city or region the recogniser's word lists know ("Shenzhen", "Xi'an")."""
    return name.lower().strip() in patterns().places


#: German nouns for a company's subsidiary, capitalised as every German noun is, which open no name
_GERMAN_PART_NOUNS = frozenset("tochter töchter tochtergesellschaft tochtergesellschaften tochterfirma tochterunternehmen "
                               "vertriebstochter konzerntochter".split())


def _low(tok: Any) -> str:
    t = tok.text.lower()
    return t[:-1] if t.endswith(".") and len(t) > 1 else t


def _capitalised(text: str) -> bool:
    return bool(text) and (text[0].isupper() or (text[0].isdigit() and any(c.isupper() for c in text))
                           or bool(re.match(r"^[a-z]{1,2}[A-Z]", text)))


class _Classifier:
    """Token -> class letter, with the document-wide facts it needs built once."""

    def __init__(self, doc: Any, lang: str) -> None:
        self.doc, self.lang = doc, lang
        p = patterns()
        self.legal = _lex("legal_forms", lang)
        self.legal_before = _lex("prefix_legal_forms", lang)
        self.of_nouns = _lex("of_nouns", lang)
        self.industry = _lex("industry_nouns", lang)
        self.units = _lex("unit_nouns", lang)
        self.unit_preps = _lex("unit_prepositions", lang)
        self.gov = _lex("government_nouns", lang)
        self.institutions = _lex("institution_nouns", lang)
        self.municipal = _lex("municipality_nouns", lang)
        self.gov_q = _lex("government_qualifiers", lang)
        self.descr = _lex("descriptor_nouns", lang)
        self.descr_suffix = tuple(_lex("descriptor_suffixes", lang))
        self.compound_tails = tuple(_lex("name_compound_tails", lang))
        #: compounds that name a body after the name before their hyphen ("Carl-Halden-Stiftung"), unlike
        #: "Longhai-Technik" (the company's goods)
        self.body_tails = tuple(_lex("hyphenated_body_tails", lang))
        self.coord = {c for c in _lex("coordinators", lang) if " " not in c}
        self.stop = _lex("stop_words", lang)
        self.places = p.places
        # words the text also writes in lower case are common words when capitalised at a sentence start
        self.lower_words = {t.text for t in doc if t.text.islower()}
        self.ref_org: set[int] = set()
        self.ref_other: set[int] = set()
        self.place: set[int] = set()
        self.known_place: set[int] = set()
        self.ref_place: set[int] = set()
        for ent in doc.ents:
            idx = range(ent.start, ent.end)
            if ent.ent_id_ and ent.label_ == "ORG" and inside_hyphenated_name(ent):
                continue  # "Carl-Zeiss-Stiftung": read with the words around it
            if ent.ent_id_ and ent.label_ == "ORG":
                self.ref_org.update(idx)
            elif ent.ent_id_ and ent.label_ == "GPE":
                self.place.update(idx)
                self.known_place.update(idx)
                self.ref_place.update(idx)
            elif ent.ent_id_:
                self.ref_other.update(idx)
            elif ent.label_ == "GPE" and lang == "en":
                self.place.update(idx)
        n = len(doc)
        for i in range(n):
            low = _low(doc[i])
            two = f"{low} {_low(doc[i + 1])}" if i + 1 < n else ""
            if two in self.places and _capitalised(doc[i].text):
                self.known_place.update((i, i + 1))
            elif low in self.places and _capitalised(doc[i].text):
                self.known_place.add(i)
        self.place |= self.known_place

    def descriptor(self, low: str) -> bool:
        """A company noun ("chipmaker", "toolmaker", "Konzern", "Chiphersteller"),
        also in the German genitive ("des Konzerns")."""
        if low in self.descr:
            return True
        if self.lang == "en":  # compounds written as one word: "toolmaker", "carmakers"
            return low.endswith(self.descr_suffix)
        if low.endswith(self.descr_suffix):
            return True
        # German inflects its company nouns: "des Konzerns", "beim Konkurrenten", "den Lieferanten", "dem Riesen"
        stems = (low[:-1],) if low.endswith(("s", "n")) else ()
        stems += (low[:-2],) if low.endswith("en") else ()
        return self.lang == "de" and any(st in self.descr or st.endswith(self.descr_suffix) for st in stems)

    def german_noun(self, tok: Any) -> bool:
        """A capitalised German common noun (which is no name): by its ending,
        umlauts, or a short list of frequent nouns.  An ending alone is only a
        guess ("Jenoptik", "Lumitronik" end like "Technik"): a word that a
        company noun introduces or describes is a name (``_named_by_context``)."""
        low = tok.text.lower()
        p = patterns()
        if low in p.german_common or re.search(r"[äöüß]", low):
            return True
        nxt = tok.i + 1
        if low.endswith(p.german_goods_heads) and nxt < len(self.doc) and self.doc[nxt].text == "-":
            return True  # "der Speicherchip-Hersteller", "den Grafikchip-Entwickler": a goods noun, no maker's name
        return len(low) >= 6 and low.endswith(p.german_endings) and not self._named_by_context(tok.i)

    def _named_by_context(self, i: int) -> bool:
        """Token ``i`` stands where only a name can: right after a company
        noun ("der Optikkonzern X", "die Firma X"), before a company's
        compound ("X Handelsgesellschaft") or before "ist ein(e)" and a company
        noun ("X ist ein Zulieferer")."""
        doc = self.doc
        if i > 0 and self.descriptor(_low(doc[i - 1])):
            return True
        after = [t for t in doc[i + 1 : i + 5] if not t.is_space]
        if after and _capitalised(after[0].text) and self.compound_tails and after[0].lower_.endswith(self.compound_tails):
            return True  # "Baltik Handelsgesellschaft", "Kompozit Elektronik": a company's compound after it ends its name
        return (len(after) >= 3 and after[0].lower_ in patterns().copulas and after[1].lower_ in ("ein", "eine")
                and self.descriptor(_low(after[2])))

    def _introduces_name(self, i: int) -> bool:
        """Dutch "het Duitse X": a place adjective after the neuter article,
        before a capitalised word.  Dutch writes its nouns in lower case and
        gives a person "de", never "het", so the word is a company's name, as
        after "het Duitse bedrijf"; the adjective then acts as the company noun."""
        doc = self.doc
        if not (i > 0 and doc[i - 1].lower_ == "het" and i + 1 < len(doc)):
            return False
        nxt = doc[i + 1]
        low = _low(nxt)
        return (_capitalised(nxt.text) and nxt.i not in self.place
                and not any(low in words for words in (self.stop, self.gov, self.municipal, self.of_nouns, self.units,
                                                   self.institutions)))

    def _english_of(self, i: int) -> bool:
        """"Aluminum Corporation of China" in Dutch text, where "of" is
        mostly "or": English only between a company word and a capital."""
        doc = self.doc
        return 0 < i < len(doc) - 1 and doc[i - 1].lower_ in _ENGLISH_OF_BEFORE and _capitalised(doc[i + 1].text)

    def char(self, tok: Any, line_start: bool) -> str:
        text, low, i = tok.text, _low(tok), tok.i
        if "\n" in text:
            return "n"
        if tok.is_space:
            return "x"
        if line_start and text in _BULLETS:
            return "b"
        if text in ("'s", "’s") and self.lang == "en":
            return "y"
        if text == "-":
            return "-" if i > 0 and not self.doc[i - 1].whitespace_ and not tok.whitespace_ else "x"
        if text in ("(", ")", ",", "&", "."):
            return text
        if i in self.ref_org:
            return "R"
        if self.lang != "en" and reference_genitive(text):
            return "x"  # "Qualcomms Modems": a known company's genitive, not a name
        if self.lang == "de" and len(text) > 4 and text.endswith("s") and (is_known_place(text[:-1])
                                                                          or text[:-1].lower() in _reference_place_names()):
            return "x"  # "nach Darstellung Washingtons Komponenten", "Pekings Fabriken": a place's genitive opens no name
        if i in self.ref_other:
            return "x"
        if low in ("based", "listed", "headquartered") and i > 0 and self.doc[i - 1].text == "-":
            return "z"
        if low == "of" and self.lang == "nl" and self._english_of(i):
            return "o"  # (before "of" is read as Dutch "or")
        if low in self.coord:
            return "a"
        if low == "in":
            return "i"
        if low in patterns().articles and not (self.lang == "nl" and low == "de" and _capitalised(text)):
            return "t"
        if low in patterns().copulas:
            return "k"
        if low == "of" and self.lang != "nl":  # English names keep "of" in German text too
            return "o"
        if low in self.unit_preps and self.lang != "en":
            return "p"
        if _ORDINAL.match(text) and not text.isdigit() or (text.isdigit() and self.lang != "en" and i + 1 < len(self.doc)
                                                           and self.doc[i + 1].text == "."):
            return "#"
        if low in self.units and (not _capitalised(text) or self.lang == "de"
                                  or i > 0 and _ORDINAL.match(self.doc[i - 1].text) and not self.doc[i - 1].text.isdigit()):
            return "U"  # "het 13e Onderzoeksinstituut van X": after an ordinal, a capital still opens no name of its own
        if low in self.gov:
            return "V"
        if low in self.gov_q and (not _capitalised(text) or (i + 1) in self.ref_org and (i - 1) in self.place):
            return "q"  # "the Shaanxi Provincial State-owned Assets ... Commission": the province's own commission
        if low in self.municipal and (self.lang == "de" or not _capitalised(text) or low == "emirate"):
            return "W"
        if not _capitalised(text):
            return "D" if self.descriptor(low) else "x"
        if low in self.legal and (text[0].isupper() or low in ("plc", "llc")):
            return "S"
        if low in self.legal_before and text.isupper() and i + 1 < len(self.doc) and _capitalised(self.doc[i + 1].text):
            return "F"
        if low in self.of_nouns:
            return "J"
        if self.lang != "en" and i > 0 and self.doc[i - 1].text == "-" and not self.doc[i - 1].whitespace_ \
                and low in self.industry and self.descriptor(low):
            return "D"  # "der Tessaro-Gruppe", "de Tessaro-groep": the noun describes the name before the hyphen
        if self.lang == "de" and low in _GERMAN_PART_NOUNS:
            return "D"  # "die österreichische Tochter X", "über seine Tochtergesellschaft X": the noun, not the name's first word
        if low in self.industry or (self.lang != "en" and low in patterns().english_name_tails and i > 0
                                    and self.doc[i - 1].text[:1].isupper() and self.doc[i - 1].is_alpha
                                    and not (self.lang == "de" and low in patterns().german_common and (i - 1) in self.ref_org)):
            # Dutch and German text writes "Lianjiang Microtech" only as a name; but German "Chips" is a noun too, so a
            # known company before it is that company and its goods ("dass Infineon Chips an Huawei liefert")
            return "I"
        if i in self.place:
            return "G"
        if self.compound_tails and low.endswith(self.compound_tails) \
                and self._after_name_word(i, across_hyphen=bool(self.body_tails) and low.endswith(self.body_tails)):
            return "I"  # "Voss Halbleitertechnik": a compound that ends a name after a name word
        if (self.lang == "de" or self.lang in ("nl", "en") and (tok.is_sent_start or line_start)) \
                and self.descriptor(low):
            return "D"  # German writes its company nouns capitalised; elsewhere "Companies" is in a title
            # (or opens a sentence: "Rival X is believed to ...", "Chipmaker X said")
        if self.lang == "nl" and _NL_PLACE_ADJECTIVE.search(low) and self._introduces_name(i):
            return "D"  # "het Duitse Jenoptik"
        if low == "new" and self.lang == "en" and i + 1 < len(self.doc) and (i + 1) in self.place and (i + 1) not in self.ref_org:
            return "N"  # "New China Life Insurance": "New" before a place begins a name (a pattern still needs its company word)
        if low in self.stop:
            return "x"
        start = tok.is_sent_start or line_start
        if start and low in self.lower_words:
            return "x"
        if self.lang == "en":
            ok = tok.pos_ == "PROPN" or tok.is_upper or not text[0].isupper() or text[0].isdigit()
            # "the state conglomerate Rostec": a capitalised word after a company noun
            # is a name, even where the tagger read it as a common noun
            ok = ok or (not start and i > 0 and not self.doc[i - 1].text[:1].isupper() and self.descriptor(self.doc[i - 1].lower_))
            # "Tarrow Photonics is ...": an unknown word opening the sentence, which the
            # tagger reads as a common noun, before a capitalised company word
            ok = ok or (start and tok.pos_ == "NOUN" and self._before_english_tail(i))
            return "N" if ok else "x"
        if self.lang == "de" and self._city_adjective(i) and not self._before_legal_form(i) and not self._before_hyphen(i):
            return "x"  # "der Hamburger Chips", "die Dresdner Wafer": a place adjective before a plain noun (not "der Hessler-Gruppe")
        if self.lang != "en" and (self._before_legal_form(i) or self._before_english_tail(i)):
            return "N"  # "Sächsische Mikrotechnik GmbH", "Halvern Optics": the name's first word, whatever its ending
        if self.lang == "de" and (self.german_noun(tok) or (len(text) >= 13 and text[1:].islower()
                                                            and not self._hyphenated_to_name(i))):
            return "x"  # a German noun, or a long compound ("Elektronikkomponenten")
        if self.lang == "de" and self._city_adjective(i) and not self._before_hyphen(i):
            return "x"  # "die Dortmunder Firma": a place adjective
        if self.lang == "nl" and _NL_PLACE_ADJECTIVE.search(low) and i > 0 and self.doc[i - 1].lower_ in ("de", "het", "een"):
            return "x"  # "het Eindhovense bedrijf": a place adjective
        return "N"

    def _hyphenated_to_name(self, i: int) -> bool:
        """Token ``i`` is joined by a bare hyphen to a capitalised word that is
        no German noun ("Wolga-Radioelektronika", "Kama-Elektronmasch"): a
        transliterated name's second half, however long, not a compound noun
        of its own.  Goods and company nouns after a name's hyphen
        ("Huawei-Halbleitersparte") end as German nouns do and stay nouns."""
        if i < 2 or self.doc[i - 1].text != "-" or self.doc[i - 2].whitespace_ or self.doc[i - 1].whitespace_:
            return False
        first = self.doc[i - 2]
        return _capitalised(first.text) and first.is_alpha and not self.german_noun(first) \
            and not self.descriptor(first.lower_)

    def _city_adjective(self, i: int) -> bool:
        """German token ``i`` is a place's adjective in "-er" right after an
        article ("die Dortmunder Firma", "der Hamburger Chips")."""
        return self.doc[i].lower_.endswith("er") and i > 0 and self.doc[i - 1].lower_ in ("der", "die", "das", "des", "dem", "den")

    def _after_name_word(self, i: int, *, across_hyphen: bool = False) -> bool:
        """Token ``i - 1`` is a capitalised word that is no article, stop word,
        place or German noun: the start of a name ("Voss" in "Voss
        Halbleitertechnik", not "Die" or "Deutschlands")."""
        if i == 0:
            return False
        if across_hyphen and i >= 2 and self.doc[i - 1].text == "-" and not self.doc[i - 1].whitespace_ \
                and not self.doc[i - 2].whitespace_:
            i -= 1  # "Carl-Halden-Stiftung": the word before the hyphen
        prev = self.doc[i - 1]
        low = _low(prev)
        if not (prev.is_alpha and _capitalised(prev.text)) or low in self.stop or low in patterns().articles:
            return False
        if (i - 1) in self.ref_org:
            return True
        if self.lang != "en" and prev.is_sent_start and low.endswith(("e", "en", "er", "es", "em")):
            return False  # "Neue Sensoren ...", "Nieuwe Sensoren ...": an adjective opening the sentence
        return (i - 1) not in self.place and not (self.lang == "de" and self.german_noun(prev)) \
            and not self.descriptor(low) and not (prev.is_sent_start and low in self.lower_words)

    def _before_english_tail(self, i: int) -> bool:
        """Token ``i`` comes right before an English company word
        ("Optics", "Semiconductor", "Holdings") in Dutch or German text,
        which writes such words only in names, or at the start of an English
        sentence, where the capital says nothing."""
        nxt = next((t for t in self.doc[i + 1 : i + 2] if not t.is_space), None)
        return nxt is not None and nxt.text[:1].isupper() and nxt.lower_ in patterns().english_name_tails

    def _before_hyphen(self, i: int) -> bool:
        """Token ``i`` is joined by a bare hyphen to the word after it ("Hessler-Gruppe")."""
        doc = self.doc
        return i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_ and not doc[i + 1].whitespace_

    def _before_legal_form(self, i: int) -> bool:
        """Token ``i`` starts or continues a run of at most four capitalised
        words that ends in a legal form ("GmbH", "AG", "B.V.")."""
        doc = self.doc
        for j in range(i + 1, min(len(doc), i + 5)):
            t = doc[j]
            if _low(t) in self.legal and t.text[:1].isupper():
                return True
            if not _capitalised(t.text) or t.is_space or _low(t) in patterns().articles:
                return False
        return False

    def classes(self) -> str:
        out = []
        line_start = True
        for tok in self.doc:
            c = self.char(tok, line_start)
            out.append(c)
            if c == "n":
                line_start = True
            elif not tok.is_space:
                line_start = False
        return "".join(out)


#: qualifiers that make a known state body a city's or province's own ("the Zhuhai municipal SASAC")
_LOCAL_QUALIFIERS = frozenset({"municipal", "provincial", "city", "prefectural", "county", "district"})


def _ref_of(doc: Any, s: int, e: int) -> str | None:
    """The reference id of the (single) known organisation inside [s, e)."""
    ids = {doc[i].ent_id_ for i in range(s, e) if doc[i].ent_id_ and doc[i].ent_type_ == "ORG"}
    return ids.pop() if len(ids) == 1 else None


#: last words that name a group of companies: "Shanghai Huahong Group" owns
#: "Hua Hong", and "Huaxin Holdings" is no short form of "Huaxin Capital"
GROUP_WORDS = frozenset({"holding", "holdings", "group"})


def _anchored(doc: Any, cls: str, s: int, e: int, rule: str) -> OrgSpan:
    """An anchored name; if it is only a known company with place words before
    and industry/legal words after ("Hangzhou Hikvision", "DJI Technology
    Co., Ltd."), it is that company's mention, unless those words name its
    group ("Shanghai Huahong Group", the parent of the known Hua Hong)."""
    core = cls[s:e].lstrip("G").rstrip("IJS,")
    known_end = s + len(cls[s:e].rstrip("IJS,"))
    known_start = known_end - len(core)
    after = cls[known_end:e]
    words_end = known_end + len(after) - len(after.lstrip("IJ"))  # the industry words right after the known name
    if core and set(core) == {"R"} and not any(doc[i].lower_ in GROUP_WORDS for i in range(known_end, e)) \
            and not names_another_company(doc, known_start, known_end, words_end):
        return OrgSpan(s, e, EntityType.ORG, rule, ref_id=_ref_of(doc, s, e))
    return OrgSpan(s, e, EntityType.ORG, rule)


def _pattern_spans(doc: Any, cls: str, clf: _Classifier, found: OrgFindings) -> None:
    """Run every named pattern over the class string ``cls`` and apply its
    action (a new organisation, a subsidiary, a known name's longer mention,
    a government's place, a numbered unit, one centre per city)."""
    p = patterns()
    for name, action, rx, preceded_by in p.regexes:
        for m in rx.finditer(cls):
            s, e = m.start(), m.end()
            if preceded_by is not None and (s == 0 or doc[s - 1].lower_ not in preceded_by):
                continue  # a class letter stands for several words; the pattern holds after these only
            if s >= e or (action in ("org", "described") and set(cls[s:e]) <= {"G"}):
                continue  # a place alone is no company name
            if e - s == 1 and doc[s].text in PRODUCT_ACRONYMS:
                continue  # "a Dallas-based GPU rental provider": a kind of chip, whatever its shape
            if action == "org":
                found.spans.append(_anchored(doc, cls, s, e, name))
            elif action == "subsidiary":
                if e < len(doc) and (doc[e].text in ("'s", "’s") or clf.lang == "en" and doc[e].pos_ == "NOUN"
                                     and doc[e].is_lower):
                    continue  # "Foo Hong Kong stocks", "Foo China's": the place belongs to what follows
                found.spans.append(OrgSpan(s, e, EntityType.ORG, name))
            elif action == "described":
                if _described(doc, cls, e):
                    found.spans.append(_anchored(doc, cls, s, e, name))
            elif action == "distribute":
                _distribute(doc, cls, s, e, name, found)
            elif action == "extend-known":
                r_end = e
                while r_end < len(cls) and (cls[r_end] == "R" or cls[r_end] == "-" and cls[r_end + 1:r_end + 2] == "R"):
                    r_end += 1
                if clf.ref_place.intersection(range(s, e)):
                    continue  # a country, not a city
                if doc[e:r_end].text.lower() in p.local_body_names:  # "the Xiamen State-owned Assets ... Commission"
                    found.spans.append(OrgSpan(s, r_end, EntityType.ORG, "local-body"))  # the city's own, not the national one
                else:
                    found.spans.append(OrgSpan(s, r_end, EntityType.ORG, name, ref_id=_ref_of(doc, e, r_end)))
            elif action == "local-body":
                r_end = e
                while r_end < len(cls) and (cls[r_end] == "R" or cls[r_end] == "-" and cls[r_end + 1:r_end + 2] == "R"):
                    r_end += 1  # "State-owned Assets ... Commission": the known name, its hyphens included
                if doc[e - 1].lower_ in _LOCAL_QUALIFIERS:  # (a capital's name too: "the Beijing municipal ...")
                    found.spans.append(OrgSpan(s, r_end, EntityType.ORG, name))
            elif action == "government":
                place = [i for i in range(s, e) if cls[i] in "GN"]
                text = doc[place[0]:place[-1] + 1].text
                found.spans.append(OrgSpan(s, e, EntityType.GPE, name, name=text))
            elif action == "unit":
                _unit(doc, cls, s, e, p, found)


def _described(doc: Any, cls: str, e: int) -> bool:
    """The company noun after a name really describes it: not "X, the
    company's founder" nor "X is a company executive"."""
    d = cls.find("D", e)
    if d < 0 or d + 1 >= len(doc):
        return d >= 0
    nxt = doc[d + 1]
    return nxt.text not in ("'s", "’s", "'") and nxt.lower_ not in patterns().person_nouns


def _distribute(doc: Any, cls: str, s: int, e: int, rule: str, found: OrgFindings) -> None:
    """"X Center in A, B and C": one centre per city, named "X Center in A",
    the first spanning its whole name, the others their city's tokens."""
    i = cls.index("i", s)
    head = doc[s:i].text
    first = True
    for m in re.finditer("G+", cls[i + 1:e]):
        ps, pe = i + 1 + m.start(), i + 1 + m.end()
        found.spans.append(OrgSpan(s if first else ps, pe, EntityType.ORG, rule, name=f"{head} in {doc[ps:pe].text}"))
        first = False


def _unit(doc: Any, cls: str, s: int, e: int, p: _Patterns, found: OrgFindings) -> None:
    """'het 55e onderzoeksinstituut van CETC': a unit (named in English) with its parent."""
    ps = e + 1
    pe = ps
    while pe < len(cls) and cls[pe] == cls[ps] and cls[ps] in "RN":
        pe += 1
    if pe == ps:
        return
    num = re.match(r"\d+", doc[s].text)
    if not num:
        return
    n = int(num.group(0))
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    unit_tok = next(i for i in range(s, e) if cls[i] == "U")
    noun = p.unit_names.get(doc[unit_tok].text.lower(), doc[unit_tok].text)
    parent = doc[ps:pe].text
    found.units.append((s, e, ps, pe))
    found.spans.append(OrgSpan(s, pe, EntityType.ORG, "numbered-unit", name=f"{n}{suffix} {noun} of {parent}"))
    if cls[ps] == "N":
        found.spans.append(OrgSpan(ps, pe, EntityType.ORG, "unit-parent"))


_ITEM = r"[NGRIJS#](?:[NGRIJS#&-]|\([NGRIJS]{1,4}\))*"
_LIST = re.compile(rf"{_ITEM}(?:,{_ITEM})*,?a{_ITEM}|{_ITEM}(?:,{_ITEM}){{2,}}")
_BULLET_LIST = re.compile(rf"(?:b{_ITEM}[.,]?x*n+)+b{_ITEM}[.,]?x*(?=n|$)")


def _list_spans(doc: Any, cls: str, lang: str, orgs: set[int], named: set[int], strong: set[int],
                found: OrgFindings, known_place: set[int]) -> None:
    """Members of comma/and lists and bullet lists of organisations: every
    name-like item becomes an organisation when one item is one already or
    the list is introduced by company words ("companies such as", "darunter")."""
    cues = _lex("list_cues", lang)
    for rx, bullet in ((_LIST, False), (_BULLET_LIST, True)):
        for m in rx.finditer(cls):
            if m.start() > 0 and cls[m.start() - 1] == "o":
                continue  # "Ministry of Trade, Industry and Energy": one name's parts
            items = [(x.start() + m.start(), x.end() + m.start()) for x in re.finditer(_ITEM, m.group(0))]
            items = [(s, e) for s, e in items if e - s <= 8]
            if len(items) < 2:
                continue
            before = doc[max(0, m.start() - (14 if bullet else 8)):m.start()]
            cued = any(t.lower_ in cues for t in before)
            # "A and B" alone needs a partner known otherwise: "Assets Supervision and Administration
            # Commission" is one name whose second half merely looks like one
            pool = orgs if "," in m.group(0) or bullet else strong
            has_org = any(any(i in pool for i in range(s, e)) for s, e in items)
            if not (cued or has_org):
                continue
            for s, e in items:
                while e > s and cls[e - 1] == ")":  # "Name (Short)": the short form is an alias
                    k = cls.rfind("(", s, e)
                    e = k if k > s else e - 1
                if e <= s or all(i in known_place for i in range(s, e)) or any(i in named for i in range(s, e)):
                    continue
                if lang == "de" and not has_org and e - s == 1 and doc[s].text.istitle():
                    continue  # "wie Atomwaffen und Raketen": German nouns, not names
                if set(cls[s:e]) <= set("#IJS") or (lang != "en" and e - s == 1 and doc[s].text.isupper() and len(doc[s]) < 2):
                    continue
                found.spans.append(OrgSpan(s, e, EntityType.ORG, "list-member" if not bullet else "bullet-member"))


def _short_forms(doc: Any, cls: str, lang: str, org_spans: list[tuple[int, int]], found: OrgFindings) -> None:
    """Short forms an article defines right after a name: "X, better known as
    Y", "X (hereafter Y)", "X (Y)" (a place in brackets is a location, not a
    short form, unless a cue word says otherwise)."""
    cues: dict[str, list[tuple[str, ...]]] = {}
    for c in sorted((tuple(c.split()) for c in _lex("short_form_cues", lang)), key=len, reverse=True):
        cues.setdefault(c[0], []).append(c)
    lows = [t.lower_ for t in doc]
    n = len(doc)
    for s, e in org_spans:
        j = e
        bracket = False
        while j < n and (doc[j].text in (",", "(") or doc[j].text in _QUOTES) and j - e < 3:
            bracket = bracket or doc[j].text == "("
            j += 1
        cue = next((c for c in cues.get(lows[j], ()) if tuple(lows[j:j + len(c)]) == c), None) if j < n else None
        if cue and len(cue) == 1 and j == e:
            cue = None  # "X auch Y beliefert": a one-word cue ("auch", "kurz") defines a short form only after a comma
        if cue:
            j += len(cue)
            if j < n and doc[j].text in (":",):
                j += 1
        elif not bracket:
            continue
        while j < n and (doc[j].text in _QUOTES or doc[j].lower_ in ("the", "de", "het", "die", "der", "das")):
            j += 1
        k = j
        while k < n and k - j < 5 and cls[k] in "NGRIJS#-&":
            k += 1
        if k == j:
            continue
        end = k
        while end < n and doc[end].text in _QUOTES:
            end += 1
        if bracket and (end >= n or doc[end].text != ")"):
            continue
        if not cue and set(cls[j:k]) <= {"G"}:
            continue
        if not bracket and not cue:
            continue
        found.aliases.append((j, k, s))


def _resolve_overlaps(spans: list[OrgSpan]) -> list[OrgSpan]:
    """Longest first, then earliest; a span never overlaps an earlier pick."""
    taken: set[int] = set()
    out = []
    for sp in sorted(spans, key=lambda x: (-(x.end - x.start), x.start)):
        if not taken.intersection(range(sp.start, sp.end)):
            out.append(sp)
            taken.update(range(sp.start, sp.end))
    return sorted(out, key=lambda x: x.start)


def find_orgs(doc: Any, language: str, ner_orgs: list[tuple[int, int]] = ()) -> OrgFindings:
    """Organisation (and government) names of ``doc`` found by shape.

    ``ner_orgs`` are organisation spans found otherwise (statistical NER),
    which count as organisations when judging whether a list is a list of
    organisations.
    """
    lang = language if language in ("en", "nl", "de") else "en"
    clf = _Classifier(doc, lang)
    cls = clf.classes()
    found = OrgFindings()
    _pattern_spans(doc, cls, clf, found)
    found.spans = _resolve_overlaps(found.spans)
    orgs: set[int] = set(clf.ref_org)
    for sp in found.spans:
        if sp.type == EntityType.ORG:
            orgs.update(range(sp.start, sp.end))
    named = set(orgs)  # names found already (known or by shape), which a list item must not cut
    strong = set(clf.ref_org)  # names known otherwise than by their shape
    for s, e in ner_orgs:
        orgs.update(range(s, e))
        strong.update(range(s, e))
    _list_spans(doc, cls, lang, orgs, named, strong, found, clf.known_place)
    found.spans = _resolve_overlaps(found.spans)
    org_spans = sorted({(sp.start, sp.end) for sp in found.spans if sp.type == EntityType.ORG}
                       | set(ner_orgs) | _ref_org_spans(doc))
    _short_forms(doc, cls, lang, org_spans, found)
    return found


def _ref_org_spans(doc: Any) -> set[tuple[int, int]]:
    """Spans of the reference rulers' organisations."""
    return {(ent.start, ent.end) for ent in doc.ents if ent.ent_id_ and ent.label_ == "ORG" and not inside_hyphenated_name(ent)}


def inside_hyphenated_name(ent: Any) -> bool:
    """"Carl-Zeiss-Stiftung": a known company's name written inside another
    name, hyphenated to the capitalised words around it, is a part of that
    name (here the foundation that owns the company), not the company."""
    doc = ent.doc
    def joined(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].text == "-" and not doc[i].whitespace_ and not doc[i - 1].whitespace_
    return ent.start >= 2 and joined(ent.start - 1) and doc[ent.start - 2].text[:1].isupper() \
        and joined(ent.end) and ent.end + 1 < len(doc) and doc[ent.end + 1].text[:1].isupper()


#: verbs whose subject holds shares when their object is a stake ("holds 12%", "retains a stake")
_STAKE_VERBS = frozenset("hold control retain keep take own".split())
_HONORIFICS = frozenset("mr mrs ms dr sir madam".split())
_STAKE_WORDS = frozenset("stake stakes share shares interest holding majority % percent per cent".split())


def holds_shares(verb: Any) -> bool:
    """The verb's object is a holding: "a 20% stake", "12%", "a majority of the shares"."""
    return any(o.dep_ == "dobj" and (o.lemma_.lower() in _STAKE_WORDS or any(x.lower_ in _STAKE_WORDS for x in o.subtree))
               for o in verb.children)


def acts_as_company(doc: Any, start: int, end: int) -> bool:
    """Whether the (English) mention [start, end) does what companies do:
    subject of a company verb ("X shipped", "X manufactures") or owner of a
    company thing ("X's subsidiary", "X's fabs").  Used to re-type names the
    NER took for a person or a product."""
    p = patterns()
    root = doc[start:end].root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in p.company_verbs:
        return True
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in _STAKE_VERBS and holds_shares(root.head) \
            and not any(t.lower_.rstrip(".") in _HONORIFICS for t in doc[max(0, start - 1):end]):
        return True  # "Mubadala holds a majority stake in X": a holder (company or fund) the NER took for a person
    if end + 1 < len(doc) and doc[end].text in ("'s", "’s", "'"):
        j = end + 1
        while j < min(len(doc) - 1, end + 3) and doc[j].pos_ in ("ADJ", "NUM") and doc[j + 1].pos_ in ("ADJ", "NOUN", "NUM"):
            j += 1  # "X's sole shareholder", "X's two largest customers"
        if doc[j].lower_ in p.company_possessions:
            return True
    if called_a_company(root) or _parent_before_part_noun(doc, end):
        return True
    return is_owned_thing(root) or is_trade_counterpart(root)


def _parent_before_part_noun(doc: Any, end: int) -> bool:
    """"X, a Rostec subsidiary", "a Rostec unit": a name standing before a
    noun for a part of a company names that company (a people's adjective,
    "a Chinese subsidiary", is no name; the caller rules those out)."""
    return end < len(doc) and doc[end].lemma_.lower() in _PART_NOUNS and doc[end].pos_ == "NOUN" \
        and doc[end - 1].head.i == end and doc[end - 1].dep_ in ("amod", "compound", "nmod")


#: nouns an apposition calls a company by (not "maker", which also describes people's trades)
_COMPANY_APPOSITIONS = frozenset("company firm chipmaker manufacturer supplier distributor trader conglomerate contractor "
                                 "subsidiary foundry startup vendor corporation enterprise".split())


def called_a_company(root: Any) -> bool:
    """"Radioavtomatika, a Moscow-based procurement company", "Sanan, its
    biggest customer", "wholly owned subsidiary Kestrel Wuxi": the mention's
    apposition, or the noun right before it, calls it a company.  Not a name
    after "of" or "in": in "HCP of Oslo, a subsidiary of X" the apposition
    describes HCP."""
    doc = root.doc
    if any(c.dep_ == "compound" and c.pos_ == "NOUN" and c.lemma_.lower() in _COMPANY_NOUNS_BEFORE
           and all(t.pos_ == "PROPN" for t in doc[c.i + 1:root.i]) for c in root.children if c.i < root.i):
        return True
    if root.dep_ == "attr" and _company_role_subject(root.head):
        return True  # "One of its buyers is Zenit Aero", "Its main customer is X"
    if root.dep_ == "pobj" and root.head.lower_ in ("of", "in", "at", "from", "near") \
            and not (root.head.lower_ == "of" and root.head.head.lemma_.lower() in _PART_NOUNS):
        return False  # "part of Rostec, the state conglomerate": the apposition is Rostec's
    return any(c.dep_ == "appos" and c.i > root.i and c.pos_ == "NOUN" and (
        c.lemma_.lower() in _COMPANY_APPOSITIONS or c.lemma_.lower() in _COMPANY_ROLES and _of_a_company(c))
        for c in root.children) or _company_after_comma(root)


def _company_after_comma(root: Any) -> bool:
    """"part of Gorvek, the state machinery conglomerate run by ...": the
    parser hung the description on the verb, but the words right after the
    name's comma still describe it ("the" or "a", modifiers, a company noun)."""
    doc = root.doc
    j = root.i + 1
    if j + 2 >= len(doc) or doc[j].text != "," or doc[j + 1].lower_ not in ("the", "a", "an"):
        return False
    k = j + 2
    while k < len(doc) and doc[k].dep_ in ("compound", "amod", "nmod", "punct") and doc[k].text != ",":
        k += 1
    if k >= len(doc) or doc[k].dep_ == "poss" or (k + 1 < len(doc) and doc[k + 1].tag_ == "POS"):
        return False  # "Wang Lei, the company's founder": the company is someone else's
    return doc[k].pos_ == "NOUN" and doc[k].lemma_.lower() in _COMPANY_APPOSITIONS \
        and doc[k].dep_ != "appos" and doc[k].head.i != root.i


#: nouns whose "of" names the whole a company belongs to
_PART_NOUNS = frozenset("part unit subsidiary division arm member affiliate".split())
#: nouns right before a name that make it a company ("subsidiary X"); not "contractor" or "supplier", which people are
_COMPANY_NOUNS_BEFORE = frozenset("company firm chipmaker conglomerate subsidiary foundry startup corporation".split())


#: roles that only companies hold towards a company ("Sanan, its biggest customer", "one of its buyers is X",
#: "its parent"); not "shareholder" or "owner", which people are too
_COMPANY_ROLES = frozenset("customer client buyer supplier vendor subsidiary parent unit affiliate distributor licensee".split())


def _company_role_subject(verb: Any) -> bool:
    """The copula's subject is a company's role: "its main customer", "one
    of its buyers", "Nexperia's parent"."""
    if verb.lemma_ != "be":
        return False
    for s in (c for c in verb.children if c.dep_ == "nsubj"):
        roles = [s] + [o for p in s.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        if any(r.lemma_.lower() in _COMPANY_ROLES and any(c.dep_ == "poss" for c in r.children) for r in roles):
            return True
    return False


def _of_a_company(noun: Any) -> bool:
    """The role is a company's: "its" (a person's is "his" or "her")."""
    return any(c.dep_ == "poss" and c.lower_ == "its" for c in noun.children)


#: verbs whose "from" names the seller, and whose "to" names the buyer
_BUY_VERBS = frozenset("buy purchase source procure import order obtain".split())
_SELL_VERBS = frozenset("sell supply ship deliver export resell forward funnel divert transship tranship reexport route reroute "
                         "outsource subcontract".split())
#: nouns whose "of" names a company ("a customer of X", "a subsidiary of X")
_COMPANY_RELATION_NOUNS = frozenset("customer customers client clients supplier suppliers subsidiary subsidiaries "
                                    "shareholder shareholders unit division affiliate".split())
#: what a seller may sell to a person (not goods a company buys)
_PERSONAL_SALES = frozenset("share shares stake stakes house home property".split())


def is_trade_counterpart(root: Any) -> bool:
    """The mention is the other side of a trade a company makes: the seller
    after "buys ... from", the buyer after "sells/ships ... to", the company
    in "a customer/subsidiary of X", or what is added to a list.  In this
    genre these are companies, whatever the NER said."""
    head = root.head
    verbs = _BUY_VERBS if head.lower_ == "from" else _SELL_VERBS if head.lower_ == "to" else frozenset()
    verb = _verb_above_goods(head.head) if root.dep_ == "pobj" and verbs else None
    if verb is not None and verb.lemma_.lower() in verbs:
        return not any(c.dep_ == "dobj" and c.lemma_.lower() in _PERSONAL_SALES for c in verb.children)
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _COMPANY_RELATION_NOUNS:
        return True
    if root.dep_ == "nsubj" and head.lemma_ == "be" and any(_trade_role(a) for a in head.children if a.dep_ == "attr"):
        return True  # "X is one of Y's biggest customers", "X is a supplier to Y"
    listed = head if root.dep_ in ("dobj", "nsubjpass") else None
    return listed is not None and listed.lemma_.lower() in ("add", "place", "put") and any(
        c.dep_ == "prep" and c.lower_ in ("to", "on") and any(o.lower_ in ("list", "blacklist") for o in c.children)
        for c in listed.children)


def _trade_role(attr: Any) -> bool:
    """The attribute names a company's trade or ownership role: "a customer
    of Y", "one of Y's suppliers" (not "a shareholder", which people are too)."""
    if attr.lower_ == "one":
        attr = next((o for p in attr.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"), attr)
    return attr.lemma_.lower() in _COMPANY_RELATION_NOUNS and attr.lemma_.lower() not in ("shareholder", "shareholders") \
        and (any(c.dep_ == "poss" for c in attr.children) or any(c.dep_ == "prep" and c.lower_ in ("of", "to") for c in attr.children))


def _verb_above_goods(word: Any) -> Any:
    """The verb ``word`` is, or the verb whose object's "of" it is: "sold
    [$2 million worth of electronics] to X" hangs "to" on the goods."""
    for _ in range(3):
        if word.pos_ in ("VERB", "AUX") or word.dep_ not in ("pobj", "prep", "dobj"):
            return word
        word = word.head
    return word


#: what is held "in" a company ("a 20% stake in X"): only companies are
_HOLDING_NOUNS = frozenset("stake stakes shareholding shareholdings holding holdings".split())


def is_owned_thing(root: Any) -> bool:
    """The mention is what someone owns: "X is majority-owned by Y" (the
    parser reads the participle as the copula's complement) or "a stake in
    X".  People and places are not owned that way."""
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ == "be" and any(
            c.dep_ == "acomp" and c.lemma_.lower() in ("own", "control") for c in root.head.children):
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "in" and root.head.head.lemma_.lower() in _HOLDING_NOUNS:
        return True
    if root.dep_ == "nsubjpass" and root.head.lemma_.lower() in ("own", "control") \
            and any(c.dep_ == "agent" for c in root.head.children):
        return True  # "Shenzhen Yuanhe is controlled by X": a person is never controlled by a company
    if root.dep_ == "dobj" and root.head.lemma_.lower() in ("own", "control", "acquire") and any(
            c.dep_ == "nsubj" and c.ent_type_ == "ORG" for c in root.head.children):
        return True  # "SK hynix owns Solidigm": what a company owns
    # "X, in which Y holds a minority stake", "X, which is controlled by Y": the clause says X is held
    return any(c.dep_ == "relcl" and (_holds_in_which(c) or c.lemma_.lower() in ("own", "control") and any(
        a.dep_ == "agent" for a in c.children)) for c in root.children)


def _holds_in_which(verb: Any) -> bool:
    """"in which Y holds a stake": the relative pronoun is what is held."""
    return verb.lemma_.lower() in _STAKE_VERBS and holds_shares(verb) and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(o.lower_ == "which" for o in c.children) for c in verb.children)


#: words that make "<word> <place>" a place still ("Northern Ireland", "Greater China")
_PLACE_QUALIFIERS = frozenset("north south east west northern southern eastern western upper lower inner outer greater new "
                              "central mainland old".split())


def company_named_after_place(doc: Any, start: int, end: int, *, country_last: bool = False) -> bool:
    """Whether a mention the NER took for a place is a company with a place in
    its name: an unknown word before a known place ("Xinxin Hong Kong"),
    described as a company right after ("..., a wholly owned subsidiary of Y")
    or doing what companies do.  ``country_last``: the last word is a country
    the reference data knows ("Altice Portugal")."""
    if end - start < 2 or doc[start].lower_ in _PLACE_QUALIFIERS or not doc[start].is_title:
        return False
    if is_known_place(doc[start].text) or is_known_place(doc[start:end].text):
        return False
    if not country_last and not any(is_known_place(doc[k:end].text) for k in range(start + 1, end)):
        return False
    root = doc[start:end].root
    descr = _lex("descriptor_nouns", "en")
    return any(c.dep_ == "appos" and c.lemma_.lower() in descr for c in root.children) or acts_as_company(doc, start, end)

