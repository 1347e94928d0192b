"""``geomap places`` and ``geomap eval geoparse``: commands that read text."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Iterator

import typer

from ._bias import CountryOption, NearOption, bias
from ._common import app, error, eval_app, print_json, print_records, print_table, user_errors
from ._inputs import JSONL_SUFFIXES, STDIN, check_inputs, input_path, iter_documents

#: Whether a corpus format counts demonyms ("Russian") as toponyms.
_DEMONYMS_COUNT = {"gwn": True, "lgl": True, "geovirus": False}


def _mention_row(r: Any) -> dict[str, Any]:
    p = r.place
    return {"surface": r.surface, "start": r.start, "end": r.end, "kind": r.kind, "place_id": p.place_id,
            "name": p.name, "place_kind": p.kind.value, "country": p.country, "admin1": p.admin1,
            "lat": p.latitude, "lon": p.longitude, "score": r.score, "context": r.context, "reasons": list(r.reasons)}


JsonOption = Annotated[bool, typer.Option("--json", help="One JSON array, one object per document.")]
JsonlOption = Annotated[bool, typer.Option("--jsonl", help="JSON Lines: one object per document, one per line.")]
_PLACE_COLUMNS = ("start", "end", "surface", "name", "kind", "country", "lat", "lon", "score")


@app.command()
def places(
    files: Annotated[list[Path], typer.Argument(
        help="Text, HTML, JSON or JSON Lines files to geoparse; - reads standard input.")],
    as_json: JsonOption = False,
    as_jsonl: JsonlOption = False,
    as_geojson: Annotated[bool, typer.Option("--geojson", help="One GeoJSON FeatureCollection of all mentions.")] = False,
    demonyms: Annotated[bool, typer.Option("--demonyms", help="Also list demonyms (Armenian) as places.")] = False,
    near: NearOption = None,
    country: CountryOption = None,
) -> None:
    """Find the places each FILE names and resolve them in context.

    The table has a header row; with several documents its first column names the document.
    """
    from ..text import RecordError
    from ..geoparse import geoparse

    if sum((as_json, as_jsonl, as_geojson)) > 1:
        error("choose one of --json, --jsonl and --geojson")
        raise typer.Exit(2)
    several = len(files) > 1 or any(f.suffix.lower() in JSONL_SUFFIXES or str(f) == STDIN for f in files)
    features: list[dict[str, Any]] = []
    with user_errors():
        check_inputs(files, command="places")
        home = bias(near, country)

        def documents() -> Iterator[dict[str, Any]]:
            for doc in iter_documents(files):
                if isinstance(doc, RecordError):
                    error(str(doc))  # one bad line of a JSON Lines file does not stop the others
                    continue
                name = doc.id or doc.source
                resolved = geoparse(doc, demonyms=demonyms, **home)
                yield {"document": name, "places": [_mention_row(r) for r in resolved], "resolved": resolved}

        if as_json or as_jsonl:
            print_records(({k: v for k, v in d.items() if k != "resolved"} for d in documents()), lines=as_jsonl)
        elif as_geojson:
            for d in documents():
                for r in d["resolved"]:
                    feature = r.__geo_interface__
                    feature["properties"]["document"] = d["document"]
                    features.append(feature)
            print_json({"type": "FeatureCollection", "features": features})
        else:
            header = ("document", *_PLACE_COLUMNS) if several else _PLACE_COLUMNS
            print_table(header, ((d["document"], *_cells(r)) if several else _cells(r)
                                 for d in documents() for r in d["places"]))


def _cells(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["start"], row["end"], row["surface"], row["name"], row["place_kind"], row["country"] or "-",
            f"{row['lat']:.4f}", f"{row['lon']:.4f}", f"{row['score']:.2f}")


@eval_app.command("geoparse")
def eval_geoparse(
    file: Annotated[Path, typer.Argument(help="The gold corpus file; - reads standard input.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="Corpus format: gwn, lgl (TR-News, LGL) or geovirus.")],
    gold_names: Annotated[bool, typer.Option("--gold-names", help="Resolve the gold toponyms only (no recognition).")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Score geomap's geoparser on a gold corpus: recognition P/R/F1, acc@161, errors and AUC."""
    from ..evaluate import FORMATS, evaluate_geoparse, read_corpus
    from ..geoparse import geoparse, resolve_spans

    if fmt not in FORMATS:
        error(f"unknown format {fmt!r}; valid formats: {', '.join(FORMATS)}")
        raise typer.Exit(2)
    with user_errors():
        check_inputs([file], command="eval geoparse", any_extension=True)
        with input_path(file, ".xml") as source:
            corpus = read_corpus(source, fmt)
        same = _same_place()
        if gold_names:
            report = evaluate_geoparse(corpus, resolve=resolve_spans, gold_names=True, same_place=same)
        else:
            demonyms = _DEMONYMS_COUNT[fmt]
            report = evaluate_geoparse(corpus, parse=lambda text: geoparse(text, demonyms=demonyms), same_place=same)
    if as_json:
        print_json(report.to_dict())
    else:
        typer.echo(report.format_table())


#: Kinds of place that are areas: the corpus may put one at another point inside it.
_AREA_KINDS = frozenset({"country", "admin1", "admin2", "region", "continent", "disputed_area", "historical"})


def _same_place() -> Any:
    """``same_place(gold, predicted)`` for the report's point convention count: the gold toponym's
    GeoNames place by id, or (corpora without ids, places of other ids) the predicted area when
    its polygon covers the gold point."""
    from gazetteer import Gazetteer

    from ..evaluate import same_place_by_id

    gazetteer = Gazetteer()

    def same(gold: Any, predicted: Any) -> bool:
        if same_place_by_id(gold, predicted):
            return True
        place = getattr(predicted, "place", None)
        if place is None or getattr(place.kind, "value", place.kind) not in _AREA_KINDS:
            return False
        if gold.geonameid is not None and place.place_id.startswith("geonames:"):
            return False  # both have GeoNames ids, and they differ: another place
        areas = gazetteer.reverse(gold.latitude, gold.longitude, max_km=1.0).areas
        return any(a.place_id == place.place_id for a in areas)

    return same
