"""``geomap places`` and ``geomap eval geoparse``: commands that read text."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ._bias import CountryOption, NearOption, bias
from ._common import app, error, eval_app, iter_input_documents, print_json, user_errors

#: Whether a corpus format counts demonyms ("Russian") as toponyms.
_DEMONYMS_COUNT = {"gwn": True, "lgl": True, "geovirus": False}


def _mention_row(r: Any) -> dict[str, Any]:
    p = r.place
    return {"surface": r.surface, "start": r.start, "end": r.end, "kind": r.kind, "place_id": p.place_id,
            "name": p.name, "place_kind": p.kind.value, "country": p.country, "admin1": p.admin1,
            "lat": p.latitude, "lon": p.longitude, "score": r.score, "context": r.context, "reasons": list(r.reasons)}


@app.command()
def places(
    files: Annotated[list[Path], typer.Argument(help="Text, HTML or JSON Lines files to geoparse.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per document, one per line.")] = False,
    as_geojson: Annotated[bool, typer.Option("--geojson", help="One GeoJSON FeatureCollection of all mentions.")] = False,
    demonyms: Annotated[bool, typer.Option("--demonyms", help="Also list demonyms (Armenian) as places.")] = False,
    near: NearOption = None,
    country: CountryOption = None,
) -> None:
    """Find the places each FILE names and resolve them in context."""
    from ..text import RecordError
    from ..geoparse import geoparse

    if as_json and as_geojson:
        error("choose one of --json and --geojson")
        raise typer.Exit(2)
    features: list[dict[str, Any]] = []
    with user_errors():
        home = bias(near, country)
        for doc in iter_input_documents(files):
            if isinstance(doc, RecordError):
                error(str(doc))  # one bad line of a JSON Lines file does not stop the others
                continue
            name = doc.id or doc.source
            resolved = geoparse(doc, demonyms=demonyms, **home)
            if as_geojson:
                for r in resolved:
                    feature = r.__geo_interface__
                    feature["properties"]["document"] = name
                    features.append(feature)
            elif as_json:
                print_json({"document": name, "places": [_mention_row(r) for r in resolved]})
            else:
                if len(files) > 1:
                    typer.echo(f"# {name}")
                for r in resolved:
                    p = r.place
                    typer.echo(f"{r.start}:{r.end}\t{r.surface}\t{p.name} ({p.kind.value}, {p.country or '-'})"
                               f"\t{p.latitude:.4f},{p.longitude:.4f}\t{r.score:.2f}")
    if as_geojson:
        print_json({"type": "FeatureCollection", "features": features})


@eval_app.command("geoparse")
def eval_geoparse(
    file: Annotated[Path, typer.Argument(help="The gold corpus file.")],
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
        corpus = read_corpus(file, fmt)
        if gold_names:
            def resolve(text: str, spans: Any) -> list[tuple[float, float] | None]:
                return [None if r is None else (r.latitude, r.longitude) for r in resolve_spans(text, spans)]

            report = evaluate_geoparse(corpus, resolve=resolve, gold_names=True)
        else:
            demonyms = _DEMONYMS_COUNT[fmt]
            report = evaluate_geoparse(corpus, parse=lambda text: geoparse(text, demonyms=demonyms))
    if as_json:
        print_json(report.to_dict())
    else:
        typer.echo(report.format_table())
