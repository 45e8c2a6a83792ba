"""chipgraph.graph: the model, the stores, the queries and the rendering."""

from .errors import ChipgraphError, EntityNotFound, InvalidQuery, StoreAuthError, StoreError, StoreUnavailable
from .model import (
    AttributeStatement,
    MILITARY_ID,
    Document,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    Relation,
    RelationType,
    entity_id,
    normalise_name,
)
from .paths import Hop, OwnershipPath, PathQuery
from .store import GraphStore, IngestResult, open_store
from .subgraph import Subgraph

__all__ = [
    "ChipgraphError",
    "EntityNotFound",
    "InvalidQuery",
    "StoreError",
    "StoreUnavailable",
    "StoreAuthError",
    "MILITARY_ID",
    "Document",
    "Entity",
    "EntityType",
    "AttributeStatement",
    "Evidence",
    "Extraction",
    "Relation",
    "RelationType",
    "entity_id",
    "normalise_name",
    "Hop",
    "OwnershipPath",
    "PathQuery",
    "GraphStore",
    "IngestResult",
    "open_store",
    "Subgraph",
]
