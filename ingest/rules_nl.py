"""Dutch and German: one small interpreter for the rule table in ``grammar_nlde``.

There is no Dutch or German spaCy model we can ship, and the English parser
is wrong on these languages, so no dependency rule runs here.  Instead the
shared steps a parser would give are done once, on the surface:

* sentences (blank lines, ". " + capital) and their clauses: cut at commas,
  ";" and ":" and before "dat/dass/omdat/weil/...", each piece tagged as a
  relative clause ("TSMC, dat chips maakt"), a subordinate clause, a new
  coordinate clause ("maar", "aber") or a continuation of the main clause;
* names joined by "," / "en" / "und" / "sowie" form one group;
* a name right after a preposition (with only articles, adjectives and words
  like "fabrikant" between) is *governed* by it; subjects and objects are the
  free names, so "drie dochters van X werden op de lijst gezet" never lists X;
* negation counts in its own comma piece, denials and hedges ("ontkent",
  "bestreitet", "overweegt", "erwägt", "ob") in everything after them, and a
  subordinate clause inherits them from the clause it hangs on;
* the list an article last put names on carries to "Betroffen sind A, B",
  "waaronder A en B" and bullet lines after "gehören unter anderem:".

Where two candidates fit a slot equally, the rule emits nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable

from chipgraph.graph.model import EntityType, MILITARY_ID, RelationType, entity_id

from .entities import DocEntities
from .gapped_holders_nlde import gapped_pieces, holders_in
from .grammar_nlde import (ARMED_FORCES, BUYER_CONTEXT, FORMER_TIE, LIST_PHRASES, NATIONAL_AUTHORITIES, PASSIVE_AUX, PLANT_NOUNS, REMOVAL_VERBS,
                           RULES, SUPPLY_VERBS, Rule)
from .orgs import reference_genitive
from .people_nlde import PERSON_KINDS
from .place_demonyms import demonyms, town_links, towns_for_companies
from .sentence_guard import read_guarded
from .relations import Fact, military_list_ids, pentagon_list_name

__all__ = ["trigger_facts", "Sentence"]

R = RelationType


@dataclass(frozen=True)
class Sentence:
    """A sentence as character offsets (the English splitter is unreliable on
    Dutch and German, so sentences are cut again at ". " + capital)."""

    text: str
    start_char: int
    end_char: int
    start: int = 0


_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ\"'“‘„])")  # "... der USA. Österreich hat ..." too
# "das 13. Forschungsinstitut", "am 3. März": a German ordinal after an article or preposition ends no sentence
_ORDINAL_BEFORE = re.compile(r"(?:^|\s)(?:das|der|die|dem|den|des|am|im|vom|zum|zur|beim|seit|bis|ab|ihr|ihre|ihrem|ihres|"
                             r"sein|seine|seinem|seines)\s+\d{1,3}\.$", re.I)


def _sentences(text: str) -> list[Sentence]:
    """Sentences of the whole text: line breaks and ". " + capital."""
    out = []
    for block in re.finditer(r"[^\n]+", text):
        base, piece_text, pos = block.start(), block.group(0), 0
        for m in [m for m in _SPLIT.finditer(piece_text) if not _ORDINAL_BEFORE.search(piece_text, 0, m.start())] + [None]:
            end = m.start() if m else len(piece_text)
            if piece_text[pos:end].strip():
                out.append(Sentence(piece_text[pos:end], base + pos, base + end))
            if m:
                pos = m.end()
    return out


# ---- word classes shared by all rules ------------------------------------------------------------
_PREPS = frozenset(
    "van von tot bij bei aan an naar nach voor für door durch uit aus met mit in op auf zu zum zur over über tegen gegen "
    "volgens laut dan vom beim ins im am um wegen seit sinds vanwege tijdens zwischen tussen via "
    "into from to of by at for with".split()
)
_ARTICLES = frozenset("de het een der die das den dem des ein eine einer einem eines zijn haar hun sein seine seinem seiner "
                      "ihr ihre ihrem ihren seinen the a an its".split())
_DESCRIPTOR = re.compile(
    r"[\w-]*(fabrikant|bedrijf|bedrijven|concern|maker|makers|producent|leverancier|hersteller|konzern|firma|firmen|unternehmen|"
    r"gruppe|groep|reus|gigant|giganten|dochter|tochter|toeleverancier|ausrüster|zulieferer|lieferant|anbieter|"
    r"fabriek|fabrik|foundry|ontwerper|entwickler|partner|klant|kunde|investor|chipmaker|netzbetreiber|betreiber|riese|"
    r"operator|telecombedrijf|spelers|speler|start-up|startup|kunden|klanten|afnemers|abnehmer|bauer|bouwer|makers?|"
    r"holding|fonds|investeerder|maatschappij|conglomeraat|konglomerat|gesellschaft|distributor|distributeur|händler|handelaar|fertiger|produzent|"
    # a rival named as the seller ("bezieht die Optiken vom Jenaer Konkurrenten X")
    r"konkurrent|wettbewerber|mitbewerber|rivale|concurrent|mittelständler)"
    r"(en|n|s|e|er)?$", re.I)
_ADJECTIVE = re.compile(r"^[a-zäöüßéë][\w-]*(e|en|er|es|em|sche|ische)$|^[A-Z][\w-]*(se|ese|sche|ische|ischen|ischer)$"
                        r"|^(?!(?:Januar|Februar|September|Oktober|November|Dezember|Partner|Hersteller|Anbieter|Betreiber)$)"
                        r"[A-ZÄÖÜ][a-zäöüß]+er$")  # "Münchner", "Dresdner": a city's adjective (not a month or a noun)
_GENITIVE = frozenset({"des", "der"})
_SUCH = frozenset({"wie", "zoals", "waaronder", "darunter", "etwa", "als"})
#: a banned company is named bare or as the maker: "weert Huawei", "chips van Micron", "Verbot auf Huawei"
_BANNED_PREPS = frozenset({None, "van", "von", "gen", "op", "auf", "vom"})
_RELATIVE = frozenset("dat die wat welke welk waarvan waarin dessen deren das der welche welcher welches wo waar".split())
#: German relative pronouns whose case says the pronoun's role: "der Konzern X, der auch Y kontrolliert"
#: (nominative: X does it), "Y, den der Konzern X kontrolliert" / "Y, dem X gehört" (accusative,
#: dative: X does it to Y).  "die", "das" and every Dutch pronoun may be either, so they say nothing.
_REL_SUBJECT = frozenset("der welcher".split())
_REL_OBJECT = frozenset("den dem welchen welchem".split())
_REL_OBJECT_OPENS = re.compile(r"\s*,\s*(den|dem)\s+", re.I)
_DATIVE_VERB = re.compile(r"\bgeh[öo]r", re.I)  # "gehören" takes its owner in the dative
_SUBORD = frozenset("dat dass omdat weil ob of als wenn indien falls nachdem nadat terwijl während hoewel obwohl waardoor "
                    "zodat da sodass om um voordat bevor zodra sobald".split())
_COORD = frozenset("maar aber doch sondern".split())
_REPORT = frozenset("zegt zeggen zei zeiden sagt sagen sagte sagten meldt melden meldde berichtet berichtete aldus schrijft "
                    "schreibt so zo erklärte verklaarde wie".split())
_SUBJ_PRONOUNS = frozenset("het hij zij ze es er sie".split())
_PLURAL_PRONOUNS = frozenset({"sie", "zij", "ze", "beide", "allebei"})  # "Beide sollen ...": the names just listed
_BARE_SUBORD = re.compile(r"\s(?=(dat|dass|omdat|weil|nadat|nachdem|zodat|sodass|waardoor|wodurch|hoewel|obwohl)\s)", re.I)
#: words that join one more name to a list ("A en B", "A sowie B", "A, net als B")
_JOINING = r"\b(en|und|and|sowie|evenals|of|oder|net als|ebenso wie|wie auch|alsook|als auch|als ook)\b"
_JOIN = re.compile(r"[\s,]*(" + _JOINING + r")?[\s,]*"
                   r"((de|het|die|der|das|den)\s+)?\s*", re.I)

#: negation: its own comma piece only.  "niet meer / nicht mehr" (stopped) still
#: implies past supply, so it is not a negation here (lists use ``blocked_by``).
_NEGATION = re.compile(r"\b(niet(?!\s+(langer|meer|alleen))|geen|nooit|nicht(?!\s+(mehr|nur|länger))|kein|keine|keinen|"
                       r"keiner|keinem|keinerlei|keineswegs|geenszins|nie|niemals|weder|noch\s+(op|bij|aan))\b", re.I)
#: the rules that read a holding told as a share ("hält 75 Prozent an Y", "een belang van 30 procent in Y")
_SHARE_METHOD = re.compile(r"percent|stake|share|anteil|belang")
#: "keine Chips mehr", "geen chips meer": supply that stopped, which still implies it
#: happened (for supply rules only; a list or a tie "no more" is not read this way)
_STOPPED = re.compile(r"\b((mag|mogen|mocht|mochten|darf|dürfen|durfte|durften|kan|kunnen|kon|konden|kann|können|konnte|konnten)"
                      r"\s+([\w-]+\s+){0,5}?)?"
                      r"((kein|keine|keinen|keiner|geen)\s+([\w-]+\s+){0,2}(mehr|meer)|niet\s+(meer|langer)|nicht\s+(mehr|länger))\b",
                      re.I)  # "darf / kann keine Chips mehr liefern": no longer allowed or able, so it had supplied
#: hypotheticals: their own comma piece
_HEDGE = re.compile(r"\b(zou(den)?\b[^,;]*?\bkunnen|könnte|könnten|würde|würden|mogelijk|eventueel|möglicherweise|"
                    r"mogen|mag|mocht|mochten|dürfen|darf|durfte|durften|kan|kunnen|können|kann|konnte|konnten|wil|willen|"
                    r"wollen|will|wollte|zal|zullen|sollte|sollten|"
                    r"indien|in het geval|falls|ob|wenn|in de toekomst|in der zukunft|künftig|zukünftig|voortaan|verwacht|erwartet|voorstel|"
                    r"vorschlag)\b"
                    # a purpose, not a deed: "stemmen gaan op om X op de lijst te zetten", "um X auf die Liste zu setzen"
                    r"|\bom\b[^,;]*?\bte\s+(zetten|plaatsen)\b|\bum\b[^,;]*?\bzu\s+(setzen|nehmen|stellen)\b",
                    re.I)
#: a sale forbidden before it happened: "untersagte X, eine Anlage an Y zu liefern", "verbood X om machines aan Y te leveren"
_FORBIDDEN_SALE = re.compile(r"\b(untersagt\w*|verbiet\w*|verbot|verboten|verbood|verboden|verbiedt)\b[^.;]{0,160}?\b(zu|te)\s+"
                             r"(liefern|verkaufen|leveren|verkopen|exportieren|exporteren)\b", re.I)
#: denials, plans and doubts: everything after them in the sentence
_DENIAL = re.compile(r"\b(ontkent|ontkende|ontkennen|bestreitet|bestritt|bestreiten|weigerde|weigert|weigern|weigerte|"
                     r"overweegt|overwegen|overwoog|erwägt|erwogen|erwägen|dreigt|dreigen|droht|drohen|plant|plannen|"
                     r"van plan|unklar|onduidelijk|niet bekend|nicht bekannt|ungewiss|dementiert|dementierte)\b", re.I)
#: a noun for a company, compounds too ("geheugenchipmaker", "Waferhersteller"), not its parent or subsidiary
_COMPANY_NOUN = (r"(?!moeder|mutter|dochter|tochter)[\w-]*(onderneming|bedrijf|concern|chipmaker|fabrikant|producent|unternehmen|"
                 r"konzern|firma|hersteller|fertiger|entwickler|ontwerper|maker|aanbieder|anbieter|leverancier|lieferant|zulieferer|"
                 r"ausrüster|betreiber|spezialist|specialist|bauer|bouwer|mittelständlers?|"
                 # "de Chinese telecomgigant", "den Technologieriesen" (a weak noun: "-n" in every case but the nominative)
                 r"gigant|reus|riese|riesen)")
#: the plain words for a company, which stand for the subject of the sentence before
_GENERIC_COMPANY = re.compile(r"\b(onderneming|bedrijf|concern|unternehmens?|konzerns?|firma)$", re.I)
#: a definite description standing for the company just named
_DEFINITE = re.compile(r"^\W*(de|het|der|die|das)\s+([\w-]+\s+)?" + _COMPANY_NOUN + r"\b", re.I)
#: a demonstrative description: the company the sentence before named last ("Dat bedrijf staat ...")
_DEMONSTRATIVE = re.compile(r"^\W*(dat|dit|deze|dieses|diese|dieser|letzteres|letztere)\s+([\w-]+\s+)?" + _COMPANY_NOUN + r"\b",
                            re.I)
#: a demonstrative pronoun as the subject, its verb right after it: the name the sentence before ended on
#: ("... des US-Auftragsfertigers Globalfoundries. Dieser gehört mehrheitlich dem Staatsfonds Mubadala", "Die verkoopt ze door")
_DEMONSTRATIVE_PRONOUN = re.compile(
    r"^\W*(dieser|diese|dieses|letzterer|letztere|letzteres|deze|die|laatstgenoemde)\s+"
    r"(ist|war|wird|wurde|gehört|gehörte|hält|hielt|kontrolliert|besitzt|is|was|wordt|werd|behoort|behoorde|heeft|bezit|"
    r"verkoopt|verkocht|levert|leverde|koopt|kocht|liefert|lieferte|verkauft|verkaufte|kauft|kaufte)\b", re.I)
#: the owner the sentence before named ("Het moederbedrijf heeft ...", "Der Mutterkonzern unterhält ...")
_PARENT = re.compile(r"^\W*(het|de|der|die|das)\s+([\w-]+\s+)?(moederbedrijf|moederconcern|moedermaatschappij|eigenaar|"
                     r"mutterkonzern|muttergesellschaft|mutterunternehmen|eigentümer)\b(?!\s+(van|von|des|der)\b)", re.I)
#: a fund or holding standing for the one the sentence before named ("Het fonds is ook eigenaar van ...")
_FUND = re.compile(r"^\W*(het|de|der|die|das|dieser|dieses|deze|dit)\s+([\w-]+\s+)?[\w-]*(fonds|investeerder|investor|holding)\b", re.I)
_FUND_NAME = re.compile(r"\b(capital|fund|funds|fonds|investment|investments|invest|holding|holdings|ventures|partners|"
                        r"beteiligungen|participaties)\b", re.I)
#: the two companies the sentence before named ("Beide bedrijven", "Die beiden Konzerne", "De twee fabrikanten")
_BOTH = re.compile(r"^\W*(beide|die beiden|de twee|die zwei|allebei)\s+([\w-]+\s+)?[\w-]*(bedrijven|ondernemingen|fabrikanten|"
                   r"concerns|producenten|makers|firmen|unternehmen|konzerne|hersteller|firma's)\b", re.I)
#: how many sentences on a list named earlier still explains "Betroffen sind ..."
CONTEXT_SPAN = 6
#: a vendor named by description ("den chinesischen Ausrüster", "de Chinese leverancier")
_VENDOR_DESCRIPTION = re.compile(r"\b(den|die|der|de|het|dem)\s+([\w-]+\s+){0,2}(\w*ausrüster|\w*lieferanten?|"
                                 r"\w*leverancier|netzwerkausrüster|telecomleverancier)\b", re.I)
#: a preposition governing a definite description of a company ("an dem Unternehmen", "in het bedrijf", "am Konzern")
_GOVERNED_DESCRIPTION = re.compile(r"\b(?P<prep>[a-zäöü]+)\s+(?:(?:dem|der|den|des|de|het|die|das)\s+(?:[\w-]+\s+)?)?"
                                   + _COMPANY_NOUN + r"s?\b", re.I)
_WORD_START = re.compile(r"\b\w")
#: a verb of buying or ordering: its subject is a buyer, not the seller whose customers a later sentence counts
_BUYING = re.compile(r"\b(orderte|orderten|bestellte|bestellten|kaufte|kauften|bezog|bezogen|bestelde|bestelden|kocht|kochten|"
                     r"order(de|den)|nam\w*\s+[^,.;]{0,40}\baf)\b", re.I)
#: customers named right before a description ("Kunden des Unternehmens", "klanten van het bedrijf")
_CUSTOMERS_BEFORE = re.compile(r"\b(kunden|klanten|afnemers|abnehmern?|klant|kunde|afnemer)\s*$", re.I)
#: a description of a group of companies ("het staatsconcern", "der Mischkonzern"): after a sentence naming a company's
#: parent, that parent
_GROUP_DESCRIPTION = re.compile(r"^\W*(het|de|der|die|das)\s+([\w-]+\s+)?[\w-]*(concern|konzern|groep|gruppe|conglomeraat|"
                                r"konglomerat)\b", re.I)
#: an indefinite singular article: an apposition it opens describes one name, not the group before it
_ONE = re.compile(r"(een|één|ein|eine|einer|eines)\s", re.I)
#: the copula of "Mehrheitseigner des Herstellers X ist Y" (slot after_copula)
_COPULA = re.compile(r"\b(is|ist|zijn|sind|was|war)\b", re.I)
#: a goods noun joined to the maker's name by a hyphen ("ZTE-Technik", "Huawei-apparatuur", "Nexperia-chips")
_MAKER_COMPOUND = re.compile(r"-\w*(technik|technologie|apparatuur|uitrusting|ausrüstung|komponenten|componenten|onderdelen|"
                             r"bauteile|chips?|prozessoren|processors?|geräte|apparaten|antennen|antennes|kameras|camera's|"
                             r"software|speicher|geheugen|sensoren|sensors?|lasers?|modules?|modulen|wafers?)\b", re.I)
#: a name added after the clause as one more of the same ("..., net als Y", "..., ebenso wie Y")
_LIKEWISE = re.compile(r",\s*(net als|evenals|ebenso wie|genauso wie|genau wie|wie auch)\s+((de|het|der|die|das)\s+)?([\w-]+\s+)?$",
                       re.I)
#: a name listed together with another ("X werd samen met Y op de lijst gezet", "zusammen mit Y auf die Liste"): Y too
_TOGETHER = re.compile(r"\b(samen met|zusammen mit|gemeinsam mit|neben|naast)\s+((de|het|der|die|das|dem|den)\s+)?([\w-]+\s+)?$",
                       re.I)
#: one of the companies a relative clause describes ("X gehört zu den Unternehmen, die auf die Liste gesetzt wurden",
#: "X is een van de bedrijven die op de lijst staan"): X is what the clause says of them
_ONE_OF_THE_COMPANIES = re.compile(r"\b(zu den|tot de|van de|eines der|einer der|eine der|een van de)\s+([\w-]+\s+){0,2}?"
                                   r"(unternehmen|firmen|bedrijven|ondernemingen|konzernen|konzerne|herstellern|hersteller|"
                                   r"organisationen|organisaties|entiteiten|fabrikanten)\s*,?\s*$", re.I)
#: a verb of saying: the name before it is a speaker, not the subject of what follows
_SAYS = re.compile(r"\b(zegt|zei|zeiden|zeggen|meldt|meldde|stelt|stelde|benadrukt|waarschuwt|waarschuwde|schrijft|schreef|"
                   r"sagt|sagte|sagten|meldet|meldete|berichtet|berichtete|betont|betonte|warnt|warnte|schreibt|schrieb|"
                   r"erklärt|erklärte|verklaart|verklaarde)\b", re.I)
#: nouns that open an apposition with no article ("X, onderdeel van Y", "X, Tochter von Y")
_APPOSED_NOUN = re.compile(r"(onderdeel|deel|dochter\w*|eigenaar|moeder\w*|\w*leverancier|klant|afnemer|teil|tochter\w*|eigentümer|"
                           r"mutter\w*|\w*lieferant|zulieferer|kunde|abnehmer|\w*aandeelhouder|\w*aktionär|\w*sparte|\w*divisie|"
                           r"\w*afdeling)\b", re.I)
#: words for the sources a report cites ("volgens analisten X"): the preposition governs them, not the name after
_SOURCE_NOUNS = frozenset("analisten ingewijden bronnen experts insiders kenners deskundigen onderzoekers waarnemers media "
                          "analysten insidern experten kreisen branchenkreisen quellen medienberichten berichten".split())
#: a decimal comma or point ("3,6 miljard", "2.5 Prozent")
_DECIMAL = re.compile(r"(?<=\d)[,.](?=\d)")
#: what opens a comma piece in apposition to the name before it ("HiSilicon, de chipdivisie van ...", "Nexperia, eine Tochter
#: des ...", "SK Hynix, een belangrijke afnemer van ..."): an article and at most three lower-case words
_APPOSITION_OPENS = re.compile(r"(?:(de|het|een|één|der|die|das|ein|eine|einer|eines|einem)\s+|"
                               # "Deutschlands größter", "einem der größten", "een van de grootste"
                               r"[A-ZÄÖÜ][\w-]+s\s+(?=[a-zäöü])|(?:een van de|eine[rmns]? der|einer? der)\s+)"
                               r"([a-zäöüéë][\w-]*\s+|[A-ZÄÖÜ][\w-]*(?:se|sche|ische|aanse|ese)\s+){0,3}")  # "het Russische ..."
#: a finite verb of the trades the rules read: a preposition before it governs nothing after it
_FINITE_VERB = re.compile(r"^(lever|verkoch|koch|bestel|zet|plaatst|maak|produceer|exporteer|verscheep|stuur|bouw|ontwikkel|"
                          r"liefer|verkauf|kauf|bestell|setz|fertig|produzier|exportier|entwickel|nutz|verwend)\w*"
                          r"(de|te|den|ten)$|^(betrok|bezog|kocht|verkocht|kochten|verkochten)$")
#: verbs that join a subject to what it is or belongs to; ending in "-en" they would pass for adjectives
_COPULAS = frozenset("gehören gehörten gehört gehörte zählen zählten zählt zählte behoren behoorden behoort behoorde horen "
                     "hoort hoorde sind waren zijn ist is war was".split())
#: the German relative pronouns a preposition governs ("an dem", "zu der", "bei denen")
_REL_PRONOUN_CASES = frozenset({"dem", "der", "denen", "welchem", "welcher", "welchen"})
#: German contractions of a preposition and "dem"/"das"
_CONTRACTED = {"am": "an", "ans": "an", "im": "in", "ins": "in", "vom": "von", "zum": "zu", "zur": "zu", "beim": "bei"}
#: what may stand before a sentence's opening name ("Der Konzern X", "De chipmaker X")
_OPENING_ARTICLE = re.compile(r"\W*((de|het|der|die|das)\s+([\w-]+\s+)?)?", re.I)
_DEFINITE_ANY = re.compile(_DEFINITE.pattern.replace("^\\W*", "\\b"), re.I)
_BULLET = re.compile(r"^\s*[–—\-•*·]\s*")
#: a passive clause's auxiliary: its agent ("door X", "von X") is who acts
_PASSIVE_AUX = re.compile(PASSIVE_AUX, re.I)
#: a plain description of a company as the object of a ban ("verbiedt het bedrijf", "dem Unternehmen ... untersagt")
_OBJECT_DESCRIPTION = re.compile(r"\b(het|das|dem|den|de|die)\s+(onderneming|bedrijf|concern|unternehmen|konzern|firma)\b", re.I)
#: the prepositions of a passive's agent
_AGENT_PREPS = frozenset({"door", "durch", "von", "vom"})
_SUCH_AS = re.compile(r"(?i:\b(waaronder|zoals|onder wie|darunter|unter anderem|onder meer|onder andere)\b)|"
                      r"(?<=[A-ZÄÖÜ]\w\w)\w*\s+(wie|etwa)\b")  # "Firmen wie X", not ", wie Reuters meldet"
#: "de lijst", "auf der Liste", "diese Liste": a list named before ("die Liste der ...", "de lijst van ..." describe one)
_BARE_LIST = re.compile(r"\b(op|auf|aan|an|in|zur|naar)\s+(de|deze|die|der|diese|dieser|dezelfde|dieselbe)\s+(lijst|liste)\b"
                        r"(?!\s+(van|von|der|des|mit|met|voor|für|chinesischer|ausländischer)\b)", re.I)
#: a Dutch ministry named by its portfolio ("ministerie van Economische Zaken en Klimaat")
_MINISTRY = re.compile(r"\bministerie van (?:[A-Z][\w-]*)(?:\s+(?:en\s+)?[A-Z][\w-]*)*")
_AUTHORITY = re.compile(r"(department|ministry|ministerie|bureau|administration|commission|office|agency|regulator|"
                        r"autoriteit|behörde|ministerium|agentur|government|regierung|toezicht|bundesamt|aufsicht|"
                        r"regulierer|dienst\b|amt\b|direktion\b|authority|\bcustoms\b|\bdouane\b|\bzoll|\bfiod\b|parket\b|\bpolitie\b|\bpolizei\b)", re.I)
_REMOVED_AFTER = re.compile(REMOVAL_VERBS, re.I)
_PENTAGON = re.compile(r"\b(pentagon\w*|ministerie van defensie|defensieministerie|verteidigungsministerium\w*|"
                       r"us-verteidigungsministerium)\b", re.I)
_LIST_PHRASES = tuple((re.compile(p, re.I), re.compile(c, re.I), lst, re.compile(u, re.I)) for p, c, lst, u in LIST_PHRASES)
_NATIONAL = tuple((re.compile(p, re.I), name) for p, name in NATIONAL_AUTHORITIES)
_BUYER_SUPPLY, _BUYER_GENERIC, _BUYER_MILITARY, _SANCTIONS = (re.compile(p, re.I) for p in BUYER_CONTEXT)
#: a pronoun object standing for the company the sentence before named ("hat es ... verbannt")
_OBJECT_PRONOUN = re.compile(r"\b(es|ihn|het|hem)\b", re.I)
#: the rest of a compound a name starts, right before another name ("Huawei|-Tochter |HiSilicon")
_COMPOUND_BEFORE_NAME = re.compile(r"-[^\W\d_][\w-]*\s+")
#: a possessive and its noun right before another name ("Huawei's chipdochter |HiSilicon", "Lindau Holdings' klant |X")
_POSSESSIVE_BEFORE_NAME = re.compile(r"['’]s?\s+[^\W\d_][\w-]*\s+")
#: a German genitive's noun right before another name ("Huaweis Tochter |HiSilicon": the "s" is in the name's span)
_GENITIVE_NOUN_BEFORE_NAME = re.compile(r"\s+[A-ZÄÖÜ][a-zäöüß-]+\s+")
#: a name after these still counts as a member of a list ("sowie mit X, Y fünf Firmen aus Hongkong")
_MEMBER_PREPS = frozenset({None, "mit", "met", "um", "om"})  # "Es handelt sich um X", "Het gaat om X"


@dataclass
class _Mention:
    """A name in the sentence: offsets, entity key, governing preposition."""

    start: int
    end: int
    key: str
    prep: str | None = None
    group: int = 0  # mentions joined by "," / "en" / "und" share a group


#: relative pronouns only a singular antecedent takes ("A en B, dat ...": B alone)
_SINGULAR_RELATIVE = frozenset({"dat", "das", "der", "dem", "dessen", "welches", "welcher"})


@dataclass
class _Clause:
    """A clause: its pieces (char spans), kind and what it hangs on."""

    kind: str  # main | rel | sub | coord | report
    pieces: list[tuple[int, int]] = field(default_factory=list)
    parent: int | None = None  # the clause it hangs on (rel, sub)
    antecedent: int | None = None  # index of the mention a relative clause describes
    rel_prep: str | None = None  # the preposition of its pronoun ("an dem", "waarin"): the antecedent's role
    singular: bool = False  # its pronoun is singular only ("dat", "das", "der"): of a list, the last name alone

    def contains(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.pieces)

    @property
    def start(self) -> int:
        return self.pieces[0][0]


def _words_before(text: str, pos: int, count: int = 6) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0)) for m in re.finditer(r"[\w-]+|[^\w\s]", text[:pos])][-count:]


#: the words that open a list of examples after a comma ("klanten, onder wie X")
_SUCH_AFTER_COMMA = (("waaronder",), ("darunter",), ("zoals",), ("onder", "wie"), ("onder", "meer"),
                     ("onder", "andere"), ("unter", "anderem"), ("etwa",))


def _such_opening(words: list[tuple[int, str]], i: int) -> int | None:
    """When the words ending at ``i`` are ", onder wie" (or another opening of
    examples) after a descriptor noun, the index of that noun; else None.
    A place after the noun ("Kunden in Asien") and a verb closing the clause
    ("an Kunden verkauft, darunter X") may stand between."""
    for phrase in _SUCH_AFTER_COMMA:
        k = i - len(phrase) + 1
        if k < 2 or tuple(w.lower() for _, w in words[k:i + 1]) != phrase or words[k - 1][1] != ",":
            continue
        j = k - 2
        if j > 0 and words[j][1].islower() and not _DESCRIPTOR.match(words[j][1]):
            j -= 1  # the verb that closes a German or Dutch clause
        if j > 1 and words[j][1][:1].isupper() and words[j - 1][1].lower() in _PLACE_PREPS:
            j -= 2  # "klanten in Azië"
        if j >= 0 and _DESCRIPTOR.match(words[j][1]):
            return j
    return None


_PLACE_PREPS = frozenset({"in", "im", "aus", "uit"})
#: an article and an adjective before a town ("uit het Duitse Jena", "aus dem bayerischen Erding")
_TOWN_ADJECTIVE = r"(?:(?:het|de|dem|der)\s+\w+(?:e|en|er|em|es)\s+)?"
#: a town and the comma after it ("... Dresden, eine Tochter von Y")
_TOWN_AND_COMMA = r"[A-ZÄÖÜ][\w'-]+\s*,\s*"
#: what stands between a company and its town ("Besi uit Duiven", "die Oberland GmbH aus Rosenheim")
_FROM_PLACE = re.compile(r"\s+(?:aus|uit|in|im)\s+" + _TOWN_ADJECTIVE)
#: ... and the town with its comma, before an apposition ("an die X in Dresden, eine Tochter von Y")
_FROM_PLACE_COMMA = re.compile(_FROM_PLACE.pattern + _TOWN_AND_COMMA)
#: the end of a clause after its last name, with the name's town: a participle and its auxiliaries, then the comma of
#: a description moved behind the verb ("an die X aus Pirna geliefert, eine Tochter von Y", "aan X geleverd, een ...")
_VERB_END_COMMA = re.compile(r"(?:\s+(?:aus|uit|in|im)\s+[A-ZÄÖÜ][\w'-]+(?:\s+[A-ZÄÖÜ][\w'-]+)?)?"
                             r"\s+\w*(?:ge|ver|be|er|ont)\w+(?:t|en|d)"
                             r"(?:\s+(?:worden|werden|wurde|wurden|sein|haben|hat|hatte|ist|war|zijn|is|was|werd))*\s*,\s*")
#: a country before a hyphen and a company noun ("der US-Konzern", "den US-Chiphersteller"): it describes the company
_COUNTRY_IN_DESCRIPTOR = re.compile(r"-" + _COMPANY_NOUN + r"\w*\b", re.I)
#: a country's genitive before an adjective and a company noun ("an SMIC, Chinas größten Auftragsfertiger"): the
#: description of the name before it, no party (checked from the end of the mention, which must end in "s")
_COUNTRY_GENITIVE_DESCRIPTOR = re.compile(r"\s+(?:[a-zäöü][\w-]*\s+){0,2}[\w-]*" + _COMPANY_NOUN + r"\w*\b")
#: a description noun and a relative pronoun with no comma between ("een Chinese groep die ..."); Dutch
#: only: German sets off every relative clause with a comma, and its "der"/"das" after a noun is a genitive
_DESCRIPTOR_THEN_RELATIVE = re.compile(r"\b([\w-]+)\s+(?:die|dat)\b")
#: what opens an apposition before its noun: an article and at most three words ("een Chinese ", "de grootste Duitse ")
_ARTICLE_AND_WORDS = re.compile(r"\s*(?:een|de|het|ein|eine|einen|einem|einer|der|die|das|den|dem)\s+(?:[\w-]+\s+){0,3}")
#: a company's town between its name and a comma ("Prodrive uit Son, dat ...")
#: a German article only the dative has, then up to three words (adjectives, a company noun), right before a name
_DATIVE_BEFORE = re.compile(r"\b(dem|einem|vom)\s+(?:[\w-]+\s+){0,3}$", re.I)
_TOWN_THEN_COMMA = re.compile(r"(?:-[A-ZÄÖÜ]\w+)?\s+(?:aus|uit|in)\s+" + _TOWN_ADJECTIVE + _TOWN_AND_COMMA)
#: the rules whose holding is told as a share
_SHARE_RULES = frozenset({"trigger:percent-held", "trigger:stake-in", "trigger:share-held-passive", "trigger:percent-of"})
#: a negation right before a description ("geen Huawei-dochter", "keine Huawei-Tochter")
_NEGATED_BEFORE = re.compile(r"\b(geen|keine?|keinen|keiner|niet|nicht)\s+([\w-]+\s+)?[\w-]*$", re.I)
#: ", een chipfabriek in Shenzhen " before "die": a description beside a name, then its relative clause with no comma
_DESCRIBED_THEN_RELATIVE = re.compile(
    r",\s*(?:een|de|het)\s+(?:[\w-]+\s+)?" + _DESCRIPTOR.pattern.removesuffix("$") + r"\s+(?:in|uit)\s+[A-Z][\w-]+\s(?=(?:die|dat)\s)",
    re.I)
#: ", de grootste chipmaker van China, ": a description beside a name, naming nothing itself
_APPOSITION_THEN_COMMA = re.compile(r",\s*(?:de|het|een|der|die|das|den|dem|des|ein|eine|einen|einem|einer)\s[^,;:()]{1,80},\s*")
#: "aus"/"uit" right before a mention: the mention is a company's town
_TOWN_BEFORE = re.compile(r"\b(?:aus|uit)\s+" + _TOWN_ADJECTIVE + "$")
#: "since" is a preposition before a time ("seit 2019") and a conjunction before a clause; before a company's name
#: (through articles and adjectives) only the conjunction makes sense
_SINCE = frozenset({"seit", "sinds"})
#: "Seit X auf der Liste steht": a capitalised word after "since" that is no German time noun ("Seit Januar", "Seit Jahren")
_SINCE_CLAUSE = re.compile(r"\W*[\w-]+\s+(?!(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
                           r"Dezember|Jahren|Jahrzehnten|Monaten|Wochen|Tagen|Anfang|Ende|Mitte|Beginn|Herbst|Frühjahr|Sommer|"
                           r"Winter)\b)(?-i:[A-ZÄÖÜ])")


def _governor(text: str, start: int) -> str | None:
    """The preposition governing a name at ``start``: looked for across
    articles, adjectives, descriptor nouns ("aan de Chinese fabrikant X") and
    what a person is ("van de zakenman X")."""
    words = _words_before(text, start, 10)
    i = len(words)
    while i > 0:
        i -= 1
        w = words[i][1]
        lw = w.lower()
        if lw in _PREPS:
            outer = _plant_receiver(words, i) if lw in ("van", "von") else None
            if outer is not None:
                return outer  # "aan de chipfabriek van Bosch": the goods go to Bosch's plant, so to Bosch
            if i > 0 and words[i - 1][1] == "," and i + 1 < len(words) and words[i + 1][1].lower() in _REL_PRONOUN_CASES:
                return None  # "X, an dem Y beteiligt ist": the preposition governs the pronoun, Y is free
            if lw in _SINCE:
                return None  # "Seit Huawei auf der Liste steht, ...": "since" before a company opens a clause, it is its subject
            return lw
        if lw in _GENITIVE and i > 0 and words[i - 1][1][:1].isupper() and i - 1 > 0:
            return "gen"  # "eine Tochter der X": genitive after a noun
        if lw in _SUCH and i > 0 and _DESCRIPTOR.match(words[i - 1][1]):
            continue  # "an Kunden wie X": the preposition reaches through "wie"
        opens = _such_opening(words, i)
        if opens is not None:  # "aan klanten, onder wie X", "an Kunden, darunter X": through the comma too
            i = opens
            continue
        if _FINITE_VERB.match(lw) or lw in _COPULAS or lw in _SOURCE_NOUNS:
            return None  # "Volgens het ministerie leverde X", "Zu den Kunden des Konzerns gehören X": the verb ends the phrase
        # ... and what a person is ("van de Russische zakenman X"); "aan zowel A als B" governs both
        if lw in _ARTICLES or _ADJECTIVE.match(w) or _DESCRIPTOR.match(w) or lw in PERSON_KINDS or lw in ("zowel", "sowohl") \
                or w in ("'", "’", "„", "“", '"'):
            continue
        if lw in ("und", "en", "and", "sowie", "oder", "of") and 0 < i < len(words) - 1 \
                and _DESCRIPTOR.match(words[i - 1][1]) and _DESCRIPTOR.match(words[i + 1][1]):
            continue  # "an Autohersteller und -zulieferer, darunter X"
        return None
    return None


#: "und"/"en" opening a clause of its own with a finite (modal or auxiliary) verb: "..., und darf keine ..."
_JOINED_CLAUSE = re.compile(
    r"\s(?:und|en|aber|maar|doch)\s+(?=(?:darf|dürfen|durfte|durften|kann|können|konnte|konnten|muss|müssen|musste|mussten|"
    r"soll|sollen|will|wollen|mag|mogen|mocht|mochten|kan|kunnen|kon|konden|moet|moeten|moest|moesten|wil|willen|zal|zullen|"
    r"hat|haben|hatte|hatten|heeft|hebben|had|hadden|wird|werden|wurde|wurden|wordt|worden|werd)\b)", re.I)


#: a company's plant named by its owner ("de chipfabriek van X", "das Werk von X")
_PLANT_NOUN = re.compile(rf"[\w-]*({PLANT_NOUNS}|vestiging|standort)$", re.I)
#: prepositions that name where goods go
_RECEIVING_PREPS = frozenset({"aan", "an", "naar", "nach"})


def _plant_receiver(words: list[tuple[int, str]], i: int) -> str | None:
    """The receiving preposition ("aan", "an") before "[article] [adjectives]
    plant-noun van/von" that ends at word ``i``, else None."""
    if i < 1 or not _PLANT_NOUN.match(words[i - 1][1]):
        return None
    j = i - 2
    while j >= 0 and words[j][1].lower() not in _RECEIVING_PREPS and (words[j][1].lower() in _ARTICLES
                                                                       or _ADJECTIVE.match(words[j][1])):
        j -= 1
    return words[j][1].lower() if j >= 0 and words[j][1].lower() in _RECEIVING_PREPS else None


