"""Kinds of news phrasing the English rules read, each with the cases that
must stay silent next to it (sentences written for the project).

The one-sentence examples live with their rules (ingest/grammar/*.toml,
run by test_grammar.py); these need a sentence of context, or assert that
one fact is absent while others in the same text are found."""

from __future__ import annotations

import pytest

from chipgraph.graph.model import RelationType
from chipgraph.ingest import Extractor, article_from_text


def triples(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    x = extractor.extract(article_from_text(text))
    names = {e.id: e.name for e in x.entities}
    return {(names[r.head], r.type.value, names[r.tail]) for r in x.relations if r.type != RelationType.OTHER}


def assert_reads(extractor: Extractor, text: str, expected: set[tuple[str, str, str]], absent: set[tuple[str, str, str]]) -> None:
    """``text`` gives every fact of ``expected`` and none of ``absent``."""
    got = triples(extractor, text)
    assert expected <= got
    assert not absent & got, absent & got


SALE = "Norvik Semiconductor ships wafers to Calder Devices."


@pytest.mark.parametrize(
    "text, expected",
    [
        (SALE + " Orin Labs and Brightwave Mobile are also customers.",
         {("Norvik Semiconductor", "SUPPLIED", "Orin Labs"), ("Norvik Semiconductor", "SUPPLIED", "Brightwave Mobile")}),
        (SALE + " Other customers include Orin Labs.", {("Norvik Semiconductor", "SUPPLIED", "Orin Labs")}),
        (SALE + " Orin Labs is another large customer.", {("Norvik Semiconductor", "SUPPLIED", "Orin Labs")}),
        (SALE + " Orin Labs is a customer too, the filing showed.", {("Norvik Semiconductor", "SUPPLIED", "Orin Labs")}),
    ],
)
def test_customers_added_to_a_sale_just_stated(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert expected <= triples(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        # two sellers before: whose customer is not said
        "Norvik Semiconductor ships wafers to Calder Devices, and Harbor Optics sells lenses to Lindqvist Tools. "
        "Orin Labs is also a customer.",
        SALE + " Orin Labs could also become a customer.",
        SALE + " Other customers could include Orin Labs.",
        SALE + " Orin Labs is also a potential customer.",
        SALE + " Orin Labs is not a customer.",
        # no "also" / "other": a customer of someone not said
        SALE + " Orin Labs is a customer.",
    ],
)
def test_customers_with_no_seller_of_their_own_stay_unread(extractor: Extractor, text: str) -> None:
    got = triples(extractor, text)
    assert not any(t == "Orin Labs" and r == "SUPPLIED" for _, r, t in got), got


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        # the unit named between its owner and the unit noun is the buyer
        ("Vantor Lithography sold two scanners to Tessaro Holdings' Orin Labs unit.",
         ("Vantor Lithography", "SUPPLIED", "Orin Labs"), ("Vantor Lithography", "SUPPLIED", "Tessaro Holdings")),
        # a second object after the first sellers keeps its own seller
        ("Calder Devices buys display panels from Norvik Semiconductor and touch controllers from Harbor Optics, "
         "a supplier list showed.", ("Harbor Optics", "SUPPLIED", "Calder Devices"), None),
        ("Calder Devices obtains wafers from Norvik Semiconductor and Lindqvist Tools, and photoresists from Harbor Optics.",
         ("Harbor Optics", "SUPPLIED", "Calder Devices"), None),
    ],
)
def test_buyers_and_sellers_in_longer_noun_phrases(extractor: Extractor, text: str, expected: tuple[str, str, str],
                                                  absent: tuple[str, str, str] | None) -> None:
    got = triples(extractor, text)
    assert expected in got, got
    assert absent not in got, got


def test_the_owner_named_before_an_unnamed_unit_is_not_read_as_its_name(extractor: Extractor) -> None:
    """"sold chips to the Tessaro unit": Tessaro is the owner, the unit has no
    name, so no unit is made up (and "Tessaro" is not read as the unit)."""
    got = triples(extractor, "Vantor Lithography sold two scanners to the Tessaro Holdings unit.")
    assert not any(r == "SUPPLIED" and t != "Tessaro Holdings" for _, r, t in got), got


@pytest.mark.parametrize(
    "text, expected",
    [
        # the small parser reads the present-tense verb as a noun; the surface still says who bought
        ("Chinese chipmakers such as Calder Devices and Orin Labs buy etching tools from Vantor Lithography.",
         {("Vantor Lithography", "SUPPLIED", "Calder Devices"), ("Vantor Lithography", "SUPPLIED", "Orin Labs")}),
        ("Huawei outsources chip production to SMIC.",
         {("Semiconductor Manufacturing International Corporation", "SUPPLIED", "Huawei Technologies")}),
    ],
)
def test_buying_verbs_read_as_nouns_name_the_buyer_first(extractor: Extractor, text: str,
                                                         expected: set[tuple[str, str, str]]) -> None:
    assert expected <= triples(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Calder Devices and Orin Labs could buy etching tools from Vantor Lithography.",
        "Calder Devices orders from Vantor Lithography rose last year.",
    ],
)
def test_buying_read_as_nouns_stays_silent_on_hedges_and_orders(extractor: Extractor, text: str) -> None:
    got = triples(extractor, text)
    assert not any(h == "Vantor Lithography" and r == "SUPPLIED" for h, r, _ in got), got
    assert not any(t == "Vantor Lithography" and r == "SUPPLIED" for _, r, t in got), got


def test_a_name_after_a_description_set_off_by_commas_is_one_more_item(extractor: Extractor) -> None:
    """"added A, the country's biggest lidar maker, and B to the list": the
    parser hangs B on the description; B is listed too, but a name inside the
    description ("A, a unit of C, and B") is not an item of the list."""
    got = triples(extractor, "The Commerce Department added Orin Labs, the country's biggest lidar maker, "
                             "and battery giant Calder Devices to the Entity List.")
    assert {("Orin Labs", "DESIGNATED", "US Entity List"), ("Calder Devices", "DESIGNATED", "US Entity List")} <= got
    got = triples(extractor, "The Commerce Department added Orin Labs, a unit of Tessaro Holdings, "
                             "and Calder Devices to the Entity List.")
    assert ("Tessaro Holdings", "DESIGNATED", "US Entity List") not in got, got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Brightwave Mobile uses Norvik-made modem chips in its phones.", ("Norvik", "SUPPLIED", "Brightwave Mobile")),
        ("Huawei bought TSMC-made chips through intermediaries.",
         ("Taiwan Semiconductor Manufacturing Company", "SUPPLIED", "Huawei Technologies")),
    ],
)
def test_a_company_hyphenated_to_made_is_the_maker(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(extractor, text)


def test_a_place_hyphenated_to_made_is_no_maker(extractor: Extractor) -> None:
    """"US-made chips" name where goods come from, not a company that sells them."""
    got = triples(extractor, "Brightwave Mobile uses US-made chips in its phones.")
    assert not any(r == "SUPPLIED" for _, r, _ in got), got


def test_a_name_closing_a_description_with_a_noun_list_is_one_more_item(extractor: Extractor) -> None:
    """"A, a maker of lenses and mirrors, and B": the parser hangs B on
    "mirrors" (or on the object of "A, which builds tools, and B"); B is
    listed too.  Names listed inside the description stay there."""
    got = triples(extractor, "The Commerce Department added Halvern Optics, a Suzhou maker of lenses and mirrors, "
                             "and Tarrick Systems to the Entity List.")
    assert {("Halvern Optics", "DESIGNATED", "US Entity List"), ("Tarrick Systems", "DESIGNATED", "US Entity List")} <= got
    got = triples(extractor, "The Commerce Department added Morrow Devices, which designs radar chips, and Quenby Labs "
                             "to the Entity List.")
    assert ("Quenby Labs", "DESIGNATED", "US Entity List") in got, got
    got = triples(extractor, "The Commerce Department added Halvern Optics, a supplier of lenses to Orin Labs, Calder Devices, "
                             "and Vexa Automotive, to the Entity List.")
    assert not any(h in ("Orin Labs", "Calder Devices", "Vexa Automotive") and r == "DESIGNATED" for h, r, _ in got), got


def test_the_company_as_subject_goes_on_with_the_last_sentences_subject(extractor: Extractor) -> None:
    """"X sells to A, B and C. The company also sells to D": X, though the
    sentence before names four companies; not after a takeover or for another
    kind of statement, where either company may be meant."""
    got = triples(extractor, "Dalmore Semiconductor sells power chips to Brightwave Mobile, Orin Labs and Calder Devices. "
                             "The company also delivers sensors to Vexa Automotive.")
    assert ("Dalmore Semiconductor", "SUPPLIED", "Vexa Automotive") in got, got
    got = triples(extractor, "Dalmore Semiconductor sells power chips to Brightwave Mobile. The company is controlled by Sarn Capital.")
    assert not any(r == "OWNED_BY" for _, r, _ in got), got
    got = triples(extractor, "Kestrel Holdings acquired Pellon Memory in May. The company also sells flash chips to Nerra Telecom.")
    assert not any(t == "Nerra Telecom" for _, _, t in got), got


def test_a_misparsed_supply_verb_reaches_every_buyer_listed(extractor: Extractor) -> None:
    """"A ships drivers to B, C and D" with "ships" read as a noun: all three buyers."""
    got = triples(extractor, "Fenwick Power ships gate drivers to Orin Labs, Calder Devices and Vexa Automotive.")
    assert {("Fenwick Power", "SUPPLIED", b) for b in ("Orin Labs", "Calder Devices", "Vexa Automotive")} <= got, got


@pytest.mark.parametrize(
    "text, company, parent",
    [
        ("Samsung Display, a subsidiary of Samsung Electronics, sells panels to Brightwave Mobile.", "Samsung Display", "Samsung Electronics"),
        ("Siemens Mobility, the rail unit of Siemens, sells drives to Brightwave Mobile.", "Siemens Mobility", "Siemens"),
        ("SK Hynix America, which is wholly owned by SK Hynix, sells memory to Brightwave Mobile.", "SK Hynix America", "SK hynix"),
        ("Sony Semiconductor Solutions, a unit of Sony, sells sensors to Brightwave Mobile.", "Sony Semiconductor Solutions", "Sony"),
    ],
)
def test_a_company_named_after_its_parent_is_a_company_of_its_own(
        extractor: Extractor, text: str, company: str, parent: str) -> None:
    """"Samsung Display" is not Samsung Electronics: it keeps its own name, its
    sale is its own, and the parent is its owner (or whole, for a unit)."""
    got = triples(extractor, text)
    assert (company, "SUPPLIED", "Brightwave Mobile") in got, got
    assert any(h == company and r in ("OWNED_BY", "PART_OF") and t == parent for h, r, t in got), got
    assert not any(h == parent and r == "SUPPLIED" for h, r, _ in got), got


def test_words_that_only_follow_a_known_name_leave_it_alone(extractor: Extractor) -> None:
    """"Samsung Galaxy phones", "TSMC Chairman Mark Liu": the words modify what
    follows and make no new company; a headline's capitals say nothing
    ("Intel Ends Server Chip Shipments")."""
    x = extractor.extract(article_from_text(
        "Intel Ends Server Chip Shipments To Inspur\n\nSamsung Galaxy phones sold well. "
        "TSMC Chairman Mark Liu said TSMC ships chips to Apple."))
    names = {e.name for e in x.entities}
    assert not any(n.startswith(("Samsung Galaxy", "TSMC Chairman", "Intel Ends")) for n in names), names
    assert any(e.name == "Samsung Electronics" for e in x.entities), names
    got = {(r.type.value, x.entity(r.tail).name) for r in x.relations}
    assert ("SUPPLIED", "Apple") in got, got


def test_a_stock_listing_is_no_listing_on_a_list(extractor: Extractor) -> None:
    """"X, which is listed in Shenzhen", "publicly listed", "listed on the Nasdaq"
    right after an Entity List story: a share listing, not a designation."""
    got = triples(extractor, "Commerce put Lumentum on the Entity List. Orin Labs, which is listed in Shenzhen, makes lasers. "
                             "Calder Devices is publicly listed. Vexa Labs, listed on the Nasdaq, makes lidar.")
    assert not any(h in ("Orin Labs", "Calder Devices", "Vexa Labs") for h, _, _ in got), got


@pytest.mark.parametrize("text, expected", [
    ("Ruixun Technology Co. makes lidar chips. Ruixun counts carmaker Nio and robot maker Unitree among its customers.",
     {("Ruixun Technology Co.", "SUPPLIED", "Nio"), ("Ruixun Technology Co.", "SUPPLIED", "Unitree")}),
    ("Ruixun Technology Co. makes lidar chips. Ruixun counts carmaker Nio among its rivals.", set()),
    ("Ruixun Technology Co. makes lidar chips. Ruixun does not count carmaker Nio among its customers.", set()),
])
def test_counted_among_customers_with_counts_misread(extractor: Extractor, text: str, expected: set) -> None:
    """"X counts carmaker A and robot maker B among its customers": the parser reads "counts" as a modifier of the
    descriptions; the surface still names X's buyers (and only its customers, never its rivals)."""
    got = {t for t in triples(extractor, text) if t[1] == "SUPPLIED"}
    assert got == expected, got


def test_a_misparsed_sale_after_an_aside_is_the_opening_names(extractor: Extractor) -> None:
    """"A, which is owned by B, ships memory to C" with "ships" read as a noun:
    A sold to C (not B, whose name is inside the aside)."""
    got = triples(extractor, "Dalmore Semiconductor, which is owned by Kestrel Holdings, ships sensors to Orin Labs.")
    assert ("Dalmore Semiconductor", "SUPPLIED", "Orin Labs") in got, got
    assert ("Kestrel Holdings", "SUPPLIED", "Orin Labs") not in got, got


@pytest.mark.parametrize("text", [
    "Italian maker Lanfranchi Wafers, in which the state lender CDP holds about 12%, ships polished wafers to Infineon "
    "for its Villach plant.",
    "Dutch chipmaker Velmar Semiconductor, which is controlled by the investor Korvin Groep, ships power chips to Infineon.",
])
def test_a_misparsed_sale_after_a_described_name_and_an_aside(extractor: Extractor, text: str) -> None:
    """"French maker A, in which B holds 10%, ships wafers to C for its D
    plant": the description before the name opens the clause; the buyer is
    C, and the place of its plant after it is no second buyer."""
    seller = text.split(",")[0].split(" ", 2)[2]
    got = triples(extractor, text)
    assert (seller, "SUPPLIED", "Infineon Technologies") in got, got
    assert not {t for t in got if t[1] == "SUPPLIED" and t[2] != "Infineon Technologies"}, got


def test_the_chipmaker_is_the_company_the_article_is_about(extractor: Extractor) -> None:
    """A description as subject, right after a sentence about the company the
    article has named most so far, is that company ("X ... X bought tools
    from A and B. The chipmaker is a subsidiary of C"); and a pronoun after
    that description goes on with it.  Two companies named alike: nobody."""
    text = ("Qiantang Memory said output had doubled. Qiantang Memory has bought tools from Harrow Lithography and "
            "Vantor Photonics since 2022. The Hefei-based chipmaker is a subsidiary of Xinyuan Capital. "
            "Its customers include Brightwave Mobile and Torvin Cloud.")
    got = triples(extractor, text)
    assert {("Qiantang Memory", "OWNED_BY", "Xinyuan Capital"), ("Qiantang Memory", "SUPPLIED", "Brightwave Mobile")} <= got, got
    got = triples(extractor, "Qiantang Memory and Xinyuan Memory compete for orders. Qiantang Memory is building a fab, and "
                             "Xinyuan Memory hired 300 engineers. The chipmaker is a subsidiary of Lanting Capital.")
    assert not any(r == "OWNED_BY" for _, r, _ in got), got


def test_a_description_by_nationality_is_the_one_company_of_that_country(extractor: Extractor) -> None:
    """"The Dutch company" several sentences after naming ASML, with only
    Chinese companies in between: ASML.  A company the text itself calls
    Chinese ("Chinese buyers such as X") is never "the Dutch company"."""
    got = triples(extractor, "ASML reported strong orders on Tuesday. Hua Hong Semiconductor took delivery of two scanners. "
                             "Analysts expect demand to cool. The Dutch company sold three more scanners to Hua Hong in May.")
    assert ("ASML", "SUPPLIED", "Hua Hong Semiconductor") in got, got
    got = triples(extractor, "Velmore Optics reported a drop in sales. Orders from Chinese buyers such as Qiantang Memory fell. "
                             "The Dutch company also sold mirrors to Kestrel Devices.")
    assert ("Qiantang Memory", "SUPPLIED", "Kestrel Devices") not in got, got


def test_the_distributor_named_in_apposition_goes_on_as_it(extractor: Extractor) -> None:
    """"The distributor, Hong Kong-based X, was sanctioned ... It was added to
    the Entity List": the name in apposition to the subject is what "it" continues."""
    got = triples(extractor, "The distributor, Hong Kong-based Lanting Trading, was sanctioned by the Treasury Department in "
                             "March. It was added to the Entity List in 2023.")
    assert ("Lanting Trading", "DESIGNATED", "US Entity List") in got, got


@pytest.mark.parametrize("text", [
    "Calder Aviation builds trainer jets for the air force.",
    "Orin Labs sells radar chips to the PLA Navy.",
    "Both Orin Labs and Calder Aviation ship radar parts to the PLA Navy.",
])
def test_supplying_a_branch_of_the_armed_forces_is_a_military_link(extractor: Extractor, text: str) -> None:
    got = triples(extractor, text)
    assert any(r == "MILITARY_LINK" for _, r, _ in got), got


def test_goods_for_a_buyer_made_by_a_maker_in_the_passive(extractor: Extractor) -> None:
    """"Wafers for X were produced by Y": Y supplied X; "chips for cars" names no buyer."""
    got = triples(extractor, "Wafers for Kestrel Devices were also produced by Dalmore Foundry in Wuxi.")
    assert ("Dalmore Foundry", "SUPPLIED", "Kestrel Devices") in got, got
    assert not triples(extractor, "Chips for cars were made by Dalmore Foundry in Penang.")


def test_both_companies_after_names_set_off_by_descriptions(extractor: Extractor) -> None:
    """"A, a Shanghai maker of tools, and B, which builds chambers, ... Both
    companies sold equipment to C": A and B, though descriptions stand
    between them; "X and Y, which sold chips made by A and B" stays X and Y."""
    got = triples(extractor, "Tarrick Systems, a Shanghai maker of etching and cleaning tools, and Vexa Labs, which builds "
                             "deposition chambers, said they were hiring. Both companies had sold equipment to Kestrel Memory.")
    assert {("Tarrick Systems", "SUPPLIED", "Kestrel Memory"), ("Vexa Labs", "SUPPLIED", "Kestrel Memory")} <= got, got


def test_a_supplier_of_the_company_is_not_its_own_supplier(extractor: Extractor) -> None:
    """"X, a key supplier of the company" / "X, which had been a vendor to the
    company": the company is not X but the one named before; a second such
    phrase keeps meaning the same company."""
    got = triples(extractor, "Kestrel Memory makes flash chips. Harrow Optics, a long-time supplier of the company, left Wuhan. "
                             "Calder Devices, which had been a major vendor to the company, stopped deliveries in May.")
    assert {("Harrow Optics", "SUPPLIED", "Kestrel Memory"), ("Calder Devices", "SUPPLIED", "Kestrel Memory")} <= got, got
    assert ("Calder Devices", "SUPPLIED", "Harrow Optics") not in got, got


def test_the_two_vendors_are_the_pair_named_before_not_two_of_three(extractor: Extractor) -> None:
    """"A, B and C all rely on radios from the two vendors": two of the
    three named in that sentence are no enumeration of two, so the pair of
    the sentence before is meant (each operator bought from each vendor)."""
    got = triples(extractor, "The regulator will phase out radios made by Qiantang Networks and Xiling Telecom Equipment. "
                             "Orin Mobile, Brightwave Telecom and Calder Cellular all rely on radios from the two Chinese vendors.")
    assert ("Xiling Telecom Equipment", "SUPPLIED", "Calder Cellular") in got, got
    assert not any(h in ("Orin Mobile", "Brightwave Telecom", "Calder Cellular") and r == "SUPPLIED" for h, r, _ in got), got


def test_a_regulator_named_by_its_role_is_no_network_operator(extractor: Extractor) -> None:
    """"Norway's telecoms watchdog Nkom barred X from an auction": a ban by
    an authority, and never X supplying Nkom's network."""
    got = triples(extractor, "Norway's telecoms watchdog Nkom barred Qiantang Networks from its 5G auction last year.")
    assert ("Qiantang Networks", "SUPPLIED", "Nkom") not in got, got


def test_purchases_stated_in_the_passive(extractor: Extractor) -> None:
    """"Parts were purchased by X from Y" (Y supplied X, also when the parser
    hangs "from Y" on X), and "X sold wafers to A. The wafers were also
    bought by B" (X supplied B); a company or a stake bought is no sale of goods."""
    got = triples(extractor, "Amplifiers for the radar sets were purchased by Lanting Electronics from Harrow Analog, prosecutors said.")
    assert ("Harrow Analog", "SUPPLIED", "Lanting Electronics") in got, got
    got = triples(extractor, "Dalmore Semiconductor sold wafers to Torvin Defence Systems. The wafers were also bought by Velmore Aerospace.")
    assert ("Dalmore Semiconductor", "SUPPLIED", "Velmore Aerospace") in got, got
    got = triples(extractor, "The wafers were bought from Siltronic by Kestrel Devices.")
    assert ("Siltronic", "SUPPLIED", "Kestrel Devices") in got and not any(r == "OWNED_BY" for _, r, _ in got), got
    got = triples(extractor, "A 30% stake was bought by Quenby Capital from Harrow Analog.")
    assert not any(r == "SUPPLIED" for _, r, _ in got), got


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        # the parser takes "defence" for what "to" governs and the name for a second object
        ("Ampleon also ships parts to defence contractor Thales.",
         {("Ampleon", "SUPPLIED", "Thales"), ("Thales", "MILITARY_LINK", "military")},
         {("Ampleon", "MILITARY_LINK", "military")}),
        # "to" read as a particle, the buyer again a second object
        ("Ampleon sold transistors to radar maker Hensoldt.", {("Ampleon", "SUPPLIED", "Hensoldt")}, set()),
        ("Kestrel Devices ships parts to defence contractor Rheinmetall.",
         {("Kestrel Devices", "SUPPLIED", "Rheinmetall"), ("Rheinmetall", "MILITARY_LINK", "military")},
         {("Kestrel Devices", "MILITARY_LINK", "military")}),
        # what stays silent: a denied sale, and a business sold (no goods)
        ("Ampleon did not sell transistors to radar maker Hensoldt.", set(), {("Ampleon", "SUPPLIED", "Hensoldt")}),
        ("Ampleon sold its stake to radar maker Hensoldt.", set(), {("Ampleon", "SUPPLIED", "Hensoldt")}),
    ],
)
def test_a_buyer_named_after_its_description(extractor: Extractor, text: str, expected: set[tuple[str, str, str]],
                                             absent: set[tuple[str, str, str]]) -> None:
    """"to defence contractor X", "to radar maker X": the buyer is X, and the
    military word describes X, not the seller, however the parser hangs it."""
    found = triples(extractor, text)
    assert expected <= found
    assert not absent & found


