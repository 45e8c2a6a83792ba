"""Publishable pictures of a subgraph: PNG and SVG drawn on the server.

The interactive page (graph/render.py) is for exploring; a newsroom publishes
a still picture, so this one carries everything a caption needs inside the
image: a title, a legend of what is drawn, the numbered sources (title, date,
URL or file name) with every arrow labelled by the numbers of its sources, and
a credit line.

The picture is a function of its input alone: a seeded layout, no wall-clock
time (the credit's date is the caller's or the newest source's), a fixed SVG
hash salt and no creation date in either file, so two renders of the same
subgraph are the same bytes.  Every string from an article is cleaned of
control and layout characters and drawn as plain text (no mathtext), and the
SVG writer escapes it, so a hostile name can neither break the file nor add
markup to it.

Layouts: a chain (paths highlighted) reads left to right along the path; an
ownership tree stands owners above what they own; anything else is a seeded
force layout whose label boxes are pushed apart until they do not overlap.
Everything is measured in points (the axes' data unit is one point), so
label sizes, gaps and arrows are exact.
"""

from __future__ import annotations

import io
import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, Mapping, Sequence

import matplotlib
import networkx as nx
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch

from .citations import DocumentInfo, cite_source
from .errors import ChipgraphError
from .model import Entity, Relation, RelationType
from .palette import (
    CENTRE_BORDER,
    ENTITY_SHAPES,
    LISTED_RING,
    PATH_COLOUR,
    RELATION_COLOURS,
    RELATION_WORDS,
    UNKNOWN_COLOUR,
    entity_colour,
    flagged_ids,
    kind_label,
)
from .paths import OwnershipPath
from .subgraph import Subgraph, drawn_parts

__all__ = [
    "Layout",
    "PictureFormat",
    "PICTURE_FORMATS",
    "PICTURE_MAX_NODES",
    "MEDIA_TYPES",
    "Source",
    "number_sources",
    "render_picture",
    "write_picture",
    "clean_text",
]

Layout = Literal["auto", "force", "chain", "tree"]
PictureFormat = Literal["png", "svg"]
#: file extension -> format
PICTURE_FORMATS: Mapping[str, PictureFormat] = {".png": "png", ".svg": "svg"}
MEDIA_TYPES: Mapping[str, str] = {"png": "image/png", "svg": "image/svg+xml"}

#: the most entities a picture draws: past this no label can be read, and the
#: label-overlap pass (quadratic) would make a request slow
PICTURE_MAX_NODES = 300
OWNERSHIP = frozenset({RelationType.OWNED_BY, RelationType.PART_OF})
SEED = 20240611  # the force layout's seed: the same picture on every load
DPI = 150
#: pixels past which a PNG is drawn at a lower resolution (see ``png_dpi``)
MAX_PIXELS = 16_000_000
MIN_DPI = 96
LABEL_MAX = 60  # characters of a node name before the ellipsis
LABEL_WIDTH = 132.0  # points a node label wraps at
SOURCES_LISTED = 40  # numbered in the picture; the rest are counted
SOURCE_MAX = 220  # characters of one source line
REFS_SHOWN = 4  # source numbers on one arrow before "+N"
MARKERS = {"dot": "o", "square": "s", "triangle": "^", "star": "*", "diamond": "D"}
INK, GREY, RULE = "#1A1A1A", "#555555", "#BBBBBB"
FONT = "DejaVu Sans"  # ships with matplotlib: the same glyphs on every machine

_LOCK = threading.Lock()  # rcParams (SVG salt, font type) are process-wide


# --- text ----------------------------------------------------------------------------

# control characters, bidi controls (they reorder what a reader sees), and what
# XML 1.0 cannot carry; every one becomes a space or U+FFFD
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean_text(text: str, limit: int | None = None) -> str:
    """``text`` as one line of plain, drawable, XML-safe text.

    White space (tabs, newlines, line separators) folds to single spaces,
    other control and bidi characters are dropped, what else XML forbids
    (lone surrogates, U+FFFE) becomes U+FFFD, and a ``limit`` ends it with an
    ellipsis.
    """
    text = "".join(" " if c.isspace() else c for c in str(text) if c.isspace() or unicodedata.category(c) != "Cc")
    text = _NOT_XML.sub("\ufffd", _BIDI.sub("", text))
    text = " ".join(text.split())
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "\u2026"
    return text


@lru_cache(maxsize=1)
def _measurer() -> RendererAgg:
    """An Agg renderer at 72 dpi: text extents come back in points."""
    return RendererAgg(10, 10, 72)


@lru_cache(maxsize=4096)
def _width(text: str, size: float, bold: bool = False) -> float:
    prop = FontProperties(family=FONT, size=size, weight="bold" if bold else "normal")
    w, _, _ = _measurer().get_text_width_height_descent(text, prop, ismath=False)
    return float(w)


