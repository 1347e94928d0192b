"""``geomap incidents`` and ``geomap eval incidents``."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path
from typing import Annotated, Any, Iterator, Optional

import typer

from ._bias import CountryOption, NearOption, bias
from ._common import (EXIT_USER_ERROR, app, error, eval_app, print_json, print_records, print_table,
                      user_errors)
from ._inputs import STDIN, check_inputs, input_path, iter_documents

_TABLE_COLUMNS = ("event_date", "time_precision", "event_type", "sub_event_type", "location", "geo_precision",
                  "fatalities", "injuries", "trigger")


def _incident_row(inc: Any, **extra: Any) -> dict[str, Any]:
    row = inc.to_dict()
    row.update(extra)
    return row


def _csv_documents(path: Path, text_column: str, date_column: str | None) -> Iterator[tuple[int, Any, str]]:
    """``(row index, Document or None, error)`` for each row of a CSV of texts."""
    from ..text import Document, parse_date
    from ..errors import InputError

    try:
        fh: Any = (io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline="") if str(path) == STDIN
                   else open(path, encoding="utf-8", newline=""))
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror}") from exc
    with fh:
        try:
            reader = csv.DictReader(fh)
            if reader.fieldnames is None or text_column not in reader.fieldnames:
                raise InputError(f"{path}: no column {text_column!r}; columns: {', '.join(reader.fieldnames or [])}")
            if date_column is not None and date_column not in reader.fieldnames:
                raise InputError(f"{path}: no column {date_column!r}; columns: {', '.join(reader.fieldnames)}")
            for i, row in enumerate(reader):
                text = row.get(text_column)
                if None in row:
                    yield i, None, f"row has {len(row[None]) if row[None] else 0} more fields than the header"
                    continue
                if text is None or not text.strip():
                    yield i, None, f"empty or missing {text_column!r}"
                    continue
                published = None
                if date_column is not None:
                    try:
                        published = parse_date(row.get(date_column) or "")
                    except InputError as exc:
                        yield i, None, f"{date_column!r}: {exc}"
                        continue
                yield i, Document(text=text, published=published, id=f"{path.name}:{i}", source=str(path)), ""
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: not UTF-8 text at byte {exc.start}") from exc
        except csv.Error as exc:
            raise InputError(f"{path}: malformed CSV: {exc}") from exc


@app.command()
def incidents(
    files: Annotated[list[Path], typer.Argument(
        help="Articles (text, HTML, JSON, JSON Lines) or, with --text-column, a CSV of texts; - reads standard input.")],
    published: Annotated[Optional[str], typer.Option("--published", help="Publication date for relative dates (2023-03-20); wins over metadata.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON array, one object per incident.")] = False,
    as_jsonl: Annotated[bool, typer.Option("--jsonl", help="JSON Lines: one object per incident, one per line.")] = False,
    as_geojson: Annotated[bool, typer.Option("--geojson", help="One GeoJSON FeatureCollection (RFC 7946).")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV in ACLED column order.")] = False,
    text_column: Annotated[Optional[str], typer.Option("--text-column", help="Read FILE as a CSV whose rows are texts in this column.")] = None,
    date_column: Annotated[Optional[str], typer.Option("--date-column", help="With --text-column: the column with each row's date.")] = None,
    near: NearOption = None,
    country: CountryOption = None,
) -> None:
    """Extract incidents (ACLED model: event type, date, place, fatalities, actors, evidence) from text.

    The table has a header row. Input without incidents prints an empty table (with a note on
    stderr), [] with --json, nothing with --jsonl, and exits 0.
    """
    from ..text import RecordError, parse_date
    from ..incidents import extract_incidents

    if sum((as_json, as_jsonl, as_geojson, as_csv)) > 1:
        error("choose one of --json, --jsonl, --geojson and --csv")
        raise typer.Exit(EXIT_USER_ERROR)
    if date_column and not text_column:
        error("--date-column needs --text-column")
        raise typer.Exit(EXIT_USER_ERROR)
    found: list[Any] = []
    failures = 0
    with user_errors():
        check_inputs(files, command="incidents", extra=(".csv",) if text_column else ())
        pub = parse_date(published) if published else None
        home = bias(near, country)
        rows: Iterator[tuple[int | None, Any, str]]
        if text_column:
            rows = (item for path in files for item in _csv_documents(path, text_column, date_column))
        else:
            rows = ((None, d, str(d) if isinstance(d, RecordError) else "") for d in iter_documents(files))

        def records() -> Iterator[dict[str, Any]]:
            nonlocal failures
            for row, doc, problem in rows:
                extra = {"row": row} if row is not None else {}
                if problem or isinstance(doc, RecordError):
                    failures += 1
                    if as_json or as_jsonl:
                        yield {**extra, "error": problem}
                    else:
                        error(f"row {row}: {problem}" if row is not None else problem)
                    continue
                for inc in extract_incidents(doc, published=pub or doc.published, **home):
                    found.append((inc, extra))
                    yield _incident_row(inc, **extra)

        if as_json or as_jsonl:
            print_records(records(), lines=as_jsonl)
        else:
            for _ in records():
                pass
        if as_geojson or as_csv:
            from ..io import dumps_incidents

            sys.stdout.write(dumps_incidents([i for i, _ in found], format="geojson" if as_geojson else "csv"))
        elif not (as_json or as_jsonl):
            with_rows = any(extra for _, extra in found) or bool(text_column)
            header = ("row", *_TABLE_COLUMNS) if with_rows else _TABLE_COLUMNS
            print_table(header, ((*((extra.get("row"),) if with_rows else ()), *(inc.to_dict()[c] for c in _TABLE_COLUMNS))
                                 for inc, extra in found))
    if not found and not failures and not (as_json or as_jsonl):
        typer.echo("geomap: no incidents found", err=True)
    if failures and not found and not (as_json or as_jsonl):
        raise typer.Exit(EXIT_USER_ERROR)


@eval_app.command("incidents")
def eval_incidents(
    file: Annotated[Path, typer.Argument(help="A gold incident set (JSON Lines, see tests/data/incidents/README.md"
                                              "), or an event-location or PLOVER file with --format; - reads standard input.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    text_from: Annotated[Optional[Path], typer.Option("--text-from", help="JSON Lines corpus (id, text, published) that supplies the text of gold lines without one, by id.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="geomap (our gold JSON Lines), event-location (labeled_text"
                                                      ".jsonl or its zip) or plover (PLOVER_GSR_CAMEO.txt).")] = "geomap",
    mistakes: Annotated[bool, typer.Option("--mistakes", help="Also list false alarms and misses by event type, "
                                                               "with their sentences.")] = False,
) -> None:
    """Score incident extraction: detection P/R, type and sub-type accuracy, location@25 km, fatalities, date."""
    from ..evaluate import evaluate_incidents, format_mistakes, mistakes_to_dicts, read_incident_set
    from ..incidents import extract_incidents

    if fmt not in ("geomap", "event-location", "plover"):
        error(f"--format must be geomap, event-location or plover, not {fmt!r}")
        raise typer.Exit(EXIT_USER_ERROR)
    if fmt != "geomap":
        _eval_sentence_set(file, fmt, as_json)
        return
    with user_errors():
        check_inputs([file], command="eval incidents", any_extension=True)
        with input_path(file, ".jsonl") as source:
            docs = list(read_incident_set(source, text_from=text_from))
        report = evaluate_incidents(docs, lambda text, pub: extract_incidents(text, published=pub))
    texts = {d.id: d.text for d in docs}
    if as_json:
        print_json({**report.to_dict(), **({"mistakes": mistakes_to_dicts(report, texts)} if mistakes else {})})
    else:
        typer.echo(report.format_table())
        if mistakes:
            typer.echo(format_mistakes(report, texts))


def _eval_sentence_set(file: Path, fmt: str, as_json: bool) -> None:
    from ..evaluate import evaluate_event_location, evaluate_plover, read_event_location, read_plover
    from ..incidents import extract_incidents

    with user_errors():
        if fmt == "event-location":
            report: Any = evaluate_event_location(read_event_location(file), extract_incidents)
        else:
            report = evaluate_plover(read_plover(file), extract_incidents)
    if as_json:
        print_json(report.to_dict())
    else:
        typer.echo(report.format_table())
