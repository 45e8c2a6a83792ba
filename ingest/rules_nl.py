"""Dutch and German: sentence-level trigger words over reference entities.

There is no Dutch or German spaCy model we can ship, and the English parser
is wrong on these languages, so no dependency rule runs here.  Instead each
sentence is checked for the words reporters use for each relation
("dochterbedrijf van", "op de entity list geplaatst", "verbiedt", "Tochter",
"schwarze Liste"), and the arguments are the known entities before and after
the trigger.  Precision comes from the reference data (only known entities
count) and from skipping negated or hypothetical sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from chipgraph.graph.model import EntityType, MILITARY_ID, RelationType

from .entities import DocEntities
from .relations import Fact, military_list_ids

__all__ = ["trigger_facts"]


@dataclass(frozen=True)
class _Sentence:
    """A sentence as character offsets (the English splitter is unreliable on
    Dutch and German, so sentences are cut again at ". " + capital)."""

    text: str
    start_char: int
    end_char: int
    start: int


_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'“‘])")


def _sentences(doc: Any) -> list[_Sentence]:
    """Sentences of the whole text: blank lines and ". " + capital."""
    text = doc.text
    out = []
    for block in re.finditer(r"[^\n]+", text):
        base = block.start()
        piece_text = block.group(0)
        pos = 0
        for m in list(_SPLIT.finditer(piece_text)) + [None]:
            end = m.start() if m else len(piece_text)
            piece = piece_text[pos:end]
            if piece.strip():
                out.append(_Sentence(piece, base + pos, base + end, 0))
            if m:
                pos = m.end()
    return out


R = RelationType
#: Negation and hypotheticals.  Reporting forms ("zou hebben geleverd", "soll
#: geliefert haben") are how these languages report an alleged fact, which
#: counts; only "zou kunnen" and the like are hypothetical.
_HEDGE = re.compile(
    r"\b(niet(?!\s+(langer|meer|alleen))|geen|nooit|ontkent|ontkende|ontkennen|overweegt|overwegen|"
    r"zou(den)?\b[^,;]*?\bkunnen|in de toekomst|in der zukunft|mogelijk|eventueel|indien|in het geval|verwijderd|geschrapt|"
    r"nicht(?!\s+(mehr|nur))|kein|keine|keinen|bestreitet|bestritt|erwägt|erwogen|könnte|könnten|würde|würden|"
    r"möglicherweise|falls|ob|entfernt|gestrichen)\b",
    re.I,
)
#: Where a sentence turns to another clause ("..., maar", "..., aber", ";").
_CLAUSE_BREAK = re.compile(
    r";|,\s*(?=(maar|al|terwijl|zegt|zeggen|zei|aber|doch|während|sagt|sagen|sagte|wollte|wilde|hoewel|obwohl)\b)|"
    r"\s(?=(maar|aber|doch)\s)",
    re.I,
)
_DESIGNATE = re.compile(r"\b(geplaatst|toegevoegd|gezet|opgenomen|zwarte lijst|gesetzt|aufgenommen|hinzugefügt|gelistet|"
                        r"schwarze liste|setzte|plaatste|zette|staat|stond|staan|stonden|belandde|belandden|beland|"
                        r"steht|stand|stehen|standen|landete|gelandet)\b", re.I)
_REMOVED = re.compile(r"\b(gehaald|afgehaald|geschrapt|verwijderd|gestrichen|entfernt|heruntergenommen|genommen)\b", re.I)
#: "bedrijven op de lijst, zoals SMIC": the listed companies come after.
_SUCH_AS = re.compile(r"\b(zoals|waaronder|onder wie|wie|darunter|etwa|such as|including)\b", re.I)
_BAN = re.compile(r"\b(verbiedt|verbood|verboden|verbod|verbieden|weert|verbietet|verbot|verboten|untersagt|untersagte)\b|"
                  r"\bmogen\b.*\b(niet|geen)\b.*\b(langer|meer)\b|\b(dürfen|darf|durften|durfte)\b.*\b(nicht|keine)\b.*\bmehr\b",
                  re.I)
_SUBSIDIARY = re.compile(r"\b(dochterbedrijf|dochteronderneming|dochtermaatschappij|dochter|tochter\w*)\s+(van|von|des|der)\b|"
                         r"\bin handen van\b|\bgehört\s+(zu|zum|zur)\b|\b(overgenomen|gekocht)\s+door\b|"
                         r"\bübernommen\s+(von|durch)\b|\beigendom\s+(is\s+)?van\b|\bim\s+besitz\s+(von|des|der)\b",
                         re.I)
_OWNER_OF = re.compile(r"\b(eigenaar|eigentümer\w*|moederbedrijf|muttergesellschaft|mutterkonzern)\s+(van|von|des|der)\b",
                       re.I)
_OWNER_BEFORE = re.compile(r"\b(eigenaar|moederbedrijf|moederonderneming|eigentümer\w*|muttergesellschaft|mutterkonzern)\b",
                           re.I)
#: "X heeft een belang van 30 procent in Y", "X hält eine Beteiligung an Y".
_STAKE = re.compile(r"\b(belang|aandeel|aandelenbelang|meerderheidsbelang|beteiligung|anteil|mehrheitsbeteiligung)\b"
                    r"[^.;]{0,60}?\b(in|an|aan)\b", re.I)
_PART = re.compile(r"\b(\w*afdeling|divisie|\w*divisie|onderdeel|teil|abteilung|\w*sparte|sparte|einheit)\s+(van|von|des|der)\b",
                   re.I)
#: Supply: a seller, a supply word, and the buyer after "aan/an/naar/nach",
#: in any order the clause puts them (verb second, verb last, participle).
_SUPPLY = re.compile(r"\b(lever(de|den|t|en)|geleverd|leveringen|levering|verko(cht|chten|opt|pen)|verscheep\w*|verscheept|"
                     r"exporteer\w*|geëxporteerd|lieferte|lieferten|liefert|liefere|liefern|geliefert|lieferung\w*|"
                     r"verkaufte|verkauften|verkauft|verkaufen|exportierte|exportiert|ausgeliefert|verschifft\w*)\b", re.I)
_TO_BUYER = re.compile(r"\b(aan|naar|an|nach)\b", re.I)
#: "TSMC belieferte Huawei mit Chips", "Inspur voorziet X van servers".
_SUPPLY_OBJECT = re.compile(r"\b(belieferte|belieferten|beliefert|beliefern|voorzag|voorziet|voorzien|bevoorraadt)\b", re.I)
#: The buyer is the subject: "kocht ... bij X", "bezieht ... von X", "klant van X".
_BUY_FROM = re.compile(r"\b(kocht|koopt|kopen|kochten|gekocht|bestelde|bestelden|bestelt|besteld|bestellen|betrekt|betrok|"
                       r"kaufte|kauft|gekauft|bestellte|bestellt|bezieht|bezog|bezogen|beziehen|erhielt|erhalten|"
                       r"ontving|ontvangen)\b", re.I)
_FROM_SELLER = re.compile(r"\b(bij|von|van)\b", re.I)
_CUSTOMER_OF = re.compile(r"\b(klant|afnemer|kunde|kundin|abnehmer|großkunde)\s+(van|von|bei)\b", re.I)
#: "TSMC produceerde de chips voor HiSilicon", "fertigt für Apple".
_MADE_FOR = re.compile(r"\b(produceer\w*|geproduceerd|fabriceer\w*|gefabriceerd|produzier\w*|fertigt\w*|gefertigt|"
                       r"stellt\w*\s+\w+\s+her)\b", re.I)
_FOR_BUYER = re.compile(r"\b(voor|für)\b", re.I)
_MILITARY = re.compile(r"\b(leger|militaire?|defensie|krijgsmacht|volksbevrijdingsleger|militär\w*|rüstung\w*|armee|"
                       r"bundeswehr|volksbefreiungsarmee|strijdkrachten|streitkräfte)\b", re.I)
_MIL_LINK = re.compile(r"\b(banden|band|gelinkt|verbonden|leverancier|levert|verbindungen|beliefert|lieferant|verbunden|"
                       r"nauwe|verflochten|produceert|produziert|voorziet|wapens|waffen|kunden|klanten|"
                       r"universiteit|universität|hochschule)\b", re.I)
#: A company called a defence group outright: "Rüstungskonzern Norinco".
_MIL_NOUN = re.compile(r"\b(rüstungs\w+|defensieconcern|defensiebedrijf|wapenfabrikant|wapenproducent|"
                       r"militaire universiteit|militärhochschule|militäruniversität)\b", re.I)
_AUTHORITY = re.compile(r"(department|ministry|ministerie|bureau|administration|commission|office|agency|regulator|"
                        r"autoriteit|behörde|ministerium)", re.I)


_TO_WORD = re.compile(r"\b(naar|aan|an|nach|to|für|voor)\b(\s+(de|het|die|der|den|the))?\s*$", re.I)
_PRODUCT_WORDS = re.compile(r"\b(gebruik|producten|product|chips|apparatuur|Einsatz|Produkte|Chips|Geräte|Nutzung)\b", re.I)
_JOIN = re.compile(r"[\s,]*(\b(en|und|and|sowie|evenals)\b)?[\s,]*", re.I)


def _coordinated(between: str) -> bool:
    """Whether the text from one name to the next only joins them ("X en Y",
    "X, Y und Z"): the capitalised names dropped, only commas and "and" left."""
    return bool(_JOIN.fullmatch(re.sub(r"\b[A-Z][\w.&'-]*", "", between)))


def _nearest_group(text: str, pool: list[tuple[int, str]], pos: int) -> list[str]:
    """The company named nearest before ``pos`` (else the first after), with
    the companies coordinated with it ("X en Y", "X, Y und Z")."""
    before = [(o, k) for o, k in pool if o < pos]
    if not before:
        after = [(o, k) for o, k in pool if o >= pos]
        return [after[0][1]] if after else []
    group = [before[-1]]
    for o, k in reversed(before[:-1]):
        if _coordinated(text[o:group[0][0]]):
            group.insert(0, (o, k))
        else:
            break
    return list(dict.fromkeys(k for _, k in group))


def _is_authority(ents: DocEntities, key: str) -> bool:
    rec = ents.get(key)
    return rec.type == EntityType.GPE or bool(_AUTHORITY.search(" ".join((rec.name, *rec.aliases))))


def _group_after(text: str, pool: list[tuple[int, str]], pos: int, max_gap: int = 40) -> list[str]:
    """The company named first after ``pos`` (at most ``max_gap`` characters
    on), with the companies coordinated with it ("aan SMIC en Hua Hong")."""
    after = [(o, k) for o, k in pool if o >= pos]
    if not after or after[0][0] - pos > max_gap:
        return []
    gap = text[pos:after[0][0]]
    if len(gap.split()) > 3 or re.search(r"[,;:()]", gap):  # "aan bedrijven op de lijst, zoals X" is not "aan X"
        return []
    group = [after[0]]
    for o, k in after[1:]:
        if _coordinated(text[group[-1][0]:o]):
            group.append((o, k))
        else:
            break
    return list(dict.fromkeys(k for _, k in group))


_GOVERNED = re.compile(r"\b(van|von|bij|aan|an|naar|nach|voor|für|door|durch|des|der)\s+(de|het|die|der|den|dem)?\s*$", re.I)


def _subject_before(text: str, pool: list[tuple[int, str]], pos: int, start: int, exclude: list[str]) -> str | None:
    """The company most likely to be the subject before ``pos`` (from
    ``start``): the nearest one not governed by a preposition, else the
    nearest one."""
    cands = [(o, k) for o, k in pool if start <= o < pos and k not in exclude]
    free = [(o, k) for o, k in cands if not _GOVERNED.search(text[max(0, o - 14):o])]
    pick = free or cands
    return pick[-1][1] if pick else None


def _clauses(text: str) -> list[tuple[int, int]]:
    """Spans of the clauses of a sentence (cut at ";" and before "maar",
    "aber" and the like), so a "niet" in one clause leaves the other alone."""
    spans, pos = [], 0
    for m in _CLAUSE_BREAK.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return spans


def trigger_facts(doc: Any, ents: DocEntities) -> list[Fact]:
    """Facts read from Dutch or German ``doc`` by trigger words."""
    facts: list[Fact] = []
    recent_orgs: list[str] = []
    sentences = _sentences(doc)
    token_starts = [(t.idx, t.i) for t in doc]
    ti = 0
    for sent in sentences:
        text = sent.text
        base = sent.start_char
        mentions: list[tuple[int, str]] = []  # (char offset in sentence, key)
        last = None
        while ti < len(token_starts) and token_starts[ti][0] < base:
            ti += 1
        j = ti
        while j < len(token_starts) and token_starts[j][0] < sent.end_char:
            k = ents.key_at(token_starts[j][1])
            if k and k != last:
                mentions.append((token_starts[j][0] - base, k))
            last = k
            j += 1
        orgs = [(o, k) for o, k in mentions if ents.get(k).type == EntityType.ORG]
        companies = [(o, k) for o, k in orgs if not _is_authority(ents, k)]
        lists = [k for _, k in mentions if ents.get(k).type == EntityType.LIST and k != MILITARY_ID]
        clauses = _clauses(text)

        def clause_of(pos: int) -> tuple[int, int]:
            for c in clauses:
                if c[0] <= pos < c[1]:
                    return c
            return clauses[-1]

        def hedged_at(pos: int, keep: tuple[int, int] | None = None) -> bool:
            """A negation or hypothetical in the clause of ``pos`` (outside
            ``keep``, the trigger's own words)."""
            c0, c1 = clause_of(pos)
            clause = text[c0:c1]
            if keep:
                k0, k1 = max(keep[0], c0) - c0, min(keep[1], c1) - c0
                if k0 < k1:
                    clause = clause[:k0] + " " * (k1 - k0) + clause[k1:]
            return bool(_HEDGE.search(clause))

        def add(h: str, t: str, rtype: RelationType, method: str, conf: float) -> None:
            if h != t:
                facts.append(Fact(h, rtype, t, sent, method, conf))

        def before(pos: int, pool: list[tuple[int, str]]) -> str | None:
            c = [k for o, k in pool if o < pos]
            return c[-1] if c else None

        def after(pos: int, pool: list[tuple[int, str]]) -> str | None:
            c = [k for o, k in pool if o >= pos]
            return c[0] if c else None

        if lists and _DESIGNATE.search(text):
            list_pos = min(o for o, k in mentions if k in lists)
            c0, c1 = clause_of(list_pos)
            if not hedged_at(list_pos) and not _REMOVED.search(text[c0:c1]):
                such = _SUCH_AS.search(text, list_pos)
                named = _group_after(text, companies, such.end(), 30) if such else []
                for k in named or _nearest_group(text, companies, list_pos):
                    for lk in lists:
                        add(k, lk, R.DESIGNATED, "trigger:designated", 0.75)
                        if lk in military_list_ids():  # a military-companies list: membership is a military link
                            add(k, ents.add("military", EntityType.LIST), R.MILITARY_LINK, "trigger:military-list", 0.7)
        m = _BAN.search(text)
        if m and not hedged_at(m.start(), (m.start(), m.end())):
            authorities = [k for _, k in mentions if _is_authority(ents, k) and ents.get(k).type == EntityType.ORG]
            if not authorities:
                # a state as the regulator: named before the ban word, not as a destination
                authorities = [k for o, k in mentions if ents.get(k).type == EntityType.GPE and o < m.start()
                               and not _TO_WORD.search(text[max(0, o - 12):o])]
            banned = [k for o, k in companies if not _TO_WORD.search(text[max(0, o - 12):o])]
            if not banned and _PRODUCT_WORDS.search(text):
                banned = recent_orgs[-1:]  # "verbiedt het gebruik van de chips": the maker named before
            if authorities:
                for b in banned[:2]:
                    add(b, authorities[0], R.BANNED, "trigger:ban", 0.7)
        for m in _SUBSIDIARY.finditer(text):
            if hedged_at(m.start()):
                continue
            places = [(o, k) for o, k in mentions if ents.get(k).type == EntityType.GPE]
            h, t = before(m.start(), companies), after(m.end(), orgs + places)
            if h and t:
                add(h, t, R.OWNED_BY, "trigger:subsidiary", 0.75)
        for m in _OWNER_OF.finditer(text):
            owner, owned = before(m.start(), orgs), after(m.end(), companies)
            if owner and owned and not hedged_at(m.start()):
                add(owned, owner, R.OWNED_BY, "trigger:owner-of", 0.7)
                break
        else:
            for m in _OWNER_BEFORE.finditer(text):
                owned, owner = before(m.start(), companies), after(m.end(), orgs)
                if owned and owner and text[m.end():].lstrip()[:1] not in ("v",) and not hedged_at(m.start()):
                    add(owned, owner, R.OWNED_BY, "trigger:owner", 0.65)
        for m in _STAKE.finditer(text):
            owner = _subject_before(text, orgs, m.start(), clause_of(m.start())[0], [])
            for owned in _group_after(text, companies, m.end(), 30):
                if owner and not hedged_at(m.start()):
                    add(owned, owner, R.OWNED_BY, "trigger:stake", 0.65)
        for m in _PART.finditer(text):
            h, t = before(m.start(), orgs), after(m.end(), orgs)
            if h and t and not hedged_at(m.start()):
                add(h, t, R.PART_OF, "trigger:part-of", 0.7)
        _supply_facts(text, companies, clause_of, hedged_at, add)
        if _MILITARY.search(text) and _MIL_LINK.search(text):
            mpos = _MILITARY.search(text).start()
            h = before(mpos, [(o, k) for o, k in companies if o >= clause_of(mpos)[0]])
            if h and not hedged_at(mpos):
                add(h, ents.add("military", EntityType.LIST), R.MILITARY_LINK, "trigger:military", 0.6)
        for m in _MIL_NOUN.finditer(text):
            named = _group_after(text, companies, m.end(), 12)
            if named and not hedged_at(m.start()):
                add(named[0], ents.add("military", EntityType.LIST), R.MILITARY_LINK, "trigger:military-noun", 0.65)
        recent_orgs.extend(k for _, k in companies)
    return facts


def _supply_facts(text: str, companies: list[tuple[int, str]], clause_of: Any, hedged_at: Any, add: Any) -> None:
    """SUPPLIED in its Dutch and German shapes (see the patterns)."""

    def emit(seller: str | None, buyers: list[str], method: str) -> None:
        for b in buyers:
            if seller and seller != b:
                add(seller, b, R.SUPPLIED, method, 0.7)

    for m in _SUPPLY.finditer(text):
        if hedged_at(m.start()):
            continue
        c0, c1 = clause_of(m.start())
        for p in _TO_BUYER.finditer(text, c0, c1):
            buyers = _group_after(text, companies, p.end())
            if buyers:
                emit(_subject_before(text, companies, p.start(), c0, buyers), buyers, "trigger:supplied")
                break
    for m in _SUPPLY_OBJECT.finditer(text):
        c0, _ = clause_of(m.start())
        buyers = _group_after(text, companies, m.end(), 30)
        if buyers and not hedged_at(m.start()):
            emit(_subject_before(text, companies, m.start(), c0, buyers), buyers, "trigger:supplied-with")
    for m in _BUY_FROM.finditer(text):
        c0, c1 = clause_of(m.start())
        if hedged_at(m.start()) or re.search(r"\b(aandelen|aandeel|belang|aktien|anteil\w*|beteiligung)\b", text[c0:c1], re.I):
            continue
        for p in _FROM_SELLER.finditer(text, c0, c1):
            sellers = _group_after(text, companies, p.end(), 25)
            if not sellers:
                continue
            first = min(m.start(), p.start())
            buyer = _subject_before(text, companies, first, c0, sellers)
            if buyer is None:  # verb first: "Vorig jaar kocht Huawei chips bij X"
                later = [k for o, k in companies if m.end() <= o < p.start() and k not in sellers]
                buyer = later[0] if later else None
            for seller in sellers:
                emit(seller, [buyer] if buyer else [], "trigger:bought-from")
            break
    for m in _CUSTOMER_OF.finditer(text):
        c0, _ = clause_of(m.start())
        buyer = _subject_before(text, companies, m.start(), c0, [])
        if buyer and not hedged_at(m.start()):
            for seller in _group_after(text, companies, m.end(), 25):
                emit(seller, [buyer], "trigger:customer-of")
    for m in _MADE_FOR.finditer(text):
        c0, c1 = clause_of(m.start())
        if hedged_at(m.start()):
            continue
        for p in _FOR_BUYER.finditer(text, c0, c1):
            buyers = _group_after(text, companies, p.end(), 25)
            if buyers:
                emit(_subject_before(text, companies, min(p.start(), m.start()), c0, buyers), buyers, "trigger:made-for")
                break