#: a possessive before a company noun: "dessen Mutterkonzern", "zijn dochterbedrijf"
_POSSESSIVE = re.compile(r"dessen|deren|sein\w*|ihr\w*|zijn|haar|hun", re.I)


def _coordinated(between: str) -> bool:
    """Whether the text from one name to the next only joins them."""
    if _REL_OBJECT_OPENS.fullmatch(between):
        return False  # "Calder, den Tessaro kontrolliert": a relative clause opens, no second member
    stripped = re.sub(r"\([^)]*\)", "", between)
    stripped = re.sub(r"^-(?=\s)", "", stripped)  # "Huawei- und ZTE-Komponenten": a compound's first half, joined
    stripped = re.sub(r"\b[A-Z][\w.&'-]*", "", stripped)
    conjunction = re.search(_JOINING, between)
    if conjunction:  # "X en de geheugenproducent Y", "X und den chinesischen Autobauer Y" (after a bare comma a company
        # noun opens an apposition)
        stripped = re.sub(r"\b[a-zäöü][\w-]*\b", lambda w: "" if _DESCRIPTOR.fullmatch(w.group(0))
                          or _ADJECTIVE.match(w.group(0)) and w.group(0).lower() not in _ARTICLES
                          and not _POSSESSIVE.fullmatch(w.group(0)) else w.group(0), stripped)
    return bool(_JOIN.fullmatch(stripped)) and bool(conjunction or "," in between)


