"""`chipgraph lists ...`: official lists (screening lists, the DoD 1260H
list) imported as data.  A thin layer over chipgraph.graph.lists."""

from __future__ import annotations

import json
from pathlib import Path

import click

from chipgraph.graph.lists.formats import readers

__all__ = ["lists"]


@click.group()
def lists() -> None:
    """Official lists as data: import their files, one edition at a time."""


@lists.command(name="import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--list", "fmt", type=click.Choice([r.name for r in readers()]), default=None,
              help="The file's format [default: recognised from its header].")
@click.option("--edition", default=None, metavar="YYYY-MM-DD",
              help="The date of this edition of the list [default: today]; a later edition shows who was removed.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.pass_obj
def import_(obj: "object", file: Path, fmt: str | None, edition: str | None, as_json: bool) -> None:
    """Import a list FILE: every entry becomes an entity with its listing
    (and parent, where the list names one); entries a newer edition no
    longer names are shown as removed on its date, never deleted."""
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise click.FileError(str(file), hint=exc.strerror or str(exc)) from None
    from chipgraph.graph.lists.editions import import_list  # the import machinery only when importing

    store = obj.store(create=True)  # type: ignore[attr-defined]
    done = import_list(store, data, str(file), format=fmt, edition=edition)
    if as_json:
        click.echo(json.dumps(done.to_dict(), indent=2, ensure_ascii=False))
        return
    click.echo(f"{done.describe()} -> {store.location}")
    for e in done.editions:
        for name in e.removed:
            click.echo(f"   removed from the {e.list_name} on {e.edition}: {name}")
