"""The Dutch and German relation rules, as data.

Each :class:`Rule` says which words announce a relation and where its two
ends stand in the clause; the interpreter in ``rules_nl.py`` applies them all
with one set of shared steps (clauses, word order, coordination, negation,
hedges, list context).  A new phrasing is a new record here, not a branch in
code.  Every rule carries example sentences of our own with the fact they must
give (or ``None``: the rule must not fire); the test suite runs them all.

Slots (where an argument is found, see ``rules_nl.py``):

``subject``      the clause's subject: the free name (not governed by a
                 preposition) before the trigger; the antecedent of a relative
                 clause; the speaker for "X zegt dat het ..."; after the
                 verb when the clause opens with an adverbial (verb second)
``object``       the free name after the trigger (or the second of two free
                 names before a clause-final verb)
``pp:a|b``       the name governed by one of these prepositions in the clause
``pp_before:a|b`` / ``pp_after:a|b`` the name one of these prepositions governs before
                 (after) the trigger, when the same preposition stands on both sides
``dative``       the object, else a name after the trigger under "der" (a feminine
                 dative: "gehört der Tessaro Holding")
``maker_before``  the name under "van/von" before the trigger, else the maker a goods compound before it names
                 ("De lasers van X zitten in ...", "Die X-Chips stecken in ...")
``maker_first`` / ``agent_last`` before a verb-last passive participle: the first name under
                 "van/von" (whose goods) and the last one under "von/vom/door/durch"
                 after it (who uses them)
``next``         the name right after the trigger ("Rüstungskonzern Norinco"), with the names joined to it
``next_one``     only the first of those ("die Chipfertigung des Herstellers X und der Firma Y": X's)
``possessor``    the name right before the trigger as its possessor ("Huawei's dochter", "Huaweis Tochter")
``attached``     the name joined to the trigger by a hyphen ("Huawei-Tochter")
``listed``       names placed on a list: those after "waaronder/darunter",
                 else the free non-authority names of the clause
``members``      every free name after the trigger, and bullet lines that follow
``list``         the list named in the clause (entity, or a described list)
``list_or_anaphor`` the list named in the clause, else the one a bare "de lijst",
                 "der Liste" stands for (the list the article last put names on)
``context_list`` the list the clause names, else the one the article last
                 put names on
``recent_list``  the same, else the list the sentence before named ("Die Entity
                 List wurde erweitert. Neu auf der Liste sind ...")
``authority``    the government or agency (named, or "de Amerikaanse regering")
``banned``       the company named after the trigger (not as a destination)
``banned_after`` the same, only after the trigger's negation (who may not use something is not banned)
``military``     the military
``owner``        who holds a stake: a government named by nationality before the
                 trigger when no name stands there, else the subject
``subject_or_antecedent`` what a relative clause describes, else the subject
``subject_or_context`` the subject, else the company the text is about (``context_company``)
``unit``         a new organisation for a unit named by its noun before a company
                 ("Waferfertigung des Chipherstellers Elmos" -> "Elmos Waferfertigung")
``first_before`` the first free name of the clause before the trigger (who acts)
``first_after``    the first free name after the trigger (the subject after a fronted object:
                 "Die übrigen Anteile hält der Konzern Y, der ...")
``next_or_first_after`` the name right after the trigger, else the first free one after it ("dessen Aktionär
                 der Fonds Y ist", where "der" opens the name; "deren Eigner seit 2020 Y ist")
``after_copula``  the first free name after the copula that follows the trigger ("Eigner von X ist Y": Y)
``previous_owned`` the one company the sentence before gave an owner ("Die übrigen Anteile hält Y")
``second_before`` the name acted on before the trigger ("Huawei" in "Vodafone hat
                 Huawei aus dem Netz verbannt"), or a pronoun object standing for
                 the one company the sentence before named
``about``        what "het bedrijf" would stand for: the one company the sentence
                 before named, else the one it was about (none after a passive
                 naming its agent: "X werd overgenomen door Y"; not one it named
                 as a buyer)
``owner_context`` the one company named before in the clause, else the one the
                 sentence before was about ("Dat geldt ook voor dochterbedrijven als X")
``sold_company``  the company a sale verb names as its object, between a seller
                 before the verb and a buyer after "aan"/"an" (a company sold)
``inside``       the one name inside the trigger's own words ("door Wingtech" in "het door
                 Wingtech gecontroleerde Nexperia")
``compound_maker`` the one company of the clause named in a goods compound ("ZTE-Technik")
``opening``      the company the sentence opens with as its subject ("ASML haalde ..., waar
                 klanten zoals X ... bestelden")
``goods_maker``  the maker of the goods the clause speaks of: a name after "van"/"von", a goods
                 compound ("Nexperia-chips"), else the company the text is about (``context_company``)
``context_company`` the one company the sentence before named, else the one it
                 was about ("Tot de klanten behoort ook X")
``pentagon_list`` the Pentagon's list of Chinese military companies, when the
                 sentence names the Pentagon (or the defence ministry) as who classes
``sanctioned_buyer`` the state (or the military) the article said unnamed firms
                 supplied, for a list of those firms named later (``BUYER_CONTEXT``),
                 when that sentence or this one speaks of sanctions

A SUPPLIED fact whose buyer is the military is stored as MILITARY_LINK.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from chipgraph.graph.model import RelationType

__all__ = ["ARMED_FORCES", "Example", "Rule", "RULES", "NATIONAL_AUTHORITIES", "LIST_PHRASES", "BUYER_CONTEXT", "REMOVAL_VERBS", "PASSIVE_AUX"]

R = RelationType
NL, DE = "nl", "de"
BOTH = frozenset({NL, DE})


@dataclass(frozen=True)
class Example:
    """A sentence of our own and the (head, type, tail) it must give, by
    canonical name; ``expected=None`` means the rule must stay silent."""

    text: str
    expected: tuple[str, str, str] | None


@dataclass(frozen=True)
class Rule:
    """One way a relation is reported: trigger words and where the ends stand."""

    name: str
    languages: frozenset[str]
    relation: RelationType
    trigger: str
    head: str
    tail: str
    confidence: float
    examples: tuple[Example, ...]
    head_pool: str = "companies"  # companies | orgs | parties (orgs and places)
    tail_pool: str = "companies"
    requires: str | None = None  # must also occur in the clause
    blocked_by: str | None = None  # must not occur in the clause
    blocked_after: bool = False  # nor a removal or cancelling verb after the trigger ("..., maar haalde het er later af")
    negation_in_trigger: bool = False  # "mogen geen ... gebruiken": the negation is the ban itself
    unless_company_object: bool = False  # silent when a company is the verb's object (a company sold is no goods)
    # a noun phrase's own description ("die Huawei-Tochter X"): it holds whatever the clause's verb hedges
    # ("wollte die Huawei-Tochter X ... kaufen"); only a negation right before it takes it back
    presupposed: bool = False
    pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "pattern", re.compile(self.trigger, re.I))


#: a passive clause's auxiliary (a rule on the passive requires it; rules_nl reads its agent by it)
PASSIVE_AUX = r"\b(wird|werden|wurde|wurden|worden|wordt|werd)\b"
_TO = "pp:aan|naar|an|nach"
_FROM = "pp:bij|bei|van|von"
_OF = "pp:van|von|des|der|bij|bei"
REMOVAL_VERBS = (r"\b(gehaald|afgehaald|haalde|haalden|geschrapt|schrapte|schrapten|verwijderd|verwijderde|verwijderden|"
                  r"gestrichen|strich|strichen|entfernt|entfernte|entfernten|heruntergenommen|genommen|"
                  r"geannuleerd|annuleerde|annulliert|annullierte|storniert|stornierte)\b")
_REMOVAL = REMOVAL_VERBS + r"|\b(niet meer|niet langer|nicht mehr|nicht länger)\b"
#: a takeover that did not (yet) happen
#: selling a business, plant or stake is a change of owner, not supply
_NOT_GOODS = (r"\b(zijn|haar|hun|sein\w*|ihr\w*)\s+([\w-]+\s+)?([\w-]*divisie|[\w-]*afdeling|[\w-]*tak|bedrijfsonderdeel|"
              r"[\w-]*fabriek|dochter[\w-]*|[\w-]*sparte|[\w-]*geschäft|[\w-]*werk|[\w-]*fabrik|tochter[\w-]*|[\w-]+fertigung|[\w-]+productie|"
              r"[\w-]+produktion|activiteiten|aktivitäten)\b|\b(belang|aandelen|anteile?|beteiligung|aktien)\b|"
              # "verkoopt de chipfabriek in Newport aan X": a plant or division sold
              r"\b(de|het|die|das|den)\s+([\w-]+\s+)?([\w-]*fabriek|[\w-]*fabrik|[\w-]*divisie|[\w-]*sparte|"
              r"dochter[\w-]*|tochter[\w-]*|[\w-]*werk)\s+(in|te|bij|im|aus|uit)\b|"
              r"\b(de|het|die|das|den)\s+([\w-]+\s+)?([\w-]*fabriek|[\w-]*fabrik|[\w-]*divisie|[\w-]*sparte|dochter[\w-]*|"
              r"tochter[\w-]*)\s+(aan|an)\b")
_UNDONE_DEAL = (r"\b(gepland\w*|geplant\w*|voorgenomen|beoogde|mogelijke|mögliche\w*|angestrebte\w*|verboden|verbiedt|"
                r"untersagt\w*|blokkeer\w*|geblokkeerd|blockier\w*|geblockt|verhinder\w*|tegengehouden|"
                r"afgewezen|abgelehnt|gescheitert|scheiterte|mislukt|afgeblazen|abgesagt|gestopt|"
                r"gestoppt|niet door|nicht zustande)\b")
#: a licence, permit or plan to sell is no sale ("a licence to sell to X" is not SUPPLIED)
_NOT_YET_SOLD = (r"\b(geplant\w*|künftige\w*|geplande|toekomstige|vergunning\w*|genehmigung\w*|lizenz\w*|licentie\w*|"
                 r"exportlizenz\w*|exportvergunning\w*)\b")
#: counted among the military companies: "zählt X zu den chinesischen Militärunternehmen", "behoort tot de militaire bedrijven"
#: (the match starts after the company, so "subject" finds it before the words)
_COUNTED_MILITARY = (r"\b(zu den|tot de)\s+(\w+\s+){0,2}(militärunternehmen|rüstungsunternehmen|militaire bedrijven|"
                     r"militaire ondernemingen)\b")
#: the armed forces as a buyer ("het leger", "die Bundeswehr", "de Nederlandse defensie")
ARMED_FORCES = (r"(leger|krijgsmacht|marine|luchtmacht|landmacht|strijdkrachten|defensie|militär|armee|bundeswehr|luftwaffe|"
                 r"streitkräfte|volksbefreiungsarmee|volksbevrijdingsleger)\b")
#: weapons by their own names (compounds too: "Kampfhubschrauber", "kruisraketten"), not "Raketen" alone, which launch
#: satellites too
_WEAPONS = (r"([\w-]*(lenkflugkörper|marschflugkörper|kampfhubschrauber|kampfflugzeug|kampfjet|kampfdrohne|kampfpanzer|"
            r"waffensystem|luftabwehr|flugabwehr|gevechtsvliegtuig|straaljager|gevechtshelikopter|wapensystem|luchtafweer|"
            r"artillerie)\w*|\w+(raketen?|raketten|raket)|munition|munitie|wapens|waffen|panzer)\b")
#: the armed forces as who uses goods: the clause's subject ("Het Chinese leger gebruikt ...") or the agent of a passive
#: ("... werden vom chinesischen Militär eingesetzt")
_MILITARY_USER = (r"^\W*((het|de|die|der|das|ook|auch|zo|so)\s+){0,2}([\w-]+\s+)?" + ARMED_FORCES
                  + r"|\b(vom|von\s+der|von\s+den|door\s+het|door\s+de)\s+([\w-]+\s+)?" + ARMED_FORCES
                  # the subject right after the verb when an adverbial opens the clause ("Laut Bericht nutzt die Armee ...")
                  + r"|\b(gebruikt|gebruikte|gebruikten|nutzt|nutzte|nutzten|verwendet|verwendete|verwendeten|setzt|setzte|"
                    r"setzten|zet|zette|zetten)\s+(het|de|die|der|das)\s+([\w-]+\s+)?" + ARMED_FORCES)
#: goods used for the armed forces by someone else ("gebruikt chips van X in radars voor het leger")
_NOT_USED_BY_MILITARY = r"\b(voor|für)\s+(het|de|die|das|den)\s+([\w-]+\s+)?" + ARMED_FORCES
#: named a military company: "noemde X een Chinees militair bedrijf", "bezeichnete X als ..." (the match starts after
#: the company, so "subject" finds it before the words; ``_NAMING`` must stand in the clause)
_NAMED_MILITARY = r"\b(een|ein|eine|einen)\s+(\w+\s+){0,2}(militair bedrijf|militaire onderneming|militärunternehmen)\b"
_NAMING = r"\b(noem\w*|genoemd|bestempel\w*|nennt|nannte|genannt|bezeichne\w*|als|zu den|tot de)\b"
#: what it was, not what it is ("die frühere Tochter", "war zuvor Teil des Konzerns", "was voorheen eigendom van")
_FORMER = r"\b(voormalig\w*|vroegere?|ehemalig\w*|frühere?\w*|einst\w*|ex-\w+|zuvor|vormals|ehemals|voorheen|vroeger|tot voor kort|bis vor kurzem)\b|\b(was|waren)\s+([\w-]+\s+)?eerder\b|^\W*eerder\b|\beerder\s+(was|waren|bezat|bezaten|hoorde|hoorden|had|hadden)\b" \
    r"|\b(tot|bis)\s+((het\s+jaar|zum\s+jahr|in|eind|begin|medio|ende|anfang|mitte)\s+)?(19|20)\d\d\b"  # "gehörte bis 2017 zu X"
#: a tie the clause says was, not is, blocks every ownership rule (``FORMER_TIE``)
FORMER_TIE = re.compile(_FORMER, re.I)
#: control that is no owner's: of goods or quality, or a government's (emergency powers), or in the past
_NOT_AN_OWNERS_CONTROL = (r"\b(exporte?\w*|lieferungen|leveringen|zendingen|sendungen|qualität|kwaliteit|zoll|douane|"
                          r"[\w-]*regering|overheid|[\w-]*regierung|kabinet|kabinett|[\w-]*ministerie|[\w-]*ministerium|"
                          r"minister)\b|" + _FORMER)
#: goods a buyer uses or depends on (not money, staff or markets)
_GOODS = (r"\b(chips?|processors?|prozessoren|apparatuur|technik|technologie|komponenten|componenten|onderdelen|bauteile|"
          r"geheugen\w*|speicher\w*|machines?|maschinen|anlagen|systeme|systemen|software|ausrüstung|netzwerktechnik|wafers?|"
          r"\w+-?chips|\w+-?komponenten|\w+-?apparatuur|antennes?|antennen|lasers?|lenzen|linsen|optiek|optiken|sensoren|sensors?|"
          r"modems?|servers?|scanners?|\w*halbleiter\w*|halfgeleiders?|bauelemente|radars?|radarsysteme\w*|kameras|camera's|"
          r"modules?|\w+modules?|\w+module|pumpen|pompen|\w+pumpen|\w+pompen|spiegels?|spiegel)\b")
#: using goods a seller made
#: the passive of a verb of buying ("wurde von X gekauft", "gekocht werd"): what was bought is the subject, not a buyer
_BOUGHT = r"(gekauft|aufgekauft|erworben|gekocht|opgekocht|bestellt|besteld|bezogen)"
_BOUGHT_PASSIVE = PASSIVE_AUX + r"[^,.;]{0,80}?\b" + _BOUGHT + r"\b|\b" + _BOUGHT + r"\s+" + PASSIVE_AUX
_USE_VERBS = (r"gebruikt|gebruikte|gebruikten|gebruiken|nutzt|nutzte|nutzten|genutzt|nutzen|verwendet|verwendete|verwendeten|"
              r"verwenden|verbaut|verbaute|verbauten|verbauen|eingesetzt|setzt\b[^,.;]{0,60}?\bein|zet\b[^,.;]{0,60}?\bin|ingezet")
#: making goods (for a customer)
_MADE = (r"\b(produceer\w*|produceren|geproduceerd|fabriceer\w*|fabriceren|gefabriceerd|gemaakt|maakt|maakte|maakten|maken|"
         r"produzier\w*|fertigt\w*|fertigen|gefertigt|hergestellt|herstellt|herstellen|stellt\w*\b[^,.;]{0,60}?\bher|baut|baute|"
         r"bauten|bauen|gebaut|bouwt|bouwde|bouwden|bouwen|gebouwd)\b")
#: "zu den Kunden", "tot zijn afnemers" (not "de klanten van X": customer-of) and the verbs that place a name among them
_AMONG_CUSTOMERS = (r"(tot|zu)\s+(de|den|zijn|haar|hun|seinen|ihren)\s+(\w+\s+){0,2}?(klanten|kunden|abnehmern|afnemers)\b"
                    r"(?!\s+(van|von|des|der|bij|bei)\b)")
#: a place among a group ("zu den größten Kunden des Konzerns gehören X"), seller named or not: no owner
_AMONG_GROUP = (r"\b(tot|zu)\s+(de|den|zijn|haar|hun|seinen|ihren)\s+(\w+\s+){0,2}?(klanten|kunden|abnehmern|afnemers|"
                r"lieferanten|leveranciers|partnern|partners)\b")
_BELONG_VERBS = r"(behoren|behoort|behoorde|behoorden|horen|hoort|gehören|gehört|gehörte|gehörten|zählen|zählt|zählte|zählten)"
#: one customer as the predicate, with no "van/von" naming the seller: "is ook een belangrijke afnemer", "ist einer der
#: größten Kunden"
_IS_A_CUSTOMER = (r"\b(is|ist|was|war|blijft|bleibt)\s+((ook|auch|nog|noch|al|schon|bereits|seit|sinds|\d{4}|jaren|jahren)\s+)*"
                  r"(een|ein|eine|einer)\s+((van\s+de|der)\s+)?((?-i:[a-zäöüß][\w-]*)\s+){0,2}?"
                  r"(klant|klanten|afnemer|afnemers|kunde|kunden|abnehmer|abnehmern|großkunde|großkunden|grootklant|hauptkunde)\b"
                  r"(?!\s*(van|von|bij|bei|des|der)\b)")
#: "zijn X en Y (Chinese) militaire bedrijven", "ist ein Militärunternehmen": a military company as the predicate
_IS_MILITARY_COMPANY = (r"\b(zijn|sind|is|ist|waren|war|was)\b(?=(?:(?!\b(van|von|aan|an|voor|für|met|mit|bij|bei)\b)[^,.;]){0,60}?"
                        r"\b(militaire bedrijven|militaire ondernemingen|"
                        r"militärunternehmen|militair bedrijf|militaire onderneming)\b)")
#: a buyer's products named with their maker ("die EUV-Anlagen von", "de machines van")
_PRODUCTS_OF = (r"[\w-]*(maschinen|machines|anlagen|systeme|systemen|geräte|apparaten|smartphones|telefoons|toestellen|autos|"
                r"auto's|fahrzeuge|produkte|producten|scanners|netze|netzwerke|netwerken)\s+(van|von)\b")
#: a sentence opening with goods and the buyer they are for, a supply or making verb following ("Die Chips für X liefert
#: Y"): the seller is the subject after the verb.  The match ends at "für/voor".
_FRONTED_FOR = (r"^\W*((ook|auch|zudem|daarnaast|bovendien|außerdem)\s+)?((de|het|die|der|das|den)\s+)?([\w-]+\s+){0,3}?"
                r"(voor|für)\b(?=[^,.;]{0,60}?\b(levert|leverde|leverden|liefert|lieferte|lieferten|fertigt|fertigte|fertigten|"
                r"produziert|produzierte|produceert|produceerde|produceerden|maakt|maakte|bouwt|bouwde|bouwden|baut|baute|bauten)\s+(?!(de|het|die|der|das)\s))")
#: the shares the sentence before left over ("die übrigen Anteile", "de overige aandelen", "den Rest der Aktien")
_REMAINING_SHARES = (r"\b(übrigen|restlichen|verbleibenden|anderen|overige|resterende|andere|rest)\s+((\d+|\w+)\s+(prozent|procent)\s+)?"
                     r"(anteile|aktien|aandelen|belang|beteiligung)\b|\b(den|der|de|het)\s+rest\s+(der|van de)\s+"
                     r"(anteile|aktien|aandelen)\b"
                     # the rest told as a number or a half alone: "die restlichen 35 Prozent", "de andere helft", "de rest is ..."
                     r"|\b(die|de|het)\s+(übrigen|restlichen|verbleibenden|anderen|overige|resterende|andere)\s+\d+([,.]\d+)?\s+"
                     r"(prozent|procent)\b|\b(die|de)\s+andere\s+(hälfte|helft)\b|(?i:^|[;:,]\s*)(de|der)\s+rest\s+"
                     r"(is|ist|ligt|liegt)\b")
#: classed as companies that a relative clause ties to the military ("als Unternehmen eingestuft, die mit dem Militär
#: zusammenarbeiten"); the clause after the comma must not deny it
_CLASSED_RELATIVE = (r"\bals\s+(\w+\s+){0,2}(unternehmen|firmen|konzerne|bedrijven|ondernemingen|organisationen|organisaties)\b"
                     r"(?=[^.;]{0,30}?,?\s*(die|welche|dat)\b(?![^.;]{0,100}?\b(nicht|niet|geen|kein\w*|nie|nooit)\b)"
                     r"[^.;]{0,100}?\b(militär\w*|leger|armee|volksbefreiungsarmee|strijdkrachten|krijgsmacht)\b)")
#: not allowed: "mogen geen", "dürfen keine", "geen ... mag" (the negation is the ban itself)
_MAY_NOT = (r"\b(mogen|mag|dürfen|darf|durften|durfte)\b[^,;]*?\b(geen|niet|keine|nicht)\b|"
            r"\b(geen|niet|keine|nicht)\b[^,;]*?\b(mogen|mag|dürfen|darf)\b")
#: what "comes from" a company without being goods it sold: criticism, money, data, orders, a future plan
_NOT_GOODS_COMING = (r"kritik|kritiek|vorwurf|vorwürfe|verwijten|geld|informatie|informationen|daten|gegevens|nachfrage|vraag|"
                     r"aufträge|orders|opdrachten|investering\w*|investition\w*|künftig|voortaan|straks|toekomst|zukunft|soll|sollen")
#: people coming from a company (staff moving), not goods
_PEOPLE_COMING = r"ingenieurs|ingenieure|mitarbeiter|medewerkers|topman|chef"
#: a company's plant ("de chipfabriek", "die Fabriken", "das Werk"): where goods stand or go (rules_nl reads it too)
PLANT_NOUNS = r"\w*fabrieken|\w*fabriek|\w*fabriken|\w*fabrik|werk|werken|werke|fab|fabs"
#: goods that may no longer be used or bought, in the passive, in either word order
_NEG = r"(nicht|niet|geen|keine|kein|nie|nooit)(\s+(mehr|langer|länger|meer))?"
_USED = (r"(eingesetzt|verwendet|genutzt|verbaut|gekauft|beschafft|installiert|gebruikt|ingezet|aangeschaft|aangekocht|gekocht|"
         r"geïnstalleerd)")
_MODAL = r"(dürfen|darf|durften|durfte|mogen|mag|mochten|mocht)"
_MAY_NOT_BE_USED = (rf"\b{_MODAL}\b[^,;.]{{0,60}}?\b{_NEG}\b[^,;.]{{0,60}}?\b((werden|worden)\s+{_USED}|{_USED}\s+(werden|worden))\b|"
                    rf"\b{_NEG}\b[^,;.]{{0,60}}?\b({_USED}\s+(werden|worden)\s+{_MODAL}|{_MODAL}\s+(werden|worden)\s+{_USED}|"
                    rf"{_USED}\s+{_MODAL}\s+(werden|worden))\b")
#: an owner or parent as a noun ("Mehrheitseigner", "grootaandeelhouder", "Mutterkonzern")
_OWNER_NOUN = (r"(\w*eigner|\w*eigentümer|\w*aktionär\w*|\w*aandeelhouder\w*|eigenaar|moederbedrijf|moedermaatschappij|"
               r"muttergesellschaft|mutterkonzern|gesellschafter(in)?)")
#: an owner that was, will be or may be one
_NOT_A_CURRENT_OWNER = _FORMER + r"|\b(künftige\w*|toekomstige?|beoogde|mogelijke|mögliche\w*)\b"
SMIC, ASML, HW = "Semiconductor Manufacturing International Corporation", "ASML", "Huawei Technologies"
YMTC, TSMC = "Yangtze Memory Technologies", "Taiwan Semiconductor Manufacturing Company"
EL, MIL = "US Entity List", "military"

#: verbs (and nouns) of selling or delivering goods to someone, Dutch and German
SUPPLY_VERBS = (
    r"\b(lever(de|den|t|en)|geleverd|leveringen|levering|leveren|(door)?verko(cht|chten|opt|pen)|weiterverkauf(t|te|ten)|verscheep\w*|"
    r"verscheept|exporteer\w*|geëxporteerd|liefer(te|ten|t|e|n)|geliefert|lieferung\w*|verkauf(te|ten|t|en)|"
    r"exportier\w*|ausgeliefert|verschifft\w*|stuurde|stuurden|stuurt|geschickt|schickt|schickte|schickten|"
    # goods passed on: "gaf de koelers door aan X", "gab die Chips an X weiter"
    r"doorgegeven|doorgaf|doorgaven|weitergegeben|weitergab|weitergaben|weitergeleitet|weitergeliefert|doorgestuurd|doorgeleverd|"
    r"leitete(n)?(?=[^.;]{0,80}\ban\b[^.;]{0,60}\bweiter\b)|"
    r"ga(f|ven)(?=[^.;]{0,80}\bdoor\s+aan\b)|gab(en)?(?=[^.;]{0,80}\ban\b[^.;]{0,60}\bweiter\b))\b")


#: nouns for a defence company ("Rüstungskonzern", "staatsdefensieconcern", "Waffenhersteller", "militaire universiteit")
_DEFENCE_NOUN = (r"\b(?:staats|rijks)?(rüstungs\w+|defensieconcern\w*|defensiebedrij\w+|defensiegroep\w*|defensieleverancier\w*|"
                 r"wapenfabrikant\w*|wapenproducent\w*|wapenbouwer\w*|wapenconcern\w*|waffenhersteller\w*|waffenproduzent\w*|"
                 r"militaire universiteit|militärhochschule|militäruniversität)\b")

RULES: tuple[Rule, ...] = (
    # ---- SUPPLIED -------------------------------------------------------------------------------
    Rule("supply-to", BOTH, R.SUPPLIED, SUPPLY_VERBS,
         "subject", _TO, 0.75,
         (Example("Infineon lieferte 2023 Leistungshalbleiter an Xiaomi.", ("Infineon Technologies", "SUPPLIED", "Xiaomi")),
          Example("Dat ASML jarenlang scanners aan SMIC heeft verkocht, staat vast.", (ASML, "SUPPLIED", SMIC)),
          # goods passed on: "soll die Teile an X weitergeleitet haben" (an allegation the text reports as such)
          Example("Von Istanbul aus soll Orvane Semiconductor die Teile an Calder Devices weitergeleitet haben.",
                  ("Orvane Semiconductor", "SUPPLIED", "Calder Devices")),
          Example("Orvane Semiconductor leitete die Chips an Calder Devices weiter.", ("Orvane Semiconductor", "SUPPLIED", "Calder Devices")),
          Example("Vorig jaar stopte NXP met leveringen aan Xiaomi.", ("NXP Semiconductors", "SUPPLIED", "Xiaomi")),
          Example("Nvidia verkauft Beschleuniger an chinesische Firmen wie Tencent.", ("Nvidia", "SUPPLIED", "Tencent")),
          Example("Zeiss verkocht lenzen aan Chinese klanten, onder wie Xiaomi.", ("Carl Zeiss", "SUPPLIED", "Xiaomi")),
          Example("Aixtron verkaufte Anlagen an asiatische Kunden, darunter Sanan Optoelectronics.", ("Aixtron", "SUPPLIED", "Sanan Optoelectronics")),
          # "aan zowel A als B": the preposition governs both
          Example("Orvane Systems levert lensbehuizingen aan zowel ASML als Zeiss.", ("Orvane Systems", "SUPPLIED", "Carl Zeiss")),
          Example("Orvane Systems liefert Gehäuse an sowohl ASML als auch Zeiss.", ("Orvane Systems", "SUPPLIED", ASML)),
          # a name ending like a German noun ("Baltik", as "Politik") before a company's compound; its short form
          # later, the verb second and the goods right after it ("verkaufte Baltik Mikrocontroller")
          Example("Die Kieler Baltik Handelsgesellschaft steht vor Gericht. Im Jahr 2023 verkaufte Baltik Mikrocontroller "
                  "und Funkmodule an Tengri Trade.", ("Baltik Handelsgesellschaft", "SUPPLIED", "Tengri Trade")),
          Example("Elmos liefert Chips vor allem an Autohersteller und -zulieferer, darunter Bosch und Continental.",
                  ("Elmos Semiconductor", "SUPPLIED", "Robert Bosch")),
          Example("Zeiss heeft nooit lenzen aan SMIC geleverd.", None),
          Example("Micron liefert seit 2019 keine Speicherchips mehr an Huawei.", ("Micron Technology", "SUPPLIED", HW)),
          Example("Samsung levert sinds de sancties geen chips meer aan Huawei.", ("Samsung Electronics", "SUPPLIED", HW)),
          Example("Samsung hat nie Chips an Huawei geliefert, auch keine Speicher mehr.", None),
          Example("Intel verkocht zijn NAND-divisie aan SK hynix.", None),
          Example("Tessaro Holdings verkoopt de chipfabriek in Newport aan Calder Devices.", None),
          Example("Tessaro Holdings verkaufte die Halbleitersparte an Calder Devices.", None),
          Example("Infineon erhielt eine Genehmigung für Lieferungen an Huawei.", None),
          Example("Tessaro Holdings verkocht Orvane Semiconductor in 2021 aan Keystone Capital.", ("Orvane Semiconductor", "OWNED_BY", "Keystone Capital")),
          Example("Orvane Semiconductor darf seit dem Verbot keine Chips mehr an Huawei liefern.", ("Orvane Semiconductor", "SUPPLIED", HW)),
          Example("Orvane Semiconductor kan sinds de sancties geen chips meer aan Huawei leveren.", ("Orvane Semiconductor", "SUPPLIED", HW)),
          Example("Orvane Semiconductor zou geen chips meer aan Huawei kunnen leveren.", None),
          Example("Die Regierung untersagte Orvane Semiconductor, eine Anlage an Huawei zu liefern.", None),
          # a second buyer joined with an article, an adjective and a company noun is governed by the same "an"
          Example("Orvane Semiconductor liefert Chips an Bosch und den chinesischen Autobauer Nio.", ("Orvane Semiconductor", "SUPPLIED", "Nio")),
          Example("Orvane Trading gaf ten minste drie van de koelers door aan Calder Devices.", ("Orvane Trading", "SUPPLIED", "Calder Devices")),
          Example("Orvane Trading gab die Analysatoren später an Calder Devices weiter.", ("Orvane Trading", "SUPPLIED", "Calder Devices")),
          Example("Orvane Trading gaf aan dat Calder Devices een klant is.", None),
          # an investigating office is no company "het bedrijf" could stand for
          Example("Het onderzoek werd geleid door de FIOD. Volgens justitie leverde het bedrijf chips aan Calder Devices.", None)),
         tail_pool="parties", blocked_by=_NOT_GOODS + "|" + _NOT_YET_SOLD, unless_company_object=True),
    # a company sold: the buyer becomes its owner ("verkocht Orvane aan Keystone")
    Rule("sold-company", BOTH, R.OWNED_BY,
         r"\b(verko(cht|chten|opt)|verkauf(te|ten|t))\b",
         "sold_company", "pp:aan|an", 0.7,
         (Example("Tessaro Holdings verkocht Orvane Semiconductor in 2021 aan Keystone Capital.", ("Orvane Semiconductor", "OWNED_BY", "Keystone Capital")),
          Example("Tessaro Holdings verkaufte Orvane Semiconductor 2021 an Keystone Capital.", ("Orvane Semiconductor", "OWNED_BY", "Keystone Capital")),
          Example("Tessaro Holdings wil Orvane Semiconductor aan Keystone Capital verkopen.", None),
          Example("Tessaro Holdings verkocht chips aan Keystone Capital.", None),
          Example("Vorig jaar verkocht ASML twee scanners aan SMIC.", None)),
         tail_pool="orgs", blocked_by=_UNDONE_DEAL),
    Rule("supply-dative", BOTH, R.SUPPLIED,
         r"\b(lever(de|den|t|en)|geleverd|liefer(te|ten|t|n)|geliefert|verko(cht|chten|opt)|verkauf(te|ten|t))\b",
         "subject", "object", 0.65,
         (Example("Zeiss liefert ASML seit Jahrzehnten Optiken.", ("Carl Zeiss", "SUPPLIED", ASML)),
          Example("Bekend is dat Tokyo Electron YMTC etsmachines leverde.", ("Tokyo Electron", "SUPPLIED", YMTC)),
          Example("ASML levert al jaren machines, meldt SMIC.", None),
          # a headline's label before the colon is no subject
          Example("Magdeburger Chipwerk Kestrel Wafer: ASML liefert erste Anlagen", None)),
         blocked_by=r"\b(aan|naar|an|nach|voor|für|via|über|door|durch|bij|bei|van|von)\b|" + _NOT_GOODS),
    Rule("supply-noun-from", BOTH, R.SUPPLIED, r"\b(leveringen|levering|zendingen|zending|verschepingen|lieferungen|lieferung|"
         r"auslieferungen|sendungen|exporte|export)\s+(van|von)\b",
         "pp:van|von", _TO, 0.7,
         (Example("Die Lieferungen von NXP an Xiaomi stiegen kräftig.", ("NXP Semiconductors", "SUPPLIED", "Xiaomi")),
          Example("De meeste zendingen van Brabant Vacuum Systems gingen naar Astana Trade Link.",
                  ("Brabant Vacuum Systems", "SUPPLIED", "Astana Trade Link")),
          Example("Die Sendungen von NXP gingen zuletzt an Xiaomi.", ("NXP Semiconductors", "SUPPLIED", "Xiaomi")),
          Example("De leveringen van ASML aan SMIC zijn bevroren.", (ASML, "SUPPLIED", SMIC)),
          Example("Den Haag verbiedt de export van scanners van ASML naar China.", None)),
         tail_pool="parties", blocked_by=_NOT_GOODS + r"|\b(verbiedt|verbood|verboden|verbieden|verbod|verbot|verbietet|untersagt\w*|"
         r"blokkeert|blokkeerde|blockiert\w*|stopt|stoppt|beperkt|beschränkt\w*)\b"),
    # the buyer as the subject of a passive: "Huawei wird von TSMC mit Chips beliefert"
    Rule("supplied-passive", BOTH, R.SUPPLIED, r"\b(beliefert|versorgt|bevoorraad|voorzien|beleverd|ausgestattet|ausgerüstet)\b",
         "pp:von|vom|door|durch", "subject", 0.7,
         (Example("Huawei wird seit Jahren von TSMC mit Chips beliefert.", (TSMC, "SUPPLIED", HW)),
          Example("Lenovo wordt door Intel van processors voorzien.", ("Intel", "SUPPLIED", "Lenovo")),
          Example("Huawei wurde nie von TSMC beliefert.", None),
          Example("Brightwave Mobile, dat door Orvane Semiconductor wordt beleverd, groeit.", ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Brightwave Mobile wird von Orvane Semiconductor mit Lasern ausgestattet.", ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile"))),
         requires=PASSIVE_AUX),
    # goods delivered in the passive, the buyer after "voor/für/aan/an": "De onderdelen voor X worden geleverd door Y",
    # "Die Laser für X werden von Y geliefert"; or as what the buyer gets: "X krijgt zijn wafers geleverd door Y"
    Rule("delivered-by-passive", BOTH, R.SUPPLIED, r"\b(geleverd|geliefert)\b",
         "pp:door|durch|von|vom", "pp:voor|für|aan|an", 0.65,
         (Example("De onderdelen voor Brightwave Mobile worden geleverd door Orvane Semiconductor.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Die Laser für Brightwave Mobile werden von Orvane Semiconductor geliefert.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("De onderdelen voor Brightwave Mobile zullen voortaan door Orvane Semiconductor worden geleverd.", None),
          Example("De onderdelen voor Brightwave Mobile worden niet door Orvane Semiconductor geleverd.", None)),
         requires=PASSIVE_AUX, blocked_by=_NOT_YET_SOLD),
    Rule("gets-delivered-by", BOTH, R.SUPPLIED,
         r"\b(krijgt|kreeg|kregen|krijgen|bekommt|bekam|bekamen)\b[^,.;]{0,40}?\b(geleverd|geliefert)\b",
         "pp:door|durch|von|vom", "subject", 0.65,
         (Example("Brightwave Mobile krijgt zijn wafers geleverd door Orvane Semiconductor.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Brightwave Mobile bekommt seine Wafer von Orvane Semiconductor geliefert.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")))),
    # equipping a buyer: "Y stattet X mit Lasern aus", "Y rüstet X aus"
    Rule("equips", frozenset({DE}), R.SUPPLIED,
         r"\b(stattet|stattete|statteten|rüstet|rüstete|rüsteten)\b[^,.;]{0,60}?\baus\b|\b(ausgestattet|ausgerüstet)\b",
         "subject", "object", 0.65,
         (Example("Orvane Semiconductor stattet Brightwave Mobile mit Lasern aus.", ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Orvane Semiconductor hat Brightwave Mobile jahrelang mit Antennen ausgerüstet.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Orvane Semiconductor will Brightwave Mobile mit Lasern ausstatten.", None),
          Example("Orvane Semiconductor rüstet die Fabriken von Brightwave Mobile aus.", None)),
         tail_pool="parties", blocked_by=r"\b(kapital|geld|mitteln|befugnissen|rechten|personal)\b"),
    # an order placed with a seller: "plaatste een order van 200 miljoen euro bij Y", "platzierte einen Großauftrag bei Y"
    Rule("placed-order", BOTH, R.SUPPLIED,
         r"\b(plaatst|plaatste|plaatsten|geplaatst|platziert|platzierte|platzierten|tätigte|tätigten)\b[^,.;]{0,60}?"
         r"\b(order|orders|bestelling\w*|bestellung\w*|\w*auftrag|\w*aufträge)\b",
         "pp:bij|bei", "subject", 0.65,
         (Example("Brightwave Mobile plaatste vorig jaar een order van 200 miljoen euro bij Orvane Semiconductor.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Brightwave Mobile platzierte einen Großauftrag bei Orvane Semiconductor.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Brightwave Mobile wil een order plaatsen bij Orvane Semiconductor.", None),
          Example("Brightwave Mobile plaatste een order bij Orvane Semiconductor, maar annuleerde die later.", None)),
         blocked_after=True),
    Rule("supply-object", BOTH, R.SUPPLIED,
         r"\b(belieferte|belieferten|beliefert|beliefern|voorzag|voorziet|voorzien|bevoorraadt|bevoorraadde|bevoorraadden|versorgt\w*|"
         r"belevert|beleverde|beleverden|beleveren)\b",
         "subject", "object", 0.7,
         (Example("TSMC belieferte Huawei bis 2020 mit Chips.", (TSMC, "SUPPLIED", HW)),
          Example("Intel voorziet Lenovo van processors.", ("Intel", "SUPPLIED", "Lenovo")),
          Example("Besi belevert grote chipmakers, waaronder TSMC.", ("BE Semiconductor Industries", "SUPPLIED", TSMC)),
          Example("Weil Micron Lenovo mit Speicher beliefert, ist der Konzern betroffen.", ("Micron Technology", "SUPPLIED", "Lenovo"))),
         tail_pool="parties"),
    # goods of a maker sold through a distributor, told in the passive: "In Nederland worden camera's van X verkocht via
    # distributeur Y", "Die Kameras von X werden über den Händler Y vertrieben": the maker supplied the distributor
    Rule("sold-via-distributor", BOTH, R.SUPPLIED,
         r"\b(via|über|door)\s+(de\s+|den\s+|die\s+)?[\w-]*(distributeur|distributor|händler|handelaar|groothandel|"
         r"großhändler|vertriebspartner|dealer)\b",
         "maker_before", "pp_after:via|über|door", 0.65,
         (Example("In Nederland worden camera's van Orvane Vision verkocht via distributeur Calder Security uit Breda.",
                  ("Orvane Vision", "SUPPLIED", "Calder Security")),
          Example("In Deutschland werden die Kameras von Orvane Vision über den Händler Calder Security vertrieben.",
                  ("Orvane Vision", "SUPPLIED", "Calder Security")),
          Example("In Nederland worden camera's van Orvane Vision niet verkocht via distributeur Calder Security.", None)),
         requires=r"\b(verkocht|verkauft|vertrieben|gedistribueerd|aangeboden|angeboten)\b"),
    Rule("bought-from", BOTH, R.SUPPLIED,
         r"\b(kocht|koopt|kopen|kochten|gekocht|ingekocht|inkopen|bestelde|bestelden|bestelt|besteld|bestellen|betrekt|betrok|"
         r"kaufte|kauft|gekauft|bestellte|bestellten|bestellt|bezieht|bezog|bezogen|beziehen|erhielt|erhalten|ontving|ontvangen|"
         r"krijgt|kreeg|kregen|gekregen|bekommt|bekam|bekamen|bekommen|kaufen|afgenomen|afneemt|afnam|afnamen|afnemen|"
         r"(nam|namen|neemt|nemen)\b[^,.;]{0,40}?\baf)\b",
         # "über den Distributor X", "via distributeur X": who passed the goods on supplied them
         "pp:bij|bei|van|von|aus|uit|über|via", "subject", 0.7,
         (Example("Huawei bezieht weiterhin Speicherchips von Micron.", ("Micron Technology", "SUPPLIED", HW)),
          Example("Die Calder Devices GmbH bezog die Chips über den Distributor Orvane Trading.",
                  ("Orvane Trading", "SUPPLIED", "Calder Devices GmbH")),
          Example("Die Rheinmark GmbH hatte die Bauteile beim Distributor Arrow Central Europe bezogen.",
                  ("Arrow Central Europe", "SUPPLIED", "Rheinmark GmbH")),
          Example("Volgens het FD koopt NXP wafers bij Shin-Etsu.", ("Shin-Etsu Chemical", "SUPPLIED", "NXP Semiconductors")),
          Example("Corvel Memory kauft Anlagen bei Vantor Lithography und bezieht Ersatzteile von Lindqvist Tools.",
                  ("Lindqvist Tools", "SUPPLIED", "Corvel Memory")),
          Example("Corvel Memory koopt machines bij Vantor Lithography en betrekt onderdelen van Lindqvist Tools.",
                  ("Vantor Lithography", "SUPPLIED", "Corvel Memory")),
          Example("Huawei kocht een belang van NXP.", None),
          Example("Calder Devices kaufte die Chipsparte von Orvane Semiconductor.", None),
          Example("Orvane Semiconductor baut Laser in Jena. Calder Devices bezieht Laser aus Jena.", None),
          Example("Orvane Semiconductor aus Jena baut Laser. Calder Devices bezieht Laser aus Jena.",
                  ("Orvane Semiconductor", "SUPPLIED", "Calder Devices")),
          Example("Brightwave Mobile nam vorig jaar twintig machines af van Orvane Semiconductor.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Biren kreeg een financiering van Hillhouse Capital.", None),
          Example("Brightwave Mobile krijgt zijn chips van Orvane Semiconductor.", ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          # the separable verb whole at the end of a subordinate clause
          Example("Het gaat om Brightwave Mobile, dat elk jaar miljoenen sensoren van Orvane Semiconductor afneemt.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Orvane Semiconductor heeft vorig jaar voor 50 miljoen dollar aan apparatuur gekocht van Calder Devices.",
                  ("Calder Devices", "SUPPLIED", "Orvane Semiconductor")),
          Example("Brightwave Mobile kreeg toestemming van het ministerie.", None),
          Example("Orvane Semiconductor erhielt Fördergelder von Tessaro Holdings.", None),
          Example("Orvane Semiconductor darf keine Produkte mehr von Calder Devices kaufen.", ("Calder Devices", "SUPPLIED", "Orvane Semiconductor")),
          # who receives an order sells (won-tender), it does not buy
          Example("Die Firma Orvane Semiconductor erhielt im Mai einen Auftrag von Brightwave Mobile über zwanzig Maschinen.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          # the passive of buying: its subject is what was bought, a company bought changes owner (taken-over-by-passive)
          Example("Orvane Semiconductor wurde 2019 vom Konzern Tessaro Holdings gekauft.", None),
          Example("Orvane Semiconductor, das 2019 von Tessaro Holdings gekauft wurde, wächst.", None),
          Example("Orvane Semiconductor werd vorig jaar door Tessaro Holdings gekocht.", None)),
         blocked_by=_BOUGHT_PASSIVE + r"|\b(aandelen|aandeel|belang|aktien|anteil\w*|beteiligung|\w*sparte|\w*divisie|\w*afdeling|geschäftsbereich\w*|"
                    r"financiering\w*|investering\w*|kapitaal|lening\w*|subsidie\w*|steun|krediet|"
                    r"finanzierung\w*|investition\w*|kapital|kredit\w*|darlehen|zuschuss|zuschüsse|förderung\w*|\w*geld|\w*gelder|"
                    r"\w*mittel|subvention\w*|subsidie\w*|"
                    # "erhielt einen Auftrag von X": the one who receives an order sells to X (won-tender)
                    r"auftrag|aufträge|auftr[aä]ge\w*|bestellung\w*|\w*order|orders|\w*opdracht\w*|bestelling\w*|zuschlag|aanbesteding|"
                    r"ausschreibung|\w*auftrag|"
                    r"toestemming|vergunning\w*|genehmigung\w*|erlaubnis|boete\w*|strafe\w*|waarschuwing\w*|warnung\w*|"
                    r"brief|klacht\w*|beschwerde\w*|kritiek|kritik|steun|unterstützung|hulp|hilfe)\b"),
    # goods bought named by their maker in the genitive: "bezieht DRAM-Bausteine des Herstellers X", "kauft Chips der Firma X"
    Rule("bought-goods-of-maker", frozenset({DE}), R.SUPPLIED,
         r"\b(kaufte|kauften|kauft|kaufen|gekauft|bestellte|bestellten|bestellt|bestellen|bezieht|bezog|bezogen|beziehen|erhielt|erhalten|"
         r"bekommt|bekam|bekommen|verwendet|verwendete|verwendeten|nutzt|nutzte|verbaut|verbaute|verbauten)\b",
         "pp:gen", "subject", 0.65,
         (Example("Brightwave Mobile bezieht seit 2022 DRAM-Bausteine des Herstellers Orvane Semiconductor.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Brightwave Mobile kauft Chips der Firma Orvane Semiconductor.", ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Brightwave Mobile kaufte die Chipsparte des Herstellers Orvane Semiconductor.", None),
          Example("Brightwave Mobile bezieht keine Chips des Herstellers Orvane Semiconductor.", None)),
         requires=r"(chips?|\w*bausteine|prozessoren|speicher\w*|\w*komponenten|\w*bauteile|anlagen|maschinen|sensoren|wafer|"
                  r"\w*module|\w+chips|\w*technik|ausrüstung|geräte|systeme|laser|optiken)\s+(des|der)\s"),
    # "haalt chips bij SMIC": Dutch for getting goods from a supplier
    Rule("gets-from", frozenset({NL}), R.SUPPLIED, r"\b(haalt|haalde|haalden|halen)\b[^,.;]{0,40}?\bbij\b",
         "pp:bij", "subject", 0.65,
         (Example("Huawei haalt sinds 2020 chips bij SMIC.", (SMIC, "SUPPLIED", HW)),
          Example("ASML haalt een groot deel van zijn omzet bij klanten als TSMC.", None)),
         # "een order binnenhalen bij Y": Y buys (won-tender-noun-first)
         blocked_by=r"\b(omzet|winst|geld|kapitaal|financiering|investering\w*|inspiratie|personeel|ingenieurs|talent|"
                    r"\w*order|orders|\w*opdracht\w*|contract\w*|aanbesteding\w*)\b"),
    Rule("uses-products-of", BOTH, R.SUPPLIED, r"\b(" + _USE_VERBS + r")\b",
         _FROM, "subject", 0.65,
         (Example("Huawei heeft jarenlang chips van TSMC gebruikt.", (TSMC, "SUPPLIED", HW)),
          Example("Lenovo verwendet in seinen Laptops Prozessoren von Intel.", ("Intel", "SUPPLIED", "Lenovo")),
          Example("Der Netzbetreiber Brightwave Mobile setzt in seinem Kernnetz Technik von Orvane Semiconductor ein.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Lenovo mag geen chips van Micron meer gebruiken.", None),
          Example("Vor allem die Deutsche Telekom und Vodafone nutzen in ihren Antennennetzen Technik von Huawei.", (HW, "SUPPLIED", "Vodafone")),
          # goods that "are used" in a relative clause name no user ("used-by-passive" reads a passive with its agent)
          Example("Orvane, een dochter van Tessaro Investment, maakt lasers die worden gebruikt in meetapparatuur.", None)),
         requires=_GOODS, blocked_by=r"\b(worden|wordt|werden|wird|wurden|wurde)\b"),
    # the maker's goods used by a buyer, in the passive with both names before the verb: "Die Anlagen von X werden auch
    # vom Speicherhersteller Y eingesetzt", "De chips van X worden door Y gebruikt"
    Rule("used-by-passive", BOTH, R.SUPPLIED,
         r"\b(eingesetzt|verwendet|genutzt|verbaut|gebruikt|ingezet|toegepast)\b",
         "maker_first", "agent_last", 0.6,
         (Example("Die Anlagen von Orvane Semiconductor werden auch vom Speicherhersteller Calder Devices eingesetzt.",
                  ("Orvane Semiconductor", "SUPPLIED", "Calder Devices")),
          Example("Die Chips von Orvane Semiconductor werden von Calder Devices in Autos verbaut.",
                  ("Orvane Semiconductor", "SUPPLIED", "Calder Devices")),
          Example("Die Chips von Orvane Semiconductor werden von Calder Devices nicht verwendet.", None),
          Example("Die Chips von Orvane Semiconductor sollen künftig von Calder Devices verwendet werden.", None)),
         requires=PASSIVE_AUX),
    # goods named by their maker in a compound: "der ZTE-Technik in seinem Netz verbaut hat", "gebruikt Huawei-apparatuur"
    Rule("uses-compound-goods", BOTH, R.SUPPLIED,
         r"\b(" + _USE_VERBS + r"|installeerde|installeerden|geïnstalleerd|installiert|installierte|kocht|koopt|gekocht|kaufte|kauften|gekauft|"
         r"bezieht|bezog|bezogen|betrekt|betrok)\b",
         "compound_maker", "subject", 0.65,
         (Example("Betroffen ist Brightwave Mobile, der ZTE-Technik in Teilen seines Netzes verbaut hat.", ("ZTE", "SUPPLIED", "Brightwave Mobile")),
          Example("Brightwave Mobile gebruikt al jaren Huawei-apparatuur in zijn netwerk.", (HW, "SUPPLIED", "Brightwave Mobile")),
          Example("Brightwave Mobile heeft nooit Huawei-apparatuur gebruikt.", None),
          Example("Brightwave Mobile sagt, der Konzern wolle keine Huawei-Technik mehr verwenden.", None))),
    # a possessive before a customer or supplier named after it: "ASML's grootste klant TSMC", "Infineons Kunde X",
    # "Apples Zulieferer Foxconn"
    Rule("possessor-customer", BOTH, R.SUPPLIED, r"(?<![\w'’-])((?-i:[a-zäöüß][\w-]+)\s+)?(\w*klant|afnemer|\w*kunde|abnehmer)\b",
         "possessor", "next", 0.65,
         (Example("ASML's grootste klant TSMC bestelt nieuwe machines.", (ASML, "SUPPLIED", TSMC)),
          Example("Huaweis wichtigster Kunde Telefonica baut sein Netz aus.", (HW, "SUPPLIED", "Telefónica")),
          Example("ASML's voormalige klant TSMC bestelt elders.", None)),
         tail_pool="parties", blocked_by=_NOT_A_CURRENT_OWNER),
    Rule("possessor-supplier", BOTH, R.SUPPLIED,
         r"(?<![\w'’-])((?-i:[a-zäöüß][\w-]+)\s+)?(\w*leverancier|\w*lieferant|zulieferer|\w*ausrüster|toeleverancier)\b",
         "next", "possessor", 0.65,
         (Example("Huawei's leverancier Orvane Semiconductor groeit.", ("Orvane Semiconductor", "SUPPLIED", HW)),
          Example("Huaweis Zulieferer Infineon wächst.", ("Infineon Technologies", "SUPPLIED", HW)),
          Example("Huaweis ehemaliger Zulieferer Orvane Semiconductor wächst.", None)),
         blocked_by=_NOT_A_CURRENT_OWNER),
    # "Zu seinen Kunden zählen X und Y", "Tot de klanten behoort ook Y": the company the text is about sells to them
    Rule("customers-are", BOTH, R.SUPPLIED,
         r"\b" + _AMONG_CUSTOMERS + r"[^,.;]{0,30}?\b" + _BELONG_VERBS + r"\b",
         "context_company", "members", 0.6,
         (Example("Orvane Semiconductor levert chips aan ziekenhuizen. Tot de klanten behoort ook Brightwave Mobile.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Orvane Semiconductor wächst. Zu seinen größten Kunden zählen Brightwave Mobile und Calder Devices.",
                  ("Orvane Semiconductor", "SUPPLIED", "Calder Devices")),
          # the seller in the clause before, with its verb
          Example("Orvane Semiconductor liefert Sensoren an Autohersteller; zu den wichtigsten Abnehmern gehören Calder Devices "
                  "und Brightwave Mobile.", ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Orvane Semiconductor levert lasers aan autobouwers; tot de grootste afnemers behoort Calder Devices.",
                  ("Orvane Semiconductor", "SUPPLIED", "Calder Devices")),
          Example("Orvane Semiconductor en Tessaro Holdings groeien. Tot de klanten behoort Brightwave Mobile.", None),
          Example("Orvane Semiconductor levert aan Calder Devices en Tessaro Holdings. Tot de klanten behoort ook Brightwave Mobile.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Tot de klanten behoort Brightwave Mobile.", None))),
    # the verb before the customers: "Auch Bosch gehört zu den Abnehmern", "Ook Philips behoort tot de klanten"
    # (only lower-case words between: "zählt YMTC zu seinen Kunden" is counted-as-customer)
    Rule("is-among-customers", BOTH, R.SUPPLIED,
         r"\b" + _BELONG_VERBS + r"\s+((?-i:[a-zäöüß]+)\s+){0,2}?" + _AMONG_CUSTOMERS,
         "context_company", "subject", 0.6,
         (Example("Orvane Semiconductor verkauft Chips an BMW. Auch Brightwave Mobile gehört zu den Abnehmern.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Orvane Semiconductor maakt sensoren. Ook Brightwave Mobile behoort tot de klanten.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Orvane Semiconductor maakt sensoren. Brightwave Mobile behoort niet tot de klanten.", None),
          Example("Orvane Semiconductor und Tessaro Holdings wachsen. Auch Brightwave Mobile gehört zu den Kunden.", None))),
    # a sentence that opens with customers named by example: "Chinese klanten als SMIC en Hua Hong bestelden ...",
    # "Auch Kunden wie X ..." (whose customers: the seller the text is about)
    Rule("customers-such-as", BOTH, R.SUPPLIED,
         r"^\W*((ook|auch|zo|so)\s+)?((de|die|het|zijn|haar|seine|ihre)\s+)?([\w-]+\s+){0,2}?(\w*klanten|\w*kunden|afnemers|abnehmer)"
         r"\s*,?\s+(als|zoals|wie|etwa|waaronder|darunter|onder wie|wie etwa)\b",
         "context_company", "members", 0.6,
         (Example("Orvane Semiconductor verscheepte veel machines naar China. Chinese klanten als Calder Devices en Brightwave "
                  "Mobile bestelden vooral oudere systemen.", ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Orvane Semiconductor und Tessaro Holdings wachsen. Kunden wie Calder Devices bestellen mehr.", None))),
    # customers named by example further on in the sentence: "ASML haalde veel omzet uit China, waar klanten zoals X en Y
    # machines bestelden" (whose customers: the company the sentence opens with)
    Rule("customers-such-as-later", BOTH, R.SUPPLIED,
         r"(?<=\w\W)\b(\w*klanten|\w*kunden|afnemers|abnehmer|abnehmern)\s*,?\s+(als|zoals|wie|etwa|waaronder|darunter|onder wie|"
         r"wie etwa)\b",
         "opening", "members", 0.6,
         (Example("Orvane Semiconductor haalde veel omzet uit China, waar klanten zoals Calder Devices en Brightwave Mobile "
                  "machines bestelden.", ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Orvane Semiconductor verliert Kunden wie Calder Devices an die Konkurrenz.", ("Orvane Semiconductor", "SUPPLIED", "Calder Devices")),
          Example("Orvane Semiconductor hofft auf Kunden wie Calder Devices.", None),
          Example("Tessaro Holdings zegt dat klanten als Calder Devices minder kopen.", None),
          Example("Tessaro Holdings warnt, Kunden wie Calder Devices könnten abspringen.", None))),
    # one customer as the subject, the seller left to the sentence before: "Ook X is een afnemer", "Auch X ist ein
    # wichtiger Kunde" (a customer "van Y"/"von Y" is customer-of's)
    Rule("is-a-customer", BOTH, R.SUPPLIED, _IS_A_CUSTOMER,
         "context_company", "subject", 0.6,
         (Example("Orvane Semiconductor levert lasers aan Calder Devices. Ook Brightwave Mobile is een afnemer.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Orvane Semiconductor liefert Sensoren an Calder Devices. Auch Brightwave Mobile ist ein wichtiger Kunde.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Orvane Semiconductor liefert Sensoren an Calder Devices. Brightwave Mobile ist seit 2019 einer der größten "
                  "Abnehmer.", ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Orvane Semiconductor maakt lasers in Delft. Brightwave Mobile is geen klant.", None),
          Example("Orvane Semiconductor maakt lasers in Delft. Brightwave Mobile is een potentiële klant.", None),
          Example("Orvane Semiconductor und Tessaro Holdings wachsen. Auch Brightwave Mobile ist ein Kunde.", None),
          Example("Brightwave Mobile is een grote klant.", None)),
         blocked_by=_FORMER + r"|\b(potenti\w*|mogelijke?|möglicher?|künftige\w*|toekomstige?|beoogde|gewenste?|"
                              r"interessante?|interessierte\w*)\b"),
    # customers named as the predicate: "Grote afnemers zijn X en Y", "Wichtigste Kunden sind X und Y"
    Rule("customers-named", BOTH, R.SUPPLIED,
         r"^\W*((ook|auch)\s+)?((een|één)\s+van\s+(de|zijn|haar)\s+|(einer|eine|einen)\s+(der|seiner|ihrer)\s+|(onder|unter)\s+)?"
         r"((de|die|het|zijn|haar|hun|seine|ihre|der)\s+)?([\w-]+\s+){0,2}?(\w*klanten|\w*klant|\w*kunden|"
         r"\w*kunde|afnemers?|abnehmer)\s+(zijn|waren|is|was|sind|ist|war)\b",
         "context_company", "members", 0.6,
         (Example("Orvane Semiconductor maakt eenvoudige chips. Grote afnemers zijn Calder Devices en Brightwave Mobile.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Orvane Semiconductor baut Sensoren. Wichtigste Kunden sind Calder Devices und Brightwave Mobile.",
                  ("Orvane Semiconductor", "SUPPLIED", "Calder Devices")),
          Example("Orvane Semiconductor und Tessaro Holdings wachsen. Wichtigste Kunden sind Calder Devices.", None),
          Example("Orvane Semiconductor verkocht veel machines. Onder de klanten zijn Calder Devices en Brightwave Mobile.",
                  ("Orvane Semiconductor", "SUPPLIED", "Calder Devices")),
          Example("Orvane Semiconductor maakt chips. Een van de grootste klanten is het Amerikaanse Brightwave Mobile.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Orvane Semiconductor maakt chips. Grote afnemers zijn niet Calder Devices en Brightwave Mobile.", None),
          Example("Orvane Semiconductor maakt chips. Grote afnemers zijn volgens analisten Calder Devices en Brightwave Mobile.",
                  ("Orvane Semiconductor", "SUPPLIED", "Calder Devices")))),
    # a maker's goods going to a buyer: "De chips van Nexperia gaan naar autofabrikanten zoals Bosch",
    # "Die Chips gehen an Hersteller wie BMW" (the maker: named in the clause, else the company the text is about)
    Rule("goods-go-to", BOTH, R.SUPPLIED,
         r"\b(gaan|gaat|ging|gingen|gehen|geht|ging|gingen)\b[^,.;]{0,40}?\b(naar|an|nach)\b",
         "goods_maker", _TO, 0.6,
         (Example("De chips van Orvane Semiconductor gaan naar autofabrikanten zoals Brightwave Mobile.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Orvane Semiconductor baut Sensoren. Die Chips gehen an Hersteller wie Calder Devices.",
                  ("Orvane Semiconductor", "SUPPLIED", "Calder Devices")),
          Example("Orvane Semiconductor baut Sensoren. Die Chips gehen künftig an Hersteller wie Calder Devices.", None),
          Example("De topman van Orvane Semiconductor gaat naar Calder Devices.", None),
          Example("Orvane Semiconductor und Tessaro Holdings wachsen. Die Chips gehen an Calder Devices.", None)),
         tail_pool="parties", requires=_GOODS,
         blocked_by=r"\b(künftig|voortaan|straks|toekomst|zukunft|soll|sollen|moeten|müssen|topman|chef|ceo|manager|medewerkers|"
                    r"mitarbeiter|ingenieurs|ingenieure|winst|gewinn|geld|aandelen|aktien|dividend\w*)\b"),
    # goods coming from a seller: "Bei X stammen viele Antennen von Y", "De chips voor X komen van Y"
    Rule("comes-from", BOTH, R.SUPPLIED,
         r"\b(stammen|stammt|stammte|stammten|kommen|kommt|kam|kamen|komen|komt|kwam|kwamen)\b[^,.;]{0,40}?\b(von|vom|van)\b",
         "pp:von|vom|van", "pp:bei|bij|für|voor", 0.6,
         (Example("Bei Brightwave Mobile stammen viele Antennen von Orvane Semiconductor.", ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("De chips voor Brightwave Mobile komen van Orvane Semiconductor.", ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Bei Brightwave Mobile kommt die Kritik von Orvane Semiconductor.", None),
          Example("De chips voor Brightwave Mobile komen niet van Orvane Semiconductor.", None),
          Example("Die Chips für Brightwave Mobile sollen künftig von Orvane Semiconductor kommen.", None)),
         requires=_GOODS,
         blocked_by=rf"\b({_NOT_GOODS_COMING})\b"),
    # the buyer's own goods coming from a seller: "De lasers van ASML komen van Trumpf", "Die Optik in den Anlagen von X
    # stammt von Y"
    Rule("owners-goods-come-from", BOTH, R.SUPPLIED,
         r"\b(stammen|stammt|stammte|stammten|kommen|kommt|kam|kamen|komen|komt|kwam|kwamen)\b[^,.;]{0,40}?\b(von|vom|van)\b",
         "pp:von|vom|van", "maker_before", 0.6,
         (Example("De lasers van Orvane Semiconductor komen van Calder Devices.", ("Calder Devices", "SUPPLIED", "Orvane Semiconductor")),
          Example("Die Optik in den Anlagen von Orvane Semiconductor stammt von Calder Devices.",
                  ("Calder Devices", "SUPPLIED", "Orvane Semiconductor")),
          Example("De lasers van Orvane Semiconductor komen niet van Calder Devices.", None),
          Example("Die Kritik von Orvane Semiconductor kommt von Calder Devices.", None)),
         requires=_GOODS,
         blocked_by=rf"\b({_NOT_GOODS_COMING}|{_PEOPLE_COMING})\b"),
    # a seller's machines standing in a buyer's plant: "In de fabriek van SMIC staan twaalf scanners van ASML"
    Rule("machines-stand-in-plant-of", BOTH, R.SUPPLIED,
         rf"\b(?:in|im)\s+(?:de|den|der|dem|het)?\s*(?:[\w-]+\s+){{0,2}}?(?:{PLANT_NOUNS})\s+(?:van|von)\s+[^,.;]{{1,50}}?\b"
         r"(?:staan|stonden|staat|stond|stehen|standen|steht|stand|draaien|draait|laufen|läuft)\b",
         "pp_after:van|von", "inside", 0.6,
         (Example("In de fabriek van Orvane Semiconductor staan volgens ingewijden twaalf scanners van Calder Devices.",
                  ("Calder Devices", "SUPPLIED", "Orvane Semiconductor")),
          Example("In den Fabriken von Orvane Semiconductor stehen Anlagen von Calder Devices.",
                  ("Calder Devices", "SUPPLIED", "Orvane Semiconductor")),
          Example("In de fabriek van Orvane Semiconductor staan geen scanners van Calder Devices.", None)),
         requires=_GOODS),
    # goods coming from a seller, the buyer the company the text is about: "De lasers komen van Y", "Die Pumpen stammen von Y"
    Rule("comes-from-for-context", BOTH, R.SUPPLIED,
         r"\b(stammen|stammt|stammte|stammten|kommen|kommt|kam|kamen|komen|komt|kwam|kwamen)\b[^,.;]{0,40}?\b(von|vom|van)\b",
         "pp:von|vom|van", "context_company", 0.55,
         (Example("Orvane Semiconductor baut Messgeräte. Die Laser kommen von Calder Devices aus Berlin.",
                  ("Calder Devices", "SUPPLIED", "Orvane Semiconductor")),
          Example("Orvane Semiconductor maakt modules. De lasers komen van Calder Devices in Berlijn.",
                  ("Calder Devices", "SUPPLIED", "Orvane Semiconductor")),
          Example("Orvane Semiconductor maakt modules. De lasers komen niet van Calder Devices.", None),
          Example("Orvane Semiconductor und Tessaro Holdings wachsen. Die Laser kommen von Calder Devices.", None)),
         requires=_GOODS,
         blocked_by=rf"\b(bei|bij|für|voor|{_NOT_GOODS_COMING}|{_PEOPLE_COMING})\b"),
    # work given out: "De eindassemblage is uitbesteed aan Y", "Die Montage ist an Y ausgelagert", "X besteedt het testen uit aan Y"
    Rule("work-outsourced-to", BOTH, R.SUPPLIED,
         r"\b(uitbesteed|uitbesteedt|uitbesteedde|ausgelagert)\b|\b(besteedt|besteedde)\b(?=[^.;]{0,60}\buit\b)|"
         r"\b(lagert|lagerte)\b(?=[^.;]{0,60}\baus\b)",
         "pp:aan|an", "subject_or_context", 0.55,
         (Example("Orvane Semiconductor ontwerpt modules. De eindassemblage is uitbesteed aan Calder Devices in Thailand.",
                  ("Calder Devices", "SUPPLIED", "Orvane Semiconductor")),
          Example("Orvane Semiconductor besteedt het testen van de chips uit aan Calder Devices.",
                  ("Calder Devices", "SUPPLIED", "Orvane Semiconductor")),
          Example("Orvane Semiconductor entwickelt Module. Die Montage ist an Calder Devices ausgelagert.",
                  ("Calder Devices", "SUPPLIED", "Orvane Semiconductor")),
          Example("Orvane Semiconductor wil de assemblage uitbesteden aan Calder Devices.", None),
          Example("Orvane Semiconductor besteedt veel geld aan Calder Devices.", None)),
         blocked_by=r"\b(wil|willen|will|wollen|overweegt|erwägt|plant|plannen|soll|sollen|zal|zullen|auftrag\w*|opdracht\w*)\b"),
    # "X zählt SMIC und YMTC zu seinen größten Kunden", "X rekent A en B tot zijn klanten"
    Rule("counts-among-customers", BOTH, R.SUPPLIED,
         r"\b(zählt|zählte|zählen|rekent|rekende|rekenen)\b(?=[^.;]{0,90}?\b(zu|tot)\s+(seinen|ihren|zijn|haar|hun)\s+"
         r"(\w+\s+)?(kunden|klanten|abnehmern|afnemers)\b)",
         "subject", "object", 0.6,
         (Example("Der Hersteller Orvane Semiconductor zählt Calder Devices und den Speicherhersteller Brightwave Mobile zu seinen "
                  "größten Kunden.", ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Orvane Semiconductor rekent Calder Devices tot zijn grootste klanten.", ("Orvane Semiconductor", "SUPPLIED", "Calder Devices")),
          Example("Orvane Semiconductor zählt Calder Devices zu seinen Konkurrenten.", None)),
         tail_pool="parties"),
    # parts for the buyer's products: "Trumpf liefert die Laser für die EUV-Maschinen von ASML"
    Rule("supply-for-products-of", BOTH, R.SUPPLIED,
         r"\b(lever(t|de|den|en)|geleverd|liefer(t|te|ten|n)|geliefert|maakt|maakte|maakten|bouwt|bouwde|bouwden|fertigt|fertigte|fertigten|"
         r"produziert|produzierte|produceert|produceerde|produceerden)\b[^,.;]{0,50}?\b(für|voor)\s+(de|die|den|het|alle|allen|sämtliche|sämtlichen|elke|iedere|jede|jeder)\s+([\w-]+\s+)?"
         r"[\w-]*(maschinen|machines|anlagen|systeme|systemen|geräte|apparaten|smartphones|telefoons|toestellen|autos|auto's|"
         r"fahrzeuge|produkte|producten|scanners|netze|netzwerke|netwerken|stage|stages|fabrieken|fabriken|chips)\s+(van|von)\b",
         "subject", "pp:van|von", 0.65,
         (Example("Calder Devices liefert die Laser für die EUV-Maschinen von Orvane Semiconductor.", ("Calder Devices", "SUPPLIED", "Orvane Semiconductor")),
          Example("Calder Devices levert sensoren voor de machines van Orvane Semiconductor.", ("Calder Devices", "SUPPLIED", "Orvane Semiconductor")),
          Example("Calder Devices fertigt die Sensoren für sämtliche Inspektionsanlagen von Orvane Semiconductor.",
                  ("Calder Devices", "SUPPLIED", "Orvane Semiconductor")),
          Example("Calder Devices levert de lenzen voor alle machines van Orvane Semiconductor.", ("Calder Devices", "SUPPLIED", "Orvane Semiconductor")),
          Example("Calder Devices wil sensoren voor de machines van Orvane Semiconductor leveren.", None),
          # a machine's part, a buyer's plants or chips
          Example("Calder Devices maakt frames voor de waferstage van Orvane Semiconductor.", ("Calder Devices", "SUPPLIED", "Orvane Semiconductor")),
          Example("Calder Devices liefert Gase für die Fabriken von Orvane Semiconductor.", ("Calder Devices", "SUPPLIED", "Orvane Semiconductor")))),
    # the goods and their buyer fronted, the seller after the verb (verb second): "Die Chips für Bosch liefert Infineon",
    # "Voor ASML levert Zeiss de lenzen", "De lenzen voor de machines van ASML levert Zeiss" (the buyer under "van/von")
    Rule("fronted-goods-for", BOTH, R.SUPPLIED, _FRONTED_FOR + r"(?!\s+(de|het|die|der|das|den)\s+([\w-]+\s+)?" + _PRODUCTS_OF + ")",
         "subject", "pp:voor|für", 0.6,
         (Example("Die Sensoren für Brightwave Mobile liefert seit 2020 Orvane Semiconductor.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Voor Brightwave Mobile levert Orvane Semiconductor de lenzen.", ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Die Sensoren für Brightwave Mobile liefert Orvane Semiconductor nicht.", None),
          Example("Die Sensoren für Brightwave Mobile soll künftig Orvane Semiconductor liefern.", None))),
    Rule("fronted-goods-for-products-of", BOTH, R.SUPPLIED, _FRONTED_FOR + r"(?=\s+(de|het|die|der|das|den)\s+([\w-]+\s+)?" + _PRODUCTS_OF + ")",
         "subject", "pp:van|von", 0.6,
         (Example("Die Spiegel für die EUV-Anlagen von Brightwave Mobile liefert Orvane Semiconductor.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("De lenzen voor de machines van Brightwave Mobile levert Orvane Semiconductor.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("De lenzen voor de machines van Brightwave Mobile levert Orvane Semiconductor niet meer.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("De lenzen voor de machines van Brightwave Mobile wil Orvane Semiconductor leveren.", None))),
    # a maker's parts inside a buyer's products: "De lasers van X zitten in de machines van Y", "Die Optiken von X stecken
    # in den Anlagen von Y" (the maker before the verb, the buyer after it)
    Rule("goods-inside", BOTH, R.SUPPLIED,
         r"\b(zitten|zit|zaten|zat|stecken|steckt|steckten|steckte|verbaut|ingebouwd|eingebaut|gebruikt|verwendet)\b"
         r"(?=[^,.;]{0,40}?\b(in)\s+((de|den|die|het|der|alle|allen)\s+)?([\w-]+\s+)?[\w-]*(machines|maschinen|anlagen|systemen|"
         r"systeme|smartphones|telefoons|toestellen|auto's|autos|fahrzeuge|fahrzeugen|voertuigen|producten|produkte|produkten|"
         r"geräte|geräten|apparaten|scanners|chips|prozessoren|processors|laadpalen|ladesäulen|fabrieken|fabriken|werken|"
         r"installaties|servers|rechenzentren|datacenters|satellieten|satelliten|drones|drohnen|raketten|raketen|laptops|"
         r"computers|handys|telefonen|netwerken|netzen)\s+(van|von)\b)",
         "maker_before", "pp_after:van|von", 0.6,
         (Example("De lasers van Orvane Semiconductor zitten in de machines van Calder Devices.",
                  ("Orvane Semiconductor", "SUPPLIED", "Calder Devices")),
          Example("Die Optiken von Orvane Semiconductor stecken in allen Anlagen von Calder Devices.",
                  ("Orvane Semiconductor", "SUPPLIED", "Calder Devices")),
          Example("De lasers van Orvane Semiconductor zitten niet in de machines van Calder Devices.", None),
          Example("De lasers van Orvane Semiconductor zouden in de machines van Calder Devices kunnen zitten.", None),
          Example("De ingenieurs van Orvane Semiconductor zitten in de fabrieken van Calder Devices.", None),
          Example("Die Spiegel von Orvane Semiconductor stecken in den Belichtungsmaschinen von Calder Devices.",
                  ("Orvane Semiconductor", "SUPPLIED", "Calder Devices")),
          Example("De chips van Orvane Semiconductor worden gebruikt in de laadpalen van Calder Devices.",
                  ("Orvane Semiconductor", "SUPPLIED", "Calder Devices")),
          Example("Die Chips von Orvane Semiconductor stecken auch in Geräten von Calder Devices.",
                  ("Orvane Semiconductor", "SUPPLIED", "Calder Devices")),
          # the maker named in a goods compound
          Example("Die Nexperia-Chips stecken unter anderem in Autos von Calder Devices.",
                  ("Nexperia", "SUPPLIED", "Calder Devices")),
          Example("NXP-sensoren zitten in de machines van Calder Devices.", ("NXP Semiconductors", "SUPPLIED", "Calder Devices")),
          Example("NXP-sensoren zitten niet in de machines van Calder Devices.", None)),
         blocked_by=r"\b(aandelen|aktien|geld|kapitaal|kapital|medewerkers|mitarbeiter|topman|chef|ceo|manager|ingenieurs|"
                    r"ingenieure|experts|experten|patenten|octrooien|ideeën|ideen)\b"),
    Rule("made-at", BOTH, R.SUPPLIED,
         r"\b(laat|laten|liet|lieten)\b[^,;]*?\b(maken|produceren|fabriceren|bouwen)\b|"
         r"\b(lässt|ließ|ließen|lassen)\b[^,;]*?\b(fertigen|produzieren|herstellen|bauen)\b|"
         r"\b(fertigen|produzieren|herstellen|bauen)\s+(lassen|ließ|lässt)\b",
         "pp:bij|bei|door|durch", "subject", 0.75,
         (Example("Nvidia laat zijn chips maken bij TSMC.", (TSMC, "SUPPLIED", "Nvidia")),
          Example("Apple lässt seine Prozessoren bei TSMC fertigen.", (TSMC, "SUPPLIED", "Apple")),
          Example("Qualcomm hat Modems bei Samsung fertigen lassen.", ("Samsung Electronics", "SUPPLIED", "Qualcomm")),
          Example("Xiaomi zegt dat het de chips laat produceren bij SMIC.", (SMIC, "SUPPLIED", "Xiaomi")),
          Example("Tot 2020 liet HiSilicon zijn processors produceren door TSMC.", (TSMC, "SUPPLIED", "HiSilicon")))),
    Rule("made-for", BOTH, R.SUPPLIED, _MADE,
         "subject", "pp:voor|für", 0.7,
         (Example("TSMC produceerde de Kirin-chips voor HiSilicon.", (TSMC, "SUPPLIED", "HiSilicon")),
          Example("SMIC hat die Prozessoren für Huawei gefertigt.", (SMIC, "SUPPLIED", HW)),
          Example("Orvane Semiconductor stellt die Chips für Brightwave Mobile her.", ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Samsung, dat geheugen maakt voor Apple, groeit.", ("Samsung Electronics", "SUPPLIED", "Apple")),
          Example("Orvane Semiconductor bouwt voor Calder Devices onder meer waferstages en frames.",
                  ("Orvane Semiconductor", "SUPPLIED", "Calder Devices")),
          Example("Orvane Semiconductor baut für Calder Devices Vakuumkammern.", ("Orvane Semiconductor", "SUPPLIED", "Calder Devices")),
          # a building put up for someone is no goods
          Example("Orvane Semiconductor bouwt voor Calder Devices een nieuwe fabriek in Delft.", None),
          Example("Orvane Semiconductor baut für Calder Devices ein neues Werk in Dresden.", None)),
         blocked_by=r"\b(een|ein|eine|einen|de|het|die|das|den)\s+([\w-]+\s+)?(\w*fabriek|\w*fabrik|werk|gebouw|gebäude|"
                    r"\w*hal|\w*halle|campus|kantoor|büro|vestiging|standort|\w*centrum|\w*zentrum)\b"),
    # made on a customer's order: "bouwt chips in opdracht van X", "fertigt im Auftrag von X"
    Rule("made-on-order-of", BOTH, R.SUPPLIED,
         r"\bin opdracht van\b|\bim auftrag (von|des|der)\b",
         "subject", "pp:van|von|des|der", 0.7,
         (Example("Orvane Semiconductor bouwt chips in opdracht van Brightwave Mobile.", ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Orvane Semiconductor fertigt im Auftrag von Brightwave Mobile Prozessoren.", ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Das Institut erstellte im Auftrag von Brightwave Mobile eine Studie.", None)),
         requires=_MADE + r"|\b(levert|leverde|leverden|geleverd|liefert\w*|geliefert)\b",  # building verbs are in _MADE
         blocked_by=r"\b(studie|onderzoek|rapport|untersuchung|gutachten|bericht)\b"),
    # a buyer dependent on a seller for goods: "is voor zijn chips afhankelijk van X", "bei Chips abhängig von X"
    Rule("dependent-on", BOTH, R.SUPPLIED,
         r"\b(afhankelijk|abhängig|angewiesen)\s+(van|von|op|auf)\b|\b(op|auf)\s+[^,.;]{0,60}?\b(afhankelijk|angewiesen|abhängig)\b|"
         # "leunt voor zijn chips op X": leans on a seller
         r"\b(leunt|leunde|leunen|leunden)\b(?=[^,.;]{0,60}?\bop\b)",
         "pp:van|von|op|auf", "subject", 0.65,
         (Example("Brightwave Mobile is voor zijn chips afhankelijk van Orvane Semiconductor.", ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Voor zijn chips leunt Brightwave Mobile grotendeels op het Zwitserse Orvane Semiconductor.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Brightwave Mobile leunt voor zijn financiering op Keystone Capital.", None),
          Example("Brightwave Mobile ist bei Speicherchips abhängig von Orvane Semiconductor.", ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Brightwave Mobile ist auf Lieferungen von Orvane Semiconductor angewiesen.", ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Brightwave Mobile is voor zijn financiering afhankelijk van Keystone Capital.", None),
          Example("Brightwave Mobile zou afhankelijk kunnen worden van Orvane Semiconductor voor chips.", None)),
         requires=_GOODS + r"|\b(lieferungen|leveringen|zulieferungen|toeleveringen)\b",
         blocked_by=r"\b(financiering|finanzierung|geld|kapitaal|kapital|investering\w*|investition\w*|subsidie\w*|export\w*|markt|"
                    r"omzet|umsatz|klanten|kunden)\b"),
    Rule("customer-of", BOTH, R.SUPPLIED,
         r"\b(\w*klant|\w*klanten|\w*afnemer|\w*afnemers|\w*kunde|\w*kunden|kundin|\w*abnehmer|\w*abnehmern)\s+(van|von|bei|bij|des|der)\b",
         "pp:van|von|bei|bij|des|der", "subject", 0.7,
         (Example("Huawei is een grote klant van Tokyo Electron.", ("Tokyo Electron", "SUPPLIED", HW)),
          Example("Xiaomi ist seit Jahren Kunde von Infineon.", ("Infineon Technologies", "SUPPLIED", "Xiaomi")),
          Example("Zu den Abnehmern von Infineon gehört Xiaomi.", ("Infineon Technologies", "SUPPLIED", "Xiaomi")),
          Example("Hauptkunde von Infineon ist Xiaomi.", ("Infineon Technologies", "SUPPLIED", "Xiaomi")),
          Example("Brightwave Mobile ist Großabnehmer der Orvane Semiconductor.", ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Brightwave Mobile is al jaren klant bij Orvane Semiconductor.", ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          # "des Unternehmens": the company the sentence before named, when this one names only the customers
          Example("Orvane Semiconductor baut Ätzanlagen. Zu den Kunden des Unternehmens gehören Calder Devices und Brightwave Mobile.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")))),
    # a maker's distributor is supplied by it: "X ist offizieller Vertriebspartner von Nvidia", "de distributeur van Infineon"
    Rule("distributor-of", BOTH, R.SUPPLIED,
         r"\b(\w*vertriebspartner|vertriebshändler|distributeur|distributor|wederverkoper|wiederverkäufer|dealer)\s+"
         r"(van|von|des|der|voor|für)\b",
         "pp:van|von|des|der|voor|für", "subject", 0.65,
         (Example("Die malaysische Sepang Data Systems ist offizieller Vertriebspartner von Nvidia.",
                  ("Nvidia", "SUPPLIED", "Sepang Data Systems")),
          Example("Kestrel Trading is de officiële distributeur van Infineon in de Benelux.",
                  ("Infineon Technologies", "SUPPLIED", "Kestrel Trading")),
          Example("Kestrel Trading wil distributeur van Infineon worden.", None))),
    # "ASML heeft SMIC al jaren als klant", "Infineon hat BYD als Großkunden"
    Rule("has-as-customer", BOTH, R.SUPPLIED,
         r"\bals\s+(\w+\s+){0,2}?(klant|klanten|kunde|kunden|großkunden|großkunde|grootklant|afnemer|abnehmer)\b",
         "subject", "object", 0.65,
         (Example("Orvane Semiconductor heeft Brightwave Mobile al jaren als klant.", ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Orvane Semiconductor hat Brightwave Mobile seit Jahren als Großkunden.", ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Orvane Semiconductor hoopt Brightwave Mobile als klant te winnen.", None),
          Example("Orvane Semiconductor hat Brightwave Mobile nie als Kunden gehabt.", None)),
         tail_pool="parties",
         requires=r"\b(heeft|hebben|had|hadden|hat|haben|hatte|hatten)\b", blocked_by=r"\b(hoopt|hofft|wil|will|wollen|willen)\b"),
    Rule("counted-as-customer", BOTH, R.SUPPLIED,
         r"\b(zählt|zählte|zählten|zählen|rekent|rekende|rekenden|rekenen|telt|telde|telden|tellen)\b[^.;]{0,80}?\b(zu|tot)\s+(seinen|ihren|den|zijn|haar|hun|de)\s+"
         r"(\w+\s+){0,2}(kunden|klanten|abnehmern|afnemers|großkunden)\b",
         "subject", "object", 0.65,
         (Example("TSMC zählt Apple zu seinen wichtigsten Kunden.", (TSMC, "SUPPLIED", "Apple")),
          Example("ASML rekent Intel tot zijn grootste klanten.", (ASML, "SUPPLIED", "Intel")),
          Example("ASML telt Samsung Electronics en Intel tot zijn klanten.", (ASML, "SUPPLIED", "Samsung Electronics")),
          Example("TSMC hofft, Apple bald zu seinen Kunden zu zählen.", None),
          Example("Orvane Semiconductor zählt Calder Devices, Brightwave Mobile und Tessaro Holdings zu seinen Kunden.",
                  ("Orvane Semiconductor", "SUPPLIED", "Tessaro Holdings")))),
    # a customer or supplier noun joined to the other company: "ASML-klant SMIC", "der Infineon-Kunde BYD",
    # "Huawei-leverancier X", "der ASML-Zulieferer Zeiss"
    Rule("customer-compound", BOTH, R.SUPPLIED, r"(?<=-)(klant|kunde|afnemer|abnehmer|großkunde|grootklant|hauptkunde)\b",
         "attached", "next", 0.65,
         (Example("ASML-klant SMIC koopt minder machines.", (ASML, "SUPPLIED", SMIC)),
          Example("Der Infineon-Kunde BYD baut eigene Chips.", ("Infineon Technologies", "SUPPLIED", "BYD")),
          Example("Der frühere Infineon-Kunde BYD baut eigene Chips.", None)),
         tail_pool="orgs", blocked_by=_FORMER),
    Rule("supplier-compound", BOTH, R.SUPPLIED,
         r"(?<=-)(\w*leverancier|\w*toeleverancier|\w*lieferant|\w*zulieferer|ausrüster)\b",
         "next", "attached", 0.65,
         (Example("Huawei-leverancier Orvane Semiconductor ziet zijn omzet dalen.", ("Orvane Semiconductor", "SUPPLIED", HW)),
          Example("Der ASML-Zulieferer Zeiss meldet Rekordumsätze.", ("Carl Zeiss", "SUPPLIED", ASML)),
          Example("Der ehemalige ASML-Zulieferer Zeiss meldet Rekordumsätze.", None)),
         blocked_by=_FORMER),
    Rule("supplier-of", BOTH, R.SUPPLIED,
         r"\b(\w*leveranciers?|\w*toeleveranciers?|\w*lieferant|\w*lieferanten|\w*zulieferer|\w*zulieferern|ausrüster)\s+"
         r"(van|von|voor|für|des|der)\b",
         "subject", "pp:van|von|voor|für|des|der", 0.7,
         (Example("Zeiss is de belangrijkste leverancier van ASML.", ("Carl Zeiss", "SUPPLIED", ASML)),
          Example("Zeiss ist seit Jahrzehnten Lieferant für ASML.", ("Carl Zeiss", "SUPPLIED", ASML)),
          Example("Trumpf, ein Zulieferer von ASML, wächst.", ("Trumpf", "SUPPLIED", ASML)),
          Example("Een van de leveranciers van Orvane Semiconductor is het Taiwanese Calder Devices.",
                  ("Calder Devices", "SUPPLIED", "Orvane Semiconductor")),
          Example("Zu den Lieferanten von Orvane Semiconductor zählt Calder Devices.", ("Calder Devices", "SUPPLIED", "Orvane Semiconductor")))),
    # ---- SUPPLIED implied: an operator removing, replacing or choosing a vendor -----------------
    Rule("removed-from-network", BOTH, R.SUPPLIED,
         r"\b(aus|uit)\s+(dem|der|den|het|de|zijn|haar|hun|seinem|seiner|ihrem|ihrer|sämtlichen|allen)?\s*"
         r"([\w-]+\s+){0,3}?[\w-]*(netz|netzes|netze|netzen|netzwerk\w*|netwerk\w*|infrastruktur|infrastructuur|"
         r"herzstück|systemen|systeme)\b",
         "second_before", "first_before", 0.65,
         (Example("Vodafone hat Huawei vor Jahren aus seinem Kernnetz verbannt.", ("Huawei Technologies", "SUPPLIED", "Vodafone")),
          Example("KPN haalt Huawei-apparatuur uit het kernnetwerk.", ("Huawei Technologies", "SUPPLIED", "KPN")),
          Example("Die Telekom nimmt Technik von ZTE aus dem 5G-Netz heraus.", ("ZTE", "SUPPLIED", "Deutsche Telekom")),
          Example("Für Huawei ist im Kernnetz kein Platz mehr. Nun hat es auch Telefónica Deutschland aus dem Herzstück "
                  "seiner Infrastruktur vertrieben.", (HW, "SUPPLIED", "Telefónica Deutschland")),
          Example("Vodafone hat früh gehandelt. Lange vor dem Streit um ZTE beschloss der Konzern, den chinesischen "
                  "Ausrüster aus seinem Kernnetz zu verbannen.", ("ZTE", "SUPPLIED", "Vodafone")),
          Example("Die Bundesregierung verbannt Huawei und ZTE aus dem 5G-Netz.", None),
          Example("Der Streit um Huawei wächst. Die Regierung will den chinesischen Ausrüster aus dem Netz verbannen.", None),
          Example("Vodafone will Huawei aus seinem Kernnetz verbannen.", None),
          Example("KPN heeft nooit Huawei-apparatuur uit het netwerk gehaald.", None),
          Example("Ericsson hat Nokia aus dem Netz von Telia vertrieben.", None)),
         requires=r"\b(verbann\w*|verbannt|vertrieben|vertreibt|vertrieb|entfern\w*|heraus\w*|\w*genommen|"
                  r"nimmt|nahm|geworfen|wirft|warf|ausgebaut|baut|baute|bauten|ausgeschlossen|schließt|schloss|"
                  r"haalt|haalde|haalden|gehaald|verwijder\w*|verbant|verbande|geweerd|weert|weerde|weerden|gegooid|gooit|"
                  r"gooide|uitgefaseerd|faseert|faseerde|sloopt|sloopte|gesloopt)\b",
         # a vendor ousting a rival from someone else's network is no customer of it
         blocked_by=r"\b(wird|werden|wurde|wurden|worden|wordt|werd)\b|\b\w*(netz|netzwerk|netwerk)\w*\s+(von|van|der|des)\b"),
    Rule("removed-from-network-passive", BOTH, R.SUPPLIED,
         r"\b(aus|uit)\s+(dem|der|den|het|de|zijn|haar|hun|seinem|seiner|ihrem|ihrer|sämtlichen|allen)?\s*"
         r"([\w-]+\s+){0,3}?[\w-]*(netz|netzes|netze|netzen|netzwerk\w*|netwerk\w*|infrastruktur|infrastructuur|"
         r"herzstück|systemen|systeme)\b",
         "first_before", "pp:von|vom|door|durch", 0.6,
         (Example("Huawei wurde 2019 von Vodafone aus dem Kernnetz verbannt.", (HW, "SUPPLIED", "Vodafone")),
          Example("ZTE-apparatuur werd door KPN uit het kernnetwerk gehaald.", ("ZTE", "SUPPLIED", "KPN")),
          Example("Huawei wird von der Bundesnetzagentur aus dem Netz verbannt.", None),
          Example("Huawei soll von Vodafone aus dem Kernnetz verbannt werden.", None)),
         requires=PASSIVE_AUX,
         blocked_by=r"\b(soll|sollen|sollte|sollten|moet|moeten)\b|\b\w*(netz|netzwerk|netwerk)\w*\s+(von|van|der|des)\b"),
    Rule("won-tender", BOTH, R.SUPPLIED,
         r"\b(gewann|gewinnt|gewonnen|won|wint|wonnen)\b[^,.;]{0,40}?\b(ausschreibung|aanbesteding|\w*auftrag|\w*opdracht|"
         r"\w*order|orders|zuschlag|tender)\b|\b(erhielt|erhält|erhalten|bekam|bekommen|kreeg|krijgt|gekregen)\b[^,.;]{0,30}?\b"
         r"(zuschlag|\w*auftrag|\w*aufträge|\w*opdracht|\w*order|orders)\b",
         "subject", "pp:von|van|des|der|bei|bij", 0.6,
         (Example("Nokia gewann 2017 die Ausschreibung von Vodafone.", ("Nokia", "SUPPLIED", "Vodafone")),
          Example("Ericsson won de aanbesteding van KPN voor het 5G-netwerk.", ("Ericsson", "SUPPLIED", "KPN")),
          Example("Ericsson erhielt den Zuschlag der Telekom für das Kernnetz.", ("Ericsson", "SUPPLIED", "Deutsche Telekom")),
          Example("Nokia hofft, die Ausschreibung von Vodafone zu gewinnen.", None),
          Example("Calder Devices kreeg een order van Harbor Systems, maar die werd later geschrapt.", None),
          # an order won or received is an order too, also as a compound ("Großauftrag", "vervolgorder")
          Example("Orvane Semiconductor won vorige maand een grote order van Brightwave Mobile voor sensoren.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Orvane Semiconductor erhielt im Herbst einen Großauftrag von Brightwave Mobile.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Orvane Semiconductor kreeg een vervolgorder van Brightwave Mobile.", ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Orvane Semiconductor erhielt keinen Großauftrag von Brightwave Mobile.", None)),
         tail_pool="orgs", blocked_by=r"\b(hofft|hoopt|will|wil|strebt|bewirbt|dingt)\b", blocked_after=True),
    # the order noun before the verb: verb last ("heeft de aanbesteding van KPN gewonnen", "hat einen Großauftrag von Y
    # erhalten") or the order fronted ("Den Zuschlag der Telekom erhielt Ericsson"), and an order brought in
    # ("haalde een order binnen bij Y", "heeft een order binnengehaald bij Y", "sicherte sich einen Auftrag von Y")
    Rule("won-tender-noun-first", BOTH, R.SUPPLIED,
         r"\b(ausschreibung|aanbesteding|\w*auftrag|\w*aufträge|\w*opdracht|\w*order|orders|zuschlag|tender)\b[^,.;]{0,80}?"
         r"\b(gewonnen|gewann|gewannen|won|wonnen|erhalten|erhielt|erhielten|bekommen|bekam|bekamen|gekregen|kreeg|kregen|"
         r"binnengehaald|binnengesleept|ergattert|ergatterte|ergatterten|an land gezogen|verworven)\b|"
         r"\b(haalt|haalde|haalden|sleept|sleepte|sleepten)\b[^,.;]{0,60}?\b(\w*order|orders|\w*opdracht|contract)\b"
         r"[^,.;]{0,40}?\bbinnen\b|\b(sicherte|sichert|sicherten)\s+sich\b[^,.;]{0,40}?\b(\w*auftrag|\w*aufträge|zuschlag)\b",
         "subject", "pp:von|van|des|der|bei|bij", 0.6,
         (Example("Ericsson heeft de aanbesteding van KPN voor het kernnetwerk gewonnen.", ("Ericsson", "SUPPLIED", "KPN")),
          Example("Die Firma Orvane Semiconductor hat einen Großauftrag von Brightwave Mobile erhalten.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Den Zuschlag von Brightwave Mobile erhielt 2023 Orvane Semiconductor.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Orvane Semiconductor haalde vorige maand een grote order binnen bij Brightwave Mobile.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Orvane Semiconductor heeft een order van 30 miljoen euro binnengehaald bij Brightwave Mobile.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Orvane Semiconductor sicherte sich einen Auftrag von Brightwave Mobile.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Orvane Semiconductor hoopt de aanbesteding van Brightwave Mobile te winnen.", None),
          Example("Orvane Semiconductor heeft de aanbesteding van Brightwave Mobile niet gewonnen.", None),
          Example("Orvane Semiconductor hat den Auftrag von Brightwave Mobile nicht erhalten.", None),
          Example("Orvane Semiconductor hat einen Auftrag von Brightwave Mobile erhalten, der später storniert wurde.", None)),
         tail_pool="orgs", blocked_by=r"\b(hofft|hoopt|will|wil|strebt|bewirbt|dingt|kans|chance|chancen)\b", blocked_after=True),
    # no more orders accepted from a buyer: past supply ("accepteert geen nieuwe bestellingen meer van Huawei",
    # "nimmt keine Aufträge mehr von Huawei an")
    Rule("no-more-orders-from", BOTH, R.SUPPLIED,
         r"\b(accepteert|accepteerde|accepteerden|accepteren|aanvaardt|aanvaardde|aanvaardden|neemt|nam|namen|akzeptiert|akzeptierte|akzeptierten|nimmt|nahm|nahmen)\b"
         r"[^,.;]{0,80}?\b(geen|keine)\s+([\w-]+\s+){0,2}?(bestellingen|orders|opdrachten|aufträge|bestellungen)\s+"
         r"((meer|mehr)\s+)?(van|von|aus|uit)\b",
         "subject", "pp:van|von|aus|uit", 0.6,
         (Example("Orvane Semiconductor accepteert sinds mei geen nieuwe bestellingen meer van Brightwave Mobile.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Orvane Semiconductor nimmt seit Mai keine Aufträge mehr von Brightwave Mobile an.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Orvane Semiconductor wil geen bestellingen meer van Brightwave Mobile aannemen.", None))),
    # an order awarded: "gunde de opdracht aan X", "vergab den Auftrag an X" (X sells to the one who awards it)
    Rule("awarded-order", BOTH, R.SUPPLIED,
         r"\b(gunde|gunt|gunden|gegund|vergab|vergibt|vergaben|vergeben|erteilte|erteilt|erteilten)\b",
         "pp:aan|an", "subject", 0.6,
         (Example("Brightwave Mobile gunde de opdracht voor de antennes aan Orvane Semiconductor.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Brightwave Mobile vergab den Auftrag für die Sensoren an Orvane Semiconductor.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Den Auftrag für das Kernnetz hat Brightwave Mobile an Orvane Semiconductor vergeben.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Brightwave Mobile wil de opdracht gunnen aan Orvane Semiconductor.", None),
          Example("Brightwave Mobile vergab keinen Auftrag an Orvane Semiconductor.", None),
          Example("Brightwave Mobile vergab den Preis an Orvane Semiconductor.", None)),
         requires=r"\b(\w*opdracht|\w*order|orders|contract|\w*auftrag|\w*aufträge|zuschlag|vertrag)\b",
         blocked_by=r"\b(prijs|preis|award|subsidie\w*|förder\w*|lizenz\w*|licentie\w*|vergunning\w*)\b", blocked_after=True),
    # an order that went to a seller: "Bij X ging de opdracht naar Y", "Der Auftrag der Telekom ging an Y"
    Rule("order-went-to", BOTH, R.SUPPLIED,
         r"\b(\w*opdracht|\w*order|orders|contract|\w*auftrag|\w*aufträge|zuschlag|aanbesteding|ausschreibung)\b"
         r"[^,.;]{0,60}?\b(ging|gingen|gaat|gaan|geht|gehen)\s+(naar|an)\b|"
         r"\b(ging|gingen|gaat|gaan|geht|gehen)\s+(de|het|der|die|das)\s+([\w-]+\s+)?(\w*opdracht|\w*order|orders|contract|"
         r"\w*auftrag|\w*aufträge|zuschlag)\b[^,.;]{0,60}?\b(naar|an)\b",
         "pp:naar|an", "pp:bij|bei|van|von|des|der", 0.6,
         (Example("Bij Brightwave Mobile ging de opdracht voor de antennes naar Orvane Semiconductor.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Der Auftrag von Brightwave Mobile ging an Orvane Semiconductor.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("De opdracht van Brightwave Mobile gaat mogelijk naar Orvane Semiconductor.", None),
          Example("De topman van Brightwave Mobile ging naar Orvane Semiconductor.", None)),
         tail_pool="orgs", blocked_after=True),
    # an order that came from a buyer, the seller being the company the text is about ("De grootste order kwam van Y")
    # or named under "voor/für" ("Der größte Auftrag für X kam von Y")
    Rule("order-came-from", BOTH, R.SUPPLIED,
         r"\b(\w*order|orders|\w*opdracht|\w*auftrag|\w*aufträge|\w*bestellung\w*|\w*bestelling\w*)\b[^,.;]{0,60}?"
         r"\b(kwam|kwamen|komt|komen|kam|kamen|kommt|kommen|stamt|stamde|stamden|stammt|stammte|stammen|stammten)\s+([\w-]+\s+){0,2}?"
         r"(van|von|uit|aus)\b",
         "context_company", "pp:van|von|uit|aus", 0.6,
         (Example("Orvane Semiconductor verkoopt machines in Azië. De grootste order van het kwartaal kwam van Brightwave Mobile.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Orvane Semiconductor baut Anlagen. Der größte Auftrag kam von Brightwave Mobile.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("Orvane Semiconductor verkoopt machines. De order komt mogelijk van Brightwave Mobile.", None),
          Example("Orvane Semiconductor und Calder Devices bauen Anlagen. Der größte Auftrag kam von Brightwave Mobile.", None)),
         blocked_after=True),
    Rule("order-came-from-for", BOTH, R.SUPPLIED,
         r"\b(\w*order|orders|\w*opdracht|\w*auftrag|\w*aufträge|\w*bestellung\w*|\w*bestelling\w*)\s+(voor|für)\b[^,.;]{0,60}?"
         r"\b(kwam|kwamen|komt|komen|kam|kamen|kommt|kommen|stamt|stamde|stamden|stammt|stammte|stammen|stammten)\s+(van|von|uit|aus)\b",
         "pp:voor|für", "pp:van|von|uit|aus", 0.6,
         (Example("Der größte Auftrag für Orvane Semiconductor kam von Brightwave Mobile.",
                  ("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")),
          Example("De order voor Orvane Semiconductor kwam niet van Brightwave Mobile.", None)),
         blocked_after=True),
    Rule("withdrew-licence", BOTH, R.SUPPLIED,
         r"\b(entzog|entzieht|entzogen|ontnam|ontneemt|ontnomen|ontzegt|ontzegde|ontzegden)\b",
         "subject", "object", 0.6,
         (Example("Google entzog Huawei 2019 die Android-Lizenz.", ("Google", "SUPPLIED", HW)),
          Example("Arm ontnam HiSilicon de licentie op nieuwe ontwerpen.", ("Arm Holdings", "SUPPLIED", "HiSilicon")),
          Example("Das BIS entzog Intel die Lizenz für Huawei.", None)),
         requires=r"\b([\w-]*lizenz\w*|[\w-]*licentie\w*|zugang|zugriff|toegang|updates?)\b"),
    Rule("withdrew-licence-of", BOTH, R.SUPPLIED,
         r"\b(trekt|trok|trokken)\b[^,.;]{0,60}?\bin\b|\bingetrokken\b|\b(zieht|zog)\b[^,.;]{0,60}?\bzurück\b",
         "subject", "pp:van|von", 0.6,
         (Example("Google trekt de Android-licentie van Huawei in.", ("Google", "SUPPLIED", HW)),
          Example("Het ministerie trekt de exportlicentie van ASML in.", None)),
         requires=r"\b([\w-]*lizenz\w*|[\w-]*licentie\w*|[\w-]*licenties)\b",
         blocked_by=r"\b(export\w*|uitvoer\w*|ausfuhr\w*)\b"),
    Rule("replaced-vendor", BOTH, R.SUPPLIED,
         r"\b(ersetzt|ersetzte|ersetzten|vervangt|verving|vervingen|vervangen|tauscht|tauschte|tauschten|ausgetauscht)\b",
         "object", "first_before", 0.65,
         (Example("Telia ersetzt Huawei in seinem Netz durch Ericsson.", (HW, "SUPPLIED", "Telia Company")),
          Example("Proximus vervangt Huawei in het radionetwerk door Nokia.", (HW, "SUPPLIED", "Proximus")),
          Example("Huawei wird im Netz der Telekom durch Nokia ersetzt.", None)),
         requires=r"\b\w*(netz|netze|netzwerk\w*|netwerk\w*|infrastruktur|infrastructuur|apparatuur|technik|ausrüstung|"
                  r"komponenten|antennen|zendmasten|masten)\b",
         blocked_by=r"\b(wird|werden|wurde|wurden|worden|wordt|werd|soll|sollen)\b"),
    Rule("replacing-vendor", BOTH, R.SUPPLIED,
         r"\b(ersetzt|ersetzte|ersetzten|vervangt|verving|vervingen|vervangen|tauscht|tauschte|tauschten|ausgetauscht)\b",
         "pp:durch|door|gegen", "first_before", 0.65,
         (Example("Telia ersetzt Huawei in seinem Netz durch Ericsson.", ("Ericsson", "SUPPLIED", "Telia Company")),
          Example("Proximus heeft Huawei in het radionetwerk vervangen door Nokia.", ("Nokia", "SUPPLIED", "Proximus")),
          Example("Huawei wird im Netz der Telekom durch Nokia ersetzt.", None)),
         requires=r"\b\w*(netz|netze|netzwerk\w*|netwerk\w*|infrastruktur|infrastructuur|apparatuur|technik|ausrüstung|"
                  r"komponenten|antennen|zendmasten|masten)\b",
         blocked_by=r"\b(wird|werden|wurde|wurden|worden|wordt|werd|soll|sollen)\b"),
    Rule("chose-vendor", BOTH, R.SUPPLIED,
         r"\b(entschied|entschieden|entscheidet|entschloss|entschlossen)\s+(\w+\s+){0,3}?sich\b[^,.;]*?\bfür\b|"
         r"\bsich\b[^,.;]{0,30}?\bfür\b[^,.;]{0,60}?\b(entschieden|entschied|entscheidet)\b|"
         r"\b(kiest|koos|kozen|gekozen|kies)\b[^,.;]{0,40}?\bvoor\b",
         "pp:für|voor", "subject", 0.65,
         (Example("Nach der Ausschreibung entschied sich Swisscom für Ericsson.", ("Ericsson", "SUPPLIED", "Swisscom")),
          Example("Odido heeft voor het 5G-netwerk gekozen voor Nokia.", ("Nokia", "SUPPLIED", "Odido")),
          Example("Telefónica Deutschland hat sich im Sommer für Ericsson entschieden.", ("Ericsson", "SUPPLIED", "Telefónica Deutschland")),
          Example("Intel entschied sich für Magdeburg als Standort.", None),
          Example("De aandeelhouders van Siltronic kozen voor het bod van GlobalWafers.", None)),
         blocked_by=r"\b(standort|vestiging|locatie|bod|angebot\w*|übernahme|overname|fusie|fusion|investor\w*|"
                    r"investeerder\w*|käufer|koper|partner\w*|aandeelhouders|aktionäre)\b"),
    Rule("relies-on-vendor", BOTH, R.SUPPLIED,
         r"\b(setzt|setzte|setzten|gesetzt|setzen)\b[^,.;]{0,40}?\bauf\b|\b(zet|zette|zetten)\b[^,.;]{0,40}?\bin\s+op\b",
         "pp:auf|op", "subject", 0.6,
         (Example("Die Telekom setzt im Kernnetz auf Ericsson statt Huawei.", ("Ericsson", "SUPPLIED", "Deutsche Telekom")),
          Example("KPN zet voor zijn antennes in op Ericsson.", ("Ericsson", "SUPPLIED", "KPN")),
          Example("Washington setzt Huawei auf die Entity List.", None),
          Example("Infineon setzt auf Wachstum.", None)),
         requires=r"\b\w*(netz|netze|netzwerk\w*|netwerk\w*|infrastruktur|infrastructuur|apparatuur|technik|ausrüstung|"
                  r"komponenten|antennes?|antennen|chips?|prozessoren|processors?|statt|anstelle|in plaats van|lieferant\w*|"
                  r"leverancier\w*|ausrüster)\b",
         blocked_by=r"\b(liste|lijst|list)\b"),
    Rule("revenue-with", BOTH, R.SUPPLIED,
         r"\b(umsatz|umsatzes|umsätze|umsätzen|erlöse|erlösen|omzet|omzetten|inkomsten)\b[^,.;]{0,30}?\b(mit|met)\b",
         "subject", "pp:mit|met", 0.6,
         (Example("Infineon erzielte 2019 hohe Umsätze mit Xiaomi.", ("Infineon Technologies", "SUPPLIED", "Xiaomi")),
          Example("NXP haalde vorig jaar veel omzet met Xiaomi.", ("NXP Semiconductors", "SUPPLIED", "Xiaomi")),
          Example("Orvane Semiconductor erzielt rund die Hälfte seines Umsatzes mit Calder Devices.",
                  ("Orvane Semiconductor", "SUPPLIED", "Calder Devices")),
          Example("Die Telekom sagt, die Umsätze mit Huawei im Kernnetz seien rückläufig.", None),
          Example("Infineon erwartet mehr Umsatz mit Xiaomi.", None)),
         tail_pool="parties",
         blocked_by=r"\b\w*(netz|netze|netzwerk\w*|netwerk\w*|ausrüster|leverancier\w*|lieferant\w*|infrastruktur|"
                    r"infrastructuur)\b"),
    # revenue drawn from a buyer: "haalde een derde van zijn omzet uit China", "erzielt ein Drittel seines Umsatzes aus China"
    Rule("revenue-from", BOTH, R.SUPPLIED,
         r"\b(umsatz|umsatzes|umsätze|erlöse|omzet|inkomsten)\b[^,.;]{0,20}?\b(uit|aus)\b",
         "subject", "pp:uit|aus", 0.6,
         # (a country's share is a market's, not a buyer's: "haalde 36 procent van zijn omzet uit China" names no buyer)
         (Example("Orvane Semiconductor haalde vorig jaar 36 procent van zijn omzet uit Apple.", ("Orvane Semiconductor", "SUPPLIED", "Apple")),
          Example("Orvane Semiconductor erzielt ein Drittel seines Umsatzes aus dem Geschäft mit Apple.",
                  ("Orvane Semiconductor", "SUPPLIED", "Apple")),
          Example("ASML haalde vorig jaar 36 procent van zijn omzet uit China.", None),
          Example("Orvane Semiconductor verwacht dit jaar meer omzet uit Apple.", None)),
         tail_pool="orgs"),
    # a buyer's share of a seller's sales: "China is goed voor de helft van de omzet van ASML",
    # "Huawei steht für zehn Prozent des Umsatzes von Qorvo", "Huawei macht 12 Prozent des Umsatzes von Qorvo aus"
    Rule("share-of-revenue", BOTH, R.SUPPLIED,
         r"\b(omzet|omzetten|umsatz|umsatzes|umsätze|umsätzen|erlöse|erlösen)\s+(van|von)\b",
         "pp:van|von", "subject", 0.6,
         # a country's share of the sales is a market, no buyer
         (Example("Calder Devices is goed voor bijna de helft van de omzet van ASML.", (ASML, "SUPPLIED", "Calder Devices")),
          Example("China is goed voor bijna de helft van de omzet van ASML.", None),
          Example("Huawei steht für zehn Prozent des Umsatzes von Qorvo.", ("Qorvo", "SUPPLIED", HW)),
          Example("Huawei macht zwölf Prozent des Umsatzes von Qorvo aus.", ("Qorvo", "SUPPLIED", HW)),
          Example("Geheugenchips zijn goed voor de helft van de omzet van Samsung.", None),
          Example("Huawei könnte bald die Hälfte des Umsatzes von ASML ausmachen.", None)),
         tail_pool="orgs",
         requires=r"(\b(helft|hälfte|derde|drittel|kwart|viertel|procent|prozent|deel|teil|anteil|zehntel|tiende)\b|%)[^,.;]*"
                  r"\b(omzet|umsatz\w*|umsätze\w*|erlöse\w*)\b",
         blocked_by=r"\b(groei|groeide|wachstum|wuchs|stieg|steeg|daalde|sank|fiel)\b"),
    Rule("operator-spend-with", BOTH, R.SUPPLIED,
         r"\b(umsatz|umsätze|umsätzen|ausgaben|aufträge|omzet|uitgaven|bestellingen|orders)\b[^,.;]{0,30}?\b(mit|met|bei|bij)\b",
         "pp:mit|met|bei|bij", "subject", 0.6,
         (Example("Die Telekom betont, dass sie Ausrüster aus dem Kernnetz nimmt und die Umsätze mit ZTE sinken.",
                  ("ZTE", "SUPPLIED", "Deutsche Telekom")),
          Example("KPN meldt dat het de uitgaven bij Huawei voor het netwerk verlaagt.", (HW, "SUPPLIED", "KPN")),
          Example("Die Umsätze mit Huawei im Kernnetz seien rückläufig, sagt ein Analyst.", None)),
         requires=r"\b\w*(netz|netze|netzwerk\w*|netwerk\w*|ausrüster|infrastruktur|infrastructuur)\b"),
    Rule("lost-customer", BOTH, R.SUPPLIED,
         r"\b(verlor|verloren|verliert|verloor|verliest|kwijtgeraakt|raakte|raakt)\b[^,.;]{0,40}?\bals\s+(\w+\s+)?"
         r"(kunde|kunden|großkunden|abnehmer|klant|afnemer|grootste klant|opdrachtgever)\b|"
         r"\bals\s+(\w+\s+)?(kunde|kunden|abnehmer|klant|afnemer)\s+(verloren|kwijtgeraakt|kwijt)\b",
         "subject", "object", 0.65,
         (Example("Infineon verlor 2020 Huawei als wichtigen Kunden.", ("Infineon Technologies", "SUPPLIED", HW)),
          Example("Door de sancties verloor ASML Huawei als klant.", (ASML, "SUPPLIED", HW)),
          Example("Micron hat Huawei als Kunden verloren.", ("Micron Technology", "SUPPLIED", HW)),
          Example("Micron könnte Huawei als Kunden verlieren.", None)),
         tail_pool="parties"),
    Rule("cut-off-buyer", BOTH, R.SUPPLIED,
         r"\b(schneidet|schnitt|schnitten)\b[^,.;]{0,60}?\bab\b|\b(snijdt|sneed|sneden)\b[^,.;]{0,60}?\baf\b",
         "subject", "object", 0.6,
         (Example("Google schnitt Huawei 2019 von seinen Diensten ab.", ("Google", "SUPPLIED", HW)),
          Example("Qualcomm sneed ZTE af van zijn modems.", ("Qualcomm", "SUPPLIED", "ZTE")),
          Example("Washington schneidet Huawei von Chips ab.", None)),
         tail_pool="parties"),
    # ---- SUPPLIED implied: a buyer cut off from a seller's products --------------------------------
    Rule("cut-off-from", BOTH, R.SUPPLIED, r"\b(abgeschnitten|afgesneden)\b",
         "pp:von|van", "subject_or_antecedent", 0.65,
         (Example("Xiaomi ist seit dem Verbot von den Chips von Qualcomm abgeschnitten.", ("Qualcomm", "SUPPLIED", "Xiaomi")),
          Example("Huawei, das von Googles Diensten abgeschnitten ist, baut ein eigenes System.", ("Google", "SUPPLIED", HW)),
          Example("Lange war es Huawei, das durch Sanktionen von Qualcomms Modems sowie Google-Apps abgeschnitten wurde.",
                  ("Qualcomm", "SUPPLIED", HW)),
          Example("Door de sancties is ZTE afgesneden van chips van Qualcomm.", ("Qualcomm", "SUPPLIED", "ZTE")),
          Example("Huawei dreigt te worden afgesneden van Googles software.", None),
          Example("Honor ist nicht von Google abgeschnitten.", None),
          Example("Die USA haben Huawei den Zugang zu Chips von TSMC abgeschnitten.", None)),
         # "X hat Y ... abgeschnitten": X is who cut, not who was cut off
         tail_pool="parties", blocked_by=r"\b(haben|hat|hatte|hatten|heeft|hebben|had|hadden)\b"),
    Rule("no-more-access", BOTH, R.SUPPLIED,
         r"\b(kein\w*|geen)\s+(\w+\s+)?(zugang|zugriff|toegang)\s+(mehr\s+|meer\s+)?(zu|zum|zur|tot|op|auf)\b|"
         r"\b(zugang|zugriff|toegang)\b[^,.;]{0,40}?\b(verloren|verlor|verliert|kwijt|verloor|verliest)\b",
         "pp:von|van|zu|zum|zur|tot|op|auf", "subject_or_antecedent", 0.65,
         (Example("Huawei hat keinen Zugang mehr zu Software von Microsoft.", ("Microsoft", "SUPPLIED", HW)),
          Example("Seitdem hat ZTE keinen Zugriff mehr auf Qualcomms Modems.", ("Qualcomm", "SUPPLIED", "ZTE")),
          Example("Sinds de sancties heeft Huawei geen toegang meer tot software van Microsoft.", ("Microsoft", "SUPPLIED", HW)),
          Example("Huawei hatte nie Zugang zu Software von Microsoft.", None)),
         tail_pool="parties", negation_in_trigger=True),
    Rule("restricts-use-for", BOTH, R.SUPPLIED,
         r"\b(beperkt|beperkte|beperkten|beperken|beschränkt|beschränkte|beschränkten|ontzegt|ontzegde|ontzegden|ontnam|ontneemt|"
         r"entzieht|entzog|entzogen)\b",
         "subject", "pp:voor|für", 0.6,
         (Example("Ook beperkt Microsoft het gebruik van Windows voor Huawei-laptops.", ("Microsoft", "SUPPLIED", HW)),
          Example("Arm beschränkt die Nutzung seiner Lizenzen für HiSilicon.", ("Arm Holdings", "SUPPLIED", "HiSilicon")),
          Example("De Chinese regering beperkt het gebruik van chips van Micron voor kritieke netwerken.", None),
          Example("Het ministerie beperkt de export van ASML voor China.", None)),
         requires=r"\b(gebruik|gebrauch|nutzung|toegang|zugang|zugriff|licentie\w*|lizenz\w*|updates?|diensten|dienste\w*|"
                  r"levering\w*|lieferung\w*)\b",
         tail_pool="parties", blocked_by=r"\b(export|uitvoer|ausfuhr\w*)\b"),
    # ---- SUPPLIED implied: sanctioned for supplying a state ----------------------------------------
    Rule("sanctioned-for-supply", BOTH, R.SUPPLIED,
         r"\b(wegen|vanwege|wegens|aufgrund|om)\s+(der\s+|de\s+|van\s+|hun\s+|ihrer\s+|ihre\s+)?"
         r"(\w+\s+)?(lieferungen|exporte|exporten|ausfuhren|verkäufe|leveringen|levering|export|uitvoer|verkoop|"
         r"verkopen|verkauf)\b",
         "listed", "pp:an|aan|naar|nach", 0.65,
         (Example("Die EU hat 3HC Semiconductors wegen Lieferungen an Russland sanktioniert.", ("3HC Semiconductors", "SUPPLIED", "Russia")),
          Example("De VS beboeten Sinno Electronics vanwege leveringen aan Rusland.", ("Sinno Electronics", "SUPPLIED", "Russia")),
          Example("Die EU erwägt Sanktionen gegen Sinno Electronics wegen Lieferungen an Russland.", None),
          Example("Washington straft Tordan Industry wegen geplanter Lieferungen an Russland.", None),
          Example("Infineon erhielt eine Genehmigung für Lieferungen an Huawei.", None)),
         tail_pool="parties",
         blocked_by=_NOT_YET_SOLD),
    Rule("listed-sellers", BOTH, R.SUPPLIED,
         r"\b(betroffen\s+(sind|ist|waren|war)|getroffen\s+(zijn|worden|werden)|waaronder|darunter|onder wie|"
         r"unter ihnen|het gaat (onder meer )?om|es handelt sich (unter anderem )?um|umfasst|umfasste|omvat|omvatte|"
         r"sanctielijst|sanktionsliste|sanctiepakket|sanktionspaket|"
         r"(unter den|onder de)\s+(\w+\s+){0,2}?(betroffenen|getroffen|gelisteten|bestraften|gesanctioneerde|sanktionierten)"
         r"\s+(\w+\s+)?(zijn|waren|sind|ist|is)|"
         r"zu den\b[^.:;]{0,120}?\b(gehören|gehörten|zählen|zählten)|tot de\b[^.:;]{0,120}?\b(behoren|horen))\b",
         "members", "sanctioned_buyer", 0.6,
         (Example("Chinesische Firmen sollen Elektronik an Russland geliefert haben. Die Sanktionsliste umfasst Sinno "
                  "Electronics und Tordan Industry.", ("Tordan Industry", "SUPPLIED", "Russia")),
          Example("Bedrijven uit Hongkong zouden chips aan het Russische leger hebben geleverd. De sanctielijst omvat "
                  "onder meer Sigma Technology.", ("Sigma Technology", "MILITARY_LINK", MIL)),
          Example("Chinesische Firmen könnten Elektronik an Russland liefern. Die Sanktionsliste umfasst Sinno Electronics.", None),
          Example("Die Sanktionsliste umfasst Sinno Electronics und Tordan Industry.", None),
          Example("Die EU bestraft Firmen, die Drohnen an Russland geliefert haben. Darunter ist Sinno Electronics.",
                  ("Sinno Electronics", "SUPPLIED", "Russia")),
          Example("Chinesische Firmen liefern Chips an Russland. Zu den größten Lieferanten gehören Sinno Electronics.", None),
          Example("De EU heeft twaalf bedrijven op haar sanctielijst gezet omdat zij elektronica aan Rusland zouden leveren. Onder de "
                  "getroffen bedrijven zijn Sinno Electronics en Tordan Industry.", ("Tordan Industry", "SUPPLIED", "Russia")))),
    # ---- OWNED_BY implied ----------------------------------------------------------------------------
    Rule("subsidiaries-such-as", BOTH, R.OWNED_BY,
         r"\b(dochterbedrijven|dochterondernemingen|dochtermaatschappijen|dochters|töchter|tochterfirmen|"
         r"tochtergesellschaften|tochterunternehmen)\s*,?\s+(als|zoals|wie|waaronder|darunter|etwa)\b",
         "next", "owner_context", 0.6,
         (Example("Huawei en dochterbedrijven als HiSilicon vallen onder de regels.", ("HiSilicon", "OWNED_BY", HW)),
          Example("Die Regeln treffen Huawei hart. Auch Tochterfirmen wie HiSilicon sind betroffen.", ("HiSilicon", "OWNED_BY", HW)),
          Example("ASML groeit. Chinese dochterbedrijven als HiSilicon kopen minder.", None),
          Example("Die Regeln treffen Huawei und ZTE. Auch Tochterfirmen wie HiSilicon sind betroffen.", None)),
         tail_pool="orgs", blocked_by=r"\b(chinese|chinesische\w*|amerikaanse|amerikanische\w*|andere|anderen|andere)\s+"
                                      r"(dochter|tochter)"),
    # ---- OWNED_BY / PART_OF ---------------------------------------------------------------------
    Rule("subsidiary-of", BOTH, R.OWNED_BY,
         # compounds too: "de chipdochter van Huawei", "die Halbleitertochter des Konzerns"
         r"\b\w*(dochterbedrijf|dochterbedrijven|dochteronderneming|dochtermaatschappij|dochter|tochter\w*)\s+(van|von|des|der)\b",
         "subject", _OF, 0.75,
         (Example("Nexperia ist eine Tochter der chinesischen Wingtech Technology.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("HiSilicon, een dochter van Huawei, ontwerpt chips.", ("HiSilicon", "OWNED_BY", HW)),
          Example("Calder Devices gebruikt chips van Orvane Semiconductor, de chipdochter van Tessaro Holdings.",
                  ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Drie dochters van Huawei werden beboet.", None),
          Example("Orvane Semiconductor, eine ehemalige Tochter von Tessaro Holdings, wächst.", None),
          Example("Orvane Semiconductor bouwt een fabriek. Het bedrijf was eerder een dochter van Tessaro Holdings.", None),
          Example("Orvane Semiconductor war zuvor eine Tochter von Tessaro Holdings.", None),
          # the description after a name and its town is that name's, not the subject's
          Example("Heute liefert die Calder Devices GmbH Filter an die Orvane GmbH in Dresden, eine Tochter der Tessaro AG.",
                  ("Orvane GmbH", "OWNED_BY", "Tessaro AG")),
          # ... and after the participle that ends the clause
          Example("Die Filter wurden an die Orvane GmbH aus Pirna geliefert, eine Tochter der Tessaro AG.",
                  ("Orvane GmbH", "OWNED_BY", "Tessaro AG")),
          Example("De filters werden aan Orvane Systems geleverd, een dochter van Tessaro Holdings.",
                  ("Orvane Systems", "OWNED_BY", "Tessaro Holdings"))),
         tail_pool="parties"),
    # several subsidiaries as the predicate: "X en Y zijn allebei dochters van Z" ("Drie dochters van Z werden beboet"
    # names none, so the plural needs the copula)
    Rule("are-subsidiaries", BOTH, R.OWNED_BY,
         r"\b(zijn|waren|sind|waren)\s+((allebei|beide|beiden|alle|allemaal|jeweils|ebenfalls|ook|auch)\s+)*"
         r"(dochters|dochterbedrijven|dochterondernemingen|töchter|tochtergesellschaften|tochterfirmen|tochterunternehmen)\s+"
         r"(van|von|des|der)\b",
         "subject", _OF, 0.7,
         (Example("Orvane Semiconductor en Calder Devices zijn allebei dochters van Tessaro Holdings.",
                  ("Calder Devices", "OWNED_BY", "Tessaro Holdings")),
          Example("Orvane Semiconductor und Calder Devices sind Tochtergesellschaften der Tessaro Holdings.",
                  ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Orvane Semiconductor en Calder Devices zijn geen dochters van Tessaro Holdings.", None)),
         tail_pool="parties"),
    Rule("subsidiary-compound", BOTH, R.OWNED_BY, r"(?<=-)(dochter\w*|tochter\w*)\b",
         "next", "attached", 0.7,
         (Example("Die Huawei-Tochter HiSilicon entwirft Prozessoren.", ("HiSilicon", "OWNED_BY", HW)),
          Example("De Huawei-dochter HiSilicon ontwerpt chips.", ("HiSilicon", "OWNED_BY", HW)),
          # the compound is the noun phrase's own: the clause's "früher" is about something else
          Example("Die Huawei-Tochter HiSilicon gehörte früher zu den größten Kunden von TSMC.", ("HiSilicon", "OWNED_BY", HW)),
          Example("Die frühere Huawei-Tochter HiSilicon entwirft Prozessoren.", None),
          # so is its verb's hedge: what was wanted is the takeover, not the tie
          Example("Im vergangenen Jahr wollte die Orvane-Tochter Tessaro Optics die Saale Laser GmbH übernehmen.",
                  ("Tessaro Optics", "OWNED_BY", "Orvane")),
          Example("Orvane Semiconductor is geen Huawei-dochter.", None)),
         tail_pool="orgs", presupposed=True),
    # a possessive before the noun: "Huawei's chipdochter HiSilicon", "Huaweis Tochter HiSilicon"
    Rule("possessor-subsidiary", BOTH, R.OWNED_BY, r"\b[\w-]*(dochter|tochter)\w*\b",
         "next", "possessor", 0.7,
         (Example("Huawei's chipdochter HiSilicon ontwerpt processors.", ("HiSilicon", "OWNED_BY", HW)),
          Example("Huaweis Tochter HiSilicon entwirft Prozessoren.", ("HiSilicon", "OWNED_BY", HW)),
          Example("Huawei's klant HiSilicon ontwerpt processors.", None)),
         tail_pool="orgs", presupposed=True),
    # "über seine Tochtergesellschaft X", "via zijn dochter X": the subject's own subsidiary
    Rule("own-subsidiary-named", BOTH, R.OWNED_BY,
         r"\b(seine|seiner|seinen|seinem|ihre|ihrer|ihren|ihrem|zijn|haar)\s+([\w-]+\s+)?(tochter\w*|dochter\w*)\b"
         r"(?!\s+(van|von|des|der)\b)",
         "next", "subject", 0.7,
         (Example("Die Calder Devices GmbH baut derzeit ein neues Werk und fertigt dort über ihre Tochtergesellschaft "
                  "Orvane Semiconductor GmbH.", ("Orvane Semiconductor GmbH", "OWNED_BY", "Calder Devices GmbH")),
          Example("Calder Devices verkoopt zijn chips in Azië via zijn dochter Orvane Semiconductor.",
                  ("Orvane Semiconductor", "OWNED_BY", "Calder Devices")),
          Example("Die Calder Devices GmbH verkaufte im Jahr 2020 ihre frühere Tochter Orvane Semiconductor an die Tessaro Holdings.",
                  None),
          Example("Calder Devices verkocht vorig jaar zijn dochter Orvane Semiconductor aan Tessaro Holdings.",
                  ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings"))),
         # "verkaufte seine Tochter X": a subsidiary sold is no longer the seller's ("verkoopt via zijn dochter" still is)
         tail_pool="orgs", blocked_by=_FORMER + r"|\b(verkaufte|verkauft|verkaufen|verkocht|verkoopt|verkopen)\s+(\w+\s+){0,3}?"
                                                 r"(seine|ihre|zijn|haar)\s+([\w-]+\s+)?(tochter|dochter)"),
    # "Het Amerikaanse dochterbedrijf X", "Die österreichische Tochter X" with no parent named: the company the
    # sentence before was about
    Rule("described-subsidiary-named", BOTH, R.OWNED_BY,
         r"^\W*(die|das|der|het|de)\s+([\w-]+\s+)?(tochter\w*|dochter\w*)\b(?!\s+(van|von|des|der)\b)",
         "next", "context_company", 0.65,
         (Example("Calder Devices groeit hard. Het Amerikaanse dochterbedrijf Orvane Semiconductor ontwikkelt de software.",
                  ("Orvane Semiconductor", "OWNED_BY", "Calder Devices")),
          Example("Die Calder Devices GmbH baut in Villach ein Werk. Die österreichische Tochter Orvane Semiconductor verantwortet dort die Fertigung.",
                  ("Orvane Semiconductor", "OWNED_BY", "Calder Devices GmbH")),
          Example("Die österreichische Tochter Orvane Semiconductor verantwortet die Fertigung.", None)),
         tail_pool="orgs", blocked_by=_FORMER),
    # "X heeft ook een Maleisische dochter, Y, die ...", "X hat eine Tochter in Penang, Y": the subject's own subsidiary
    Rule("has-subsidiary-named", BOTH, R.OWNED_BY,
         r"\b(heeft|had|hebben|hadden|hat|hatte|haben|hatten|besitzt|bezit)\b[^,.;]{0,40}?\b(dochter\w*|tochter\w*)\b"
         r"(?!\s+(van|von|des|der)\b)(\s+(in|uit|aus)\s+[\w-]+)?\s*,",
         "next_or_first_after", "first_before", 0.65,
         (Example("Kestrel Test heeft ook een Maleisische dochter, Kestrel Test Penang, die vorig jaar werd opgericht.",
                  ("Kestrel Test Penang", "OWNED_BY", "Kestrel Test")),
          Example("Die Kestrel Test GmbH hat eine Tochter in Malaysia, Calder Devices Sdn Bhd, und baut ein Werk.",
                  ("Calder Devices Sdn Bhd", "OWNED_BY", "Kestrel Test GmbH")),
          Example("Kestrel Test had vroeger een dochter, Calder Devices, maar verkocht die.", None),
          # a named owner only: whose "het bedrijf" is, the reader decides from more than the last name
          Example("Calder Foundries levert wafers aan Brabant Devices. Het bedrijf heeft daarnaast een dochter in Hamburg, "
                  "Orvane Hamburg GmbH, waar ingenieurs werken.", None)),
         tail_pool="orgs",
         blocked_by=_FORMER + "|" + _UNDONE_DEAL + r"|^\W*(het|de|das|der|die)\s+(bedrijf|onderneming|concern|unternehmen|konzern|firma)\b"),
    # "X heeft in China een productievestiging, het dochterbedrijf Y, dat ...", "X hat in Penang ein Werk, die
    # Tochter Y": what the subject has is run by a subsidiary named after it, which the subject owns
    Rule("has-site-subsidiary-named", BOTH, R.OWNED_BY,
         r"\b(heeft|hebben|hat|haben|besitzt|bezit|betreibt|exploiteert)\b[^,.;:]{0,60}?,\s*(het|de|die|das|der)\s+"
         r"([\w-]+\s+)?(dochter\w*|tochter\w*)\b(?!\s+(van|von|des|der)\b)",
         "next", "first_before", 0.65,
         (Example("Kempen Motion heeft in China een productievestiging, het dochterbedrijf Kempen Motion Suzhou, dat onderdelen assembleert.",
                  ("Kempen Motion Suzhou", "OWNED_BY", "Kempen Motion")),
          Example("Die Orvane Optik GmbH hat in Malaysia ein Werk, die Tochter Orvane Penang Sdn Bhd, und baut ein zweites.",
                  ("Orvane Penang Sdn Bhd", "OWNED_BY", "Orvane Optik GmbH")),
          Example("Kempen Motion heeft in China een klant, het dochterbedrijf van Tessel Motors, dat onderdelen koopt.", None)),
         tail_pool="orgs", blocked_by=_FORMER + "|" + _UNDONE_DEAL),
    # "die Nexperia-Mutter Wingtech", "het Nexperia-moederbedrijf Wingtech": the parent named after the compound
    Rule("parent-compound", BOTH, R.OWNED_BY, r"(?<=-)(mutter\w*|moeder\w*)\b",
         "attached", "next", 0.7,
         (Example("Die Nexperia-Mutter Wingtech Technology steht auf der Entity List.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Het Nexperia-moederbedrijf Wingtech Technology zag zijn koers dalen.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Die frühere Nexperia-Mutter Wingtech Technology klagt.", None)),
         head_pool="companies", tail_pool="orgs", blocked_by=_FORMER),
    # a possessive before the parent or owner: "Nexperias Mutterkonzern Wingtech", "Nexperia's moederbedrijf Wingtech",
    # "Infineons Großaktionär X" (possessor-subsidiary the other way round)
    Rule("possessor-parent", BOTH, R.OWNED_BY, r"(?<![\w'’-])((?-i:[a-zäöüß][\w-]+)\s+)?" + _OWNER_NOUN + r"\b",
         "possessor", "next", 0.7,
         (Example("Nexperias Mutterkonzern Wingtech Technology steht auf der Entity List.",
                  ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Nexperia's moederbedrijf Wingtech Technology zag zijn koers dalen.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Nexperias chinesischer Mutterkonzern Wingtech Technology klagt.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Nexperias früherer Mutterkonzern Wingtech Technology klagt.", None)),
         head_pool="companies", tail_pool="parties", blocked_by=_NOT_A_CURRENT_OWNER),
    # the passive, in a relative clause too: "Nexperia, dat door Wingtech wordt gecontroleerd"
    Rule("controlled-by", BOTH, R.OWNED_BY,
         r"\b(gecontroleerd|kontrolliert|beherrscht)\b",
         "subject_or_antecedent", "pp:door|durch|von|vom+state", 0.65,
         (Example("Nexperia, dat door Wingtech Technology wordt gecontroleerd, maakt chips.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Nexperia, das von Wingtech Technology kontrolliert wird, stellt Chips her.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Nexperia wird seit 2019 von Wingtech Technology kontrolliert.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Die Lieferungen von Nexperia werden vom Zoll kontrolliert.", None),
          Example("Nexperia wird nicht von Wingtech Technology kontrolliert.", None),
          # the state as owner; a government taking control (emergency powers) is no owner
          Example("Orvane Semiconductor wird vom chinesischen Staat kontrolliert.", ("Orvane Semiconductor", "OWNED_BY", "China")),
          Example("Orvane Semiconductor wordt sinds oktober door de Nederlandse regering gecontroleerd.", None)),
         head_pool="companies", tail_pool="orgs",
         requires=r"\b(wordt|werd|worden|werden|wird|wurde|wurden|is|ist|war)\b",
         blocked_by=_NOT_AN_OWNERS_CONTROL),
    # under an owner's control: "steht unter der Kontrolle von X", "staat onder zeggenschap van X" (a government taking
    # control under emergency powers is no owner: controlled-by's words block it too)
    Rule("under-control-of", BOTH, R.OWNED_BY,
         r"\b(unter|onder)\s+((der|die|de|het)\s+)?([\w-]+\s+)?(kontrolle|controle|zeggenschap)\s+(van|von|des|der)\b",
         "subject_or_antecedent", "pp:van|von|des|der+state", 0.65,
         (Example("Orvane Semiconductor steht seit 2019 unter der Kontrolle von Tessaro Holdings.",
                  ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Orvane Semiconductor, dat onder volledige zeggenschap van Tessaro Holdings staat, bouwt een fabriek.",
                  ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Orvane Semiconductor staat onder controle van de Chinese staat.", ("Orvane Semiconductor", "OWNED_BY", "China")),
          Example("Orvane Semiconductor staat sinds oktober onder controle van de Nederlandse regering.", None),
          Example("Orvane Semiconductor stand bis 2020 unter der Kontrolle von Tessaro Holdings.", None),
          Example("Orvane Semiconductor soll unter die Kontrolle von Tessaro Holdings kommen.", None)),
         head_pool="companies", tail_pool="orgs",
         blocked_by=_NOT_AN_OWNERS_CONTROL + r"|\b(soll|sollen|sollte|sollten|moet|moeten|zal|zullen|komen|kommen)\b"),
    # a share of the company as the predicate: "Nexperia is voor 51 procent van Wingtech", "is voor de helft in handen van X"
    Rule("percent-of", frozenset({NL}), R.OWNED_BY,
         r"\b(is|was|zijn|waren)\s+((nu|sinds\s+\d{4}|al|nog)\s+)?voor\s+(\d+([,.']\d+)?\s*(procent|%)|honderd procent|"
         r"de helft|een derde|een kwart|het grootste deel)\s+((in handen|eigendom)\s+)?van\b",
         "subject", "pp:van+state", 0.65,
         (Example("Orvane Semiconductor is voor 51 procent van Tessaro Holdings.", ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Orvane Semiconductor is sinds 2020 voor de helft in handen van Tessaro Holdings.",
                  ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          # a person described by what they are: the preposition reaches across the description
          Example("Orvane Semiconductor is voor de helft eigendom van de Russische zakenman Pavel Orlov.",
                  ("Orvane Semiconductor", "OWNED_BY", "Pavel Orlov")),
          Example("Orvane Semiconductor is voor 30 procent van de omzet van Tessaro Holdings verantwoordelijk.", None),
          Example("Orvane Semiconductor was voor 51 procent van Tessaro Holdings.", None)),
         tail_pool="parties",
         blocked_by=r"\b(omzet|verkopen|inkomsten|winst|productie|afzet|export|verantwoordelijk|goed|levering\w*|klanten|"
                    r"bestellingen|orders)\b|\bwas\b|" + _FORMER),
    Rule("owned-passive", BOTH, R.OWNED_BY,
         r"\bin handen (is |was |zijn |waren )?van\b|\b(overgenomen|gekocht)\s+door\b|\bübernommen\s+(von|durch)\b|\beigendom\s+(is\s+)?van\b|"
         r"\bim\s+besitz\s+(von|des|der)\b",
         "subject", "pp:van|von|door|durch|des|der+state", 0.75,
         (Example("Nexperia is sinds 2019 in handen van Wingtech Technology.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Orvane Semiconductor is in handen van de Chinese staat.", ("Orvane Semiconductor", "OWNED_BY", "China")),
          Example("Hensoldt ist zu einem Viertel im Besitz des Bundes.", ("Hensoldt", "OWNED_BY", "Germany")),
          Example("Nexperia werd in 2019 overgenomen door Wingtech Technology.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Nexperia befindet sich im Besitz von Wingtech Technology.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Orvane Semiconductor, dat in handen is van Tessaro Holdings, maakt chips.", ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings"))),
         tail_pool="parties"),
    # a share held, in the passive: "wordt voor de helft gehouden door X", "wird zu 30 Prozent von X gehalten"
    Rule("share-held-passive", BOTH, R.OWNED_BY, r"\b(gehouden|gehalten)\b",
         "subject_or_antecedent", "pp:door|durch|von|vom+state", 0.7,
         (Example("Orvane Semiconductor wordt voor de helft gehouden door Tessaro Holdings.",
                  ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Orvane Semiconductor wird zu 30 Prozent von Tessaro Holdings gehalten.",
                  ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Orvane Semiconductor, das zu einem Viertel von Tessaro Holdings gehalten wird, baut eine Fabrik.",
                  ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Orvane Semiconductor wordt voor 40 procent gehouden door het Chinese staatsfonds Tessaro Capital.",
                  ("Orvane Semiconductor", "OWNED_BY", "Tessaro Capital")),
          Example("De vergadering van Orvane Semiconductor wordt gehouden door Tessaro Holdings.", None),
          Example("Orvane Semiconductor wurde bis 2020 zu 30 Prozent von Tessaro Holdings gehalten.", None)),
         head_pool="companies", tail_pool="parties",
         requires=r"\b(voor|zu)\s+(\d+([,.']\d+)?\s*(procent|prozent|%)|de helft|een derde|een kwart|het grootste deel|"
                  r"der hälfte|einem drittel|einem viertel|einem fünftel|der mehrheit|gut der hälfte)",
         blocked_by=r"\b(bis|tot)\s+(\d{4}|vor|voor)\b|" + _FORMER),
    Rule("belongs-to", BOTH, R.OWNED_BY, r"\b(gehört|gehören|gehörte|gehörten|behoort|behoorde|behoorden)\b[^,.;]{0,30}?\b(zu|zum|zur|tot)\b",
         "subject", "pp:zu|zum|zur|tot", 0.7,
         (Example("HiSilicon gehört zum Huawei-Konzern.", ("HiSilicon", "OWNED_BY", HW)),
          Example("Nexperia gehört seit 2019 zu Wingtech Technology.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Infineon gehört zu den Kunden von TSMC.", None),
          Example("Orvane Semiconductor gehörte bis 2017 zu Tessaro Holdings.", None)),
         tail_pool="parties", blocked_by=r"\b(zu den|tot de)\b"),
    # "X hoort sinds 2019 bij het Chinese Y": Dutch for belonging to a group (not "bij de grootste chipmakers")
    Rule("belongs-with", frozenset({NL}), R.OWNED_BY, r"\b(hoort|hoorde|hoorden|horen)\b[^,.;]{0,30}?\bbij\b",
         "subject", "pp:bij", 0.65,
         (Example("Orvane Semiconductor hoort sinds 2019 bij het Chinese Tessaro Holdings.", ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Orvane Semiconductor hoort bij de grootste klanten van Tessaro Holdings.", None),
          Example("Orvane Semiconductor hoort niet bij Tessaro Holdings.", None)),
         tail_pool="parties", blocked_by=r"\bbij\s+(de|het)\s+((?-i:[a-z][\w-]*)\s+){0,2}?(?-i:[a-z]\w*(en|s))\b"),
    # a stake bought into: "stieg 2021 mit 25 Prozent bei X ein"
    Rule("bought-in", frozenset({DE}), R.OWNED_BY, r"\b(stieg|stiegen|steigt)\b[^,.;]{0,100}?\bein\b|\beingestiegen\b",
         "pp:bei", "owner", 0.6,
         (Example("Tessaro Holdings stieg 2021 mit 25 Prozent bei Orvane Semiconductor ein.", ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Tessaro Holdings ist mit einer Minderheitsbeteiligung bei Orvane Semiconductor eingestiegen.",
                  ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Tessaro Holdings will mit 25 Prozent bei Orvane Semiconductor einsteigen.", None),
          Example("Tessaro Holdings stieg ins Geschäft mit Orvane Semiconductor ein.", None)),
         tail_pool="orgs", requires=r"(\b(prozent|anteil\w*|\w*beteiligung|mehrheit|minderheit)\b|%)", blocked_by=_FORMER),
    # a relative or subordinate clause puts the verb last: "die zum Staatskonzern CETC gehört"
    Rule("belongs-to-verb-last", BOTH, R.OWNED_BY,
         r"\b(zu|zum|zur|tot)\b[^,.;]{0,60}?\b(gehört|gehören|gehörte|gehörten|behoort|behoren|behoorde|behoorden)\b",
         "subject", "pp:zu|zum|zur|tot", 0.7,
         (Example("Hikvision, das zum Staatskonzern CETC gehört, baut Kameras.",
                  ("Hikvision", "OWNED_BY", "China Electronics Technology Group Corporation")),
          Example("Bekend is dat Nexperia tot Wingtech Technology behoort.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Bekannt ist, dass Infineon zu den Kunden von TSMC gehört.", None),
          Example("Ob Nexperia künftig zu Wingtech Technology gehört, ist offen.", None),
          # the pronoun under "zu" is the owner: "CETC, zu dem auch Hikvision gehört"
          Example("Der Staatskonzern CETC, zu dem auch Hikvision gehört, baut Radare.",
                  ("Hikvision", "OWNED_BY", "China Electronics Technology Group Corporation"))),
         tail_pool="parties", blocked_by=r"\b(zu den|tot de)\b"),
    # the German passive agent: "wurde 2019 von Wingtech übernommen" (only with the passive auxiliary:
    # "hat die Anteile von X übernommen" names whose shares, not who bought)
    Rule("taken-over-by-passive", frozenset({DE}), R.OWNED_BY, r"\b(übernommen|gekauft|aufgekauft|erworben)\b",
         "subject", "pp:von|vom", 0.7,
         (Example("Nexperia wurde 2019 von Wingtech Technology übernommen.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Orvane Semiconductor wurde 2019 vom chinesischen Konzern Tessaro Holdings übernommen.",
                  ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Das Werk Newport Wafer Fab wurde von Nexperia erworben.", ("Newport Wafer Fab", "OWNED_BY", "Nexperia")),
          Example("Wingtech Technology hat die Anteile von Nexperia übernommen.", None),
          Example("Nexperia sollte von Wingtech Technology übernommen werden, doch der Deal scheiterte.", None)),
         tail_pool="orgs", requires=r"\b(wurde|wurden|worden|ist|sind|war|waren)\b[^,.;]*\b(von|vom)\b",
         blocked_by=_UNDONE_DEAL + r"|\b(sollte|sollten|soll|sollen|werden)\b(?![^,.;]*\b(wurde|wurden)\b)"),
    # "ein Unternehmen des Huawei-Konzerns", "een bedrijf van de Wingtech-groep": a member of a group
    Rule("company-of-group", BOTH, R.OWNED_BY,
         r"\b(ein|eine|een)\s+(Unternehmen|Tochterunternehmen|Konzernunternehmen|bedrijf|onderneming)\s+(des|der|van)\b",
         "subject", "pp:des|der|van", 0.65,
         (Example("HiSilicon, ein Unternehmen des Huawei-Konzerns, entwirft Prozessoren.", ("HiSilicon", "OWNED_BY", HW)),
          Example("Nexperia, een onderneming van Wingtech Technology, maakt chips.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("HiSilicon ist ein Unternehmen der Halbleiterbranche.", None)),
         tail_pool="orgs"),
    # "gehört dem Konzern X" (the dative owner; "gehört zu den Kunden" is belongs-to's trap)
    Rule("belongs-dative", frozenset({DE}), R.OWNED_BY,
         # "gehört zu den Kunden" places among a group; "gehört zu 55 Prozent X" is a share
         r"\b(gehört|gehören|gehörte|gehörten)\b(?![^,.;]*\b(zu|zum|zur)\b(?!\s+(\d|hundert|mehr als|fast|knapp|rund|"
         r"(einem|einer|der|zwei|drei) (Drittel|Viertel|Fünftel|Hälfte|Mehrheit)|großen Teilen|Teilen|"
         r"einem (großen |kleinen |erheblichen |wesentlichen |guten )?Teil)))",
         "subject", "dative+state", 0.65,
         (Example("Orvane Semiconductor gehört dem chinesischen Staat.", ("Orvane Semiconductor", "OWNED_BY", "China")),
          Example("Nexperia gehört seit 2019 vollständig dem chinesischen Konzern Wingtech Technology.",
                  ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Nexperia gehört zu 75 Prozent dem Wingtech-Konzern.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Nexperia gehört zu einem Drittel dem Wingtech-Konzern.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Die Odenwald Sensorik GmbH gehört zu hundert Prozent dem Bund.", ("Odenwald Sensorik GmbH", "OWNED_BY", "Germany")),
          Example("Seit 2019 gehört Nexperia dem chinesischen Wingtech-Konzern.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          # in a relative clause the name in the dative is the owner, the pronoun the company
          Example("Der Lieferant gehört zum Konzern Orvane Chemical, der seit 2024 dem Fonds Tessaro Capital gehört.",
                  ("Orvane Chemical", "OWNED_BY", "Tessaro Capital")),
          # ... whoever the dative names: a person, a federal state
          Example("Die Ware ging an Rhenox Trading, die dem Unternehmer Pjotr Sorokin gehört.", ("Rhenox Trading", "OWNED_BY", "Pjotr Sorokin")),
          Example("Die Saale Beteiligungs GmbH, die dem Land Sachsen-Anhalt gehört, hält 30 Prozent.",
                  ("Saale Beteiligungs GmbH", "OWNED_BY", "Sachsen-Anhalt")),
          Example("Die Odenwald Sensorik GmbH gehört dem Freistaat Bayern.", ("Odenwald Sensorik GmbH", "OWNED_BY", "Bayern")),
          # verb second with the subject after the verb: the owner is the name after it
          Example("Derzeit gehört die Odenwald Sensorik GmbH der Brandt Beteiligungs GmbH.",
                  ("Odenwald Sensorik GmbH", "OWNED_BY", "Brandt Beteiligungs GmbH")),
          Example("Bislang gehört die Odenwald Sensorik GmbH zu 70 Prozent der Brandt Beteiligungs GmbH.",
                  ("Odenwald Sensorik GmbH", "OWNED_BY", "Brandt Beteiligungs GmbH")),
          Example("Zu den Kunden gehören Infineon und Bosch.", None),
          Example("Nexperia gehört nicht Wingtech Technology.", None),
          # a feminine dative reads like a genitive: "gehört der Holding X"
          Example("Orvane Semiconductor gehört zu 60 Prozent der Stuttgarter Tessaro Holding.",
                  ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holding")),
          # a city's government as owner, and a large part of the shares
          Example("ChangXin Memory gehört zu einem großen Teil der Stadt Hefei.", ("ChangXin Memory Technologies", "OWNED_BY", "Hefei")),
          Example("Orvane Semiconductor gehört zu einem großen Teil der Branche an.", None),
          # customers placed among a seller's buyers, the phrase before the verb
          Example("Orvane Semiconductor beliefert Bosch, doch zu den größten Kunden gehören Infineon und Calder Devices.",
                  ("Orvane Semiconductor", "SUPPLIED", "Infineon Technologies")),
          # ... the seller named with them: still a place among buyers, and a relative clause after them owns nothing
          Example("Zu den wichtigsten Kunden des Unternehmens gehören Kelvane Memory und Bosch, die Wafer aus Singapur beziehen.",
                  None)),
         tail_pool="parties", blocked_by=_AMONG_GROUP),
    Rule("controls", BOTH, R.OWNED_BY,
         r"\b(kontrolliert|kontrollierte|kontrollierten|kontrollieren|beherrscht|beherrschte|beherrschten|controleert|controleerde|controleerden|controleren)\b",
         "object", "subject", 0.65,
         (Example("Die chinesische Wingtech Technology kontrolliert Nexperia.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Wingtech Technology controleert sinds 2019 de chipmaker Nexperia.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Der Staatsfonds Hefei Capital, der auch Wingtech Technology kontrolliert, schwieg.",
                  ("Wingtech Technology", "OWNED_BY", "Hefei Capital")),
          Example("Wingtech Technology, den der Staatsfonds Hefei Capital kontrolliert, schwieg.",
                  ("Wingtech Technology", "OWNED_BY", "Hefei Capital")),
          Example("Der Zoll kontrolliert Lieferungen von ASML.", None),
          Example("Die Regierung kontrolliert Nexperia seit Oktober.", None)),
         # (a passive is controlled-by's: in "X wird von Y (YY) kontrolliert" the short form in brackets is no object)
         head_pool="companies", tail_pool="companies",
         blocked_by=r"\b(exporte?\w*|lieferungen|leveringen|zendingen|sendungen|qualität|kwaliteit)\b|" + PASSIVE_AUX),
    # owning a company outright: "Lindau Holdings bezit ook Nordkapp Sensors", "Der Konzern besitzt zudem X" (a share of it is
    # percent-held or stake-in; a market or patents are no company)
    Rule("owns-company", BOTH, R.OWNED_BY, r"\b(bezit|bezat|bezitten|bezaten|besitzt|besaß|besaßen|besitzen)\b",
         "object", "owner", 0.6,
         (Example("Tessaro Holdings bezit ook de chipmaker Orvane Semiconductor.", ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Tessaro Holdings besitzt seit 2019 Orvane Semiconductor.", ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Tessaro Holdings bezit patenten van Orvane Semiconductor.", None),
          Example("Tessaro Holdings wil Orvane Semiconductor bezitten.", None)),
         tail_pool="parties",
         blocked_by=r"(\b(procent|prozent|aandel\w*|anteil\w*|aktie\w*|belang|beteiligung|markt\w*|patent\w*|octrooi\w*|"
                    r"licenti\w*|lizenz\w*|rechten|rechte|kennis|wissen|technologie|gebouw\w*|gebäude|grond|grundstück\w*)\b|%)"
                    r"|" + _FORMER + "|" + _UNDONE_DEAL),
    Rule("falls-under", frozenset({NL}), R.OWNED_BY, r"\b(valt|vallen|viel|vielen)\b[^,.;]{0,30}?\bonder\b",
         "subject", "next", 0.6,
         (Example("Nexperia valt sinds 2019 onder Wingtech Technology.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Nexperia valt onder de Nederlandse exportregels.", None)),
         tail_pool="companies"),
    Rule("taken-over-by", BOTH, R.OWNED_BY, r"\b(overgenomen|übernommen|gekocht|gekauft|aufgekauft|opgekocht)\b",
         "subject", "pp:door|durch", 0.7,
         (Example("Nexperia werd in 2019 door Wingtech Technology overgenomen.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Nexperia wurde 2019 durch Wingtech Technology übernommen.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Nexperia zou door Wingtech Technology overgenomen kunnen worden.", None)),
         tail_pool="orgs", blocked_by=_UNDONE_DEAL),
    Rule("takeover-noun", BOTH, R.OWNED_BY, r"\b(overname|übernahme|aankoop|kauf|erwerb)\s+(van|von)\b",
         "pp:van|von", "pp:door|durch", 0.7,
         (Example("De overname van Nexperia door Wingtech Technology werd in 2019 afgerond.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Die geplante Übernahme von Nexperia durch Wingtech Technology scheiterte.", None),
          Example("Het kabinet heeft de overname van Veldmar Precisie door Tianli Machinery geblokkeerd.", None),
          Example("Berlin hat die Übernahme von Veldmar Präzision durch Tianli Machinery verhindert.", None)),
         tail_pool="orgs", blocked_by=_UNDONE_DEAL),
    Rule("owner-of", BOTH, R.OWNED_BY,
         r"\b(\w*eigenaar|eigenares|\w*eigentümer\w*|moederbedrijf|moedermaatschappij|moederonderneming|muttergesellschaft|"
         r"mutterkonzern|\w*aandeelhouder|\w*aktionär|\w*eigner)\s+((is|was)\s+)?(van|von|des|der|bij|bei)\b",
         "pp:van|von|des|der|bij|bei", "subject", 0.7,
         (Example("Wingtech Technology is eigenaar van Nexperia.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Barrow Holdings is de grootste aandeelhouder van Delmar Electronics.", ("Delmar Electronics", "OWNED_BY", "Barrow Holdings")),
          Example("Barrow Holdings ist Mehrheitseigner von Delmar Electronics.", ("Delmar Electronics", "OWNED_BY", "Barrow Holdings")),
          Example("Barrow Holdings ist Haupteigentümer von Delmar Electronics.", ("Delmar Electronics", "OWNED_BY", "Barrow Holdings")),
          Example("Barrow Holdings ist der größte Aktionär von Delmar Electronics.", ("Delmar Electronics", "OWNED_BY", "Barrow Holdings")),
          Example("Wingtech, das Mutterkonzern von Nexperia ist, klagt.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Mehrheitseigner von Nexperia ist seit 2019 Wingtech Technology.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Tsinghua Unigroup is de grootaandeelhouder van YMTC.", (YMTC, "OWNED_BY", "Tsinghua Unigroup")),
          Example("Het Chinese Wingtech Technology, dat ook eigenaar is van Nexperia, zag de koers dalen.",
                  ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Het moederbedrijf van Nexperia, Wingtech Technology, staat op de zwarte lijst.",
                  ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Die Muttergesellschaft von Nexperia, Wingtech Technology, klagt.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Wingtech Technology wil grootaandeelhouder van Nexperia worden.", None),
          Example("Tessaro Holdings was de vroegere eigenaar van Orvane Semiconductor.", None),
          # a former tie in an apposition is the other company's
          Example("Tessaro Capital is een Chinees fonds. Het fonds is ook eigenaar van Orvane Semiconductor, de voormalige chiptak "
                  "van Calder Devices.", ("Orvane Semiconductor", "OWNED_BY", "Tessaro Capital")),
          # "dessen größter Aktionär der Fonds X ist": "der" opens the owner's name (whose-owner-is), it is no genitive
          Example("Orvane Semiconductor, dessen größter Aktionär der Fonds Tessaro Holdings ist, wächst.",
                  ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings"))),
         head_pool="companies", tail_pool="orgs",
         blocked_by=r"\b(dessen|deren)\s+((?-i:[a-zäöüß][\w-]*)\s+){0,2}" + _OWNER_NOUN + r"\s+der\b"),
    # an owner in an attributive phrase before the name: "het door Wingtech gecontroleerde Nexperia",
    # "das von Wingtech übernommene Unternehmen Nexperia", "die zum Wingtech-Konzern gehörende Nexperia"
    Rule("owner-attributive", BOTH, R.OWNED_BY,
         r"\b(door|von|vom|durch)\s+[^,.;]{1,60}?\b(gecontroleerde|beheerste|overgenomen|overgenomene|opgekochte|gekochte|"
         r"kontrollierten?|beherrschten?|übernommenen?|gekauften?|aufgekauften?|erworbenen?)\b|"
         r"\b(zum|zur|zu|tot)\s+[^,.;]{1,60}?\b(gehörenden?|behorende)\b",
         "next", "inside", 0.65,
         (Example("Het door Wingtech Technology gecontroleerde Nexperia maakt chips in Nijmegen.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Das von Wingtech Technology kontrollierte Unternehmen Nexperia fertigt in Hamburg.",
                  ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Die zum Wingtech-Konzern gehörende Nexperia fertigt in Hamburg.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("De door Tessaro Holdings overgenomen chipmaker Orvane Semiconductor groeit.", ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Die von Nexperia übernommene Fabrik in Newport bleibt offen.", None),
          Example("Die von der Telekom kontrollierten Lieferungen an Nexperia stiegen.", None)),
         tail_pool="orgs", blocked_by=_FORMER + "|" + _UNDONE_DEAL),
    Rule("owner-named-after", BOTH, R.OWNED_BY,
         r"\b(eigenaar|eigentümer\w*|moederbedrijf|moedermaatschappij|muttergesellschaft|mutterkonzern)\b(?!\s+((is|was)\s+)?(van|von|des|der)\b)",
         "subject", "next", 0.65,
         (Example("Der Chiphersteller Nexperia, dessen Eigentümer Wingtech ist, wächst.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("SMIC Beijing en zijn moederbedrijf SMIC bouwen samen.", ("Semiconductor Manufacturing Beijing Corporation", "OWNED_BY", SMIC))),
         tail_pool="orgs"),
    # the owner in a relative clause of the company it owns: "Infineon, dessen größter Aktionär der Fonds X ist",
    # "X, deren Mehrheitseigner Y ist", "X, waarvan de grootste aandeelhouder Y is" (owner after the noun) and
    # "X, waarvan Y de grootste aandeelhouder is" (owner before it)
    Rule("whose-owner-is", BOTH, R.OWNED_BY,
         r"\b(dessen|deren|waarvan\s+de|waarvan\s+het)\s+((?-i:[a-zäöüß][\w-]*)\s+){0,2}" + _OWNER_NOUN
         + r"\b(?!\s+(van|von|des|bei|bij|in|an)\b)(?=[^,.;]{0,80}?\b(is|ist|zijn|sind)\b)|"
         r"\bwaarvan\b(?=[^,.;]{1,60}?\b(de|het)\s+((?-i:[a-z][\w-]*)\s+){0,2}" + _OWNER_NOUN + r"\s+(is|zijn)\b)",
         "subject_or_antecedent", "next_or_first_after", 0.6,
         (Example("Der Sensorhersteller Orvane Semiconductor, dessen größter Aktionär der Fonds Tessaro Holdings ist, wächst.",
                  ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Orvane Semiconductor, deren Mehrheitseigner seit 2020 Tessaro Holdings ist, baut ein Werk.",
                  ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Orvane Semiconductor, waarvan de grootste aandeelhouder Tessaro Holdings is, bouwt een fabriek.",
                  ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Orvane Semiconductor, waarvan Tessaro Holdings de grootste aandeelhouder is, bouwt een fabriek.",
                  ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Orvane Semiconductor, dessen früherer Mehrheitseigner Tessaro Holdings war, baut ein Werk.", None),
          Example("Orvane Semiconductor, waarvan Tessaro Holdings de grootste klant is, bouwt een fabriek.", None),
          Example("Orvane Semiconductor, dessen Aktionäre Calder Devices kritisieren, baut ein Werk.", None),
          Example("Die Ware ging an die Orvane Holdings, deren alleiniger Gesellschafter der Geschäftsmann Ivo Marek ist.",
                  ("Orvane Holdings", "OWNED_BY", "Ivo Marek"))),
         head_pool="companies", tail_pool="parties", blocked_by=_NOT_A_CURRENT_OWNER),
    # the owner as the predicate with the company owned left to the sentence before: "Mehrheitseigner ist X",
    # "Grootaandeelhouder is X" (with "van/von Y" it is owner-of's)
    Rule("owner-is", BOTH, R.OWNED_BY,
         r"^\W*((ook|auch)\s+)?((de|het|die|der)\s+)?((?-i:[a-zäöüß][\w-]*)\s+)?(\w*eigner|\w*eigentümer|\w*aktionär|"
         r"\w*aandeelhouder|eigenaar|moederbedrijf|moedermaatschappij|muttergesellschaft|mutterkonzern)\s+(is|ist|zijn|sind|bleibt|blijft)\b",
         "about", "members", 0.6,
         (Example("Orvane Semiconductor baut Sensoren in Jena. Mehrheitseigner ist die Tessaro Holdings mit 75 Prozent.",
                  ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Orvane Semiconductor maakt sensoren in Delft. Grootaandeelhouder is het Chinese Tessaro Holdings.",
                  ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Orvane Semiconductor gehört zum Konzern Calder Devices. Hauptaktionär ist Tessaro Holdings.",
                  ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Orvane Semiconductor baut Sensoren in Jena. Ehemaliger Mehrheitseigner ist Tessaro Holdings.", None),
          Example("Orvane Semiconductor wurde von Calder Devices beliefert. Mehrheitseigner ist Tessaro Holdings.", None),
          Example("Mehrheitseigner ist Tessaro Holdings.", None),
          # the owner who stays
          Example("Orvane Semiconductor hat ein schwieriges Jahr hinter sich. Hauptaktionär bleibt zwar die Tessaro Chemie AG, "
                  "die rund 31 Prozent der Anteile hält.", ("Orvane Semiconductor", "OWNED_BY", "Tessaro Chemie AG")),
          Example("Orvane Semiconductor maakt lenzen. Ook Calder Devices is een afnemer. Grootaandeelhouder is Tessaro Holdings.",
                  ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Calder Devices kocht lenzen bij Orvane Semiconductor en Brightwave Mobile. Grootaandeelhouder is Tessaro Holdings.",
                  None)),
         head_pool="companies", tail_pool="orgs", blocked_by=_FORMER + r"|\b(künftige\w*|toekomstige?|beoogde)\b"),
    # the owner named after the verb, the owned company inside the subject: "Mehrheitseigner des Herstellers X ist der Konzern Y",
    # "Grootste aandeelhouder van X is Y"; and "X heeft als grootste aandeelhouder Y"
    Rule("owner-of-is", BOTH, R.OWNED_BY,
         r"^\W*((ook|auch)\s+)?((de|het|die|der)\s+)?((?-i:[a-zäöüß][\w-]*)\s+)?" + _OWNER_NOUN + r"\s+(van|von|des|der)\b"
         r"(?=[^,.;]{0,80}?\b(is|ist|zijn|sind|was|war)\b)",
         "next", "after_copula", 0.6,
         (Example("Mehrheitseigner des Sensorherstellers Orvane Semiconductor ist seit 2019 der Konzern Tessaro Holdings.",
                  ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Grootste aandeelhouder van Orvane Semiconductor is het Chinese Tessaro Holdings.",
                  ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Ehemaliger Mehrheitseigner von Orvane Semiconductor ist Tessaro Holdings.", None)),
         tail_pool="parties", blocked_by=_NOT_A_CURRENT_OWNER),
    Rule("has-as-shareholder", BOTH, R.OWNED_BY,
         r"\b(heeft|had|hebben|hadden|hat|hatte|haben|hatten)\s+als\s+((?-i:[a-zäöüß][\w-]*)\s+){0,2}" + _OWNER_NOUN + r"\b",
         "subject", "first_after", 0.6,
         (Example("Orvane Semiconductor heeft als grootste aandeelhouder het staatsbedrijf Tessaro Holdings.",
                  ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Orvane Semiconductor hat als Hauptaktionär den Fonds Tessaro Holdings.", ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Orvane Semiconductor had als grootste aandeelhouder vroeger Tessaro Holdings.", None)),
         tail_pool="parties", blocked_by=_NOT_A_CURRENT_OWNER),
    # "X ist ein Joint Venture von A und B", "een joint venture tussen A en B": each partner owns part of X
    Rule("joint-venture-of", BOTH, R.OWNED_BY, r"\b(joint[- ]venture|gemeinschaftsunternehmen)\b",
         "subject", "pp:von|van|zwischen|tussen|der|des", 0.65,
         (Example("Kestrel Devices ist ein Joint Venture von Tessaro Holdings und Corvel Memory.",
                  ("Kestrel Devices", "OWNED_BY", "Tessaro Holdings")),
          # the partners in the genitive
          Example("Die Kestrel GmbH ist ein Gemeinschaftsunternehmen der Tessaro AG und der Corvel AG.",
                  ("Kestrel GmbH", "OWNED_BY", "Corvel AG")),
          Example("Kestrel Devices is een joint venture tussen Tessaro Holdings en Corvel Memory.",
                  ("Kestrel Devices", "OWNED_BY", "Corvel Memory")),
          Example("Kestrel Devices plant ein Joint Venture mit Tessaro Holdings.", None)),
         tail_pool="orgs"),
    # a share of a company's stock named in a compound: "hält rund 31 Prozent der Siltronic-Aktien",
    # "bezit 20 procent van de ASML-aandelen": the company inside the compound is owned
    Rule("stake-of-shares", BOTH, R.OWNED_BY,
         r"(\d[\d.,]*\s*(prozent|procent|%)|\b(mehrheit|meerderheid|drittel|derde|viertel|kwart|hälfte|helft))\s+"
         r"(der|van\s+de|van\s+het)\s+[\w-]+-(aktien|anteile|aandelen)\b",
         "inside", "subject", 0.65,
         (Example("Tessaro Holdings hält rund 31 Prozent der Siltronic-Aktien.", ("Siltronic", "OWNED_BY", "Tessaro Holdings")),
          Example("Tessaro Holdings bezit 20 procent van de Besi-aandelen.", ("BE Semiconductor Industries", "OWNED_BY", "Tessaro Holdings")),
          Example("Tessaro Holdings verkaufte 31 Prozent der Siltronic-Aktien.", None)),
         tail_pool="parties",
         blocked_by=r"\b(verkauf\w*|verkocht|verkoopt|abgestoßen|veräußert\w*|kaufen|kopen|plant|will|wil)\b"),
    # a holding in a relative clause on the company: "X, an der der Investor Y 30 Prozent hält",
    # "X, waarin Y 30 procent bezit"
    Rule("stake-in-relative", BOTH, R.OWNED_BY,
         r"\b\d[\d.,]*\s*(prozent|procent|%)(?=[^,.;]{0,30}\b(hält|hielt|hielten|halten|besitzt|besaß|houdt|hield|hielden|bezit|bezat|heeft|had)\b)",
         "subject_or_antecedent", "first_before", 0.65,
         (Example("Kestrel Devices gehört zur Brenner-Gruppe aus Freiburg, an der der Investor Tessaro Capital 30 Prozent hält.",
                  ("Brenner", "OWNED_BY", "Tessaro Capital")),
          Example("Het gaat om Calder Devices, waarin Tessaro Capital 25 procent bezit.", ("Calder Devices", "OWNED_BY", "Tessaro Capital")),
          Example("Calder Devices, an der Tessaro Capital 30 Prozent halten will, baut Sensoren.", None)),
         tail_pool="parties", requires=r"\b(an\s+der|an\s+dem|an\s+denen|waarin|in\s+welke)\b",
         blocked_by=_NOT_A_CURRENT_OWNER + "|" + _UNDONE_DEAL + r"|\b(wil|willen|will|wollen|soll|sollen|zal|zullen)\b"),
    Rule("stake-in", BOTH, R.OWNED_BY,
         r"\b([\w-]*belang|aandeel|aandelen|[\w-]*beteiligung|anteile?|mehrheit|meerderheid|minderheid)\b",
         "pp:in|an|aan", "owner", 0.65,
         (Example("SK hynix hält eine Beteiligung von 15 Prozent an Kioxia.", ("Kioxia", "OWNED_BY", "SK hynix")),
          Example("Tessaro Holdings heeft ook een minderheidsbelang in Orvane Semiconductor.", ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Tessaro Holdings hält eine Minderheitsbeteiligung an Orvane Semiconductor.", ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Tessaro Holdings heeft er alle belang bij dat Orvane Semiconductor groeit.", None),
          Example("Orvane Semiconductor, waarin Tessaro Holdings een belang heeft, groeit.", ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Tsinghua Unigroup had een belang van 50 procent in YMTC.", (YMTC, "OWNED_BY", "Tsinghua Unigroup")),
          Example("Wingtech Technology hält alle Anteile an Nexperia.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("De Chinese overheid heeft via een staatsfonds een belang van 20 procent in YMTC.", (YMTC, "OWNED_BY", "China")),
          Example("Der chinesische Staat hält einen Anteil von einem Fünftel an YMTC.", (YMTC, "OWNED_BY", "China")),
          Example("Orvane Semiconductor übernahm 2019 die Mehrheit an Calder Devices.", ("Calder Devices", "OWNED_BY", "Orvane Semiconductor")),
          Example("Calder Devices maakt sensoren in Eindhoven. Tessaro Holdings heeft sinds 2020 een belang van 15 procent in het bedrijf.",
                  ("Calder Devices", "OWNED_BY", "Tessaro Holdings")),
          Example("Calder Devices und Orvane Semiconductor bauen Sensoren. Tessaro Holdings hält eine Beteiligung an dem Unternehmen.",
                  None)),
         tail_pool="orgs"),
    # the rest of a company the sentence before gave an owner: "Die übrigen Anteile hält Y", "De overige aandelen zijn in
    # handen van Y", "Den Rest der Aktien hält Y", "Het resterende belang ligt bij Y"
    Rule("remaining-shares-held", BOTH, R.OWNED_BY, _REMAINING_SHARES,
         "previous_owned", "first_after", 0.6,
         (Example("Tessaro Holdings hält 60 Prozent an Orvane Semiconductor. Die übrigen Anteile hält der Konzern Calder Devices.",
                  ("Orvane Semiconductor", "OWNED_BY", "Calder Devices")),
          Example("Tessaro Holdings hält 60 Prozent an Orvane Semiconductor. Den Rest der Aktien hält Calder Devices.",
                  ("Orvane Semiconductor", "OWNED_BY", "Calder Devices")),
          Example("Orvane Semiconductor baut Chips. Die übrigen Anteile hält Calder Devices.", None),
          Example("Tessaro Holdings hält 65 Prozent an Orvane Semiconductor. Die restlichen 35 Prozent behalten die Gründer "
                  "Katrin Vogt und Peter Lenz.", ("Orvane Semiconductor", "OWNED_BY", "Peter Lenz")),
          Example("Tessaro Holdings hält 50 Prozent an Orvane Semiconductor. Die andere Hälfte gehört dem Geschäftsmann Emil Hartung.",
                  ("Orvane Semiconductor", "OWNED_BY", "Emil Hartung"))),
         tail_pool="orgs",
         requires=r"\b(hält|halten|hielt|hielten|besitzt|besitzen|besaß|besaßen|houdt|houden|hield|hielden|bezit|bezitten|bezat|"
                  r"bezaten|heeft|hebben|had|hadden|gehören|gehört|gehörte|gehörten|behalten|behielten|behält|behouden|"
                  r"behoudt|behield|behielden)\b",
         blocked_by=_FORMER + "|" + _UNDONE_DEAL + r"|\b(wil|willen|will|wollen|soll|sollen|zal|zullen|börse|beurs|streubesitz)\b"),
    Rule("remaining-shares-with", BOTH, R.OWNED_BY, _REMAINING_SHARES,
         "previous_owned", "pp:van|von|bij|bei", 0.6,
         (Example("Tessaro Holdings bezit 61 procent van Orvane Semiconductor. De overige aandelen zijn in handen van Calder Devices.",
                  ("Orvane Semiconductor", "OWNED_BY", "Calder Devices")),
          Example("Tessaro Holdings hält 60 Prozent an Orvane Semiconductor. Die restlichen Anteile liegen bei Calder Devices.",
                  ("Orvane Semiconductor", "OWNED_BY", "Calder Devices")),
          Example("Tessaro Holdings bezit 80 procent van Orvane Semiconductor. De overige 20 procent is nog altijd in handen van "
                  "medeoprichter Ine Bakker.", ("Orvane Semiconductor", "OWNED_BY", "Ine Bakker")),
          Example("Tessaro Holdings bezit 51 procent van Orvane Semiconductor. De rest is in handen van Calder Devices.",
                  ("Orvane Semiconductor", "OWNED_BY", "Calder Devices")),
          Example("Tessaro Holdings bezit 70 procent van Orvane Semiconductor. De resterende aandelen zijn van Calder Devices.",
                  ("Orvane Semiconductor", "OWNED_BY", "Calder Devices")),
          # the rest of the holding told two sentences before, past a sentence about the holder's own owner
          Example("Tessaro Holdings hält 75 Prozent an Orvane Semiconductor. Tessaro ist eine Tochter von Calder Devices. "
                  "Die restlichen 25 Prozent liegen beim Gründer Frank Lenz.", ("Orvane Semiconductor", "OWNED_BY", "Frank Lenz"))),
         tail_pool="orgs",
         # ("de overige aandelen zijn van X": owned, said with "zijn van")
         requires=r"\b(in handen|im besitz|in bezit|eigendom|liegen|liegt|lagen|lag|ligt|liggen|entfallen|entfällt)\b|\b(zijn|is)\s+van\b",
         blocked_by=_FORMER + "|" + _UNDONE_DEAL + r"|\b(wil|willen|will|wollen|soll|sollen|zal|zullen)\b"),
    # a share of a company held, said as a percentage with no "stake" word
    # every share held: "bezit alle aandelen van Nexperia", "hält sämtliche Anteile an Nexperia"
    Rule("all-shares-of", BOTH, R.OWNED_BY,
         r"\b(alle|sämtliche|alle\s+de)\s+(aandelen|anteile|aktien)\s+(van|von|an)\b",
         "pp:van|von|an", "owner", 0.65,
         (Example("Wingtech Technology bezit alle aandelen van Nexperia.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Wingtech Technology wil alle aandelen van Nexperia kopen.", None)),
         tail_pool="orgs", blocked_by=_FORMER + "|" + _UNDONE_DEAL),
    Rule("percent-held", BOTH, R.OWNED_BY, r"(\b(prozent|procent)\b|%)",
         "pp:an|van", "owner", 0.6,
         (Example("Wingtech Technology hält 30 Prozent an Nexperia.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Tessaro Holdings hält 30 Prozent an Orvane Semiconductor.", ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Die chinesische Regierung hält über einen Staatsfonds 25 Prozent an YMTC.", (YMTC, "OWNED_BY", "China")),
          Example("Tsinghua Unigroup bezit 40 procent van YMTC.", (YMTC, "OWNED_BY", "Tsinghua Unigroup")),
          Example("Wingtech Technology hält 30 Prozent des Marktes für Nexperia-Chips.", None),
          Example("Huawei bezit 30 procent van de markt, meer dan ZTE.", None),
          Example("Wingtech Technology will 30 Prozent an Nexperia halten.", None),
          Example("Calder Devices fertigt Sensoren in Jena. Tessaro Holdings hält 40 Prozent an der Firma.",
                  ("Calder Devices", "OWNED_BY", "Tessaro Holdings")),
          Example("Calder Devices gehört mehrheitlich dem Konzern Orvane Semiconductor. Der Fonds Tessaro Capital hält "
                  "zehn Prozent an dem Unternehmen.", ("Calder Devices", "OWNED_BY", "Tessaro Capital")),
          Example("Calder Devices fertigt Sensoren in Jena. Tessaro Holdings hält 40 Prozent am Markt.", None)),
         tail_pool="orgs",
         requires=r"\b(hält|halten|hielt|hielten|besitzt|besitzen|besaß|besaßen|bezit|bezitten|bezat|bezaten|houdt|"
                  r"houden|hield|hielden)\b",
         blocked_by=r"\b(markt\w*|umsatz\w*|omzet|verkäufe|verkoop|productie|produktion|kapazität\w*|capaciteit)\b"),
    # "X ist (mit 30 Prozent) an Y beteiligt": X holds a stake in Y
    Rule("holds-stake-de", frozenset({DE}), R.OWNED_BY, r"\b(beteiligt|beteiligte|beteiligten)\b",
         "pp_or_fronted:an", "owner", 0.6,
         (Example("SK hynix ist mit 15 Prozent an Kioxia beteiligt.", ("Kioxia", "OWNED_BY", "SK hynix")),
          Example("Die Bundesregierung ist an dem Rüstungskonzern Hensoldt beteiligt.", ("Hensoldt", "OWNED_BY", "Germany")),
          Example("Infineon war an der Entwicklung des Chips für Bosch beteiligt.", None),
          Example("Infineon könnte sich an Siltronic beteiligen.", None),
          Example("Orvane Semiconductor, an dem Tessaro Holdings beteiligt ist, wächst.", ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Tessaro Holdings beteiligte sich 2021 mit 30 Prozent an Orvane Semiconductor.",
                  ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("An dem Gemeinschaftsunternehmen Orvane Wafer hält Kestrel Holdings 60 Prozent, Bosch und Calder Devices sind mit jeweils 20 "
                  "Prozent beteiligt.", ("Orvane Wafer", "OWNED_BY", "Calder Devices"))),
         tail_pool="orgs"),
    Rule("takeover", BOTH, R.OWNED_BY, r"\b(übernahm|übernimmt|übernommen|erwarb|erwarben|verwierf|verwierven|"
         # "nam ... over": the particle closes the clause (a long object fits: "nam vorig jaar de Nijmeegse
         # chipmaker X voor 1,8 miljard euro over"); "een besluit over X" is a preposition, no takeover
         r"(nam|neemt|namen|nemen)\b[^,.;]{0,90}?\bover(?=\s*(?:[,.;:]|$|van\b|en\b|om\b|na\b|in\b))|"
         r"(hat|hatte|haben|heeft|hebben|had)\b[^,.;]{0,60}?\b(gekauft|aufgekauft|erworben|gekocht|opgekocht|overgenomen))\b",
         "object", "subject", 0.65,
         (Example("Wingtech Technology übernahm 2019 Nexperia.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Wingtech Technology nam Nexperia in 2019 over.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
          Example("Barrow Holdings nam vorig jaar de Eindhovense chipmaker Delmar Electronics voor 1,8 miljard euro over.",
                  ("Delmar Electronics", "OWNED_BY", "Barrow Holdings")),
          Example("Barrow Holdings nam vorige week een besluit over Delmar Electronics.", None),
          Example("Barrow Holdings hat Delmar Electronics im Jahr 2020 gekauft.", ("Delmar Electronics", "OWNED_BY", "Barrow Holdings")),
          Example("Barrow Holdings heeft Delmar Electronics in 2020 overgenomen.", ("Delmar Electronics", "OWNED_BY", "Barrow Holdings")),
          Example("Delmar Electronics hat bei Vantor Semiconductor Speicherchips gekauft.", None),
          Example("Barrow Holdings erwarb Delmar Electronics im Jahr 2019 für 3,6 Milliarden Dollar.", ("Delmar Electronics", "OWNED_BY", "Barrow Holdings")),
          Example("Barrow Holdings verwierf Delmar Electronics in 2019.", ("Delmar Electronics", "OWNED_BY", "Barrow Holdings")),
          Example("Barrow Holdings erwarb Anlagen von Delmar Electronics.", None)),
         tail_pool="orgs", blocked_by=r"\b(sparte|divisie|afdeling|werk|fabriek|fabrik|geschäft|tak)\b"),
    # "Nowi, een ontwerper van chips die Nexperia in 2022 overnam": a verb-last relative clause whose one
    # name is the buyer; the company it describes is the one bought
    Rule("taken-over-in-relative", BOTH, R.OWNED_BY,
         r"((?<=, )(die|dat|der|das|den)|(?<=[a-z] )(die|dat))\s+[^,.;]{1,60}?\b(overnam|overnamen|opkocht|opkochten|übernahm|übernahmen|erwarb|"
         r"erwarben|kaufte|kauften)(?=\s*[,.;])",
         "subject_or_antecedent", "inside", 0.65,
         (Example("Calder Devices, een ontwerper van sensoren die Tessaro Holdings in 2022 overnam, groeit snel.",
                  ("Calder Devices", "OWNED_BY", "Tessaro Holdings")),
          Example("Calder Devices, das Tessaro Holdings im Jahr 2021 übernahm, wächst.", ("Calder Devices", "OWNED_BY", "Tessaro Holdings")),
          Example("Calder Devices, die Tessaro Holdings in 2022 bijna overnam, groeit snel.", None)),
         head_pool="orgs", tail_pool="orgs", blocked_by=_FORMER + "|" + _UNDONE_DEAL + r"|\b(bijna|fast|beinahe)\b"),
    # "Wingtech kocht Nexperia in 2019": a company bought outright (not its goods: "kocht Nexperia-chips")
    Rule("bought-company", BOTH, R.OWNED_BY, r"\b(kocht|kochten|kaufte|kauften)\b",
         "object", "subject", 0.65,
         (Example("Tessaro Holdings kocht Orvane Semiconductor in 2019 voor 3,6 miljard dollar.", ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Tessaro Holdings kaufte 2019 Orvane Semiconductor.", ("Orvane Semiconductor", "OWNED_BY", "Tessaro Holdings")),
          Example("Tessaro Holdings kocht vorig jaar Orvane-chips in grote aantallen.", None),
          Example("Tessaro Holdings kaufte die Chipsparte von Orvane Semiconductor.", None),
          Example("Tessaro Holdings kocht machines bij Orvane Semiconductor.", None),
          # goods bought from two sellers: the second seller is no company bought
          Example("Tessaro Holdings kocht lenzen bij Orvane Semiconductor en Calder Devices.", None)),
         tail_pool="orgs",
         blocked_by=r"\b(sparte|divisie|afdeling|werk|fabriek|fabrik|geschäft|tak|aandelen|aktien|anteile|belang|"
                    r"\w*sparte|\w*divisie|\w*fabriek|\w*fabrik|\w*werk|bij|bei)\b|-\w|" + _UNDONE_DEAL),
    Rule("part-of", BOTH, R.PART_OF,
         # "X, dat onderdeel is van Y": the Dutch relative clause puts its verb before "van"
         r"\b(\w*afdeling|\w*divisie|onderdeel|teil|abteilung|\w*sparte|einheit|deel\s+uit)\s+((is|was|zijn|waren|vormt|vormde)\s+)?"
         r"(van|von|des|der)\b",
         "subject", "pp:van|von|des|der", 0.7,
         (Example("HiSilicon, de chipafdeling van Huawei, ontwerpt processors.", ("HiSilicon", "PART_OF", HW)),
          Example("HiSilicon gilt als die Halbleitersparte von Huawei.", ("HiSilicon", "PART_OF", HW)),
          Example("HiSilicon maakt al jaren deel uit van Huawei.", ("HiSilicon", "PART_OF", HW)),
          Example("Orvane Semiconductor, de voormalige chipdivisie van Tessaro Holdings, groeit.", None),
          Example("Calder Devices kaufte die Chipsparte von Tessaro Holdings.", None),
          Example("Tot 2017 maakte Orvane Semiconductor nog deel uit van Tessaro Holdings.", None),
          # an apposition to a name a preposition governs: the name is the unit
          Example("De chip is ontworpen door HiSilicon, de chipdivisie van Huawei.", ("HiSilicon", "PART_OF", HW)),
          Example("Het contract ging naar Orvane Semiconductor, onderdeel van Tessaro Holdings.",
                  ("Orvane Semiconductor", "PART_OF", "Tessaro Holdings")),
          Example("Orvane Microelectronics, dat onderdeel is van de staatsgroep Tessaro Holdings, bouwt een fabriek.",
                  ("Orvane Microelectronics", "PART_OF", "Tessaro Holdings"))),
         head_pool="orgs", tail_pool="orgs",
         # "Calder kaufte die Chipsparte von X": the unit bought is no name of the buyer
         blocked_by=r"\b(kocht|kochten|kaufte|kauften|koopt|kauft|verkocht|verkaufte|verkauft|verkoopt|übernahm|übernimmt|erwarb|"
                    r"overgenomen|gekocht|gekauft|übernommen|erworben)\s+(\w+\s+){0,3}?(de|die|het|der|den|zijn|haar|seine|ihre)\s+"
                    r"[\w-]*(afdeling|divisie|sparte|abteilung|einheit)\b"),
    # a government office under a ministry: "X, dat onder het ministerie van Y valt", "das dem Bundesfinanzministerium
    # untersteht", "eine Behörde im Geschäftsbereich des Y", "de opsporingsdienst van de Belastingdienst"
    Rule("office-under-ministry", BOTH, R.PART_OF,
         r"\b(valt|vallen|viel|vielen)\s+onder\b|\bonder\b(?=[^,.;]{0,60}\b(valt|vallen|viel|vielen)\b)",
         # ("onder" is no preposition of the clause reading: "onder andere X" must leave X free)
         "subject_or_antecedent", "first_after", 0.7,
         (Example("Het Bureau Toetsing Investeringen, dat onder het ministerie van Economische Zaken valt, onderzoekt de zaak.",
                  ("Bureau Toetsing Investeringen", "PART_OF", "Ministry of Economic Affairs and Climate Policy")),
          Example("Het Bureau of Industry and Security valt onder het Amerikaanse ministerie van Handel.",
                  ("Bureau of Industry and Security", "PART_OF", "US Department of Commerce")),
          Example("Calder Devices valt onder de nieuwe exportregels.", None)),
         head_pool="orgs", tail_pool="orgs"),
    Rule("office-subordinate-to", frozenset({DE}), R.PART_OF,
         r"\b(untersteht|unterstehen|unterstand|unterstanden|unterstellt)\b",
         "subject_or_antecedent", "dative", 0.7,
         (Example("Das Zollkriminalamt, das dem Bundesfinanzministerium untersteht, deckte die Lieferungen auf.",
                  ("Zollkriminalamt", "PART_OF", "Bundesministerium der Finanzen")),
          Example("Das Zollkriminalamt untersteht dem Bundesfinanzministerium.", ("Zollkriminalamt", "PART_OF", "Bundesministerium der Finanzen"))),
         head_pool="orgs", tail_pool="orgs"),
    # a public body belonging to another: "Das Zollkriminalamt gehört zur Generalzolldirektion", "de FIOD hoort bij de
    # Belastingdienst" (companies belonging to a group are owned: belongs-to)
    Rule("body-belongs-to", BOTH, R.PART_OF,
         r"\b(gehört|gehören|gehörte|gehörten|hoort|horen|hoorde|hoorden|behoort|behoren|behoorde|behoorden)\b",
         "subject_or_antecedent", "pp:zu|zur|zum|bij|tot", 0.7,
         (Example("Die Ermittlungen führte das Zollkriminalamt in Köln, das zur Generalzolldirektion gehört.",
                  ("Zollkriminalamt", "PART_OF", "Generalzolldirektion")),
          Example("Das Zollkriminalamt gehört zur Generalzolldirektion.", ("Zollkriminalamt", "PART_OF", "Generalzolldirektion")),
          Example("Das Zollkriminalamt gehört nicht zur Generalzolldirektion.", None)),
         head_pool="authorities", tail_pool="authorities"),
    Rule("office-in-remit-of", BOTH, R.PART_OF,
         r"\b(behörde|bundesbehörde|bundesoberbehörde|amt|dienststelle)\s+im\s+geschäftsbereich\s+(des|der)\b|"
         r"\b\w+dienst\s+van\b|"
         # "das zum Geschäftsbereich des Bundesfinanzministeriums gehört"; "eine (nachgeordnete) Behörde des Y"
         r"\bzum\s+geschäftsbereich\s+(des|der)\b(?=[^,.;]{0,90}\b(gehört|gehören|gehörte)\b)|"
         r"\b(eine|die)\s+(\w+e\s+)?(behörde|bundesbehörde|bundesoberbehörde|dienststelle)\s+(des|der)\b(?=[^,.;]{0,40}"
         r"(ministeri|amt\b|amtes\b))",
         "subject_or_antecedent", "pp:des|der|van", 0.7,
         (Example("Die Anträge prüft das Bundesamt für Wirtschaft und Ausfuhrkontrolle, eine Behörde im Geschäftsbereich des "
                  "Bundeswirtschaftsministeriums.",
                  ("Federal Office for Economic Affairs and Export Control", "PART_OF", "Bundesministerium für Wirtschaft und Klimaschutz")),
          Example("Het onderzoek werd geleid door de FIOD, de opsporingsdienst van de Belastingdienst.", ("FIOD", "PART_OF", "Belastingdienst")),
          Example("Ermittelt hat das Zollkriminalamt, das zum Geschäftsbereich des Bundesfinanzministeriums gehört.",
                  ("Zollkriminalamt", "PART_OF", "Bundesministerium der Finanzen")),
          Example("Die Genehmigung verweigerte das Bafa, eine nachgeordnete Behörde des Bundeswirtschaftsministeriums.",
                  ("Federal Office for Economic Affairs and Export Control", "PART_OF", "Bundesministerium für Wirtschaft und Klimaschutz")),
          Example("Die Firma gehört zum Geschäftsbereich des Konzerns Tessaro Holdings.", None)),
         head_pool="orgs", tail_pool="orgs"),
    Rule("unit-sold", BOTH, R.PART_OF,
         r"\b(verkauf|verkaufs|übernahme|erwerb|kauf|abspaltung|verkoop|overname|afsplitsing)\s+((der|des|die|van|de|het)\s+){1,2}"
         r"(?P<unit>[\w-]+(?:fertigung|produktion|productie|fabrik|fabriek)|[\w-]*(?:sparte|abteilung|geschäftsbereich|"
         r"divisie|afdeling))\s+(des|der|van|von)\b",
         "unit", "next_one", 0.6,
         (Example("Berlin prüft den Verkauf der Chipfertigung des Herstellers Elmos an einen Investor.",
                  ("Elmos Chipfertigung", "PART_OF", "Elmos Semiconductor")),
          Example("Berlin prüft den Verkauf der Chipfertigung des Herstellers Elmos und der bayerischen Firma Calder Devices.",
                  ("Elmos Chipfertigung", "PART_OF", "Elmos Semiconductor")),
          Example("De overname van de chipdivisie van NXP door een fonds ligt stil.", ("NXP Chipdivisie", "PART_OF", "NXP Semiconductors")),
          Example("Der Verkauf der Produktion von Elmos stieg.", None))),
    # ---- DESIGNATED -----------------------------------------------------------------------------
    Rule("placed-on-list", BOTH, R.DESIGNATED,
         r"\b(geplaatst|plaatste|plaatsten|plaatst|toegevoegd|voegde|voegden|voegt|gezet|zette|zetten|zet|opgenomen|"
         r"nam|nemen|neemt|gesetzt|setzt|setzte|setzten|aufgenommen|nimmt|nahm|hinzugefügt|fügte|fügten|fügt|gelistet|"
         r"belandde|belandden|beland|landete|landeten|landet|gelandet|landen|kwam|kwamen|komt|komen|kamen|kommen|gekommen|kam|kommt|geriet|gerieten|geraten|terechtgekomen|terecht)\b",
         "listed", "list_or_anaphor", 0.8,
         (Example("Het Amerikaanse ministerie van Handel heeft YMTC op de zwarte lijst gezet.", (YMTC, "DESIGNATED", EL)),
          Example("Washington heeft Sugon al lang in het vizier. In 2019 zette het ministerie van Handel het bedrijf op de "
                  "zwarte lijst.", ("Sugon", "DESIGNATED", EL)),
          Example("Washington setzte Huawei 2019 auf die Entity List.", (HW, "DESIGNATED", EL)),
          Example("Mit derselben Mitteilung landeten zwei weitere Firmen auf der schwarzen Liste: die Odenwald Sensorik GmbH "
                  "sowie die Harbour Bright Trading Ltd. aus Hongkong.", ("Harbour Bright Trading Ltd.", "DESIGNATED", EL)),
          Example("Het Pentagon plaatste Xiaomi op een lijst van bedrijven met banden met het Chinese leger.",
                  ("Xiaomi", "DESIGNATED", "DoD Section 1260H list")),
          Example("Das Finanzministerium setzte Orvane Semiconductor auf die Liste chinesischer Militärunternehmen, in die Amerikaner "
                  "nicht investieren dürfen.", ("Orvane Semiconductor", "DESIGNATED", "NS-CMIC List")),
          Example("Das US-Handelsministerium hat 36 chinesische Firmen auf seine Exportkontrollliste gesetzt, darunter YMTC.",
                  (YMTC, "DESIGNATED", EL)),
          Example("Het Amerikaanse ministerie van Handel zette 36 Chinese bedrijven op de exportzwarte lijst, waaronder YMTC.",
                  (YMTC, "DESIGNATED", EL)),
          Example("Orvane Semiconductor werd door de Amerikanen op een exportzwarte lijst gezet.", ("Orvane Semiconductor", "DESIGNATED", EL)),
          Example("Drie dochters van Huawei werden op de entity list geplaatst.", None),
          Example("ZTE werd in 2018 weer van de zwarte lijst gehaald.", None),
          Example("Het Pentagon zette Xiaomi op de lijst van Chinese militaire bedrijven, maar haalde het bedrijf er later af.", None),
          Example("Nachdem Washington Huawei auf die Entity List gesetzt hatte, stoppte Google die Updates.", (HW, "DESIGNATED", EL)),
          Example("Orvane Semiconductor werd op de Entity List gezet, waardoor Amerikaanse bedrijven niet meer zonder vergunning aan het "
                  "bedrijf mogen leveren.", ("Orvane Semiconductor", "DESIGNATED", EL)),
          # a bare "the list" is the list the article is about
          Example("Washington setzte im Mai Calder Memory auf die Entity List. Schon 2022 war Orvane Semiconductor auf der Liste "
                  "gelandet.", ("Orvane Semiconductor", "DESIGNATED", EL)),
          Example("Orvane Semiconductor is de grootste chipmaker van het land. Het bedrijf kwam op de lijst van snelste groeiers.", None),
          Example("Orvane Semiconductor werd op de Entity List geplaatst, net als Calder Devices.", ("Calder Devices", "DESIGNATED", EL)),
          Example("Orvane Semiconductor landete 2020 auf der Entity List, ebenso wie der Zulieferer Calder Devices.",
                  ("Calder Devices", "DESIGNATED", EL)),
          Example("Washington zette de chipmaker Orvane Semiconductor en de geheugenproducent Calder Devices op de Entity List.",
                  ("Calder Devices", "DESIGNATED", EL))),
         blocked_by=_REMOVAL, blocked_after=True),
    # "Neu auf der Liste sind A, B und C": the list the article just named (enlarged, updated) gains them
    # a list in an attributive phrase: "het op de zwarte lijst geplaatste SMIC", "das auf der Entity List stehende SMIC"
    Rule("listed-attributive", BOTH, R.DESIGNATED,
         r"\b(op|auf)\s+(de|die|der|een|eine|einer)\s+[^,.;]{0,40}?\b(lijst|liste|list)\s+(geplaatste|gezette|gesetzten?|"
         r"stehenden?|staande|gelisteten?|vermelde)\b",
         "next", "list_or_anaphor", 0.75,
         (Example("Het op de zwarte lijst geplaatste SMIC koopt minder machines.", (SMIC, "DESIGNATED", EL)),
          Example("Das auf der Entity List stehende Unternehmen Orvane Semiconductor kauft Anlagen.", ("Orvane Semiconductor", "DESIGNATED", EL)),
          Example("Das auf der Liste der größten Chipkonzerne stehende Orvane Semiconductor wächst.", None)),
         blocked_by=_REMOVAL),
    Rule("new-on-list", BOTH, R.DESIGNATED,
         r"\b(neu|nieuw)\s+(auf|op)\s+(der|de|die)\s+(\w+\s+)?(liste|lijst)\s+(sind|ist|staan|staat|zijn|is)\b",
         "members", "recent_list", 0.75,
         (Example("Das US-Handelsministerium hat seine Entity List erneut erweitert. Neu auf der Liste sind Sugon und Inspur.",
                  ("Sugon", "DESIGNATED", EL)),
          Example("Het ministerie van Handel heeft de entity list opnieuw uitgebreid. Nieuw op de lijst zijn Sugon en Inspur.",
                  ("Inspur", "DESIGNATED", EL)),
          Example("Neu auf der Liste sind Sugon und Inspur.", None)),
         blocked_by=_REMOVAL),
    Rule("on-list", BOTH, R.DESIGNATED,
         r"\b(staat|stond|staan|stonden|steht|stand|stehen|standen|finden sich|findet sich|geführt|führt|führte|führten|vermeld)\b|"
         r"\b(op|auf)\s+(de|der|die|den)\b[^,.;]{0,40},\s*(zoals|wie etwa|darunter|waaronder)\b|"
         # "ist seit 2019 auf der schwarzen Liste", "is sinds 2020 op de zwarte lijst"
         r"\b(ist|sind|war|waren|is|zijn)\b(?=[^,.;]{0,40}?\b(auf|op)\s+(der|de|die|den|een|einer)\s+[^,.;]{0,40}?(liste|lijst|\blist)\b)|"
         # among the companies on the list: "zählt zu den Firmen auf der Entity List", "behoort tot de bedrijven op de zwarte lijst"
         r"\b(zählt|zählen|zählte|zählten|gehört|gehören|gehörte|gehörten|behoort|behoren|behoorde|behoorden|hoort|horen)\s+"
         r"(\w+\s+){0,3}?(zu|tot)\s+(den|de)\s+([\w-]+\s+){0,2}?(firmen|unternehmen|bedrijven|ondernemingen|organisationen|"
         r"organisaties|konzernen|herstellern|fabrikanten|entiteiten|entitäten)\b(?=\s+(auf|op)\s+(der|de|die)\b)",
         "listed", "list_or_anaphor", 0.8,
         (Example("Sugon en Hygon staan sinds 2019 op de zwarte lijst van de VS.", ("Sugon", "DESIGNATED", EL)),
          # the list's owner in the genitive is not on it, and the list's description is no company's tie
          Example("Orvane Semiconductor steht auf der Entity List des Handelsministeriums, die Firmen mit Verbindungen zum "
                  "Militär aufführt.", ("Orvane Semiconductor", "DESIGNATED", EL)),
          Example("Orvane Semiconductor steht weder auf der Entity List noch auf der 1260H-Liste des Pentagons.", None),
          Example("Orvane Semiconductor staat noch op de Entity List noch op de 1260H-lijst van het Pentagon.", None),
          Example("Orvane Semiconductor ist seit 2019 auf der schwarzen Liste der USA.", ("Orvane Semiconductor", "DESIGNATED", EL)),
          Example("Orvane Semiconductor is sinds vorig jaar op de Amerikaanse entity list.", ("Orvane Semiconductor", "DESIGNATED", EL)),
          # a compound list noun: "auf der EU-Sanktionsliste", "op de sanctielijst van de EU"
          Example("Orvane Semiconductor ist seit dem Frühjahr auf der EU-Sanktionsliste.",
                  ("Orvane Semiconductor", "DESIGNATED", "EU sanctions list")),
          Example("Orvane Semiconductor ist nicht mehr auf der Entity List.", None),
          Example("Orvane Semiconductor is de grootste naam op de lijst van snelste groeiers.", None),
          Example("Seit 2024 steht SMEE auf der Entity List.", ("Shanghai Micro Electronics Equipment", "DESIGNATED", EL)),
          Example("Leveringen aan bedrijven op de zwarte lijst, zoals Sugon, vragen een vergunning.", ("Sugon", "DESIGNATED", EL)),
          Example("Huawei staat niet meer op de entity list.", None),
          Example("Calder Lithography levert systemen aan Orvane Semiconductor. Dat bedrijf staat sinds december op de "
                  "Amerikaanse zwarte lijst.", ("Orvane Semiconductor", "DESIGNATED", EL)),
          Example("Das Pentagon führt Xiaomi auf einer Liste von Unternehmen mit Verbindungen zum chinesischen Militär.",
                  ("Xiaomi", "DESIGNATED", "DoD Section 1260H list")),
          Example("Washington heeft 27 Chinese bedrijven aan de Entity List toegevoegd. Op de lijst staan onder andere de "
                  "chipmachinemaker Calder Devices en de geheugenproducent Orvane Semiconductor.",
                  ("Orvane Semiconductor", "DESIGNATED", EL)),
          Example("Orvane Semiconductor staat bovenaan de lijst van grootste chipmakers.", None),
          Example("Het Chinese Orvane Semiconductor, een staatsbedrijf dat eigen machines ontwikkelt, staat sinds 2022 op de "
                  "Amerikaanse Entity List.", ("Orvane Semiconductor", "DESIGNATED", EL)),
          Example("De overheid weert camera's van Calder Devices en Orvane Semiconductor. Beide fabrikanten staan sinds 2019 "
                  "op de Amerikaanse zwarte lijst.", ("Calder Devices", "DESIGNATED", EL)),
          Example("Calder Devices beliefert Orvane Semiconductor und Brightwave Mobile. Beide Unternehmen stehen auf der Entity List.",
                  None),
          Example("Orvane Semiconductor zählt seit 2020 zu den Firmen auf der Entity List.", ("Orvane Semiconductor", "DESIGNATED", EL)),
          Example("Orvane Semiconductor behoort tot de Chinese bedrijven op de Amerikaanse zwarte lijst.",
                  ("Orvane Semiconductor", "DESIGNATED", EL)),
          Example("Orvane Semiconductor zählt zu den Firmen auf der Liste der größten Chiphersteller.", None)),
         blocked_by=_REMOVAL, blocked_after=True),
    Rule("listing-noun", BOTH, R.DESIGNATED,
         r"\b(plaatsing|toevoeging|opname|aufnahme|listung|eintragung|hinzufügung)\s+(van|von)\b",
         "pp:van|von", "list", 0.75,
         (Example("De plaatsing van YMTC op de entity list kwam in december.", (YMTC, "DESIGNATED", EL)),
          Example("Die Aufnahme von Huawei in die Entity List traf den Konzern hart.", (HW, "DESIGNATED", EL)),
          Example("Ein Sprecher von Tencent sagte, die Aufnahme in die Liste sei ein Fehler.", None)),
         blocked_by=_REMOVAL, blocked_after=True),
    Rule("list-members", BOTH, R.DESIGNATED,
         r"\b(betroffen\s+(sind|ist|waren|war)|getroffen\s+(zijn|worden|werden)|waaronder|darunter|daaronder|onder wie|onder hen|"
         r"unter ihnen|het gaat (onder meer )?om|es handelt sich (unter anderem )?um|umfasst|omvat|"
         r"zu den\b[^.:;]{0,120}?\b(gehören|gehörten|zählen|zählten)|tot de\b[^.:;]{0,120}?\b(behoren|horen)|"
         r"(unter den|onder de)\b[^.:;]{0,60}?\b(befinden|befand|befanden)\s+sich|onder de\b[^.:;]{0,60}?\b(bevinden|bevond|bevonden)\s+zich|"
         r"(unter den|onder de)\s+(\w+\s+){0,2}?(betroffenen|getroffen|gelisteten|bestraften|gesanctioneerde|sanktionierten|"
         r"genoemde|genannten|nieuwe|neuen)\s+(\w+\s+)?(zijn|waren|sind|waren|ist|is)|"
         r"(einer|eine|eines|één)\s+(der|van de)\s+(\w+\s+)?(vertreter|namen|bedrijven|firmen|unternehmen|ondernemingen))\b",
         "members", "context_list", 0.75,
         (Example("Het ministerie zette 20 bedrijven op de entity list, waaronder Sugon en Inspur.", ("Inspur", "DESIGNATED", EL)),
          Example("Washington setzte sieben Firmen auf die Entity List. Betroffen sind Sugon und Phytium.",
                  ("Phytium Technology", "DESIGNATED", EL)),
          Example("Auf der Entity List stehen viele chinesische Firmen. Einer der bekanntesten Vertreter ist Sugon.",
                  ("Sugon", "DESIGNATED", EL)),
          Example("Betroffen sind Sugon und Phytium.", None),
          Example("De VS hebben 140 Chinese bedrijven op een exportzwarte lijst gezet. Daaronder bevinden zich chipmachinemakers als "
                  "Calder Devices en Orvane Semiconductor.", ("Orvane Semiconductor", "DESIGNATED", EL)),
          Example("Das US-Handelsministerium hat 140 Firmen auf die Entity List gesetzt. Unter den betroffenen Unternehmen befinden "
                  "sich der Anlagenbauer Calder Devices und der Speicherhersteller Orvane Semiconductor.",
                  ("Calder Devices", "DESIGNATED", EL)),
          Example("Orvane Semiconductor wächst. Unter den Kunden befinden sich Calder Devices und Brightwave Mobile.", None),
          Example("De Amerikaanse regering heeft 36 Chinese bedrijven aan haar exportzwarte lijst toegevoegd. Onder hen zijn "
                  "Orvane Semiconductor en Calder Memory.", ("Calder Memory", "DESIGNATED", EL)),
          Example("Washington hat neue Firmen auf die Entity List gesetzt. Betroffen sind vor allem Zulieferer wie Infineon.", None)),
         blocked_by=r"\b(\w*lieferant\w*|zulieferer\w*|\w*leveranciers?|\w*klant\w*|\w*kunde\w*|\w*abnehmer\w*|\w*afnemer\w*|"
                    r"investoren|investeerders|aktien|aandelen|beleggers|anleger|umsatz|omzet)\b"),
    # ---- BANNED ---------------------------------------------------------------------------------
    Rule("ban-verb", BOTH, R.BANNED,
         r"\b(verbiedt|verbood|verboden|verbod|verbieden|weert|weerde|weerden|weren|geweerd|verbietet|verbieten|verbot|verboten|untersagt|"
         r"untersagte|untersagen|untersagten|verbannt|verbannte|verbannten|verbannen|ausschluss|ausgeschlossen|uitgesloten|uitsluiting|"
         r"(import|verkoop|verkaufs|gebruiks|nutzungs|einfuhr)(verbod|verbot))\b|"
         r"\b(schließt|schloss|schlossen|sluit|sloot|sloten)\b[^.;]{0,60}?\b(aus|uit)\b|\bin de ban\b(?!\s+van\b)",
         "banned", "authority", 0.7,
         (Example("Die Bundesregierung verbietet Bauteile von Huawei im 5G-Netz.", (HW, "BANNED", "Germany")),
          Example("Schweden schließt Huawei vom 5G-Ausbau aus.", (HW, "BANNED", "Sweden")),

          Example("Vodafone schließt Huawei aus seinem Kernnetz aus.", None),
          Example("De CAC verbiedt het gebruik van chips van Micron in kritieke netwerken.",
                  ("Micron Technology", "BANNED", "Cyberspace Administration of China")),
          Example("Een verbod op chips van Nexperia is volgens het ministerie niet aan de orde.", None),
          Example("Berlin untersagt den Verkauf des Werks von Infineon an einen Investor aus China.", None),
          Example("Peking hat den Verkauf von Micron-Produkten an Betreiber kritischer Infrastruktur untersagt.",
                  ("Micron Technology", "BANNED", "China")),
          Example("Die Niederlande untersagen Orvane Semiconductor den Export von Anlagen nach China.",
                  ("Orvane Semiconductor", "BANNED", "Netherlands")),
          Example("Ook de gemeente Utrecht heeft de camera's van Orvane Semiconductor in de ban gedaan.",
                  ("Orvane Semiconductor", "BANNED", "Utrecht")),
          Example("Het ministerie van Binnenlandse Zaken verbiedt het gebruik van camera's van Orvane Semiconductor.",
                  ("Orvane Semiconductor", "BANNED", "ministerie van Binnenlandse Zaken")),
          Example("De markt is in de ban van de chips van Orvane Semiconductor.", None),
          Example("Het kabinet besloot dat ZTE-apparatuur uit de kern van de mobiele netwerken moet worden geweerd.",
                  ("ZTE", "BANNED", "Netherlands"))),
         # a company or plant sold is no ban on goods ("den Verkauf von Micron-Produkten an X untersagt" is one)
         blocked_by=r"\b(übernahme|overname|erwerb|einstieg|investoren|investeerders|investor|beteiligung|belang|"
                    r"(verkauf|verkoop)\b(?!\s+(von|van)\s+(\S+-)?(produkt|product|chip|bauteil|komponent|onderde|apparat|"
                    r"gerät|technik|technologie))[^.;]*\b(an|aan)\b)"),
    # an export ban is a ban on a company's goods only when it names them ("exportverbod voor chips van X") or where they
    # may not go ("legde X een exportverbod op voor machines naar China"); "ein Exportverbot gegen X", "legden X een
    # exportverbod op" bar sales to X (a licence requirement on the buyer, not BANNED)
    Rule("export-ban", BOTH, R.BANNED,
         r"\b[\w-]*(export|uitvoer|ausfuhr|liefer|lever)(verbod|verbot|stopp|stop)\b"
         r"(?=[^,.;]{0,60}?\b((van|von|vom)\b|(naar|nach)\s+(?-i:[A-Z])))",
         "banned", "authority", 0.65,
         (Example("Peking reageerde met een exportverbod voor chips van Maasdal Semiconductors.",
                  ("Maasdal Semiconductors", "BANNED", "China")),
          Example("China verhängte ein Exportverbot für Chips von Maasdal Semiconductors.",
                  ("Maasdal Semiconductors", "BANNED", "China")),
          Example("De Nederlandse regering legde Orvane Semiconductor een exportverbod op voor machines naar China.",
                  ("Orvane Semiconductor", "BANNED", "Netherlands")),
          Example("De VS legden Orvane Semiconductor een exportverbod op.", None),
          Example("Das US-Handelsministerium verhängte ein Exportverbot gegen Orvane Semiconductor.", None),
          Example("Washington heeft een exportverbod ingesteld voor Orvane Semiconductor.", None),
          Example("Het ministerie van Handel legde Orvane Semiconductor een exportverbod op.", None)),
         blocked_by=r"\b(tegen|gegen)\b"),
    # a decision to exclude: "heeft besloten X uit te sluiten", "hat beschlossen, X auszuschließen"
    # (an infinitive alone is often a plan or a plea: "moet overtuigen Huawei uit te sluiten")
    Rule("decided-to-exclude", BOTH, R.BANNED,
         r"\b(besloten|besloot|besluit|beschlossen|beschloss|beschließt|entschieden|entschied)\b[^.;]{0,80}?"
         r"\b(uit te sluiten|te weren|te verbannen|auszuschließen|zu verbannen|zu verbieten|te verbieden)\b",
         "banned", "authority", 0.7,
         (Example("De Britse regering heeft besloten Orvane Semiconductor uit te sluiten van het 5G-netwerk.",
                  ("Orvane Semiconductor", "BANNED", "United Kingdom")),
          Example("Die Bundesregierung hat beschlossen, Orvane Semiconductor aus dem 5G-Netz auszuschließen.",
                  ("Orvane Semiconductor", "BANNED", "Germany")),
          Example("Washington wil bondgenoten overtuigen Orvane Semiconductor uit te sluiten van hun netwerken.", None))),
    Rule("may-not-use", BOTH, R.BANNED,
         _MAY_NOT,
         "banned", "authority", 0.65,
         (# the maker itself may not deliver: "Het kabinet heeft besloten dat X geen apparatuur meer mag leveren"
          Example("Het kabinet heeft besloten dat Orvane Semiconductor geen apparatuur meer mag leveren voor het 5G-netwerk.",
                  ("Orvane Semiconductor", "BANNED", "Netherlands")),
          Example("Amerikaanse bedrijven mogen zonder vergunning geen chips leveren aan Orvane Semiconductor.", None)),
         requires=r"\b(leveren|liefern|exporteren|exportieren|verschepen)\b",
         negation_in_trigger=True),
    # who may not use or buy is no banned maker: the maker is named after the trigger ("mogen geen apparatuur van ZTE
    # gebruiken"), never the subject ("SMIC mag geen Amerikaanse technologie meer gebruiken")
    Rule("may-not-use-goods-of", BOTH, R.BANNED,
         _MAY_NOT,
         "banned_after", "authority", 0.65,
         (Example("Van de Amerikaanse regering mogen telecombedrijven geen apparatuur van ZTE meer kopen.", ("ZTE", "BANNED", "United States")),
          Example("Deutsche Netzbetreiber dürfen laut Bundesregierung keine Bauteile von Huawei mehr einsetzen.", (HW, "BANNED", "Germany")),
          Example("Volgens de Amerikaanse regering mag Orvane Semiconductor geen Amerikaanse technologie meer gebruiken.", None)),
         requires=r"\b(gebruiken|kopen|inzetten|aanschaffen|installeren|einsetzen|eingesetzt|verwenden|nutzen|kaufen|verbauen|verbaut)\b",
         blocked_by=r"\b(leveren|liefern|exporteren|exportieren|verschepen)\b",
         negation_in_trigger=True),
    # goods of a maker that may no longer be used or bought, in the passive: "dass Bauteile von Huawei nicht mehr im
    # Kernnetz eingesetzt werden dürfen", "drones van DJI mogen niet langer worden aangeschaft"
    Rule("goods-of-may-not-be-used", BOTH, R.BANNED, _MAY_NOT_BE_USED,
         "pp:van|von", "authority", 0.65,
         (Example("Die Bundesregierung hat beschlossen, dass Bauteile von Orvane Semiconductor nicht mehr im Kernnetz "
                  "eingesetzt werden dürfen.", ("Orvane Semiconductor", "BANNED", "Germany")),
          Example("Het kabinet heeft besloten: camera's van Orvane Semiconductor mogen niet langer worden aangeschaft door ministeries.",
                  ("Orvane Semiconductor", "BANNED", "Netherlands")),
          Example("Het kabinet heeft besloten: camera's van Orvane Semiconductor mogen voortaan worden aangeschaft door ministeries.",
                  None),
          Example("Die Bundesregierung prüft, ob Bauteile von Orvane Semiconductor nicht mehr eingesetzt werden dürfen.", None)),
         negation_in_trigger=True, blocked_by=r"\b(prüft|prüfen|onderzoekt|onderzoeken|overweegt|erwägt|ob|of)\b"),
    # an export licence refused or withdrawn: the government forbids the export of the company's goods ("weigerde X een
    # exportvergunning", "hat dem Unternehmen die Ausfuhrgenehmigung verweigert").  A licence for sales to a named company
    # ("Lizenzen für Lieferungen an Huawei") restricts the buyer, not the seller's goods: no ban.
    Rule("licence-refused", BOTH, R.BANNED,
         r"\b(geweigerd|weigerde|weigerden|weigert|verweigert|verweigerte|verweigerten|versagt|versagte|versagten|ingetrokken|entzogen|entzog|"
         r"entzieht|(trekt|trok|trokken)\b[^,.;]{0,60}?\bin|(zieht|zog)\b[^,.;]{0,60}?\bzurück)\b",
         "banned", "authority", 0.65,
         (Example("De Nederlandse regering heeft Orvane Semiconductor een exportvergunning voor chips naar Rusland geweigerd.",
                  ("Orvane Semiconductor", "BANNED", "Netherlands")),
          Example("Die Bundesregierung verweigerte Orvane Semiconductor die Ausfuhrgenehmigung für Anlagen nach China.",
                  ("Orvane Semiconductor", "BANNED", "Germany")),
          Example("Orvane Semiconductor baut Ätzanlagen. Die Bundesregierung hat dem Unternehmen die Ausfuhrgenehmigung für "
                  "Anlagen nach China verweigert.", ("Orvane Semiconductor", "BANNED", "Germany")),
          Example("Het ministerie van Economische Zaken trekt de exportlicentie van Orvane Semiconductor in.",
                  ("Orvane Semiconductor", "BANNED", "Ministry of Economic Affairs and Climate Policy")),
          Example("Washington weigerde Orvane Semiconductor een exportvergunning voor leveringen aan Huawei.", None),
          Example("Die Bundesregierung könnte Orvane Semiconductor die Ausfuhrgenehmigung verweigern.", None),
          Example("Orvane Semiconductor weigerde een exportvergunning aan te vragen.", None)),
         requires=r"\b(export|uitvoer|ausfuhr)[\w-]*(vergunning|licentie|genehmigung|lizenz)\w*|"
                  r"\b(vergunning|licentie|genehmigung|lizenz)\w*\s+(voor|für)\s+(de\s+|den\s+|die\s+)?(export|uitvoer|ausfuhr)",
         blocked_by=r"\b(aan|an|naar|nach)\s+((de|het|den|die|das|dem)\s+)?(?!(China|Rusland|Russland|Iran|Noord-Korea|"
                    r"Nordkorea|Wit-Rusland|Belarus|Weißrussland)\b)(?-i:[A-Z])[\w-]*(?-i:[^e\s])\b|\b(aan te vragen|zu beantragen)\b"),
    # ---- MILITARY_LINK --------------------------------------------------------------------------
    Rule("military-ties", BOTH, R.MILITARY_LINK,
         r"\b(leger|militaire?|krijgsmacht|volksbevrijdingsleger|militär\w*|armee|volksbefreiungsarmee|strijdkrachten|"
         r"streitkräfte|bundeswehr|luftwaffe|marine|luchtmacht|landmacht)\b",
         "subject", "military", 0.65,
         (Example("Phytium unterhält enge Verbindungen zur Volksbefreiungsarmee.", ("Phytium Technology", "MILITARY_LINK", MIL)),
          Example("Der Radarspezialist Orvane Semiconductor beliefert die Bundeswehr mit Sensoren.", ("Orvane Semiconductor", "MILITARY_LINK", MIL)),
          Example("Orvane Semiconductor hat die Bundeswehr nie beliefert.", None),
          Example("Volgens Washington heeft SMIC nauwe banden met het Chinese leger.", (SMIC, "MILITARY_LINK", MIL)),
          Example("Loongson ontkende dat het bedrijf banden heeft met de krijgsmacht.", None),
          Example("Laut US-Regierung arbeitet SMIC mit dem chinesischen Militär zusammen.", (SMIC, "MILITARY_LINK", MIL)),
          Example("Volgens Washington werkt Inspur samen met het Chinese leger.", ("Inspur", "MILITARY_LINK", MIL)),
          Example("Washington zette Orvane Semiconductor op de lijst. Volgens de regering levert het bedrijf chips aan het Chinese leger.",
                  ("Orvane Semiconductor", "MILITARY_LINK", MIL)),
          Example("Orvane Semiconductor, een dochterbedrijf van Tessaro Holdings, bouwt een fabriek. Het moederbedrijf heeft "
                  "nauwe banden met het Chinese leger.", ("Tessaro Holdings", "MILITARY_LINK", MIL)),
          Example("Orvane Semiconductor, eine Tochter von Tessaro Holdings, baut ein Werk. Der Mutterkonzern unterhält enge "
                  "Verbindungen zur Volksbefreiungsarmee.", ("Tessaro Holdings", "MILITARY_LINK", MIL)),
          Example("SMIC bestreitet, mit dem Militär zusammenzuarbeiten.", None),
          Example("Die Liste des Pentagons, die Firmen mit Verbindungen zum chinesischen Militär aufführt, wächst.", None),
          Example("Orvane Semiconductor hat Verbindungen zum chinesischen Militär stets bestritten.", None),
          Example("Volgens de EU leverden Sinno Electronics en 3HC Semiconductors onderdelen aan het Russische leger.",
                  ("3HC Semiconductors", "MILITARY_LINK", MIL)),
          Example("Orvane Semiconductor gilt in Washington als verlängerter Arm der Volksbefreiungsarmee.",
                  ("Orvane Semiconductor", "MILITARY_LINK", MIL)),
          Example("Orvane Semiconductor is volgens Washington gelieerd aan het Chinese leger.", ("Orvane Semiconductor", "MILITARY_LINK", MIL)),
          Example("Volgens de Amerikaanse overheid is Orvane Semiconductor betrokken bij de modernisering van het Chinese leger.",
                  ("Orvane Semiconductor", "MILITARY_LINK", MIL)),
          Example("Orvane Semiconductor is niet betrokken bij de modernisering van het Chinese leger.", None),
          Example("Volgens het ministerie leverde Orvane Semiconductor jarenlang onderdelen aan het Russische leger.",
                  ("Orvane Semiconductor", "MILITARY_LINK", MIL)),
          Example("Orvane Semiconductor heeft een contract met het Chinese leger.", ("Orvane Semiconductor", "MILITARY_LINK", MIL)),
          Example("Orvane Semiconductor is een Chinese producent van militaire radarchips.", ("Orvane Semiconductor", "MILITARY_LINK", MIL)),
          Example("Orvane Semiconductor is geen producent van militaire chips.", None),
          Example("Orvane Semiconductor erhielt Aufträge der Volksbefreiungsarmee.", ("Orvane Semiconductor", "MILITARY_LINK", MIL)),
          Example("Orvane Semiconductor wird von der US-Regierung verdächtigt, eng mit dem chinesischen Militär zusammenzuarbeiten.",
                  ("Orvane Semiconductor", "MILITARY_LINK", MIL)),
          # the present tense of "liefern", and standing close to the armed forces
          Example("Orvane Semiconductor liefert Radarchips an das chinesische Militär.", ("Orvane Semiconductor", "MILITARY_LINK", MIL)),
          Example("Orvane Semiconductor steht laut Washington der Volksbefreiungsarmee nahe.", ("Orvane Semiconductor", "MILITARY_LINK", MIL)),
          Example("Orvane Semiconductor liefert keine Chips an das Militär.", None),
          Example("Orvane Semiconductor steht dem Militär nicht nahe.", None),
          Example("Orvane Semiconductor steht auf der Liste, nahe dem Militärflughafen baut die Firma ein Werk.", None)),
         requires=r"\b(banden|band|gelinkt|verbonden|\w*leverancier|levert|leverde|leverden|geleverd|(door)?verko(cht|chten|opt)|"
                  r"(weiter)?verkauf(t|te|ten)|verbindungen|beliefert|belieferte|belieferten|liefert|lieferte|lieferten|geliefert|\w*lieferant|zulieferer|ausrüster|verbunden|nauwe|"
                  r"verflochten|produceert|produziert|voorziet|wapens|waffen|helfen|helpen|unterstützen|steunen|betrokken|modernisering|"
                  r"modernisierung|"
                  r"unterstützt|steunt|dienen|dient|zusammen|zusammenarbeit|samen|samenwerking|kooperiert|kooperierte|"
                  r"kooperation|verlängerte[rn]?\s+arm|verlengstuk|verlengde arm|zusammenzuarbeiten|zusammenarbeiten|"
                  r"samen te werken|samenwerken|gelieerd|verbandelt|nahesteht|nahestehen|(steht|stehen|stand|standen)\b.{0,60}?\bnahe(?=\W*$)|nahe\s+(steht|stehen|stand|standen)|contract|contracten|vertrag|verträge|"
                  r"auftrag|aufträge|opdracht|opdrachten|producent|hersteller|fabrikant)\b",
         # a denial at the end of the clause: "hat Verbindungen zum Militär stets bestritten"
         blocked_by=r"\b(bestritten|ontkend|dementiert|zurückgewiesen|afgewezen|weerlegd)\b"),
    Rule("classed-military", BOTH, R.MILITARY_LINK,
         r"\bals\s+(\w+\s+){0,2}(militärunternehmen|rüstungsunternehmen|militair bedrijf|militaire onderneming|"
         r"militair-industrieel|defensiebedrijf)\b|" + _COUNTED_MILITARY + "|" + _NAMED_MILITARY,
         "subject", "military", 0.65,
         (Example("Das Pentagon führt Hikvision als chinesisches Militärunternehmen.", ("Hikvision", "MILITARY_LINK", MIL)),
          Example("Washington bestempelt Inspur als Chinees militair bedrijf.", ("Inspur", "MILITARY_LINK", MIL)),
          Example("Tencent bestreitet, als Militärunternehmen zu gelten.", None),
          Example("Washington rekent Inspur tot de Chinese militaire bedrijven.", ("Inspur", "MILITARY_LINK", MIL)),
          Example("Het ministerie van Defensie noemde Orvane Semiconductor een Chinees militair bedrijf.",
                  ("Orvane Semiconductor", "MILITARY_LINK", MIL))),
         requires=_NAMING),
    # the Pentagon classing a company as military is its list ("stuft X als Militärunternehmen ein")
    Rule("classed-military-by-pentagon", BOTH, R.DESIGNATED,
         r"\bals\s+(\w+\s+){0,2}(militärunternehmen|militair bedrijf|militaire onderneming)\b|" + _COUNTED_MILITARY + "|"
         + _NAMED_MILITARY,
         "subject", "pentagon_list", 0.65,
         (Example("Das Pentagon stuft Orvane Semiconductor als chinesisches Militärunternehmen ein.",
                  ("Orvane Semiconductor", "DESIGNATED", "DoD Section 1260H list")),
          Example("Orvane Semiconductor is in 2021 door het Pentagon aangemerkt als Chinees militair bedrijf.",
                  ("Orvane Semiconductor", "DESIGNATED", "DoD Section 1260H list")),
          Example("Washington bestempelt Inspur als Chinees militair bedrijf.", None),
          Example("Das Pentagon erwägt, Orvane Semiconductor als Militärunternehmen einzustufen.", None),
          Example("Das Pentagon zählt Orvane Semiconductor zu den chinesischen Militärunternehmen.",
                  ("Orvane Semiconductor", "DESIGNATED", "DoD Section 1260H list")),
          Example("Het Pentagon rekent Orvane Semiconductor tot de Chinese militaire bedrijven.",
                  ("Orvane Semiconductor", "DESIGNATED", "DoD Section 1260H list")),
          Example("Het ministerie van Defensie noemde Orvane Semiconductor vorig jaar een Chinees militair bedrijf.",
                  ("Orvane Semiconductor", "DESIGNATED", "DoD Section 1260H list")),
          Example("Das Pentagon bezeichnete Orvane Semiconductor als ein chinesisches Militärunternehmen.",
                  ("Orvane Semiconductor", "DESIGNATED", "DoD Section 1260H list")),
          Example("Volgens het Pentagon levert Orvane Semiconductor aan een Chinees militair bedrijf.", None)),
         requires=_NAMING),
    # classed as companies the relative clause after says work with the military: "hat X als Unternehmen eingestuft, die mit
    # dem chinesischen Militär zusammenarbeiten", "merkte X aan als bedrijven die banden hebben met het Chinese leger"
    Rule("classed-as-military-relative", BOTH, R.MILITARY_LINK, _CLASSED_RELATIVE,
         "subject", "military", 0.65,
         (Example("Das Pentagon hat Orvane Semiconductor als Unternehmen eingestuft, die mit dem chinesischen Militär "
                  "zusammenarbeiten.", ("Orvane Semiconductor", "MILITARY_LINK", MIL)),
          Example("Das Pentagon hat Orvane Semiconductor als Unternehmen eingestuft, die nicht mit dem Militär zusammenarbeiten.", None),
          Example("Das Pentagon erwägt, Orvane Semiconductor als Unternehmen einzustufen, die mit dem Militär zusammenarbeiten.", None))),
    Rule("classed-as-military-relative-by-pentagon", BOTH, R.DESIGNATED, _CLASSED_RELATIVE,
         "subject", "pentagon_list", 0.65,
         (Example("Das US-Verteidigungsministerium hat Orvane Semiconductor als Unternehmen eingestuft, die mit dem chinesischen "
                  "Militär zusammenarbeiten.", ("Orvane Semiconductor", "DESIGNATED", "DoD Section 1260H list")),
          Example("Het Pentagon heeft Orvane Semiconductor aangemerkt als bedrijven die banden hebben met het Chinese leger.",
                  ("Orvane Semiconductor", "DESIGNATED", "DoD Section 1260H list")),
          Example("Reuters hat Orvane Semiconductor als Unternehmen bezeichnet, die mit dem Militär zusammenarbeiten.", None))),
    # making goods for the armed forces: "maakte chips voor het Amerikaanse leger", "fertigt Radarchips für die Bundeswehr"
    Rule("made-for-military", BOTH, R.MILITARY_LINK,
         _MADE + r"|\b(ontwikkel\w*|entwickel\w*|ontwerpt|ontwierp|entwirft|entwarf)\b",
         "subject", "military", 0.65,
         (Example("Orvane Semiconductor maakte jarenlang chips voor de Britse marine.", ("Orvane Semiconductor", "MILITARY_LINK", MIL)),
          Example("Orvane Semiconductor ontwikkelt processors voor het Chinese leger.", ("Orvane Semiconductor", "MILITARY_LINK", MIL)),
          Example("Calder Trading leverde chips aan NPO Irtysh en Orel Radio, die beide radars voor het Russische leger maken.",
                  ("Orel Radio", "MILITARY_LINK", MIL)),
          Example("NPO Irtysh en Orel Radio fertigen Zünder für die russische Armee.", ("NPO Irtysh", "MILITARY_LINK", MIL)),
          Example("Das Unternehmen Orvane Semiconductor entwickelt Prozessoren für die Volksbefreiungsarmee.",
                  ("Orvane Semiconductor", "MILITARY_LINK", MIL)),
          Example("Orvane Semiconductor wil processors voor het leger ontwikkelen.", None),
          Example("Orvane Semiconductor fertigt Radarchips für die Bundeswehr.", ("Orvane Semiconductor", "MILITARY_LINK", MIL)),
          Example("Orvane Semiconductor maakt chips voor auto's, niet voor het leger.", None),
          Example("Orvane Semiconductor fertigt Chips für Autos und nicht für die Bundeswehr.", None)),
         requires=r"\b(voor|für)\s+(de|het|die|das|den|dem)\s+([\w-]+\s+){0,2}?" + ARMED_FORCES,
         blocked_by=r"\b(niet|nicht|geen|kein\w*|nooit|nie)\s+(meer\s+|mehr\s+)?(voor|für)\b"),
    # making goods for weapons: "das Zielelektronik für Kampfhubschrauber herstellt", "maakt sensoren voor
    # raketten": a military application, as making them for the armed forces is
    Rule("made-for-weapons", BOTH, R.MILITARY_LINK,
         _MADE + r"|\b(ontwikkel\w*|entwickel\w*|ontwerpt|ontwierp|entwirft|entwarf)\b",
         "subject", "military", 0.65,
         (Example("Orvane Semiconductor stellt Zielerfassungselektronik für Kampfhubschrauber her.",
                  ("Orvane Semiconductor", "MILITARY_LINK", MIL)),
          Example("Orvane Semiconductor maakt sensoren voor kruisraketten.", ("Orvane Semiconductor", "MILITARY_LINK", MIL)),
          Example("Orvane Semiconductor entwickelt Zünder für Lenkflugkörper.", ("Orvane Semiconductor", "MILITARY_LINK", MIL)),
          Example("Orvane Semiconductor fertigt Chips für Autos und nicht für Raketen.", None),
          Example("Orvane Semiconductor maakt sensoren voor weerballonnen.", None)),
         requires=r"\b(voor|für)\s+([\w-]+\s+){0,2}?" + _WEAPONS,
         blocked_by=r"\b(niet|nicht|geen|kein\w*|nooit|nie)\s+(meer\s+|mehr\s+)?(voor|für)\b"),
    # the military as a customer: "Das Militär gehört zu den Kunden von Hikvision"
    Rule("military-customer-of", BOTH, R.MILITARY_LINK,
         r"\b(\w*klant|\w*klanten|afnemer|afnemers|\w*kunde|\w*kunden|abnehmer|abnehmern)\s+(van|von|bei|des|der)\b",
         "pp:van|von|bei|des|der", "military", 0.65,
         (Example("Das chinesische Militär gehört zu den Kunden von Hikvision.", ("Hikvision", "MILITARY_LINK", MIL)),
          Example("Het Chinese leger is een van de klanten van Hikvision.", ("Hikvision", "MILITARY_LINK", MIL)),
          Example("Het Chinese leger is geen klant van Hikvision.", None),
          Example("Ook de Nederlandse defensie behoort tot de afnemers van Orvane Semiconductor.", ("Orvane Semiconductor", "MILITARY_LINK", MIL)),
          Example("Auch die Bundeswehr zählt zu den Abnehmern von Orvane Semiconductor.", ("Orvane Semiconductor", "MILITARY_LINK", MIL))),
         requires=r"\b" + ARMED_FORCES),
    # the armed forces using a maker's goods: "Het Chinese leger gebruikt drones van X", "Chips von X werden von der
    # Volksbefreiungsarmee eingesetzt", "Die Armee nutzt X-Technik" (a supplier to the army)
    Rule("military-uses-goods-of", BOTH, R.MILITARY_LINK, r"\b(" + _USE_VERBS + r")\b",
         "pp:van|von", "military", 0.6,
         (Example("Het Chinese leger gebruikt drones van Orvane Semiconductor.", ("Orvane Semiconductor", "MILITARY_LINK", MIL)),
          Example("Die Volksbefreiungsarmee nutzt seit Jahren Funkchips von Orvane Semiconductor.",
                  ("Orvane Semiconductor", "MILITARY_LINK", MIL)),
          Example("Die Chips von Orvane Semiconductor werden auch vom chinesischen Militär eingesetzt.",
                  ("Orvane Semiconductor", "MILITARY_LINK", MIL)),
          Example("Het leger gebruikt geen drones van Orvane Semiconductor.", None),
          Example("Orvane Semiconductor gebruikt chips van Calder Devices in radars voor het leger.", None),
          Example("Das Militär soll künftig Drohnen von Orvane Semiconductor nutzen.", None)),
         requires=_MILITARY_USER, blocked_by=_NOT_USED_BY_MILITARY),
    Rule("military-uses-compound-goods", BOTH, R.MILITARY_LINK, r"\b(" + _USE_VERBS + r")\b",
         "compound_maker", "military", 0.6,
         (Example("Die Volksbefreiungsarmee setzt Huawei-Technik in ihren Netzen ein.", (HW, "MILITARY_LINK", MIL)),
          Example("Het Chinese leger gebruikt Huawei-apparatuur.", (HW, "MILITARY_LINK", MIL)),
          Example("Het leger gebruikt geen Huawei-apparatuur.", None),
          Example("Laut einem Bericht setzt die Volksbefreiungsarmee Huawei-Technik in ihren Netzen ein.", (HW, "MILITARY_LINK", MIL))),
         requires=_MILITARY_USER, blocked_by=_NOT_USED_BY_MILITARY),
    # military companies as the predicate: "Volgens het Pentagon zijn X en Y militaire bedrijven"
    Rule("is-military-company", BOTH, R.MILITARY_LINK, _IS_MILITARY_COMPANY,
         "subject", "military", 0.65,
         (Example("Volgens het Pentagon zijn Orvane Semiconductor en Calder Devices militaire bedrijven.",
                  ("Calder Devices", "MILITARY_LINK", MIL)),
          Example("Laut Pentagon sind Orvane Semiconductor und Calder Devices chinesische Militärunternehmen.",
                  ("Orvane Semiconductor", "MILITARY_LINK", MIL)),
          Example("Orvane Semiconductor en Calder Devices zijn geen militaire bedrijven.", None))),
    Rule("is-military-company-by-pentagon", BOTH, R.DESIGNATED, _IS_MILITARY_COMPANY,
         "subject", "pentagon_list", 0.65,
         (Example("Volgens het Pentagon zijn Orvane Semiconductor en Calder Devices militaire bedrijven.",
                  ("Orvane Semiconductor", "DESIGNATED", "DoD Section 1260H list")),
          Example("Volgens Reuters zijn Orvane Semiconductor en Calder Devices militaire bedrijven.", None))),
    # a defence group described after the verb: "Norinco ist ein staatlicher Rüstungskonzern"
    Rule("is-defence-company", BOTH, R.MILITARY_LINK,
         r"\b(rüstungs\w+|defensie(concern|bedrijf|conglomeraat|groep)|defensie(toe)?leverancier|wapenfabrikant|wapenproducent)\b",
         "subject", "military", 0.65,
         (Example("Die Firma Norinco ist ein staatlicher Rüstungskonzern.", ("Norinco", "MILITARY_LINK", MIL)),
          Example("AVIC is een groot Chinees defensieconcern.", ("Aviation Industry Corporation of China", "MILITARY_LINK", MIL)),
          Example("Tessaro Holdings is het grootste defensieconglomeraat van het land.", ("Tessaro Holdings", "MILITARY_LINK", MIL)),
          Example("Orvane Semiconductor is volgens Washington een Chinese defensieleverancier.", ("Orvane Semiconductor", "MILITARY_LINK", MIL)),
          Example("Infineon ist kein Rüstungskonzern.", None),
          Example("Infineon beliefert einen Rüstungskonzern.", None),
          # the defence group is the parent, named after it
          Example("Die Firma Orvane ist eine Tochter des staatlichen Rüstungskonzerns Tessaro.", ("Tessaro", "MILITARY_LINK", MIL)),
          Example("Die Firma Orvane ist eine Tochter des staatlichen Rüstungskonzerns Norinco.", ("Norinco", "MILITARY_LINK", MIL))),
         requires=r"\b(ist|war|is|was|gilt als|geldt als)\s+([\w-]+\s+){0,3}?(ein|eine|einer|een|der|die|de|het)\b",
         blocked_by=r"\b(tochter\w*|dochter\w*|teil|onderdeel|sparte|einheit|afdeling|divisie)\s+(des|der|von|vom|van|het|de)\s+"
                    r"([\w-]+\s+){0,2}?(rüstungs|defensie|wapen)"),
    Rule("defence-noun", BOTH, R.MILITARY_LINK, _DEFENCE_NOUN,
         "next", "military", 0.65,
         (Example("Der Rüstungskonzern Norinco kaufte Chips.", ("Norinco", "MILITARY_LINK", MIL)),
          Example("De militaire universiteit NUDT bouwt supercomputers.", ("National University of Defense Technology", "MILITARY_LINK", MIL)),
          Example("China heeft twee Amerikaanse defensiebedrijven, Norland Defense en Arvex Aerospace, op zijn zwarte lijst gezet.",
                  ("Arvex Aerospace", "MILITARY_LINK", MIL)),
          Example("Norvik Kvant is een dochteronderneming van het staatsdefensieconcern Tessaro.", ("Tessaro", "MILITARY_LINK", MIL)))),
    # the defence noun set off after the name: "Rheinmetall, Deutschlands größter Rüstungskonzern", "X, einem der
    # größten Waffenhersteller der Welt", "X, het Russische staatswapenconcern"
    Rule("defence-noun-apposed", BOTH, R.MILITARY_LINK, _DEFENCE_NOUN,
         "apposed", "military", 0.65,
         (Example("Ein Sprecher von Tessaro Defence, Deutschlands größtem Rüstungskonzern, äußerte sich nicht.",
                  ("Tessaro Defence", "MILITARY_LINK", MIL)),
          Example("Orvane ist eine Tochter von Tessaro, einem der größten Waffenhersteller der Welt.", ("Tessaro", "MILITARY_LINK", MIL)),
          Example("Kupol is een dochteronderneming van Tessaro Defence, het Russische staatswapenconcern.",
                  ("Tessaro Defence", "MILITARY_LINK", MIL)),
          # the noun describes somebody else: a buyer after a verb, no apposition
          Example("Orvane, das Chips an einen Rüstungskonzern liefert, wächst.", None),
          Example("Orvane ist kein Rüstungskonzern.", None))),
)

#: A government named by its nationality ("de Amerikaanse regering", "die
#: Bundesregierung") -> the state, for BANNED tails.
NATIONAL_AUTHORITIES: tuple[tuple[str, str], ...] = (
    (r"\bbundes(regierung|kabinett|ministerium|innenministerium|wirtschaftsministerium)|\b(deutschen?|duitse)\s+"
     r"(regierung|regering|overheid|kabinet|behörden|staat)|\b(der|des|dem) bund(es)?\b", "Germany"),
    (r"\b(amerikaanse|amerikanischen?|us-)\s*(regering|overheid|president|regierung|präsident|ministerie|handelsministerium)"
     r"|\bus-regierung\b", "United States"),
    (r"\b(nederlandse|niederländischen?)\s+(regering|overheid|kabinet|regierung|staat)|\bhet kabinet\b", "Netherlands"),
    (r"\b(chinese|chinesischen?)\s+(regering|overheid|regierung|behörden|staat)\b|\b(regierung|regering|führung) in peking\b",
     "China"),
    (r"\b(britse|britischen?)\s+(regering|overheid|regierung)", "United Kingdom"),
)

#: Lists described rather than named.  (pattern, cue that must occur in the
#: sentence, list, words that rule it out) - first match wins; the Pentagon's list depends on the date
#: (``1260H`` from 2021 on, the Section 1237 list before).
#: words that make a list of Chinese military companies the Treasury's (NS-CMIC), not the Pentagon's
_TREASURY_CUES = (r"\b(finanzministerium\w*|us-finanzministerium\w*|treasury|ministerie van financiën|ministerie van financien|"
                  r"investieren|investiert|investeren|beleggen|investitionsverbot\w*|investeringsverbod\w*)\b")

LIST_PHRASES: tuple[tuple[str, str, str, str], ...] = (
    (r"\b(zwarte lijst|sanctielijst|lijst|blacklist|liste|schwarze\w* liste|handelsblacklist|sanktionsliste)\b",
     r"\b(pentagon\w*|ministerie van defensie|defensieministerie|verteidigungsministerium\w*|us-verteidigungsministerium)\b"
     r"[^.]*\b(militai\w*|militär\w*|leger|krijgsmacht|volksbevrijdingsleger|armee|volksbefreiungsarmee|streitkräfte)"
     r"|\b(militaire bedrijven|militärunternehmen|militaire ondernemingen)\b",
     "DOD", _TREASURY_CUES),
    # the Treasury's list of military companies Americans may not invest in
    (r"\b(zwarte lijst|sanctielijst|lijst|blacklist|liste|schwarze\w* liste|sanktionsliste|investeringslijst|investitionsliste)\b",
     _TREASURY_CUES, "NS-CMIC List", r"^$"),
    (r"\b(zwarte lijst|sanctielijst|blacklist|schwarze\w* liste|handelsblacklist|sanktionsliste|exportlijst|"
     r"exportzwarte lijst|exportkontrollliste|exportkontroll-liste|exportverbotsliste)\b",
     r"\b(amerikaanse|amerikanischen?|amerikanen|amerikaner|us-\w*|usa|vs|verenigde staten|washington|handelsministerium|ministerie van handel|"
     r"handelsministerie)\b",
     "US Entity List", r"\b(eu|europese|europäische\w*|vn|un|uno|vereinten nationen|verenigde naties)\b"),
)

#: A buyer named for unnamed sellers ("Firmen sollen Technik an Russland
#: geliefert haben"): (supply word, a generic noun for the sellers, the military
#: as buyer, sanction words that make a later list of names the sellers).  Read by ``listed-sellers`` when the sellers are listed later.
BUYER_CONTEXT: tuple[str, str, str, str] = (
    r"\b(geliefert|liefern|lieferten|lieferte|lieferungen|exporte|ausfuhren|beliefert\w*|geleverd|leveren|leverden|"
    r"leverde|leveringen|export|uitvoer)\b",
    r"\b[\w-]*(firmen|unternehmen|konzerne|hersteller|zulieferer|händler|bedrijven|ondernemingen|leveranciers|handelaren|"
    r"fabrikanten)\b",  # compounds too: "elektronicabedrijven", "Elektronikfirmen"
    r"\b(an|aan|naar)\s+(das|die|den|het|de)\s+(\w+\s+)?(militär|armee|streitkräfte|leger|krijgsmacht|strijdkrachten)\b",
    r"\b(sanktion\w*|sanctie\w*|strafmaatregel\w*|strafmaßnahme\w*|bestraf\w*|bestraft|straft|sanktioniert\w*|"
    r"beboet\w*|\w*liste|\w*lijst)\b",
)