@pytest.mark.parametrize(
    "text",
    [
        "Last year the Dutch government blocked Ampleon's plan to sell its Philippine plant to a buyer in Shanghai.",
        "Berlin blocked Orin Labs' offer for a chip plant in Dresden.",
        "Italy blocked the sale of Kestrel Devices' Turin fab to a state-backed fund.",
    ],
)
def test_a_blocked_plan_or_sale_of_a_plant_bans_no_goods(extractor: Extractor, text: str) -> None:
    assert not {t for t in triples(extractor, text) if t[1] == "BANNED"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # an amount of goods, with the buyer hung on the goods
        ("Brook Trading sold $2 million of chips to Veltra Systems.", {("Brook Trading", "SUPPLIED", "Veltra Systems")}),
        ("Brook Trading sold more than $2 million worth of electronics to Veltra Systems.",
         {("Brook Trading", "SUPPLIED", "Veltra Systems")}),
        # a name the tagger calls a person, which the apposition calls a company
        ("Kalvetika, a Novosibirsk defence electronics company, was added to the Entity List.",
         {("Kalvetika", "DESIGNATED", "US Entity List"), ("Kalvetika", "MILITARY_LINK", "military")}),
        # what stays silent: securities, a business sold, a place before a description
        ("Brook Trading sold $2 million of bonds to Veltra Systems.", set()),
        ("Brook Trading sold 20% of its memory unit to Veltra Systems.", set()),
        ("Brook Trading sold a majority of its shares to Veltra Systems.", set()),
        ("Delmar Electronics, a Kemerovo avionics company, makes radios.", set()),
    ],
)
def test_amounts_of_goods_and_companies_named_by_their_apposition(
        extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize("pronoun", ["all", "each"])
def test_a_list_described_by_all_or_each(extractor: Extractor, pronoun: str) -> None:
    """"A, B and C, all controlled by D": every name of the list, as "both" already did."""
    text = f"Orin Mobile, Orin Telecom and Orin Cable, {pronoun} controlled by Tessaro Holdings, buy routers."
    assert {(name, "OWNED_BY", "Tessaro Holdings") for name in ("Orin Mobile", "Orin Telecom", "Orin Cable")} <= triples(extractor, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Harwick Storage has secured a steady supply of flash controllers from Pellion Semiconductor.",
         ("Pellion Semiconductor", "SUPPLIED", "Harwick Storage")),
        ("Brisa Automotive funds a new line in return for a guaranteed supply of modules from Tamsin Power.",
         ("Tamsin Power", "SUPPLIED", "Brisa Automotive")),
    ],
)
def test_a_supply_obtained_from_a_named_seller(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    """A supply secured (or bargained for) from a seller is a purchase from it."""
    assert expected in triples(extractor, text)


#: a supply sought, hedged, denied or only talked about: nobody bought it
SUPPLIES_NOT_OBTAINED = (
    "Harwick Storage is seeking a steady supply of flash controllers from Pellion Semiconductor.",
    "Harwick Storage could secure a supply of flash controllers from Pellion Semiconductor.",
    "Harwick Storage never secured a supply of flash controllers from Pellion Semiconductor.",
    "Harwick Storage criticised the supply of flash controllers from Pellion Semiconductor.",
)


def test_a_supply_sought_or_only_mentioned_is_no_purchase(extractor: Extractor) -> None:
    for text in SUPPLIES_NOT_OBTAINED:
        sales = {t for t in triples(extractor, text) if t[1] == "SUPPLIED"}
        assert not sales, (text, sales)


def test_a_possessed_unit_named_before_its_noun_holds_in_a_plan(extractor: Extractor) -> None:
    """"plans to sell its Quanta Sensing subsidiary": the plan is hedged, the
    ownership it presupposes is not; a unit noun gives PART_OF."""
    got = triples(extractor, "Ardell Group plans to sell its Quanta Sensing subsidiary. "
                             "It may also spin off its Meridian Photonics division.")
    assert ("Quanta Sensing", "OWNED_BY", "Ardell Group") in got, got
    assert ("Meridian Photonics", "PART_OF", "Ardell Group") in got, got


def test_its_after_two_companies_in_a_plan_names_no_owner(extractor: Extractor) -> None:
    """In a clause that asserts nothing, "its" after two companies may be
    either's: no owner is read (and the subject is not taken for it)."""
    got = triples(extractor, "Halvard Systems was carved out under a plan to rescue Ostrava Electric "
                             "from losses at its Brenmoor Nuclear subsidiary.")
    assert not any(h == "Brenmoor Nuclear" for h, _, _ in got), got


@pytest.mark.parametrize(
    "text, absent",
    [
        # two holdings before: the rest of which is not said
        ("Palisade Capital holds 58% of Tarrow Foundry and 20% of Alder Sensors. The remainder is owned by Kellan Ventures.",
         "Kellan Ventures"),
        # a holding stated here but not read: the rest is not the sentence before's
        ("Palisade Capital holds 58% of Tarrow Foundry. Lisle Optics is two-thirds owned by Caradon Group; "
         "the rest belongs to Himley Partners.", "Himley Partners"),
        ("Palisade Capital holds 58% of Tarrow Foundry. Himley Partners sold its remaining stake in May.", "Himley Partners"),
        ("Palisade Capital holds 58% of Tarrow Foundry. Himley Partners could hold the remaining 42%.", "Himley Partners"),
    ],
)
def test_the_rest_of_a_holding_needs_one_company_before(extractor: Extractor, text: str, absent: str) -> None:
    """"The rest is held by B" places B in the one company whose holding was
    just stated; with two, or a holding not read, or a rest of B's own, none."""
    got = triples(extractor, text)
    assert ("Tarrow Foundry", "OWNED_BY", "Palisade Capital") in got, got
    assert not any(t == absent for _, r, t in got if r == "OWNED_BY"), got


@pytest.mark.parametrize(
    "text",
    [
        "The Commerce Department added Kaiyuan Microsystems to the Entity List over its ties to the People's Liberation Army.",
        "Vantor Lithography stopped supplying Kaiyuan Microsystems because of its links to China's military.",
        "The Treasury fined Kaiyuan Microsystems due to its work for the armed forces.",
    ],
)
def test_its_in_the_reason_for_acting_on_a_company_is_that_companys(extractor: Extractor, text: str) -> None:
    """"X blacklisted Y over its ties to the army": the ties are Y's, not
    those of the one who acts (who gets no military link)."""
    linked = {h for h, r, _ in triples(extractor, text) if r == "MILITARY_LINK"}
    assert linked == {"Kaiyuan Microsystems"}, linked


def test_goods_supplied_by_a_company_are_its_goods_when_banned(extractor: Extractor) -> None:
    """"barred kit supplied by A and B": the sellers' goods are banned; goods
    supplied *to* a company, or firms barred from supplying it, ban none of its own."""
    got = triples(extractor, "Estonia barred kit supplied by Quarry Telecom and Pembrook Wireless from its networks.")
    assert {("Quarry Telecom", "BANNED", "Estonia"), ("Pembrook Wireless", "BANNED", "Estonia")} <= got, got
    for text in ("Estonia barred equipment supplied to Quarry Telecom.", "Estonia barred firms from supplying Quarry Telecom."):
        banned = {t for t in triples(extractor, text) if t[1] == "BANNED"}
        assert not banned, (text, banned)


def test_a_listed_subsidiary_belongs_to_who_acts_not_to_what_is_acted_on(extractor: Extractor) -> None:
    """"Y is to be acquired by Shenzhen-listed subsidiary X": X is the
    subsidiary of the one whose plan it is, never of Y, which X acquires."""
    got = triples(extractor, "Halden Group plans to have Orvane Semiconductor acquired by Shenzhen-listed subsidiary Taiyue Silicon.")
    assert ("Taiyue Silicon", "OWNED_BY", "Halden Group") in got, got
    assert ("Taiyue Silicon", "OWNED_BY", "Orvane Semiconductor") not in got, got
    alone = triples(extractor, "Orvane Semiconductor was acquired by Shenzhen-listed subsidiary Taiyue Silicon.")
    assert ("Taiyue Silicon", "OWNED_BY", "Orvane Semiconductor") not in alone, alone


def test_a_buyer_of_its_output_buys_another_makers_output(extractor: Extractor) -> None:
    """"Y buys most of its output": "its" is the maker named before, never Y itself;
    "Apple buys its chips from TSMC" keeps "its" for the buyer."""
    got = triples(extractor, "Brandholm Circuits makes interface chips. Mouser Electronics buys most of its output.")
    assert ("Brandholm Circuits", "SUPPLIED", "Mouser Electronics") in got, got
    got = triples(extractor, "Brandholm Circuits makes interface chips. Mouser Electronics sells most of its output in Europe.")
    assert not any(r == "SUPPLIED" for _, r, _ in got), got


@pytest.mark.parametrize(
    "text, expected",
    [
        # the tagger reads the customer's one-word name as a person; "its biggest customer" calls it a company
        ("Orders dried up at Veltrax Optics when Kirova, its biggest customer, paused a line.",
         ("Veltrax Optics", "SUPPLIED", "Kirova")),
        # the parser tags the name a plural noun and hangs the apposition on the main verb
        ("Soitec slipped after STMicroelectronics, its main client, trimmed orders.",
         ("Soitec", "SUPPLIED", "STMicroelectronics")),
        ("Soitec slid because STMicroelectronics, its largest customer and a partner, trimmed orders.",
         ("Soitec", "SUPPLIED", "STMicroelectronics")),
    ],
)
def test_its_role_between_commas_describes_the_name_before(extractor: Extractor, text: str,
                                                           expected: tuple[str, str, str]) -> None:
    """"X, its main client," in a clause the parser misreads is still X described."""
    assert expected in triples(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Veltrax Optics slipped after Calder Devices, its main rival, cut prices.",  # a rival is no customer
        "Veltrax Optics slipped after Calder Devices, its plans delayed, trimmed orders.",  # "its" not the role's
        "Anna Kirov, its chief executive, said Veltrax Optics would hire.",  # a person's role
    ],
)
def test_its_other_roles_between_commas_state_no_trade(extractor: Extractor, text: str) -> None:
    got = {t for t in triples(extractor, text) if t[1] in ("SUPPLIED", "OWNED_BY")}
    assert not got, got


