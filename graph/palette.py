"""The colours, shapes and words every chipgraph drawing uses.

One place, so that the interactive page (graph/render.py) and the published
picture (graph/picture.py) draw the same kind of thing the same way: readers
learn the palette once.  Okabe-Ito hues for the ordinary types (readable by
colour-blind readers); red for lists and a darker red for ``military``,
because a designation is what a reader must not miss.  Shapes differ too, so
that the types stay apart in greyscale print.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Mapping

from .model import Entity, EntityType, MILITARY_ID, Relation, RelationType

if TYPE_CHECKING:
    from .paths import OwnershipPath

__all__ = [
    "ENTITY_COLOURS",
    "ENTITY_SHAPES",
    "MILITARY_COLOUR",
    "UNKNOWN_COLOUR",
    "RELATION_COLOURS",
    "RELATION_WORDS",
    "path_in_words",
    "FLAG_RELATIONS",
    "PATH_COLOUR",
    "LISTED_RING",
    "CENTRE_BORDER",
    "is_military",
    "entity_colour",
    "kind_label",
    "flagged_ids",
]

ENTITY_COLOURS: Mapping[EntityType, str] = {
    EntityType.ORG: "#0072B2",
    EntityType.PRODUCT: "#009E73",
    EntityType.GPE: "#E69F00",
    EntityType.PERSON: "#CC79A7",
    EntityType.LIST: "#D62728",
}
MILITARY_COLOUR = "#7F0000"
UNKNOWN_COLOUR = "#9E9E9E"  # a relation end missing from the subgraph's entities

#: vis-network shape names; the picture maps them to matplotlib markers
ENTITY_SHAPES: Mapping[EntityType, str] = {
    EntityType.ORG: "dot",
    EntityType.PRODUCT: "square",
    EntityType.GPE: "triangle",
    EntityType.PERSON: "star",
    EntityType.LIST: "diamond",
}

RELATION_COLOURS: Mapping[RelationType, str] = {
    RelationType.OWNED_BY: "#1F4E79",
    RelationType.PART_OF: "#5B9BD5",
    RelationType.SUPPLIED: "#2E7D32",
    RelationType.DESIGNATED: "#C62828",
    RelationType.MILITARY_LINK: "#7F0000",
    RelationType.BANNED: "#AD1457",
    RelationType.OTHER: "#757575",
}

#: how an arrow head -> tail reads in a sentence ("GTA owned by CEC")
RELATION_WORDS: Mapping[RelationType, str] = {
    RelationType.OWNED_BY: "owned by",
    RelationType.PART_OF: "part of",
    RelationType.SUPPLIED: "supplied",
    RelationType.DESIGNATED: "listed on",
    RelationType.MILITARY_LINK: "military link",
    RelationType.BANNED: "banned by",
    RelationType.OTHER: "related to",
}



def path_in_words(path: "OwnershipPath") -> str:
    """A chain as a reader of a published page follows it: "ASML → supplied
    → GTA Semiconductor → owned by → China Electronics Corporation".  The
    ``-[OWNED_BY]->`` notation of the CLI and the API is for analysts who
    query; a hop walked against its arrow reads "← supplied ←" (the entity
    after it supplied the one before)."""
    parts = [path.entities[0].name]
    for hop, entity in zip(path.hops, path.entities[1:]):
        words = RELATION_WORDS.get(hop.relation.type, hop.relation.type.value)
        parts.append(f"\u2192 {words} \u2192" if hop.forward else f"\u2190 {words} \u2190")
        parts.append(entity.name)
    return " ".join(parts)


#: relations that put their head on a list or link it to the military
FLAG_RELATIONS = frozenset({RelationType.DESIGNATED, RelationType.MILITARY_LINK, RelationType.BANNED})

PATH_COLOUR = "#FF6F00"
#: the ring around an entity on a list or linked to the military
LISTED_RING = ENTITY_COLOURS[EntityType.LIST]
CENTRE_BORDER = "#111111"


def is_military(entity: Entity | None, node_id: str) -> bool:
    """The ``military`` pseudo-entity (by id, or a LIST spelled "military")."""
    return node_id == MILITARY_ID or (
        entity is not None and entity.type is EntityType.LIST and entity.name.strip().casefold() == "military"
    )


def entity_colour(entity: Entity | None, node_id: str) -> str:
    """The fill of a node: by type, military darker, unknown grey."""
    if is_military(entity, node_id):
        return MILITARY_COLOUR
    if entity is None:
        return UNKNOWN_COLOUR
    return ENTITY_COLOURS.get(entity.type, UNKNOWN_COLOUR)


def kind_label(entity: Entity | None, node_id: str) -> str:
    """What a legend calls the node's kind ("ORG", "LIST", "military", "unknown")."""
    if is_military(entity, node_id):
        return "military"
    return entity.type.value if entity is not None else "unknown"


def flagged_ids(relations: Iterable[Relation]) -> set[str]:
    """Entities the drawn relations put on a list or link to the military:
    a picture marks them, so a reader sees who is listed without reading arrows."""
    return {r.head for r in relations if r.type in FLAG_RELATIONS}
