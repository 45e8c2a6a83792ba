"""Rendering a subgraph as a self-contained, offline, safe HTML page.

Journalists export these pages and publish them as they are, so the page must:

* work offline and fetch nothing: vis-network's JS and CSS are read from the
  installed pyvis package and inlined, and a Content-Security-Policy forbids
  every network fetch (``default-src 'none'``) and allows only the page's own
  inline scripts, by hash;
* never turn a string from an article into markup: the page is rendered with
  our own Jinja2 template with autoescape on (pyvis's template escapes neither
  its heading nor anything else and links bootstrap from a CDN), node and edge
  data are embedded as JSON with ``<``, ``>``, ``&``, U+2028 and U+2029
  escaped so that ``</script>`` inside a sentence cannot end the script block,
  and tooltips are plain text (the page script puts them in DOM nodes with
  ``textContent``);
* carry its sourcing without JavaScript: an evidence table lists every relation
  with its sentences, sources and extraction methods.

pyvis is used only to build the network (nodes, edges, options); its
``generate_html`` and templates are not used.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence
from urllib.parse import urlsplit

from jinja2 import Environment, StrictUndefined, Template
from markupsafe import Markup
from pyvis.network import Network

from .model import Entity, Relation
from .palette import (
    CENTRE_BORDER,
    ENTITY_COLOURS,
    ENTITY_SHAPES,
    MILITARY_COLOUR,
    PATH_COLOUR,
    RELATION_COLOURS,
    UNKNOWN_COLOUR,
    LISTED_RING,
    entity_colour as _entity_colour,
    flagged_ids,
    is_military as _is_military,
    kind_label,
    path_in_words,
)
from .paths import OwnershipPath
from .subgraph import Subgraph, drawn_parts

__all__ = [
    "render_html",
    "write_html",
    "ENTITY_COLOURS",
    "MILITARY_COLOUR",
    "RELATION_COLOURS",
    "PATH_COLOUR",
    "script_json",
]

# --- palette: shared with the published picture (graph/palette.py) ----------

# --- limits on what a tooltip shows (the table below the graph shows all) ---
TOOLTIP_MAX_EVIDENCE = 3
TOOLTIP_MAX_SENTENCE = 280
TOOLTIP_MAX_ALIASES = 8
LABEL_MAX = 60

_HEIGHT_RE = re.compile(r"^\d{1,5}(\.\d{1,3})?(px|%|vh|em|rem)$")
_PYVIS_LIB = ("lib", "vis-9.1.2")

# Characters that must not appear raw in JSON embedded in <script>: "<" could
# start "</script" or "<!--", ">" and "&" are escaped for good measure (as
# Django's json_script does), and U+2028/2029 are line terminators in older JS.
_SCRIPT_JSON_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def script_json(value: Any) -> str:
    """JSON text that is safe to place inside an HTML ``<script>`` element.

    ``json.dumps`` alone is not enough: a sentence containing ``</script>``
    would close the element and whatever follows would run.  Escaping ``<``,
    ``>`` and ``&`` as ``\\uXXXX`` keeps the JSON equal for ``JSON.parse``
    while no HTML tokenizer can see a tag in it.
    """
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return text.translate(_SCRIPT_JSON_ESCAPES)


# --- assets ------------------------------------------------------------------


@dataclass(frozen=True)
class _Assets:
    vis_js: str
    vis_css: str
    page_js: str
    page_css: str
    template: str


def _check_inlinable(text: str, name: str, end_tag: str) -> str:
    """Refuse an asset that would break out of the element it is inlined in.

    The assets are package files, not article text, but a different pyvis
    build could contain ``</script`` or ``<!--``; failing loudly beats
    publishing a broken page.
    """
    low = text.lower()
    if end_tag in low or "<!--" in low:
        raise RuntimeError(f"{name} cannot be inlined: it contains {end_tag!r} or '<!--'")
    return text


@lru_cache(maxsize=1)
def _assets() -> _Assets:
    """Read vis-network from the installed pyvis and our template files, once."""
    vis = resources.files("pyvis").joinpath(*_PYVIS_LIB)
    tpl = resources.files("chipgraph.graph").joinpath("templates")
    return _Assets(
        vis_js=_check_inlinable(vis.joinpath("vis-network.min.js").read_text("utf-8"), "vis-network.min.js", "</script"),
        vis_css=_check_inlinable(vis.joinpath("vis-network.css").read_text("utf-8"), "vis-network.css", "</style"),
        page_js=_check_inlinable(tpl.joinpath("chipgraph.js").read_text("utf-8"), "chipgraph.js", "</script"),
        page_css=_check_inlinable(tpl.joinpath("chipgraph.css").read_text("utf-8"), "chipgraph.css", "</style"),
        template=tpl.joinpath("subgraph.html.j2").read_text("utf-8"),
    )


@lru_cache(maxsize=1)
def _template() -> Template:
    """The page template, compiled once.  Autoescape is on unconditionally (not
    chosen by file extension), and an undefined variable fails instead of
    rendering as an empty string."""
    env = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    return env.from_string(_assets().template)


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _content_security_policy(scripts: Iterable[str]) -> str:
    """No fetch of any kind; only our own inline scripts (by hash) may run.

    Even if some article string did slip into the page as markup, the browser
    would neither run it nor load anything from the network.  Styles may be
    inline (vis-network sets element styles); images only from ``data:``
    (vis-network's CSS icons).
    """
    hashes = " ".join(_csp_hash(s) for s in scripts)
    return (
        "default-src 'none'; "
        f"script-src {hashes}; "
        "style-src 'unsafe-inline'; "
        "img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


# --- text helpers ------------------------------------------------------------


def _truncate(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _number(value: float) -> float:
    """A finite confidence rounded for display (JSON has no NaN)."""
    value = float(value)
    return round(value, 2) if math.isfinite(value) else 0.0


def _ordered_attributes(attributes: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Product and date first (what readers look for), then the rest by name."""
    first = [k for k in ("product", "date") if k in attributes]
    rest = sorted(k for k in attributes if k not in first)
    return [(str(k), str(attributes[k])) for k in (*first, *rest)]


def _attribute_rows(relation: Relation) -> list[dict[str, Any]]:
    """Every value of every attribute with the numbers (1-based, in the
    relation's evidence order) of the evidence that states it, so a reader
    sees which source gave which date; unsourced values say so."""
    number = {ev.key(): i for i, ev in enumerate(relation.evidence, 1)}
    rows = [
        {"name": st.name, "value": st.value, "refs": [number[ev.key()] for ev in st.evidence], "unsourced": False}
        for st in relation.attribute_statements()
    ]
    rows += [
        {"name": k, "value": v, "refs": [], "unsourced": True}
        for k, v in _ordered_attributes(relation.unsourced_attributes)
    ]
    return rows


def _source_label(source: str | None, document_id: str) -> str:
    return source if source else f"document {document_id[:12]}"


def _link(source: str | None) -> str | None:
    """A clickable source only for http(s) URLs: never ``javascript:`` or
    ``data:``.  (A hyperlink is followed by the reader, nothing is fetched.)"""
    if not source:
        return None
    try:
        parts = urlsplit(source.strip())
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not any(c.isspace() for c in source.strip()):
        return source.strip()
    return None


def _node_tooltip(entity: Entity | None, node_id: str, is_centre: bool) -> str:
    """Plain text (shown with textContent): name, type, aliases, country."""
    if entity is None:
        return f"{node_id}\nType: unknown (not in this subgraph)"
    lines = [entity.name, f"Type: {'military designation' if _is_military(entity, node_id) else entity.type.value}"]
    if entity.aliases:
        shown = list(entity.aliases[:TOOLTIP_MAX_ALIASES])
        more = len(entity.aliases) - len(shown)
        lines.append("Also known as: " + "; ".join(shown) + (f" (+{more} more)" if more > 0 else ""))
    if entity.country:
        lines.append(f"Country: {entity.country}")
    if is_centre:
        lines.append("Centre of this subgraph")
    return "\n".join(lines)


def _edge_tooltip(relation: Relation, head: str, tail: str, on_path: bool) -> str:
    """Plain text: type, attributes, confidence, and the first few evidence
    sentences with source and method; the rest is counted as "+N more"."""
    lines = [f"{head} \u2014{relation.type.value}\u2192 {tail}"]
    for st in relation.attribute_statements():
        sources = "; ".join(dict.fromkeys(_source_label(ev.source, ev.document_id) for ev in st.evidence))
        lines.append(f"{st.name}: {st.value} ({sources})")
    lines += [f"{k}: {v} (source not recorded)" for k, v in _ordered_attributes(relation.unsourced_attributes)]
    lines.append(f"Confidence: {_number(relation.confidence):.2f}")
    if on_path:
        lines.append("On a highlighted path")
    evidence = relation.evidence
    if evidence:
        lines.append(f"Evidence ({len(evidence)}):")
        for ev in evidence[:TOOLTIP_MAX_EVIDENCE]:
            lines.append(f"\u2022 \u201c{_truncate(ev.sentence, TOOLTIP_MAX_SENTENCE)}\u201d")
            lines.append(
                f"   \u2014 {_source_label(ev.source, ev.document_id)} ({ev.method}, {_number(ev.confidence):.2f})"
            )
        if len(evidence) > TOOLTIP_MAX_EVIDENCE:
            lines.append(f"+{len(evidence) - TOOLTIP_MAX_EVIDENCE} more")
    else:
        lines.append("No evidence recorded")
    return "\n".join(lines)


def _filename(title: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60].strip("-")
    return f"{slug or 'chipgraph'}.png"


# --- the page ------------------------------------------------------------------


def _build_network(
    subgraph: Subgraph,
    entities: Mapping[str, Entity],
    relations: Sequence[Relation],
    path_keys: set[tuple[str, str, str]],
    path_nodes: set[str],
    height: str,
) -> Network:
    """The pyvis network: styled nodes and edges and the vis-network options."""
    net = Network(height=height, width="100%", directed=True)
    flagged = flagged_ids(relations)  # ringed as in the published picture
    node_ids = list(entities)
    for r in relations:  # relation ends missing from the entities get a grey node
        for end in (r.head, r.tail):
            if end not in entities and end not in node_ids:
                node_ids.append(end)
    for node_id in node_ids:
        entity = entities.get(node_id)
        is_centre = node_id == subgraph.center
        colour = _entity_colour(entity, node_id)
        listed = node_id in flagged
        border = CENTRE_BORDER if is_centre else (
            PATH_COLOUR if node_id in path_nodes else (LISTED_RING if listed else colour)
        )
        net.add_node(
            node_id,
            label=_truncate(entity.name if entity else node_id, LABEL_MAX),
            shape=ENTITY_SHAPES.get(entity.type, "dot") if entity else "dot",
            color={
                "background": colour,
                "border": border,
                "highlight": {"background": colour, "border": CENTRE_BORDER},
                "hover": {"background": colour, "border": CENTRE_BORDER},
            },
            title=_node_tooltip(entity, node_id, is_centre),
            size=32 if is_centre else 18,
            borderWidth=5 if is_centre else (3 if node_id in path_nodes or listed else 1),
            font={"size": 18 if is_centre else 14, "strokeWidth": 3, "strokeColor": "#ffffff"},
        )

    # Parallel relations between the same two entities are curved apart, or
    # their labels would be drawn on top of each other.
    pairs: dict[frozenset[str], list[int]] = defaultdict(list)
    for i, r in enumerate(relations):
        pairs[frozenset((r.head, r.tail))].append(i)
    curve: dict[int, float] = {}
    for indexes in pairs.values():
        if len(indexes) > 1:
            for k, i in enumerate(indexes):
                curve[i] = 0.15 + 0.2 * k

    names = {nid: (entities[nid].name if nid in entities else nid) for nid in node_ids}
    for i, r in enumerate(relations):
        on_path = r.key in path_keys
        colour = PATH_COLOUR if on_path else RELATION_COLOURS.get(r.type, UNKNOWN_COLOUR)
        extra: dict[str, Any] = {}
        if i in curve:
            extra["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": curve[i]}
        net.add_edge(
            r.head,
            r.tail,
            id=f"e{i}",
            label=r.type.value,
            title=_edge_tooltip(r, names[r.head], names[r.tail], on_path),
            color={"color": colour, "highlight": colour, "hover": colour},
            width=5 if on_path else 1.5 + 2 * _number(r.confidence),
            arrows="to",
            dashes=not r.evidence,
            shadow=on_path,
            **extra,
        )

    net.options = {
        "autoResize": True,
        "nodes": {"font": {"face": "sans-serif"}},
        "edges": {
            "smooth": {"enabled": True, "type": "dynamic"},
            "font": {"size": 11, "align": "middle", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.7}},
        },
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -80, "springLength": 150, "avoidOverlap": 0.4},
            "stabilization": {"enabled": True, "iterations": 500, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "keyboard": False, "navigationButtons": False},
    }
    return net


