"""``geomap export`` and ``geomap enrich``: incident files in, incident files out, with an errors report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from ._common import app, print_json, user_errors
from ._inputs import accepted, check_inputs, input_path, read_incident_inputs

_SHOWN = 5

DbOption = Annotated[Optional[str], typer.Option("--db", help="A gazetteer database other than the shipped one.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print what was written as one JSON object.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")]
MkdirsOption = Annotated[bool, typer.Option("--mkdirs", help="Create the output's missing folders.")]
FormatOption = Annotated[Optional[str], typer.Option(
    "--format", help="csv, geojson, gpkg, kml or parquet; overrides the output's extension.")]
EncodingOption = Annotated[Optional[str], typer.Option(
    "--encoding", help="Encoding of CSV tables that are neither UTF-8 nor UTF-16 with a BOM (e.g. latin-1, cp1252).")]


def errors_path(output: Path) -> Path:
    """Where the full errors report of ``output`` goes: ``<output>.errors.csv``.

    Examples
    --------
    >>> errors_path(Path("outputs/incidents.gpkg")).as_posix()
    'outputs/incidents.gpkg.errors.csv'
    """
    return output.with_name(output.name + ".errors.csv")


def _write_all(incidents: list[Any], problems: list[tuple[str, Any]], target: Path, report: Path, fmt: str,
               gaz: Any, quiet: bool) -> Path | None:
    """Write the output and its errors report together (both or neither); remove a stale report."""
    from ..io import write_incidents
    from ..io import write_together

    with write_together(target, report) as (tmp, report_tmp):
        write_incidents(incidents, tmp, format=fmt, gazetteer=gaz)
        if problems:
            _report(problems, report_tmp, shown_as=report, quiet=quiet)
    if not problems:
        report.unlink(missing_ok=True)  # a report from an earlier run would describe other data
        return None
    return report


def _report(problems: list[tuple[str, Any]], path: Path, *, shown_as: Path, quiet: bool) -> None:
    """Write the errors report to ``path`` and summarise the problems on stderr, naming ``shown_as``."""
    import csv
    import io

    from ..io import atomic_write

    report = shown_as
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["input", "row", "column", "value", "reason"])
    for source, e in problems:
        w.writerow([source, e.row, e.column, e.value, e.reason])
    atomic_write(path, buf.getvalue())
    for source, e in problems[:_SHOWN if not quiet else 0]:
        typer.echo(f"geomap: warning: {source}: {e}", err=True)
    more = f" ({len(problems) - _SHOWN} more)" if len(problems) > _SHOWN and not quiet else ""
    typer.echo(f"geomap: {len(problems)} row error(s){more}; full report: {report}", err=True)


def _gazetteer(db: str | None) -> Any:
    from gazetteer import Gazetteer

    return Gazetteer(db)


@app.command("export")
def export_command(
    inputs: Annotated[list[Path], typer.Argument(
        help=f"Reads {accepted(tables=True)}. CSV tables: ours, ACLED or UCDP GED exports, or any table with "
             "coordinates.", show_default=False)],
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="The file to write, relative to the current folder; its extension picks the "
                               "format (.geojson, .gpkg, .csv, .parquet, .kml) unless --format.", show_default=False)],
    lat_column: Annotated[Optional[str], typer.Option("--lat-column", help="Latitude column of a generic CSV.")] = None,
    lon_column: Annotated[Optional[str], typer.Option("--lon-column", help="Longitude column of a generic CSV.")] = None,
    place_column: Annotated[Optional[str], typer.Option(
        "--place-column", help="Place-name column of a generic CSV, geocoded offline for rows without coordinates.")] = None,
    published: Annotated[Optional[str], typer.Option(
        "--published", help="Publication date of the articles (YYYY-MM-DD) for relative dates.")] = None,
    fmt_option: FormatOption = None,
    mkdirs: MkdirsOption = False,
    as_json: JsonOption = False,
    quiet: QuietOption = False,
    db: DbOption = None,
    encoding: EncodingOption = None,
) -> None:
    """Extract or read incidents and write them as GeoJSON, GeoPackage, CSV, GeoParquet or KML.

    Bad table rows are left out (rows whose coordinates look swapped are kept and flagged) and listed in <output>.errors.csv, with a summary on stderr.

    The output and its errors report are replaced atomically, together.
    """
    with user_errors():
        from ..io import format_for
        from ..io import in_default_folder, resolve_output_path

        check_inputs(inputs, command="export", tables=True)
        target = resolve_output_path(output, mkdirs=mkdirs or in_default_folder(output))
        fmt = format_for(output, fmt_option)  # a bad extension fails before the work
        report_target = resolve_output_path(errors_path(target))
        gaz = _gazetteer(db)
        incidents, problems = read_incident_inputs(inputs, published=published, lat_column=lat_column,
                                                   lon_column=lon_column, place_column=place_column, gazetteer=gaz,
                                                   encoding=encoding)
        report = _write_all(incidents, problems, target, report_target, fmt, gaz, quiet)
    summary = {"output": str(output), "format": fmt, "incidents": len(incidents), "row_errors": len(problems),
               "errors_report": str(errors_path(output)) if report else None}
    with user_errors():
        if as_json:
            print_json(summary)
        elif not quiet:
            typer.echo(f"wrote {output} ({len(incidents)} incidents, {fmt})")


@app.command("enrich")
def enrich_command(
    input: Annotated[Path, typer.Argument(help="An incident table (.csv, .geojson, .gpkg, .parquet, .kml); - reads "
                                               "GeoJSON, KML or CSV from standard input.", show_default=False)],
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="The enriched table, relative to the current folder; its extension picks the "
                               "format unless --format.", show_default=False)],
    overwrite: Annotated[bool, typer.Option(
        "--overwrite", help="Replace country, admin and location values that are already there.")] = False,
    max_km: Annotated[float, typer.Option("--max-km", help="Search radius for the nearest town.")] = 50.0,
    lat_column: Annotated[Optional[str], typer.Option("--lat-column", help="Latitude column of a generic CSV.")] = None,
    lon_column: Annotated[Optional[str], typer.Option("--lon-column", help="Longitude column of a generic CSV.")] = None,
    fmt_option: FormatOption = None,
    mkdirs: MkdirsOption = False,
    as_json: JsonOption = False,
    quiet: QuietOption = False,
    db: DbOption = None,
    encoding: EncodingOption = None,
) -> None:
    """Fill country, ISO code, admin1, admin2 and location from each incident's coordinates (offline).

    Values already present are kept unless --overwrite.

    Rows that cannot be read or placed are listed in <output>.errors.csv (for those found while enriching, the row is the incident's position in the output), with a summary on stderr.
    """
    with user_errors():
        from ..io import enrich, format_for, read_incidents
        from ..io import in_default_folder, resolve_output_path

        check_inputs([input], command="enrich", tables=True)
        target = resolve_output_path(output, mkdirs=mkdirs or in_default_folder(output))
        fmt = format_for(output, fmt_option)
        report_target = resolve_output_path(errors_path(target))
        gaz = _gazetteer(db)
        with input_path(input, ".csv", sniff=True) as source:  # standard input: GeoJSON, KML or CSV
            res = read_incidents(source, lat_column=lat_column, lon_column=lon_column, gazetteer=gaz,
                                 encoding=encoding if source.suffix.lower() == ".csv" else None)
        enriched = enrich(res.incidents, gazetteer=gaz, overwrite=overwrite, max_km=max_km)
        # enrich numbers its rows by position among the incidents read, that is in the output.
        problems = [(str(input), e) for e in res.errors] + [(str(output), e) for e in enriched.errors]
        report = _write_all(enriched.incidents, problems, target, report_target, fmt, gaz, quiet)
    changed = sum(a is not b for a, b in zip(res.incidents, enriched.incidents))
    summary = {"output": str(output), "format": fmt, "incidents": len(enriched.incidents), "enriched": changed,
               "row_errors": len(problems), "errors_report": str(errors_path(output)) if report else None}
    with user_errors():
        if as_json:
            print_json(summary)
        elif not quiet:
            typer.echo(f"wrote {output} ({len(enriched.incidents)} incidents, {changed} enriched)")
