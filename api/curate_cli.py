"""`chipgraph curate ...`: an analyst's decisions, through graph/curation.py.

Every command needs who (``--by``, or $CHIPGRAPH_AUTHOR) and why (``--why``);
the log is printed with ``chipgraph curate log`` (``--json``: JSON lines,
one entry a line, the log's export format).
"""

from __future__ import annotations

import json
from typing import Any

import click

from chipgraph.graph import curation

__all__ = ["curate"]


def _who(f: Any) -> Any:
    f = click.option("--why", "reason", required=True, help="Why (kept in the log).")(f)
    f = click.option("--by", "author", envvar="CHIPGRAPH_AUTHOR", required=True, help="Who decides [$CHIPGRAPH_AUTHOR].")(f)
    return f


def _evidence(value: str | None) -> dict[str, Any] | None:
    """``DOCUMENT_ID:START:END:METHOD`` (the method may itself hold colons)."""
    if value is None:
        return None
    parts = value.split(":", 3)
    if len(parts) != 4 or not parts[1].isdigit() or not parts[2].isdigit():
        raise click.BadParameter("give DOCUMENT_ID:START:END:METHOD, e.g. 3f2a...:0:64:rule:test", param_hint="--evidence")
    return {"document_id": parts[0], "start": int(parts[1]), "end": int(parts[2]), "method": parts[3]}


def _done(entry: curation.CurationEntry) -> None:
    other = f" <- {entry.other}" if entry.action == "merge" else (f" / {entry.other}" if entry.other else "")
    click.echo(f"{entry.action} {entry.target}{other} by {entry.author} at {entry.at} (entry {entry.id})")


@click.group()
def curate() -> None:
    """Accept or reject facts, merge or split entities, retract documents: an append-only, re-applied log."""


_EVIDENCE_OPTION = click.option(
    "--evidence", default=None, help="Only this piece of evidence: DOCUMENT_ID:START:END:METHOD."
)


@curate.command()
@click.argument("fact")
@_EVIDENCE_OPTION
@_who
@click.pass_obj
def accept(obj: Any, fact: str, evidence: str | None, author: str, reason: str) -> None:
    """Vouch for FACT, written HEAD|TYPE|TAIL (ids or names), e.g. 'ASML|SUPPLIED|SMIC'."""
    _done(curation.accept(obj.store(), fact, author, reason, evidence=_evidence(evidence)))


@curate.command()
@click.argument("fact")
@_EVIDENCE_OPTION
@_who
@click.pass_obj
def reject(obj: Any, fact: str, evidence: str | None, author: str, reason: str) -> None:
    """Declare FACT (HEAD|TYPE|TAIL) wrong: it leaves every read (or only one piece of its evidence)."""
    _done(curation.reject(obj.store(), fact, author, reason, evidence=_evidence(evidence)))


@curate.command()
@click.argument("keep")
@click.argument("other")
@_who
@click.pass_obj
def merge(obj: Any, keep: str, other: str, author: str, reason: str) -> None:
    """OTHER is the same as KEEP: its names and relations move to KEEP."""
    _done(curation.merge(obj.store(), keep, other, author, reason))


@curate.command()
@click.argument("entity")
@click.argument("alias")
@_who
@click.pass_obj
def split(obj: Any, entity: str, alias: str, author: str, reason: str) -> None:
    """ALIAS of ENTITY is another entity: it becomes one, with the evidence that named only it."""
    _done(curation.split(obj.store(), entity, alias, author, reason))


@curate.command()
@click.argument("document_id")
@_who
@click.pass_obj
def retract(obj: Any, document_id: str, author: str, reason: str) -> None:
    """Withdraw DOCUMENT_ID: its evidence goes, and the facts no other source states."""
    _done(curation.retract(obj.store(), document_id, author, reason))


@curate.command()
@click.option("--json", "as_json", is_flag=True, help="JSON lines: one entry a line (the export format).")
@click.pass_obj
def log(obj: Any, as_json: bool) -> None:
    """Every decision, oldest first."""
    for e in curation.curation_log(obj.store()):
        if as_json:
            click.echo(e.to_json())
        else:
            other = f" {e.other}" if e.other else ""
            ev = f" [evidence {e.evidence['document_id']}:{e.evidence['start']}-{e.evidence['end']}]" if e.evidence else ""
            click.echo(f"{e.at}  {e.author}  {e.action} {e.target}{other}{ev}  -- {json.dumps(e.reason, ensure_ascii=False)}")


@curate.command()
@click.pass_obj
def reapply(obj: Any) -> None:
    """Apply the whole log again (after a write cut short on a server store)."""
    changed = curation.reapply(obj.store())
    click.echo(f"{changed} entries changed something")
