"""The Typer application and what every command shares: error reporting and output."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from typing import Annotated, Any, Iterable, Iterator, Optional

import typer

app = typer.Typer(
    name="geomap",
    help="Offline-first geospatial incident mapper: geocode places, find them in text, map incidents.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
gazetteer_app = typer.Typer(help="Inspect and search the embedded gazetteer.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")
eval_app = typer.Typer(help="Score geomap against annotated corpora.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


def _print_version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"geomap {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[Optional[bool], typer.Option(
        "--version", callback=_print_version, is_eager=True, help="Print geomap's version and exit.")] = None,
          ) -> None:
    """Offline-first geospatial incident mapper: geocode places, find them in text, map incidents."""

#: Exit code for bad input or a failed operation (Click uses 2 for usage errors too).
EXIT_USER_ERROR = 2
#: Exit code when a query found nothing.
EXIT_NOT_FOUND = 1


def error(message: str) -> None:
    """Print one line to stderr, ``geomap: error: ...``."""
    typer.echo(f"geomap: error: {message}", err=True)


@contextlib.contextmanager
def user_errors() -> Iterator[None]:
    """Turn the packages' errors into one line on stderr and exit code 2, never a traceback."""
    from gazetteer import GazetteerError

    from ..errors import GeomapError

    try:
        yield
    except BrokenPipeError:
        quiet_broken_pipe()
        raise typer.Exit(0) from None
    except (GazetteerError, GeomapError) as exc:
        error(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        raise typer.Exit(EXIT_USER_ERROR) from None
    except OSError as exc:
        error(f"{exc.strerror or exc}: {exc.filename}" if getattr(exc, "filename", None) else str(exc))
        raise typer.Exit(EXIT_USER_ERROR) from None


def quiet_broken_pipe() -> None:
    """The reader of stdout went away (``geomap places a.txt | head -1``): end quietly, as Unix tools do.

    stdout is pointed at /dev/null so that the interpreter's final flush does not complain again.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass  # no real stdout (a test runner's buffer): nothing to silence


def print_json(value: Any) -> None:
    """Write one JSON document on one line to stdout."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, allow_nan=False) + "\n")


def print_records(records: Iterable[Any], *, lines: bool) -> None:
    """Write records as one JSON array (``lines=False``) or as JSON Lines, one record per line.

    The array is streamed record by record, so a long run shows its first records early.
    """
    first = True
    for record in records:
        text = json.dumps(record, ensure_ascii=False, allow_nan=False)
        if lines:
            sys.stdout.write(text + "\n")
        else:
            sys.stdout.write(("[" if first else ",\n") + text)
        first = False
    if not lines:
        sys.stdout.write("[]\n" if first else "]\n")


def print_table(header: Iterable[str], rows: Iterable[Iterable[Any]]) -> None:
    """Write a tab-separated table with a header row; ``None`` prints as an empty cell."""
    typer.echo("\t".join(header))
    for row in rows:
        typer.echo("\t".join("" if v is None else str(v) for v in row))
