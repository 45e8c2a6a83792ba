"""Extraction on articles we wrote and annotated (fixtures/), plus traps that
must not become facts.  Uses the real spaCy model, loaded once (conftest)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from chipgraph.graph.model import EntityType, MILITARY_ID, RelationType
from chipgraph.ingest import Extractor, article_from_text, evaluate, read_article, to_prediction
from chipgraph.ingest.evaluation import score_predictions

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
SCORER = SEEDS.parent / "eval" / "score.py"


def triples(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    x = extractor.extract(article_from_text(text))
    names = {e.id: e.name for e in x.entities}
    return {(names[r.head], r.type.value, names[r.tail]) for r in x.relations if r.type != RelationType.OTHER}


def test_fixture_gold(extractor: Extractor, fixtures: Path) -> None:
    report = evaluate(fixtures / "gold.jsonl", fixtures / "articles", extractor)
    assert report.precision == 1.0, report.errors()
    assert report.recall >= 0.85, report.errors()
    for t, v in report.by_type().items():
        assert v["f1"] >= 0.8, (t, report.errors())


def test_hard_fixture_floor(extractor: Extractor, fixtures: Path) -> None:
    """fixtures/hard: articles written to cover every wording of the
    annotation rules, in varied syntax, annotated strictly.  Not all of it is
    found yet (``chipgraph eval tests/ingest/fixtures/hard/gold.jsonl
    tests/ingest/fixtures/hard/articles`` lists what is missed: unknown names,
    "the company" meaning an earlier name, sentences the parser joins); this
    keeps what is found from slipping."""
    report = evaluate(fixtures / "hard" / "gold.jsonl", fixtures / "hard" / "articles", extractor)
    assert report.precision >= 0.95, report.errors()
    assert report.recall >= 0.80, report.errors()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("GTA Semiconductor, which is owned by China Electronics Corporation, makes analogue chips.",
         ("GTA Semiconductor", "OWNED_BY", "China Electronics Corporation")),
        ("Xian Photon Devices is a subsidiary of Naura Technology Group.",
         ("Xian Photon Devices", "OWNED_BY", "Naura Technology Group")),
        ("Wingtech Technology owns Nexperia, the Dutch chipmaker.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
        ("Beijing Chipline Systems, a unit of Inspur, builds servers.", ("Beijing Chipline Systems", "PART_OF", "Inspur")),
        ("The 58th Research Institute of CETC designs radiation-hardened chips.",
         ("58th Research Institute of CETC", "PART_OF", "China Electronics Technology Group Corporation")),
        ("Tokyo Electron shipped etching tools to Hua Hong Semiconductor in May.",
         ("Tokyo Electron", "SUPPLIED", "Hua Hong Semiconductor")),
        ("Hygon received Applied Materials equipment last year.", ("Applied Materials", "SUPPLIED", "Hygon Information Technology")),
        ("YMTC was added to the Entity List in December 2022.", ("Yangtze Memory Technologies", "DESIGNATED", "US Entity List")),
        ("The Cyberspace Administration of China (CAC) bans the use of Micron chips in critical infrastructure.",
         ("Micron Technology", "BANNED", "Cyberspace Administration of China")),
        ("Sugon, a supplier to the army, makes supercomputers.", ("Sugon", "MILITARY_LINK", "military")),
        ("Nexperia, the Dutch chipmaker owned by China's Wingtech Technology, makes discrete chips.",
         ("Nexperia", "OWNED_BY", "Wingtech Technology")),
        ("Wingtech Technology bought a controlling stake in Nexperia in 2018.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
        ("The Commerce Department's Bureau of Industry and Security added 36 companies to the list.",
         ("Bureau of Industry and Security", "PART_OF", "US Department of Commerce")),
        ("Hua Hong Semiconductor relies on ASML for its lithography machines.", ("ASML", "SUPPLIED", "Hua Hong Semiconductor")),
        ("Huawei used chips made by TSMC in its phone, a teardown showed.",
         ("Taiwan Semiconductor Manufacturing Company", "SUPPLIED", "Huawei Technologies")),
        ("Hikvision was named in the Pentagon's list of Chinese military companies.", ("Hikvision", "DESIGNATED", "DoD Section 1260H list")),
        ("Hikvision was named in the Pentagon's list of Chinese military companies.", ("Hikvision", "MILITARY_LINK", "military")),
        ("The US placed Inspur on a trade blacklist in 2023.", ("Inspur", "DESIGNATED", "US Entity List")),
        ("Kessler Trading was added to the EU sanctions list in June.", ("Kessler Trading", "DESIGNATED", "EU sanctions list")),
        ("Die Velmar Avionik GmbH steht seit 2022 auf der Sanktionsliste der EU.",
         ("Velmar Avionik GmbH", "DESIGNATED", "EU sanctions list")),
        ("Kessler Trading staat sinds juni op de EU-sanctielijst.", ("Kessler Trading", "DESIGNATED", "EU sanctions list")),
        # "the plant", "the Xi'an university": the organisation named before with that noun
        ("Kessler shipped parts to the Ryazan State Instrument Plant. The plant is part of KRET, the avionics holding.",
         ("Ryazan State Instrument Plant", "PART_OF", "KRET")),
        ("Harbin Orbital bought chips from Northwestern Polytechnical University. The Xi'an university is on the Entity List.",
         ("Northwestern Polytechnical University", "DESIGNATED", "US Entity List")),
        ("Sixty percent of Harlan Bay Trading is owned by Qinghe Avionics.", ("Harlan Bay Trading", "OWNED_BY", "Qinghe Avionics")),
        # "der US-Konzern": the country in the description is no party of its own
        ("GlobalFoundries betreibt in Dresden eine Fabrik. Der US-Konzern gehört mehrheitlich dem Staatsfonds Mubadala aus Abu Dhabi.",
         ("GlobalFoundries", "OWNED_BY", "Mubadala")),
        ("Hikvision has close ties to the Chinese military, US officials say.", ("Hikvision", "MILITARY_LINK", "military")),
        ("China barred operators of critical infrastructure from buying Micron chips.", ("Micron Technology", "BANNED", "China")),
        ("The Commerce Department said it was adding 140 entities to the Entity List, including Naura Technology Group.",
         ("Naura Technology Group", "DESIGNATED", "US Entity List")),
        ("In december werd YMTC, een Chinese fabrikant van geheugenchips, op de entity list geplaatst.",
         ("Yangtze Memory Technologies", "DESIGNATED", "US Entity List")),
        ("Nexperia gehört zum chinesischen Konzern Wingtech Technology.", ("Nexperia", "OWNED_BY", "Wingtech Technology")),
        ("ASML may have supplied spare parts to SMIC in 2023, the documents suggest.",
         ("ASML", "SUPPLIED", "Semiconductor Manufacturing International Corporation")),
        ("Hua Hong Semiconductor said it had received ASML products through a distributor.",
         ("ASML", "SUPPLIED", "Hua Hong Semiconductor")),
        ("Two ASML scanners were shipped to Hua Hong Semiconductor in March.", ("ASML", "SUPPLIED", "Hua Hong Semiconductor")),
        ("Hygon Information Technology joined the trade blacklist in 2019.",
         ("Hygon Information Technology", "DESIGNATED", "US Entity List")),
        ("The 1260H list now includes ChangXin Memory Technologies.",
         ("ChangXin Memory Technologies", "DESIGNATED", "DoD Section 1260H list")),
        ("ChangXin Memory Technologies counts Tokyo Electron among its suppliers.",
         ("Tokyo Electron", "SUPPLIED", "ChangXin Memory Technologies")),
        ("SMIC took delivery of etching tools from Naura Technology Group.",
         ("Naura Technology Group", "SUPPLIED", "Semiconductor Manufacturing International Corporation")),
        ("Sugon, a supercomputer maker with close ties to the army, denied buying chips from Intel.", ("Sugon", "MILITARY_LINK", "military")),
        ("YMTC was removed from the Unverified List in 2022; weeks later YMTC was put on the Entity List.",
         ("Yangtze Memory Technologies", "DESIGNATED", "US Entity List")),
        ("Great Wall Technology, a computer maker, sits within CEC.",
         ("Great Wall Technology", "PART_OF", "China Electronics Corporation")),
        ("Pengxinxu Technology is part of Huawei's network of chip plants.", ("Pengxinxu Technology", "PART_OF", "Huawei Technologies")),
        ("The Big Fund is one of the largest shareholders of Naura Technology Group.",
         ("Naura Technology Group", "OWNED_BY", "China Integrated Circuit Industry Investment Fund")),
        ("Sugon was cited for supporting the modernisation of China's military.", ("Sugon", "MILITARY_LINK", "military")),
        ("Tianmu Semiconductor supports the military's modernisation.", ("Tianmu Semiconductor", "MILITARY_LINK", "military")),
        ("Vorig jaar leverde ASML nog machines aan SMIC.", ("ASML", "SUPPLIED", "Semiconductor Manufacturing International Corporation")),
        ("Omdat Nikon scanners aan YMTC verkocht, kwam het bedrijf in beeld.", ("Nikon", "SUPPLIED", "Yangtze Memory Technologies")),
        ("Zeiss hat jahrelang Optiken an ASML geliefert.", ("Carl Zeiss", "SUPPLIED", "ASML")),
        ("Huawei bezieht weiterhin Chips von SMIC.", ("Semiconductor Manufacturing International Corporation", "SUPPLIED", "Huawei Technologies")),
        ("NXP verkocht chips aan Xiaomi, maar maakte de aantallen niet bekend.", ("NXP Semiconductors", "SUPPLIED", "Xiaomi")),
    ],
)
def test_phrasings(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Hygon is state-owned, according to its filings.",
        "Moore Threads is backed by Tencent and received an investment from Alibaba Group.",
        "ASML denied selling any EUV systems to SMIC.",
        "Samsung Electronics has not sourced memory chips from CXMT.",
        "There is no indication that KLA shipped inspection tools to YMTC.",
        "Lenovo could buy processors from Loongson if prices fall.",
        "Officials are considering adding Cambricon Technologies to the Unverified List.",
        "Horizon Robotics could be added to the Entity List.",
        "Dahua Technology was removed from the Unverified List last year.",
        "Washington requires a licence for sales to Loongson.",
        "The US government barred American firms from selling chips to Huawei.",
        "The British government is prepared to adopt a ban on Dahua Technology equipment.",
        "Wingtech plans to transfer its shares in Nexperia to a new owner.",
        "Huawei denied that it used chips made by TSMC in its latest phone.",
        "The US banned American companies from supplying Huawei without a licence.",
        "The chip designer Hygon said it has no links to the military.",
        "Huawei is not a supplier to the army, the company said.",
        "Intel sold its NAND memory business to SK Hynix for $9 billion.",
        "The Dutch government took control of Nexperia under emergency powers.",
        "Volgens ingewijden overweegt Washington om CXMT op de entity list te plaatsen.",
        "Het Chinese ministerie van Handel verbood de export van gallium naar de Verenigde Staten.",
        "Ob Washington auch CXMT auf die schwarze Liste setzt, ist unklar.",
        "SK Hynix bought Intel's NAND business in 2021.",
        "Washington slapped export controls on SMIC in 2020.",
        "Huawei has been under US sanctions since 2019.",
        "Under the National Defense Authorization Act, Hikvision is barred from federal contracts.",
        "The US is expected to add CXMT to the Entity List.",
        "The Netherlands now controls Nexperia.",
        "ASML shares rose 3% after the company raised its forecast.",
        "Huawei could have been added to the Entity List earlier.",
        "Canon will supply nanoimprint tools to Kioxia next year.",
        "The Pentagon named no new companies this year.",
        "ZTE werd in 2018 weer van de zwarte lijst gehaald.",
        "Lam Research zou in de toekomst ook onderdelen aan SMIC kunnen verkopen.",
        "Trump's Commerce Department criticised the order.",
        "Tianmu Semiconductor criticised the military's budget.",
        "Orvane Semiconductor sent a team of engineers to Brightwave Mobile to repair the line.",
        # a stock index is no company; a condition is no listing
        "Die Kessler Optronik GmbH, eine hundertprozentige Tochter des Dax-Konzerns, baut eine neue Fabrik.",
        "Sollte auch die Halder Sensorik GmbH auf die schwarze Liste kommen, droht ein weiterer Umsatzverlust.",
        # a plant no name ends in stays a site
        "Kessler Optics runs a plant in Wuxi. The plant is owned by Halder Capital.",
        # a company bought from another is no goods
        "Kinta runs three plants, among them Kinta Photonics in Kulim, which it acquired from Orchard Optoelectronics.",
    ],
)
def test_traps_give_no_scored_relation(extractor: Extractor, text: str) -> None:
    assert triples(extractor, text) == set()


def test_goods_made_for_a_military_buyer_link_the_buyer_not_the_maker(extractor: Extractor) -> None:
    got = triples(extractor, "Kestrel Devices makes amplifiers for Arvane Radio, which works on jamming systems for the army.")
    assert ("Arvane Radio", "MILITARY_LINK", "military") in got
    assert ("Kestrel Devices", "MILITARY_LINK", "military") not in got


@pytest.mark.parametrize("text", [
    "Die Firma Kessler Optik ist eine Tochter des staatlichen Rüstungskonzerns Velmar.",
    "Kessler Optiek is een dochter van het Russische defensieconcern Velmar.",
])
def test_a_subsidiary_of_a_defence_group_is_owned_not_itself_the_group(extractor: Extractor, text: str) -> None:
    got = triples(extractor, text)
    assert ("Velmar", "MILITARY_LINK", "military") in got and not any(h.startswith("Kessler") and t == "MILITARY_LINK"
                                                                      for h, t, _ in got), got


def test_units_listed_after_a_military_parent_are_not_themselves_linked(extractor: Extractor) -> None:
    got = triples(extractor, "The rule targets two units of Norvane Aviation, the state-owned military aircraft maker: "
                             "the Xi'an Computing Institute and Norvane Chengdu Electronics.")
    assert ("Norvane Aviation", "MILITARY_LINK", "military") in got
    assert ("Norvane Chengdu Electronics", "PART_OF", "Norvane Aviation") in got
    assert not any(t == "MILITARY_LINK" and h != "Norvane Aviation" for h, t, _ in got), got


def test_a_speaker_after_a_comma_is_no_part_of_the_name_before_it(extractor: Extractor) -> None:
    got = triples(extractor, "Tarnell Semiconductor has also been sourcing substrates from Coherent, Whitcombe said.")
    assert ("Coherent", "SUPPLIED", "Tarnell Semiconductor") in got, got


def test_military_owner_is_a_link_not_ownership(extractor: Extractor) -> None:
    got = triples(extractor, "Inspur is owned or controlled by the military, according to the Pentagon.")
    assert ("Inspur", "MILITARY_LINK", "military") in got
    assert not any(t == "OWNED_BY" for _, t, _ in got)


def test_group_members_named_next_sentence(extractor: Extractor) -> None:
    got = triples(
        extractor,
        "Lam Research shipped spare parts in 2024 to Nexchip and to other Chinese chipmakers linked to the military. "
        "These include Sophgo Systems and United Microelectronics Corporation.",
    )
    for member in ("Sophgo Systems", "United Microelectronics Corporation"):
        assert ("Lam Research", "SUPPLIED", member) in got
        assert (member, "MILITARY_LINK", "military") in got
    assert ("Nexchip", "MILITARY_LINK", "military") in got


def test_a_name_said_to_be_one_of_the_group(extractor: Extractor) -> None:
    """"Four firms were added to the list. X was one of them." (and "were
    among them"); "was not one of them" names nobody."""
    got = triples(extractor, "Four Chinese firms were added to the Unverified List on Tuesday. "
                             "Kestrel Devices was one of them, and Corvel Memory was not one of them.")
    assert ("Kestrel Devices", "DESIGNATED", "Unverified List") in got
    assert not any(t[0] == "Corvel Memory" for t in got), got
    got = triples(extractor, "Three toolmakers were added to the Entity List. Vantor Lithography and Lindqvist Tools "
                             "were among them.")
    assert {("Vantor Lithography", "DESIGNATED", "US Entity List"), ("Lindqvist Tools", "DESIGNATED", "US Entity List")} <= got


def test_military_linked_compounds_and_founders(extractor: Extractor) -> None:
    """"a PLA-linked chipmaker", "military-linked firm X", "founded by the
    People's Liberation Army", "run by the army" are military links;
    "denied being a military-linked firm" and "was not founded by" are not."""
    got = triples(extractor, "Kestrel Devices is a PLA-linked chipmaker. The military-linked firm Corvel Memory "
                             "bought tools. Ostrel Telecom was founded by the People's Liberation Army in 1998. "
                             "Halvern Optics is run by the Chinese army.")
    for name in ("Kestrel Devices", "Corvel Memory", "Ostrel Telecom", "Halvern Optics"):
        assert (name, "MILITARY_LINK", "military") in got, got
    got = triples(extractor, "Kestrel Devices denied being a military-linked firm. Corvel Memory was not founded "
                             "by the military.")
    assert not got, got


def test_entities_resolved(extractor: Extractor) -> None:
    text = (
        "ChangXin Memory Technologies (CXMT) is expanding. Analysts said CXMT bought tools from Tokyo Electron. "
        "Micron Technology said on Friday that Micron's sales fell."
    )
    x = extractor.extract(article_from_text(text))
    by_name = {e.name: e for e in x.entities}
    assert "CXMT" in by_name["ChangXin Memory Technologies"].aliases
    assert "Micron" not in by_name  # short form joins the long one
    assert x.entity(x.relations[0].head).name == "Tokyo Electron"


def test_no_name_is_left_of_a_known_name_cut_from_a_longer_span(extractor: Extractor) -> None:
    """The NER reads "Stock of Finisar Corp." as one name; the reference
    ruler claims "Finisar Corp.", and the words left before it ("Stock of")
    are no company, so a later "the company" cannot land on them."""
    text = ("Stock of Finisar Corp., a maker of optical parts, slid on Tuesday. "
            "The company earned a fifth of its sales from ZTE last year.")
    x = extractor.extract(article_from_text(text))
    names = {e.name for e in x.entities}
    assert "Finisar" in names and not any(n.lower().endswith(" of") for n in names), names


def test_two_names_the_ner_joined_with_for_stay_two(extractor: Extractor) -> None:
    """"by Tessaro Holdings for Kestrel Devices" is one span to the NER; the
    recogniser found both names, and a name never holds "for" between two."""
    x = extractor.extract(article_from_text("The routers were assembled by Tessaro Holdings for Kestrel Devices."))
    names = {e.id: e.name for e in x.entities}
    assert {"Tessaro Holdings", "Kestrel Devices"} <= set(names.values()), names
    assert [(names[r.head], names[r.tail]) for r in x.relations] == [("Tessaro Holdings", "Kestrel Devices")]


def test_its_in_a_share_of_sales_is_not_the_buyers_own(extractor: Extractor) -> None:
    """"Vantor said Kestrel accounted for 12% of its sales": its is Vantor's."""
    x = extractor.extract(article_from_text(
        "Vantor Lithography disclosed that Kestrel Devices accounted for 12% of its sales last year."))
    names = {e.id: e.name for e in x.entities}
    assert [(names[r.head], r.type.value, names[r.tail]) for r in x.relations] == [
        ("Vantor Lithography", "SUPPLIED", "Kestrel Devices")]


def test_extract_many_matches_extract(extractor: Extractor, fixtures: Path) -> None:
    arts = [read_article(p) for p in sorted((fixtures / "articles").iterdir())]
    one = [extractor.extract(a) for a in arts]
    many = list(extractor.extract_many(arts, batch_size=2))
    assert [x.document.id for x in many] == [x.document.id for x in one]
    assert [sorted(r.key for r in x.relations) for x in many] == [sorted(r.key for r in x.relations) for x in one]


def test_evidence_points_into_stored_text(extractor: Extractor, fixtures: Path) -> None:
    for p in sorted((fixtures / "articles").iterdir()):
        x = extractor.extract(read_article(p))
        x.validate()
        for r in x.relations:
            for ev in r.evidence:
                assert x.document.text[ev.start:ev.end] == ev.sentence
                assert 0 < ev.confidence <= 1 and ev.method


def test_languages(extractor: Extractor, fixtures: Path) -> None:
    nl = extractor.extract(read_article(fixtures / "articles" / "nl_news.txt"))
    de = extractor.extract(read_article(fixtures / "articles" / "de_news.txt"))
    assert nl.document.language == "nl" and de.document.language == "de"


def test_hostile_text_is_plain_text(extractor: Extractor) -> None:
    hostile = (
        "<img src=x onerror=alert(1)> Nvidia sold `GPUs` to \"Baidu\"; MATCH (n) DETACH DELETE n // ' OR 1=1 --\n\n"
        "Tokyo Electron shipped tools to Hua Hong Semiconductor, {{7*7}} ${jndi:ldap://x}."
    )
    art = article_from_text(hostile)
    assert "<img src=x onerror=alert(1)>" in art.text
    x = extractor.extract(art)
    assert x.document.text == art.text
    pred = json.loads(json.dumps(to_prediction(x, "hostile.txt")))
    assert all(isinstance(r["evidence"], str) for r in pred["relations"])
    assert ("Tokyo Electron", "SUPPLIED", "Hua Hong Semiconductor") in {
        (r["head"], r["type"], r["tail"]) for r in pred["relations"]
    }


def test_prediction_format(extractor: Extractor) -> None:
    x = extractor.extract(article_from_text("ASML supplied a Deep UV lithography machine to SMIC on 05 February 2024."))
    pred = to_prediction(x, "/some/dir/a.txt")
    assert pred["file"] == "a.txt" and pred["language"] == "en"
    rel = pred["relations"][0]
    assert rel["head"] == "ASML" and rel["tail"] == "Semiconductor Manufacturing International Corporation"
    assert rel["product"] == "Deep UV lithography machine" and rel["date"] == "2024-02-05"
    assert {"name", "type", "aliases"} <= set(pred["entities"][0])
    assert any(e["type"] == EntityType.PRODUCT.value for e in pred["entities"])


def test_military_entity_id(extractor: Extractor) -> None:
    x = extractor.extract(article_from_text("Norinco, a Chinese defence conglomerate, makes armoured vehicles."))
    assert any(r.tail == MILITARY_ID for r in x.relations)


def test_scoring_matches_scorer_rules() -> None:
    gold = {"a.txt": {"entities": [{"name": "China Electronics Corporation", "aliases": ["CEC"]}],
                      "relations": [{"head": "GTA", "type": "OWNED_BY", "tail": "CEC"},
                                    {"head": "X", "type": "OTHER", "tail": "Y"}]}}
    pred = {"a.txt": {"entities": [], "relations": [{"head": "the GTA Co., Ltd.", "type": "OWNED_BY",
                                                      "tail": "China Electronics Corporation"},
                                                     {"head": "GTA", "type": "OWNED_BY", "tail": "CEC"}]}}
    rep = score_predictions(pred, gold)
    assert (rep.precision, rep.recall) == (0.5, 1.0)
    assert "MISS" not in rep.errors() and "FALSE GTA" in rep.errors()


@pytest.mark.skipif(not SCORER.exists(), reason="shared scorer not present")
def test_table_equals_shared_scorer(extractor: Extractor, fixtures: Path, tmp_path: Path) -> None:
    gold = fixtures / "gold.jsonl"
    report = evaluate(gold, fixtures / "articles", extractor)
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as f:
        for line in gold.read_text(encoding="utf-8").splitlines():
            name = json.loads(line)["file"]
            x = extractor.extract(read_article(fixtures / "articles" / name))
            f.write(json.dumps(to_prediction(x, name)) + "\n")
    out = subprocess.run([sys.executable, str(SCORER), str(pred), str(gold)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == report.table()


@pytest.mark.skipif(not SEEDS.exists(), reason="shared seeds not present")
def test_no_chrome_entities_on_seeds(extractor: Extractor) -> None:
    bad = ("linkedin", "facebook", "youtube", "twitter", "newsletter", "mainstream", "cio news", "readable")
    for p in sorted(SEEDS.glob("*.txt")):
        x = extractor.extract(read_article(p))
        for e in x.entities:
            assert not any(b in e.name.lower() for b in bad), (p.name, e.name)


def test_dutch_list_and_source_words_are_not_parties(extractor: Extractor) -> None:
    """"leveringen aan bedrijven op de zwarte lijst, zoals SMIC": SMIC is on the
    list, the supplier is not; "zeggen defensie-experts" is who says it, not a
    military link of the buyer."""
    got = triples(extractor, "ASML heeft een vergunning nodig voor leveringen aan bedrijven op de zwarte lijst, zoals SMIC.")
    assert got == {("Semiconductor Manufacturing International Corporation", "DESIGNATED", "US Entity List")}
    got = triples(extractor, "SMIC levert chips aan Huawei, zeggen defensie-experts.")
    assert got == {("Semiconductor Manufacturing International Corporation", "SUPPLIED", "Huawei Technologies")}


def test_a_part_of_a_group_describes_some_members_not_all(extractor: Extractor) -> None:
    """"nine companies, among them two subsidiaries of X": the members named
    later are listed, but not every one of them is X's subsidiary; a bullet
    that describes its company still names it."""
    text = ("The Commerce Department put nine Chinese companies on its Entity List, among them two subsidiaries of "
            "Norinvest Holdings.\nThe companies named include:\n- Tianmu Sensing, a maker of thermal cameras\n"
            "- Dongri Photonics Co., Ltd.\n")
    found = triples(extractor, text)
    assert {(n, "DESIGNATED", "US Entity List") for n in ("Tianmu Sensing", "Dongri Photonics Co., Ltd.")} <= found
    assert not [t for t in found if t[1] == "OWNED_BY"]


def test_a_listing_reason_about_they_reaches_the_group_named_later(extractor: Extractor) -> None:
    text = ("Commerce added six Chinese firms to the Entity List on Friday, saying they support China's military "
            "modernisation. The additions include Tianmu Sensing and Dongri Photonics.")
    found = triples(extractor, text)
    for name in ("Tianmu Sensing", "Dongri Photonics"):
        assert {(name, "DESIGNATED", "US Entity List"), (name, "MILITARY_LINK", "military")} <= found
    assert ("US Department of Commerce", "MILITARY_LINK", "military") not in found