#: "zowel A als B", "sowohl A als auch B": the word before the first name that makes a bare "als" join the second
_BOTH_OPENER = re.compile(r"\b(zowel|sowohl)\s+((de|het|die|der|das|den)\s+)?$", re.I)


def _both_and(text: str, first_start: int, between: str) -> bool:
    """"Zowel Hikvision als Dahua staan op de lijst": "als" joins two names
    only after "zowel" (Dutch; German writes "als auch", already a joining
    word)."""
    return bool(re.fullmatch(r"\s+als\s+((de|het|die|der|das|den)\s+)?", between, re.I)) \
        and bool(_BOTH_OPENER.search(text[max(0, first_start - 30):first_start]))


#: "und dessen Mutterkonzern", "en zijn dochterbedrijf": one more name joined as the first one's relative
_POSSESSIVE_JOIN = re.compile(r"\s*,?\s*(en|und|sowie|evenals)\s+(" + _POSSESSIVE.pattern + r")\s+"
                              r"([\w-]+\s+){0,2}?$", re.I)


def _possessive_joined(groups: list[list[str]], text: str, mentions: list[_Mention]) -> list[list[str]]:
    """Groups of free names merged where "und dessen Mutterkonzern Y" joins
    Y to the name before ("setzte X und dessen Mutterkonzern Y auf die Liste":
    both are listed).  Other rules keep the groups apart, so "dessen
    Mutterkonzern" still reads as ownership."""
    if len(groups) < 2:
        return groups
    first = {k: min(m.start for m in mentions if m.key == k) for g in groups for k in g}
    last = {k: max(m.end for m in mentions if m.key == k) for g in groups for k in g}
    out = [list(groups[0])]
    for g in groups[1:]:
        gap = text[max(last[k] for k in out[-1]):min(first[k] for k in g)]
        words = gap.split()
        if _POSSESSIVE_JOIN.fullmatch(gap) and words and _DESCRIPTOR.fullmatch(words[-1]):
            out[-1].extend(g)
        else:
            out.append(list(g))
    return out


def _apposition(text: str, mentions: list[_Mention], i: int) -> bool:
    """"Het moederbedrijf van Nexperia, Wingtech Technology, staat ...": a name
    set off by commas after one other name, with no "en"/"und" joining any
    name around it, names the first again (an apposition), not a second member."""
    if text[mentions[i - 1].end:mentions[i].start].strip() != ",":
        return False
    after = text[mentions[i].end:mentions[i].end + 2]
    if not after.startswith(","):
        return False
    joined = lambda a, b: _coordinated(text[a.end:b.start])  # noqa: E731
    if i >= 2 and joined(mentions[i - 2], mentions[i - 1]):
        return False
    return not (i + 1 < len(mentions) and joined(mentions[i], mentions[i + 1]))


_WAAR = {"waarin": "in", "waarvan": "van", "waaraan": "aan", "waarbij": "bij", "waartoe": "tot", "waarmee": "met",
         "waarop": "op", "waardoor": "door", "waarvoor": "voor"}


#: a German preposition that relates a clause to a company, and a relative pronoun ("an der", "zu dem",
#: "in denen"); not "aus dem", whose antecedent is mostly a material ("das Silizium, aus dem X Kristalle zieht")
_REL_PRONOUN_AFTER_PREP = re.compile(r"\W*(an|bei|in|mit|unter|von|zu)\s+(der|dem|denen)\b")


def _rel_prep(piece: str) -> str | None:
    """The preposition a relative pronoun opening ``piece`` stands under ("an dem"
    -> "an", "zum dem" -> "zu", "waarin" -> "in"), or None."""
    m = re.match(r"\W*([a-zäöü]+)(?:\s+([a-zäöü]+))?", piece)
    if not m:
        return None
    first, second = m.group(1).lower(), (m.group(2) or "").lower()
    if first in _WAAR:
        return _WAAR[first]
    if first in _PREPS and second in _REL_PRONOUN_CASES:
        return _CONTRACTED.get(first, first)
    return None


def _clauses(text: str, mentions: list[_Mention]) -> list[_Clause]:
    """The clauses of a sentence (see the module docstring)."""
    protected = {(a.end, b.start) for a, b in zip(mentions, mentions[1:]) if a.group == b.group}
    cuts: list[tuple[int, int]] = []  # (cut position, start of next piece)
    for m in re.finditer(r"[,;:]\s*|\s[–—]\s", text):
        if any(a <= m.start() < b for a, b in protected):
            continue
        cuts.append((m.start(), m.end()))
    for m in _BARE_SUBORD.finditer(text):
        cuts.append((m.start(), m.end()))
    described_ends = {m.end() for m in _DESCRIBED_THEN_RELATIVE.finditer(text)}
    cuts += [(e, e) for e in described_ends]  # Dutch sets no comma before a relative clause
    cuts.sort()
    pieces, pos, seps = [], 0, []
    for c0, c1 in cuts:
        if c0 > pos:
            pieces.append((pos, c0))
            seps.append(text[c0:c1])
        pos = max(pos, c1)
    pieces.append((pos, len(text)))
    seps.append("")
    clauses: list[_Clause] = []
    main = None
    for i, (a, b) in enumerate(pieces):
        first = re.match(r"\W*([\w-]+)", text[a:b])
        word = first.group(1).lower() if first else ""
        prev_sep = seps[i - 1] if i else ""
        if i == 0:
            # "Seit X auf der Liste steht, ...": "since" before a name (no time) opens a subordinate clause too
            sub = word in _SUBORD or (word in _SINCE and bool(_SINCE_CLAUSE.match(text[a:b])))
            clauses.append(_Clause("sub" if sub else "main", [(a, b)]))
            main = None if sub else 0  # "Nachdem X ..., stellte Y ...": the main clause comes next
            continue
        ante = next((j for j, m in enumerate(mentions) if 0 <= a - m.end <= 3 and "," in text[m.end:a]), None)
        if ante is None or mentions[ante].key.startswith(("gpe:", "GPE:")):
            # "Prodrive uit Son, dat ... levert", "Halden Optik aus Jena, das ...": the company, not its town
            ante = next((j for j, m in enumerate(mentions) if m.end < a and _TOWN_THEN_COMMA.fullmatch(text[m.end:a])), ante)
        if ante is None or mentions[ante].key.startswith(("gpe:", "GPE:")):
            # "SMIC, de grootste chipmaker van China, die ...": the name a description stands beside, not the
            # country inside the description
            ante = next((j for j, m in enumerate(mentions) if m.end < a and _APPOSITION_THEN_COMMA.fullmatch(text[m.end:a])), ante)
        rel_prep = _rel_prep(text[a:b]) if "," in prev_sep else None
        label = ":" in prev_sep and all(w[:1].isupper() or w[:1].isdigit()
                                        for w in re.findall(r"[\w-]+", text[pieces[i - 1][0]:pieces[i - 1][1]]))
        if ";" in prev_sep or (":" in prev_sep and _DEFINITE.match(text[a:b])) or label:
            # "Anders bei X: Die Firma wurde ... gekauft": a clause of its own, its subject described;
            # "Dresdner Chipwerk X: ASML liefert erste Anlagen": a headline's label names no subject
            kind = "main"
        elif rel_prep and (ante is not None or _REL_PRONOUN_AFTER_PREP.match(text[a:b])):
            # "CETC, zu dem auch Hikvision gehört", "Orvane, waarin Tessaro een belang heeft"; a preposition and
            # a pronoun open a relative clause even when its antecedent is no name we know ("Halden Optik aus
            # Jena, an der X 31 Prozent hält, liefert ..."): the clause's names stay inside it
            kind = "rel"
        elif (word in _RELATIVE or (word in _REL_OBJECT and ante is not None)) and "," in prev_sep \
                and (ante is not None or word not in _SUBORD):
            kind = "rel"
        elif word in ("dat", "die") and not prev_sep.strip() and i and _DESCRIPTOR.fullmatch(text[:a].split()[-1] if text[:a].split() else ""):
            kind = "rel"  # "een staatsbedrijf dat machines ontwikkelt, staat ...": a relative clause with no comma before it
        elif word in ("dat", "die") and not prev_sep.strip() and i and a in described_ends:
            # "X, een chipfabriek in Shenzhen die op de lijst staat, ...": the clause describes X, named before the description
            kind = "rel"
            ante = next((j for j, m in enumerate(mentions)
                         if (d := _DESCRIBED_THEN_RELATIVE.match(text, m.end)) is not None and d.end() == a), ante)
        elif word in _SUBORD:
            kind = "sub"
        elif word in _COORD:
            kind = "coord"
        elif word in _REPORT:
            kind = "report"
        else:
            kind = "cont"
        if kind == "cont" and main is not None:
            clauses[main].pieces.append((a, b))
            continue
        if kind == "cont":
            kind = "main"
        clauses.append(_Clause("main" if kind == "main" else kind, [(a, b)], parent=main,
                               antecedent=ante if kind == "rel" else None, rel_prep=rel_prep if kind == "rel" else None,
                               singular=kind == "rel" and word in _SINGULAR_RELATIVE))
        if kind in ("main", "coord", "sub", "report"):
            main = len(clauses) - 1
    return clauses