def _wrap(text: str, width: float, size: float, max_lines: int, bold: bool = False) -> list[str]:
    """Greedy word wrap to ``width`` points; a word too long for a line is
    cut, and text beyond ``max_lines`` ends in an ellipsis."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        while _width(word, size, bold) > width and len(word) > 1:  # one long token: hard breaks
            cut = len(word)
            while cut > 1 and _width(word[:cut], size, bold) > width:
                cut -= 1
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:cut])
            word = word[cut:]
        candidate = f"{line} {word}" if line else word
        if line and _width(candidate, size, bold) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line or not lines:
        lines.append(line)
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and _width(last + "\u2026", size, bold) > width:
            last = last[:-1]
        lines = lines[: max_lines - 1] + [last.rstrip() + "\u2026"]
    return lines


# --- sources ------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """One cited article, numbered as the arrows cite it."""

    number: int
    title: str | None
    date: str | None
    shown: str  # URL or file name, never a local path

    def describe(self) -> str:
        head = self.title or "untitled"
        return f"{head} ({self.date}) \u2014 {self.shown}" if self.date else f"{head} \u2014 {self.shown}"


def number_sources(
    relations: Sequence[Relation], documents: Mapping[str, DocumentInfo]
) -> tuple[list[Source], dict[tuple[str, str, str], list[int]]]:
    """Every article the relations cite, numbered in the order the relations
    are given (an article syndicated under several ids, same title, date and
    address, is one source), and each relation's source numbers."""
    sources: list[Source] = []
    by_identity: dict[tuple[str | None, str | None, str], int] = {}
    refs: dict[tuple[str, str, str], list[int]] = {}
    for r in relations:
        numbers: list[int] = []
        for ev in r.evidence:
            doc = documents.get(ev.document_id)
            shown, _ = cite_source(doc.source if doc else ev.source)
            title = doc.title if doc and doc.title else None
            date = doc.date if doc and doc.date else None
            ident = (title, date, shown if (doc or ev.source) else ev.document_id)
            if ident not in by_identity:
                by_identity[ident] = len(sources) + 1
                sources.append(Source(len(sources) + 1, title, date, shown if (doc or ev.source) else f"document {ev.document_id[:12]}"))
            if by_identity[ident] not in numbers:
                numbers.append(by_identity[ident])
        refs[r.key] = sorted(numbers)
    return sources, refs


def _refs_text(numbers: Sequence[int]) -> str:
    if not numbers:
        return "[no source]"
    shown = ", ".join(map(str, numbers[:REFS_SHOWN]))
    more = f" +{len(numbers) - REFS_SHOWN}" if len(numbers) > REFS_SHOWN else ""
    return f"[{shown}{more}]"


# --- layout ---------------------------------------------------------------------------


@dataclass
class _Node:
    id: str
    entity: Entity | None
    lines: list[str]
    width: float  # of the label, points
    height: float
    radius: float
    x: float = 0.0
    y: float = 0.0
    #: the label under the marker, or to its right (a tree: arrows run up and down)
    beside: bool = False

    def box(self, pad: float) -> tuple[float, float, float, float]:
        """(left, bottom, right, top) of the marker and its label."""
        if self.beside:
            half_h = max(self.radius, self.height / 2) + pad
            return (self.x - self.radius - pad, self.y - half_h, self.x + self.radius + 5 + self.width + pad, self.y + half_h)
        half = max(self.width / 2, self.radius) + pad
        return (self.x - half, self.y - self.radius - 3 - self.height - pad, self.x + half, self.y + self.radius + pad)


def _choose_layout(layout: Layout, paths: Sequence[OwnershipPath]) -> Layout:
    if layout != "auto":
        return layout
    if not paths:
        return "force"
    if all(h.relation.type in OWNERSHIP for p in paths for h in p.hops):
        return "tree"
    return "chain"


def _ranks(
    order: Sequence[str], relations: Sequence[Relation], paths: Sequence[OwnershipPath], mode: Layout, centre: str,
    lists: set[str],
) -> dict[str, int]:
    """A layer for every node.  Chain: each hop of a chain one column to the
    right (so the picture reads like the sentence), lists in a last column
    of their own; tree: owners one layer above what they own.  Nodes
    no path places follow their neighbours breadth-first (a head one layer
    before its tail)."""
    rank: dict[str, int] = {}
    queue: list[str] = []
    if mode == "chain":
        # longest-path layers: every hop one column right of the one before it,
        # whichever chain it is on (relaxed at most once per node: a cycle stops)
        for p in paths:
            for e in p.entities:
                if e.id not in rank:
                    rank[e.id] = 0
                    queue.append(e.id)
        hops = [(a.id, b.id) for p in paths for a, b in zip(p.entities, p.entities[1:])]
        for _ in range(len(rank)):
            changed = False
            for a, b in hops:
                if rank[b] < rank[a] + 1 <= len(rank):
                    rank[b] = rank[a] + 1
                    changed = True
            if not changed:
                break
    if not rank:
        start = centre if centre in order else order[0]
        rank[start] = 0
        queue.append(start)
    adjacency: dict[str, list[tuple[str, int]]] = {n: [] for n in order}
    for r in relations:
        if r.head in adjacency and r.tail in adjacency and r.head != r.tail:
            adjacency[r.head].append((r.tail, 1))
            adjacency[r.tail].append((r.head, -1))
    while True:
        i = 0
        while i < len(queue):
            n = queue[i]
            i += 1
            for m, step in adjacency[n]:
                if m not in rank:
                    rank[m] = rank[n] + step
                    queue.append(m)
        rest = [n for n in order if n not in rank]
        if not rest:
            break
        rank[rest[0]] = 0  # a part not joined to the rest starts its own walk
        queue = [rest[0]]
    low = min(rank.values())
    rank = {n: r - low for n, r in rank.items()}
    if mode == "chain":  # lists and `military` end chains: one column of them, last
        ends = {n for n in order if n in lists}
        last = max((r for n, r in rank.items() if n not in ends), default=-1) + 1
        rank.update({n: last for n in ends})
    return rank


