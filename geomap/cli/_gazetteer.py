"""``geomap geocode``, ``geomap reverse`` and ``geomap gazetteer info|search``."""

from __future__ import annotations

from typing import Annotated, Any, Optional

import typer

from ._common import EXIT_NOT_FOUND, app, error, gazetteer_app, print_json, user_errors


def _open(db: str | None) -> Any:
    from gazetteer import Gazetteer

    return Gazetteer(db)


def _candidate_dict(c: Any) -> dict[str, Any]:
    p = c.place
    out = {"name": p.name, "kind": p.kind.value, "country": p.country, "admin1": p.admin1,
           "lat": p.latitude, "lon": p.longitude, "population": p.population, "score": c.score,
           "place_id": p.place_id, "match": c.match.value}
    if p.geometry_type:
        out["geometry_type"] = p.geometry_type
    return out


def _table(rows: list[dict[str, Any]]) -> None:
    cols = ["name", "kind", "country", "admin1", "lat", "lon", "population", "score"]
    cells = [[str(r.get(k, "")) for k in cols] for r in rows]
    widths = [max(len(k), *(len(c[i]) for c in cells)) if cells else len(k) for i, k in enumerate(cols)]
    typer.echo("  ".join(k.ljust(w) for k, w in zip(cols, widths)).rstrip())
    for c in cells:
        typer.echo("  ".join(v.ljust(w) for v, w in zip(c, widths)).rstrip())


DbOption = Annotated[Optional[str], typer.Option("--db", help="A gazetteer database other than the shipped one.")]


@app.command()
def geocode(
    names: Annotated[list[str], typer.Argument(help="Place names to look up (any script or spelling).")],
    country: Annotated[Optional[str], typer.Option("--country", "-c", help="ISO country code to restrict to (AZ, USA...).")] = None,
    kind: Annotated[Optional[list[str]], typer.Option("--kind", "-k", help="Kinds to keep: populated_place, admin1, admin2, country, region, corridor, border, disputed_area, continent, physical_feature.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Candidates per name.")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON list of candidates per name, one per line.")] = False,
    db: DbOption = None,
) -> None:
    """Look up place names in the offline gazetteer, best candidates first."""
    missing = 0
    with user_errors():
        gaz = _open(db)
        for i, name in enumerate(names):
            rows = [_candidate_dict(c) for c in gaz.lookup(name, country=country, kinds=kind or None, limit=limit)]
            if not rows:
                missing += 1
                error(f"no place found for {name!r}")
            if as_json:
                print_json(rows)
            elif rows:
                if len(names) > 1:
                    typer.echo(("\n" if i else "") + f"# {name}")
                _table(rows)
    if missing:
        raise typer.Exit(EXIT_NOT_FOUND)


@app.command()
def reverse(
    lat: Annotated[str, typer.Argument(help="Latitude in degrees (-90..90).")],
    lon: Annotated[str, typer.Argument(help="Longitude in degrees (-180..180).")],
    max_km: Annotated[float, typer.Option("--max-km", help="Search radius for the nearest town.")] = 50.0,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: DbOption = None,
) -> None:
    """Name the nearest populated place and the areas that contain a point."""
    with user_errors():
        res = _open(db).reverse(lat, lon, max_km=max_km)
    if as_json:
        print_json(res.to_dict())
        return
    if res.nearest is not None:
        p = res.nearest
        typer.echo(f"nearest: {p.name} ({p.kind.value}, {p.country}, {p.admin1}) {res.distance_km:.1f} km")
    else:
        typer.echo(f"nearest: no populated place within {max_km:g} km")
    for a in res.areas:
        typer.echo(f"in: {a.name} ({a.kind.value})")


@gazetteer_app.command("info")
def gazetteer_info(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: DbOption = None,
) -> None:
    """Counts by kind, sources, attribution and build date of the gazetteer."""
    with user_errors():
        info = _open(db).info()
    if as_json:
        print_json(info)
        return
    typer.echo(f"database: {info['path']}")
    typer.echo(f"built: {info['build_date']}  (schema {info['schema_version']})")
    for k, v in sorted(info["counts"].items()):
        typer.echo(f"  {k:<18}{v:>9,}")
    typer.echo(f"  {'names':<18}{info['names']:>9,}")
    typer.echo(f"sources: {info['sources']}")
    typer.echo(f"attribution: {info['attribution']}")


@gazetteer_app.command("search")
def gazetteer_search(
    text: Annotated[str, typer.Argument(help="The start of a name.")],
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many places.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list.")] = False,
    db: DbOption = None,
) -> None:
    """Places whose names start with TEXT."""
    with user_errors():
        rows = [_candidate_dict(c) for c in _open(db).search(text, limit=limit)]
    if as_json:
        print_json(rows)
    elif rows:
        _table(rows)
    else:
        error(f"no name starts with {text!r}")
        raise typer.Exit(EXIT_NOT_FOUND)
