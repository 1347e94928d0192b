"""``geomap batch``: a corpus to incidents, GeoParquet, an errors report, a summary and a map."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ._bias import CountryOption, NearOption, bias
from ._common import app, error, print_json, user_errors

#: Exit code of an interrupted run (128 + SIGINT, as shells report it).
EXIT_INTERRUPTED = 130


@app.command()
def batch(
    corpus: Annotated[Path, typer.Argument(help="A folder of .txt/.html/.json files, a .jsonl file or a .csv file "
                                                "with a text column (a file, not a URL or standard input).")],
    outdir: Annotated[Path, typer.Option("--output", "-o", help="Output folder (new or empty; or a previous run "
                                                                "with --resume).")],
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", help="Worker processes (default: all usable "
                                                                           "cores).")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Continue an interrupted run in OUTDIR; done chunks are "
                                                          "skipped.")] = False,
    chunk_size: Annotated[Optional[int], typer.Option("--chunk-size", help="Documents per chunk (default 500).")] = None,
    dask: Annotated[Optional[str], typer.Option("--dask", help="'local': run on a new Dask LocalCluster of "
                                                                "--workers workers.")] = None,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Run on an existing Dask cluster, e.g. "
                                                                         "tcp://host:8786.")] = None,
    max_doc_mb: Annotated[float, typer.Option("--max-doc-mb", help="Larger documents go to the errors report.")] = 5.0,
    map_limit: Annotated[int, typer.Option("--map-limit", help="Incidents drawn on map.html (most confident first); "
                                                               "0 for no map.")] = 20_000,
    db: Annotated[Optional[str], typer.Option("--db", help="A gazetteer database other than the shipped one.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    near: NearOption = None,
    country: CountryOption = None,
) -> None:
    """Process a corpus into GeoParquet incidents and places, errors.csv, summary.json and map.html."""
    from ..batch import run_batch
    from ..errors import GeomapError

    from ._inputs import STDIN, url_error

    problem = url_error(str(corpus)) or url_error(str(outdir))
    if str(corpus) == STDIN:
        problem = "geomap batch reads a folder or a file, not standard input; save it as a .jsonl file first"
    if problem:
        error(problem)
        raise typer.Exit(2)
    if max_doc_mb <= 0:
        error(f"--max-doc-mb must be positive, not {max_doc_mb}")
        raise typer.Exit(2)
    try:
        with user_errors():
            try:
                summary = run_batch(corpus, outdir, workers=workers, resume=resume, chunk_size=chunk_size, dask=dask,
                                    scheduler=scheduler, progress=not quiet and not as_json,
                                    max_doc_bytes=int(max_doc_mb * 1024 * 1024), gazetteer_db=db,
                                    map_limit=map_limit or None, **bias(near, country))
            except ValueError as exc:  # a bad option value; geomap's own errors go to user_errors
                if isinstance(exc, GeomapError):
                    raise
                error(str(exc))
                raise typer.Exit(2) from None
            except ImportError as exc:  # --dask without dask installed: the message says what to install
                error(str(exc))
                raise typer.Exit(2) from None
    except KeyboardInterrupt:
        error(f"interrupted; completed chunks are kept: run again with --resume -o {outdir}")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    if as_json:
        print_json(summary.to_dict())
    elif not quiet:
        typer.echo(summary.format())
        typer.echo(f"output: {outdir}")
