"""The published picture: valid PNG and SVG, sourced, legible, repeatable, safe.

Subgraphs are built by hand from invented model objects (no extraction
model); the scene tests write them into every store kind first.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from matplotlib import image as mpimg

from chipgraph.graph import questions as q
from chipgraph.graph import scenes
from chipgraph.graph.citations import DocumentInfo
from chipgraph.graph.errors import ChipgraphError
from chipgraph.graph.model import Document, Entity, EntityType, Evidence, Extraction, Relation, RelationType
from chipgraph.graph.paths import Hop, OwnershipPath, PathQuery
from chipgraph.graph.picture import clean_text, number_sources, render_picture, write_picture
from chipgraph.graph.store import GraphStore
from chipgraph.graph.subgraph import Subgraph

R = RelationType
SVG = "{http://www.w3.org/2000/svg}"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

TOOLS = Entity.create("Polder Optics", EntityType.ORG, country="NL")
FAB = Entity.create("Riverside Wafer Works", EntityType.ORG, country="CN")
PARENT = Entity.create("Riverside Electronics Group", EntityType.ORG, country="CN")
ENTITY_LIST = Entity.create("Entity List", EntityType.LIST)
MILITARY = Entity.create("military", EntityType.LIST)
SCANNER = Entity.create("PX-4 scanner", EntityType.PRODUCT)

DOCS = {
    "d1": DocumentInfo("d1", "https://news.example.org/polder-riverside", "Polder ships scanners east", "2024-03-02"),
    "d2": DocumentInfo("d2", "/home/someone/articles/riverside-owners.txt", "Who owns Riverside", "2024-06-15"),
    "d3": DocumentInfo("d3", "https://wire.example.com/list", "Commerce adds Riverside group", "2023-11-20"),
}


def ev(sentence: str, doc: str) -> Evidence:
    return Evidence(doc, sentence, 0, len(sentence), "rule:test", 0.8, DOCS[doc].source if doc in DOCS else None)


SUPPLIED = Relation(TOOLS.id, R.SUPPLIED, FAB.id, (ev("Polder Optics shipped scanners to Riverside Wafer Works.", "d1"),))
OWNED = Relation(FAB.id, R.OWNED_BY, PARENT.id, (ev("Riverside Wafer Works is a unit of Riverside Electronics Group.", "d2"),))
LISTED = Relation(PARENT.id, R.DESIGNATED, ENTITY_LIST.id, (ev("Riverside Electronics Group joined the Entity List.", "d3"),))
MIL = Relation(PARENT.id, R.MILITARY_LINK, MILITARY.id, (ev("Riverside Electronics Group builds radar for the army.", "d3"),))
MADE = Relation(TOOLS.id, R.OTHER, SCANNER.id, ())

SUB = Subgraph(TOOLS.id, 2, (TOOLS, FAB, PARENT, ENTITY_LIST, MILITARY, SCANNER), (SUPPLIED, OWNED, LISTED, MIL, MADE))
CHAIN = OwnershipPath((TOOLS, FAB, PARENT, MILITARY), (Hop(SUPPLIED), Hop(OWNED), Hop(MIL)))


def svg_texts(data: bytes) -> list[str]:
    """Every text the SVG shows, one per line (it must parse as XML to get here)."""
    root = ET.fromstring(data)
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def test_png_is_a_valid_picture_and_repeats_exactly() -> None:
    one = render_picture(SUB, "png", documents=DOCS, paths=[CHAIN])
    two = render_picture(SUB, "png", documents=DOCS, paths=[CHAIN])
    assert one[:8] == PNG_MAGIC
    assert one == two
    pixels = mpimg.imread(io.BytesIO(one), format="png")
    height, width = pixels.shape[:2]
    assert width >= 1000 and height >= 600  # 150 dpi, wide enough to print
    assert b"tIME" not in one and b"Matplotlib" not in one  # no creation time, no tool stamp


def test_svg_carries_title_legend_sources_and_credit() -> None:
    data = render_picture(SUB, "svg", title="Riverside's suppliers", documents=DOCS, paths=[CHAIN])
    assert data == render_picture(SUB, "svg", title="Riverside's suppliers", documents=DOCS, paths=[CHAIN])
    texts = svg_texts(data)
    joined = "\n".join(texts)
    assert "Riverside's suppliers" in texts
    for legend in ("organisation", "list", "military", "product", "centre", "listed or military-linked",
                   "highlighted chain", "supplied (SUPPLIED)", "owned by (OWNED_BY)", "no evidence recorded"):
        assert legend in texts, legend
    assert "banned by (BANNED)" not in texts  # only what is drawn
    # sources numbered in reading order, the chain's first; a local path shows as its file name
    assert "Polder ships scanners east (2024-03-02) \u2014 https://news.example.org/polder-riverside" in joined
    assert "Who owns Riverside (2024-06-15) \u2014 riverside-owners.txt" in joined
    assert "/home/someone" not in joined
    assert any(t.startswith("supplied [1]") for t in texts) and "owned by [2]" in texts
    assert "chipgraph \u00b7 2024-06-15 \u00b7 3 sources listed" in texts  # the newest source's date
    assert b"<dc:date>" not in data and b"<script" not in data


def test_credit_date_is_the_callers_and_no_clock_is_read() -> None:
    texts = svg_texts(render_picture(SUB, "svg", documents=DOCS, credit_date="26 November 2026"))
    assert "chipgraph \u00b7 26 November 2026 \u00b7 3 sources listed" in texts


def test_sources_are_deduplicated_and_numbered_per_relation() -> None:
    syndicated = Relation(FAB.id, R.OWNED_BY, PARENT.id, (
        ev("Riverside Wafer Works is a unit of Riverside Electronics Group.", "d2"),
        Evidence("d2-copy", "Riverside Wafer Works is a unit of Riverside Electronics Group.", 5, 70, "rule:test", 0.7,
                 DOCS["d2"].source),
    ))
    docs = {**DOCS, "d2-copy": DocumentInfo("d2-copy", "/elsewhere/riverside-owners.txt", "Who owns Riverside", "2024-06-15")}
    sources, refs = number_sources([SUPPLIED, syndicated, LISTED], docs)
    assert [s.number for s in sources] == [1, 2, 3]
    assert refs[syndicated.key] == [2] and refs[LISTED.key] == [3]


def test_twenty_five_entities_every_label_drawn_apart(svg_labels) -> None:
    hub = Entity.create("Central Foundry Holdings", EntityType.ORG)
    spokes = [Entity.create(f"Supplier Number {i:02d} Precision Components", EntityType.ORG) for i in range(24)]
    rels = tuple(Relation(s.id, R.SUPPLIED, hub.id, (ev(f"Supplier {i} ships parts.", "d1"),)) for i, s in enumerate(spokes))
    sub = Subgraph(hub.id, 1, (hub, *spokes), rels)
    data = render_picture(sub, "svg", documents=DOCS)
    joined = " ".join(svg_texts(data))
    assert "Central Foundry Holdings" in joined
    for i in range(24):
        assert f"Supplier Number {i:02d}" in joined
    # the first line of every label sits apart from every other's
    pos = svg_labels(data)
    firsts = [pos[t] for t in pos if t.startswith("Supplier Number")]
    assert len(firsts) == 24
    for i, a in enumerate(firsts):
        for b in firsts[i + 1:]:
            assert abs(a[0] - b[0]) > 40 or abs(a[1] - b[1]) > 12, (a, b)


HOSTILE = [
    "</text><script>alert(1)</script>",
    "Fab & Sons <b>bold</b> ]]> \"quoted\" 'single'",
    "Price $5 to $10 \\alpha",
    "Bell\x07 and\x1b[31m escape\u202e reversed",
    "A" * 400,
]


def test_hostile_names_are_text_in_svg_and_png() -> None:
    ents = [Entity.create(n, EntityType.ORG) for n in HOSTILE]
    rels = tuple(Relation(ents[0].id, R.SUPPLIED, e.id, (ev("A <script> sentence.", "d1"),)) for e in ents[1:])
    sub = Subgraph(ents[0].id, 1, tuple(ents), rels)
    data = render_picture(sub, "svg", title=HOSTILE[0], documents={
        "d1": DocumentInfo("d1", "javascript:alert(1)", "<img src=x onerror=alert(1)>\x00", "2024-01-01")})
    assert b"<script" not in data and b"<img" not in data and b"<b>" not in data
    texts = svg_texts(data)  # parses as XML
    joined = " ".join(texts)  # a wrapped label is one text per line
    assert "</text><script>alert(1)</script>" in joined  # shown as the characters they are
    assert "Fab & Sons <b>bold</b> ]]>" in joined
    assert "Price $5 to $10 \\alpha" in joined  # no mathtext
    assert "\x07" not in joined and "\x1b" not in joined and "\u202e" not in joined
    assert "<img src=x onerror=alert(1)>" in joined
    assert max(len(t) for t in texts) < 400  # the very long name is wrapped and cut
    assert render_picture(sub, "png", title=HOSTILE[0])[:8] == PNG_MAGIC


def test_clean_text_keeps_words_and_drops_controls() -> None:
    assert clean_text("a\tb\nc\u2028d\x00e\ufffe") == "a b c de\ufffd"
    assert clean_text("x" * 10, limit=5) == "xxxx\u2026"


def test_chain_reads_left_to_right_and_owners_stand_above(svg_labels) -> None:
    data = render_picture(SUB, "svg", paths=[CHAIN], documents=DOCS)
    pos = svg_labels(data)
    xs = [pos[n][0] for n in ("Polder Optics", "Riverside Wafer Works", "Riverside Electronics Group")]
    assert xs == sorted(xs) and len(set(xs)) == 3
    up = OwnershipPath((FAB, PARENT), (Hop(OWNED),))
    tree = render_picture(Subgraph(FAB.id, 1, (FAB, PARENT), (OWNED,)), "svg", paths=[up], documents=DOCS, title="Owners")
    pos = svg_labels(tree)
    assert pos["Riverside Electronics Group"][1] < pos["Riverside Wafer Works"][1]  # SVG y grows down


def test_bad_format_and_extension_are_refused(tmp_path) -> None:
    with pytest.raises(ChipgraphError):
        render_picture(SUB, "gif")  # type: ignore[arg-type]
    with pytest.raises(ChipgraphError):
        write_picture(SUB, tmp_path / "x.gif")
    out = write_picture(SUB, tmp_path / "deep" / "x.SVG", documents=DOCS)
    ET.fromstring(out.read_bytes())


# --- scenes, on every store ------------------------------------------------------------


def _article(text: str, source: str, title: str, date: str, facts: list[tuple[Entity, RelationType, Entity]]) -> Extraction:
    doc = Document.from_text(text, source, title=title, date=date)
    ents: dict[str, Entity] = {}
    rels = []
    for head, rtype, tail in facts:
        ents.setdefault(head.id, head)
        ents.setdefault(tail.id, tail)
        rels.append(Relation(head.id, rtype, tail.id, (Evidence(doc.id, text, 0, len(text), "rule:test", 0.8, source),)))
    return Extraction(doc, tuple(ents.values()), tuple(rels))


@pytest.fixture
def filled(store: GraphStore) -> GraphStore:
    store.add(_article("Polder Optics shipped scanners to Riverside Wafer Works.", "https://news.example.org/a",
                       "Polder ships scanners east", "2024-03-02", [(TOOLS, R.SUPPLIED, FAB)]))
    store.add(_article("Riverside Wafer Works belongs to Riverside Electronics Group.", "/data/riverside.txt",
                       "Who owns Riverside", "2024-06-15", [(FAB, R.OWNED_BY, PARENT)]))
    store.add(_article("Riverside Electronics Group makes radar for the army and is on the Entity List.",
                       "https://wire.example.com/list", "Commerce adds Riverside group", "2023-11-20",
                       [(PARENT, R.MILITARY_LINK, MILITARY), (PARENT, R.DESIGNATED, ENTITY_LIST)]))
    return store


def test_scenes_of_every_question_draw_their_sources(filled: GraphStore) -> None:
    chain = scenes.paths_scene(filled, PathQuery(TOOLS.id, PARENT.id))
    assert [e.name for e in chain.paths[0].entities] == ["Polder Optics", "Riverside Wafer Works", "Riverside Electronics Group"]
    texts = svg_texts(render_picture(chain.subgraph, "svg", **chain.picture_options()))
    joined = " ".join(texts)  # a long title wraps
    assert "How Polder Optics is connected to Riverside Electronics Group" in joined
    assert "Who owns Riverside (2024-06-15) \u2014 riverside.txt" in joined

    hits = scenes.exposure_scene(filled, q.exposure(filled, TOOLS.id, max_hops=3))
    drawn = {e.name for e in hits.subgraph.entities}
    assert {"Polder Optics", "Riverside Electronics Group", "military", "Entity List"} <= drawn
    texts = svg_texts(render_picture(hits.subgraph, "svg", **hits.picture_options()))
    assert "Commerce adds Riverside group (2023-11-20) \u2014 https://wire.example.com/list" in " ".join(texts)

    owners = scenes.owners_scene(q.owners(filled, FAB.id))
    assert owners.layout == "tree" and [c.entities[-1].name for c in owners.paths] == ["Riverside Electronics Group"]
    hood = scenes.neighbourhood_scene(filled, FAB.id, 1)
    assert render_picture(hood.subgraph, "png", **hood.picture_options())[:8] == PNG_MAGIC


def test_chains_scene_keeps_whole_chains_within_the_caps(filled: GraphStore) -> None:
    result = q.exposure(filled, TOOLS.id, max_hops=3)
    small = scenes.exposure_scene(filled, result, max_nodes=2)
    assert small.subgraph.truncated
    assert all(e.id in {x.id for x in small.subgraph.entities} for p in small.paths for e in p.entities)
    with pytest.raises(ChipgraphError):
        scenes.exposure_scene(filled, q.exposure(filled, MILITARY.id, max_hops=1))


def test_the_page_and_the_picture_share_one_palette() -> None:
    from chipgraph.graph.palette import LISTED_RING, RELATION_COLOURS
    from chipgraph.graph.render import render_html

    html = render_html(SUB, paths=[CHAIN])
    legend = html.split('<ul class="legend"', 1)[1].split("</ul>", 1)[0]
    assert "listed or military-linked" in legend and LISTED_RING in legend
    svg = render_picture(SUB, "svg", paths=[CHAIN], documents=DOCS).decode("utf-8")
    for colour in (LISTED_RING, RELATION_COLOURS[R.SUPPLIED], RELATION_COLOURS[R.OWNED_BY]):
        assert colour.lower() in svg.lower() and colour in html


def test_big_pictures_drop_resolution_not_detail() -> None:
    """Past MAX_PIXELS a PNG is drawn at a lower resolution, never below
    MIN_DPI; small and medium pictures keep DPI."""
    from chipgraph.graph import picture

    assert picture.png_dpi(800, 600) == picture.DPI
    big = picture.png_dpi(2000, 2500)
    assert picture.MIN_DPI <= big < picture.DPI
    assert 2000 * 2500 * (big / 72) ** 2 <= picture.MAX_PIXELS * 1.01
    assert picture.png_dpi(20_000, 20_000) == picture.MIN_DPI