def render_html(
    subgraph: Subgraph,
    *,
    title: str | None = None,
    paths: Sequence[OwnershipPath] = (),
    height: str = "750px",
) -> str:
    """The subgraph as one self-contained HTML page (a string).

    Parameters
    ----------
    subgraph:
        What to draw; the ``center`` entity is emphasised.
    title:
        Page heading and ``<title>``; any text (it is escaped).  Defaults to
        "<centre name>: <depth>-hop neighbourhood".
    paths:
        Ownership paths to highlight.  Their entities and relations are drawn
        too when the subgraph lacks them, and they are listed in words above
        the evidence table.
    height:
        CSS height of the drawing, e.g. ``"750px"`` or ``"80vh"``.

    Returns
    -------
    str
        HTML that fetches nothing (vis-network inlined, CSP ``default-src
        'none'``) and shows every article string as text.

    Raises
    ------
    ValueError
        When ``height`` is not a plain CSS length (it is placed in a style).
    """
    if not _HEIGHT_RE.match(height):
        raise ValueError(f"height must be a CSS length such as '750px' or '80vh', not {height!r}")
    paths = tuple(paths)
    assets = _assets()
    entities, relations, path_keys, path_nodes = drawn_parts(subgraph, paths)
    centre = entities.get(subgraph.center)
    centre_name = centre.name if centre else subgraph.center
    page_title = title if title is not None else f"{centre_name}: {subgraph.depth}-hop neighbourhood"

    net = _build_network(subgraph, entities, relations, path_keys, path_nodes, height)
    nodes, edges, _heading, _height, _width, options_json = net.get_network_data()
    payload = {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options_json),
        "filename": _filename(page_title),
    }

    names = {eid: e.name for eid, e in entities.items()}
    documents = {ev.document_id for r in relations for ev in r.evidence}
    rows = [
        {
            "head": names.get(r.head, r.head),
            "type": r.type.value,
            "tail": names.get(r.tail, r.tail),
            "attributes": _attribute_rows(r),
            "confidence": f"{_number(r.confidence):.2f}",
            "on_path": r.key in path_keys,
            "evidence": [
                {
                    "sentence": ev.sentence,
                    "source": _source_label(ev.source, ev.document_id),
                    "url": _link(ev.source),
                    "method": ev.method,
                    "confidence": f"{_number(ev.confidence):.2f}",
                    "attributes": _ordered_attributes(ev.attributes),
                }
                for ev in r.evidence
            ],
        }
        for r in relations
    ]

    legend_entities: list[dict[str, Any]] = []
    seen_types: list[str] = []
    for eid, e in entities.items():
        label = kind_label(e, eid)
        if label not in seen_types:
            seen_types.append(label)
            legend_entities.append({"label": label, "colour": _entity_colour(e, eid), "centre": False, "ring": None})
    if centre is not None:
        legend_entities.append({"label": "centre", "colour": _entity_colour(centre, centre.id), "centre": True, "ring": None})
    if flagged_ids(relations):
        legend_entities.append({"label": "listed or military-linked", "colour": "#ffffff", "centre": False, "ring": LISTED_RING})
    rel_types = list(dict.fromkeys(r.type for r in relations))
    legend_relations: list[dict[str, Any]] = [
        {"label": t.value, "colour": RELATION_COLOURS.get(t, UNKNOWN_COLOUR), "style": ""} for t in rel_types
    ]
    if path_keys:
        legend_relations.append({"label": "highlighted path", "colour": PATH_COLOUR, "style": "path"})
    if any(not r.evidence for r in relations):
        legend_relations.append({"label": "no evidence recorded", "colour": UNKNOWN_COLOUR, "style": "dashed"})

    page_js = assets.page_js
    return _template().render(
        title=page_title,
        centre_name=centre_name,
        n_documents=len(documents),
        n_entities=len(nodes),
        n_relations=len(relations),
        truncated=_truncation(subgraph),
        height=height,
        legend_entities=legend_entities,
        legend_relations=legend_relations,
        paths=[{"description": path_in_words(p), "confidence": f"{_number(p.confidence):.2f}"} for p in paths],
        rows=rows,
        csp=_content_security_policy((assets.vis_js, page_js)),
        vis_css=Markup(assets.vis_css),
        page_css=Markup(assets.page_css),
        vis_js=Markup(assets.vis_js),
        page_js=Markup(page_js),
        data_json=Markup(script_json(payload)),
    )


def _truncation(subgraph: Subgraph) -> dict[str, int] | None:
    """What the page's "cut to fit" note says, or None for a whole neighbourhood."""
    if not subgraph.truncated:
        return None
    return {
        "entities": len(subgraph.entities),
        "total_entities": subgraph.total_entities or len(subgraph.entities),
        "relations": len(subgraph.relations),
        "total_relations": subgraph.total_relations or len(subgraph.relations),
    }


def write_html(subgraph: Subgraph, path: str | Path, **kw: Any) -> Path:
    """Write :func:`render_html` to ``path`` (UTF-8, parents created) and return it.

    Keyword arguments are those of :func:`render_html` (``title``, ``paths``,
    ``height``).
    """
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_html(subgraph, **kw), encoding="utf-8")
    return out
