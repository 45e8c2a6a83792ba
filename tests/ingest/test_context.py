"""Facts that need more than one sentence or more than the parse gives:
lists named once and carried, members given after a colon or one a line,
what "it" and "the company" stand for, counts that stand for names, and
clauses the parser hangs in the wrong place.  Every sentence is our own."""

from __future__ import annotations

import pytest

from chipgraph.ingest import Extractor, article_from_text
from chipgraph.ingest.evaluation import norm


def _facts(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    ex = extractor.extract(article_from_text(text))
    names = {e.id: e for e in ex.entities}
    out = set()
    for r in ex.relations:
        for h in (names[r.head].name, *names[r.head].aliases):
            for t in (names[r.tail].name, *names[r.tail].aliases):
                out.add((norm(h), r.type.name, norm(t)))
    return out


CARRIED = [
    # the list named once, then members in a later sentence
    ("The Commerce Department put four Chinese firms on the Entity List on Tuesday. "
     "The firms are Alpha Microelectronics Co., Beta Semiconductor Ltd and Gamma Electronics Corp.",
     [("Beta Semiconductor", "DESIGNATED", "US Entity List"), ("Gamma Electronics", "DESIGNATED", "US Entity List")]),
    ("Washington added five companies to the Entity List: Alpha Microelectronics Co., Beta Semiconductor Ltd. and Gamma Electronics Corp.",
     [("Alpha Microelectronics", "DESIGNATED", "US Entity List"), ("Gamma Electronics", "DESIGNATED", "US Entity List")]),
    ("The Pentagon added several groups to its list of Chinese military companies. The additions include:\n"
     "- Sugon\n- Inspur Group (Inspur)\n- Hygon Information Technology",
     [("Sugon", "DESIGNATED", "DoD Section 1260H list"), ("Hygon Information Technology", "MILITARY_LINK", "military")]),
    ("The End-User Review Committee placed Orvane Microwave on the Entity List. The committee also added Pellick Analog Co. and Tarsa Semiconductor Ltd.",
     [("Pellick Analog", "DESIGNATED", "US Entity List"), ("Tarsa Semiconductor", "DESIGNATED", "US Entity List")]),
    ("The Pentagon list now includes Sugon. Also on the Pentagon list is Inspur.",
     [("Sugon", "DESIGNATED", "DoD Section 1260H list"), ("Inspur", "DESIGNATED", "DoD Section 1260H list")]),
    # the listing names the reason, and the listed does what the reason says
    ("The Commerce Department put four Chinese firms on its blacklist for shipping parts to Russian military contractors. "
     "The firms are Alpha Microelectronics Co., Beta Semiconductor Ltd and Gamma Electronics Corp.",
     [("Alpha Microelectronics", "MILITARY_LINK", "military")]),
    # counts and descriptions that stand for names
    ("Moore Threads and Biren Technology, two of the best-funded GPU designers, were added to the Entity List in October.",
     [("Moore Threads", "DESIGNATED", "US Entity List"), ("Biren Technology", "DESIGNATED", "US Entity List")]),
    ("Anhui Taiyu Semiconductor makes power chips. The company is owned by Sunfield Holdings. It was added to the Entity List in 2023.",
     [("Anhui Taiyu Semiconductor", "OWNED_BY", "Sunfield Holdings"), ("Anhui Taiyu Semiconductor", "DESIGNATED", "US Entity List")]),
    # a reduced relative read as the main verb, members after the colon (one of them a name NER took for a place)
    ("Washington updated the Entity List on Monday. The three firms added to the list are little known outside China: "
     "Qiantang Microsystems Co., Vantor Photonics Ltd. and Higon.",
     [("Qiantang Microsystems", "DESIGNATED", "US Entity List"), ("Higon", "DESIGNATED", "US Entity List")]),
    # "all three" standing for the three names of one enumeration
    ("Regulators named Sugon, Inspur and Hygon Information Technology in a report that identified all three as having ties with the Chinese military.",
     [("Sugon", "MILITARY_LINK", "military"), ("Hygon Information Technology", "MILITARY_LINK", "military")]),
    # the list hangs on the last conjunct; the reason for the listing names the military
    ("The Commerce Department added Yantai Corvane Optics Co., Ltd. and nine other entities to its trade blacklist, "
     "citing their support for China's military modernisation.",
     [("Yantai Corvane Optics", "DESIGNATED", "US Entity List"), ("Yantai Corvane Optics", "MILITARY_LINK", "military")]),
    # a description in apposition carries the name it describes
    ("Pengrui Holdings, a state investment vehicle controlled by the Shenzhen municipal government, owns the plant.",
     [("Pengrui Holdings", "OWNED_BY", "Shenzhen")]),
    # a reason for a listing: helping the military acquire technology
    ("The Commerce Department said Hongxin Semiconductor had sought to acquire American technology for China's military end users.",
     [("Hongxin Semiconductor", "MILITARY_LINK", "military")]),
    # an object "it" is not its own clause's subject
    ("Lumina Memory makes memory chips in Hefei. Kestrel Devices holds a stake in the firm and buys wafers from it.",
     [("Lumina Memory", "SUPPLIED", "Kestrel Devices")]),
    # the unit named before its noun when the owner is a possessive; the leader of a buying consortium
    ("Toshiba sold shares after the bankruptcy of its Westinghouse subsidiary, a nuclear plant builder.",
     [("Westinghouse", "OWNED_BY", "Toshiba")]),
    ("Kioxia was bought in 2018 by a consortium led by Bain Capital.", [("Kioxia", "OWNED_BY", "Bain Capital")]),
    # "the three telcos" stands for the three just named; the Pentagon's list before 2021 is the 1237 list
    ("Regulators examined China Mobile, China Telecom and China Unicom. The Pentagon later added the three telcos to its list of "
     "Chinese military companies.",
     [("China Unicom", "DESIGNATED", "DoD Section 1260H list"), ("China Mobile", "MILITARY_LINK", "military")]),
    ("Pentagon adds Chinese firms\n\nPublished 2020-12-03\n\nThe Pentagon list now includes Sugon and Inspur.",
     [("Sugon", "DESIGNATED", "DoD Section 1237 list")]),
    # "Communist Chinese military" is the Section 1237 list's own wording, whatever the article's date
    ("Xiaomi wins a reprieve\n\nPublished 2022-05-04\n\nXiaomi was designated a Communist Chinese military company by "
     "the Pentagon in January 2021. Inspur was designated a Chinese military company by the Pentagon in 2022.",
     [("Xiaomi", "DESIGNATED", "DoD Section 1237 list"), ("Inspur", "DESIGNATED", "DoD Section 1260H list")]),
    # clauses the parser attaches in the wrong place
    ("Lawmakers said Washington should add CXMT to the Entity List after Beijing last week banned the sale of chips made by Micron.",
     [("Micron Technology", "BANNED", "China")]),
    ("Last year Beijing imposed a ban in March preventing Micron from selling memory in China.",
     [("Micron Technology", "BANNED", "China")]),
    ("Arm Ltd. (currently controlled by SoftBank) licenses its designs worldwide.",
     [("Arm Ltd", "OWNED_BY", "SoftBank")]),
    ("ATIC is a subsidiary of Mubadala Investment Company, which is itself wholly owned by the government of Abu Dhabi.",
     [("Mubadala Investment Company", "OWNED_BY", "Abu Dhabi"), ("ATIC", "OWNED_BY", "Mubadala Investment Company")]),
    # a state as buyer, named as its government
    ("Drone maker DJI was accused of providing cameras to the Chinese government.", [("DJI", "SUPPLIED", "China")]),
    # suppliers whose legal form the parser makes the head
    ("Yangtze Memory Technologies Co. lost support from key suppliers including KLA Corp. and Lam Research Corp.",
     [("KLA", "SUPPLIED", "Yangtze Memory Technologies"), ("Lam Research", "SUPPLIED", "Yangtze Memory Technologies")]),
]


@pytest.mark.parametrize(("text", "expected"), CARRIED)
def test_facts_read_across_sentences_and_misparses(extractor: Extractor, text: str, expected: list[tuple[str, str, str]]) -> None:
    got = _facts(extractor, text)
    for h, t, tl in expected:
        assert (norm(h), t, norm(tl)) in got, (text, sorted(got))


NOTHING = [
    # "the company" after two names stands for neither
    ("Pinecrest Analog tested an amplifier with Sichuan Zhenlong Electronics. The company is owned by Tianma Capital.", "OWNED_BY"),
    # an "its" inside a description of X is not X
    ("Apple, its largest customer, said it would stop buying from the firm.", "SUPPLIED"),
    # removing from a list, and a ministry taking control, are not facts of those types
    ("The regulator removed Hikvision from the Entity List.", "DESIGNATED"),
    ("The Ministry of Economic Affairs took control of Nexperia for a year.", "OWNED_BY"),
    # an acronym of a term is no company
    ("A Chinese graphics processing unit (GPU) start-up that was put on a US trade blacklist unveiled a new card.", "DESIGNATED"),
    # a conjunct the text excludes
    ("TSMC's customers include Apple, but not Huawei.", "SUPPLIED-Huawei"),
    # a possessor the parser made a conjunct is the owner of the item, not an item
    ("Lenovo is a distribution partner for Nvidia's chips, along with Inspur, Sugon and Huawei's server unit, xFusion.", "SUPPLIED-Huawei"),
    # "all three" when the three names are not one enumeration stands for nobody
    ("The exchange said it would delist Sugon after a report that identified all three as having ties with the military.", "MILITARY_LINK"),
    # supplying defence-linked customers is not a military link of the seller
    ("ASML sold parts to Chinese entities with defence links.", "MILITARY_LINK"),
    # a denial read on the surface even when the parse is wrong
    ("Hikvision rejects claims that it has ties to the People's Liberation Army.", "MILITARY_LINK"),
]


@pytest.mark.parametrize(("text", "rtype"), NOTHING)
def test_no_fact_of_that_type(extractor: Extractor, text: str, rtype: str) -> None:
    rtype, _, tail = rtype.partition("-")  # "SUPPLIED-Huawei": no such fact with that tail
    assert not [f for f in _facts(extractor, text) if f[1] == rtype and (not tail or f[2].startswith(norm(tail)))], text


@pytest.mark.parametrize("text", [
    "The Pentagon named Kestrel Avionics Co. among Chinese military companies.",
    "Last week the Defense Department listed Orvane Microwave Ltd. among military end users.",
])
def test_a_description_after_the_object_describes_the_object_not_the_lister(extractor: Extractor, text: str) -> None:
    got = _facts(extractor, text)
    assert not {f for f in got if f[1] == "MILITARY_LINK" and ("pentagon" in f[0] or "defense" in f[0])}, got


@pytest.mark.parametrize("text", [
    "The Commerce Department fined Corvane Systems for selling radios to Halder Mobile.",
    "Prosecutors charged Corvane Systems with selling radios to Halder Mobile.",
    "Brixham Labs sued Corvane Systems for selling radios to Halder Mobile.",
])
def test_the_one_penalised_did_it(extractor: Extractor, text: str) -> None:
    """"fined X for selling to Y", "charged X with selling": X sold, never
    the authority or plaintiff (the lemmatiser reads "fined" as "fin")."""
    got = {f for f in _facts(extractor, text) if f[1] == "SUPPLIED"}
    assert got == {(norm("Corvane Systems"), "SUPPLIED", norm("Halder Mobile"))}, got
