"""The published page: offline, escaped, sourced.

Subgraphs are built by hand from model objects with invented data, so these
tests need no store and no extraction model.
"""

from __future__ import annotations

from dataclasses import replace

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from chipgraph.graph.model import Entity, EntityType, Evidence, MILITARY_ID, Relation, RelationType
from chipgraph.graph.paths import Hop, OwnershipPath
from chipgraph.graph.palette import path_in_words
from chipgraph.graph.render import (
    ENTITY_COLOURS,
    MILITARY_COLOUR,
    PATH_COLOUR,
    render_html,
    script_json,
    write_html,
)
from chipgraph.graph.subgraph import Subgraph

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "</script><script>alert(1)</script>"
QUOTES = "O'Brien \"Quoted\" Fabs"
LS = "\u2028"


# --- invented example data ----------------------------------------------------


def ev(
    sentence: str,
    doc: str = "doc-a",
    source: str | None = "Example Wire",
    method: str = "rule:test",
    conf: float = 0.8,
    attributes: dict[str, str] | None = None,
) -> Evidence:
    return Evidence(
        document_id=doc, sentence=sentence, start=0, end=len(sentence), method=method, confidence=conf, source=source,
        attributes=attributes or {},
    )


ACME = Entity.create("Acme Lithography", EntityType.ORG, aliases=["ALC"], country="NL")
NOVA = Entity.create("Nova Foundry", EntityType.ORG, country="CN")
HOLD = Entity.create("Nova Holdings", EntityType.ORG, country="CN")
SCANNER = Entity.create("XR-9 Scanner", EntityType.PRODUCT)
CHINA = Entity.create("China", EntityType.GPE)
PERSON = Entity.create("Jane Placeholder", EntityType.PERSON)
ENTITY_LIST = Entity.create("Entity List", EntityType.LIST)
MILITARY = Entity.create("military", EntityType.LIST)

SUPPLIED = Relation(
    ACME.id,
    RelationType.SUPPLIED,
    NOVA.id,
    (ev("Acme Lithography shipped XR-9 scanners to Nova Foundry in 2021.", source="https://news.example.org/acme-nova",
        attributes={"product": "XR-9 scanners", "date": "2021"}),),
)
OWNED = Relation(NOVA.id, RelationType.OWNED_BY, HOLD.id, (ev("Nova Foundry is a subsidiary of Nova Holdings.", doc="doc-b"),))
LISTED = Relation(HOLD.id, RelationType.DESIGNATED, ENTITY_LIST.id, (ev("Nova Holdings was added to the Entity List.", doc="doc-c", attributes={"date": "2022-10-07"}),))
MIL = Relation(HOLD.id, RelationType.MILITARY_LINK, MILITARY.id, (ev("Nova Holdings supplies the army.", doc="doc-c"),))
MADE = Relation(NOVA.id, RelationType.OTHER, SCANNER.id, ())
IN_CHINA = Relation(NOVA.id, RelationType.PART_OF, CHINA.id, (ev("Nova Foundry, based in China.", doc="doc-b"),))
CEO = Relation(PERSON.id, RelationType.OTHER, NOVA.id, (ev("Jane Placeholder runs Nova Foundry.", doc="doc-a"),))


def supply_chain() -> Subgraph:
    return Subgraph(
        center=NOVA.id,
        depth=2,
        entities=(ACME, NOVA, HOLD, SCANNER, CHINA, PERSON, ENTITY_LIST, MILITARY),
        relations=(SUPPLIED, OWNED, LISTED, MIL, MADE, IN_CHINA, CEO),
    )


def ownership_path() -> OwnershipPath:
    return OwnershipPath(entities=(NOVA, HOLD, ENTITY_LIST), hops=(Hop(OWNED), Hop(LISTED)))