class _Doc:
    """Article-wide state and the per-sentence analysis the rules read."""

    def __init__(self, ents: DocEntities, date: str | None, language: str = "nl") -> None:
        self.ents, self.date, self.language = ents, date, language
        self.facts: list[Fact] = []
        self.context_lists: list[str] = []  # the lists the article last put names on
        self.context_age = 0  # sentences since; the context holds for CONTEXT_SPAN sentences
        self.context_military = False  # the sentence that put names on them gave the military as the reason
        self.previous_lists: list[str] = []  # the lists the sentence before named (put names on them or not)
        self.bullets_for: list[str] = []  # lists that bullet lines after "...:" join
        self.previous: list[str] = []  # companies the previous sentence named
        self.previous_free: list[str] = []  # the one company it named free of any preposition (its subject), if one
        self.previous_passive = False  # it was a passive naming a company as its agent ("X werd overgenomen door Y")
        self.previous_buying: list[str] = []  # its subject, when it bought or ordered something ("X orderte Anlagen")
        self.previous_owners: list[str] = []  # owners (OWNED_BY tails) the previous sentence stated
        self.previous_parents: list[str] = []  # owners and parents (OWNED_BY, PART_OF tails) it stated
        self.previous_owned: list[str] = []  # what it said they own (OWNED_BY heads), for "the other shares"
        # the company a share of which was last told as a percentage, and how many sentences ago: "X hält 75 Prozent an Y.
        # Y ist eine Tochter von Z. Die restlichen 25 Prozent liegen bei W": the rest is Y's, not Z's subsidiary's
        self.share_owned: list[str] = []
        self.share_age = 0
        self.previous_sellers: list[str] = []  # sellers (SUPPLIED heads) the previous sentence stated
        self.previous_buyers: list[str] = []  # buyers (SUPPLIED tails) it stated
        self.named: Counter[str] = Counter()  # companies by the mentions of them in the sentences read so far
        self.context_buyers: list[str] = []  # a state (or the military) the article says unnamed firms supplied
        self.buyer_age = CONTEXT_SPAN + 1
        self.buyer_sanctioned = False  # the sentence naming that buyer spoke of sanctions
        self.is_authority = {k: r.type == EntityType.GPE or bool(_AUTHORITY.search(" ".join((r.name, *r.aliases))))
                             for k, r in ents.records.items()}

    def military(self) -> str:
        return self.ents.add("military", EntityType.LIST)

    def described(self) -> list[str]:
        """What "het bedrijf", "das Unternehmen" stand for when the sentence
        before named several companies: the one it was about (its subject).
        After a passive that names its agent ("X werd overgenomen door Y",
        "X wurde von Y beliefert") either company may be meant, so none."""
        return [] if self.previous_passive else list(self.previous_free)

    def dod_list(self) -> str:
        """The Pentagon's list of Chinese military companies at the article's date."""
        return self.ents.add(pentagon_list_name(self.date), EntityType.LIST)