def test_a_dateline_city_is_no_company(extractor: Extractor) -> None:
    """"GRENOBLE, March 4 -": the NER takes the unknown capitalised city for a
    company, which then stood for the "its" of the first sentence."""
    x = extractor.extract(article_from_text(
        "GRENOBLE, March 4 (Reuters) - Shares in Soitec slid after STMicroelectronics, its main client, trimmed orders."))
    names = {e.id: e.name for e in x.entities}
    orgs = {e.name for e in x.entities if e.type.value == "ORG"}
    assert "GRENOBLE" not in orgs and "Grenoble" not in orgs, orgs
    assert ("Soitec", "SUPPLIED", "STMicroelectronics") in {(names[r.head], r.type.value, names[r.tail]) for r in x.relations}


@pytest.mark.parametrize(
    "text, expected, city",
    [
        ("Kestrel Optics is a wholly owned subsidiary of Austin, Texas-based Corvane Holdings.",
         ("Kestrel Optics", "OWNED_BY", "Corvane Holdings"), "Austin"),
        ("Kestrel Optics was bought by San Jose, California-based Corvane Holdings in 2020.",
         ("Kestrel Optics", "OWNED_BY", "Corvane Holdings"), "San Jose"),
        ("Kestrel Optics sells lenses to Munich, Germany-based Corvane Holdings.",
         ("Kestrel Optics", "SUPPLIED", "Corvane Holdings"), "Munich"),
    ],
)
def test_a_city_before_a_based_company_only_says_where_it_sits(extractor: Extractor, text: str,
                                                                expected: tuple[str, str, str], city: str) -> None:
    got = triples(extractor, text)
    assert expected in got, got
    assert not any(city in (h, t) for h, _, t in got), got


@pytest.mark.parametrize(
    "text",
    [
        "Corvane Holdings, the firm that used to own 40% of Kestrel Optics, sold out in May.",
        "Kestrel Optics used to be a unit of Corvane Holdings.",
        "Kestrel Optics used to be on the Entity List.",
        "Kestrel Optics, which Corvane Holdings used to control, was sold.",
    ],
)
def test_what_a_company_used_to_hold_or_be_is_past(extractor: Extractor, text: str) -> None:
    """"used to own", "used to be a unit of": a habit of the past states no owner,
    unit or listing now (as "former" does)."""
    got = {t for t in triples(extractor, text) if t[1] in ("OWNED_BY", "PART_OF", "DESIGNATED")}
    assert not got, got


def test_a_past_supply_still_counts_when_it_used_to_happen(extractor: Extractor) -> None:
    got = triples(extractor, "Corvane Holdings used to supply lenses to Kestrel Optics.")
    assert ("Corvane Holdings", "SUPPLIED", "Kestrel Optics") in got, got


def test_other_shareholders_belong_to_the_one_company_just_owned(extractor: Extractor) -> None:
    """"Other shareholders include B" adds owners to the one company whose
    owner was just stated; with two such companies it names none."""
    got = triples(extractor, "Kestrel Optics makes lenses. Tessaro Capital holds 40%. "
                             "Other shareholders include Orvane Fund, which holds about 8%, and Brightwave Capital.")
    assert {("Kestrel Optics", "OWNED_BY", "Orvane Fund"), ("Kestrel Optics", "OWNED_BY", "Brightwave Capital")} <= got, got
    two = triples(extractor, "Barrow Group holds stakes in Delmar Electronics and Kestrel Optics. "
                             "Other shareholders include Orvane Capital.")
    assert not any(t == "Orvane Capital" for _, _, t in two), two


@pytest.mark.parametrize(
    "text, expected",
    [
        # two companies the NER ran into one name
        ("Kestrel Optics, whose shareholders include Tessaro Capital and Orvane Fund, makes lenses.",
         {("Kestrel Optics", "OWNED_BY", "Tessaro Capital"), ("Kestrel Optics", "OWNED_BY", "Orvane Fund")}),
        # "holding" read as a gerund with the owner its object
        ("Kestrel Optics is controlled by holding company Tessaro Capital.", {("Kestrel Optics", "OWNED_BY", "Tessaro Capital")}),
        # a subsidiary named by how it is owned belongs to the one who acts through it, or whose site it runs
        ("Kestrel Optics operates the plant through wholly owned subsidiary Kestrel Wuxi.",
         {("Kestrel Wuxi", "OWNED_BY", "Kestrel Optics")}),
        ("Kestrel Optics makes lenses. Its plant in Wuxi, run by wholly owned subsidiary Kestrel Wuxi, will keep running.",
         {("Kestrel Wuxi", "OWNED_BY", "Kestrel Optics")}),
    ],
)
def test_owners_the_parser_or_tagger_hides(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert expected <= triples(extractor, text)


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Calder Devices bought the plant from wholly owned subsidiary Kestrel Wuxi.", ("Kestrel Wuxi", "OWNED_BY", "Calder Devices")),
        ("Regulators fined wholly owned subsidiary Kestrel Wuxi.", ("Kestrel Wuxi", "OWNED_BY", "Regulators")),
    ],
)
def test_the_other_side_of_a_trade_is_no_owner(extractor: Extractor, text: str, absent: tuple[str, str, str]) -> None:
    assert absent not in triples(extractor, text)


@pytest.mark.parametrize(
    "name",
    ["Bureau of Industry and Security", "Hubei Science and Technology Investment Group"],
)
def test_names_with_and_inside_stay_one(extractor: Extractor, name: str) -> None:
    x = extractor.extract(article_from_text(f"The {name} said Kestrel Optics had filed late."))
    assert any(name.lower() in e.name.lower() for e in x.entities), [e.name for e in x.entities]


def test_a_vehicle_owned_by_is_a_company_owned(extractor: Extractor) -> None:
    """"X is a vehicle jointly owned by A and B": a vehicle, fund or affiliate
    stands for an organisation as "a company" does."""
    got = triples(extractor, "Orvane Capital is a vehicle jointly owned by Brightwave Capital and Wise Road Capital.")
    assert {("Orvane Capital", "OWNED_BY", "Brightwave Capital"), ("Orvane Capital", "OWNED_BY", "Wise Road Capital")} <= got, got


@pytest.mark.parametrize(
    "text, linked",
    [
        ("Kronshtadt builds attack drones used by the Russian army.", "Kronshtadt"),
        ("Kronshtadt, which builds drones flown by the Russian army, was sanctioned.", "Kronshtadt"),
        ("Orvane Trading sells radios used by the Russian army.", "Orvane Trading"),
        ("Kalmar Supply sources parts for Russian missile makers.", "Kalmar Supply"),
        ("Kalmar Supply, a procurement firm that buys components for Russian missile makers, was listed.", "Kalmar Supply"),
        # goods made for weapons are a military application (the README's rules; every unseen set annotates it so)
        ("Kestrel Chips designs chips for satellites and missiles.", "Kestrel Chips"),
    ],
)
def test_makers_and_agents_of_goods_the_military_uses(extractor: Extractor, text: str, linked: str) -> None:
    assert (linked, "MILITARY_LINK", "military") in triples(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Orvane Trading bought trucks used by the Russian army.",  # a buyer of such goods
        "Kestrel Chips designs chips for satellites and weather balloons.",  # a product's civil use
        "Kalmar Supply sources parts for Russian carmakers.",  # no military buyer
    ],
)
def test_buyers_and_uses_are_no_military_tie(extractor: Extractor, text: str) -> None:
    assert not any(r == "MILITARY_LINK" for _, r, _ in triples(extractor, text))


@pytest.mark.parametrize(
    "text, expected",
    [
        # "its" in "with X becoming its shareholder" is not X's own
        ("Tessaro Holdings completed its restructuring, with Orvane Capital becoming its controlling shareholder.",
         ("Tessaro Holdings", "OWNED_BY", "Orvane Capital")),
        # another recipient of the seller just named
        ("Orvane Trading shipped chips to Zala Aero. Another recipient was Kalmar Systems.",
         ("Orvane Trading", "SUPPLIED", "Kalmar Systems")),
        # the deals a company is investigated over are its own
        ("Applied Materials is under investigation over shipments to SMIC.",
         ("Applied Materials", "SUPPLIED", "Semiconductor Manufacturing International Corporation")),
        # "the Wuhan company, whose ...," set off by commas still points back
        ("Kestrel Optics makes lenses in Wuhan. The Wuhan company, whose shareholders include Tessaro Capital, "
         "has been on the Entity List since 2022.", ("Kestrel Optics", "DESIGNATED", "US Entity List")),
    ],
)
def test_roles_and_references_across_clauses(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(extractor, text)


def test_a_recipient_of_money_is_no_customer(extractor: Extractor) -> None:
    assert not any(r == "SUPPLIED" for _, r, _ in triples(extractor, "Kalmar Systems, a recipient of state subsidies, grew."))


@pytest.mark.parametrize(
    "text",
    [
        "Intel, which once owned 15 percent of Kestrel Optics, sold its shares in 2018.",
        "Calder Devices formerly controlled Kestrel Optics.",
        "The Commerce Department decided against putting Kestrel Optics on the Entity List.",
        "Officials voted against adding Kestrel Optics to the Entity List.",
    ],
)
def test_holdings_of_the_past_and_listings_decided_against(extractor: Extractor, text: str) -> None:
    got = {t for t in triples(extractor, text) if t[1] in ("OWNED_BY", "DESIGNATED")}
    assert not got, got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kestrel Optics was previously added to the Entity List.", ("Kestrel Optics", "DESIGNATED", "US Entity List")),
        ("Calder Devices once supplied lenses to Kestrel Optics.", ("Calder Devices", "SUPPLIED", "Kestrel Optics")),
    ],
)
def test_events_of_the_past_still_hold(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(extractor, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Norvik Semiconductor makes camera chips. Distributors such as Calder Devices and Orin Labs buy its chips.",
         {("Norvik Semiconductor", "SUPPLIED", "Calder Devices"), ("Norvik Semiconductor", "SUPPLIED", "Orin Labs")}),
        ("Norvik Semiconductor makes camera chips. Phone makers like Calder Devices buy most of its output.",
         {("Norvik Semiconductor", "SUPPLIED", "Calder Devices")}),
    ],
)
def test_its_after_a_plural_group_given_by_examples_is_another_company(extractor: Extractor, text: str,
                                                                        expected: set[tuple[str, str, str]]) -> None:
    """"Integrators such as A and B buy its modules": a plural subject is no
    "its", so the names given as its examples are not what "its" stands for;
    the maker named before is."""
    got = triples(extractor, text)
    assert expected <= got, got
    hedged = triples(extractor, text.replace(" buy ", " might buy "))
    assert not any(r == "SUPPLIED" for _, r, _ in hedged), hedged


