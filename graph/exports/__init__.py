"""Exports of the graph in the formats analysts already use.

``exporter("graphml")`` (or ``exporter_for_path(Path("x.gexf"))``) gives a
registered :class:`Exporter`; ``Exporter.write_files(GraphData, path)`` writes
it.  Each format is one small module: GraphML and GEXF (:mod:`.gephi`), CSV
tables (:mod:`.tables`) and FollowTheMoney JSON lines (:mod:`.ftm`).
"""

from .base import (
    DEFAULT_MAX_EXPORT_RELATIONS,
    MAX_EXPORT_RELATIONS_LIMIT,
    Exporter,
    GraphData,
    atomic_write,
    exporter,
    exporter_for_path,
    exporters,
    register,
    relation_id,
    xml_safe,
)
from . import gephi, tables, ftm  # noqa: F401,E402  (registers the formats)

__all__ = [
    "DEFAULT_MAX_EXPORT_RELATIONS",
    "MAX_EXPORT_RELATIONS_LIMIT",
    "Exporter",
    "GraphData",
    "atomic_write",
    "exporter",
    "exporter_for_path",
    "exporters",
    "register",
    "relation_id",
    "xml_safe",
]