class _Sent:
    """One sentence analysed: names, groups, clauses, hedges."""

    def __init__(self, d: _Doc, sent: Sentence, mentions: list[_Mention], prev_members: list[str]) -> None:
        self.d, self.sent = d, sent
        # "für 3,6 Milliarden": a decimal sign cuts no clause and stops no trigger (same length, so offsets hold)
        self.text = _DECIMAL.sub("'", sent.text)
        self.mentions = mentions
        g = 0
        #: the names of verbless share pieces ("..., B und C jeweils zehn Prozent"), for grouping and _more_holders
        self.gapped = gapped_pieces(self.text, [(m.start, m.end, m.key) for m in mentions])
        for i, m in enumerate(mentions):
            m.prep = _governor(self.text, m.start)
            between = self.text[mentions[i - 1].end:m.start] if i else ""
            if i and m.key == mentions[i - 1].key and between.strip() == "(":
                pass  # "China Electronics Corporation (CEC)": the short form in brackets is the same name, one member
            elif i and "," in between and any(mentions[i - 1].end <= a <= m.start for a, _ in self.gapped):
                g += 1  # "an X, B und C jeweils zehn Prozent": B and C start the holders of a share with its verb left out
            elif i and (not (_coordinated(between) or _both_and(self.text, mentions[i - 1].start, between))
                        or _apposition(self.text, mentions, i)
                        or (re.match(r"-[^\W\d_]", self.text[m.end:m.end + 2])  # ", der ZTE-Technik verbaut": no member
                            and not re.match(r"-?\s*(und|en|oder|of)\s", self.text[mentions[i - 1].end - 1:m.start]))):
                # but "Huawei- und ZTE-Technik" names both makers
                g += 1
            m.group = g
        self.clauses = _clauses(self.text, mentions)
        for prev, m in zip(mentions, mentions[1:]):
            if m.prep is None and prev.prep not in (None, "gen") and m.group == prev.group and m.key != prev.key \
                    and self.clause_of(prev.start) == self.clause_of(m.start):
                m.prep = prev.prep  # "an Daimler Truck und den chinesischen Autobauer Nio": both governed by "an"
        self.prev_members = prev_members
        self.denial_at = min((m.start() for m in _DENIAL.finditer(self.text)), default=len(self.text) + 1)
        self.forbidden_sales = [(f.start(), f.end()) for f in _FORBIDDEN_SALE.finditer(self.text)]

    # ---- scope ------------------------------------------------------------------------------------
    def clause_text(self, c: _Clause) -> str:
        """The words of clause ``c`` (its pieces joined), where a clause's cue
        words (a passive's auxiliary, a description) are looked for."""
        return " ".join(self.text[a:b] for a, b in c.pieces)

    def clause_of(self, pos: int) -> int:
        return next((i for i, c in enumerate(self.clauses) if c.contains(pos)), len(self.clauses) - 1)

    def piece_of(self, pos: int) -> tuple[int, int]:
        for c in self.clauses:
            for a, b in c.pieces:
                if a <= pos < b:
                    return a, b
        return 0, len(self.text)

    def hedged(self, pos: int, mask: tuple[int, int] | None = None, stopped_ok: bool = False) -> bool:
        """Negated, hedged or denied at ``pos``: negation and hedges in its comma
        piece, denials anywhere before it, and the same for the clause a
        subordinate or relative clause hangs on.  With ``stopped_ok`` "keine
        ... mehr" is no negation (supply that stopped had happened)."""
        if self.denial_at < pos:
            return True
        a, b = self.piece_of(pos)
        for joined in _JOINED_CLAUSE.finditer(self.text, a, b):
            # "X ist auf der Liste und darf keine Anlagen beziehen": the next clause's negation is its own
            if joined.start() >= pos:
                b = joined.start()
                break
            if joined.end() <= pos and not (mask and mask[0] < joined.end()):
                a = joined.end()
        piece = self.text[a:b]
        if mask:
            k0, k1 = max(mask[0], a) - a, min(mask[1], b) - a
            if k0 < k1:
                piece = piece[:k0] + " " * (k1 - k0) + piece[k1:]
        if stopped_ok:
            piece = _STOPPED.sub(lambda x: " " * len(x.group(0)), piece)
        if _NEGATION.search(piece) or _HEDGE.search(piece):
            return True
        c = self.clauses[self.clause_of(pos)]
        if c.kind == "sub" and c.parent is not None:
            parent = self.clauses[c.parent]
            return any(_HEDGE.search(self.text[x:y]) or _NEGATION.search(self.text[x:y]) for x, y in parent.pieces[-1:])
        return False

    # ---- names ------------------------------------------------------------------------------------
    def in_clause(self, ci: int) -> list[int]:
        c = self.clauses[ci]
        return [i for i, m in enumerate(self.mentions) if c.contains(m.start)]

    def pool(self, name: str) -> Callable[[str], bool]:
        ents, auth = self.d.ents, self.d.is_authority
        if name == "parties":
            return lambda k: ents.get(k).type in (EntityType.ORG, EntityType.GPE)
        if name == "orgs":
            return lambda k: ents.get(k).type == EntityType.ORG
        if name == "owners":  # who may hold a company: a company, a state, a person
            return lambda k: ents.get(k).type in (EntityType.ORG, EntityType.GPE, EntityType.PERSON)
        if name == "authorities":  # public bodies only: one belonging to another is a part of it, not owned
            return lambda k: ents.get(k).type == EntityType.ORG and auth.get(k, False)
        return lambda k: ents.get(k).type == EntityType.ORG and not auth.get(k, False)

    def antecedent_keys(self, c: _Clause, ok: Callable[[str], bool]) -> list[str]:
        """The names relative clause ``c`` is about: its antecedent's group
        ("A en B, die ..."), or the antecedent alone after a singular pronoun
        ("A en B in Hengelo, dat radars bouwt": B)."""
        if c.antecedent is None:
            return []
        if c.singular:
            key = self.mentions[c.antecedent].key
            return [key] if ok(key) else []
        return self.group_keys(c.antecedent, ok)

    def group_keys(self, idx: int, ok: Callable[[str], bool]) -> list[str]:
        g = self.mentions[idx].group
        return list(dict.fromkeys(m.key for m in self.mentions if m.group == g and ok(m.key)))

    def _free_groups(self, idxs: list[int], ok: Callable[[str], bool]) -> list[list[str]]:
        groups: dict[int, list[str]] = {}
        for i in idxs:
            m = self.mentions[i]
            if m.prep is None and ok(m.key) and not self._modifies_next(i):
                groups.setdefault(m.group, [])
                if m.key not in groups[m.group]:
                    groups[m.group].append(m.key)
        # "YMTC, beter bekend als Yangtze Memory, ...": one company named twice is one candidate
        out: list[list[str]] = []
        for keys in groups.values():
            if not any(set(keys) <= set(o) for o in out):
                out.append(keys)
        return out

    def _modifies_next(self, i: int) -> bool:
        """Whether mention ``i`` only qualifies the name after it: "die
        Huawei-Tochter HiSilicon" is about HiSilicon ("der Huawei-Konzern",
        with no name after, is about Huawei)."""
        if i + 1 >= len(self.mentions):
            return False
        m, nxt = self.mentions[i], self.mentions[i + 1]
        gap = self.text[m.end:nxt.start]
        return bool(_COMPOUND_BEFORE_NAME.fullmatch(gap) or _POSSESSIVE_BEFORE_NAME.fullmatch(gap)
                    or (self.text[m.start:m.end].endswith("s") and _GENITIVE_NOUN_BEFORE_NAME.fullmatch(gap)
                        and self.d.ents.get(m.key).type == EntityType.ORG
                        and self.text[m.start:m.end] not in (self.d.ents.get(m.key).name, *self.d.ents.get(m.key).aliases)))

    def _free_description(self, start: int, pos: int) -> bool:
        """A definite description of a company between ``start`` and ``pos``
        that no preposition governs: the subject of a clause that opens with
        something else ("Volgens Washington levert het bedrijf ...")."""
        for m in _DEFINITE_ANY.finditer(self.text, start, pos):
            words = _words_before(self.text, m.start())
            if not words or words[-1][1].lower() not in _PREPS:
                return True
        return False

    def _described_after_verb(self, pos: int) -> bool:
        """A definite description of a company right after the verb at ``pos``
        (verb second after an adverbial: "Daarnaast levert de sensormaker ...",
        "Außerdem beliefert der Konzern ..."), with no name right after it
        ("liefert der Ausrüster Nordkapp ...": the name is the subject)."""
        verb = re.match(r"[\w-]+\s+", self.text[pos:])
        described = _DEFINITE_ANY.match(self.text, pos + verb.end()) if verb else None
        if not described:
            return False
        end = described.end() + len(self.text[described.end():]) - len(self.text[described.end():].lstrip())
        return not any(m.start == end for m in self.mentions)

    def owner(self, ci: int, pos: int, ok: Callable[[str], bool]) -> list[str] | None:
        """Who holds a stake: a government named by nationality before the
        trigger when no name is ("Die chinesische Regierung hält ..."), else
        the clause's subject.  The government comes first because the
        subject's fallbacks would otherwise reach for the sentence before."""
        if not self._free_groups([i for i in self.in_clause(ci) if self.mentions[i].start < pos], ok):
            before = " ".join(self.text[a:min(b, pos)] for a, b in self.clauses[ci].pieces if a < pos)
            for pattern, name in _NATIONAL:
                if pattern.search(before):
                    return [self.d.ents.add(name, EntityType.GPE)]
        a, _ = self.piece_of(pos)
        if a > self.clauses[ci].start:
            # "An X hält A 70 Prozent, B und C sind mit jeweils zehn Prozent beteiligt": the comma piece's own holders
            own = self._free_groups([i for i in self.in_clause(ci) if a <= self.mentions[i].start < pos], ok)
            if len(own) == 1:
                return own[0]
        return self.subject(ci, pos, ok)

    def apposed(self, pos: int, ok: Callable[[str], bool]) -> list[str]:
        """The name a noun at ``pos`` stands in apposition to ("door HiSilicon,
        de chipdivisie van Huawei": HiSilicon, whatever governs it): the comma
        piece holding ``pos`` opens with an article and at most three lower-case
        words before it (or with the noun itself: "naar Nexperia, onderdeel van
        Wingtech"), right after a name and its comma."""
        a, _ = self.piece_of(pos)
        opens = self.text[a:pos]
        if not (_APPOSITION_OPENS.fullmatch(opens) or (not opens.strip() and _APPOSED_NOUN.match(self.text, pos))):
            return []
        # "an die X in Dresden, eine Tochter von Y": a town the text gives no mention for may stand between
        before = [i for i, m in enumerate(self.mentions) if m.end <= a and (
            re.fullmatch(r"\s*,\s*", self.text[m.end:a]) or _FROM_PLACE_COMMA.fullmatch(self.text[m.end:a])
            or _VERB_END_COMMA.fullmatch(self.text[m.end:a]))]
        if before and before[-1] > 0 and _FROM_PLACE.fullmatch(
                self.text[self.mentions[before[-1] - 1].end:self.mentions[before[-1]].start]):
            before[-1] -= 1  # "die Oberland GmbH aus Rosenheim, eine Tochter von Y": the company, not its town
        elif before and _TOWN_BEFORE.search(self.text, 0, self.mentions[before[-1]].start):
            return []  # "Velder Optik uit Jena, een dochter van Y": a name the text gives no mention for; never its town
        if before and _ONE.match(opens):  # "Piotech en SMEE, een dochter van X": one of them, the one right before
            return [self.mentions[before[-1]].key] if ok(self.mentions[before[-1]].key) else []
        return self.group_keys(before[-1], ok) if before else []

    def _dative_before_verb(self, ci: int, idxs: list[int], before: list[list[str]], pos: int) -> bool:
        """In a relative clause, the one free name before the verb at ``pos`` is in
        the dative: every mention of it follows an article only the German dative
        has ("dem", "einem"), maybe with adjectives and a company noun between
        ("JSR, der seit 2024 dem Fonds JIC gehört"): the object, the pronoun the subject."""
        c = self.clauses[ci]
        if len(before) != 1 or c.kind != "rel" or c.antecedent is None:
            return False
        return self._only_dative(idxs, before[0], pos)

    def _only_dative(self, idxs: list[int], group: list[str], pos: int) -> bool:
        """Every mention of ``group`` before ``pos`` follows an article only the German dative has."""
        starts = [self.mentions[i].start for i in idxs if self.mentions[i].key in group and self.mentions[i].start < pos]
        return bool(starts) and all(_DATIVE_BEFORE.search(self.text, 0, st) for st in starts)

    def subject(self, ci: int, pos: int, ok: Callable[[str], bool]) -> list[str] | None:
        """The clause's subject (see the grammar's docstring); ``None`` when unclear."""
        c = self.clauses[ci]
        if c.kind == "main":
            apposed = self.apposed(pos, ok) or self._described_before_relative(ci, pos, ok)
            if apposed:
                return apposed
        idxs = self.in_clause(ci)
        if c.kind == "rel" and c.rel_prep:  # "CETC, zu dem auch Hikvision gehört": the pronoun is no subject
            free = self._free_groups(idxs, ok)
            return free[0] if len(free) == 1 else None
        before = self._free_groups([i for i in idxs if self.mentions[i].start < pos], ok)
        described = _DEFINITE.match(self.text[c.start:]) if c.kind == "main" else None
        if described and len(before) == 1 and pos > c.start + described.end() and self._only_dative(idxs, before[0], pos):
            # "Das Unternehmen gehört dem Investor Y und beliefert Z": the description is the subject, not Y
            found = self.subject(ci, c.start + described.end(), ok)
            return None if found is None or set(found) & set(before[0]) else found
        role = self._pronoun_role(ci, pos)
        if role == "subject":
            return self.antecedent_keys(c, ok) or None
        if role == "object":
            return before[0] if len(before) == 1 else None
        named_before = self._free_groups([i for i in idxs if self.mentions[i].start < pos], lambda k: True)
        # a name in the dative is no subject, whoever it names ("..., die dem Land Sachsen gehört"); the pronoun is
        if self._dative_before_verb(ci, idxs, named_before, pos):
            return self.antecedent_keys(c, ok) or None
        if len(before) == 1 or (len(before) == 2 and self._verb_last(ci, pos)):
            return before[0]
        if len(before) > 1:
            return None
        if not before and named_before:
            return None  # the subject is named but is no candidate ("Das BIS entzog Intel ..."): never the object
        if c.kind != "rel" and _PASSIVE_AUX.search(self.clause_text(c)) \
                and not _DEFINITE.match(self.text[c.start:]):  # "Das Unternehmen wird von X versorgt": the description is the subject
            # "Die Chips werden von TSMC für Apple gefertigt": the agent acts, not the sentence before
            agents = self.governed(ci, _AGENT_PREPS, ok)
            if agents:
                return agents
        if c.kind == "rel" and c.antecedent is not None:
            keys = self.antecedent_keys(c, ok)
            return keys or None
        if c.kind == "sub" and c.parent is not None and _DEFINITE.match(re.sub(r"^\W*[\w-]+", "", self.text[c.start:])):
            # "setzte X auf die Liste, weil das Unternehmen Bauteile an das Militär liefert": the one company of the
            # clause it gives a reason for
            named = list(dict.fromkeys(self.mentions[i].key for i in self.in_clause(c.parent) if ok(self.mentions[i].key)))
            if len(named) == 1:
                return named
        opener = re.match(r"\W*[\w-]+\s+([\w-]+)", self.text[c.start:])
        if c.kind == "coord" and _DEFINITE.match(re.sub(r"^\W*[\w-]+", "", self.text[c.start:])):
            return None  # "..., maar de smartphonemaker koopt ...": a subject of its own, described (not the first clause's)
        if c.kind in ("sub", "coord") and c.parent is not None and (
                (opener and opener.group(1).lower() in _SUBJ_PRONOUNS) or c.kind == "coord"):
            parent = self.clauses[c.parent]
            return self.subject(c.parent, parent.pieces[-1][1], ok)
        if self._pronoun_subject(c) and self.prev_members:
            return [k for k in self.prev_members if ok(k)] or None
        if len(self.prev_members) == 1 and ok(self.prev_members[0]) and self._singular_pronoun_subject(c):
            return list(self.prev_members)  # "X kam auf die Liste. Er soll Bauteile an das Militär geliefert haben"
        if _GROUP_DESCRIPTION.match(self.text[c.start:]) and self.d.previous_parents and len(self.d.previous) > 1 \
                and not self.d.previous_passive:
            # "X is onderdeel van Y. Het staatsconcern is ook eigenaar van Z": the group is Y, the parent just named
            parents = [k for k in self.d.previous_parents if ok(k)]
            return parents if len(parents) == 1 else None
        if _DEFINITE.match(self.text[c.start:]) and re.search(r"[:;]\s*$", self.text[:c.start]):
            # "Anders bei X: Die Firma wurde ... gekauft": the one company named before the colon
            named = list(dict.fromkeys(m.key for m in self.mentions if m.end <= c.start and ok(m.key)))
            if len(named) == 1:
                return named
        if _DEFINITE.match(self.text[c.start:]) and len(self.d.previous) == 1 and ok(self.d.previous[0]):
            return list(self.d.previous)  # "Der Münchner Konzern bezieht ...": the one company named just before
        if _DEFINITE.match(self.text[c.start:]) and not self.d.previous_free and len(self.d.previous_sellers) == 1 \
                and ok(self.d.previous_sellers[0]):
            return list(self.d.previous_sellers)  # "Zu den Kunden von X zählen A und B. Der Hersteller ...": the seller X
        if _DEMONSTRATIVE_PRONOUN.match(self.text[c.start:]):  # "Dieser gehört ...": the name last named, whatever else
            return self.referent(c.start, ok) or None
        about = self.d.previous if len(self.d.previous) == 1 else \
            ([] if self.d.previous_passive else self.d.previous_free or self.d.previous_sellers)
        if len(about) == 1 and ok(about[0]) and (self._free_description(c.start, pos) or self._described_after_verb(pos)):
            return list(about)  # "Volgens Washington levert het bedrijf ...": a description after the verb
        referent = self.referent(c.start, ok)
        if referent:
            return referent
        after = self._free_groups([i for i in idxs if self.mentions[i].start >= pos], ok)
        if after:
            return after[0]
        agents = self.governed(ci, frozenset({"door", "durch"}), ok)  # passive: "door ASML geleverd"
        return agents or None

    def referent(self, start: int, ok: Callable[[str], bool]) -> list[str]:
        """What a clause opening at ``start`` with a demonstrative ("Dat bedrijf",
        "Dieses Unternehmen", "Dieser gehört ...": the company the sentence before named last) or a
        parent noun ("Het moederbedrijf", "Der Mutterkonzern": the one owner the
        sentence before stated) stands for; [] when it opens with neither."""
        text = self.text[start:]
        if (_DEMONSTRATIVE.match(text) or _DEMONSTRATIVE_PRONOUN.match(text)) and self.d.previous and ok(self.d.previous[-1]):
            return [self.d.previous[-1]]
        if _PARENT.match(text) and len(self.d.previous_owners) == 1 and ok(self.d.previous_owners[0]):
            return list(self.d.previous_owners)
        if _BOTH.match(text) and len(self.d.previous) == 2 and all(ok(k) for k in self.d.previous):
            return list(self.d.previous)  # "Beide fabrikanten staan ...": the two companies the sentence before named
        if _FUND.match(text):  # "Het fonds is ook eigenaar van ...": the one fund the sentence before named
            funds = [k for k in dict.fromkeys(self.d.previous + self.d.previous_owners) if ok(k)
                     and _FUND_NAME.search(self.d.ents.get(k).name)]
            return funds if len(funds) == 1 else []
        return []

    def passive_with_agent(self, ok: Callable[[str], bool]) -> bool:
        """Whether a passive clause names one company free (the patient) and
        another as its agent ("door Y", "von Y", "durch Y"): a description in
        the next sentence may then stand for either."""
        for ci, c in enumerate(self.clauses):
            if not _PASSIVE_AUX.search(self.clause_text(c)):
                continue
            idxs = [i for i in self.in_clause(ci) if ok(self.mentions[i].key)]
            agents = {self.mentions[i].group for i in idxs if self.mentions[i].prep in _AGENT_PREPS}
            free = {self.mentions[i].group for i in idxs if self.mentions[i].prep is None}
            if agents and free - agents:
                return True
        return False

    def _pronoun_subject(self, c: _Clause) -> bool:
        first = re.match(r"\W*([\w-]+)", self.text[c.start:])
        return bool(first and first.group(1).lower() in _PLURAL_PRONOUNS)

    def _singular_pronoun_subject(self, c: _Clause) -> bool:
        """A clause opening with "hij" or (German) "er": the one name just listed.
        Dutch "er" opens clauses with no subject ("Er werden chips geleverd")."""
        first = re.match(r"\W*([\w-]+)", self.text[c.start:])
        word = first.group(1) if first else ""
        return word.lower() == "hij" or (word == "Er" and self.d.language == "de")

    def _verb_last(self, ci: int, pos: int) -> bool:
        """Whether nothing named follows the trigger in the clause (verb-last order)."""
        return not any(self.mentions[i].start > pos for i in self.in_clause(ci))

    def _pronoun_role(self, ci: int, pos: int) -> str | None:
        """"subject" or "object": what a German relative pronoun's case makes
        the antecedent of a verb-last clause with one other name before the
        verb at ``pos`` ("X, der auch Y kontrolliert": X controls Y; "Y, den X
        kontrolliert": X controls Y); None when the case says nothing."""
        c = self.clauses[ci]
        if c.kind != "rel" or c.antecedent is None or not self._verb_last(ci, pos):
            return None
        first = re.match(r"\W*([\w-]+)", self.text[c.start:])
        word = first.group(1).lower() if first else ""
        if len(self._free_groups([i for i in self.in_clause(ci) if self.mentions[i].start < pos], lambda k: True)) != 1:
            return None
        if word in _REL_SUBJECT and not _DATIVE_VERB.search(self.text[c.start:pos + 12]):
            return "subject"  # ("X, der Y gehört": "der" is a dative there, Y owns nothing of it)
        return "object" if word in _REL_OBJECT else None

    def object(self, ci: int, pos: int, ok: Callable[[str], bool]) -> list[str] | None:
        idxs = self.in_clause(ci)
        role = self._pronoun_role(ci, pos)
        if role == "subject":
            before = self._free_groups([i for i in idxs if self.mentions[i].start < pos], ok)
            return before[0] if len(before) == 1 else None
        if role == "object":
            return self.antecedent_keys(self.clauses[ci], ok) or None
        after = self._free_groups([i for i in idxs if self.mentions[i].start >= pos], ok)
        if len(after) >= 2 and not self._free_groups([i for i in idxs if self.mentions[i].start < pos], lambda k: True) \
                and not _DEFINITE.match(self.text[self.clauses[ci].start:]):
            return after[1]  # verb second after an adverbial: "Seit 2019 gehört Nexperia dem Konzern Wingtech"
        if after:
            return after[0]
        before = self._free_groups([i for i in idxs if self.mentions[i].start < pos], ok)
        if self._dative_before_verb(ci, idxs, before, pos):
            return before[0]  # "JSR, der dem Fonds JIC gehört": the verb last, its dative object before it
        return before[1] if len(before) == 2 else None

    def sold_company(self, ci: int, pos: int) -> list[str]:
        """The company a sale verb at ``pos`` names as its object ("Tessaro
        verkocht Orvane in 2021 aan Keystone"): a free company name right after
        the verb, a free name before it (the seller; a name after the verb in
        "Vorig jaar verkocht ASML ..." is the subject), and a buyer after it
        governed by "aan"/"an"."""
        ok = self.pool("companies")
        idxs = self.in_clause(ci)
        if not self._free_groups([i for i in idxs if self.mentions[i].start < pos], lambda k: True):
            return []
        after = [i for i in idxs if self.mentions[i].start >= pos]
        if len(after) < 2 or self.mentions[after[0]].prep is not None or not ok(self.mentions[after[0]].key):
            return []
        group = self.mentions[after[0]].group
        rest = [i for i in after if self.mentions[i].group != group]
        if not rest or self.mentions[rest[0]].prep not in ("aan", "an"):
            return []
        gap = self.text[self.mentions[after[0]].end:self.mentions[rest[0]].start]
        if re.search(r"[,;:()]", gap) or len(gap.split()) > 5:
            return []
        return self.group_keys(after[0], ok)

    def governed(self, ci: int, preps: frozenset[str], ok: Callable[[str], bool], after: int | None = None,
                 nearest_after: int | None = None, before: int | None = None) -> list[str] | None:
        if preps & _GENITIVE:
            preps = preps | {"gen"}
        idxs = [i for i in self.in_clause(ci) if ok(self.mentions[i].key) and (after is None or self.mentions[i].start >= after)
                and not self._modifies_next(i)  # "von dem LED-Hersteller Sanan": Sanan, not a name inside the compound
                and (before is None or self.mentions[i].start < before)
                and (self.mentions[i].prep in preps or _CONTRACTED.get(self.mentions[i].prep or "") in preps)]  # "beim" is "bei
        groups = list(dict.fromkeys(self.mentions[i].group for i in idxs))
        if len(groups) > 1:
            # "nach China an SMIC": a country beside a company is where the goods went, the company who got them
            is_org = self.pool("orgs")
            firms = [i for i in idxs if is_org(self.mentions[i].key)]
            if len({self.mentions[i].group for i in firms}) == 1:
                idxs, groups = firms, [self.mentions[firms[0]].group]
        if len(groups) > 1 and self._joined_phrases(idxs):
            return list(dict.fromkeys(k for i in idxs for k in self.group_keys(i, ok)))  # "an Trumpf und an Zeiss"
        if len(groups) > 1 and nearest_after is not None:
            # "kauft Anlagen bei A und bezieht Teile von B": each verb's own phrase is the first after it
            later = [i for i in idxs if self.mentions[i].start >= nearest_after]
            if later:
                idxs, groups = later[:1], [self.mentions[later[0]].group]
        if not groups:
            c = self.clauses[ci]
            if c.rel_prep and c.rel_prep in preps and c.antecedent is not None:
                return self.antecedent_keys(c, ok) or None  # "CETC, zu dem auch Hikvision gehört": CETC
        if len(groups) != 1:
            return None if len(groups) > 1 else self.governed_description(ci, preps, ok, after)
        return self.group_keys(idxs[0], ok)  # "aan TSMC, Samsung en Intel": the preposition governs the group

    def _joined_phrases(self, idxs: list[int]) -> bool:
        """Whether the governed names ``idxs`` are one phrase repeated with
        "und"/"en" ("an Trumpf und an den Optikkonzern Zeiss"): each later
        group's preposition follows a conjunction right after the one before."""
        firsts: dict[int, int] = {}
        for i in idxs:
            firsts.setdefault(self.mentions[i].group, i)
        order = sorted(firsts.values())
        for a, b in zip(order, order[1:]):
            last = max(i for i in idxs if self.mentions[i].group == self.mentions[a].group)
            gap = self.text[self.mentions[last].end:self.mentions[b].start]
            if not re.match(r"[\s,]*(und|en|and|sowie|evenals|oder|of)\s+" + re.escape(self.mentions[b].prep or "-") + r"\b", gap, re.I):
                return False
        return True

    def governed_description(self, ci: int, preps: frozenset[str], ok: Callable[[str], bool],
                             after: int | None = None) -> list[str]:
        """"hält 20 Prozent an dem Unternehmen", "een belang in het bedrijf":
        a preposition that governs no name but a definite description of a
        company stands for the one company the sentence before named (or
        the one it named free of a preposition: its subject).  A noun that
        says what the company makes ("de fabrikant", "des Waferherstellers")
        may be either company of a sentence that named two, so it needs one."""
        about = self.d.previous if len(self.d.previous) == 1 else self.d.described()
        if len(about) != 1 or not ok(about[0]):
            return []
        if len({m.group for m in self.mentions if ok(m.key)}) >= 2:
            return []  # "Infineon ist Kunde der Siltronic, die für den Münchner Konzern fertigt": this sentence's own company
        words = preps - {"gen"}
        for a, b in self.clauses[ci].pieces:
            # every word may open the phrase ("Kunden des Unternehmens": "des", not "Kunden")
            found = (_GOVERNED_DESCRIPTION.match(self.text, w.start(), b) for w in _WORD_START.finditer(self.text, a, b))
            for m in filter(None, found):
                if (after is None or m.start() >= after) and (m.group("prep").lower() in words
                                                              or _CONTRACTED.get(m.group("prep").lower()) in words):
                    if any(0 <= x.start - m.end() <= 1 for x in self.mentions):
                        continue  # "der Leistungshalbleiterhersteller Infineon": the noun introduces a name, no description
                    if set(about) <= set(self.d.previous_buying) and _CUSTOMERS_BEFORE.search(self.text[:m.start()]):
                        return []  # "X orderte Anlagen. Auch Y zählt zu den Kunden des Unternehmens": not X, a buyer too
                    generic = _GENERIC_COMPANY.search(m.group(0))
                    return list(about) if generic or len(self.d.previous) == 1 else []
        return []

    def maker_and_agent(self, ci: int, pos: int, ok: Callable[[str], bool]) -> tuple[list[str], list[str]]:
        """Before a verb-last passive participle at ``pos`` ("Die Anlagen von X
        werden vom Y eingesetzt"): the first name under "van/von" (the maker)
        and the last name after it under "von/vom/door/durch" (the agent);
        ([], []) unless both stand there, in two groups."""
        before = [i for i in self.in_clause(ci) if self.mentions[i].start < pos and ok(self.mentions[i].key)]
        makers = [i for i in before if self.mentions[i].prep in ("van", "von")]
        if not makers or any(self.mentions[i].start > pos for i in self.in_clause(ci)):
            return [], []
        first = makers[0]
        agents = [i for i in before if self.mentions[i].start > self.mentions[first].end
                  and self.mentions[i].prep in _AGENT_PREPS and self.mentions[i].group != self.mentions[first].group]
        if not agents:
            return [], []
        return self.group_keys(first, ok), self.group_keys(agents[-1], ok)

    def next_group(self, end: int, ok: Callable[[str], bool]) -> list[str]:
        nxt = next((i for i, m in enumerate(self.mentions) if m.start >= end), None)
        if nxt is None:
            return []
        gap = self.text[end:self.mentions[nxt].start]
        # "twee defensiebedrijven, A en B": a plural noun and the names it stands for, after a comma
        listed = gap.strip() == "," and self.text[:end].lower().endswith(("en", "e"))
        if len(gap) > 40 or len(gap.split()) > 3 or re.search(r"[,;:()]", gap) and not listed:
            return []
        if any(w.lower() in _PREPS for w in gap.split()):
            return []  # "kontrollierten Lieferungen an Nexperia": the name belongs to another phrase
        return self.group_keys(nxt, ok)

    def next_one(self, end: int, ok: Callable[[str], bool]) -> list[str]:
        """The first name of ``next_group``: "die Waferfertigung des Herstellers X und der Firma Y" is X's unit."""
        group = self.next_group(end, ok)
        nxt = next((m for m in self.mentions if m.start >= end), None)
        return [nxt.key] if group and nxt is not None and nxt.key in group else []

    def possessor(self, start: int, ok: Callable[[str], bool]) -> list[str]:
        """The name that owns the word at ``start`` by a possessive right before it
        ("Huawei's dochter", "Huaweis Tochter": the genitive is part of the name's span)."""
        return [m.key for m in self.mentions if ok(m.key) and m.end <= start
                and re.fullmatch(r"(['’]s?)?\s+", self.text[m.end:start]) and (self.text[m.end:start].strip()
                                                                        or self.text[m.start:m.end].endswith("s"))][-1:]

    def attached(self, start: int, ok: Callable[[str], bool]) -> list[str]:
        """The name a hyphen joins to the word at ``start`` ("Huawei-Tochter")."""
        return [m.key for m in self.mentions if start - 2 <= m.end <= start and ok(m.key)][-1:]

    # ---- lists and authorities -------------------------------------------------------------------
    def lists_in(self, ci: int) -> list[str]:
        """Lists named in the clause (not those something is taken off)."""
        c = self.clauses[ci]
        named = [m.key for m in self.mentions if c.contains(m.start) and self.d.ents.get(m.key).type == EntityType.LIST
                 and m.key != MILITARY_ID and m.prep not in ("van", "von", "uit", "aus")]
        text = self.clause_text(c)
        pattern, cue, _, unless = _LIST_PHRASES[0]  # a blacklist "of Chinese military companies" is the Pentagon's
        if pattern.search(text) and cue.search(text) and not unless.search(self.text):
            return [self.d.dod_list()]
        if named and unless.search(self.text):  # "die Liste chinesischer Militärunternehmen" of the Treasury
            military = {entity_id(n, EntityType.LIST) for n in ("DoD Section 1260H list", "DoD Section 1237 list")}
            named = [self.d.ents.add("NS-CMIC List", EntityType.LIST) if k in military else k for k in named]
        if named:
            return list(dict.fromkeys(named))
        for pattern, cue, lst, unless in _LIST_PHRASES:
            if pattern.search(text) and cue.search(self.text) and not unless.search(self.text):
                return [self.d.dod_list() if lst == "DOD" else self.d.ents.add(lst, EntityType.LIST)]
        return []

    def list_anaphor(self, ci: int) -> list[str]:
        """The list a bare definite "de lijst", "der Liste", "diese Liste" in
        the clause stands for: the list the article last put names on (within
        CONTEXT_SPAN sentences), else the list the sentence before named;
        [] when the clause says no such words or describes its list ("die
        Liste der Militärunternehmen" is a list of its own)."""
        text = self.clause_text(self.clauses[ci])
        if not _BARE_LIST.search(text):
            return []
        if self.d.context_lists and self.d.context_age <= CONTEXT_SPAN:
            return list(self.d.context_lists)
        return list(self.d.previous_lists)

    def authority(self, ci: int, pos: int, end: int | None = None) -> list[str]:
        """The authority of a ban: a named agency or state in the clause (else
        the sentence), else a government named by nationality."""
        auth = self.d.is_authority
        types = self.d.ents.get
        for scope in (self.in_clause(ci), range(len(self.mentions))):
            orgs = [self.mentions[i].key for i in scope if auth.get(self.mentions[i].key)
                    and types(self.mentions[i].key).type == EntityType.ORG]
            if orgs:
                return orgs[:1]
        for pattern, name in _NATIONAL:
            if pattern.search(self.text):
                return [self.d.ents.add(name, EntityType.GPE)]
        ministry = _MINISTRY.search(self.text)
        if ministry:  # "het ministerie van Binnenlandse Zaken": a Dutch ministry, named by its portfolio
            return [self.d.ents.add(ministry.group(0), EntityType.ORG)]
        states = [m.key for m in self.mentions if types(m.key).type == EntityType.GPE and m.start < pos
                  and m.prep not in ("aan", "naar", "an", "nach", "in", "uit", "aus", "to")]
        if not states and end is not None:  # verb second after an adverbial: "Eerder verbood Zweden ...": the state after the verb
            states = [m.key for m in self.mentions if types(m.key).type == EntityType.GPE and m.prep is None
                      and re.fullmatch(r"\s*", self.text[end:m.start])]
        return list(dict.fromkeys(states))[:1] if len(set(states)) == 1 else []

    def about(self, ok: Callable[[str], bool]) -> list[str]:
        """What a plain "het bedrijf", "das Unternehmen" in this sentence stands
        for: the one company the sentence before named, else the one it was
        about (``_Doc.described``), unless it was named there as a buyer ("Ook
        X is een afnemer. Grootaandeelhouder is Y": Y owns the seller that
        sentence was about, not X); [] when that is unclear."""
        about = self.d.previous if len(self.d.previous) == 1 else self.d.described()
        if len(about) == 1 and about[0] in self.d.previous_buyers:
            about = self.d.previous_sellers  # the seller that sentence went on about ("Ook X is een afnemer": of whom)
        return list(about) if len(about) == 1 and ok(about[0]) and about[0] not in self.d.previous_buyers else []

    def banned(self, ci: int, end: int, after_only: bool = False) -> list[str]:
        ok = self.pool("companies")
        eligible = [i for i in self.in_clause(ci) if self.mentions[i].prep in _BANNED_PREPS and ok(self.mentions[i].key)]
        if not eligible and _OBJECT_DESCRIPTION.search(self.clause_text(self.clauses[ci])) and not after_only:
            return self.about(ok)  # "verbiedt het bedrijf ... te exporteren", "hat dem Unternehmen die Ausfuhr untersagt"
        after = [i for i in eligible if self.mentions[i].start >= end]
        if after:
            return self.group_keys(after[0], ok)
        if after_only:
            return []
        groups = {self.mentions[i].group for i in eligible}  # verb last: "... van Micron verboden"
        return self.group_keys(eligible[0], ok) if len(groups) == 1 else []

    def listed(self, ci: int, pos: int) -> list[str] | None:
        ok = self.pool("companies")
        described = self._described_before_relative(ci, pos, ok)
        if described:
            return described
        such = _SUCH_AS.search(self.text, pos) or _SUCH_AS.search(self.text)
        if such:
            keys = [k for i, m in enumerate(self.mentions) if m.start >= such.end() and m.prep is None
                    for k in self.group_keys(i, ok)]
            if keys:
                return list(dict.fromkeys(keys))
        likewise = [i for i in range(len(self.mentions)) if _LIKEWISE.search(self.text[:self.mentions[i].start])
                    or (_TOGETHER.search(self.text[:self.mentions[i].start]) and self.clauses[ci].contains(self.mentions[i].start))]
        # (not the list's owner: "auf der 1260H-Liste des Pentagons")
        owners = {i for i in self.in_clause(ci) if _LIST_OWNER_BEFORE.search(self.text, 0, self.mentions[i].start)}
        groups = _possessive_joined(self._free_groups([i for i in self.in_clause(ci) if i not in likewise and i not in owners], ok),
                                    self.text, self.mentions)
        if len(groups) == 1:  # "X werd op de lijst gezet, net als Y": Y too
            return list(dict.fromkeys(groups[0] + [k for i in likewise for k in self.group_keys(i, ok)]))
        if not groups:
            c = self.clauses[ci]
            if c.kind == "rel" and c.antecedent is not None:
                return self.antecedent_keys(c, ok) or None
            if c.kind == "rel" and c.parent is not None and _ONE_OF_THE_COMPANIES.search(self.text[:c.start]):
                pieces = [a for a, _ in self.clauses[c.parent].pieces if a < c.start]
                if pieces and self.hedged(pieces[-1]):
                    return None  # "X gehört nicht zu den Unternehmen, die ...": not one of them
                parent = self._free_groups(self.in_clause(c.parent), ok)
                return parent[0] if len(parent) == 1 else None
            if _DEFINITE_ANY.search(self.clause_text(c)) and len(self.d.previous) == 1:
                return list(self.d.previous)  # "de onderneming": the one company the sentence before named
            return self.referent(c.start, ok) or None
        return None

    def _described_before_relative(self, ci: int, pos: int, ok: Callable[[str], bool]) -> list[str]:
        """"een dochter van Y, een Chinese groep die op de lijst werd gezet":
        a relative pronoun right after a description noun, with no comma, in
        the clause before ``pos``: the clause is about the name the
        description stands beside (Y), not the sentence's subject."""
        if self.d.language != "nl":
            return []
        found = list(_DESCRIPTOR_THEN_RELATIVE.finditer(self.text, self.clauses[ci].start, pos))
        rel = found[-1] if found else None  # the one nearest the trigger
        if rel is None or not _DESCRIPTOR.fullmatch(rel.group(1).lower()) or re.search(r"[,;:]", self.text[rel.end():pos]):
            return []
        comma = self.text.rfind(",", 0, rel.start(1))
        if comma < 0 or not _ARTICLE_AND_WORDS.fullmatch(self.text[comma + 1:rel.start(1)]):
            return []  # the description opens no apposition ("het bedrijf dat ...")
        before = [i for i, m in enumerate(self.mentions) if m.end <= comma and not self.text[m.end:comma].strip()]
        return self.group_keys(before[-1], ok) if before else []

    def members(self, ci: int, end: int) -> list[str]:
        ok = self.pool("companies")
        c = self.clauses[ci]
        keys = [m.key for m in self.mentions if m.start >= end and m.prep in _MEMBER_PREPS and ok(m.key)
                and any(a <= m.start < b for a, b in c.pieces if b > end)]
        return list(dict.fromkeys(keys))

    # ---- the two ends of a removal: "Vodafone hat Huawei aus dem Kernnetz verbannt" -------------
    def _before(self, ci: int, pos: int, ok: Callable[[str], bool], preps: frozenset[str | None]) -> list[list[str]]:
        groups: dict[int, list[str]] = {}
        for i in self.in_clause(ci):
            m = self.mentions[i]
            if m.start < pos and m.prep in preps and ok(m.key):
                groups.setdefault(m.group, [])
                if m.key not in groups[m.group]:
                    groups[m.group].append(m.key)
        return list(groups.values())

    def first_before(self, ci: int, pos: int, ok: Callable[[str], bool]) -> list[str] | None:
        """The first free name of the clause before ``pos`` (the one acting):
        before a phrase like "aus dem Kernnetz" the verb is not yet known, so
        the subject is the first name, whatever follows."""
        before = self._before(ci, pos, ok, frozenset({None}))
        if before:
            return before[0]
        clause = " ".join(self.text[a:min(b, pos)] for a, b in self.clauses[ci].pieces if a < pos)
        if _DEFINITE_ANY.search(clause) and len(self.d.previous) == 1 and ok(self.d.previous[0]):
            return list(self.d.previous)  # "entschied sich der Konzern, ...": the one company named just before
        return None

    def second_before(self, ci: int, pos: int, ok: Callable[[str], bool]) -> list[str] | None:
        """The name acted on before ``pos``: the second name (free, or the maker
        "Technik von Huawei"), else a pronoun object ("hat es ... vertrieben")
        standing for the one company the sentence before named."""
        before = self._before(ci, pos, ok, frozenset({None, "van", "von", "gen"}))
        if len(before) == 2:
            return before[1]
        if len(before) > 2:
            return None
        clause = " ".join(self.text[a:min(b, pos)] for a, b in self.clauses[ci].pieces if a < pos)
        prev = [k for k in self.d.previous if ok(k) and not any(k in g for g in before)]
        if len(before) == 1 and _OBJECT_PRONOUN.search(clause) and len(prev) == 1:
            return prev
        if not before and _VENDOR_DESCRIPTION.search(clause):  # "den chinesischen Ausrüster ... zu verbannen"
            actor = set(self.first_before(ci, pos, ok) or [])
            named = list(dict.fromkeys(m.key for m in self.mentions if ok(m.key) and m.key not in actor))
            if len(named) == 1 and actor:
                return named
        return None

    def compound_maker(self, ci: int, ok: Callable[[str], bool]) -> list[str]:
        """The maker a goods compound names ("ZTE-Technik", "Huawei-apparatuur"):
        the one company of the clause written with a hyphen before a goods noun."""
        idxs = [i for i in self.in_clause(ci) if ok(self.mentions[i].key) and _MAKER_COMPOUND.match(self.text, self.mentions[i].end)]
        keys = list(dict.fromkeys(self.mentions[i].key for i in idxs))
        if len(keys) == 1:  # "Huawei- und ZTE-Technik": the first half of the compound is a maker too (one group)
            return self.group_keys(idxs[0], ok)
        return []

    def context_company(self, ok: Callable[[str], bool], ci: int | None = None) -> list[str]:
        """The seller a sentence with no name of its own goes on about ("Zu
        seinen Kunden zählen X und Y"): the one company the sentence before
        named as its subject (not "... verkaufte die Sparte an X"), else the
        one seller it stated ("X levert aan A en B. Tot de klanten behoort ook C").
        The seller comes first: "Der Hersteller beliefert Y. Auch Z gehört zu den
        Abnehmern" names only Y, the buyer, but states the seller."""
        if ci is not None:
            start = self.clauses[ci].start
            before = [m for m in self.mentions if ok(m.key) and m.start < start]
            if before:
                # "X liefert Scheiben an Chiphersteller; zu den wichtigsten Abnehmern gehören A und B": the one seller
                # the clause before names, free of a preposition, with a verb of selling
                sells = _SELLS.search(self.text[:start])
                free = list(dict.fromkeys(m.key for m in before if m.prep is None and sells and m.start < sells.start()))
                if len(free) == 1:
                    return free  # the seller before its verb ("X beliefert Y, doch zu den größten Kunden gehören A und B")
                return []  # "Die X-Chips stecken in Autos von Y; auch Z zählt zu den Abnehmern": this sentence's own seller, unread
        sellers = self.d.previous_sellers
        if len(sellers) == 1 and ok(sellers[0]):
            return list(sellers)
        if self.d.previous == self.d.previous_free and len(self.d.previous) == 1 and ok(self.d.previous[0]):
            return [self._leader_over(self.d.previous[0])]
        return []

    def _leader_over(self, key: str) -> str:
        """``key``, unless the article so far is plainly about another company: named at least three times and
        twice as often ("SVT ... SVT ... Ein Verkauf an den Investor X scheiterte. Zu den Kunden gehören A und B":
        SVT's customers, not the failed buyer's)."""
        top = self.d.named.most_common(1)
        if top and top[0][0] != key and top[0][1] >= 3 and top[0][1] >= 2 * self.d.named[key]:
            return top[0][0]
        return key

    def opening(self, pos: int, ok: Callable[[str], bool]) -> list[str]:
        """The company the sentence opens with as its subject, before ``pos``
        ("ASML haalde ..., waar klanten zoals X ..."): the first name, free, with
        no comma before it and none of its group at or after ``pos``."""
        described = self.referent(0, ok) or (list(self.d.previous) if _DEFINITE.match(self.text) and len(self.d.previous) == 1
                                             and ok(self.d.previous[0]) else [])
        if described:
            return described  # "Het bedrijf haalde ..., waar klanten zoals X ...": the company named just before
        if not self.mentions:
            return []
        first = self.mentions[0]
        if first.prep is not None or first.start >= pos or not ok(first.key) or "," in self.text[:first.start]:
            return []
        if any(m.group == first.group and m.start >= pos for m in self.mentions):
            return []
        if _SAYS.search(self.text, first.end, pos):
            return []  # "X zegt dat klanten als Y ...": the speaker, not the seller
        return self.group_keys(0, ok)

    def unit(self, m: re.Match[str]) -> list[str]:
        """A company's unit named by its noun ("die Waferfertigung des
        Chipherstellers Elmos"): a new organisation "Elmos Waferfertigung",
        with the phrase as written as its alias.  The trigger's group ``unit``
        is the unit noun; the company is the name right after it."""
        owner = self.next_one(m.end(), self.pool("companies"))
        nxt = next((x for x in self.mentions if x.start >= m.end()), None)
        if not owner or nxt is None or nxt.key != owner[0]:
            return []
        noun = m.group("unit")
        company = self.text[nxt.start:nxt.end]
        key = self.d.ents.add(f"{company} {noun[:1].upper()}{noun[1:]}", EntityType.ORG)
        self.d.ents.get(key).aliases.add(self.text[m.start("unit"):nxt.end])
        return [key]

    def owner_context(self, ci: int, pos: int, ok: Callable[[str], bool]) -> list[str] | None:
        """The owner of "dochterbedrijven als X": the one company named before
        in the clause ("Huawei en zijn dochters als X"), else the one company
        the sentence before was about."""
        before = self._before(ci, pos, ok, frozenset({None}))
        if len(before) == 1 and len(before[0]) == 1:
            return before[0]
        if not before and len(self.d.previous) == 1 and ok(self.d.previous[0]):
            return list(self.d.previous)
        return None