@pytest.mark.parametrize("verb", ["remained", "became"])
def test_a_buyer_that_remained_its_customer_is_not_its_own_supplier(extractor: Extractor, verb: str) -> None:
    """"Y remained its biggest buyer, X said": like "is", a copula's subject is
    what the role describes, so "its" is never Y itself (which read Y as
    supplying X)."""
    got = triples(extractor, f"Calder Devices {verb} its biggest buyer, Norvik Semiconductor said.")
    assert ("Calder Devices", "SUPPLIED", "Norvik Semiconductor") not in got, got
    got = triples(extractor, f"Norvik Semiconductor said Calder Devices {verb} its biggest buyer.")
    assert ("Norvik Semiconductor", "SUPPLIED", "Calder Devices") in got, got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Cardell Process Tools agreed to supply wet benches to Morvan Foundry.", ("Cardell Process Tools", "SUPPLIED", "Morvan Foundry")),
        ("Cardell Process Tools has agreed to ship wet benches to Morvan Foundry under a three-year deal.",
         ("Cardell Process Tools", "SUPPLIED", "Morvan Foundry")),
        ("Morvan Foundry agreed to buy wet benches from Cardell Process Tools.", ("Cardell Process Tools", "SUPPLIED", "Morvan Foundry")),
        ("Cardell Process Tools may agree to supply wet benches to Morvan Foundry.", None),
        ("Cardell Process Tools has not agreed to supply wet benches to Morvan Foundry.", None),
        ("Cardell Process Tools agreed to consider supplying wet benches to Morvan Foundry.", None),
        ("Cardell Process Tools is expected to agree to supply wet benches to Morvan Foundry.", None),
        ("Cardell Process Tools wants to agree to supply wet benches to Morvan Foundry.", None),
    ],
)
def test_an_agreement_to_trade_is_a_stated_supply(extractor: Extractor, text: str,
                                                   expected: tuple[str, str, str] | None) -> None:
    """"agreed to supply X to Y" states a supply contract (as "signed a deal
    to supply" does); the agreement's own modal, negation or hedge, or a
    hedge between it and the trade verb, still leaves it unread."""
    got = {t for t in triples(extractor, text) if t[1] == "SUPPLIED"}
    assert got == ({expected} if expected else set()), got


def test_an_agreement_to_acquire_a_company_is_no_owner_yet(extractor: Extractor) -> None:
    """Only supply reads "agreed to": a takeover agreed is not yet done."""
    got = triples(extractor, "Vessen Automotive agreed to buy Lorrin Circuits, a Swedish start-up.")
    assert not any(r == "OWNED_BY" for _, r, _ in got), got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kestrel Devices' largest shareholder is Daniel Okafor.", ("Kestrel Devices", "OWNED_BY", "Daniel Okafor")),
        ("Pellan Imaging is owned by its founder, Ingrid Solheim.", ("Pellan Imaging", "OWNED_BY", "Ingrid Solheim")),
        ("Kestrel Devices' chief executive is Daniel Okafor.", None),
        ("Pellan Imaging is run by Ingrid Solheim, a former banker.", None),
    ],
)
def test_a_person_can_be_the_owner(extractor: Extractor, text: str, expected: tuple[str, str, str] | None) -> None:
    """A shareholder or owner may be a person; an executive is not one."""
    got = {t for t in triples(extractor, text) if t[1] == "OWNED_BY"}
    assert got == ({expected} if expected else set()), got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Treasury Department sanctioned Kaiyuan Microsystems. It ships radar parts to Orin Labs, the department said.",
         ("Kaiyuan Microsystems", "SUPPLIED", "Orin Labs")),
        ("The Treasury Department sanctioned Kaiyuan Microsystems. It sells radar parts to the People's Liberation Army, "
         "the agency said.", ("Kaiyuan Microsystems", "MILITARY_LINK", "military")),
    ],
)
def test_it_trades_when_a_body_named_by_its_noun_reports(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    """"It sells X to Y, the department said": the body speaks of the company
    acted on; "it" is not the body (nor dropped because the body is unnamed)."""
    got = triples(extractor, text)
    assert expected in got, got
    assert not any(h == "US Department of the Treasury" and r in ("SUPPLIED", "MILITARY_LINK") for h, r, _ in got), got


def test_it_that_does_not_trade_stays_with_the_body_that_speaks(extractor: Extractor) -> None:
    """"Washington said it would ...": a body speaking of itself, no trade: no company is made the subject."""
    got = triples(extractor, "The Treasury Department sanctioned Kaiyuan Microsystems. It could sell radar parts to Orin Labs, "
                             "the department said.")
    assert not any(r == "SUPPLIED" for _, r, _ in got), got


def test_the_buyer_hung_on_the_makers_participle_is_the_sellers(extractor: Extractor) -> None:
    """"shipped chips made by X to Y": the parser hangs "to Y" on "made"; Y
    bought from the shipper (the maker sold to the shipper, not to Y)."""
    for verb, participle in (("shipped", "made"), ("sold", "produced")):
        got = triples(extractor, f"Orvane Trading {verb} processors {participle} by Corvel Memory to Brightwave Mobile.")
        assert ("Orvane Trading", "SUPPLIED", "Brightwave Mobile") in got, got
        assert ("Corvel Memory", "SUPPLIED", "Brightwave Mobile") not in got, got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Brightwave Mobile uses Orvane Semiconductor's foundry to make its modem chips.",
         {("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")}),
        ("Brightwave Mobile tapped the packaging lines of Orvane Semiconductor to assemble its modules.",
         {("Orvane Semiconductor", "SUPPLIED", "Brightwave Mobile")}),
        ("Brightwave Mobile uses its own fabs to make its modem chips.", set()),
        ("Brightwave Mobile could use Orvane Semiconductor's foundry to make its modem chips.", set()),
        # who uses another's plant to make goods is their buyer, never their maker
        ("Orin Labs uses Orvane Semiconductor's foundry to make Calder Devices' processors.",
         {("Orvane Semiconductor", "SUPPLIED", "Orin Labs")}),
    ],
)
def test_using_another_makers_plant_to_make_goods(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    got = {t for t in triples(extractor, text) if t[1] == "SUPPLIED"}
    assert got == expected, got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Harwell Chemicals is among the suppliers to Kestra Foundry.", {("Harwell Chemicals", "SUPPLIED", "Kestra Foundry")}),
        ("Harwell Chemicals is one of the largest suppliers to Kestra Foundry.", {("Harwell Chemicals", "SUPPLIED", "Kestra Foundry")}),
        ("Harwell Chemicals is among the potential suppliers to Kestra Foundry.", set()),
        ("Harwell Chemicals counts Kestra Foundry as one of its biggest customers.", {("Harwell Chemicals", "SUPPLIED", "Kestra Foundry")}),
        ("Harwell Chemicals counts Kestra Foundry as one of its prospective customers.", set()),
        ("Harwell Chemicals does not count Kestra Foundry as one of its customers.", set()),
    ],
)
def test_a_place_among_suppliers_or_customers(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    """"is among (one of) the suppliers to Y", with "to Y" hung on the verb or
    the count word; "counts Y as one of its customers", the subject's own."""
    got = {t for t in triples(extractor, text) if t[1] == "SUPPLIED"}
    assert got == expected, got


@pytest.mark.parametrize(
    "text, linked",
    [
        ("Sarovan Trading sold navigation chips to Belarusian arms producer Minotor Systems.", {"Minotor Systems"}),
        ("Koltsov Industries, a weapons manufacturer based in Tula, bought chips from Sarovan Trading.", {"Koltsov Industries"}),
        ("Tallis Materials reorganised its two chip arms last year.", set()),
        ("Koltsov Analytics sells arms control software to universities.", set()),
    ],
)
def test_a_maker_of_weapons_is_a_defence_company(extractor: Extractor, text: str, linked: set[str]) -> None:
    """"arms maker X", "a weapons manufacturer": a military link for the
    maker named (not for who sold to it); "arms" alone (units, arms control) is none."""
    got = {h for h, r, _ in triples(extractor, text) if r == "MILITARY_LINK"}
    assert got == linked, got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Pentagon updated its 1260H list. Norvale Marine Electronics, which the Pentagon designated in May, makes sonar.",
         {("Norvale Marine Electronics", "DESIGNATED", "DoD Section 1260H list")}),
        ("The Pentagon updated its 1260H list. Norvale Marine Electronics was designated in May.",
         {("Norvale Marine Electronics", "DESIGNATED", "DoD Section 1260H list")}),
        ("The Commerce Department updated the Entity List. Beijing designated Norvale Marine Electronics as a national champion.",
         set()),
    ],
)
def test_designated_with_no_list_named_continues_the_list_before(extractor: Extractor, text: str,
                                                                  expected: set[tuple[str, str, str]]) -> None:
    """"X, which the Pentagon designated in May": the list the article just
    named; a status given ("as a national champion", "a military company")
    is not that list."""
    got = {t for t in triples(extractor, text) if t[1] == "DESIGNATED"}
    assert got == expected, got


def test_a_military_company_label_is_not_the_list_named_before(extractor: Extractor) -> None:
    """"designated X a Chinese military company" after the Entity List was
    named: a label given with a second object, not an Entity List listing."""
    got = triples(extractor, "The Commerce Department updated the Entity List. The Pentagon designated Norvale Marine "
                             "Electronics a Chinese military company.")
    assert ("Norvale Marine Electronics", "DESIGNATED", "US Entity List") not in got, got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Lanport Electronics shipped radio modules to Voronezh Telemetry. The trader also bought amplifiers from Qorvo.",
         ("Qorvo", "SUPPLIED", "Lanport Electronics")),
        ("Lanport Electronics sold sensors to Penza Devices. The distributor also sold cameras to Kaluga Optics.",
         ("Lanport Electronics", "SUPPLIED", "Kaluga Optics")),
    ],
)
def test_the_trader_goes_on_with_the_company_just_named(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    """"The trader / the distributor also ..." continues the sentence before,
    as "the company" does; after two companies named alike it names neither."""
    assert expected in triples(extractor, text)
    two = "Lanport Electronics and Ostmark Components opened offices in Shenzhen. The trader also bought amplifiers from Qorvo."
    assert not any(r == "SUPPLIED" for _, r, _ in triples(extractor, two))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Vantor Semiconductor's chips power Brightwave Mobile's phones.", {("Vantor Semiconductor", "SUPPLIED", "Brightwave Mobile")}),
        ("Vantor Semiconductor chips power most of Brightwave Mobile's laptops.",
         {("Vantor Semiconductor", "SUPPLIED", "Brightwave Mobile")}),
        ("Vantor Semiconductor designs modems. Its modems power phones made by Brightwave Mobile.",
         {("Vantor Semiconductor", "SUPPLIED", "Brightwave Mobile")}),
        ("Vantor Semiconductor's chips power its own phones.", set()),
        ("Vantor Semiconductor sells power modules for chargers.", set()),
    ],
)
def test_goods_that_power_products_with_the_verb_read_as_a_noun(extractor: Extractor, text: str,
                                                                  expected: set[tuple[str, str, str]]) -> None:
    """"X's chips power Y's phones": the parser reads "power" as a noun
    compound; the goods' maker supplied the product's maker."""
    got = {t for t in triples(extractor, text) if t[1] == "SUPPLIED"}
    assert got == expected, got


def test_a_dateline_city_before_a_dash_is_no_company(extractor: Extractor) -> None:
    """"TEL AVIV – A subsidiary of X ...": the city was read as the subsidiary owned by X."""
    got = triples(extractor, "TEL AVIV – A Chinese subsidiary of Tavor Photonics sold lasers to Norinco.")
    assert not any(h == "TEL AVIV" for h, _, _ in got), got


def test_its_in_a_relative_clause_is_the_clauses_subject(extractor: Extractor) -> None:
    """"X, which runs its subsidiary Y, ...": the "its" of a relative clause is
    X's; only verbs of a share of something ("Y, which accounts for a third of
    its sales") keep the clause's subject out."""
    got = triples(extractor, "Tessaro Holdings, which runs its subsidiary Orin Labs from Oslo, reported a loss.")
    assert ("Orin Labs", "OWNED_BY", "Tessaro Holdings") in got, got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Pellam Systems delivered four servers to a Kestrel Devices computing lab in Austin.",
         {("Pellam Systems", "SUPPLIED", "Kestrel Devices")}),
        ("Kestrel Devices buys its gate drivers from Pellam Systems' plant in Penang.",
         {("Pellam Systems", "SUPPLIED", "Kestrel Devices")}),
        ("Pellam Systems shipped tools to a laboratory of Kestrel Devices.", {("Pellam Systems", "SUPPLIED", "Kestrel Devices")}),
        ("Kestrel Devices bought Pellam Systems' plant in Penang from Tessaro Holdings.", set()),
        ("Pellam Systems moved assembly to Kestrel Devices' plant in Brno.", set()),
    ],
)
def test_a_companys_site_stands_for_it_as_buyer_or_seller(extractor: Extractor, text: str,
                                                          expected: set[tuple[str, str, str]]) -> None:
    """Goods delivered to "an X computing lab" or bought from "X's plant" are
    delivered to, bought from, X; a site that is itself bought is no goods."""
    got = {t for t in triples(extractor, text) if t[1] == "SUPPLIED"}
    assert got == expected, got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On the server side, Orvane Systems, the rack maker controlled by Tessaro Holdings, ships Vantor GB7 racks to Kestrel Devices.",
         {("Orvane Systems", "SUPPLIED", "Kestrel Devices")}),
        ("Analysts said that Orvane Systems, which is owned by Tessaro Holdings, ships sensor modules to Kestrel Devices.",
         {("Orvane Systems", "SUPPLIED", "Kestrel Devices")}),
        ("In Europe, Orvane Systems, which is owned by Tessaro Holdings, ships sensor modules to Kestrel Devices.",
         {("Orvane Systems", "SUPPLIED", "Kestrel Devices")}),
    ],
)
def test_the_seller_before_an_aside_after_an_opening_phrase(extractor: Extractor, text: str,
                                                            expected: set[tuple[str, str, str]]) -> None:
    """"ships" read as a noun after an aside: the seller is the name before
    the aside, also when an opening phrase or "said that" comes first, and a
    maker's name in the goods ("Vantor GB7 racks") is no party."""
    got = {t for t in triples(extractor, text) if t[1] == "SUPPLIED"}
    assert got == expected, got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Orvane Radio (ORV) builds avionics. ORV, in turn, is part of Gorvek, the state defence conglomerate.",
         ("Orvane Radio", "PART_OF", "Gorvek")),
        ("Orvane Radio, in turn, is part of Gorvek, the state machinery conglomerate run by Pavol Hrebik.",
         ("Orvane Radio", "PART_OF", "Gorvek")),
        ("Orders fell at Zerovane, in which Tessaro Capital holds a minority stake.",
         ("Zerovane", "OWNED_BY", "Tessaro Capital")),
    ],
)
def test_names_the_tagger_misses_that_the_sentence_calls_companies(extractor: Extractor, text: str,
                                                                   expected: tuple[str, str, str]) -> None:
    """A name the NER calls a people or a place, or leaves untagged, is a
    company when a description after its comma calls it one or a clause says
    someone holds a stake in it."""
    assert expected in triples(extractor, text)


def test_no_company_from_a_nationality_or_the_end_of_a_longer_name(extractor: Extractor) -> None:
    got = triples(extractor, "Analysts said the Dutch supplied most of the lenses. The largest shareholder is "
                             "China Reform (China Guoxin Investment) which is owned by the State Council.")
    assert not any(h in ("Dutch", "Reform") for h, _, _ in got), got


