"""The Typer application and what every command shares: error reporting and output."""

from __future__ import annotations

import contextlib
import json
import sys
from typing import Any, Iterator

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
    except (GazetteerError, GeomapError) as exc:
        error(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        raise typer.Exit(EXIT_USER_ERROR) from None
    except OSError as exc:
        error(f"{exc.strerror or exc}: {exc.filename}" if getattr(exc, "filename", None) else str(exc))
        raise typer.Exit(EXIT_USER_ERROR) from None


def iter_input_documents(paths: Any) -> Iterator[Any]:
    """Documents of text, HTML, JSON and JSON Lines files, in order; a bad JSON Lines line
    comes as its :class:`~geomap.errors.RecordError` so that the caller can report it and go on."""
    from ..text import iter_jsonl, read_document

    for path in paths:
        if str(path).lower().endswith(".jsonl"):
            yield from iter_jsonl(path)
        else:
            yield read_document(path)


def print_json(value: Any) -> None:
    """Write one JSON document on one line to stdout."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, allow_nan=False) + "\n")