#: a seller's verb, for the seller a clause of customers goes on about ("beliefert" too, which supply-to leaves to
#: its object rule)
_SELLS = re.compile(SUPPLY_VERBS + r"|\bbeliefer(t|te|ten|n)\b", re.I)


def _slot(s: _Sent, spec: str, pool: str, ci: int, m: re.Match[str]) -> list[str] | None:
    """The keys a slot spec names (``None`` when ambiguous, ``[]`` when absent).
    A spec ending in "+state" falls back to a state named by its adjective
    after the trigger ("in handen van de Chinese staat", "gehört dem Bund")."""
    if spec.endswith("+state"):
        found = _slot(s, spec[:-len("+state")], pool, ci, m)
        if not found:
            after = " ".join(s.text[max(a, m.start()):b] for a, b in s.clauses[ci].pieces if b > m.start())
            found = next(([s.d.ents.add(name, EntityType.GPE)] for pattern, name in _NATIONAL if pattern.search(after)), [])
        if not found and spec.startswith("pp:"):  # verb last: "wird vom chinesischen Staat kontrolliert"
            clause = s.clause_text(s.clauses[ci])
            found = next(([s.d.ents.add(name, EntityType.GPE)] for pattern, name in _NATIONAL
                          if _governed_state(spec[3:-len("+state")], pattern).search(clause)), [])
        return found
    ok = s.pool(pool)
    if spec == "subject":
        return s.subject(ci, m.start(), ok)
    if spec == "owner":
        return s.owner(ci, m.start(), ok)
    if spec == "object":
        return s.object(ci, m.end(), ok)
    if spec == "dative":  # "gehört der Tessaro Holding": a feminine dative reads like a genitive
        found = s.object(ci, m.end(), ok)
        subject = s.subject(ci, m.start(), ok) or []
        if found and subject and set(found) <= set(subject):
            found = None  # "Derzeit gehört X der Y": the verb second, X its subject after it, the owner further on
        if found:
            return found
        owners = s.governed(ci, frozenset({"der"}), ok, after=m.end())
        return [k for k in owners if k not in subject] if owners else owners
    if spec.startswith("pp_or_fronted:"):
        # "An X hält A 70 Prozent, B und C sind mit jeweils zehn Prozent beteiligt": the later clause's
        # share is in the company the sentence opened with
        preps = frozenset(spec[14:].split("|"))
        found = s.governed(ci, preps, ok, nearest_after=m.start())
        if not found and ci > 0 and _FRONTED_PP.match(s.text):
            found = s.governed(0, preps, ok)
        return found
    if spec.startswith("pp:"):
        return s.governed(ci, frozenset(spec[3:].split("|")), ok, nearest_after=m.start())
    if spec.startswith("pp_after:"):  # "De lasers van X zitten in de machines van Y": Y
        return s.governed(ci, frozenset(spec[9:].split("|")), ok, after=m.end())
    if spec == "maker_before":  # "De lasers van X zitten in ...", "Die X-Chips stecken in ...": X
        made = s.governed(ci, frozenset({"van", "von"}), ok, before=m.start())
        return made or [k for k in s.compound_maker(ci, ok) if any(x.key == k and x.start < m.start() for x in s.mentions)]
    if spec.startswith("pp_before:"):  # X
        return s.governed(ci, frozenset(spec[10:].split("|")), ok, before=m.start())
    if spec in ("maker_first", "agent_last"):
        return s.maker_and_agent(ci, m.start(), ok)[spec == "agent_last"]
    if spec == "next":
        return s.next_group(m.end(), ok)
    if spec == "next_one":
        return s.next_one(m.end(), ok)
    if spec == "possessor":
        return s.possessor(m.start(), s.pool(pool))
    if spec == "attached":
        return s.attached(m.start(), ok)
    if spec == "apposed":  # "Rheinmetall, Deutschlands größter Rüstungskonzern": the name the description follows
        return s.apposed(m.start(), ok)
    if spec == "listed":
        return s.listed(ci, m.end())
    if spec == "members":
        return s.members(ci, m.end())
    if spec == "list":
        return s.lists_in(ci)
    if spec == "list_or_anaphor":  # "Op de lijst staan ...": a bare "the list" is the one the article is on
        return s.lists_in(ci) or s.list_anaphor(ci)
    if spec == "context_list":
        return s.lists_in(ci) or (list(s.d.context_lists) if s.d.context_age <= CONTEXT_SPAN else [])
    if spec == "recent_list":  # "Neu auf der Liste sind ...": the list this clause, the article or the sentence before named
        return s.lists_in(ci) or (list(s.d.context_lists) if s.d.context_age <= CONTEXT_SPAN else []) or list(s.d.previous_lists)
    if spec == "authority":
        return s.authority(ci, m.start(), m.end())
    if spec == "banned":
        return s.banned(ci, m.start())
    if spec == "banned_after":  # after the negation: "mag X geen apparatuur van Y gebruiken": Y, never X
        neg = re.search(r"\b(geen|niet|keine|nicht)\b", m.group(0), re.I)
        return s.banned(ci, m.start() + (neg.end() if neg else 0), after_only=True)
    if spec == "military":
        return [s.d.military()]
    if spec == "subject_or_context":  # "X besteedt het testen uit aan Y"; "De assemblage is uitbesteed aan Y": the text's company
        return s.subject(ci, m.start(), ok) or s.context_company(ok, ci)
    if spec == "subject_or_antecedent":
        c = s.clauses[ci]
        if c.kind == "rel" and c.antecedent is not None:  # "Huawei, das von X abgeschnitten ist"
            return s.antecedent_keys(c, ok) or None
        if c.kind == "rel" and c.parent is not None:  # "Das Unternehmen, dessen Aktionär X ist, ...": what the description is
            parent = s.clauses[c.parent]
            described = _DEFINITE.match(s.text[parent.start:c.start])
            if described and not s.text[parent.start + described.end():c.start].strip(" ,"):
                return s.subject(c.parent, c.start, ok)
        return s.subject(ci, m.start(), ok)
    if spec == "unit":
        return s.unit(m)
    if spec == "inside":  # "het door Wingtech gecontroleerde Nexperia": the name inside the trigger's own phrase
        keys = list(dict.fromkeys(x.key for x in s.mentions if m.start() <= x.start < m.end() and ok(x.key)))
        return keys if len(keys) == 1 else []
    if spec == "compound_maker":
        return s.compound_maker(ci, ok)
    if spec == "context_company":
        return s.context_company(ok, ci)
    if spec == "goods_maker":  # "De chips van X gaan naar ...", "X-chips gaan naar ...", "Die Chips gehen an ..."
        return s.governed(ci, frozenset({"van", "von"}), ok) or s.compound_maker(ci, ok) or s.context_company(ok, ci)
    if spec == "opening":
        return s.opening(m.start(), ok)
    if spec == "pentagon_list":
        return [s.d.dod_list()] if _PENTAGON.search(s.text) else []
    if spec == "sold_company":
        return s.sold_company(ci, m.end())
    if spec == "first_before":
        return s.first_before(ci, m.start(), ok)
    if spec == "second_before":
        return s.second_before(ci, m.start(), ok)
    if spec == "about":
        return s.about(ok)
    if spec == "owner_context":
        return s.owner_context(ci, m.start(), ok)
    if spec in ("first_after", "next_or_first_after"):  # "Die übrigen Anteile hält der Konzern Y, der versuchte, ...": Y
        nxt = s.next_group(m.end(), ok) if spec == "next_or_first_after" else []  # "dessen Aktionär der Fonds Y ist"
        after = s._free_groups([i for i in s.in_clause(ci) if s.mentions[i].start >= m.end()], s.pool(pool))
        return nxt or (after[0] if after else [])
    if spec == "after_copula":  # "Mehrheitseigner des Herstellers X ist der Konzern Y": Y
        cop = _COPULA.search(s.text, m.end())
        after = s._free_groups([i for i in s.in_clause(ci) if cop and s.mentions[i].start >= cop.end()], s.pool(pool))
        return after[0] if after else []
    if spec == "previous_owned":  # "Die übrigen Anteile hält Y": the one company the sentence before gave an owner
        owned = s.d.share_owned if s.d.share_owned and s.d.share_age <= 2 else s.d.previous_owned
        return [k for k in owned if s.pool(pool)(k)][:1] if len(owned) == 1 else []
    if spec == "sanctioned_buyer":
        if s.d.buyer_age > CONTEXT_SPAN or not (s.d.buyer_sanctioned or _SANCTIONS.search(s.text)):
            return []
        return list(s.d.context_buyers)
    raise ValueError(f"unknown slot {spec!r}")