def test_including_after_a_list_named_by_its_description(extractor: Extractor) -> None:
    """"added 20 firms to its list of Chinese military companies, including
    X and Y": "including" hangs on the list's last word."""
    got = triples(extractor, "The Pentagon added 20 firms to its list of Chinese military companies, "
                             "including memory maker Orvane Memory and Kestrel Aero.")
    assert {("Orvane Memory", "DESIGNATED", "DoD Section 1260H list"),
            ("Kestrel Aero", "DESIGNATED", "DoD Section 1260H list")} <= got, got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Die Orvane GmbH ist Teil der Tessaro-Gruppe.", {("Orvane GmbH", "PART_OF", "Tessaro")}),
        ("Die Orvane GmbH gehört zur Tessaro-Holding.", {("Orvane GmbH", "OWNED_BY", "Tessaro")}),
        ("Die Orvane GmbH ist ein Gemeinschaftsunternehmen der Tessaro AG und der Brannock AG.",
         {("Orvane GmbH", "OWNED_BY", "Tessaro AG"), ("Orvane GmbH", "OWNED_BY", "Brannock AG")}),
        ("Die Orvane Vakuumtechnik GmbH aus Rosenheim, eine Tochter der Tessaro-Gruppe, lieferte Pumpen an die Brannock AG.",
         {("Orvane Vakuumtechnik GmbH", "OWNED_BY", "Tessaro"), ("Orvane Vakuumtechnik GmbH", "SUPPLIED", "Brannock AG")}),
        ("De Orvane B.V. uit Eindhoven, een dochter van de Tessaro-groep, levert lenzen aan Brannock N.V.",
         {("Orvane B.V.", "OWNED_BY", "Tessaro"), ("Orvane B.V.", "SUPPLIED", "Brannock N.V.")}),
    ],
)
def test_german_and_dutch_groups_partners_and_towns(extractor: Extractor, text: str,
                                                   expected: set[tuple[str, str, str]]) -> None:
    """"der Tessaro-Gruppe" names Tessaro as "des Tessaro-Konzerns" does; a
    joint venture's partners in the genitive; "X aus Rosenheim, eine Tochter
    von Y": the apposition is X's, not its town's."""
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("TSMC shipped 7-nanometre chips to Huawei.", ("Taiwan Semiconductor Manufacturing Company", "SUPPLIED", "Huawei Technologies")),
        ("SMIC bought deep-ultraviolet scanners from ASML.", ("ASML", "SUPPLIED", "Semiconductor Manufacturing International Corporation")),
        ("JASM is majority-owned by Tessaro Holdings.", ("JASM", "OWNED_BY", "Tessaro Holdings")),
        ("SEOUL, April 8 - SK Square holds a 20% stake in Orvane Chips.", ("Orvane Chips", "OWNED_BY", "SK Square")),
    ],
)
def test_a_hyphen_inside_a_word_is_no_datelines_dash(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    """An acronym opening a sentence with a hyphenated word after it ("TSMC
    shipped 7-nanometre chips") was read as a dateline's city, and its
    clause lost its subject; only a dash set off by spaces ends a dateline."""
    assert expected in triples(extractor, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tessaro Holdings holds 70% of Orvane Foundry, with Kestrel Devices and Brannock Systems each owning 10%.",
         {("Orvane Foundry", "OWNED_BY", "Kestrel Devices"), ("Orvane Foundry", "OWNED_BY", "Brannock Systems")}),
        ("Tiance, a subsidiary of Brannock Aviation, makes radar modules.", {("Tiance", "OWNED_BY", "Brannock Aviation")}),
        ("Britain has ordered Kestrel Devices equipment to be stripped out of its networks by 2027.",
         {("Kestrel Devices", "BANNED", "United Kingdom")}),
        ("Kestrel Devices' lasers are supplied by Vantor Photonics, the San Diego company.",
         {("Vantor Photonics", "SUPPLIED", "Kestrel Devices")}),
    ],
)
def test_other_holders_one_word_names_goods_ordered_out_and_supplied_by(extractor: Extractor, text: str,
                                                                      expected: set[tuple[str, str, str]]) -> None:
    assert expected <= triples(extractor, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kestrel Trading routed 310 servers to Orvane Cloud through a warehouse in Johor.",
         {("Kestrel Trading", "SUPPLIED", "Orvane Cloud")}),
        ("Kestrel Trading is routing chips to Orvane Cloud via Dubai.", {("Kestrel Trading", "SUPPLIED", "Orvane Cloud")}),
        ("Kestrel Telecom routed the calls to Orvane Cloud.", set()),
        ("Orvane Cloud lists units of the PLA's Strategic Support Force among its clients.",
         {("Orvane Cloud", "MILITARY_LINK", "military")}),
        ("Orvane Vision makes cameras. Li Wenbo owns a third of the company's shares.",
         {("Orvane Vision", "OWNED_BY", "Li Wenbo")}),
    ],
)
def test_routed_goods_units_as_clients_and_the_companys_shares(extractor: Extractor, text: str,
                                                              expected: set[tuple[str, str, str]]) -> None:
    """"routed" was lemmatised "rout" (to defeat), so no supply verb matched
    (pipeline._mend_lemmas); "units of the PLA among its clients" are the
    military's; "a third of the company's shares" is never the holder's own."""
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Intel Corp shipped chips to Lenovo Group Ltd.", {("Intel", "SUPPLIED", "Lenovo")}),
        ("Micron Technology Inc sold memory to Dell.", {("Micron Technology", "SUPPLIED", "Dell")}),
        ("ASML Holding NV shipped more of its older machines last year, with Semiconductor Manufacturing International Corp. "
         "and Hua Hong Semiconductor Ltd. among the biggest buyers.",
         {("ASML", "SUPPLIED", "Semiconductor Manufacturing International Corporation"),
          ("ASML", "SUPPLIED", "Hua Hong Semiconductor")}),
        ("Vardex supplies deposition and etching machines to Orvane Fab and Tessaro Memory.",
         {("Vardex", "SUPPLIED", "Orvane Fab"), ("Vardex", "SUPPLIED", "Tessaro Memory")}),
    ],
)
def test_legal_forms_after_known_names_buyers_with_among_and_process_gerunds(extractor: Extractor, text: str,
                                                                            expected: set[tuple[str, str, str]]) -> None:
    """"Intel Corp shipped ...": the NER tagged "Corp" as a company of its own
    and it became the seller; a known name's legal form is part of its
    mention.  "..., with A and B among the biggest buyers" after a sale;
    "etching" before the goods read as a verb."""
    assert {t for t in triples(extractor, text) if t[1] == "SUPPLIED"} == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Applied Materials, Lam Research and KLA all sell equipment to YMTC.",
         {("Applied Materials", "SUPPLIED", "Yangtze Memory Technologies"), ("Lam Research", "SUPPLIED", "Yangtze Memory Technologies"),
          ("KLA Corporation", "SUPPLIED", "Yangtze Memory Technologies")}),
        ("Kestrel Memory sources etching tools from Orvane Tools.", {("Orvane Tools", "SUPPLIED", "Kestrel Memory")}),
        ("Analysts said the supply of tools to Kestrel Memory fell.", set()),
    ],
)
def test_lists_of_sellers_and_process_words_around_a_verb_read_as_a_noun(extractor: Extractor, text: str,
                                                                        expected: set[tuple[str, str, str]]) -> None:
    """"A, B and C all sell ...", "sources etching tools from X" with the verb
    read as a noun: every name of the list sells, "etching" belongs to the goods."""
    assert {t for t in triples(extractor, text) if t[1] == "SUPPLIED"} == expected


@pytest.mark.parametrize(
    "text, absent",
    [
        # the second holder is the subject of its own verb, not a second thing the first one holds
        ("Orvane Materials is a joint venture in which Kestrel Chemical holds 70 percent and the local group "
         "Formosa Fine Chem holds the rest.", ("Formosa Fine Chem", "OWNED_BY", "Kestrel Chemical")),
        ("Kestrel Chemical holds 70 percent and Formosa Fine Chem holds the rest.",
         ("Formosa Fine Chem", "OWNED_BY", "Kestrel Chemical")),
        # a German relative clause opened by a preposition keeps its names, even when its antecedent is no known name
        ("Halden Optik aus Jena, an der Wacker Chemie 31 Prozent hält, liefert Scheiben an Infineon.",
         ("Infineon Technologies", "OWNED_BY", "Wacker Chemie")),
        ("Halden Optik, an dem Wacker Chemie beteiligt ist, liefert Scheiben an Infineon.",
         ("Wacker Chemie", "SUPPLIED", "Infineon Technologies")),
    ],
)
def test_a_holder_after_and_and_a_german_relative_clause_keep_their_own_verbs(
    extractor: Extractor, text: str, absent: tuple[str, str, str]
) -> None:
    found = triples(extractor, text)
    assert absent not in found
    if "joint venture" in text:
        assert ("Orvane Materials", "OWNED_BY", "Kestrel Chemical") in found


def test_a_material_bought_from_a_supplier_in_a_german_relative_clause_still_names_the_buyer(extractor: Extractor) -> None:
    """"aus dem" mostly relates a material, not a company: the supplier's buyer stays readable."""
    found = triples(extractor, "Wacker Chemie liefert zudem das Reinstsilizium, aus dem Halden Optik seine Kristalle zieht.")
    assert ("Wacker Chemie", "SUPPLIED", "Halden Optik") in found


