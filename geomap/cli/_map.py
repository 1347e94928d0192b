"""``geomap map``: articles or incident tables to one HTML map, with the incidents' GeoJSON beside it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from ._bias import CountryOption, NearOption, bias
from ._common import app, print_json, user_errors
from ._inputs import STDIN, accepted, check_inputs, read_incident_inputs

_MAX_WARNINGS = 20
#: Extensions of the map page and of its GeoJSON.
HTML_SUFFIXES = (".html", ".htm")
GEOJSON_SUFFIXES = (".geojson", ".json")


def _warn(message: str) -> None:
    typer.echo(f"geomap: warning: {message}", err=True)


def default_paths(first_input: Path, output: Path | None) -> tuple[Path, Path]:
    """The map's path and its GeoJSON's: ``outputs/<input>-map.html`` and ``<map minus -map>-incidents.geojson``.

    Examples
    --------
    >>> [p.as_posix() for p in default_paths(Path("news/report.txt"), None)]
    ['outputs/report-map.html', 'outputs/report-incidents.geojson']
    >>> [p.as_posix() for p in default_paths(Path("a.txt"), Path("example-map.html"))]
    ['example-map.html', 'example-incidents.geojson']
    >>> default_paths(Path("-"), None)[0].as_posix()
    'outputs/stdin-map.html'
    """
    from ..io import DEFAULT_OUTPUT_DIR

    stem = "stdin" if str(first_input) == STDIN else first_input.stem
    html = output if output is not None else Path(DEFAULT_OUTPUT_DIR) / f"{stem}-map.html"
    stem = html.stem[:-4] if html.stem.endswith("-map") else html.stem
    return html, html.with_name(f"{stem}-incidents.geojson")


def check_map_paths(html: Path, geojson: Path, fmt: str | None) -> None:
    """Refuse a map path whose extension is not HTML (unless ``fmt`` is "html") and a GeoJSON path that is not GeoJSON.

    Examples
    --------
    >>> check_map_paths(Path("out.png"), Path("out.geojson"), None)
    Traceback (most recent call last):
    ...
    geomap.errors.OutputError: out.png: a map is an HTML page; name it .html or .htm (or pass --format html to write HTML under this name)
    >>> check_map_paths(Path("out.png"), Path("out.geojson"), "html")
    """
    from ..errors import InputError, OutputError

    if fmt is not None and fmt != "html":
        raise InputError(f"unknown map format {fmt!r}; valid: html")
    if fmt is None and html.suffix.lower() not in HTML_SUFFIXES:
        raise OutputError(f"{html}: a map is an HTML page; name it .html or .htm "
                          "(or pass --format html to write HTML under this name)")
    if geojson.suffix.lower() not in GEOJSON_SUFFIXES:
        raise OutputError(f"{geojson}: the incidents are written as GeoJSON; name the file .geojson or .json")


@app.command("map")
def map_command(
    inputs: Annotated[list[Path], typer.Argument(
        help=f"Reads {accepted(tables=True)}: everything geomap export writes.", show_default=False)],
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help="The HTML map, relative to the current folder. Default: "
                               "outputs/<first input>-map.html.")] = None,
    geojson: Annotated[Optional[Path], typer.Option(
        "--geojson", help="The incidents' GeoJSON. Default: beside the map, <name>-incidents.geojson.")] = None,
    mkdirs: Annotated[bool, typer.Option("--mkdirs", help="Create missing folders of -o and --geojson.")] = False,
    fmt: Annotated[Optional[str], typer.Option(
        "--format", help="html (the only map format): write HTML even when -o names another extension.")] = None,
    tiles: Annotated[str, typer.Option(
        "--tiles", help="Online tiles over the offline basemap: none, osm, or an http(s) URL template with "
                        "{z}, {x} and {y}. The basemap shows wherever a tile fails.")] = "none",
    offline: Annotated[bool, typer.Option(
        "--offline", help="Kept for old scripts: every page is self-contained now (scripts inlined, Natural "
                          "Earth basemap).")] = False,
    title: Annotated[Optional[str], typer.Option("--title", help="Title shown on the map.")] = None,
    cluster: Annotated[bool, typer.Option("--cluster/--no-cluster", help="Start with markers clustered.")] = True,
    heatmap: Annotated[bool, typer.Option("--heatmap", help="Start with the heatmap on.")] = False,
    borders: Annotated[bool, typer.Option("--borders/--no-borders",
                                          help="Draw borders, disputed areas and corridors.")] = True,
    published: Annotated[Optional[str], typer.Option(
        "--published", help="Publication date of the articles (YYYY-MM-DD) for relative dates.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print what was written as JSON.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
    encoding: Annotated[Optional[str], typer.Option(
        "--encoding", help="Encoding of CSV tables that are neither UTF-8 nor UTF-16 with a BOM (e.g. latin-1).")] = None,
    near: NearOption = None,
    country: CountryOption = None,
) -> None:
    """Map incidents from articles or incident tables: an HTML map and its GeoJSON.

    Bad table rows (missing, NaN or out-of-range coordinates...) are reported on stderr and left out.

    An input without incidents gives an empty map that says so and an empty GeoJSON (exit code 0).

    Existing files are replaced atomically, the map and its GeoJSON together: if either cannot be
    written, neither is replaced.
    """
    with user_errors():
        from ..errors import InputError, OutputError
        from ..io import write_incidents
        from ..io import in_default_folder, resolve_output_path, write_together
        from ..render import render_map, save_map, tile_layer

        if title is not None and not _is_utf8(title):
            raise InputError("--title is not valid UTF-8 text")
        check_inputs(inputs, command="map", tables=True)
        for path, option in ((output, "-o"), (geojson, "--geojson")):
            if path is not None and path.name in ("", ".", ".."):
                raise OutputError(f"{option} {str(path)!r}: not a file name; give a file to write, "
                                  "e.g. outputs/map.html")
        html_path, geojson_path = default_paths(inputs[0], output)
        if geojson is not None:
            geojson_path = geojson
        check_map_paths(html_path, geojson_path, fmt)
        tile_layer(tiles)  # a bad --tiles fails before the work
        # Check both paths before the (slow) work, so a bad -o fails at once and nothing is half-written.
        html_out = resolve_output_path(html_path, mkdirs=mkdirs or in_default_folder(html_path))
        geojson_out = resolve_output_path(geojson_path, mkdirs=mkdirs or in_default_folder(geojson_path))
        if html_out == geojson_out:
            raise OutputError(f"{html_path}: the map and its GeoJSON need two different files")
        incidents, found_problems = read_incident_inputs(inputs, published=published, encoding=encoding,
                                                         home=bias(near, country))
        problems = [f"{source}: {e}" for source, e in found_problems]
        for line in problems[:_MAX_WARNINGS]:
            _warn(line)
        if len(problems) > _MAX_WARNINGS:
            _warn(f"... and {len(problems) - _MAX_WARNINGS} more problems")
        if not incidents:
            _warn("no incidents found; writing an empty map")
        from ..geoparse import default_gazetteer  # the one extraction used: opened once per process

        fmap = render_map(incidents, borders=borders, cluster=cluster, heatmap=heatmap, tiles=tiles,
                          title=title if title is not None else _title(inputs), gazetteer=default_gazetteer())
        with write_together(html_out, geojson_out) as (html_tmp, geojson_tmp):
            save_map(fmap, html_tmp)
            write_incidents(incidents, geojson_tmp, format="geojson")
    summary: dict[str, Any] = {"map": str(html_path), "geojson": str(geojson_path), "incidents": len(incidents),
                               "problems": len(problems)}
    with user_errors():
        if as_json:
            print_json(summary)
        elif not quiet:
            typer.echo(f"wrote {html_path} and {geojson_path} ({len(incidents)} incidents)")


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # bytes the shell passed that are not UTF-8 arrive as lone surrogates
        return False
    return True


def _title(inputs: list[Path]) -> str:
    first = "standard input" if str(inputs[0]) == STDIN else inputs[0].name
    name = first if len(inputs) == 1 else f"{first} and {len(inputs) - 1} more"
    return f"Incidents from {name}"
