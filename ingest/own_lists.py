"""A country's own list, named by the generic name another country's list goes by.

"Taiwan added X to its entity list": the words "entity list" are an alias of
the US Entity List, but the list is the one of the country whose list it is
("its", "Taiwan's").  When the keeper is a state (or a body of one) whose
country differs from the list's, and the reference data holds a list of that
country of the same kind (its name ends in the same words, "Entity List"),
that list is meant; with no such list, the generic one stays.
"""

from __future__ import annotations

from functools import lru_cache

from chipgraph.graph.model import EntityType, normalise_name

from .entities import reference_index

__all__ = ["keepers_list"]


@lru_cache(maxsize=1)
def _lists_by_country() -> dict[str, list[tuple[str, str]]]:
    """Reference lists by country code: (normalised name, name)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for ent in reference_index()[1].values():
        if ent.type == EntityType.LIST and ent.country:
            out.setdefault(ent.country, []).append((normalise_name(ent.name), ent.name))
    return out


def keepers_list(list_name: str, list_country: str | None, keeper_country: str | None) -> str | None:
    """The name of ``keeper_country``'s own list of the kind ``list_name`` is,
    when the text gives the list to that country and it is not the list's
    own; else None."""
    if not list_country or not keeper_country or keeper_country == list_country:
        return None
    words = normalise_name(list_name).split()
    kind = " ".join(words[-2:])  # "us entity list" -> "entity list"
    found = [name for norm, name in _lists_by_country().get(keeper_country, []) if norm.endswith(kind)]
    return found[0] if len(found) == 1 else None
