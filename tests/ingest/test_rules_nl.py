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