def _governed_state(preps: str, national: re.Pattern[str]) -> re.Pattern[str]:
    """A state named by its adjective under one of ``preps`` ("vom chinesischen
    Staat", "door de Chinese staat"), for a slot whose verb comes last."""
    return re.compile(r"\b(?:" + preps + r")\s+(?:(?:de|het|der|die|das|dem|den|des)\s+)?(?:" + national.pattern + ")", re.I)


def _former_tie(text: str, clause_start: int, m: re.Match[str]) -> bool:
    """A former-tie word in the comma piece that holds the match ("X is
    eigendom van Y, eerder was het onderdeel van Z": only Z's tie is past;
    "eigenaar van Ampleon, de voormalige tak van NXP": Ampleon's owner is current).
    A tie inside a compound is past only when the words before it say so."""
    start = max(clause_start, text.rfind(",", clause_start, m.start()) + 1)
    if m.start() > 0 and text[m.start() - 1] == "-":
        # a tie named in a compound ("die Siemens-Tochter X") is the noun phrase's own: only the words
        # before it say it was ("die frühere Siemens-Tochter"), not the verb ("gehörte früher zu ...")
        before = text[start:m.start()].split()
        return bool(FORMER_TIE.search(" ".join(before[-3:])))
    end = min((i for i in (text.find(",", m.end()), text.find(";", m.end())) if i >= 0), default=len(text))
    return bool(FORMER_TIE.search(text[start:end].strip()))


#: a sentence opening with the company a share is in ("An dem Werk hält ...", "Aan X heeft ...")
_FRONTED_PP = re.compile(r"^\W*(an|aan|in)\s", re.I)
#: a list noun, alone or ending a compound ("1260H-Liste", "sanctielijst", "Entity List")
_LIST_WORD = r"(liste|lijst|\blist)"
#: a list noun and the genitive article of its owner's name right after it
_LIST_OWNER_BEFORE = re.compile(_LIST_WORD + r"\s+(des|der|van de|van het|van)\s+$", re.I)
#: a list noun (with its owner's genitive) and the comma that opens a relative clause on it ("..., die", "..., auf der")
_LIST_BEFORE_RELATIVE = re.compile(_LIST_WORD + r"\b(\s+[\w'-]+){0,4}\s*,\s*$", re.I)
_RELATIVE_OPENING = re.compile(r"\s*(die|das|welche|dat|waarop|auf der)\b", re.I)