def _layered(nodes: dict[str, _Node], order: Sequence[str], ranks: Mapping[str, int], relations: Sequence[Relation],
             horizontal: bool, edge_gap: float, spine: Sequence[str] = ()) -> None:
    """Place layers as columns (chain, left to right) or rows (tree, rank 0 at
    the bottom), ordering each layer by its neighbours' mean position (a few
    barycentre sweeps) so that arrows cross less.  The ``spine`` (the first
    chain) is drawn as one straight line, the rest of each column around it."""
    layers: dict[int, list[str]] = {}
    for n in order:
        layers.setdefault(ranks[n], []).append(n)
    neighbours: dict[str, set[str]] = {n: set() for n in order}
    for r in relations:
        if r.head in neighbours and r.tail in neighbours:
            neighbours[r.head].add(r.tail)
            neighbours[r.tail].add(r.head)
    slot = {n: float(i) for ids in layers.values() for i, n in enumerate(ids)}
    keys = sorted(layers)
    for sweep in range(4):
        for k in keys if sweep % 2 == 0 else reversed(keys):
            ids = layers[k]
            def centre_of(n: str) -> float:
                near = [slot[m] for m in neighbours[n] if ranks[m] != k]
                return sum(near) / len(near) if near else slot[n]
            ids.sort(key=lambda n: (centre_of(n), order.index(n)))
            for i, n in enumerate(ids):
                slot[n] = float(i) - (len(ids) - 1) / 2
    if horizontal:
        x = 0.0
        for k in keys:
            ids = layers[k]
            col = max(max(nodes[n].width, 2 * nodes[n].radius) for n in ids)
            heights = [nodes[n].radius * 2 + 3 + nodes[n].height + 26 for n in ids]
            y = 0.0
            for n, h in zip(ids, heights):
                nodes[n].x = x + col / 2
                nodes[n].y = y - nodes[n].radius
                y -= h
            on_spine = [n for n in ids if n in spine]
            shift = -nodes[on_spine[0]].y if on_spine else sum(heights) / 2
            for n in ids:
                nodes[n].y += shift
            x += col + edge_gap
    else:
        for n in nodes.values():
            n.beside = True
        row_h = max(max(2 * n.radius, n.height) for n in nodes.values()) + max(edge_gap * 0.45, 56)
        for k in keys:
            ids = layers[k]
            widths = [nodes[n].box(0)[2] - nodes[n].box(0)[0] + 28 for n in ids]
            x = -sum(widths) / 2
            for n, w in zip(ids, widths):
                nodes[n].x = x + nodes[n].radius
                nodes[n].y = k * row_h
                x += w