@pytest.mark.parametrize(
    "text, expected",
    [
        # after a long subject the tagger swaps verb and goods ("ships" a noun, "wafers" the verb)
        ("Kumamoto Silicon, the chip plant majority-owned by Tessaro Holdings, ships wafers to Sony.",
         {("Kumamoto Silicon", "OWNED_BY", "Tessaro Holdings"), ("Kumamoto Silicon", "SUPPLIED", "Sony")}),
        ("Orvane Devices, which Tessaro bought in 2019, ships lasers to Canon.",
         {("Orvane Devices", "OWNED_BY", "Tessaro"), ("Orvane Devices", "SUPPLIED", "Canon")}),
        # a name the parser reads as an adjective before "subsidiary"
        ("Kestrel Optics sold lasers to Vektor Radio, a Gorvek subsidiary.",
         {("Kestrel Optics", "SUPPLIED", "Vektor Radio"), ("Vektor Radio", "OWNED_BY", "Gorvek")}),
    ],
)
def test_descriptions_the_parser_reads_as_modifiers_keep_their_facts(
        extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert expected <= triples(extractor, text)


def test_goods_sold_on_by_a_local_unit_make_no_owner(extractor: Extractor) -> None:
    got = triples(extractor, "Kessler Vacuum said its wholly owned unit Kessler Vacuum (Suzhou) services pumps sold to "
                             "Hua Hong Semiconductor.")
    assert ("Kessler Vacuum (Suzhou)", "OWNED_BY", "Kessler Vacuum") in got
    assert not any(t == "OWNED_BY" and tail == "Hua Hong Semiconductor" for _, t, tail in got)


def test_a_description_after_a_name_in_an_object_is_that_names_not_the_subjects(extractor: Extractor) -> None:
    got = triples(extractor, "Assembly will stay with Siliconware Precision Industries (SPIL), the Taichung-based packaging "
                             "subsidiary of ASE Technology Holding.")
    assert ("Siliconware Precision Industries", "OWNED_BY", "ASE Technology Holding") in got


@pytest.mark.parametrize(
    "text, expected",
    [
        # a country after a word the NER left untagged names the local company when it does what companies do
        ("Orvane Portugal relies on Calder Networks for much of its radio network.", {("Calder Networks", "SUPPLIED", "Orvane Portugal")}),
        ("Orvane Mobile switched its core network to Calder Networks in 2021.", {("Calder Networks", "SUPPLIED", "Orvane Mobile")}),
        ("Meridian Compute is owned through Keystone Holdings Ltd, a company registered in the Cayman Islands.",
         {("Meridian Compute", "OWNED_BY", "Keystone Holdings Ltd")}),
    ],
)
def test_local_companies_switched_suppliers_and_holdings_in_between(
        extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert expected <= triples(extractor, text)


def test_a_country_relying_on_a_supplier_stays_a_country(extractor: Extractor) -> None:
    assert not triples(extractor, "Northern Portugal relies on Calder Networks for power.")


def test_sellers_named_among_a_group_are_no_company_bought(extractor: Extractor) -> None:
    got = triples(extractor, "Cardinal Components bought the parts from authorised distributors, among them Orvane Electronics, "
                             "and resold them to Grand Luck Electronics Ltd, a Hong Kong company.")
    assert ("Cardinal Components", "SUPPLIED", "Grand Luck Electronics Ltd") in got  # "resold": the lemmatiser's slip mended
    assert not any(t == "OWNED_BY" for _, t, _ in got)


def test_a_hyphenated_brand_before_a_country_keeps_its_first_part(extractor: Extractor) -> None:
    got = triples(extractor, "T-Mobile Czech Republic, a subsidiary of Deutsche Telekom, replaced its routers in 2020.")
    assert ("T-Mobile Czech Republic", "OWNED_BY", "Deutsche Telekom") in got


def test_a_fab_after_a_possessive_name_stands_for_its_owner_whatever_its_tag(extractor: Extractor) -> None:
    # the tagger calls "fab" a proper noun after "X's Beijing"
    assert ("Orvane Semiconductor", "SUPPLIED", "Calder Graphics") in triples(
        extractor, "Calder Graphics sources its dies from Orvane Semiconductor's Beijing fab.")


@pytest.mark.parametrize(
    "text, expected",
    [
        # names the NER calls people, made companies by what the sentence does with them
        ("Shenzhen Orvane is controlled by Eastbridge Capital Holdings.", {("Shenzhen Orvane", "OWNED_BY", "Eastbridge Capital Holdings")}),
        ("Kestrel Memory owns Solvane, the flash business it bought from Orvane Semiconductor.",
         {("Solvane", "OWNED_BY", "Kestrel Memory")}),
        # a name the NER stopped before its country ("... Corp. of | China")
        ("Tiance Radar, a subsidiary of Kestrel Aerospace Corp. of China, makes radar modules.",
         {("Tiance Radar", "OWNED_BY", "Kestrel Aerospace Corp. of China")}),
    ],
)
def test_companies_the_tagger_took_for_people_or_cut_short(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    got = triples(extractor, text)
    assert expected <= got, got


def test_a_person_controlled_by_someone_stays_a_person(extractor: Extractor) -> None:
    assert not triples(extractor, "John Smith is controlled by his wife.")


@pytest.mark.parametrize("text, linked", [
    ("Uralpribor LLC is a Moscow trader. Uralpribor is a procurement agent for Russia's military-industrial complex.", True),
    ("Polarlink Ltd is a Hong Kong trader. Polarlink had become one of the main sources of Western chips for Russia's "
     "defence industry.", True),
    ("Polarlink Ltd is a Hong Kong trader. Polarlink acts as a front for the Russian military.", True),
    ("Polarlink Ltd is a Hong Kong trader. Polarlink is not a front for the Russian military, its lawyer said.", False),
    ("Polarlink Ltd is a Hong Kong trader. A source close to the Russian defence ministry said Polarlink had shipped "
     "chips to Kestrel Devices.", False),
])
def test_an_agent_or_source_for_the_military_is_linked(extractor: Extractor, text: str, linked: bool) -> None:
    """A company's role for the military ("a procurement agent for", "a source of chips for", "a front for") ties the
    company to it; an informant ("a source close to the defence ministry") and a denial tie nobody."""
    got = {h for h, r, _ in triples(extractor, text) if r == "MILITARY_LINK"}
    assert bool(got) == linked and got <= {"Uralpribor LLC", "Polarlink Ltd"}, got


@pytest.mark.parametrize("text, listed", [
    ("Polarlink Ltd is a Hong Kong trader. Britain added Polarlink to its own sanctions list in May.", "UK sanctions list"),
    ("Polarlink Ltd is a Hong Kong trader. The EU added Polarlink to its sanctions list in May.", "EU sanctions list"),
    ("Polarlink Ltd is a Hong Kong trader. Polarlink was put on the British sanctions list in May.", "UK sanctions list"),
    ("Polarlink Ltd is a Hong Kong trader. Japan added Polarlink to its sanctions list in May.", None),
])
def test_a_sanctions_list_is_its_keepers(extractor: Extractor, text: str, listed: str | None) -> None:
    """"its own sanctions list" is the list of whoever adds to it: the UK's or the EU's (a list we do not keep
    for another government names none)."""
    got = {t for _, r, t in triples(extractor, text) if r == "DESIGNATED"}
    assert got == ({listed} if listed else set()), got


def test_a_list_named_by_the_law_it_is_kept_under(extractor: Extractor) -> None:
    """"The updated list, issued under Section 1260H of the defence act, now includes A" is the Pentagon's list."""
    got = triples(extractor, "The Pentagon published its annual list. The updated list, issued under Section 1260H of the "
                             "defence act, now includes drone maker Autel Robotics and Hesai Group.")
    assert {("Autel Robotics", "DESIGNATED", "DoD Section 1260H list"), ("Hesai Group", "DESIGNATED", "DoD Section 1260H list")} <= got, got


def test_a_government_body_barred_from_dealing_is_not_banned(extractor: Extractor) -> None:
    """"Congress voted to bar the Pentagon from contracting with them": a body's own dealings are barred, no
    company's products, so no BANNED fact (its head would be a government body)."""
    got = triples(extractor, "Congress has voted to bar the Pentagon from contracting with Orvane Semiconductor from 2026.")
    assert not any(r == "BANNED" and h == "US Department of Defense" for h, r, _ in got), got


def test_a_list_of_companies_the_pentagon_says_work_with_the_military(extractor: Extractor) -> None:
    """"The Defense Department added A and B to a list of companies it says work with China's military": the
    Pentagon's list (its keeper is who adds to it), and both are military-linked."""
    got = triples(extractor, "The Defense Department on Monday added Kestrel Memory and Orvane Semiconductor to a list "
                             "of companies it says work with China's military.")
    assert {("Kestrel Memory", "DESIGNATED", "DoD Section 1260H list"), ("Orvane Semiconductor", "DESIGNATED", "DoD Section 1260H list"),
            ("Kestrel Memory", "MILITARY_LINK", "military")} <= got, got


def test_a_list_the_eu_says_holds_military_suppliers_is_the_eus(extractor: Extractor) -> None:
    """"the list of entities that the bloc says support Moscow's military and industrial complex" is the EU's
    sanctions list, not the US Treasury's Chinese military-industrial complex list."""
    got = triples(extractor, "European Union governments on Friday adopted a package of sanctions against Russia, adding 61 "
                             "companies to the list of entities that the bloc says provide direct support to Moscow's military "
                             "and industrial complex. They include Kestrel Trading Ltd. and Orvane Components Ltd.")
    assert {("Kestrel Trading Ltd.", "DESIGNATED", "EU sanctions list"), ("Orvane Components Ltd.", "DESIGNATED", "EU sanctions list")} <= got, got
    assert not any(t == "NS-CMIC List" for _, _, t in got), got


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        # a sale to a defence ministry is a sale to the military
        ("Tarsel Microwave makes guidance electronics for the Russian Ministry of Defence.",
         {("Tarsel Microwave", "MILITARY_LINK", "military")}, set()),
        ("Tarsel Microwave sold radios to the Commerce Department.", set(), {("Tarsel Microwave", "MILITARY_LINK", "military")}),
        # a company, then its town, then a relative clause of trade: the clause is the company's
        ("Norvik Trading shipped the parts to Bright Harbour Ltd in Hong Kong, which forwarded them to Tekmash Radio.",
         {("Bright Harbour Ltd", "SUPPLIED", "Tekmash Radio")}, set()),
        # a second recipient after an apposition, its "to" read as the verb's conjunct
        ("Norvik Trading sold parts to the Orvane Institute, a branch of Tessaro Academy, and to the Calder Research Centre.",
         {("Norvik Trading", "SUPPLIED", "Orvane Institute"), ("Norvik Trading", "SUPPLIED", "Calder Research Centre")}, set()),
        # a company's noun before the name read as the name's modifier
        ("Orvane Radio is a subsidiary of the state defence conglomerate Rostec.", {("Rostec", "MILITARY_LINK", "military")},
         {("Orvane Radio", "MILITARY_LINK", "military")}),
    ],
)
def test_supply_to_the_military_and_recipients_the_parser_misplaces(extractor: Extractor, text: str,
                                                                   expected: set[tuple[str, str, str]],
                                                                   absent: set[tuple[str, str, str]]) -> None:
    found = triples(extractor, text)
    assert expected <= found
    assert not absent & found


def test_a_pronoun_names_no_product(extractor: Extractor) -> None:
    """"forwarded them to Y": the sale stands, and no product called "them" is made."""
    x = extractor.extract(article_from_text("Norvik Trading forwarded them to Tekmash Radio."))
    assert {e.name for e in x.entities if e.type.value == "PRODUCT"} == set()
    assert ("Norvik Trading", "SUPPLIED", "Tekmash Radio") in triples(extractor, "Norvik Trading forwarded them to Tekmash Radio.")


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        # the reason a listing gives, as a noun after "over"/"for"
        ("Kestrel Power and Orvane Avionics were added to the Entity List over their alleged support for Chinese military "
         "aircraft programmes.", {("Kestrel Power", "MILITARY_LINK", "military"), ("Orvane Avionics", "MILITARY_LINK", "military")},
         set()),
        ("Kestrel Power was added to the Entity List over its support for a civilian airline.", set(),
         {("Kestrel Power", "MILITARY_LINK", "military")}),
        # goods that support the military tie their maker; an "its" in the reason of a listing is the company listed
        ("Washington added Orvane Compute to the Entity List, alleging that its chips support the modernisation of the "
         "People's Liberation Army.", {("Orvane Compute", "MILITARY_LINK", "military")}, set()),
        ("Kestrel Radar's sensors support the Russian army's air defence.", {("Kestrel Radar", "MILITARY_LINK", "military")}, set()),
        ("Kestrel Radar says its sensors do not support the military.", set(), {("Kestrel Radar", "MILITARY_LINK", "military")}),
    ],
)
def test_military_reasons_of_a_listing_and_goods_that_support_the_military(
        extractor: Extractor, text: str, expected: set[tuple[str, str, str]], absent: set[tuple[str, str, str]]) -> None:
    found = triples(extractor, text)
    assert expected <= found
    assert not absent & found


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        ("Halvorsen Optics holds 85 percent of Tarrow Photonics and Brightline Capital the rest.",
         {("Tarrow Photonics", "OWNED_BY", "Halvorsen Optics"), ("Tarrow Photonics", "OWNED_BY", "Brightline Capital")},
         ("Brightline Capital", "OWNED_BY", "Halvorsen Optics")),
        ("Halvorsen Optics owns 70% of Tarrow Photonics, and Brightline Capital the remaining 30%.",
         {("Tarrow Photonics", "OWNED_BY", "Brightline Capital")}, ("Brightline Capital", "OWNED_BY", "Halvorsen Optics")),
        ("Halvorsen Optics owns a majority of Tarrow Photonics and Brightline Capital a minority stake.",
         {("Tarrow Photonics", "OWNED_BY", "Brightline Capital")}, ("Brightline Capital", "OWNED_BY", "Halvorsen Optics")),
        # no share after the second company: two companies owned
        ("Halvorsen Optics owns Tarrow Photonics and Brightline Capital.",
         {("Brightline Capital", "OWNED_BY", "Halvorsen Optics")}, ("Tarrow Photonics", "OWNED_BY", "Brightline Capital")),
    ],
)
def test_a_gapped_holder_holds_a_share_of_the_same_company(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]], absent: tuple[str, str, str],
) -> None:
    got = triples(extractor, text)
    assert expected <= got and absent not in got, got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tarrow Photonics is a unit of Halvorsen Optics.", {("Tarrow Photonics", "PART_OF", "Halvorsen Optics")}),
        ("Kelvane Devices is controlled by Halvorsen Optics through a Luxembourg vehicle.",
         {("Kelvane Devices", "OWNED_BY", "Halvorsen Optics")}),
    ],
)
def test_an_unknown_name_opening_a_sentence(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert expected <= triples(extractor, text)


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        # a capitalised "Provincial"/"Municipal" before the state-assets commission: the province's own body
        ("Kelvane Group is controlled by the Shaanxi Provincial State-owned Assets Supervision and Administration Commission.",
         ("Kelvane Group", "OWNED_BY", "Shaanxi Provincial State-owned Assets Supervision and Administration Commission"),
         ("Kelvane Group", "OWNED_BY", "State-owned Assets Supervision and Administration Commission")),
        # an offshore company named with its jurisdiction in brackets
        ("Kelvane Devices sold pumps to Kelvane International (Seychelles), an affiliate.",
         ("Kelvane Devices", "SUPPLIED", "Kelvane International (Seychelles)"), ("Kelvane Devices", "SUPPLIED", "Seychelles")),
    ],
)
def test_names_of_local_bodies_and_offshore_companies(
    extractor: Extractor, text: str, expected: tuple[str, str, str], absent: tuple[str, str, str],
) -> None:
    got = triples(extractor, text)
    assert expected in got and absent not in got, got


@pytest.mark.parametrize(
    "text, expected",
    [
        # a buyer named only as some of a group's companies
        ("Orin Labs had stopped selling etching gases to units of Kestrel Group.", ("Orin Labs", "SUPPLIED", "Kestrel Group")),
        # "in which" after a description of a name: the name, not the goods the description mentions
        ("Kestrel Photonics, a maker of laser diodes in which Orin Labs holds a 65% stake, grew.",
         ("Kestrel Photonics", "OWNED_BY", "Orin Labs")),
        # a city's own state-assets commission, written with no "municipal"
        ("Kestrel Group is wholly owned by the Xiamen State-owned Assets Supervision and Administration Commission.",
         ("Kestrel Group", "OWNED_BY", "Xiamen State-owned Assets Supervision and Administration Commission")),
    ],
)
def test_groups_named_by_their_units_and_descriptions(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(extractor, text)


def test_selling_a_stake_to_units_of_a_group_is_no_sale_of_goods(extractor: Extractor) -> None:
    got = triples(extractor, "Orin Labs sold its stake to units of Kestrel Group.")
    assert not any(r == "SUPPLIED" for _, r, _ in got), got


@pytest.mark.parametrize(
    "text, expected",
    [
        # a name the tagger reads as an adjective before "supplies"
        ("Denso supplies control units to Toyota.", ("Denso", "SUPPLIED", "Toyota Motor")),
        # "its" opening the subject of a clause joined to one about A is A's
        ("Orin Labs supplies lasers to Kestrel Devices, and its US subsidiary Inpria Systems develops resists.",
         ("Inpria Systems", "OWNED_BY", "Orin Labs")),
    ],
)
def test_sellers_and_owners_the_parser_hides(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Washington has stopped short of adding Kestrel Devices to the Entity List.",
        "Wolfspeed makes substrates. The Durham, North Carolina-based company supplies substrates to Infineon Technologies.",
    ],
)
def test_no_listing_short_of_one_and_no_company_named_after_its_city(extractor: Extractor, text: str) -> None:
    got = triples(extractor, text)
    assert not any(h in ("Kestrel Devices", "Durham") and r in ("DESIGNATED", "SUPPLIED") for h, r, _ in got), got


@pytest.mark.parametrize(
    "text, expected",
    [
        # "together" read as the subject of the customers before it
        ("Orin Labs makes optical modules. Three customers - Alpha Networks, Beta Systems and Gamma Cloud - together "
         "accounted for 61% of quarterly revenue.", ("Orin Labs", "SUPPLIED", "Beta Systems")),
        # a company whose name ends in "Lab"
        ("The Commerce Department has prohibited the sale of Kaspersky Lab's antivirus software to U.S. customers.",
         ("Kaspersky Lab", "BANNED", "US Department of Commerce")),
    ],
)
def test_customers_counted_together_and_a_lab_banned(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(extractor, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a name the NER calls a person, in a customer's role, is a company
        ("Pinecrest Metering is one of Orin Labs' biggest U.S. customers.", {("Orin Labs", "SUPPLIED", "Pinecrest Metering")}),
        # "two of ..." set beside two names describes both
        ("Orin Aero and Kestrel Tech, two of the country's largest defence conglomerates, build fighter jets.",
         {("Orin Aero", "MILITARY_LINK", "military"), ("Kestrel Tech", "MILITARY_LINK", "military")}),
        ("Orin Aero and Kestrel Tech, two of the largest suppliers to Brightline Motors, grew.",
         {("Orin Aero", "SUPPLIED", "Brightline Motors"), ("Kestrel Tech", "SUPPLIED", "Brightline Motors")}),
    ],
)
def test_roles_and_counted_descriptions(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert expected <= triples(extractor, text)


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        # items of a list cut by semicolons, each with its own description: a description says nothing of the others
        ("The new names are Baltic Forge Systems, a subsidiary of Norvik Group; Kestrel Optronics, which belongs to "
         "Halden Industries; and Corvane Labs.",
         {("Baltic Forge Systems", "OWNED_BY", "Norvik Group"), ("Kestrel Optronics", "OWNED_BY", "Halden Industries")},
         {("Kestrel Optronics", "OWNED_BY", "Corvane Labs"), ("Baltic Forge Systems", "OWNED_BY", "Halden Industries")}),
        # a parent whose name starts its unit's is the parent, not the unit's short form
        ("The ministry put three firms on its unreliable entity list. They are Orin Aero Systems, a unit of Orin Aero; "
         "Kestrel Optronics, which is part of Halden Industries; and Harbor Point, a drone maker.",
         {("Orin Aero Systems", "PART_OF", "Orin Aero"), ("Harbor Point", "DESIGNATED", "Unreliable Entity List")},
         {("Orin Aero Systems", "PART_OF", "Harbor Point"), ("Kestrel Optronics", "PART_OF", "Harbor Point")}),
        # an earlier bare group of the same word is another group than the one the list names
        ("Regulators discouraged Chinese cloud firms from ordering Vantor Semiconductor's accelerators. The ministry put "
         "three firms on the Entity List. They are Kelvane Systems, Tessaro Holdings and Orvane Labs.",
         {("Tessaro Holdings", "DESIGNATED", "US Entity List")},
         {("Vantor Semiconductor", "SUPPLIED", "Tessaro Holdings")}),
    ],
)
def test_semicolon_lists_parents_named_like_their_units_and_earlier_groups(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]], absent: set[tuple[str, str, str]]
) -> None:
    assert_reads(extractor, text, expected, absent)