def hostile_subgraph() -> tuple[Subgraph, str]:
    bad = Entity.create(IMG, EntityType.ORG, aliases=[SCRIPT, QUOTES], country=f"Nowhere{LS}land")
    quoted = Entity.create(QUOTES, EntityType.ORG)
    sentence = f"The firm {IMG} said {SCRIPT} and \"more\" & 'less'{LS}then left."
    rel = Relation(
        bad.id,
        RelationType.SUPPLIED,
        quoted.id,
        (ev(sentence, source=f"javascript:alert(1)//{IMG}", method=f"rule:{SCRIPT}",
            attributes={"product": "<b>chips</b>", "date": SCRIPT}),),
    )
    return Subgraph(center=bad.id, depth=1, entities=(bad, quoted), relations=(rel,)), sentence


# --- parsing helpers ------------------------------------------------------------


class Page(HTMLParser):
    """The tags, script blocks and table text of a rendered page."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.table_text: list[str] = []
        self._in_script: dict[str, str | None] | None = None
        self._script_data: list[str] = []
        self._table_depth = 0
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "script":
            self._in_script, self._script_data = a, []
        if tag == "table":
            self._table_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_script is not None:
            self.scripts.append((self._in_script, "".join(self._script_data)))
            self._in_script = None
        if tag == "table":
            self._table_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            self._script_data.append(data)
        elif self._table_depth:
            self.table_text.append(data)

    def data(self) -> dict[str, Any]:
        (block,) = [body for attrs, body in self.scripts if attrs.get("id") == "chipgraph-data"]
        return json.loads(block)

    @property
    def table(self) -> str:
        return "".join(self.table_text)


def raw_data_block(html: str) -> str:
    m = re.search(r'<script type="application/json" id="chipgraph-data">(.*?)</script>', html, re.S)
    assert m
    return m.group(1)


def vis_js() -> str:
    return resources.files("pyvis").joinpath("lib", "vis-9.1.2", "vis-network.min.js").read_text("utf-8")


# --- offline ---------------------------------------------------------------------


def test_page_fetches_nothing_and_inlines_vis_network() -> None:
    html = render_html(supply_chain(), paths=[ownership_path()])
    page = Page(html)
    assert not re.search(r"<script[^>]*\ssrc\s*=", html, re.I)
    assert not re.search(r"<link\b", html, re.I)
    for tag, attrs in page.tags:
        assert tag not in ("link", "iframe", "img", "object", "embed", "base")
        if tag in ("script", "style"):
            assert "src" not in attrs and "href" not in attrs
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html.split("<table", 1)[0], re.I)
    assert not re.search(r"\b(bootstrap|cdnjs|jsdelivr|unpkg)\b", html, re.I)
    # vis-network itself is inlined, byte for byte, as one script block
    inline = [body for attrs, body in page.scripts if not attrs]
    assert vis_js() in inline


def test_csp_forbids_fetches_and_allows_only_our_scripts() -> None:
    html = render_html(supply_chain())
    page = Page(html)
    (csp,) = [a["content"] for t, a in page.tags if t == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy"]
    assert csp and "default-src 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";", 1)[0]
    for attrs, body in page.scripts:
        if attrs.get("type") == "application/json":
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp


# --- escaping --------------------------------------------------------------------


def test_hostile_strings_are_only_ever_escaped() -> None:
    sub, sentence = hostile_subgraph()
    html = render_html(sub, title=f"Report on {IMG} {SCRIPT} \" onmouseover=\"alert(1)")
    # raw markup never reaches the page
    assert IMG not in html
    assert SCRIPT not in html
    assert "<b>chips</b>" not in html
    assert 'onmouseover="alert(1)' not in html
    # the HTML body has the HTML-escaped forms
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;chips&lt;/b&gt;" in html
    # the embedded JSON has the \\u-escaped forms, and no raw <, >, & or U+2028/9
    block = raw_data_block(html)
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in block
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in block
    for ch in ("<", ">", "&", "\u2028", "\u2029"):
        assert ch not in block
    # ... and it still decodes to exactly what the article said
    data = Page(html).data()
    labels = {n["label"] for n in data["nodes"]}
    assert IMG in labels and QUOTES in labels
    bad_tip = next(n["title"] for n in data["nodes"] if n["label"] == IMG)
    assert SCRIPT in bad_tip and f"Nowhere{LS}land" in bad_tip
    assert IMG in data["edges"][0]["title"]


def test_hostile_strings_create_no_elements_or_handlers() -> None:
    sub, _ = hostile_subgraph()
    title = f"{IMG}{SCRIPT}\" onmouseover=\"alert(1)"
    html = render_html(sub, title=title)
    page = Page(html)
    assert [a.get("type") for a, _ in page.scripts] == ["application/json", None, None]
    for _, body in page.scripts:
        assert "</script" not in body.lower()
        assert "<!--" not in body
    for tag, attrs in page.tags:
        assert tag != "img"
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
    # the title is one text node in <title>, <h1> and an attribute, nothing more
    aria = [a["aria-label"] for t, a in page.tags if "aria-label" in a and a["aria-label"].startswith("Network drawing")]
    assert aria == [f"Network drawing of {title}"]
    assert "&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;" in html.split("<h1>", 1)[1].split("</h1>", 1)[0]


def test_javascript_sources_are_not_links() -> None:
    sub, _ = hostile_subgraph()
    page = Page(render_html(sub))
    hrefs = [a.get("href") for t, a in page.tags if t == "a"]
    assert hrefs == []
    assert f"javascript:alert(1)//{IMG}" in page.table  # shown, as text


def test_script_json_escapes_what_could_end_a_script() -> None:
    value = {"s": f"</script><!-- {LS}\u2029 & >"}
    text = script_json(value)
    assert json.loads(text) == value
    assert not set("<>&\u2028\u2029") & set(text)


# --- drawing ---------------------------------------------------------------------


def test_colours_differ_by_type_and_lists_are_red() -> None:
    data = Page(render_html(supply_chain())).data()
    colour = {n["id"]: n["color"]["background"] for n in data["nodes"]}
    by_type = {ACME.id: "ORG", SCANNER.id: "PRODUCT", CHINA.id: "GPE", PERSON.id: "PERSON", ENTITY_LIST.id: "LIST", MILITARY_ID: "military"}
    assert len({colour[i] for i in by_type}) == len(by_type)
    assert colour[ACME.id] == colour[HOLD.id] == ENTITY_COLOURS[EntityType.ORG]
    assert colour[ENTITY_LIST.id] == ENTITY_COLOURS[EntityType.LIST]
    assert colour[MILITARY_ID] == MILITARY_COLOUR
    for red in (colour[ENTITY_LIST.id], colour[MILITARY_ID]):
        r, g, b = (int(red[i : i + 2], 16) for i in (1, 3, 5))
        assert r > 2 * max(g, b)
    centre = next(n for n in data["nodes"] if n["id"] == NOVA.id)
    other = next(n for n in data["nodes"] if n["id"] == ACME.id)
    assert centre["size"] > other["size"] and centre["borderWidth"] > other["borderWidth"]


def test_edges_are_labelled_directed_and_carry_plain_text_tooltips() -> None:
    many = tuple(ev(f"Sentence number {i} about Acme and Nova. " + "x" * (600 if i == 0 else 0), doc=f"d{i}") for i in range(5))
    many = (replace(many[0], attributes={"product": "XR-9", "date": "2021", "volume": "12 units"}), *many[1:])
    rel = Relation(ACME.id, RelationType.SUPPLIED, NOVA.id, many)
    sub = Subgraph(ACME.id, 1, (ACME, NOVA), (rel, Relation(NOVA.id, RelationType.OWNED_BY, ACME.id, ())))
    html = render_html(sub)
    data = Page(html).data()
    edge = next(e for e in data["edges"] if e["label"] == "SUPPLIED")
    assert (edge["from"], edge["to"], edge["arrows"]) == (ACME.id, NOVA.id, "to")
    tip = edge["title"]
    assert "SUPPLIED" in tip and "product: XR-9" in tip and "date: 2021" in tip and "Confidence: 0.80" in tip
    assert "Sentence number 2" in tip and "Sentence number 3" not in tip and "+2 more" in tip
    assert "Example Wire" in tip and "rule:test" in tip
    assert "x" * 600 not in tip and "\u2026" in tip  # truncated in the tooltip ...
    assert "x" * 600 in Page(html).table  # ... but whole in the table
    node = next(n for n in data["nodes"] if n["id"] == ACME.id)
    assert node["title"].splitlines()[:4] == ["Acme Lithography", "Type: ORG", "Also known as: ALC", "Country: NL"]
    assert "<" not in node["title"]  # plain text, no markup to interpret
    # the two relations between the same pair are curved apart
    assert all(e.get("smooth", {}).get("type") == "curvedCW" for e in data["edges"])
    assert len({e["smooth"]["roundness"] for e in data["edges"]}) == 2


def test_legend_lists_types_and_relations() -> None:
    html = render_html(supply_chain(), paths=[ownership_path()])
    legend = html.split('<ul class="legend"', 1)[1].split("</ul>", 1)[0]
    for word in ("ORG", "PRODUCT", "GPE", "PERSON", "LIST", "military", "centre", "SUPPLIED", "OWNED_BY", "DESIGNATED", "MILITARY_LINK", "highlighted path", "no evidence recorded"):
        assert word in legend


# --- evidence and paths ---------------------------------------------------------------


def test_evidence_table_lists_every_relation_with_sentences_and_sources() -> None:
    sub = supply_chain()
    html = render_html(sub)
    table = Page(html).table
    for rel in sub.relations:
        for e in rel.evidence:
            assert e.sentence in table
            assert (e.source or "") in table
            assert e.method in table
    assert table.count("no evidence recorded") == 1  # MADE has none
    assert html.count("<tr") == len(sub.relations) + 1
    assert '<a href="https://news.example.org/acme-nova" rel="noopener noreferrer nofollow">' in html
    assert "Generated by chipgraph from 3 documents" in html
    assert "Download PNG" in html and "toDataURL" in html


def test_each_date_is_shown_with_the_source_that_gave_it() -> None:
    early = ev("Acme shipped XR-9 units to Nova in 2019.", doc="d1", source="https://one.example/a", conf=0.9,
               attributes={"date": "2019", "product": "XR-9"})
    late = ev("Nova received XR-9 units from Acme in 2022.", doc="d2", source="Second Wire",
              attributes={"date": "2022", "product": "XR-9"})
    rel = Relation(ACME.id, RelationType.SUPPLIED, NOVA.id, (early, late), unsourced_attributes={"volume": "3"})
    html = render_html(Subgraph(ACME.id, 1, (ACME, NOVA), (rel,)))
    table = Page(html).table
    # attribute values point at the numbered quotes that state them
    assert "date: 2019 [1]" in table and "date: 2022 [2]" in table and "product: XR-9 [1, 2]" in table
    assert "volume: 3 (source not recorded)" in table
    assert "confidence 0.90 · product: XR-9 · date: 2019" in table
    tip = next(e for e in Page(html).data()["edges"] if e["label"] == "SUPPLIED")["title"]
    assert "date: 2019 (https://one.example/a)" in tip and "date: 2022 (Second Wire)" in tip
    assert "volume: 3 (source not recorded)" in tip
    g = Subgraph(ACME.id, 1, (ACME, NOVA), (rel,)).to_networkx()
    (data,) = [d for _, _, d in g.edges(data=True)]
    assert data["date"] == "2019; 2022" and data["date_sources"] == "2019: https://one.example/a; 2022: Second Wire"
    assert data["evidence_attributes"] == "date=2019; product=XR-9 | date=2022; product=XR-9"


def test_paths_are_highlighted() -> None:
    html = render_html(supply_chain(), paths=[ownership_path()])
    data = Page(html).data()
    colours = {(e["from"], e["label"], e["to"]): e for e in data["edges"]}
    on = [colours[OWNED.key[0], "OWNED_BY", OWNED.key[2]], colours[LISTED.key[0], "DESIGNATED", LISTED.key[2]]]
    off = [e for e in data["edges"] if e not in on]
    assert all(e["color"]["color"] == PATH_COLOUR and e["width"] == 5 for e in on)
    assert all(e["color"]["color"] != PATH_COLOUR and e["width"] < 5 for e in off)
    assert html.count('<tr class="on-path">') == 2
    assert "<li>Nova Foundry \u2192 owned by \u2192 Nova Holdings \u2192 listed on \u2192 Entity List <span" in html
    no_paths = Page(render_html(supply_chain())).data()
    assert all(e["color"]["color"] != PATH_COLOUR for e in no_paths["edges"])


def test_path_outside_the_subgraph_is_drawn_whole() -> None:
    sub = Subgraph(NOVA.id, 0, (NOVA,), ())
    data = Page(render_html(sub, paths=[ownership_path()])).data()
    assert {n["id"] for n in data["nodes"]} == {NOVA.id, HOLD.id, ENTITY_LIST.id}
    assert len(data["edges"]) == 2


# --- edge cases ------------------------------------------------------------------------


def test_single_node_subgraph_renders() -> None:
    sub = Subgraph(ACME.id, 1, (ACME,), ())
    html = render_html(sub)
    data = Page(html).data()
    assert [n["id"] for n in data["nodes"]] == [ACME.id] and data["edges"] == []
    assert "Generated by chipgraph from 0 documents" in html
    assert "No relations in this subgraph." in html
    assert "<title>Acme Lithography: 1-hop neighbourhood</title>" in html


def test_subgraph_without_entities_renders() -> None:
    html = render_html(Subgraph("org:gone", 1, (), ()), title="Nothing here")
    assert Page(html).data()["nodes"] == []
    assert "<h1>Nothing here</h1>" in html


def test_relation_to_an_unknown_entity_gets_a_grey_node() -> None:
    rel = Relation(ACME.id, RelationType.SUPPLIED, "org:unknown", (ev("Acme sold to someone."),))
    data = Page(render_html(Subgraph(ACME.id, 1, (ACME,), (rel,)))).data()
    assert {n["id"] for n in data["nodes"]} == {ACME.id, "org:unknown"}


def test_height_must_be_a_css_length() -> None:
    assert 'style="height: 80vh;"' in render_html(Subgraph(ACME.id, 0, (ACME,), ()), height="80vh")
    with pytest.raises(ValueError):
        render_html(Subgraph(ACME.id, 0, (ACME,), ()), height="1px; background: url(https://x)")


def test_write_html(tmp_path: Path) -> None:
    out = write_html(supply_chain(), tmp_path / "pages" / "nova.html", title="Nova", paths=[ownership_path()])
    assert out == tmp_path / "pages" / "nova.html"
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "<h1>Nova</h1>" in text
    assert json.loads(raw_data_block(text))["filename"] == "nova.png"


def test_a_path_reads_in_words_on_the_page_with_hops_against_their_arrow() -> None:
    """A published page says "owned by", not -[OWNED_BY]->; a hop walked
    backwards points back at the entity it came from."""
    backwards = OwnershipPath(entities=(HOLD, NOVA), hops=(Hop(OWNED, forward=False),))
    assert path_in_words(backwards) == "Nova Holdings \u2190 owned by \u2190 Nova Foundry"
    assert path_in_words(ownership_path()) == (
        "Nova Foundry \u2192 owned by \u2192 Nova Holdings \u2192 listed on \u2192 Entity List"
    )
    html = render_html(supply_chain(), paths=[backwards])
    assert "<h2>Paths</h2>" in html and "Nova Holdings \u2190 owned by \u2190 Nova Foundry" in html