def _apply(s: _Sent, rule: Rule) -> list[tuple[str, str]]:
    """The (head, tail) pairs ``rule`` finds in the sentence."""
    pairs: list[tuple[str, str]] = []
    for m in rule.pattern.finditer(s.text):
        ci = s.clause_of(m.start())
        clause_text = s.clause_text(s.clauses[ci])
        if rule.requires and not re.search(rule.requires, clause_text, re.I):
            continue
        if rule.blocked_by and re.search(rule.blocked_by, clause_text, re.I):
            continue
        if rule.relation == R.MILITARY_LINK and _LIST_BEFORE_RELATIVE.search(s.text, 0, s.clauses[ci].start) \
                and _RELATIVE_OPENING.match(clause_text):
            continue  # "auf der 1260H-Liste des Pentagons, die Firmen mit Verbindungen zum Militär aufführt": the list's content
        if rule.relation in (R.OWNED_BY, R.PART_OF) and _former_tie(s.text, s.clauses[ci].start, m):
            continue  # "Vroeger was X eigendom van Y", "Früher gehörte X zu Y": what it was, not what it is
        if rule.blocked_after and _REMOVED_AFTER.search(s.text[m.end():]):
            continue  # "..., maar haalde het er later af" (not "..., waardoor X niet meer ... mag")
        if rule.relation == R.SUPPLIED and any(a < m.start() < b for a, b in s.forbidden_sales):
            continue  # the sale was forbidden, so it did not happen (the ban is ban-verb's)
        if rule.unless_company_object and s.sold_company(ci, m.end()):
            continue  # "verkocht Orvane aan Keystone": a company sold changes owner (sold-company)
        if rule.presupposed:
            if _NEGATED_BEFORE.search(s.text, max(0, m.start() - 30), m.start()):
                continue
        elif s.hedged(m.start(), (m.start(), m.end()) if rule.negation_in_trigger else None,
                      stopped_ok=rule.relation == R.SUPPLIED):
            continue
        heads = _slot(s, rule.head, rule.head_pool, ci, m)
        # an owner may be a person ("in handen van medeoprichter Jan de Vries"): people are found only by their role noun
        tails = _slot(s, rule.tail, "owners" if rule.relation == R.OWNED_BY else rule.tail_pool, ci, m)
        if heads and tails and not set(heads) & set(tails):  # one group in both slots: no reading
            pairs.extend((h, t) for h in heads for t in tails if h != t)
    return pairs


def trigger_facts(doc: Any, ents: DocEntities, *, language: str = "nl", date: str | None = None) -> list[Fact]:
    """Facts read from Dutch or German ``doc`` by the rule table."""
    d = _Doc(ents, date, language)
    towns = town_links({k: (r.name, *r.aliases) for k, r in ents.records.items() if r.type == EntityType.ORG}, "", ())
    genitive = _genitive_names(ents)
    in_unit_name = _unit_name_tokens(doc, ents)
    token_starts = [(t.idx, t.i) for t in doc]
    ti = 0
    prev_members: list[str] = []
    for sent in _sentences(doc.text):
        while ti < len(token_starts) and token_starts[ti][0] < sent.start_char:
            ti += 1
        mentions: list[_Mention] = []
        j, last = ti, None
        while j < len(token_starts) and token_starts[j][0] < sent.end_char:
            k = in_unit_name.get(token_starts[j][1]) or ents.key_at(token_starts[j][1])
            tok = doc[token_starts[j][1]]
            if k is None and tok.text.endswith("s") and tok.text[:1].isupper():
                k = genitive.get(tok.text[:-1])  # "Huaweis Chips", "Googles Android"
                known = None if k else reference_genitive(tok.text)
                if known:
                    k = genitive[tok.text[:-1]] = ents.add(known, EntityType.ORG)
            if k and k != last:
                mentions.append(_Mention(tok.idx - sent.start_char, tok.idx + len(tok) - sent.start_char, k))
            elif k and mentions:
                mentions[-1].end = tok.idx + len(tok) - sent.start_char
            last = k
            j += 1
        # "der US-Konzern", "de VS-chipmaker": a country before a hyphen and a company noun describes
        # the company, it is no party of its own
        mentions = [m for m in mentions if not ((rec := ents.get(m.key)) is not None and rec.type == EntityType.GPE
                                                and (_COUNTRY_IN_DESCRIPTOR.match(sent.text, m.end)
                                                     or sent.text[m.end - 1:m.end] == "s"
                                                     and _COUNTRY_GENITIVE_DESCRIPTOR.match(sent.text, m.end)))]
        _add_demonyms(sent.text, mentions, towns)
        s = _Sent(d, sent, mentions, prev_members)
        for unit, parent, at in ents.unit_links:  # "het 38e onderzoeksinstituut van CETC": a unit named after its parent
            if sent.start_char <= doc[at].idx < sent.end_char:
                d.facts.append(Fact(unit, R.PART_OF, parent, s.sent, "trigger:unit-of-parent", 0.9))
        d.context_age += 1
        d.buyer_age += 1
        d.share_age += 1
        _note_buyer(d, s)
        first_fact = len(d.facts)
        prev_members = read_guarded(lambda s=s: _sentence_facts(d, s, language), d.facts,
                                    (sent.start_char, sent.end_char), sent.text, [])
        shares = list(dict.fromkeys(f.head for f in d.facts[first_fact:] if f.type == R.OWNED_BY and _SHARE_METHOD.search(f.method)))
        if shares:
            d.share_owned, d.share_age = shares, 0
        ok = s.pool("companies")
        # "X liefert Laser. Das Unternehmen erzielte ein Viertel seines Umsatzes in China. Wichtigste Kunden sind A und
        # B": a sentence about "das Unternehmen" that names no company and states nothing goes on about the same one
        goes_on = not any(ok(m.key) for m in mentions) and bool(_DEFINITE.match(s.text)) and len(d.previous_free) == 1 \
            and len(d.facts) == first_fact
        if not goes_on:
            d.previous_owners = list(dict.fromkeys(f.tail for f in d.facts[first_fact:] if f.type == R.OWNED_BY))
            d.previous_parents = list(dict.fromkeys(f.tail for f in d.facts[first_fact:] if f.type in (R.OWNED_BY, R.PART_OF)))
            d.previous_owned = list(dict.fromkeys(f.head for f in d.facts[first_fact:] if f.type == R.OWNED_BY))
            d.previous_sellers = list(dict.fromkeys(f.head for f in d.facts[first_fact:] if f.type == R.SUPPLIED))
            d.previous_buyers = list(dict.fromkeys(f.tail for f in d.facts[first_fact:] if f.type == R.SUPPLIED))
            d.previous = list(dict.fromkeys(m.key for m in mentions if ok(m.key)))
            # what the sentence before was about: the company it opens with, else the one it named free of a preposition
            free = [m for m in mentions if ok(m.key) and m.prep is None]
            opening = [m.key for m in free[:1] if _OPENING_ARTICLE.fullmatch(s.text[:m.start])  # "Shenzhen Leitong gehört ..."
                       and not any(o.group == m.group and o.key != m.key for o in mentions)]  # not "X und Y bauen ..."
            keys = list(dict.fromkeys(m.key for m in free))
            d.previous_free = opening or (keys if len(keys) == 1 else [])
            d.previous_passive = s.passive_with_agent(ok)
            d.previous_buying = [k for k in d.previous if k not in d.previous_sellers] if _BUYING.search(s.text) else []
        d.named.update(m.key for m in mentions if ok(m.key))
    return d.facts


def _add_demonyms(text: str, mentions: list[_Mention], towns: dict[str, set[str]]) -> None:
    """Ties the sentence's "X uit Duiven" to ``towns`` and reads "de Duivenaren"
    and goods "uit Duiven" as a name of the one company tied to that town (``place_demonyms``)."""
    for town, keys in town_links({}, text, [(m.start, m.end, m.key) for m in mentions]).items():
        towns.setdefault(town, set()).update(keys)
    spans = [(m.start, m.end) for m in mentions]
    found = demonyms(text, spans, towns) + towns_for_companies(text, spans, towns)
    if found:
        mentions.extend(_Mention(a, b, k) for a, b, k in found)
        mentions.sort(key=lambda m: m.start)


_UNIT_JOINERS = frozenset({"van", "de", "het", "von", "der", "des", "of", "the", "(", ")"})


def _unit_name_tokens(doc: Any, ents: DocEntities) -> dict[int, str]:
    """Token -> unit key for the words of a numbered unit's name that name
    its parent ("het 13e Onderzoeksinstituut van CETC (CETC)"): inside the
    unit's name the parent is no party of its own, so that no rule reads it
    as the seller, the buyer or what the description after the name
    describes (the unit's PART_OF its parent comes from ``unit_links``)."""
    out: dict[int, str] = {}
    for unit, parent, at in ents.unit_links:
        i = at
        while i < len(doc) and ents.key_at(i) == unit:
            i += 1
        run: list[int] = []
        while i < len(doc) and (ents.key_at(i) is None and doc[i].lower_ in _UNIT_JOINERS or ents.key_at(i) == parent):
            run.append(i)
            i += 1
        while run and ents.key_at(run[-1]) != parent and doc[run[-1]].text != ")":
            run.pop()  # a joining word after the parent ("... van CETC van ...") belongs to what follows
        if any(ents.key_at(j) == parent for j in run):
            out.update(dict.fromkeys(run, unit))
    return out


def _genitive_names(ents: DocEntities) -> dict[str, str]:
    """One-word names of the article's organisations, for their genitive
    ("Huaweis", "Googles"): only names the article itself uses elsewhere."""
    out: dict[str, str] = {}
    for key, rec in ents.records.items():
        if rec.type == EntityType.ORG:
            for name in (rec.name, *rec.aliases):
                if name and " " not in name and len(name) >= 3 and not name.endswith("s"):
                    out.setdefault(name, key)
    return out


def _sentence_facts(d: _Doc, s: _Sent, language: str) -> list[str]:
    """Apply every rule to one sentence; returns the names it listed (for a
    "Sie"/"Zij" in the next sentence)."""
    bullet = _BULLET.match(s.text)
    if d.bullets_for and bullet and s.mentions:
        first = s.mentions[0]
        if first.start <= bullet.end() + 2 and d.ents.get(first.key).type == EntityType.ORG:
            _designate(d, s, [(first.key, t) for t in d.bullets_for], "trigger:list-bullet", 0.75)
        return s.prev_members
    if not bullet:
        d.bullets_for = []
    listed: list[str] = []
    before = len(d.facts)
    if d.context_lists and 0 < d.context_age <= 2 and _THE_LISTED.match(s.text) \
            and not any(d.ents.get(m.key).type == EntityType.ORG for m in s.mentions) \
            and _MILITARY_REASON.search(s.text):
        d.context_military = True  # "... auf die Entity List gesetzt. Die Firmen sollen das Militär unterstützt haben."
    named = [k for ci in range(len(s.clauses)) if not s.hedged(s.clauses[ci].start) for k in s.lists_in(ci)]
    if named and set(named) & set(d.context_lists):
        d.context_age = 0  # the article is still talking about the same list
    for rule in RULES:
        if language not in rule.languages:
            continue
        pairs = _apply(s, rule)
        if rule.relation == R.DESIGNATED:
            _designate(d, s, pairs, f"trigger:{rule.name}", rule.confidence)
            if rule.name == "list-members":
                _members_for_the_military(d, s, pairs)
            listed.extend(h for h, _ in pairs)
            for m in rule.pattern.finditer(s.text):
                lists = _slot(s, rule.tail, rule.tail_pool, s.clause_of(m.start()), m) or []
                if lists and not (rule.blocked_by and re.search(rule.blocked_by, s.text, re.I)) and not s.hedged(m.start()):
                    d.context_lists, d.context_age = lists, 0  # "setzt sie auf die Entity List": later sentences name them
                    d.context_military = _MILITARY_REASON.search(s.text[:m.start()] + s.text[m.end():]) is not None
                    if s.text.rstrip().endswith(":"):
                        d.bullets_for = lists
            continue
        for h, t in pairs:
            if h in d.ents.records and t in d.ents.records:
                # supplying the military is a military link (there is no SUPPLIED with the military as buyer)
                rel = R.MILITARY_LINK if rule.relation == R.SUPPLIED and t == MILITARY_ID else rule.relation
                d.facts.append(Fact(h, rel, t, s.sent, f"trigger:{rule.name}", rule.confidence))
    _more_holders(d, s, d.facts[before:])
    d.previous_lists = list(dict.fromkeys(named))
    return list(dict.fromkeys(listed))


def _more_holders(d: _Doc, s: _Sent, found: list[Fact]) -> None:
    """"A hält 70 Prozent an X, B und C jeweils zehn Prozent": the holders
    after the first share, with the verb left out, own part of the same X
    (see gapped_holders_nlde)."""
    owned = list(dict.fromkeys(f.head for f in found if f.type == R.OWNED_BY and f.method in _SHARE_RULES))
    if len(owned) != 1 or not s.gapped:
        return
    holders = holders_in(s.gapped, [(m.start, m.end, m.key) for m in s.mentions], s.pool("owners"))
    for h in holders:
        if h != owned[0] and not any(f.head == owned[0] and f.tail == h for f in found):
            d.facts.append(Fact(owned[0], R.OWNED_BY, h, s.sent, "trigger:gapped-holder", 0.6))


def _note_buyer(d: _Doc, s: _Sent) -> None:
    """Remember a buyer the article says unnamed firms supplied ("Firmen sollen
    Technik an Russland geliefert haben"), for a list of those firms named
    later ("Die Sanktionsliste umfasst X und Y")."""
    for m in _BUYER_SUPPLY.finditer(s.text):
        if s.hedged(m.start()) or not _BUYER_GENERIC.search(s.text):
            continue
        ci = s.clause_of(m.start())
        if s.first_before(ci, m.start(), s.pool("companies")):
            continue  # a named seller: the ordinary supply rules read it
        sanctioned = bool(_SANCTIONS.search(s.text))
        if _BUYER_MILITARY.search(s.text, m.start()) or _BUYER_MILITARY.search(s.text[:m.start()][-60:]):
            d.context_buyers, d.buyer_age, d.buyer_sanctioned = [d.military()], 0, sanctioned
            return
        states = [x.key for x in s.mentions if x.prep in ("an", "aan", "naar", "nach")
                  and d.ents.get(x.key).type == EntityType.GPE]
        if len(set(states)) == 1:
            d.context_buyers, d.buyer_age, d.buyer_sanctioned = states[:1], 0, sanctioned
            return


#: a listing's reason that names the military ("weil sie das chinesische Militär unterstützt haben sollen", "wegens
#: steun aan het Chinese leger", "Rüstungsprojekte")
_MILITARY_REASON = re.compile(r"\b(militär\w*|militair\w*|legers|rüstung\w*|\w+rüstung\w*|wapenindustrie|defensie-industrie)\b"
                              r"|\b" + ARMED_FORCES, re.I)


#: a sentence about the companies just put on a list, named by a plural noun or pronoun ("Die Firmen sollen ...")
_THE_LISTED = re.compile(r"^\W*((die|de|diese|deze)\s+(\w+\s+)?(firmen|unternehmen|bedrijven|ondernemingen|konzerne|"
                         r"gesellschaften|entiteiten|entitäten)|sie|zij|ze)\b", re.I)


def _members_for_the_military(d: _Doc, s: _Sent, pairs: list[tuple[str, str]]) -> None:
    """"Washington setzte 23 Firmen auf die Entity List, weil sie das Militär
    unterstützt haben sollen. Betroffen sind A und B": the members named
    after a listing share the reason it gave, as the English groups do
    (groups.py).  The reason must stand in the listing's own sentence or in
    one about the listed companies right after it (not in the members' one,
    where it may describe one of them)."""
    if not d.context_military:
        return
    for h, t in pairs:
        if t in d.context_lists and t not in military_list_ids() and d.ents.get(h).type == EntityType.ORG:
            d.facts.append(Fact(h, R.MILITARY_LINK, d.military(), s.sent, "trigger:list-members-military", 0.65))


def _designate(d: _Doc, s: _Sent, pairs: list[tuple[str, str]], method: str, conf: float) -> None:
    """DESIGNATED facts, and a military link for members of a military list."""
    for h, t in pairs:
        d.facts.append(Fact(h, R.DESIGNATED, t, s.sent, method, conf))
        if t in military_list_ids():
            d.facts.append(Fact(h, R.MILITARY_LINK, d.military(), s.sent, method.replace("trigger:", "trigger:military-"), 0.7))