@pytest.mark.parametrize(
    "text, expected",
    [
        # "it" after a semicolon goes on about the subject of the clause before, not a name in its predicate
        ("Lindqvist Optics is a subsidiary of Germany's Halden AG; Vantor Systems has owned a 24.9 percent stake in it "
         "since 2016.", ("Lindqvist Optics", "OWNED_BY", "Vantor Systems")),
        # Carl Zeiss SMT is a company of its own, a subsidiary of Carl Zeiss AG (reference data)
        ("Carl Zeiss SMT, a unit of Carl Zeiss AG, supplies the mirrors for all of ASML's scanners.",
         ("Carl Zeiss SMT", "SUPPLIED", "ASML")),
        ("Carl Zeiss SMT, a unit of Carl Zeiss AG, supplies the mirrors for all of ASML's scanners.",
         ("Carl Zeiss SMT", "PART_OF", "Carl Zeiss")),
    ],
)
def test_it_after_a_semicolon_and_a_subsidiary_apart_from_its_parent(
    extractor: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(extractor, text)


def test_another_countrys_ministry_and_its_own_entity_list(extractor: Extractor) -> None:
    text = ("Taiwan's Ministry of Economic Affairs added Kelvane Systems to its Strategic High-Tech Commodities Entity List "
            "in March.")
    x = extractor.extract(article_from_text(text))
    names = {e.name for e in x.entities}
    assert "Ministry of Economic Affairs and Climate Policy" not in names, names  # the Dutch ministry of that name
    assert "Taiwan Ministry of Economic Affairs" in names, names
    assert ("Kelvane Systems", "DESIGNATED", "Taiwan Strategic High-Tech Commodities Entity List") in triples(extractor, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # names right after a plural group noun, which the small parser leaves unattached
        ("Kelvane Memory sells DRAM to smartphone makers Oppo and Vivo, analysts said.", {("Kelvane Memory", "SUPPLIED", "Vivo")}),
        # a country as the buyer of goods shipped to it
        ("Orvane Trading also shipped components to Russia, the department said.", {("Orvane Trading", "SUPPLIED", "Russia")}),
    ],
)
def test_buyers_after_a_group_noun_and_countries(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert expected <= triples(extractor, text)


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        # partners a relative clause calls shareholders too own the main clause's subject
        ("Orvane Japan makes sensor chips for Sorel and Denvik, both of which are also shareholders.",
         {("Orvane Japan", "OWNED_BY", "Sorel"), ("Orvane Japan", "OWNED_BY", "Denvik")}, set()),
        ("Orvane Japan supplies Sorel and Denvik, which is also a shareholder.",
         {("Orvane Japan", "OWNED_BY", "Denvik")}, {("Orvane Japan", "OWNED_BY", "Sorel")}),
        ("Orvane Japan supplies Sorel, which is not a shareholder.", set(), {("Orvane Japan", "OWNED_BY", "Sorel")}),
        # "the company's" inside a description of X is another company than X: the one named before
        ("Kelvane Semiconductor makes chips. Orvane Labs, the company's wholly owned subsidiary, tests them.",
         {("Orvane Labs", "OWNED_BY", "Kelvane Semiconductor")}, set()),
        # ... and the one its name starts with, whoever the sentence before was about
        ("TSMC makes most of the world's advanced chips. Sorel Semiconductor, a unit of Sorel Group, makes sensors. "
         "In the United States, TSMC Arizona, the company's wholly owned U.S. subsidiary, makes chips for Apple.",
         {("TSMC Arizona", "OWNED_BY", "Taiwan Semiconductor Manufacturing Company")}, {("TSMC Arizona", "OWNED_BY", "Sorel Semiconductor")}),
        # a builder of military goods, the military goods second in a list
        ("Norvane Aerospace, the country's main builder of rockets and military satellites, grew.",
         {("Norvane Aerospace", "MILITARY_LINK", "military")}, set()),
    ],
)
def test_shareholders_too_the_companys_unit_and_military_builders(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]], absent: set[tuple[str, str, str]]
) -> None:
    assert_reads(extractor, text, expected, absent)


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        # a company noun opening the sentence is no part of the name after it
        ("Chipmaker Orvane Semiconductor said it sells chips to Kelvane Memory.",
         {("Orvane Semiconductor", "SUPPLIED", "Kelvane Memory")}, set()),
        ("Rival Orvane Chemical is believed to supply NF3 to Kelvane Memory's fabs.",
         {("Orvane Chemical", "SUPPLIED", "Kelvane Memory")}, set()),
        # "Foundries" ends a name like "Foundry"
        ("Orvane Wafers delivers wafers to Kelvane Foundries in Dresden.", {("Orvane Wafers", "SUPPLIED", "Kelvane Foundries")}, set()),
        # "X, in which Y holds 10%, delivers ...": the parser gives the main verb no subject; X is it, not Y
        ("French wafer maker Orvane Wafers, in which state investment bank Keystone Capital holds about 10%, delivers "
         "substrates to GlobalFoundries for its Dresden site.",
         {("Orvane Wafers", "SUPPLIED", "GlobalFoundries")}, {("Keystone Capital", "SUPPLIED", "GlobalFoundries")}),
    ],
)
def test_names_after_an_opening_company_noun_and_subjects_before_a_relative_clause(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]], absent: set[tuple[str, str, str]]
) -> None:
    assert_reads(extractor, text, expected, absent)


@pytest.mark.parametrize(
    "text, expected",
    [
        # the British "per cent" is a share as "percent" and "%" are
        ("Germany holds 25.1 per cent of Orvane Sensors.", {("Orvane Sensors", "OWNED_BY", "Germany")}),
        ("Keystone Capital owns 60 per cent of Orvane Sensors. Tessaro Holdings holds the remaining 40 per cent.",
         {("Orvane Sensors", "OWNED_BY", "Keystone Capital"), ("Orvane Sensors", "OWNED_BY", "Tessaro Holdings")}),
        ("Orvane Sensors makes lenses. The Fenghuang Development Fund holds 12 per cent.",
         {("Orvane Sensors", "OWNED_BY", "Fenghuang Development Fund")}),
        # and so is the wires' "pct"
        ("Keystone Capital owns 60 pct of Orvane Sensors. Tessaro Holdings holds the remaining 40 pct.",
         {("Orvane Sensors", "OWNED_BY", "Keystone Capital"), ("Orvane Sensors", "OWNED_BY", "Tessaro Holdings")}),
        ("Orvane Sensors is 60 pct owned by Keystone Capital.", {("Orvane Sensors", "OWNED_BY", "Keystone Capital")}),
    ],
)
def test_shares_told_per_cent(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert expected <= triples(extractor, text)


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        # told or ordered to stop buying: a sale asked about, not one made
        ("Beijing told operators including Tessaro Mobile and Kelvane Telecom to stop buying Orvane Networks' routers.",
         set(), {("Orvane Networks", "SUPPLIED", "Tessaro Mobile"), ("Orvane Networks", "SUPPLIED", "Kelvane Telecom")}),
        ("The ministry ordered Kelvane Pumps to stop exporting its vacuum pumps to Russia.",
         set(), {("Kelvane Pumps", "SUPPLIED", "Russia")}),
        # ... while having stopped buying says the sales were made
        ("Tessaro Mobile stopped buying Orvane Networks' routers in 2022.", {("Orvane Networks", "SUPPLIED", "Tessaro Mobile")}, set()),
        # a material introduced by a short name is goods, not a company sold to its buyers
        ("Orvane Chemical's bonding film, known as OBF, is sold to board makers Kelvane Circuits and Tessaro PCB.",
         set(), {("OBF", "OWNED_BY", "Kelvane Circuits"), ("OBF", "OWNED_BY", "Tessaro PCB")}),
        # Iran's Revolutionary Guards are the military, as an owner too
        ("Kestrel Aero, a drone maker controlled by the IRGC, bought engines from Tessaro Motors.",
         {("Kestrel Aero", "MILITARY_LINK", "military"), ("Tessaro Motors", "SUPPLIED", "Kestrel Aero")}, set()),
        # "The company ships ...", read by the parser as a noun compound: the company the description stands for
        ("Orvane Memory reported results on Tuesday. The company ships memory chips to handset makers including "
         "Kelvane Mobile and Tessaro Phones.",
         {("Orvane Memory", "SUPPLIED", "Kelvane Mobile"), ("Orvane Memory", "SUPPLIED", "Tessaro Phones")}, set()),
        ("Kelvane Power reported results on Tuesday. The Munich-based group sources substrates from Orvane Crystal "
         "and Tessaro Wafer.",
         {("Orvane Crystal", "SUPPLIED", "Kelvane Power"), ("Tessaro Wafer", "SUPPLIED", "Kelvane Power")}, set()),
        # "X, China's largest maker by revenue, which sells ...": the clause hung on "revenue" is about X
        ("The biggest winner has been Orvane Tools, China's largest equipment maker by revenue, which sells etch tools "
         "to Kelvane Foundry and Tessaro Chips.",
         {("Orvane Tools", "SUPPLIED", "Kelvane Foundry"), ("Orvane Tools", "SUPPLIED", "Tessaro Chips")}, set()),
        # a branch of the military is the military: its supplier is tied to the military, the branch itself is no company
        ("Among the additions is Orvane Micro, which makes memory and, according to the notice, supplies the PLA's "
         "Strategic Support Force.", {("Orvane Micro", "MILITARY_LINK", "military")},
         {("Orvane Micro", "SUPPLIED", "Strategic Support Force"), ("Strategic Support Force", "MILITARY_LINK", "military")}),
        # "X was added" goes on adding to the list the article added names to, not to one a company is only said to be on
        ("The United States on Tuesday added 16 Chinese organisations to its trade blacklist. Kelvane Radar, a "
         "state-owned defence group, has been on the Pentagon's list of Chinese military companies since 2021. "
         "Orvane Optics, a subsidiary of Kelvane Radar, was added for diverting coatings to weapons programmes.",
         {("Orvane Optics", "DESIGNATED", "US Entity List"), ("Kelvane Radar", "DESIGNATED", "DoD Section 1260H list")},
         {("Orvane Optics", "DESIGNATED", "DoD Section 1260H list")}),
        # "re-exported": the hyphen is no subject of the verb after it
        ("Orvane Tech bought the machines from Kelvane Computer and re-exported them to Shenzhen Tessaro Data.",
         {("Kelvane Computer", "SUPPLIED", "Orvane Tech"), ("Orvane Tech", "SUPPLIED", "Shenzhen Tessaro Data")}, set()),
        # a country's own list, named by the words another country's list goes by
        ("Taiwan added Orvane Semiconductor and Kelvane Chips to its entity list on Monday.",
         {("Orvane Semiconductor", "DESIGNATED", "Taiwan Strategic High-Tech Commodities Entity List")},
         {("Orvane Semiconductor", "DESIGNATED", "US Entity List")}),
        ("Taiwan's economy ministry added Orvane Semiconductor to its entity list.",
         {("Orvane Semiconductor", "DESIGNATED", "Taiwan Strategic High-Tech Commodities Entity List")}, set()),
        ("Washington added Orvane Semiconductor to its entity list.", {("Orvane Semiconductor", "DESIGNATED", "US Entity List")}, set()),
        # gapped holders after a comma, and in a relative clause
        ("Tessaro Sensors holds 6% of Kelvane Fab, Calder Devices 5.5% and Brightwave Motor 2%.",
         {("Kelvane Fab", "OWNED_BY", "Calder Devices"), ("Kelvane Fab", "OWNED_BY", "Brightwave Motor")},
         {("Calder Devices", "OWNED_BY", "Tessaro Sensors")}),
        ("Orvane Foundry operates through Kelvane Fab, a majority-owned venture in which Tessaro Sensors holds about 6%, "
         "parts maker Calder Devices 5.5% and Brightwave Motor 2%.",
         {("Kelvane Fab", "OWNED_BY", "Tessaro Sensors"), ("Kelvane Fab", "OWNED_BY", "Calder Devices"),
          ("Kelvane Fab", "OWNED_BY", "Brightwave Motor")}, set()),
        # ... but shares of a market listed one after another are no holdings at all
        ("Orvane Memory, which is 51% owned by Tessaro Capital, holds 40% of the DRAM market, Kelvane Chips 30% and "
         "Calder Devices 20%.", {("Orvane Memory", "OWNED_BY", "Tessaro Capital")},
         {("Kelvane Chips", "OWNED_BY", "Orvane Memory"), ("Kelvane Chips", "OWNED_BY", "Calder Devices"),
          ("Orvane Memory", "OWNED_BY", "Kelvane Chips")}),
        # "Y is the company's largest shareholder": the company is another than Y
        ("Orvane Foundry makes chips. Tessaro Capital is the company's largest shareholder.",
         {("Orvane Foundry", "OWNED_BY", "Tessaro Capital")}, set()),
        # "alongside B" joins B to the holder, never to what is held
        ("Kestrel Fund remains a shareholder of Orvane Memory, alongside Hubei Tessaro Investment, a provincial investor.",
         {("Orvane Memory", "OWNED_BY", "Kestrel Fund"), ("Orvane Memory", "OWNED_BY", "Hubei Tessaro Investment")}, set()),
        ("Tessaro Capital holds a stake in Orvane Memory alongside Kestrel Bank.",
         {("Orvane Memory", "OWNED_BY", "Tessaro Capital"), ("Orvane Memory", "OWNED_BY", "Kestrel Bank")},
         {("Kestrel Bank", "OWNED_BY", "Tessaro Capital")}),
        ("Orvane Memory was added to the Entity List alongside Kestrel Devices.",
         {("Orvane Memory", "DESIGNATED", "US Entity List"), ("Kestrel Devices", "DESIGNATED", "US Entity List")}, set()),
    ],
)
def test_orders_to_stop_buying_materials_named_short_revolutionary_guards_and_holders_alongside(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]], absent: set[tuple[str, str, str]]
) -> None:
    assert_reads(extractor, text, expected, absent)


def test_an_agency_described_between_commas_is_no_member_of_the_group_named(extractor: Extractor) -> None:
    """"Among the firms named by X, the agency within Y, were A and B": the
    description is X's (the parser made it the verb's subject); Y is neither
    listed nor A's parent."""
    text = ("WASHINGTON, March 3 - The US Department of Commerce on Monday added 9 Russian entities to its Entity List. "
            "Among the companies named by the Bureau of Industry and Security, the export-control arm within the "
            "US Department of Commerce, were Tovarin Microdevices and Pskov Radiotech.")
    assert_reads(
        extractor, text,
        {("Tovarin Microdevices", "DESIGNATED", "US Entity List"), ("Pskov Radiotech", "DESIGNATED", "US Entity List"),
         ("Bureau of Industry and Security", "PART_OF", "US Department of Commerce")},
        {("US Department of Commerce", "DESIGNATED", "US Entity List"), ("Tovarin Microdevices", "PART_OF", "US Department of Commerce"),
         ("Pskov Radiotech", "PART_OF", "US Department of Commerce")},
    )


def test_a_city_before_a_joint_venture_is_where_and_its_partner_an_owner(extractor: Extractor) -> None:
    assert_reads(
        extractor,
        "Velmar Semiconductor also holds 40% of Tianrun Power Devices, a Shanghai joint venture with Geely, which owns the rest.",
        {("Tianrun Power Devices", "OWNED_BY", "Velmar Semiconductor"), ("Tianrun Power Devices", "OWNED_BY", "Geely")},
        {("Tianrun Power Devices", "OWNED_BY", "Shanghai")},
    )


