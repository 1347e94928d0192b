"""``geomap export`` and ``geomap enrich``: incident files in, incident files out, with an errors report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from ._common import app, print_json, user_errors

if TYPE_CHECKING:  # pragma: no cover
    from ..incidents import Incident

#: Extensions read as incident tables; every other input is an article (see geomap.text._readers).
#: ``.json`` is an article record here (as ``read_document`` reads it); GeoJSON tables are ``.geojson``.
TABLE_SUFFIXES = (".csv", ".geojson", ".gpkg", ".parquet", ".geoparquet", ".kml")
_SHOWN = 5

DbOption = Annotated[Optional[str], typer.Option("--db", help="A gazetteer database other than the shipped one.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print what was written as one JSON object.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")]


def errors_path(output: Path) -> Path:
    """Where the full errors report of ``output`` goes: ``<output>.errors.csv``.

    Examples
    --------
    >>> errors_path(Path("outputs/incidents.gpkg")).as_posix()
    'outputs/incidents.gpkg.errors.csv'
    """
    return output.with_name(output.name + ".errors.csv")


def _report(problems: list[tuple[str, Any]], output: Path, quiet: bool) -> Path | None:
    """Write ``<output>.errors.csv`` (or remove a stale one) and summarise the problems on stderr."""
    import csv
    import io

    from ..io import atomic_write

    report = errors_path(output)
    if not problems:
        report.unlink(missing_ok=True)  # a report from an earlier run would describe other data
        return None
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["input", "row", "column", "value", "reason"])
    for source, e in problems:
        w.writerow([source, e.row, e.column, e.value, e.reason])
    atomic_write(report, buf.getvalue())
    for source, e in problems[:_SHOWN if not quiet else 0]:
        typer.echo(f"geomap: warning: {source}: {e}", err=True)
    more = f" ({len(problems) - _SHOWN} more)" if len(problems) > _SHOWN and not quiet else ""
    typer.echo(f"geomap: {len(problems)} row error(s){more}; full report: {report}", err=True)
    return report


def _read_inputs(paths: list[Path], *, published: str | None, lat_column: str | None, lon_column: str | None,
                 place_column: str | None, gazetteer: Any) -> tuple[list[Incident], list[tuple[str, Any]]]:
    from ..text import RecordError, iter_jsonl, read_document
    from ..incidents import extract_incidents
    from ..io import RowError, read_incidents

    incidents: list[Incident] = []
    problems: list[tuple[str, Any]] = []
    for path in paths:
        suffix = path.suffix.lower()
        if suffix in TABLE_SUFFIXES:
            res = read_incidents(path, lat_column=lat_column, lon_column=lon_column, place_column=place_column,
                                 gazetteer=gazetteer)
            incidents += res.incidents
            problems += [(str(path), e) for e in res.errors]
        elif suffix in (".jsonl", ".ndjson"):
            for item in iter_jsonl(path):
                if isinstance(item, RecordError):
                    problems.append((str(path), RowError(item.line, "", "", item.reason + "; record skipped")))
                else:
                    incidents += extract_incidents(item, published=published, gazetteer=gazetteer)
        else:
            incidents += extract_incidents(read_document(path), published=published, gazetteer=gazetteer)
    return incidents, problems


def _gazetteer(db: str | None) -> Any:
    from gazetteer import Gazetteer

    return Gazetteer(db)


@app.command("export")
def export_command(
    inputs: Annotated[list[Path], typer.Argument(
        help="Articles (.txt, .md, .html, .json, .jsonl) or incident tables (.csv: ours, ACLED or UCDP GED "
             "exports, or any table with coordinates; .geojson, .gpkg, .parquet, .kml).", show_default=False)],
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="The file to write; its extension picks the format (.geojson, .gpkg, .csv, "
                               ".parquet, .kml). Relative paths must stay inside outputs/.", show_default=False)],
    lat_column: Annotated[Optional[str], typer.Option("--lat-column", help="Latitude column of a generic CSV.")] = None,
    lon_column: Annotated[Optional[str], typer.Option("--lon-column", help="Longitude column of a generic CSV.")] = None,
    place_column: Annotated[Optional[str], typer.Option(
        "--place-column", help="Place-name column of a generic CSV, geocoded offline for rows without coordinates.")] = None,
    published: Annotated[Optional[str], typer.Option(
        "--published", help="Publication date of the articles (YYYY-MM-DD) for relative dates.")] = None,
    as_json: JsonOption = False,
    quiet: QuietOption = False,
    db: DbOption = None,
) -> None:
    """Extract or read incidents and write them as GeoJSON, GeoPackage, CSV, GeoParquet or KML.

    Bad table rows are left out (rows whose coordinates look swapped are kept and flagged) and listed in <output>.errors.csv, with a summary on stderr.

    The output is replaced atomically.
    """
    with user_errors():
        from ..io import format_for, write_incidents
        from ..io import resolve_output_path

        fmt = format_for(output)  # a bad extension fails before the work
        target = resolve_output_path(output)
        gaz = _gazetteer(db)
        incidents, problems = _read_inputs(inputs, published=published, lat_column=lat_column,
                                           lon_column=lon_column, place_column=place_column, gazetteer=gaz)
        write_incidents(incidents, target, format=fmt, gazetteer=gaz)
        report = _report(problems, target, quiet)
    summary = {"output": str(output), "format": fmt, "incidents": len(incidents), "row_errors": len(problems),
               "errors_report": str(errors_path(output)) if report else None}
    if as_json:
        print_json(summary)
    elif not quiet:
        typer.echo(f"wrote {output} ({len(incidents)} incidents, {fmt})")


@app.command("enrich")
def enrich_command(
    input: Annotated[Path, typer.Argument(help="An incident table (.csv, .geojson, .gpkg, .parquet, .kml).",
                                          show_default=False)],
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="The enriched table; its extension picks the format. Relative paths must stay "
                               "inside outputs/.", show_default=False)],
    overwrite: Annotated[bool, typer.Option(
        "--overwrite", help="Replace country, admin and location values that are already there.")] = False,
    max_km: Annotated[float, typer.Option("--max-km", help="Search radius for the nearest town.")] = 50.0,
    lat_column: Annotated[Optional[str], typer.Option("--lat-column", help="Latitude column of a generic CSV.")] = None,
    lon_column: Annotated[Optional[str], typer.Option("--lon-column", help="Longitude column of a generic CSV.")] = None,
    as_json: JsonOption = False,
    quiet: QuietOption = False,
    db: DbOption = None,
) -> None:
    """Fill country, ISO code, admin1, admin2 and location from each incident's coordinates (offline).

    Values already present are kept unless --overwrite.

    Rows that cannot be read or placed are listed in <output>.errors.csv (for those found while enriching, the row is the incident's position in the output), with a summary on stderr.
    """
    with user_errors():
        from ..io import enrich, format_for, read_incidents, write_incidents
        from ..io import resolve_output_path

        fmt = format_for(output)
        target = resolve_output_path(output)
        gaz = _gazetteer(db)
        res = read_incidents(input, lat_column=lat_column, lon_column=lon_column, gazetteer=gaz)
        enriched = enrich(res.incidents, gazetteer=gaz, overwrite=overwrite, max_km=max_km)
        write_incidents(enriched.incidents, target, format=fmt, gazetteer=gaz)
        # enrich numbers its rows by position among the incidents read, that is in the output.
        problems = [(str(input), e) for e in res.errors] + [(str(output), e) for e in enriched.errors]
        report = _report(problems, target, quiet)
    changed = sum(a is not b for a, b in zip(res.incidents, enriched.incidents))
    summary = {"output": str(output), "format": fmt, "incidents": len(enriched.incidents), "enriched": changed,
               "row_errors": len(problems), "errors_report": str(errors_path(output)) if report else None}
    if as_json:
        print_json(summary)
    elif not quiet:
        typer.echo(f"wrote {output} ({len(enriched.incidents)} incidents, {changed} enriched)")
