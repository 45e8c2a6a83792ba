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
from .relations import Fact

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
_HEDGE = re.compile(
    r"\b(niet(?!\s+(langer|meer))|geen|nooit|ontkent|ontkende|ontkennen|overweegt|overwegen|zou|zouden|mogelijk|"
    r"kunnen|eventueel|indien|in het geval|verwijderd|geschrapt|"
    r"nicht|kein|keine|keinen|bestreitet|bestritt|erwägt|erwogen|könnte|könnten|würde|würden|möglicherweise|falls|ob|"
    r"entfernt|gestrichen)\b",
    re.I,
)
_DESIGNATE = re.compile(r"\b(geplaatst|toegevoegd|gezet|opgenomen|zwarte lijst|gesetzt|aufgenommen|hinzugefügt|gelistet|"
                        r"schwarze liste|setzte|plaatste|zette)\b", re.I)
_BAN = re.compile(r"\b(verbiedt|verbood|verboden|verbod|verbieden|weert|verbietet|verbot|verboten|untersagt|untersagte)\b|"
                  r"\bmogen\b.*\bniet\s+(langer|meer)\b.*\b(kopen|gebruiken|inzetten)\b|\bdürfen\b.*\bnicht\s+mehr\b", re.I)
_SUBSIDIARY = re.compile(r"\b(dochterbedrijf|dochteronderneming|dochtermaatschappij|dochter|tochter\w*)\s+(van|von|des|der)\b|"
                         r"\bin handen van\b|\bgehört\s+(zu|zum|zur)\b", re.I)
_OWNER_OF = re.compile(r"\b(eigenaar|eigentümer|moederbedrijf|muttergesellschaft|mutterkonzern)\s+(van|von)\b", re.I)
_OWNER_BEFORE = re.compile(r"\b(eigenaar|moederbedrijf|moederonderneming|eigentümer|muttergesellschaft|mutterkonzern)\b", re.I)
_PART = re.compile(r"\b(onderdeel|afdeling|divisie|teil|abteilung|sparte)\s+(van|von|des|der)\b", re.I)
_SUPPLY = re.compile(r"\b(leverde|levert|leveren|geleverd|verkocht|verkoopt|verkochten|verscheept|lieferte|liefert|"
                     r"geliefert|verkaufte|verkauft)\b[^.]*?\b(aan|an)\b", re.I)
_MILITARY = re.compile(r"\b(leger|militaire?|defensie|krijgsmacht|volksbevrijdingsleger|militär\w*|rüstung\w*|armee|"
                       r"bundeswehr|volksbefreiungsarmee)\b", re.I)
_MIL_LINK = re.compile(r"\b(banden|band|gelinkt|verbonden|leverancier|levert|verbindungen|beliefert|lieferant|verbunden|"
                       r"nauwe|verflochten)\b", re.I)
_AUTHORITY = re.compile(r"(department|ministry|ministerie|bureau|administration|commission|office|agency|regulator|"
                        r"autoriteit|behörde|ministerium)", re.I)


_TO_WORD = re.compile(r"\b(naar|aan|an|nach|to|für|voor)\b(\s+(de|het|die|der|den|the))?\s*$", re.I)
_PRODUCT_WORDS = re.compile(r"\b(gebruik|producten|product|chips|apparatuur|Einsatz|Produkte|Chips|Geräte|Nutzung)\b", re.I)
_JOIN = re.compile(r"[\s,]*(\b(en|und|and|sowie|evenals)\b)?[\s,]*", re.I)


def _nearest_group(text: str, pool: list[tuple[int, str]], pos: int) -> list[str]:
    """The company named nearest before ``pos`` (else the first after), with
    the companies coordinated with it ("X en Y", "X, Y und Z")."""
    before = [(o, k) for o, k in pool if o < pos]
    if not before:
        after = [(o, k) for o, k in pool if o >= pos]
        return [after[0][1]] if after else []
    group = [before[-1]]
    for o, k in reversed(before[:-1]):
        between = text[o:group[0][0]]
        rest = re.sub(r"\b[A-Z][\w.&'-]*", "", between)  # drop the names themselves
        if _JOIN.fullmatch(rest):
            group.insert(0, (o, k))
        else:
            break
    return list(dict.fromkeys(k for _, k in group))


def _is_authority(ents: DocEntities, key: str) -> bool:
    rec = ents.get(key)
    return rec.type == EntityType.GPE or bool(_AUTHORITY.search(" ".join((rec.name, *rec.aliases))))


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
        hedged = bool(_HEDGE.search(text))

        def add(h: str, t: str, rtype: RelationType, method: str, conf: float) -> None:
            if h != t:
                facts.append(Fact(h, rtype, t, sent, method, conf))

        def before(pos: int, pool: list[tuple[int, str]]) -> str | None:
            c = [k for o, k in pool if o < pos]
            return c[-1] if c else None

        def after(pos: int, pool: list[tuple[int, str]]) -> str | None:
            c = [k for o, k in pool if o >= pos]
            return c[0] if c else None

        if not hedged:
            if lists and _DESIGNATE.search(text):
                list_pos = min(o for o, k in mentions if k in lists)
                for k in _nearest_group(text, companies, list_pos):
                    for lk in lists:
                        add(k, lk, R.DESIGNATED, "trigger:designated", 0.75)
            m = _BAN.search(text)
            if m:
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
                h, t = before(m.start(), companies), after(m.end(), orgs + [(o, k) for o, k in mentions if ents.get(k).type == EntityType.GPE])
                if h and t:
                    add(h, t, R.OWNED_BY, "trigger:subsidiary", 0.75)
            for m in _OWNER_OF.finditer(text):
                owner, owned = before(m.start(), orgs), after(m.end(), companies)
                if owner and owned:
                    add(owned, owner, R.OWNED_BY, "trigger:owner-of", 0.7)
                    break
            else:
                for m in _OWNER_BEFORE.finditer(text):
                    owned, owner = before(m.start(), companies), after(m.end(), orgs)
                    if owned and owner and text[m.end():].lstrip()[:1] not in ("v",):
                        add(owned, owner, R.OWNED_BY, "trigger:owner", 0.65)
            for m in _PART.finditer(text):
                h, t = before(m.start(), companies), after(m.end(), orgs)
                if h and t:
                    add(h, t, R.PART_OF, "trigger:part-of", 0.7)
            for m in _SUPPLY.finditer(text):
                h, t = before(m.start(), companies), after(m.end(), companies)
                if h and t:
                    add(h, t, R.SUPPLIED, "trigger:supplied", 0.7)
            if _MILITARY.search(text) and _MIL_LINK.search(text):
                mpos = _MILITARY.search(text).start()
                h = before(mpos, companies)
                if h:
                    add(h, ents.add("military", EntityType.LIST), R.MILITARY_LINK, "trigger:military", 0.6)
        recent_orgs.extend(k for _, k in companies)
    return facts
