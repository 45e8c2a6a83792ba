"""Lists that are bans: being put on one bars the member's goods.

The FCC's Covered List names companies whose equipment may no longer be
authorised for sale in the United States.  Under the annotation rules that is
a ban by the FCC (BANNED, tail the authority), not a listing on one of the
export-control lists, so whichever rule read "added X to the Covered List",
"X is on the FCC's covered list" or "the Covered List includes X" the fact
becomes X -BANNED-> the list's keeper.  The table is data: one line per list.
"""

from __future__ import annotations

from dataclasses import replace

from chipgraph.graph.model import EntityType, RelationType, entity_id

from .engine import procedure
from .entities import DocEntities
from .facts import Fact

__all__ = ["BAN_LISTS", "listing_as_ban"]

#: list (canonical name in data/reference) -> the authority whose ban it is
BAN_LISTS: dict[str, str] = {
    "FCC Covered List": "Federal Communications Commission",
}


@procedure("+ban-list")
def listing_as_ban(ents: DocEntities, facts: list[Fact]) -> list[Fact]:
    """A listing on a list that bars its members' goods is a ban by the list's keeper."""
    keepers = {entity_id(name, EntityType.LIST): keeper for name, keeper in BAN_LISTS.items()}
    if not any(f.type == RelationType.DESIGNATED and isinstance(f.tail, str) and f.tail in keepers for f in facts):
        return facts
    out = []
    for f in facts:
        if f.type == RelationType.DESIGNATED and isinstance(f.tail, str) and f.tail in keepers:
            authority = ents.add(keepers[f.tail], EntityType.ORG)
            out.append(replace(f, type=RelationType.BANNED, tail=authority, method=f.method + "+ban-list"))
        else:
            out.append(f)
    return out
