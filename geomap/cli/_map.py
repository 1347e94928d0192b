"""``geomap map``: articles or incident tables to one HTML map, with the incidents' GeoJSON beside it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from ._bias import CountryOption, NearOption, bias
from ._common import app, print_json, user_errors

if TYPE_CHECKING:  # pragma: no cover
    from ..incidents import Incident

#: Extensions read as incident tables; the others are articles (see geomap.text._readers).
TABLE_SUFFIXES = (".csv", ".geojson")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
_MAX_WARNINGS = 20


def _warn(message: str) -> None:
    typer.echo(f"geomap: warning: {message}", err=True)


def default_paths(first_input: Path, output: Path | None) -> tuple[Path, Path]:
    """The map's path and its GeoJSON's: ``outputs/<input>-map.html`` and ``<map minus -map>-incidents.geojson``.

    Examples
    --------
    >>> [p.as_posix() for p in default_paths(Path("news/report.txt"), None)]
    ['outputs/report-map.html', 'outputs/report-incidents.geojson']
    >>> [p.as_posix() for p in default_paths(Path("a.txt"), Path("outputs/example-map.html"))]
    ['outputs/example-map.html', 'outputs/example-incidents.geojson']
    """
    html = output if output is not None else Path("outputs") / f"{first_input.stem}-map.html"
    stem = html.stem[:-4] if html.stem.endswith("-map") else html.stem
    return html, html.with_name(f"{stem}-incidents.geojson")


def read_inputs(paths: list[Path], *, published: str | None = None,
                home: dict[str, Any] | None = None) -> tuple[list[Incident], list[str]]:
    """Incidents from articles and incident tables, and the problems met (one line each).

    ``home`` is the locality bias for articles (``near``, ``countries``; see :mod:`geomap.cli._bias`).
    """
    home = home or {}
    from ..text import RecordError, iter_jsonl, read_document
    from ..incidents import extract_incidents
    from ..io import read_incidents

    incidents: list[Incident] = []
    problems: list[str] = []
    for path in paths:
        suffix = path.suffix.lower()
        if suffix in TABLE_SUFFIXES:
            result = read_incidents(path)
            incidents += result.incidents
            problems += [f"{path}: {e}" for e in result.errors]
        elif suffix in JSONL_SUFFIXES:
            for item in iter_jsonl(path):
                if isinstance(item, RecordError):
                    problems.append(str(item))
                else:
                    incidents += extract_incidents(item, published=published, **home)
        else:
            incidents += extract_incidents(read_document(path), published=published, **home)
    return incidents, problems


@app.command("map")
def map_command(
    inputs: Annotated[list[Path], typer.Argument(
        help="Articles (.txt, .md, .html, .json, .jsonl) or incident tables (.csv with ACLED columns, "
             ".geojson as geomap writes it).", show_default=False)],
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help="The HTML map. Relative paths must stay inside outputs/; absolute paths go "
                               "anywhere. Default: outputs/<first input>-map.html.")] = None,
    geojson: Annotated[Optional[Path], typer.Option(
        "--geojson", help="The incidents' GeoJSON. Default: beside the map, <name>-incidents.geojson.")] = None,
    offline: Annotated[bool, typer.Option(
        "--offline", help="One self-contained file: scripts inlined, Natural Earth basemap, no tiles, "
                          "no network.")] = False,
    title: Annotated[Optional[str], typer.Option("--title", help="Title shown on the map.")] = None,
    cluster: Annotated[bool, typer.Option("--cluster/--no-cluster", help="Start with markers clustered.")] = True,
    heatmap: Annotated[bool, typer.Option("--heatmap", help="Start with the heatmap on.")] = False,
    borders: Annotated[bool, typer.Option("--borders/--no-borders",
                                          help="Draw borders, disputed areas and corridors.")] = True,
    published: Annotated[Optional[str], typer.Option(
        "--published", help="Publication date of the articles (YYYY-MM-DD) for relative dates.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print what was written as JSON.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
    near: NearOption = None,
    country: CountryOption = None,
) -> None:
    """Map incidents from articles or incident tables: an HTML map and its GeoJSON.

    Bad table rows (missing, NaN or out-of-range coordinates...) are reported on stderr and left out.

    An input without incidents gives an empty map that says so and an empty GeoJSON (exit code 0).

    Existing files are replaced atomically.
    """
    with user_errors():
        from ..io import write_incidents
        from ..io import resolve_output_path
        from ..render import render_map, save_map

        html_path, geojson_path = default_paths(inputs[0], output)
        if geojson is not None:
            geojson_path = geojson
        # Check both paths before the (slow) work, so a bad -o fails at once.
        html_out = resolve_output_path(html_path)
        geojson_out = resolve_output_path(geojson_path)
        incidents, problems = read_inputs(inputs, published=published, home=bias(near, country))
        for line in problems[:_MAX_WARNINGS]:
            _warn(line)
        if len(problems) > _MAX_WARNINGS:
            _warn(f"... and {len(problems) - _MAX_WARNINGS} more problems")
        if not incidents:
            _warn("no incidents found; writing an empty map")
        from ..geoparse import default_gazetteer  # the one extraction used: opened once per process

        fmap = render_map(incidents, borders=borders, cluster=cluster, heatmap=heatmap, offline=offline,
                          title=title if title is not None else _title(inputs), gazetteer=default_gazetteer())
        save_map(fmap, html_out)
        write_incidents(incidents, geojson_out, format="geojson")
    summary: dict[str, Any] = {"map": str(html_path), "geojson": str(geojson_path), "incidents": len(incidents),
                               "problems": len(problems)}
    if as_json:
        print_json(summary)
    elif not quiet:
        typer.echo(f"wrote {html_path} and {geojson_path} ({len(incidents)} incidents)")


def _title(inputs: list[Path]) -> str:
    name = inputs[0].name if len(inputs) == 1 else f"{inputs[0].name} and {len(inputs) - 1} more"
    return f"Incidents from {name}"