@pytest.mark.parametrize("text, owner", [
    ("Founder Lu Zhenwei holds 21% of Qiyun Tech, while Alibaba Group owns 14.2%.", "Lu Zhenwei"),
    ("Founder Securities holds 5% of Qiyun Tech.", "Founder Securities"),
])
def test_a_title_before_a_person_is_no_part_of_the_name(extractor: Extractor, text: str, owner: str) -> None:
    assert ("Qiyun Tech", "OWNED_BY", owner) in triples(extractor, text)


def test_a_preposition_before_a_name_is_no_known_name(extractor: Extractor) -> None:
    """"depends on Semiconductor Manufacturing ...": not "ON Semiconductor"."""
    got = triples(extractor, "Huawei depends on Semiconductor Manufacturing International Corp. for its processors.")
    assert ("Semiconductor Manufacturing International Corporation", "SUPPLIED", "Huawei Technologies") in got, got
    assert not any("onsemi" in t for t in got), got


@pytest.mark.parametrize("text, expected", [
    ("The U.S. Department of Defense on Friday added drone maker Kestrel Aero to its list of Chinese military companies.",
     {("Kestrel Aero", "DESIGNATED", "DoD Section 1260H list"), ("Kestrel Aero", "MILITARY_LINK", "military")}),
    ("The Pentagon on Friday added drone maker Kestrel Aero and chip designer Orvane Micro to its list of companies it "
     "says work with China's military.",
     {("Kestrel Aero", "DESIGNATED", "DoD Section 1260H list"), ("Orvane Micro", "DESIGNATED", "DoD Section 1260H list")}),
])
def test_a_listing_read_as_one_noun_phrase(extractor: Extractor, text: str, expected: set) -> None:
    """"X on Friday added maker A to its list ...": "added" tagged as an adjective of the description after it."""
    assert expected <= triples(extractor, text)


def test_a_listing_read_as_one_noun_phrase_stays_silent_on_other_lists(extractor: Extractor) -> None:
    text = "The Pentagon on Friday added drone maker Kestrel Aero to its list of suppliers."
    assert not {t for t in triples(extractor, text) if t[1] == "DESIGNATED"}


def test_a_second_sale_hung_on_the_goods_of_a_misread_verb(extractor: Extractor) -> None:
    """"A, whose shares rose, ships lasers to B and also supplies C": C is A's buyer too."""
    got = triples(extractor, "Brightwave Optics, whose shares rose 4% on Monday, ships lasers to Nvidia and also supplies "
                             "Huawei Technologies.")
    assert {("Brightwave Optics", "SUPPLIED", "Nvidia"), ("Brightwave Optics", "SUPPLIED", "Huawei Technologies")} <= got, got


def test_a_parent_named_in_apposition_holds_under_a_hedged_verb(extractor: Extractor) -> None:
    """"may add X's parent, Y, to the list": the listing is hedged, Y being X's parent is not."""
    got = triples(extractor, "Officials may also add Tovarin's parent, Kestrel Holdings, to the list.")
    assert ("Tovarin", "OWNED_BY", "Kestrel Holdings") in got, got
    assert not {t for t in got if t[1] == "DESIGNATED"}, got


def test_a_singular_relative_clause_on_the_last_name_listed_is_about_it_alone(extractor: Extractor) -> None:
    """"A, a foundry ..., and B, which makes chips for tanks": B's tie, not A's ("A and B, which make" is both)."""
    assert_reads(
        extractor,
        "Among its customers are Kestrel Foundry, a chipmaker that is majority-owned by the Wuxi city government, and "
        "Orvane Power, which makes power chips used in armoured vehicles of the Chinese army.",
        {("Orvane Power", "MILITARY_LINK", "military")},
        {("Kestrel Foundry", "MILITARY_LINK", "military")},
    )
    both = triples(extractor, "Kestrel Foundry and Orvane Power, which make radar chips for the Chinese army, were added.")
    assert {("Kestrel Foundry", "MILITARY_LINK", "military"), ("Orvane Power", "MILITARY_LINK", "military")} <= both


def test_a_holder_with_its_own_description_and_verb_after_a_share_is_no_company_held(extractor: Extractor) -> None:
    """"A owns 14% of X and C, a state-backed fund, holds 9.8%": the parser makes C a second company A owns part of."""
    assert_reads(
        extractor,
        "Alibaba owns 14.2% of Qiyun Tech and Shanghai Pujiang Capital, a state-backed fund, holds 9.8%.",
        {("Qiyun Tech", "OWNED_BY", "Alibaba Group"), ("Qiyun Tech", "OWNED_BY", "Shanghai Pujiang Capital")},
        {("Shanghai Pujiang Capital", "OWNED_BY", "Alibaba Group")},
    )


def test_another_countrys_body_keeps_the_texts_own_form_as_an_alias(extractor: Extractor) -> None:
    """Named "Taiwan Ministry of Economic Affairs" (not the Dutch ministry the
    reference data knows), it keeps "Taiwan's Ministry of Economic Affairs", as
    written, among its names."""
    x = extractor.extract(article_from_text(
        "TAIPEI, May 3 (Reuters) - Taiwan's Ministry of Economic Affairs has barred Kestrel Robotics from exporting to China."))
    body = next(e for e in x.entities if e.name == "Taiwan Ministry of Economic Affairs")
    assert "Taiwan's Ministry of Economic Affairs" in body.aliases


def test_the_company_after_an_authority_acted_on_it_is_the_company(extractor: Extractor) -> None:
    """"The Pentagon added X to its list. The company had been placed on the Entity List": X, never the Pentagon."""
    got = triples(extractor, "The Pentagon added Kestrel Computing to its list. The company had already been placed on "
                             "the Entity List in 2023.")
    assert ("Kestrel Computing", "DESIGNATED", "US Entity List") in got, got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Commerce Department said on Monday that its Entity List now names more than 600 Chinese firms.", set()),
        ("Its Entity List now names more than 600 Chinese firms.", set()),
        ("Taiwan said its entity list now includes Orin Labs and Calder Devices.",
         {("Orin Labs", "DESIGNATED", "Taiwan Strategic High-Tech Commodities Entity List"),
          ("Calder Devices", "DESIGNATED", "Taiwan Strategic High-Tech Commodities Entity List")}),
    ],
)
def test_a_list_that_is_its_own_verbs_subject_belongs_to_the_speaker(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    """"its" on a list that is the subject is whoever says so: asking the
    verb's subjects for the keeper asked for the list again, without end."""
    got = triples(extractor, text)
    assert expected <= got
    assert not {t for t in got if t[1] == "DESIGNATED"} - expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Calder Devices outsources final assembly to Fabrinet.", {("Fabrinet", "SUPPLIED", "Calder Devices")}),
        ("Calder Devices buys its lasers from Ulvac.", {("Ulvac", "SUPPLIED", "Calder Devices")}),
    ],
)
def test_an_untagged_name_on_the_other_side_of_a_trade_is_a_company(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= triples(extractor, text)



@pytest.mark.parametrize(
    "text, expected",
    [
        # the description read as a second subject of the verb
        ("The state defence conglomerate Tessaro Group said its sales rose.", {("Tessaro Group", "MILITARY_LINK", "military")}),
        ("The chipmaker Calder Devices said its sales rose.", set()),
        # makers of tanks and artillery are defence companies, as arms makers are
        ("Orin Labs is controlled by Tessaro Group, a tank maker.", {("Tessaro Group", "MILITARY_LINK", "military")}),
    ],
)
def test_defence_descriptions_of_a_company(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert {t for t in triples(extractor, text) if t[1] == "MILITARY_LINK"} == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hanul Materials, a subsidiary of the Daewon Industrial group, plans a listing.",
         {("Hanul Materials", "OWNED_BY", "Daewon Industrial")}),
        ("Orin Labs supplies the Daewon Industrial group with resists.", {("Orin Labs", "SUPPLIED", "Daewon Industrial")}),
        ("Hanul Materials is a subsidiary of a state defence group.", set()),
    ],
)
def test_a_group_named_before_its_lower_case_noun(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert {t for t in triples(extractor, text) if t[1] in ("OWNED_BY", "SUPPLIED")} == expected


def test_a_misparsed_sale_of_a_share_of_the_output_to_buyers_named_after_including(extractor: Extractor) -> None:
    """"ships most of its output to memory producers, including X", the verb
    read as a noun beside the name: the share and the "including" are part
    of one sale."""
    got = triples(extractor, "Norvik Trading, a maker of furnaces, ships most of its output to memory producers, "
                             "including Calder Memory Technologies.")
    assert ("Norvik Trading", "SUPPLIED", "Calder Memory Technologies") in got


@pytest.mark.parametrize(
    "text, military",
    [
        ("The Commerce Department added 23 Chinese firms to the Entity List on Friday. The companies are accused of supporting "
         "China's military modernisation. They include Qingshan Optics and Hubei Rongda Electronics.", True),
        # "the companies" taking up "firms" is the same group; with no reason given, only the listing
        ("The Commerce Department added 23 Chinese firms to the Entity List on Friday. The companies are based in Shenzhen. "
         "They include Qingshan Optics and Hubei Rongda Electronics.", False),
    ],
)
def test_a_reason_stated_of_the_listed_group_in_a_sentence_of_its_own(extractor: Extractor, text: str, military: bool) -> None:
    got = triples(extractor, text)
    listed = {(n, "DESIGNATED", "US Entity List") for n in ("Qingshan Optics", "Hubei Rongda Electronics")}
    linked = {(n, "MILITARY_LINK", "military") for n in ("Qingshan Optics", "Hubei Rongda Electronics")}
    assert listed <= got
    assert (linked <= got) == military and (military or not linked & got), got


@pytest.mark.parametrize(
    "text, unit",
    [
        ("Orvane Microwave sells to the 41st Research Institute of Norvik Group, a military research institute in Qingdao.",
         "41st Research Institute of Norvik Group"),
        ("The list also names the 38th Research Institute of Norvik Group, which builds airborne radars for the Chinese air force.",
         "38th Research Institute of Norvik Group"),
    ],
)
def test_what_follows_a_numbered_unit_is_about_the_unit_not_the_parent_in_its_name(extractor: Extractor, text: str, unit: str) -> None:
    """The parser hangs a description or a relative clause on the last word
    of "the 41st Research Institute of Norvik Group", which is the parent's
    name; the parent is part of the unit's name, and the clause is the unit's."""
    got = triples(extractor, text)
    assert (unit, "MILITARY_LINK", "military") in got
    assert ("Norvik Group", "MILITARY_LINK", "military") not in got


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        ("Kelvane Materials is now 85% owned by Garland Partners. The company ships the bulk of its gases to Lumex Memory.",
         {("Kelvane Materials", "SUPPLIED", "Lumex Memory")}, {("Garland Partners", "SUPPLIED", "Lumex Memory")}),
        ("Kelvane Materials, the largest maker of neon in Korea, is owned by buyout firm Garland Partners, which bought the "
         "stake from Tessel Inc. in 2023. The Yeongju-based company ships neon to Lumex Memory.",
         {("Kelvane Materials", "SUPPLIED", "Lumex Memory")}, {("Tessel Inc.", "SUPPLIED", "Lumex Memory")}),
        # a second agent hung as a preposition, a seller named inside the subject's own description
        ("Kelvane Foundry, which sovereign fund Pell Capital sold in 2021, is now 60% owned by Tessel Holdings and 40% by "
         "Chinese investor Garland Digital. The Kulim-based company makes photonics parts for Lumex Photonics.",
         {("Kelvane Foundry", "SUPPLIED", "Lumex Photonics")}, {("Tessel Holdings", "SUPPLIED", "Lumex Photonics")}),
        # an object beside the subject: "the company" could be either, so no one
        ("Kelvane Materials supplied Garland Partners. The company is owned by Lumex Memory.",
         set(), {("Kelvane Materials", "OWNED_BY", "Lumex Memory"), ("Garland Partners", "OWNED_BY", "Lumex Memory")}),
    ],
)
def test_the_company_after_a_passive_is_its_subject_not_its_agent(
        extractor: Extractor, text: str, expected: set[tuple[str, str, str]], absent: set[tuple[str, str, str]]) -> None:
    assert_reads(extractor, text, expected, absent)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("OFAC designated Orvane Trading and Kalvex Components, adding them to the SDN list.",
         {("Orvane Trading", "DESIGNATED", "SDN List"), ("Kalvex Components", "DESIGNATED", "SDN List")}),
        ("The Commerce Department on Thursday penalised Orvane Trading and two affiliates, adding them to the Entity List.",
         {("Orvane Trading", "DESIGNATED", "US Entity List")}),
        # the list named by the words of its own title
        ("OFAC added Orvane Trading and two affiliates to its list of Specially Designated Nationals.",
         {("Orvane Trading", "DESIGNATED", "SDN List")}),
    ],
)
def test_them_in_a_participle_clause_is_the_main_clauses_object(
        extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert expected <= triples(extractor, text)


def test_them_for_goods_leaves_the_sale_as_it_is(extractor: Extractor) -> None:
    got = triples(extractor, "Orvane Trading bought chips from Tessel Devices, selling them to Pell Motors.")
    assert {("Tessel Devices", "SUPPLIED", "Orvane Trading"), ("Orvane Trading", "SUPPLIED", "Pell Motors")} <= got


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        # a demonstrative takes up the organisation the sentence before named last
        ("Kelvane Microelectronics is controlled by Shenzhen Tessel Investment Group, according to corporate records. "
         "That investment vehicle is in turn owned by Orvane Holdings.",
         {("Shenzhen Tessel Investment Group", "OWNED_BY", "Orvane Holdings")},
         {("Kelvane Microelectronics", "OWNED_BY", "Orvane Holdings")}),
        # "the venture": the company the sentence before was about ...
        ("Orvane Semiconductor Manufacturing (OSM), the venture building a wafer plant in Singapore, expects to start "
         "production in 2027. The venture is 60% owned by Tessel Semiconductor, with Kalvex Semiconductors holding the "
         "other 40%.",
         {("Orvane Semiconductor Manufacturing", "OWNED_BY", "Tessel Semiconductor"),
          ("Orvane Semiconductor Manufacturing", "OWNED_BY", "Kalvex Semiconductors")}, set()),
        # ... or the one set off as a venture, however the parser hung the description
        ("Corvane Semiconductor said it had agreed to sell its 49% stake in Corvane Huaxia (Tianjin), its Chinese joint "
         "venture, to its local partner. The buyer, Tianjin Binhai Group, already owns the other 51% of the venture.",
         {("Corvane Huaxia (Tianjin)", "OWNED_BY", "Tianjin Binhai Group")},
         {("Corvane Semiconductor", "OWNED_BY", "Tianjin Binhai Group")}),
    ],
)
def test_a_vehicle_or_venture_taken_up_by_a_description(
        extractor: Extractor, text: str, expected: set[tuple[str, str, str]], absent: set[tuple[str, str, str]]) -> None:
    assert_reads(extractor, text, expected, absent)