def _force(nodes: dict[str, _Node], order: Sequence[str], relations: Sequence[Relation], centre: str,
           edge_length: float) -> None:
    """A seeded spring layout scaled so that labels fit, then label boxes
    pushed apart (deterministically, in a fixed order) until none overlap."""
    g = nx.Graph()
    g.add_nodes_from(order)
    g.add_edges_from(sorted((r.head, r.tail) for r in relations if r.head in nodes and r.tail in nodes))
    pos = nx.spring_layout(g, seed=SEED, iterations=200) if len(order) > 1 else {order[0]: (0.0, 0.0)}
    if centre in pos:
        cx, cy = pos[centre]
        pos = {n: (float(x) - cx, float(y) - cy) for n, (x, y) in pos.items()}
    # an arrow must be long enough for its label and the two node labels' halves
    lengths = sorted(
        ((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5 for a, b in g.edges() if a != b
    )
    median = lengths[len(lengths) // 2] if lengths else 1.0
    scale = edge_length / (median or 1.0)
    # and the drawing must have room for every label: some three times their area
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    spread = max(max(xs) - min(xs), 1e-6) * max(max(ys) - min(ys), 1e-6)
    needed = 3.0 * sum((n.width + 16) * (n.height + 2 * n.radius + 16) for n in nodes.values())
    scale = max(scale, (needed / spread) ** 0.5)
    for n in order:
        nodes[n].x, nodes[n].y = pos[n][0] * scale, pos[n][1] * scale
    _separate([nodes[n] for n in order], pad=8)


def _separate(items: Sequence[_Node], pad: float, rounds: int = 400) -> None:
    """Push overlapping label boxes apart along the axis they overlap least,
    all pairs at once (numpy), until none overlap or ``rounds`` pass; ties
    are broken by position in ``items``, so the result never varies."""
    if len(items) < 2:
        return
    x = np.array([n.x for n in items], dtype=float)
    y = np.array([n.y for n in items], dtype=float)
    half_w = np.array([max(n.width / 2, n.radius) + pad for n in items])
    above = np.array([n.radius + pad for n in items])  # box top above the node's centre
    below = np.array([n.radius + 3 + n.height + pad for n in items])  # box bottom below it
    half_h, centre_off = (above + below) / 2, (above - below) / 2
    rank = np.arange(len(items))
    tie = np.sign(rank[:, None] - rank[None, :])
    for _ in range(rounds):
        cy = y + centre_off
        dx, dy = x[:, None] - x[None, :], cy[:, None] - cy[None, :]
        ox = half_w[:, None] + half_w[None, :] - np.abs(dx)
        oy = half_h[:, None] + half_h[None, :] - np.abs(dy)
        hit = (ox > 0) & (oy > 0)
        np.fill_diagonal(hit, False)
        if not hit.any():
            break
        sx = np.where(dx != 0, np.sign(dx), tie)
        sy = np.where(dy != 0, np.sign(dy), tie)
        sideways = ox < oy
        x += 0.5 * np.where(hit & sideways, sx * (ox / 2 + 0.5), 0.0).sum(axis=1)
        y += 0.5 * np.where(hit & ~sideways, sy * (oy / 2 + 0.5), 0.0).sum(axis=1)
    for n, nx_, ny_ in zip(items, x, y):
        n.x, n.y = float(nx_), float(ny_)


# --- drawing ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Scale:
    """Type and marker sizes, smaller as the picture fills up."""

    label: float
    edge: float
    radius: float

    @classmethod
    def for_nodes(cls, n: int) -> "_Scale":
        if n <= 30:
            return cls(10.0, 7.5, 9.0)
        if n <= 80:
            return cls(9.0, 7.0, 8.0)
        return cls(8.0, 6.5, 7.0)


def _text(ax: Any, x: float, y: float, s: str, size: float, **kw: Any) -> Any:
    """Plain text only: ``parse_math=False`` keeps "$" and "\\" as they are."""
    return ax.text(x, y, s, fontsize=size, fontfamily=FONT, parse_math=False, **kw)


@dataclass(frozen=True)
class _Arrows:
    """How each relation's arrow is drawn: its label, bend and label spot."""

    labels: Mapping[tuple[str, str, str], str]
    bend: Mapping[tuple[str, str, str], float]
    spots: Mapping[tuple[str, str, str], float]


def _curve_point(a: _Node, b: _Node, rad: float, t: Any) -> tuple[Any, Any]:
    """The point at ``t`` (0..1, or an array of them) of matplotlib's arc3
    curve from a to b (a quadratic Bezier whose control point is ``rad``
    times the chord off it)."""
    dx, dy = b.x - a.x, b.y - a.y
    cx, cy = (a.x + b.x) / 2 + rad * dy, (a.y + b.y) / 2 - rad * dx
    u = 1 - t
    return u * u * a.x + 2 * u * t * cx + t * t * b.x, u * u * a.y + 2 * u * t * cy + t * t * b.y


#: where along an arrow its label may go, nearest the middle first
_SPOTS = tuple(sorted((0.5 + d / 20 for d in range(-7, 8)), key=lambda t: (abs(t - 0.5), t)))


def _bends(relations: Sequence[Relation], nodes: Mapping[str, _Node], around_labels: bool) -> dict[tuple[str, str, str], float]:
    """An arc bend per relation: parallel relations fan out, and one whose
    straight line would run through a third node (and, ``around_labels``,
    its label) bends around it: the first of a few bends, either side, that
    clears every node."""
    pairs: dict[frozenset[str], list[Relation]] = {}
    for r in relations:
        pairs.setdefault(frozenset((r.head, r.tail)), []).append(r)
    bend: dict[tuple[str, str, str], float] = {}
    for group in pairs.values():
        m = len(group)
        for k, r in enumerate(group):
            # arc3 bends to the left of the arrow: flip for arrows the other way so the fan stays apart
            sign = 1.0 if r.head <= r.tail else -1.0
            bend[r.key] = sign * (k - (m - 1) / 2) * 0.3
    ids = list(nodes)
    boxes = np.array([
        n.box(2) if around_labels else (n.x - n.radius - 3, n.y - n.radius - 3, n.x + n.radius + 3, n.y + n.radius + 3)
        for n in nodes.values()
    ])
    ts = np.arange(2, 23) / 24
    for r in relations:
        if bend[r.key] != 0.0 or r.head == r.tail:
            continue
        a, b = nodes[r.head], nodes[r.tail]
        others = boxes[[i for i, nid in enumerate(ids) if nid not in (r.head, r.tail)]]
        for rad in (0.0, 0.2, -0.2, 0.35, -0.35, 0.5, -0.5):
            px, py = _curve_point(a, b, rad, ts)
            inside = ((px[:, None] > others[None, :, 0]) & (px[:, None] < others[None, :, 2])
                      & (py[:, None] > others[None, :, 1]) & (py[:, None] < others[None, :, 3]))
            if not inside.any():
                bend[r.key] = rad
                break
        else:
            bend[r.key] = 0.3
    return bend


def _label_spots(relations: Sequence[Relation], nodes: Mapping[str, _Node], bend: Mapping[tuple[str, str, str], float],
                 labels: Mapping[tuple[str, str, str], str], size: float) -> dict[tuple[str, str, str], float]:
    """Where along its arrow (0..1) each arrow's label goes: the middle when
    it is free, else the nearest spot clear of nodes, their labels and the
    labels already placed."""
    taken = np.zeros((len(nodes) + len(relations), 4))
    taken[: len(nodes)] = [n.box(1) for n in nodes.values()]
    used = len(nodes)
    ts = np.array(_SPOTS)
    spots: dict[tuple[str, str, str], float] = {}
    for r in relations:
        a, b = nodes[r.head], nodes[r.tail]
        w, h = _width(labels[r.key], size) + 4, size * 1.4
        x, y = _curve_point(a, b, bend[r.key], ts)
        boxes = np.stack([x - w / 2, y - h / 2, x + w / 2, y + h / 2], axis=1)[:, None, :]
        other = taken[None, :used]
        across = np.clip(np.minimum(boxes[..., 2], other[..., 2]) - np.maximum(boxes[..., 0], other[..., 0]), 0, None)
        up = np.clip(np.minimum(boxes[..., 3], other[..., 3]) - np.maximum(boxes[..., 1], other[..., 1]), 0, None)
        covered = (across * up).sum(axis=1)
        # the first free spot, else the first of the least covered
        free = np.flatnonzero(covered == 0)
        best = int(free[0]) if free.size else int(np.argmin(covered))
        taken[used] = boxes[best, 0]
        used += 1
        spots[r.key] = _SPOTS[best]
    return spots


def _default_title(subgraph: Subgraph, entities: Mapping[str, Entity], paths: Sequence[OwnershipPath]) -> str:
    centre = entities.get(subgraph.center)
    name = centre.name if centre else subgraph.center
    if paths:
        ends = dict.fromkeys(p.entities[-1].name for p in paths)
        return f"{name} \u2192 {', '.join(ends)}"
    return f"{name}: {subgraph.depth}-hop neighbourhood"


def png_dpi(width: float, height: float) -> float:
    """The PNG's resolution for a page of ``width`` x ``height`` points:
    ``DPI`` up to ``MAX_PIXELS``, then lower (never under ``MIN_DPI``).
    Drawing and encoding time grow with the pixels, and a picture of
    hundreds of entities at full resolution is tens of megapixels that take
    many seconds; text stays legible at ``MIN_DPI``, and the SVG keeps
    every detail at any size."""
    full = width * height * (DPI / 72) ** 2
    if full <= MAX_PIXELS:
        return float(DPI)
    return max(float(MIN_DPI), round(DPI * (MAX_PIXELS / full) ** 0.5, 1))


def render_picture(
    subgraph: Subgraph,
    fmt: PictureFormat = "png",
    *,
    title: str | None = None,
    paths: Sequence[OwnershipPath] = (),
    documents: Mapping[str, DocumentInfo] | None = None,
    credit_date: str | None = None,
    layout: Layout = "auto",
) -> bytes:
    """The subgraph as a PNG or SVG picture ready to publish (bytes).

    Parameters
    ----------
    subgraph:
        What to draw; the ``center`` entity is emphasised.
    fmt:
        ``"png"`` (150 dpi) or ``"svg"`` (text kept as text, searchable).
    title:
        The heading; defaults to the centre's neighbourhood, or the chain's ends.
    paths:
        Chains to highlight (drawn whole even where they leave the subgraph).
    documents:
        Title, date and address of each evidence document
        (``store.document_infos``); without one a source is cited by the
        evidence's own source string.
    credit_date:
        The date in the credit line; defaults to the newest source's date.
        No wall-clock time is ever stamped, so renders repeat exactly.
    layout:
        ``auto`` (chain when ``paths`` are given, tree when they are all
        ownership, else force), or one of ``force``, ``chain``, ``tree``.
    """
    if fmt not in MEDIA_TYPES:
        raise ChipgraphError(f"cannot draw a picture as {fmt!r}: use png or svg")
    if layout not in ("auto", "force", "chain", "tree"):
        raise ChipgraphError(f"unknown layout {layout!r}: use auto, force, chain or tree")
    paths = tuple(paths)
    documents = documents or {}
    entities, relations, path_keys, path_nodes = drawn_parts(subgraph, paths)
    mode = _choose_layout(layout, paths)
    # path relations first: they are what the reader follows, so they get the first source numbers
    relations = sorted(relations, key=lambda r: (r.key not in path_keys,))
    order = list(entities)
    for r in relations:
        for end in (r.head, r.tail):
            if end not in entities and end not in order:
                order.append(end)
    if len(order) > PICTURE_MAX_NODES:
        raise ChipgraphError(
            f"{len(order)} entities are too many for a picture (at most {PICTURE_MAX_NODES}): "
            "ask for fewer (max nodes, depth) or write the interactive .html page"
        )
    scale = _Scale.for_nodes(len(order))
    nodes: dict[str, _Node] = {}
    for n in order:
        e = entities.get(n)
        lines = _wrap(clean_text(e.name if e else n, LABEL_MAX) or "(no name)", LABEL_WIDTH, scale.label, 3,
                      bold=n == subgraph.center)
        width = max(_width(line, scale.label, n == subgraph.center) for line in lines)
        radius = scale.radius * (1.45 if n == subgraph.center else 1.0)
        nodes[n] = _Node(n, e, lines, width, len(lines) * scale.label * 1.22, radius)

    sources, refs = number_sources(relations, documents)
    edge_labels = {r.key: f"{RELATION_WORDS.get(r.type, r.type.value)} {_refs_text(refs[r.key])}" for r in relations}
    widest_edge = max((_width(t, scale.edge) for t in edge_labels.values()), default=40.0)
    if mode == "force":
        widest_node = max(n.width for n in nodes.values())
        _force(nodes, order, relations, subgraph.center, max(widest_edge + 60, widest_node + 30))
    else:
        lists = {n for n in order if kind_label(entities.get(n), n) in ("LIST", "military")}
        ranks = _ranks(order, relations, paths, mode, subgraph.center, lists)
        spine = [e.id for e in paths[0].entities] if paths else []
        _layered(nodes, order, ranks, relations, horizontal=mode == "chain", edge_gap=widest_edge + 46, spine=spine)
    bend = _bends(relations, nodes, around_labels=mode != "force")
    spots = _label_spots(relations, nodes, bend, edge_labels, scale.edge)

    with _LOCK, matplotlib.rc_context(
        {"svg.hashsalt": "chipgraph", "svg.fonttype": "none", "font.family": FONT, "path.simplify": False}
    ):
        return _draw(subgraph, fmt, title, paths, entities, relations, path_keys, path_nodes, nodes, order, scale,
                     sources, _Arrows(edge_labels, bend, spots), credit_date)


def _draw(subgraph: Subgraph, fmt: PictureFormat, title: str | None, paths: Sequence[OwnershipPath],
          entities: Mapping[str, Entity], relations: Sequence[Relation], path_keys: set[tuple[str, str, str]],
          path_nodes: set[str], nodes: Mapping[str, _Node], order: Sequence[str], scale: _Scale,
          sources: Sequence[Source], arrows: _Arrows, credit_date: str | None) -> bytes:
    """Lay the blocks out top to bottom (title, graph, legend, sources,
    credit), size the figure to them and write it."""
    margin = 30.0
    left = min(n.box(6)[0] for n in nodes.values())
    right = max(n.box(6)[2] for n in nodes.values())
    bottom = min(n.box(6)[1] for n in nodes.values())
    top = max(n.box(6)[3] for n in nodes.values())
    # arcs and their labels may leave the node boxes
    for r in relations:
        a, b = nodes[r.head], nodes[r.tail]
        half = _width(arrows.labels[r.key], scale.edge) / 2 + 4
        for t, pad in ((0.5, 6.0), (arrows.spots[r.key], half)):
            mx, my = _curve_point(a, b, arrows.bend[r.key], t)
            left, right = min(left, mx - pad), max(right, mx + pad)
            bottom, top = min(bottom, my - 10), max(top, my + 10)
    graph_w, graph_h = right - left, top - bottom
    width = max(graph_w + 2 * margin, 660.0)
    text_w = width - 2 * margin

    heading = clean_text(title if title is not None else _default_title(subgraph, entities, paths), 300) or "chipgraph"
    title_lines = _wrap(heading, text_w, 17, 2, bold=True)
    n_docs = len(sources)
    summary = (
        f"{len(order)} entit{'y' if len(order) == 1 else 'ies'} \u00b7 {len(relations)} relation{'' if len(relations) == 1 else 's'}"
        f" \u00b7 {n_docs} source{'' if n_docs == 1 else 's'}"
    )
    if paths:
        summary += f" \u00b7 {len(paths)} highlighted chain{'' if len(paths) == 1 else 's'}"
    if subgraph.truncated:
        summary += " \u00b7 cut to fit: not every entity or relation is shown"
    summary_lines = _wrap(summary, text_w, 9.5, 3)

    legend = _legend_items(entities, relations, path_keys, order, subgraph.center)
    legend_rows = _flow(legend, text_w, 8.5)

    source_size = 8.0
    source_blocks: list[tuple[str, list[str]]] = []
    for s in sources[:SOURCES_LISTED]:
        source_blocks.append((f"[{s.number}]", _wrap(clean_text(s.describe(), SOURCE_MAX), text_w - 26, source_size, 3)))
    more = len(sources) - SOURCES_LISTED
    dates = sorted(d for d in (s.date for s in sources) if d)
    when = clean_text(credit_date, 40) if credit_date else (dates[-1] if dates else "")
    credit = " \u00b7 ".join(x for x in ("chipgraph", when, f"{n_docs} source{'' if n_docs == 1 else 's'} listed" if n_docs else "no sources recorded") if x)

    line = 1.25
    h_title = len(title_lines) * 17 * line
    h_summary = len(summary_lines) * 9.5 * line
    h_legend = len(legend_rows) * 15.0
    h_sources = 14 + (sum(len(b) for _, b in source_blocks) + (more > 0) + (not source_blocks)) * source_size * line
    height = margin + h_title + 4 + h_summary + 16 + graph_h + 18 + h_legend + 12 + h_sources + 10 + 10 + margin

    dpi = png_dpi(width, height)
    fig = Figure(figsize=(width / 72, height / 72), dpi=dpi, facecolor="white")
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.set_axis_off()

    y = height - margin
    for t in title_lines:
        _text(ax, margin, y, t, 17, fontweight="bold", color=INK, va="top")
        y -= 17 * line
    y -= 4
    for t in summary_lines:
        _text(ax, margin, y, t, 9.5, color=GREY, va="top")
        y -= 9.5 * line
    y -= 16
    # the graph: shift node coordinates into the block, centred
    dx = margin + (text_w - graph_w) / 2 - left
    dy = y - top
    for n in nodes.values():
        n.x += dx
        n.y += dy
    _draw_graph(ax, subgraph, relations, path_keys, path_nodes, nodes, order, scale, arrows)
    y -= graph_h + 18

    for row in legend_rows:
        x = margin
        for item, w in row:
            _draw_legend_item(ax, x, y - 6, item)
            _text(ax, x + 26, y - 6, item[0], 8.5, color=INK, va="center")
            x += w
        y -= 15.0
    y -= 6
    ax.add_line(Line2D([margin, width - margin], [y, y], color=RULE, linewidth=0.6))
    y -= 6
    _text(ax, margin, y, "Sources", 9, fontweight="bold", color=INK, va="top")
    y -= 14
    for number, block in source_blocks:
        _text(ax, margin, y, number, source_size, color=INK, va="top")
        for t in block:
            _text(ax, margin + 26, y, t, source_size, color=INK, va="top")
            y -= source_size * line
    if more > 0:
        _text(ax, margin + 26, y, f"\u2026 and {more} more source{'' if more == 1 else 's'} (see the HTML page or the API)",
              source_size, color=GREY, va="top")
        y -= source_size * line
    if not source_blocks:
        _text(ax, margin + 26, y, "No source is recorded for what is drawn.", source_size, color=GREY, va="top")
    _text(ax, margin, margin - 4, credit, 8.5, color=GREY, va="bottom")

    out = io.BytesIO()
    if fmt == "svg":
        fig.savefig(out, format="svg", metadata={"Date": None, "Creator": "chipgraph", "Title": heading})
    else:
        fig.savefig(out, format="png", dpi=dpi, metadata={"Software": None})
    return out.getvalue()


def _draw_graph(ax: Any, subgraph: Subgraph, relations: Sequence[Relation], path_keys: set[tuple[str, str, str]],
                path_nodes: set[str], nodes: Mapping[str, _Node], order: Sequence[str], scale: _Scale,
                arrows: _Arrows) -> None:
    flagged = flagged_ids(relations)
    for r in relations:  # arrows under the nodes, the highlighted chain under the arrows
        a, b = nodes[r.head], nodes[r.tail]
        colour = RELATION_COLOURS.get(r.type, UNKNOWN_COLOUR)
        style = f"arc3,rad={arrows.bend[r.key]:.3f}"
        if r.key in path_keys:
            ax.add_patch(FancyArrowPatch((a.x, a.y), (b.x, b.y), connectionstyle=style, arrowstyle="-",
                                         shrinkA=0, shrinkB=0, linewidth=9, color=PATH_COLOUR, alpha=0.35, zorder=1))
        ax.add_patch(FancyArrowPatch(
            (a.x, a.y), (b.x, b.y), connectionstyle=style, arrowstyle="-|>", mutation_scale=13,
            shrinkA=a.radius + 2, shrinkB=b.radius + 3, linewidth=2.2 if r.key in path_keys else 1.4,
            linestyle="-" if r.evidence else (0, (4, 3)), color=colour, zorder=2,
        ))
    for r in relations:
        a, b = nodes[r.head], nodes[r.tail]
        mx, my = _curve_point(a, b, arrows.bend[r.key], arrows.spots[r.key])
        _text(ax, mx, my, arrows.labels[r.key], scale.edge, color=RELATION_COLOURS.get(r.type, UNKNOWN_COLOUR),
              ha="center", va="center", zorder=3,
              bbox={"boxstyle": "round,pad=0.18", "facecolor": "white", "edgecolor": "none", "alpha": 0.9})
    for n in order:
        node = nodes[n]
        e = node.entity
        shape = MARKERS[ENTITY_SHAPES.get(e.type, "dot") if e else "dot"]
        size = (node.radius * 2) ** 2 * (1.6 if shape == "*" else 1.0)
        if n in path_nodes:
            ax.scatter([node.x], [node.y], s=(node.radius * 2 + 12) ** 2, marker="o", color=PATH_COLOUR,
                       alpha=0.35, linewidths=0, zorder=4)
        if n in flagged:
            ax.scatter([node.x], [node.y], s=(node.radius * 2 + 7) ** 2, marker="o", facecolors="none",
                       edgecolors=LISTED_RING, linewidths=2.0, zorder=5)
        centre = n == subgraph.center
        ax.scatter([node.x], [node.y], s=size, marker=shape, color=entity_colour(e, n),
                   edgecolors=CENTRE_BORDER if centre else "white", linewidths=2.2 if centre else 1.0, zorder=6)
        if node.beside:
            at: dict[str, Any] = {"x": node.x + node.radius + 5, "y": node.y, "ha": "left", "va": "center"}
        else:
            at = {"x": node.x, "y": node.y - node.radius - 3, "ha": "center", "va": "top"}
        _text(ax, at.pop("x"), at.pop("y"), "\n".join(node.lines), scale.label, color=INK, **at,
              fontweight="bold" if centre else "normal", linespacing=1.1, zorder=7,
              bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85})


_LegendItem = tuple[str, str, str]  # (text, kind of symbol, colour)


def _legend_items(entities: Mapping[str, Entity], relations: Sequence[Relation],
                  path_keys: set[tuple[str, str, str]], order: Sequence[str], centre: str) -> list[_LegendItem]:
    """Only what is drawn: node kinds, the centre, the list ring, the chain
    highlight, relation types and undocumented relations."""
    items: list[_LegendItem] = []
    kinds: dict[str, str] = {}
    for n in order:
        e = entities.get(n)
        label = kind_label(e, n)
        if label not in kinds:
            kinds[label] = n
    words = {"ORG": "organisation", "PRODUCT": "product", "GPE": "place", "PERSON": "person", "LIST": "list",
             "military": "military", "unknown": "unknown"}
    for label, n in kinds.items():
        e = entities.get(n)
        shape = ENTITY_SHAPES.get(e.type, "dot") if e else "dot"
        items.append((words.get(label, label.lower()), f"node:{shape}", entity_colour(e, n)))
    if centre in entities:
        items.append(("centre", "centre", entity_colour(entities[centre], centre)))
    if flagged_ids(relations):
        items.append(("listed or military-linked", "ring", LISTED_RING))
    if path_keys:
        items.append(("highlighted chain", "path", PATH_COLOUR))
    for t in dict.fromkeys(r.type for r in relations):
        items.append((f"{RELATION_WORDS.get(t, t.value)} ({t.value})", "edge", RELATION_COLOURS.get(t, UNKNOWN_COLOUR)))
    if any(not r.evidence for r in relations):
        items.append(("no evidence recorded", "dashed", UNKNOWN_COLOUR))
    items.append(("[n] numbers of the sources listed below", "none", INK))
    return items


def _flow(items: Sequence[_LegendItem], width: float, size: float) -> list[list[tuple[_LegendItem, float]]]:
    rows: list[list[tuple[_LegendItem, float]]] = [[]]
    used = 0.0
    for item in items:
        w = 26 + _width(item[0], size) + 16
        if rows[-1] and used + w > width:
            rows.append([])
            used = 0.0
        rows[-1].append((item, w))
        used += w
    return rows


def _draw_legend_item(ax: Any, x: float, y: float, item: _LegendItem) -> None:
    _, symbol, colour = item
    cx = x + 10
    if symbol.startswith("node:"):
        shape = MARKERS[symbol.split(":", 1)[1]]
        ax.scatter([cx], [y], s=100 * (1.6 if shape == "*" else 1.0), marker=shape, color=colour,
                   edgecolors="white", linewidths=1.0, zorder=6)
    elif symbol == "centre":
        ax.scatter([cx], [y], s=160, marker="o", color=colour, edgecolors=CENTRE_BORDER, linewidths=2.2, zorder=6)
    elif symbol == "ring":
        ax.scatter([cx], [y], s=190, marker="o", facecolors="none", edgecolors=colour, linewidths=2.0, zorder=6)
    elif symbol == "path":
        ax.add_line(Line2D([x, x + 20], [y, y], color=colour, linewidth=8, alpha=0.35, solid_capstyle="butt"))
    elif symbol in ("edge", "dashed"):
        ax.add_patch(FancyArrowPatch((x, y), (x + 21, y), arrowstyle="-|>", mutation_scale=10, shrinkA=0, shrinkB=0,
                                     linewidth=1.4, color=colour, linestyle=(0, (4, 3)) if symbol == "dashed" else "-"))


def write_picture(subgraph: Subgraph, path: str | Path, **kw: Any) -> Path:
    """Write :func:`render_picture` to ``path`` in the format its extension
    (.png, .svg) names; parents are created.  Keyword arguments are those of
    :func:`render_picture`."""
    out = Path(path)
    fmt = PICTURE_FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise ChipgraphError(f"cannot draw {out}: a picture is .png or .svg")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(render_picture(subgraph, fmt, **kw))
    return out

