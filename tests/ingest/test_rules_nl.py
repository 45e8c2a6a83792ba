"""The Dutch and German rule table: every rule's own examples, several
wordings per fact (verb second, verb last, passive, noun form), and traps
(negated, hedged, removed from a list, a parent named as "dochters van X")."""

from __future__ import annotations

import pytest

from chipgraph.graph.model import RelationType
from chipgraph.ingest import Extractor, article_from_text
from chipgraph.ingest.grammar_nlde import RULES
from chipgraph.ingest.language import detect_language

# Enough words of the language around a short example for language detection.
_PAD = {"nl": "Dit is een bericht over de chipsector en de handel met China. ",
        "de": "Dies ist ein Bericht über die Chipbranche und den Handel mit China. "}


def triples(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    x = extractor.extract(article_from_text(text))
    names = {e.id: e.name for e in x.entities}
    return {(names[r.head], r.type.value, names[r.tail]) for r in x.relations if r.type != RelationType.OTHER}


def _lang(text: str) -> str:
    lang = detect_language(text)
    return lang if lang in _PAD else "nl"


EXAMPLES = [pytest.param(rule.relation.value, ex.text, ex.expected, id=f"{rule.name}-{i}")
            for rule in RULES for i, ex in enumerate(rule.examples)]


@pytest.mark.parametrize("relation,text,expected", EXAMPLES)
def test_rule_examples(extractor: Extractor, relation: str, text: str, expected: tuple[str, str, str] | None) -> None:
    got = triples(extractor, _PAD[_lang(text)] + text)
    if expected is None:
        assert not {t for t in got if t[1] == relation}, got
    else:
        assert expected in got, got


SMIC = "Semiconductor Manufacturing International Corporation"
EL = "US Entity List"


@pytest.mark.parametrize(
    "text,expected",
    [
        # one supply fact, many wordings
        ("ASML leverde vorig jaar twee scanners aan SMIC.", ("ASML", "SUPPLIED", SMIC)),
        ("Vorig jaar leverde ASML twee scanners aan SMIC.", ("ASML", "SUPPLIED", SMIC)),
        ("Bekend is dat ASML vorig jaar twee scanners aan SMIC leverde.", ("ASML", "SUPPLIED", SMIC)),
        ("Twee scanners werden door ASML aan SMIC geleverd.", ("ASML", "SUPPLIED", SMIC)),
        ("De leveringen van ASML aan SMIC liepen door tot 2023.", ("ASML", "SUPPLIED", SMIC)),
        ("ASML ist 2024 mit den Lieferungen an SMIC gestoppt.", ("ASML", "SUPPLIED", SMIC)),
        ("ASML hat die Lieferungen an SMIC eingestellt.", ("ASML", "SUPPLIED", SMIC)),
        ("Intel, AMD en Nvidia zijn gestopt met leveringen aan Inspur.", ("Advanced Micro Devices", "SUPPLIED", "Inspur")),
        ("SMIC is een belangrijke afnemer van ASML.", ("ASML", "SUPPLIED", SMIC)),
        ("Xiaomi zegt dat het zijn chips laat maken bij SMIC.", (SMIC, "SUPPLIED", "Xiaomi")),
        ("Xiaomi lässt seine Chips bei SMIC herstellen.", (SMIC, "SUPPLIED", "Xiaomi")),
        ("TSMC, das Chips für Apple fertigt, baut ein Werk in Dresden.", ("Taiwan Semiconductor Manufacturing Company", "SUPPLIED", "Apple")),
        # ownership
        ("Nexperia, eine Tochtergesellschaft von Wingtech Technology, produziert in Hamburg.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
        ("Het Nijmeegse Nexperia is eigendom van Wingtech Technology.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
        ("Nexperia befindet sich im Besitz von Wingtech Technology.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
        ("Wingtech Technology besitzt Nexperia seit 2019 über eine Tochter. Nexperia gehört seit 2019 zu Wingtech Technology.",
         ("Nexperia", "OWNED_BY", "Wingtech Technology")),
        ("Bekend is dat Nexperia sinds 2019 in handen van Wingtech Technology is.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
        ("Wingtech Technology, de eigenaar van Nexperia, zit in Shanghai.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
        ("De overname van Nexperia door Wingtech Technology werd in 2019 afgerond. Nexperia werd door Wingtech Technology overgenomen.",
         ("Nexperia", "OWNED_BY", "Wingtech Technology")),
        # lists: placed, standing, members named later, military list
        ("Bekend is dat Washington YMTC in december op de entity list plaatste.", ("Yangtze Memory Technologies", "DESIGNATED", EL)),
        ("Die Aufnahme von YMTC in die Entity List erfolgte im Dezember.", ("Yangtze Memory Technologies", "DESIGNATED", EL)),
        ("Im Dezember wurde YMTC vom Handelsministerium auf die Entity List gesetzt.", ("Yangtze Memory Technologies", "DESIGNATED", EL)),
        ("YMTC werd in december op de entity list geplaatst.", ("Yangtze Memory Technologies", "DESIGNATED", EL)),
        ("Het ministerie van Handel plaatste YMTC op de zwarte lijst.", ("Yangtze Memory Technologies", "DESIGNATED", EL)),
        ("Das Handelsministerium hat zwölf Firmen auf die Entity List gesetzt. Betroffen sind unter anderem Sugon und Inspur.",
         ("Inspur", "DESIGNATED", EL)),
        ("Het Pentagon heeft Hikvision opgenomen in zijn lijst van Chinese militaire bedrijven.", ("Hikvision", "MILITARY_LINK", "military")),
        ("Das Pentagon hat neue Firmen auf seine Liste chinesischer Militärunternehmen gesetzt. Zu den neuen Namen gehören:\n"
         "– Hikvision\n– Inspur\nDie beiden Unternehmen wiesen die Einstufung am Dienstag in einer gemeinsamen Erklärung entschieden zurück.", ("Inspur", "DESIGNATED", "DoD Section 1260H list")),
        ("Das Handelsministerium hat zwölf Firmen auf die Entity List gesetzt. Betroffen sind Sugon und Inspur. "
         "Sie sollen dem chinesischen Militär helfen.", ("Sugon", "MILITARY_LINK", "military")),
        ("De VS zetten vorig jaar tien bedrijven op de zwarte lijst. Het gaat onder meer om Sugon en Inspur.",
         ("Sugon", "DESIGNATED", EL)),
        ("Nachdem das Handelsministerium SMIC auf die Entity List gesetzt hatte, stellte ASML die Lieferungen ein.",
         (SMIC, "DESIGNATED", EL)),
        ("ASML verkoopt machines aan TSMC, Samsung en Intel, maar niet aan SMIC.", ("ASML", "SUPPLIED", "Intel")),
        ("Samsung und SK hynix beziehen Lithografiesysteme von ASML.", ("ASML", "SUPPLIED", "SK hynix")),
        ("NXP, dat chips levert aan autofabrikanten als Bosch, ziet weinig gevolgen.", ("NXP Semiconductors", "SUPPLIED", "Robert Bosch")),
        ("Infineon wächst in China kräftig. Der Münchner Konzern bezieht zudem Wafer von GlobalFoundries.",
         ("GlobalFoundries", "SUPPLIED", "Infineon Technologies")),
        # bans
        ("De Chinese regering heeft het gebruik van chips van Micron in kritieke infrastructuur verboden.",
         ("Micron Technology", "BANNED", "China")),
        ("De Nederlandse regering weert apparatuur van Huawei uit het 5G-netwerk.", ("Huawei Technologies", "BANNED", "Netherlands")),
        ("Die Bundesregierung hat ein Verbot von Bauteilen der Hersteller Huawei und ZTE angekündigt.", ("ZTE", "BANNED", "Germany")),
        # China's commerce ministry, by its nationality (a bare "Handelsministerium" is Washington's)
        ("Im Mai untersagte das chinesische Handelsministerium der Firma Orvane Semiconductor die Ausfuhr von Wafern.",
         ("Orvane Semiconductor", "BANNED", "Ministry of Commerce of China")),
        ("In mei verbood het Chinese ministerie van Handel de export van wafers van Orvane Semiconductor.",
         ("Orvane Semiconductor", "BANNED", "Ministry of Commerce of China")),
        # a German name before its legal form, whatever its words ("Sächsische", "Mikrotechnik")
        ("Die Sächsische Mikrotechnik GmbH hat die Lieferung von Sensoren an Huawei eingestellt.",
         ("Sächsische Mikrotechnik GmbH", "SUPPLIED", "Huawei Technologies")),
        # a name that only qualifies the next one ("die Huawei-Tochter HiSilicon") is not a second subject
        ("Die Huawei-Tochter HiSilicon wurde 2019 auf die Entity List gesetzt.", ("HiSilicon", "DESIGNATED", EL)),
        ("Het Huawei-dochterbedrijf HiSilicon staat sinds 2019 op de zwarte lijst.", ("HiSilicon", "DESIGNATED", EL)),
        ("Der Huawei-Konzern steht seit 2019 auf der Entity List.", ("Huawei Technologies", "DESIGNATED", EL)),
        # a country beside the company is the goods' destination, the company the buyer
        ("ASML hat Lithografiesysteme nach China an SMIC geliefert.", ("ASML", "SUPPLIED", SMIC)),
        ("ASML verscheepte vorig jaar scanners naar China aan Hua Hong.", ("ASML", "SUPPLIED", "Hua Hong Semiconductor")),
        # a country's genitive is the country, not another company in the clause
        ("SMIC ist der größte Auftragsfertiger Chinas und Lieferant von Huawei.", (SMIC, "SUPPLIED", "Huawei Technologies")),
        # verb second after an adverbial: the subject, then the object
        ("Seit 2019 gehört Nexperia dem chinesischen Konzern Wingtech Technology.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
        ("Seit Jahren liefert Zeiss ASML hochwertige Optiken.", ("Carl Zeiss", "SUPPLIED", "ASML")),
        # "der Bund" is the federal government
        ("Der Bund verbietet den Einsatz kritischer Komponenten von Huawei und ZTE in den 5G-Kernnetzen.", ("ZTE", "BANNED", "Germany")),
        # a city's adjective before the owner's description
        ("Die Sächsische Mikrotechnik GmbH gehört mehrheitlich zum Münchner Konzern Auerbach Holding AG.",
         ("Sächsische Mikrotechnik GmbH", "OWNED_BY", "Auerbach Holding AG")),
        # "zowel A als B": the bare "als" joins the second name
        ("Zowel Orvane Vision als Calder Security staan sinds 2021 op de Entity List.", ("Calder Security", "DESIGNATED", "US Entity List")),
        # a descriptor with a country in front ("des US-Auftragsfertigers X") still lets "des" govern the name
        ("Kelvane Dresden, die sächsische Tochter des US-Auftragsfertigers Kelvane Foundries, liefert Wafer an Elbe Sensorik.",
         ("Kelvane Dresden", "OWNED_BY", "Kelvane Foundries")),
    ],
)
def test_wordings(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(extractor, _PAD[_lang(text)] + text)


@pytest.mark.parametrize(
    "text",
    [
        "Drie dochters van Huawei werden op de zwarte lijst gezet.",
        "Zwei Töchter von Huawei wurden auf die Entity List gesetzt.",
        "Washington erwägt, Sugon auf die Entity List zu setzen.",
        "Washington overweegt Sugon op de entity list te plaatsen.",
        "Sugon zou op de zwarte lijst kunnen komen.",
        "ZTE werd in 2018 van de zwarte lijst gehaald.",
        "Xiaomi wurde 2021 von der Liste chinesischer Militärunternehmen gestrichen.",
        "ASML heeft geen scanners aan SMIC geleverd.",
        "ASML ontkent dat het scanners aan SMIC heeft geleverd.",
        "Infineon bestreitet, Chips an Huawei geliefert zu haben.",
        "ASML könnte künftig Scanner an SMIC liefern.",
        "Een verbod op apparatuur van Huawei is volgens de regering niet aan de orde.",
        "Betroffen sind Sugon und Inspur.",
        "Der Chef von SMIC sprach mit Huawei.",
        "Ein Sprecher von Tencent sagte, dass die Aufnahme in die Liste ein Fehler sei.",
        "Die Streichung von Xiaomi von der Liste chinesischer Militärunternehmen erfolgte 2021.",
        "Intel en AMD mogen sindsdien alleen met een vergunning chips aan Huawei leveren.",
        "Washington weigerde SMIC van de entity list te halen.",
        "Het Pentagon zette Xiaomi op de lijst van Chinese militaire bedrijven, maar haalde het bedrijf er later weer af.",
        "Die Aktien von Huawei fielen, nachdem Washington neue Firmen auf die Liste gesetzt hatte.",
        "Wingtech verkocht zijn belang in Nexperia niet.",
    ],
)
def test_traps(extractor: Extractor, text: str) -> None:
    assert triples(extractor, _PAD[_lang(text)] + text) == set()


def test_negation_stays_in_its_clause(extractor: Extractor) -> None:
    """"maar niet aan SMIC" negates SMIC only; the buyers before it stand."""
    got = triples(extractor, _PAD["nl"] + "ASML verkoopt machines aan TSMC en Intel, maar niet aan SMIC.")
    assert ("ASML", "SUPPLIED", "Intel") in got
    assert ("ASML", "SUPPLIED", SMIC) not in got


def test_list_context_ends(extractor: Extractor) -> None:
    """"Betroffen sind" long after the list was last named is not about the list."""
    filler = " ".join(f"Der Markt für Speicherchips wuchs im Quartal {i} deutlich." for i in range(1, 9))
    text = f"Washington hat neue Firmen auf die Entity List gesetzt. {filler} Betroffen sind Sugon und Inspur."
    assert not {t for t in triples(extractor, text) if t[1] == "DESIGNATED"}


def test_source_after_wie_is_not_listed(extractor: Extractor) -> None:
    """", wie Intel mitteilte" names who said it, not another listed company."""
    got = triples(extractor, _PAD["de"] + "Das Handelsministerium setzte Sugon auf die Entity List, wie Intel mitteilte.")
    assert ("Sugon", "DESIGNATED", EL) in got
    assert ("Intel", "DESIGNATED", EL) not in got


# ---- past supply implied, and what is only context -----------------------------------------------
HW = "Huawei Technologies"


@pytest.mark.parametrize(
    "text,expected",
    [
        # an operator removing, replacing or choosing a vendor
        ("Swisscom und Telia haben Huawei aus ihren Kernnetzen entfernt.", (HW, "SUPPLIED", "Telia Company")),
        ("Seit 2021 nimmt Vodafone Huawei-Technik schrittweise aus dem Antennennetz.", (HW, "SUPPLIED", "Vodafone")),
        ("VodafoneZiggo haalde vorig jaar ZTE-apparatuur uit zijn mobiele netwerk.", ("ZTE", "SUPPLIED", "VodafoneZiggo")),
        ("Der Streit um ZTE hält an. Proximus hat es bereits aus seinem Netz geworfen.", ("ZTE", "SUPPLIED", "Proximus")),
        ("Für das neue Netz entschied sich KPN im Frühjahr für Nokia.", ("Nokia", "SUPPLIED", "KPN")),
        ("BT Group ersetzt im Kernnetz Huawei durch Ericsson.", ("Ericsson", "SUPPLIED", "BT Group")),
        # cut off, restricted, lost as a customer
        ("ZTE war damals von US-Zulieferern wie Qualcomm abgeschnitten.", ("Qualcomm", "SUPPLIED", "ZTE")),
        ("Sinds de sancties heeft Huawei geen toegang meer tot chips van TSMC.",
         ("Taiwan Semiconductor Manufacturing Company", "SUPPLIED", HW)),
        ("Microsoft beperkte in 2019 de levering van Windows voor Huawei-laptops.", ("Microsoft", "SUPPLIED", HW)),
        ("Door de exportregels raakte Infineon Huawei als grote klant kwijt.", ("Infineon Technologies", "SUPPLIED", HW)),
        # sanctioned for supplying a state; sellers listed after the buyer was named
        ("Brüssel hat 3HC Semiconductors wegen mutmaßlicher Lieferungen an Russland bestraft.",
         ("3HC Semiconductors", "SUPPLIED", "Russia")),
        ("Hongkongse handelaren zouden onderdelen aan Rusland hebben geleverd. Op de sanctielijst staan onder meer "
         "Alpha Trading Investments en Sinno Electronics.", ("Alpha Trading Investments", "SUPPLIED", "Russia")),
        ("Mehrere Händler sollen Chips an das russische Militär geliefert haben. Betroffen sind laut Sanktionsliste "
         "Sigma Technology und Tordan Industry.", ("Tordan Industry", "MILITARY_LINK", "military")),
        # a known company in the genitive
        ("Xiaomi nutzt weiterhin Qualcomms Modems und Googles Dienste. Xiaomi kauft Chips von Qualcomm.",
         ("Qualcomm", "SUPPLIED", "Xiaomi")),
        # subsidiaries named after their parent
        ("Huawei verliert Zugang zu US-Software. Das gilt auch für Tochterfirmen wie HiSilicon.", ("HiSilicon", "OWNED_BY", HW)),
    ],
)
def test_implied_supply_and_ownership(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(extractor, _PAD[_lang(text)] + text)


@pytest.mark.parametrize(
    "text,relation",
    [
        ("Die Bundesnetzagentur will Huawei aus den Mobilfunknetzen verbannen.", "SUPPLIED"),
        ("Het kabinet weert Huawei en ZTE uit het kernnetwerk.", "SUPPLIED"),
        ("Nokia hat Huawei aus dem Netz von Swisscom verdrängt.", "SUPPLIED"),
        ("KPN koos voor Eindhoven als vestiging van het nieuwe datacenter.", "SUPPLIED"),
        ("Huawei droht, von Chips von TSMC abgeschnitten zu werden.", "SUPPLIED"),
        ("Infineon könnte Huawei als Kunden verlieren.", "SUPPLIED"),
        ("Die Sanktionsliste umfasst Sigma Technology und Tordan Industry.", "SUPPLIED"),
        ("ASML groeit hard. Chinese dochterbedrijven als HiSilicon kopen minder.", "OWNED_BY"),
        ("Die EU erteilte Infineon eine Lizenz für Lieferungen an Russland.", "SUPPLIED"),
        ("Qualcomms Modems sind gefragt.", "SUPPLIED"),
    ],
)
def test_implied_traps(extractor: Extractor, text: str, relation: str) -> None:
    assert not {t for t in triples(extractor, _PAD[_lang(text)] + text) if t[1] == relation}


@pytest.mark.parametrize("text", [
    "Het 14e onderzoeksinstituut van CETC bouwt radars voor marineschepen.",
    "Das 14. Forschungsinstitut der CETC baut Radare für Kriegsschiffe.",
])
def test_numbered_unit_is_part_of_its_parent(extractor: Extractor, text: str) -> None:
    """A unit named after its parent is part of it, whatever else the sentence says."""
    got = triples(extractor, _PAD[_lang(text)] + text)
    cetc = "China Electronics Technology Group Corporation"
    assert ("14th Research Institute of CETC", "PART_OF", cetc) in got, got


def test_a_former_tie_is_no_ownership_and_stays_in_its_stretch(extractor: Extractor) -> None:
    """"Vroeger was X eigendom van Y", "Früher gehörte X zu Y", "Eerder bezat Y
    alle aandelen van X": what was, not what is; a present tie in the same
    sentence before the comma still counts."""
    for text in ("Vroeger was Brabant Precisie B.V. eigendom van Polder Ventures.",
                 "Früher gehörte die Elbgrund GmbH zu der Rheinfunk AG.",
                 "Eerder bezat Polder Ventures alle aandelen van Brabant Precisie B.V."):
        assert not [t for t in triples(extractor, text) if t[1] in ("OWNED_BY", "PART_OF")], text
    both = triples(extractor, "Brabant Precisie B.V. is sinds 2021 eigendom van Polder Ventures, eerder was het bedrijf "
                              "onderdeel van Veldlaser B.V.")
    assert ("Brabant Precisie B.V.", "OWNED_BY", "Polder Ventures") in both
    assert not [t for t in both if t[2].startswith("Veldlaser")]


# ---- "het bedrijf" after a passive that names its agent ---------------------------------------------
# "X werd overgenomen door Y. Het bedrijf ...": either company may be meant, so the description gives
# nothing; after an active sentence (or a passive whose agent is an authority) it is the subject.
_AGENT_PASSIVES = [
    "Kempen Optics werd in 2020 overgenomen door Saxo Capital.",
    "Kempen Optics wordt al jaren beleverd door Saxo Capital.",
    "Kempen Optics wurde 2020 von Saxo Capital übernommen.",
    "Kempen Optics wird seit Jahren von Saxo Capital beliefert.",
]
_DESCRIBED = [
    ("Het bedrijf is een dochteronderneming van Lindau Holdings.", "OWNED_BY", "Lindau Holdings"),
    ("Volgens Washington levert het bedrijf chips aan Huawei.", "SUPPLIED", "Huawei Technologies"),
    ("Das Unternehmen gehört zum Konzern Lindau Holdings.", "OWNED_BY", "Lindau Holdings"),
    ("Der Konzern liefert Chips an Huawei.", "SUPPLIED", "Huawei Technologies"),
    ("Lindau Holdings hält zehn Prozent an dem Unternehmen.", "OWNED_BY", "Lindau Holdings"),
]


@pytest.mark.parametrize("first", _AGENT_PASSIVES)
@pytest.mark.parametrize("second,relation,other", _DESCRIBED)
def test_description_after_a_passive_with_agent_is_silent(extractor: Extractor, first: str, second: str, relation: str,
                                                          other: str) -> None:
    text = first + " " + second
    got = triples(extractor, _PAD[_lang(text)] + text)
    second_facts = {t for t in got if other in (t[0], t[2]) and t[1] == relation}
    assert not second_facts, got


@pytest.mark.parametrize("first", [
    "Kempen Optics levert lenzen aan Saxo Capital.",
    "Kempen Optics liefert Linsen an Saxo Capital.",
    "Kempen Optics wurde vom US-Handelsministerium auf die Entity List gesetzt.",
])
def test_description_after_an_active_sentence_is_its_subject(extractor: Extractor, first: str) -> None:
    second = "Het bedrijf is een dochteronderneming van Lindau Holdings." if "levert" in first else \
        "Das Unternehmen gehört zum Konzern Lindau Holdings."
    text = first + " " + second
    assert ("Kempen Optics", "OWNED_BY", "Lindau Holdings") in triples(extractor, _PAD[_lang(text)] + text)


# ---- ownership, supply and bans said in more ways ------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    # a described company as the grammatical subject of a passive, or right after a verb-second verb
    ("Kempen Optics bouwt lasers. Het bedrijf werd in 2019 door Saxo Capital overgenomen.", ("Kempen Optics", "OWNED_BY", "Saxo Capital")),
    ("Kempen Optics baut Laser. Das Unternehmen wird von Saxo Capital mit Optiken versorgt.", ("Saxo Capital", "SUPPLIED", "Kempen Optics")),
    ("Kempen Optics bouwt lasers. Sinds 2021 levert de lasermaker ook aan ASML.", ("Kempen Optics", "SUPPLIED", "ASML")),
    ("Kempen Optics baut Laser. Seit 2021 beliefert der Laserhersteller auch ASML.", ("Kempen Optics", "SUPPLIED", "ASML")),
    # the customer or the owner as a bare predicate, the other company from the sentence before
    ("Kempen Optics levert lasers aan ASML. Ook Nikon is al jaren een belangrijke afnemer.", ("Kempen Optics", "SUPPLIED", "Nikon")),
    ("Kempen Optics liefert Laser an ASML. Auch Nikon ist seit 2019 ein Kunde.", ("Kempen Optics", "SUPPLIED", "Nikon")),
    ("Kempen Optics baut Laser in Jena. Hauptaktionär ist der Fonds Saxo Capital.", ("Kempen Optics", "OWNED_BY", "Saxo Capital")),
    ("Kempen Optics bouwt lasers in Delft. Grootaandeelhouder is het fonds Saxo Capital.", ("Kempen Optics", "OWNED_BY", "Saxo Capital")),
    # passive delivery with the buyer after "voor/für", an order placed, equipping, a stake bought into
    ("De lenzen voor ASML worden sinds 2020 geleverd door Kempen Optics.", ("Kempen Optics", "SUPPLIED", "ASML")),
    ("Die Optiken für ASML werden von Kempen Optics geliefert.", ("Kempen Optics", "SUPPLIED", "ASML")),
    ("Nikon plaatste een grote bestelling bij Kempen Optics.", ("Kempen Optics", "SUPPLIED", "Nikon")),
    ("Kempen Optics stattete ASML jahrelang mit Spezialoptiken aus.", ("Kempen Optics", "SUPPLIED", "ASML")),
    ("Saxo Capital ist 2022 mit 30 Prozent bei Kempen Optics eingestiegen.", ("Kempen Optics", "OWNED_BY", "Saxo Capital")),
    ("Kempen Optics hoort sinds 2015 bij het Duitse Saxo Capital.", ("Kempen Optics", "OWNED_BY", "Saxo Capital")),
    # an export licence refused or withdrawn, a ban on the described company, an export ban naming the goods
    ("Het kabinet weigerde Kempen Optics een exportvergunning voor lasers naar China.", ("Kempen Optics", "BANNED", "Netherlands")),
    ("Die Bundesregierung hat die Ausfuhrgenehmigung von Kempen Optics entzogen.", ("Kempen Optics", "BANNED", "Germany")),
    ("Kempen Optics bouwt lasers. De Nederlandse regering verbiedt het bedrijf om lasers naar Rusland te exporteren.",
     ("Kempen Optics", "BANNED", "Netherlands")),
    ("China verhängte ein Exportverbot für Galliumprodukte von Kempen Optics.", ("Kempen Optics", "BANNED", "China")),
    # "X und dessen Mutterkonzern Y" put on a list together; controlled by the state
    ("Washington setzte Kempen Optics und dessen Mutterkonzern Saxo Capital auf die Entity List.", ("Saxo Capital", "DESIGNATED", EL)),
    ("Washington setzte Kempen Optics und dessen Mutterkonzern Saxo Capital auf die Entity List.", ("Kempen Optics", "DESIGNATED", EL)),
    ("Saxo Capital wird vom chinesischen Staat kontrolliert.", ("Saxo Capital", "OWNED_BY", "China")),
    # several subsidiaries as the predicate; a maker's parts inside the buyer's products
    ("Kempen Optics und Saxo Devices sind beide Töchter der Lindau Holdings.", ("Saxo Devices", "OWNED_BY", "Lindau Holdings")),
    ("De spiegels van Kempen Optics zitten in alle scanners van ASML.", ("Kempen Optics", "SUPPLIED", "ASML")),
    ("Die Sensoren von Kempen Optics stecken in den Fahrzeugen von BMW.", ("Kempen Optics", "SUPPLIED", "BMW")),
    # the maker's goods used by a buyer in a verb-last passive
    ("Die Laser von Kempen Optics werden seit 2020 auch von ASML verwendet.", ("Kempen Optics", "SUPPLIED", "ASML")),
    # a feminine dative owner reads like a genitive
    ("Kempen Optics gehört mehrheitlich der Saxo Holding.", ("Kempen Optics", "OWNED_BY", "Saxo Holding")),
])
def test_more_wordings(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    got = triples(extractor, _PAD[_lang(text)] + text)
    assert expected in got, got


@pytest.mark.parametrize("text,relation", [
    # a ban on sales to a company is no ban on its goods
    ("Das US-Handelsministerium verhängte ein Exportverbot gegen Kempen Optics.", "BANNED"),
    ("De VS legden Kempen Optics een exportverbod op.", "BANNED"),
    ("Washington weigerde exportvergunningen voor leveringen aan Kempen Optics.", "BANNED"),
    ("Washington verweigerte Intel die Exportlizenz für Lieferungen an Kempen Optics.", "BANNED"),
    # a government in control is no owner; a possible customer is no customer
    ("Kempen Optics wird seit Oktober von der niederländischen Regierung kontrolliert.", "OWNED_BY"),
    ("Kempen Optics bouwt lasers. Nikon is een mogelijke klant.", "SUPPLIED"),
    ("Kempen Optics baut Laser. Nikon ist ein ehemaliger Kunde.", "SUPPLIED"),
    # plans
    ("Nikon will eine Bestellung bei Kempen Optics platzieren.", "SUPPLIED"),
    ("Saxo Capital will mit 30 Prozent bei Kempen Optics einsteigen.", "OWNED_BY"),
    ("Kempen Optics hoort bij de grootste lasermakers van Europa.", "OWNED_BY"),
])
def test_more_wordings_traps(extractor: Extractor, text: str, relation: str) -> None:
    assert not {t for t in triples(extractor, _PAD[_lang(text)] + text) if t[1] == relation}


# ---- a company called by its town's people, orders, fronted goods, the rest of the shares ----------------------
@pytest.mark.parametrize("text,expected", [
    # the town tied to the company by the article ("aus Jena") or by where a known company sits (Almere: ASM International)
    ("Kempen Optics aus Jena baut Laser. Die Jenaer beliefern seit 2020 auch ASML.", ("Kempen Optics", "SUPPLIED", "ASML")),
    ("Nexperia kocht machines bij ASM International. De Almeerders leveren ook aan Samsung.",
     ("ASM International", "SUPPLIED", "Samsung Electronics")),
    ("Kempen Optics uit Delft bouwt lasers. De Delftenaren leveren sinds 2022 aan ASML.", ("Kempen Optics", "SUPPLIED", "ASML")),
    # orders: won with the verb last, awarded, gone to a seller, come from a buyer
    ("Kempen Optics hat einen Großauftrag von dem chinesischen LED-Hersteller Sanan Optoelectronics erhalten.",
     ("Kempen Optics", "SUPPLIED", "Sanan Optoelectronics")),
    ("ASML vergab den Auftrag für die Spiegel an Kempen Optics.", ("Kempen Optics", "SUPPLIED", "ASML")),
    ("Bij ASML ging de opdracht voor de lenzen naar Kempen Optics.", ("Kempen Optics", "SUPPLIED", "ASML")),
    # the goods and the buyer fronted
    ("Die Laser für ASML baut seit Jahren Kempen Optics.", ("Kempen Optics", "SUPPLIED", "ASML")),
    # the rest of the shares, the company from the sentence before
    ("Saxo Capital bezit 60 procent van Kempen Optics. Het resterende belang is in handen van Lindau Holdings.",
     ("Kempen Optics", "OWNED_BY", "Lindau Holdings")),
])
def test_demonyms_orders_and_remaining_shares(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    got = triples(extractor, _PAD[_lang(text)] + text)
    assert expected in got, got


@pytest.mark.parametrize("text,wrong", [
    # the demonym of a town two companies share is no name; a nationality never is
    ("NXP en Nexperia groeien. De Nijmegenaren leveren aan Apple.", ("Nexperia", "SUPPLIED", "Apple")),
    ("NXP en Nexperia groeien. De Nijmegenaren leveren aan Apple.", ("NXP Semiconductors", "SUPPLIED", "Apple")),
    ("Kempen Optics baut Laser. Die Amerikaner kaufen Laser bei Kempen Optics.", ("Kempen Optics", "SUPPLIED", "United States")),
    # an adjective before a noun is no demonym: the plant is not the company
    ("Kempen Optics aus Jena baut Laser. Die Jenaer Universität kauft Laser bei Trumpf.", ("Trumpf", "SUPPLIED", "Kempen Optics")),
    # a received tender is a sale to the one who tendered, never a purchase from it
    ("Ericsson erhielt den Zuschlag von Vodafone.", ("Vodafone", "SUPPLIED", "Ericsson")),
    ("Kempen Optics hoopt een order binnen te halen bij ASML.", ("ASML", "SUPPLIED", "Kempen Optics")),
    # "..., maar de smartphonemaker koopt ...": the described buyer is its own subject, not the first clause's
    ("Kempen Optics leverde jarenlang lenzen aan Apple, maar de Amerikaanse smartphonemaker koopt die inmiddels bij Zeiss.",
     ("Carl Zeiss", "SUPPLIED", "Kempen Optics")),
    # the rest of the shares someone wants, or of a company no owner was given for
    ("Saxo Capital hält 60 Prozent an Kempen Optics. Die übrigen Anteile will Lindau Holdings kaufen.",
     ("Kempen Optics", "OWNED_BY", "Lindau Holdings")),
    ("Kempen Optics baut Laser. Die übrigen Anteile hält Lindau Holdings.", ("Kempen Optics", "OWNED_BY", "Lindau Holdings")),
    # the holder is the first name after the verb, not one in a clause hanging on it
    ("Saxo Capital hält 60 Prozent an Kempen Optics. Die restlichen Anteile hält der Konzern Lindau Holdings, der 2020 "
     "vergeblich versucht hatte, Siltronic zu übernehmen.", ("Kempen Optics", "OWNED_BY", "Siltronic")),
])
def test_demonyms_orders_and_remaining_shares_traps(extractor: Extractor, text: str, wrong: tuple[str, str, str]) -> None:
    assert wrong not in triples(extractor, _PAD[_lang(text)] + text)


def test_demonym_needs_a_town_and_one_company() -> None:
    from chipgraph.ingest.place_demonyms import demonyms, town_links
    links = town_links({"k1": ["Kempen Optics"]}, "Kempen Optics uit Delft", [(0, 13, "k1")])
    assert links == {"delft": {"k1"}}
    text = "De Delftenaren leveren aan ASML."
    assert demonyms(text, [], links) == [(3, 14, "k1")]
    assert demonyms("Die Amerikaner kaufen ein.", [], {"amerika": {"k1"}}) == []  # a nationality
    assert demonyms("De Delftenaren leveren.", [], {"delft": {"k1", "k2"}}) == []  # two companies in the town
    assert demonyms("Die Dresdner Fabrik liefert.", [], {"dresden": {"k1"}}) == []  # an adjective
    assert demonyms("Die Dresdner liefern.", [], {"dresden": {"k1"}}) == [(4, 12, "k1")]


# ---- who may not use, one name described, the group after its unit, possessives, orders refused, "Beide" ----------
@pytest.mark.parametrize("text,expected", [
    ("Het staatsconcern Saxo Capital groeit. Kempen Optics is een onderdeel van Lindau Holdings. Het concern bezit ook "
     "Nordkapp Sensors.", ("Nordkapp Sensors", "OWNED_BY", "Lindau Holdings")),
    ("Lindau Holdings' chipdochter Kempen Optics bouwt lasers.", ("Kempen Optics", "OWNED_BY", "Lindau Holdings")),
    ("Kempen Optics nimmt seit dem Frühjahr keine neuen Bestellungen mehr von Huawei an.", ("Kempen Optics", "SUPPLIED", "Huawei Technologies")),
    ("Washington setzte Kempen Optics und Nordkapp Sensors auf die Entity List. Beide sollen Chips an die russische Armee "
     "geliefert haben.", ("Nordkapp Sensors", "MILITARY_LINK", "military")),
    ("Het Pentagon heeft Kempen Optics aangemerkt als bedrijven die samenwerken met het Chinese leger.",
     ("Kempen Optics", "DESIGNATED", "DoD Section 1260H list")),
    ("Kempen Optics en Nordkapp Sensors, een klant van Saxo Capital, openen een fabriek.", ("Saxo Capital", "SUPPLIED", "Nordkapp Sensors")),
])
def test_group_possessive_orders_refused_and_both(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    got = triples(extractor, _PAD[_lang(text)] + text)
    assert expected in got, got


@pytest.mark.parametrize("text,wrong", [
    # who may not use something is not banned; the maker named after the negation is
    ("Volgens de Amerikaanse regering mag Kempen Optics geen Amerikaanse software meer gebruiken.",
     ("Kempen Optics", "BANNED", "United States")),
    ("Laut Bundesregierung darf Kempen Optics keine Bauteile von Huawei mehr verbauen.", ("Kempen Optics", "BANNED", "Germany")),
    # "een klant van Y" after "X en Z": only Z is the customer
    ("Kempen Optics en Nordkapp Sensors, een klant van Saxo Capital, openen een fabriek.", ("Saxo Capital", "SUPPLIED", "Kempen Optics")),
    # "het concern" after a passive naming its agent may be either company
    ("Kempen Optics werd in 2020 overgenomen door Lindau Holdings. Het concern levert lenzen aan ASML.",
     ("Lindau Holdings", "SUPPLIED", "ASML")),
    # no staff or plans are orders; a customer by possessive is no subsidiary
    ("Kempen Optics neemt geen nieuwe medewerkers meer aan van Nordkapp Sensors.", ("Kempen Optics", "SUPPLIED", "Nordkapp Sensors")),
    ("Lindau Holdings' klant Kempen Optics bouwt lasers.", ("Kempen Optics", "OWNED_BY", "Lindau Holdings")),
    ("Das Pentagon hat Kempen Optics nicht als Unternehmen eingestuft, die mit dem Militär zusammenarbeiten.",
     ("Kempen Optics", "MILITARY_LINK", "military")),
])
def test_group_possessive_orders_refused_and_both_traps(extractor: Extractor, text: str, wrong: tuple[str, str, str]) -> None:
    assert wrong not in triples(extractor, _PAD[_lang(text)] + text)


@pytest.mark.parametrize("text,expected", [
    # a state right after the verb of a clause that opens with an adverbial (verb second) is who bans
    ("Vorig jaar weerde Zweden de camera's van Kempen Optics.", ("Kempen Optics", "BANNED", "Sweden")),
    # a possessive names the owner and leaves the name after it the subject
    ("Lindau Holdings' Tochter Kempen Optics ließ Linsen bei Nordkapp Sensors fertigen.", ("Nordkapp Sensors", "SUPPLIED", "Kempen Optics")),
    ("Saxo Capital's dochter Kempen Optics laat haar lenzen maken bij Nordkapp Sensors.", ("Kempen Optics", "OWNED_BY", "Saxo Capital")),
])
def test_verb_second_state_and_possessive_subject(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(extractor, _PAD[_lang(text)] + text)


def test_possessive_owner_is_no_subject(extractor: Extractor) -> None:
    """"Saxo Capital's dochter Kempen Optics laat ... maken bij Y": the daughter has them made, not the owner."""
    text = "Saxo Capital's dochter Kempen Optics laat haar lenzen maken bij Nordkapp Sensors."
    assert ("Nordkapp Sensors", "SUPPLIED", "Saxo Capital") not in triples(extractor, _PAD["nl"] + text)


@pytest.mark.parametrize("text,expected", [
    ("Mehrheitseigner des Linsenherstellers Kempen Optics ist der Fonds Saxo Capital.", ("Kempen Optics", "OWNED_BY", "Saxo Capital")),
    ("Kempen Optics heeft als grootste aandeelhouder het Duitse Lindau Holdings.", ("Kempen Optics", "OWNED_BY", "Lindau Holdings")),
    ("Washington setzte Kempen Optics auf die Entity List. Er soll Linsen an die russische Armee verkauft haben.",
     ("Kempen Optics", "MILITARY_LINK", "military")),
    ("De EU straft Chinese elektronicabedrijven die lenzen aan het Russische leger zouden hebben geleverd. Het gaat om Kempen "
     "Optics en Nordkapp Sensors.",
     ("Kempen Optics", "MILITARY_LINK", "military")),
])
def test_owner_after_copula_pronoun_and_listed_sellers(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(extractor, _PAD[_lang(text)] + text)


@pytest.mark.parametrize("text,wrong", [
    # Dutch "er" opens a clause with no subject; a former or possible shareholder is no owner
    ("Washington zette Kempen Optics op de zwarte lijst. Er werden lenzen aan het Russische leger geleverd.",
     ("Kempen Optics", "MILITARY_LINK", "military")),
    ("Voormalig grootste aandeelhouder van Kempen Optics is Saxo Capital.", ("Kempen Optics", "OWNED_BY", "Saxo Capital")),
    ("Kempen Optics heeft als mogelijke aandeelhouder het Duitse Lindau Holdings.", ("Kempen Optics", "OWNED_BY", "Lindau Holdings")),
])
def test_owner_after_copula_pronoun_and_listed_sellers_traps(extractor: Extractor, text: str, wrong: tuple[str, str, str]) -> None:
    assert wrong not in triples(extractor, _PAD[_lang(text)] + text)


def test_goods_from_a_town_come_from_its_one_company(extractor: Extractor) -> None:
    """"beziehen Anlagen aus Herzogenrath": the one company of the article tied to that town; a town no named
    company sits in, or a town right after a name ("Aixtron aus Herzogenrath"), stays a place."""
    text = "Aixtron baut Anlagen. Auch Wolfspeed bezieht seine Anlagen aus Herzogenrath."
    assert ("Aixtron", "SUPPLIED", "Wolfspeed") in triples(extractor, _PAD["de"] + text)
    assert not triples(extractor, _PAD["nl"] + "Samsung kocht vorig jaar machines uit Veldhoven.")
    from chipgraph.ingest.place_demonyms import towns_for_companies
    text = "Aixtron aus Herzogenrath liefert."
    assert towns_for_companies(text, [(0, 7)], {"herzogenrath": {"k"}}) == []
    assert towns_for_companies("Chips aus Herzogenrath.", [], {"herzogenrath": {"k"}}) == [(10, 22, "k")]


@pytest.mark.parametrize("text,expected", [
    # a relative clause on a description stands for what the description stands for
    ("Donnersberg Optik baut Linsen. Das Unternehmen, dessen Hauptaktionär die Holding Saxo Capital ist, wächst.",
     ("Donnersberg Optik", "OWNED_BY", "Saxo Capital")),
    # after a colon a described subject is the one company named before the colon
    ("Anders sieht es beim Rivalen Donnersberg Optik aus: Die Firma wurde vom Fonds Saxo Capital übernommen.",
     ("Donnersberg Optik", "OWNED_BY", "Saxo Capital")),
])
def test_descriptions_in_relative_and_colon_clauses(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(extractor, _PAD["de"] + text)


def test_inflected_german_company_noun_is_no_part_of_the_name(extractor: Extractor) -> None:
    """"beim Konkurrenten X", "den Lieferanten X": the weak noun's "-en" / "-n" still makes it a company noun."""
    text = "Anders sieht es beim Konkurrenten Donnersberg Optik aus. Der Konzern Saxo Capital kaufte Donnersberg Optik."
    x = extractor.extract(article_from_text(_PAD["de"] + text))
    assert "Donnersberg Optik" in {e.name for e in x.entities}
    assert not any(e.name.startswith("Konkurrenten") for e in x.entities)


def test_a_company_bought_in_the_passive_is_no_supply(extractor: Extractor) -> None:
    """"X wurde vom Konzern Y gekauft": Y owns X; nothing was supplied to anyone."""
    got = triples(extractor, _PAD["de"] + "Donnersberg Optik wurde 2021 vom Konzern Saxo Capital gekauft.")
    assert ("Donnersberg Optik", "OWNED_BY", "Saxo Capital") in got
    assert not {t for t in got if t[1] == "SUPPLIED"}


@pytest.mark.parametrize("text,expected", [
    # "since" before a company's name opens a clause whose subject it is; the main clause's negation is not its own
    ("Seit Donnersberg Optik auf der Entity List steht, darf der Konzern nicht mehr frei einkaufen.",
     ("Donnersberg Optik", "DESIGNATED", "US Entity List")),
    ("Sinds Donnersberg Optics op de zwarte lijst staat, daalt de omzet.", ("Donnersberg Optics", "DESIGNATED", "US Entity List")),
    # "giant" stands for the company named before, as "the company" does
    ("Huawei wächst. Infineon liefert weiterhin Chips an den chinesischen Technologieriesen.",
     ("Infineon Technologies", "SUPPLIED", "Huawei Technologies")),
    ("Huawei groeit. De Chinese techreus koopt chips bij NXP.", ("NXP Semiconductors", "SUPPLIED", "Huawei Technologies")),
    # German "Chips" after a known company is its goods, not the end of a name
    ("Huawei hat bei Infineon Chips bestellt.", ("Infineon Technologies", "SUPPLIED", "Huawei Technologies")),
    # unknown names after a group, dealer or customer noun
    ("Ook de Japanse elektronicagroep Saxo Denki is klant van Donnersberg Optics.", ("Donnersberg Optics", "SUPPLIED", "Saxo Denki")),
    ("Washington zegt dat de afnemer, Saxo Denki, op de Amerikaanse zwarte lijst staat.", ("Saxo Denki", "DESIGNATED", "US Entity List")),
])
def test_since_clauses_giants_and_unknown_names(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(extractor, _PAD[_lang(text)] + text)


def test_since_before_a_time_stays_a_preposition(extractor: Extractor) -> None:
    """"Seit Januar steht X nicht mehr auf der Liste": a time, the clause's own negation still counts."""
    assert not triples(extractor, _PAD["de"] + "Seit Januar steht Donnersberg Optik nicht mehr auf der Entity List.")


def test_adverbs_opening_a_sentence_are_no_names(extractor: Extractor) -> None:
    """"Darunter ist der Hersteller X": "Darunter" before a copula and a company noun is no company of its own."""
    x = extractor.extract(article_from_text(_PAD["de"] + "Darunter ist der Hersteller Saxo Denki, der Chips an das Militär verkauft."))
    assert "Darunter" not in {e.name for e in x.entities}


@pytest.mark.parametrize("text,expected", [
    # both halves of a suspended compound name a maker
    ("Schweden hat die Verwendung von Huawei- und ZTE-Komponenten untersagt.", ("ZTE", "BANNED", "Sweden")),
    ("Het kabinet verbiedt het gebruik van Huawei- en ZTE-apparatuur.", ("Huawei Technologies", "BANNED", "Netherlands")),
    # goods bought named by their maker in the genitive
    ("Continental bezieht Speicherbausteine des chinesischen Herstellers CXMT.",
     ("ChangXin Memory Technologies", "SUPPLIED", "Continental")),
])
def test_suspended_compounds_and_genitive_makers(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(extractor, _PAD[_lang(text)] + text)


@pytest.mark.parametrize("text,wrong", [
    # the customers of "the company" after a sentence whose one company bought: not that buyer's customers
    ("Donnersberg Optik hat Aufträge erhalten. Der Hersteller Saxo Denki orderte Anlagen. Auch Infineon zählt zu den Kunden "
     "des Unternehmens.", ("Saxo Denki", "SUPPLIED", "Infineon Technologies")),
    # a company noun that introduces a name is no description of the company before
    ("Saxo Denki baut Chips. Auch der Leistungshalbleiterhersteller Infineon zählt zu den Kunden von Donnersberg Optik.",
     ("Saxo Denki", "SUPPLIED", "Infineon Technologies")),
    # a seller in this sentence's clause before: customers after a semicolon are not the sentence before's
    ("Wingtech kaufte Nexperia. Die Nexperia-Chips stecken in Autos von Volkswagen; auch Bosch zählt zu den Abnehmern.",
     ("Wingtech Technology", "SUPPLIED", "Robert Bosch")),
])
def test_customers_of_a_description_not_a_buyer(extractor: Extractor, text: str, wrong: tuple[str, str, str]) -> None:
    assert wrong not in triples(extractor, _PAD["de"] + text)


@pytest.mark.parametrize("text,expected", [
    # a company put on a list together with another: both are listed
    ("Huawei werd samen met ZTE op de zwarte lijst gezet.", ("ZTE", "DESIGNATED", "US Entity List")),
    ("Huawei wurde 2019 zusammen mit dem Konzern ZTE auf die Entity List gesetzt.", ("ZTE", "DESIGNATED", "US Entity List")),
    # among the companies on the list
    ("Donnersberg Optik zählt seit 2020 zu den Firmen auf der Entity List.", ("Donnersberg Optik", "DESIGNATED", "US Entity List")),
    # a share of the company as the predicate
    ("Donnersberg Optics is voor 51 procent van Saxo Capital.", ("Donnersberg Optics", "OWNED_BY", "Saxo Capital")),
])
def test_listed_together_among_listed_and_percent_of(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(extractor, _PAD[_lang(text)] + text)


@pytest.mark.parametrize("text", [
    "Huawei staat niet samen met ZTE op de lijst.",
    "Donnersberg Optik zählt zu den Firmen auf der Liste der größten Arbeitgeber.",
    "Donnersberg Optics was tot 2019 voor 51 procent van Saxo Capital.",
])
def test_listed_together_among_listed_and_percent_of_traps(extractor: Extractor, text: str) -> None:
    got = triples(extractor, _PAD[_lang(text)] + text)
    assert not {t for t in got if t[1] in ("DESIGNATED", "OWNED_BY")}, got


@pytest.mark.parametrize("text,expected", [
    ("Die US-Regierung hat neben Huawei auch SMIC auf die Entity List gesetzt.", ("Huawei Technologies", "DESIGNATED", "US Entity List")),
    ("Naast Huawei werd ook SMIC op de zwarte lijst gezet.", ("Huawei Technologies", "DESIGNATED", "US Entity List")),
    ("Huawei ist eines der Unternehmen, die auf der Entity List stehen.", ("Huawei Technologies", "DESIGNATED", "US Entity List")),
    ("Huawei gehört zu den Unternehmen, die auf die Entity List gesetzt wurden.", ("Huawei Technologies", "DESIGNATED", "US Entity List")),
])
def test_besides_and_one_of_the_listed(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(extractor, _PAD[_lang(text)] + text)


def test_not_one_of_the_listed(extractor: Extractor) -> None:
    """The main clause's negation holds for the companies its relative clause describes."""
    got = triples(extractor, _PAD["de"] + "Huawei gehört nicht zu den Unternehmen, die auf die Entity List gesetzt wurden.")
    assert not {t for t in got if t[1] == "DESIGNATED"}


@pytest.mark.parametrize("text, expected", [
    ("De spiegels komen van Velder Optics B.V. uit het Duitse Jena, een dochter van Halden AG.",
     {("Velder Optics B.V.", "OWNED_BY", "Halden AG")}),
    ("De spiegels komen van Velder Optik uit het Duitse Jena, een dochter van Halden AG.", set()),  # never the town
])
def test_a_description_after_a_company_and_its_town_is_the_companys(
        extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    got = {t for t in triples(extractor, text) if t[1] == "OWNED_BY"}
    assert got == expected


@pytest.mark.parametrize("text, expected, absent", [
    ("Velder Optics B.V. is een dochter van Hengtai Electronics, een groep die vorig jaar op de zwarte lijst werd gezet.",
     ("Hengtai Electronics", "DESIGNATED", "US Entity List"), ("Velder Optics B.V.", "DESIGNATED", "US Entity List")),
    ("Volgens ingewijden leverde ASML onderdelen aan Fujian Jinhua, de Chinese geheugenmaker die op de Amerikaanse "
     "entiteitenlijst staat.", ("Fujian Jinhua Integrated Circuit", "DESIGNATED", "US Entity List"), ("ASML", "DESIGNATED", "US Entity List")),
])
def test_a_relative_clause_after_a_description_is_about_the_name_it_describes(
        extractor: Extractor, text: str, expected: tuple[str, str, str], absent: tuple[str, str, str]) -> None:
    got = triples(extractor, text)
    assert expected in got and absent not in got


@pytest.mark.parametrize("text, expected", [
    # plural past forms the trigger lists had left out (a plural subject in a past report)
    ("Orvane Semiconductor und Calder Devices bestellten Anlagen bei ASML.", ("ASML", "SUPPLIED", "Calder Devices")),
    ("Vorig jaar stuurden Orvane Semiconductor en Calder Devices wafers naar Bosch.", ("Calder Devices", "SUPPLIED", "Robert Bosch")),
    ("Orvane Semiconductor und Calder Devices schickten Chips an Bosch.", ("Orvane Semiconductor", "SUPPLIED", "Robert Bosch")),
    ("Tessaro Holdings und Keystone Capital kontrollierten bis heute die Orvane Semiconductor GmbH.",
     ("Orvane Semiconductor GmbH", "OWNED_BY", "Keystone Capital")),
    ("Orvane Semiconductor und Calder Devices zählten Bosch zu ihren größten Kunden.", ("Calder Devices", "SUPPLIED", "Robert Bosch")),
])
def test_plural_past_forms_trigger_as_the_singular_does(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(extractor, text)


@pytest.mark.parametrize("text", [
    "Der Hersteller liefert Chips an Bosch und den chinesischen Autobauer Nio.",
    "De fabrikant levert chips aan Bosch en de Chinese autobouwer Nio.",
])
def test_a_buyer_joined_to_a_governed_buyer_is_no_seller(extractor: Extractor, text: str) -> None:
    """With the seller unnamed, the second buyer ("und den chinesischen Autobauer Nio") is still under "an"/"aan"
    and stays out of the subject's place."""
    found = triples(extractor, _PAD[_lang(text)] + text)
    assert not any(head == "Nio" for head, _, _ in found), found


def test_customers_without_a_seller_are_the_articles_company(extractor: Extractor) -> None:
    """"Zu den Kunden gehören A und B" after a sentence about a failed buyer: the customers of the company the
    article is about (named three times), not of the buyer the sentence before made its subject."""
    text = ("Die Lausitzer Pumpenwerk GmbH (LPW) baut Vakuumpumpen. LPW wächst kräftig. LPW gehört der Isar Equity "
            "Partners. Ein Verkauf an den Finanzinvestor Hubei Xinchuang Capital scheiterte, woraufhin Xinchuang sein "
            "Angebot zurückzog. Zu den verbliebenen Kunden gehören Infineon und GlobalFoundries.")
    got = {t for t in triples(extractor, _PAD["de"] + text) if t[1] == "SUPPLIED"}
    assert got == {("Lausitzer Pumpenwerk GmbH", "SUPPLIED", "Infineon Technologies"),
                   ("Lausitzer Pumpenwerk GmbH", "SUPPLIED", "GlobalFoundries")}, got


def test_goods_from_a_town_two_companies_sit_in_name_no_seller(extractor: Extractor) -> None:
    """"bezieht Anlagen aus Dresden" names the seller only when one company of the article sits there; "X GmbH (XY)
    aus Dresden" ties X to the town through its bracketed short form too."""
    one = "Die Lausitzer Pumpenwerk GmbH (LPW) aus Dresden baut Pumpen. Auch Jenoptik bezieht Anlagen aus Dresden."
    assert ("Lausitzer Pumpenwerk GmbH", "SUPPLIED", "Jenoptik") in triples(extractor, _PAD["de"] + one)
    two = ("Die Lausitzer Pumpenwerk GmbH (LPW) aus Dresden baut Pumpen. Ein Kunde ist GlobalFoundries, das in Dresden "
           "eine Fabrik betreibt. Auch Jenoptik bezieht Anlagen aus Dresden.")
    assert not any(t == "Jenoptik" for _, _, t in triples(extractor, _PAD["de"] + two))


@pytest.mark.parametrize("text", [
    "Xinrui Micro wird vom Staatskonzern China Electronics Corporation (CEC) kontrolliert.",
    "Xinrui Micro wordt gecontroleerd door het staatsconcern China Electronics Corporation (CEC).",
])
def test_a_short_form_in_brackets_is_the_name_it_follows(extractor: Extractor, text: str) -> None:
    """"vom Staatskonzern X (XY)": the bracketed short form is the same governed name, never a second party (which
    had made the owner the one owned)."""
    got = {t for t in triples(extractor, _PAD[_lang(text)] + text) if t[1] == "OWNED_BY"}
    assert got == {("Xinrui Micro", "OWNED_BY", "China Electronics Corporation")}, got


def test_a_reason_clause_about_the_company_and_a_places_genitive(extractor: Extractor) -> None:
    """"setzte X auf die Entity List, weil das Unternehmen nach Darstellung Washingtons Komponenten für Radarsysteme
    der Volksbefreiungsarmee liefert": the company is X, and neither "Washingtons Komponenten" nor "Komponenten" is one."""
    text = ("Das US-Handelsministerium setzte Xinrui Micro auf die Entity List, weil das Unternehmen nach Darstellung "
            "Washingtons Komponenten für Radarsysteme der Volksbefreiungsarmee liefert.")
    got = triples(extractor, _PAD["de"] + text)
    assert ("Xinrui Micro", "MILITARY_LINK", "military") in got, got
    assert {h for h, r, _ in got if r == "MILITARY_LINK"} == {"Xinrui Micro"}, got


@pytest.mark.parametrize("text, expected", [
    ("Kestrel Devices liefert Anlagen an SMIC, Chinas größten Auftragsfertiger.",
     {("Kestrel Devices", "SUPPLIED", "Semiconductor Manufacturing International Corporation")}),
    ("Kestrel Devices haalde vorig jaar een derde van zijn omzet uit China.", set()),
])
def test_a_country_beside_a_buyer_or_a_market_is_no_buyer(extractor: Extractor, text: str, expected: set) -> None:
    """"an SMIC, Chinas größten Auftragsfertiger": the country's genitive describes SMIC; revenue "uit China" is a
    market's share, not a sale to the state."""
    got = {t for t in triples(extractor, _PAD[_lang(text)] + text) if t[1] == "SUPPLIED"}
    assert got == expected, got


def test_the_sdn_list_named_in_dutch_is_the_sdn_list(extractor: Extractor) -> None:
    """"de SDN-lijst van het ministerie van Financiën" names the SDN List, whatever list the Treasury keeps besides."""
    text = "Ook in de Verenigde Staten staat het bedrijf Mikron op de SDN-lijst van het ministerie van Financiën."
    got = {t for t in triples(extractor, _PAD["nl"] + text) if t[1] == "DESIGNATED"}
    assert got == {("Mikron", "DESIGNATED", "SDN List")}, got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Die Varnis Handels GmbH verkauft Chips. Varnis gehört dem russischen Geschäftsmann Pawel Orlov.",
         ("Varnis Handels GmbH", "OWNED_BY", "Pawel Orlov")),
        ("Het bedrijf Brabant Optics is voor 80 procent van Orin Capital. De overige 20 procent is in handen van medeoprichter "
         "Ine van der Berg.", ("Brabant Optics", "OWNED_BY", "Ine van der Berg")),
    ],
)
def test_people_named_by_their_role_own_companies(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(extractor, text)


def test_a_role_noun_before_a_common_noun_names_no_one(extractor: Extractor) -> None:
    x = extractor.extract(article_from_text("Die Gründer verkauften ihre Anteile an Orin Capital im Jahr 2020."))
    assert not [e for e in x.entities if e.type.value == "PERSON"]


def test_both_buyers_of_sowohl_als_auch(extractor: Extractor) -> None:
    got = triples(extractor, "Die Orvane Vakuum GmbH beliefert sowohl Piotech als auch die Calder Devices GmbH mit Pumpen.")
    assert {("Orvane Vakuum GmbH", "SUPPLIED", "Piotech"), ("Orvane Vakuum GmbH", "SUPPLIED", "Calder Devices GmbH")} <= got, got


@pytest.mark.parametrize(
    "text",
    [
        "In Washington gaan stemmen op om ook Orvane Semiconductor op de entiteitenlijst te zetten.",
        "Abgeordnete drängen darauf, um Orvane Semiconductor auf die Entity List zu setzen.",
    ],
)
def test_a_call_to_list_lists_no_one(extractor: Extractor, text: str) -> None:
    got = triples(extractor, text)
    assert not any(r == "DESIGNATED" for _, r, _ in got), got


def test_a_name_written_later_without_its_leading_legal_form(extractor: Extractor) -> None:
    got = triples(extractor, "Die russische AO Granit baut Radare. Granit steht seit 2022 auf der Entity List.")
    assert ("AO Granit", "DESIGNATED", "US Entity List") in got, got


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        # a relative clause after a description set beside the name is about the name
        ("De machinebouwer leverde scanners aan Kelvane Semiconductor, de grootste chipmaker van het land, die al sinds "
         "december 2020 op de Amerikaanse zwarte lijst staat.",
         {("Kelvane Semiconductor", "DESIGNATED", "US Entity List")}, set()),
        ("Die Anlagen gingen an Kelvane Semiconductor, den größten Chiphersteller des Landes, der seit 2020 auf der "
         "Entity List steht.", {("Kelvane Semiconductor", "DESIGNATED", "US Entity List")}, set()),
        # ... and so is one with no comma before it, after "een fabriek in <town>"
        ("Aan Orvane Chips, een fabriek in Shenzhen die sinds december op de Amerikaanse entiteitenlijst staat, heeft "
         "Tessaro Lithography naar eigen zeggen nooit machines geleverd.",
         {("Orvane Chips", "DESIGNATED", "US Entity List")},
         {("Tessaro Lithography", "DESIGNATED", "US Entity List"), ("Tessaro Lithography", "SUPPLIED", "Orvane Chips")}),
        # "Das Unternehmen gehört dem Investor Y und beliefert Z": the company supplies Z, not its owner
        ("Die Saale Optronik GmbH baut Lasermodule. Das Unternehmen gehört seit 2019 mehrheitlich dem Münchner "
         "Finanzinvestor Isar Partners und beliefert unter anderem Tessaro Optics.",
         {("Saale Optronik GmbH", "SUPPLIED", "Tessaro Optics"), ("Saale Optronik GmbH", "OWNED_BY", "Isar Partners")},
         {("Isar Partners", "SUPPLIED", "Tessaro Optics")}),
        # holders after the first share with the verb left out; they are no list of companies held
        ("Das Werk in Dresden ist ein Gemeinschaftsunternehmen. Tessaro Semiconductor hält 70 Prozent an der Orvane Fab "
         "GmbH, Kelvane Auto, Calder Devices und Brightwave Chips jeweils zehn Prozent.",
         {("Orvane Fab GmbH", "OWNED_BY", "Tessaro Semiconductor"), ("Orvane Fab GmbH", "OWNED_BY", "Kelvane Auto"),
          ("Orvane Fab GmbH", "OWNED_BY", "Brightwave Chips")},
         {("Kelvane Auto", "OWNED_BY", "Tessaro Semiconductor"), ("Calder Devices", "OWNED_BY", "Tessaro Semiconductor")}),
        ("Tessaro Holdings bezit 60 procent van Orvane Semiconductor, Kelvane Capital en Calder Devices elk 20 procent.",
         {("Orvane Semiconductor", "OWNED_BY", "Kelvane Capital"), ("Orvane Semiconductor", "OWNED_BY", "Calder Devices")},
         {("Kelvane Capital", "OWNED_BY", "Tessaro Holdings")}),
        ("An der Orvane Sensorik GmbH hält der Bund 25,1 Prozent, der italienische Rüstungskonzern Tessaro Holdings knapp "
         "23 Prozent.", {("Orvane Sensorik GmbH", "OWNED_BY", "Germany"), ("Orvane Sensorik GmbH", "OWNED_BY", "Tessaro Holdings")},
         set()),
        ("Orvane Semiconductor levert aan Kelvane Mobile, Calder Devices en Brightwave Phones, die samen 40 procent van de "
         "omzet uitmaken.", {("Orvane Semiconductor", "SUPPLIED", "Calder Devices")},
         {("Orvane Semiconductor", "OWNED_BY", "Calder Devices")}),
        # "keinerlei" denies as "keine" does
        ("Die Hefei Orvane Capital wurde 2020 gegründet. Die Orvane Capital erklärte, sie sei ein rein ziviler "
         "Finanzinvestor und habe keinerlei Verbindungen zum Militär.", set(), {("Hefei Orvane Capital", "MILITARY_LINK", "military")}),
        # "Distribution" and "Aero" end company names
        ("Volgens het OM kocht Maasland Trading de onderdelen bij Kelvane Distribution, een groothandel uit Hamburg.",
         {("Kelvane Distribution", "SUPPLIED", "Maasland Trading")}, set()),
        ("Die Ermittler haben die Lieferkette rekonstruiert. Kelvane Aero verkaufte mindestens 350 Motoren an Orvane "
         "Drones, den Drohnenhersteller im russischen Ischewsk.", {("Kelvane Aero", "SUPPLIED", "Orvane Drones")}, set()),
    ],
)
def test_descriptions_before_relative_clauses_described_subjects_and_name_tails(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]], absent: set[tuple[str, str, str]]
) -> None:
    got = triples(extractor, text)
    assert expected <= got, got
    assert not absent & got, absent & got


UNIT = "13th Research Institute of CETC"
CETC = "China Electronics Technology Group Corporation"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Brabant Vacuum Systems leverde vorig jaar een depositiemachine aan het 13e Onderzoeksinstituut van CETC, "
         "een militair instituut in Shijiazhuang.",
         {("Brabant Vacuum Systems", "SUPPLIED", UNIT), (UNIT, "PART_OF", CETC), (UNIT, "MILITARY_LINK", "military")}),
        ("Aixtron hat zwei Anlagen an das 13. Forschungsinstitut der CETC geliefert.",
         {("Aixtron", "SUPPLIED", UNIT), (UNIT, "PART_OF", CETC)}),
        ("Aixtron hat zwei Anlagen an das 13. Forschungsinstitut der China Electronics Technology Group (CETC) geliefert.",
         {("Aixtron", "SUPPLIED", "13th Research Institute of China Electronics Technology Group"),
          ("13th Research Institute of China Electronics Technology Group", "PART_OF", CETC)}),
    ],
)
def test_a_numbered_unit_is_one_party_with_its_parents_name(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    """The parent named inside a numbered unit's name is neither seller nor
    buyer nor what a description after the name describes; a capitalised
    unit noun after the ordinal and a German ordinal's full stop change
    nothing."""
    got = triples(extractor, _PAD[_lang(text)] + text)
    assert got == expected, got


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        ("ASML levert zijn machines onder meer aan TSMC en aan de chipfabriek van Bosch in Dresden.",
         {("ASML", "SUPPLIED", "Taiwan Semiconductor Manufacturing Company"), ("ASML", "SUPPLIED", "Robert Bosch")}, set()),
        ("Aixtron hat Anlagen an die neue Fabrik von Bosch geliefert.", {("Aixtron", "SUPPLIED", "Robert Bosch")}, set()),
        # a plant where something stands, not where goods go
        ("ASML heeft een scanner in de fabriek van Bosch geïnstalleerd.", set(), {("ASML", "SUPPLIED", "Robert Bosch")}),
    ],
)
def test_goods_delivered_to_a_companys_plant_go_to_the_company(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]], absent: set[tuple[str, str, str]]
) -> None:
    got = triples(extractor, _PAD[_lang(text)] + text)
    assert expected <= got and not absent & got, got


@pytest.mark.parametrize(
    "text, expected",
    [
        # the next clause's negation is its own
        ("SMIC ist seit 2020 auf der Entity List und darf keine Anlagen beziehen.", {(SMIC, "DESIGNATED", EL)}),
        ("SMIC staat sinds 2020 op de Entity List en mag geen machines meer kopen.", {(SMIC, "DESIGNATED", EL)}),
        ("SMIC steht nicht auf der Entity List und darf Anlagen beziehen.", set()),
        # a relative clause after a description that names a country is about the name the description stands beside
        ("ASML leverde machines aan SMIC, de grootste chipmaker van China, die sinds 2020 op de Amerikaanse Entity List staat.",
         {("ASML", "SUPPLIED", SMIC), (SMIC, "DESIGNATED", EL)}),
        ("Aixtron beliefert SMIC, den größten Chiphersteller Chinas, der seit 2020 auf der Entity List steht.",
         {("Aixtron", "SUPPLIED", SMIC), (SMIC, "DESIGNATED", EL)}),
    ],
)
def test_listing_read_past_a_joined_clause_and_a_description(extractor: Extractor, text: str,
                                                              expected: set[tuple[str, str, str]]) -> None:
    assert triples(extractor, _PAD[_lang(text)] + text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a singular relative pronoun after a list is about its last name; a town after "in" is where, not whom
        ("Tot de klanten van BPO behoren TNO en Thales Nederland in Hengelo, dat radars voor de Koninklijke Marine bouwt.",
         {("Thales Nederland", "MILITARY_LINK", "military")}),
        ("Die Ermittlungen führte das Zollkriminalamt in Köln, das zur Generalzolldirektion gehört.",
         {("Zollkriminalamt", "PART_OF", "Generalzolldirektion")}),
    ],
)
def test_a_relative_clause_after_a_town_and_a_singular_pronoun(extractor: Extractor, text: str,
                                                                expected: set[tuple[str, str, str]]) -> None:
    got = {t for t in triples(extractor, _PAD[_lang(text)] + text) if t[1] in ("MILITARY_LINK", "PART_OF")}
    assert got == expected, got


_ANNOUNCED_MILITARY = {("Qingshan Optics", "MILITARY_LINK", "military"), ("Hubei Rongda Electronics", "MILITARY_LINK", "military"),
                       ("Qingshan Optics", "DESIGNATED", "US Entity List")}


@pytest.mark.parametrize(
    "text, military",
    [
        (_PAD["de"] + "Das US-Handelsministerium hat 23 Firmen auf die Entity List gesetzt, weil sie das chinesische Militär "
         "unterstützt haben sollen. Betroffen sind unter anderem der Optikhersteller Qingshan Optics und Hubei Rongda Electronics.",
         True),
        (_PAD["nl"] + "Washington heeft twintig Chinese bedrijven op de zwarte lijst gezet wegens hun steun aan het Chinese leger. "
         "Daaronder zijn Qingshan Optics en Hubei Rongda Electronics.", True),
        # the reason in a sentence about the listed companies between the listing and the names
        (_PAD["de"] + "Das US-Handelsministerium hat 23 Firmen auf die Entity List gesetzt. Die Firmen sollen die Modernisierung "
         "des chinesischen Militärs unterstützt haben. Betroffen sind unter anderem Qingshan Optics und Hubei Rongda Electronics.",
         True),
        # no reason given: the members are listed, no more
        (_PAD["de"] + "Das US-Handelsministerium hat 23 Firmen auf die Entity List gesetzt. "
         "Betroffen sind unter anderem Qingshan Optics und Hubei Rongda Electronics.", False),
        (_PAD["nl"] + "Washington heeft twintig Chinese bedrijven op de zwarte lijst gezet. "
         "Daaronder zijn Qingshan Optics en Hubei Rongda Electronics.", False),
    ],
)
def test_members_named_after_a_listing_share_its_military_reason(extractor: Extractor, text: str, military: bool) -> None:
    got = triples(extractor, text)
    assert ("Qingshan Optics", "DESIGNATED", "US Entity List") in got
    assert (_ANNOUNCED_MILITARY <= got) == military, got
    assert military or not {t for t in got if t[1] == "MILITARY_LINK"}


def test_holders_in_a_while_clause_each_hold_a_share(extractor: Extractor) -> None:
    """"..., während A und B jeweils zehn Prozent besitzen": a clause of its own
    names more holders of the same company, every one of them."""
    got = triples(extractor, _PAD["de"] + "An der Orvane Foundry hält Tessel Semiconductor 70 Prozent, während Calder Devices "
                                          "und Infineon jeweils zehn Prozent besitzen.")
    assert {("Orvane Foundry", "OWNED_BY", n) for n in ("Tessel Semiconductor", "Calder Devices", "Infineon Technologies")} <= got


@pytest.mark.parametrize(
    "text, expected",
    [
        (_PAD["de"] + "Die Wafer bezieht Elbtal Chips von Orvane Dresden, der sächsischen Tochter des US-Auftragsfertigers "
                      "Orvane Foundries. Dieser gehört mehrheitlich dem Staatsfonds Tessel Capital aus Abu Dhabi.",
         ("Orvane Foundries", "OWNED_BY", "Tessel Capital")),
        (_PAD["de"] + "Kestrel Wafer ist eine Tochter der Ningbo Kalvex Technology, die mehrheitlich dem Staatsfonds "
                      "Ningbo Tessel Capital gehört. Dieser wird von der Stadt Ningbo kontrolliert.",
         ("Ningbo Tessel Capital", "OWNED_BY", "Ningbo")),
        (_PAD["nl"] + "Kestrel Wafer koopt bij Orvane Foundries. Deze is in handen van Tessel Capital.",
         ("Orvane Foundries", "OWNED_BY", "Tessel Capital")),
    ],
)
def test_a_demonstrative_pronoun_subject_is_the_name_the_sentence_before_ended_on(
        extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    got = triples(extractor, text)
    assert expected in got, got
    assert not {t for t in got if t[2] == expected[2] and t[0] != expected[0] and t[1] == "OWNED_BY"}, got


def test_die_opening_a_sentence_with_its_verb_is_the_name_the_sentence_before_ended_on(extractor: Extractor) -> None:
    got = triples(extractor, _PAD["nl"] + "Twente Optics levert zijn lasermodules aan de Chinese transceiverfabrikant Kelvane "
                                          "Photonics. Die verkoopt ze volgens twee ingewijden door aan Tessel Servers, een Chinese servermaker.")
    assert ("Kelvane Photonics", "SUPPLIED", "Tessel Servers") in got
    assert ("Twente Optics", "SUPPLIED", "Tessel Servers") not in got
