"""``geomap geocode``, ``geomap reverse`` and ``geomap gazetteer info|search``."""

from __future__ import annotations

import contextlib
from pathlib import Path
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


def _table(rows: list[dict[str, Any]], extra: tuple[str, ...] = ()) -> None:
    cols = ["name", "kind", "country", "admin1", "lat", "lon", "population", "score", *extra]
    cells = [[str(r.get(k, "")) for k in cols] for r in rows]
    widths = [max(len(k), *(len(c[i]) for c in cells)) if cells else len(k) for i, k in enumerate(cols)]
    typer.echo("  ".join(k.ljust(w) for k, w in zip(cols, widths)).rstrip())
    for c in cells:
        typer.echo("  ".join(v.ljust(w) for v, w in zip(c, widths)).rstrip())


DbOption = Annotated[Optional[str], typer.Option("--db", help="A gazetteer database other than the shipped one.")]
# The online options, shared by every command that geocodes names (see open_chain).
OnlineOption = Annotated[Optional[str], typer.Option(
    "--online", metavar="SERVICE",
    help="Ask this online geocoder (nominatim, photon, pelias, arcgis) for names the offline gazetteer does not know.")]
UserAgentOption = Annotated[Optional[str], typer.Option(
    "--user-agent", envvar="GEOMAP_USER_AGENT",
    help="Who is asking, e.g. 'myapp/1.0 (you@example.org)'; required by Nominatim.")]
CacheOption = Annotated[Optional[Path], typer.Option(
    "--cache", dir_okay=False,
    help="SQLite cache of online answers (default: $GEOMAP_CACHE_DIR/geocode.sqlite or ~/.cache/geomap/geocode.sqlite).")]
OnlineDomainOption = Annotated[Optional[str], typer.Option(
    "--online-domain", help="Host[:port] of a self-hosted or test server for --online.")]
OnlineSchemeOption = Annotated[str, typer.Option(
    "--online-scheme", help="https or http, for --online-domain.")]


def open_chain(db: str | None, online: str, *, user_agent: str | None, cache: Path | None,
               domain: str | None = None, scheme: str = "https") -> Any:
    """The offline-then-online geocoder chain that ``--online`` asks for (imports geopy)."""
    from gazetteer import Gazetteer
    from gazetteer._cache import default_cache_path
    from gazetteer.online import GeocoderChain, make_online_geocoder

    service = make_online_geocoder(online, user_agent=user_agent, domain=domain, scheme=scheme)
    return GeocoderChain(Gazetteer(db), service, cache=cache if cache is not None else default_cache_path())


@app.command()
def geocode(
    names: Annotated[list[str], typer.Argument(help="Place names to look up (any script or spelling).")],
    country: Annotated[Optional[str], typer.Option("--country", "-c", help="Country to restrict to: ISO code (AZ, USA...) or name.")] = None,
    admin1: Annotated[Optional[str], typer.Option("--admin1", help="State or province the place lies in (name or code: Texas, TX, NRW).")] = None,
    admin2: Annotated[Optional[str], typer.Option("--admin2", help="County or district the place lies in.")] = None,
    kind: Annotated[Optional[list[str]], typer.Option("--kind", "-k", help="Kinds to keep: populated_place, admin1, admin2, country, region, corridor, border, disputed_area, continent, physical_feature, landmark.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Candidates per name.")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON array of the candidates of every name, each with its query.")] = False,
    db: DbOption = None,
    online: OnlineOption = None,
    user_agent: UserAgentOption = None,
    cache: CacheOption = None,
    online_domain: OnlineDomainOption = None,
    online_scheme: OnlineSchemeOption = "https",
) -> None:
    """Look up place names in the offline gazetteer, best candidates first.

    A name may carry its containers: "Paris, Texas", "London ON CA", "Germany, Aachen".
    With --online, names the gazetteer does not know go to an online geocoder (cached, 1 request/s).
    """
    missing = 0
    found: list[dict[str, Any]] = []
    with user_errors(), contextlib.ExitStack() as stack:
        if online is not None and (admin1 is not None or admin2 is not None):
            from gazetteer import InvalidQuery

            raise InvalidQuery("--admin1 and --admin2 work offline only; write the name as 'Paris, Texas' for --online")
        if online is None:
            gaz = _open(db)
        else:
            chain = stack.enter_context(open_chain(db, online, user_agent=user_agent, cache=cache,
                                                   domain=online_domain, scheme=online_scheme))
        for i, name in enumerate(names):
            label = ""
            if online is None:
                rows = [_candidate_dict(c) for c in gaz.lookup(name, country=country, admin1=admin1, admin2=admin2,
                                                               kinds=kind or None, limit=limit)]
            else:
                res = chain.geocode(name, country=country, kinds=kind or None, limit=limit)
                label = res.label
                rows = [dict(_candidate_dict(c), source=res.source.value, provider=res.provider)
                        for c in res.candidates]
            if not rows:
                missing += 1
                error(f"no place found for {name!r}" + (f" ({label})" if label else ""))
            if as_json:
                found += [dict(r, query=name) for r in rows]
            elif rows:
                if len(names) > 1:
                    typer.echo(("\n" if i else "") + f"# {name}")
                if online is not None:
                    rows = [dict(r, source=label) for r in rows]
                _table(rows, ("source",) if online is not None else ())
    if as_json:
        print_json(found)
    if missing:
        raise typer.Exit(EXIT_NOT_FOUND)


# "geomap reverse 40.7 -74.0": a negative number is a coordinate, not an unknown option.
@app.command(context_settings={"ignore_unknown_options": True})
def reverse(
    point: Annotated[list[str], typer.Argument(
        metavar="LAT LON", help="Latitude and longitude in degrees, as two arguments or one 'LAT,LON'.")],
    max_km: Annotated[float, typer.Option("--max-km", help="Search radius for the nearest town.")] = 50.0,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: DbOption = None,
) -> None:
    """Name the nearest populated place and the areas that contain a point (exit 1 when there are none)."""
    with user_errors():
        lat, lon = _lat_lon(point)
        res = _open(db).reverse(lat, lon, max_km=max_km)
    nothing = res.nearest is None and not res.areas
    if nothing:
        error(f"no populated place within {max_km:g} km and no area contains {lat}, {lon}")
    if as_json:
        print_json(res.to_dict())
    else:
        _print_reverse(res, max_km)
    if nothing:
        raise typer.Exit(EXIT_NOT_FOUND)


def _lat_lon(point: list[str]) -> tuple[str, str]:
    """``["40.7", "-74"]`` or ``["40.7,-74"]`` as ``(lat, lon)`` text; the gazetteer checks the numbers."""
    from gazetteer import InvalidCoordinates

    parts = [x for p in point for x in p.replace(",", " ").split()]
    if len(parts) != 2:
        raise InvalidCoordinates(f"give a point as LAT LON or LAT,LON, got {' '.join(point)!r}")
    return parts[0], parts[1]


def _print_reverse(res: Any, max_km: float) -> None:
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
    for layer in info.get("layers", []):
        typer.echo(f"layer: {layer['role']:<8} {layer['places']:>9,} places  {layer['date']}  {layer['path']}")


UserDbOption = Annotated[Optional[Path], typer.Option(
    "--db", dir_okay=False, envvar="GEOMAP_USER_DB",
    help="The user layer (default: $GEOMAP_CACHE_DIR/user_places.sqlite, else ~/.local/share/geomap/user_places.sqlite).")]


@gazetteer_app.command("add")
def gazetteer_add(
    csv_file: Annotated[Path, typer.Argument(help="CSV with name, alternate_names, lat, lon, kind, country, admin1, admin2, geometry (WKT).", dir_okay=False)],
    db: UserDbOption = None,
) -> None:
    """Merge your own places into the user layer over the shipped gazetteer; bad rows are reported by line."""
    from gazetteer.user_places import add_places

    with user_errors():
        report = add_places(csv_file, db=db)
    for line, problem in report.errors:
        typer.echo(f"{csv_file}:{line}: skipped: {problem}", err=True)
    typer.echo(f"added {report.added}, replaced {report.replaced}, skipped {len(report.errors)} -> {report.path}")
    if report.added + report.replaced == 0:
        raise typer.Exit(EXIT_NOT_FOUND)


@gazetteer_app.command("remove")
def gazetteer_remove(
    names: Annotated[Optional[list[str]], typer.Argument(help="Names (any of a place's names) or ids (user:N) to remove.")] = None,
    everything: Annotated[bool, typer.Option("--all", help="Remove every place of the user layer.")] = False,
    db: UserDbOption = None,
) -> None:
    """Take places back out of the user layer."""
    from gazetteer.user_places import remove_places

    if not names and not everything:
        error("give names or ids to remove, or --all")
        raise typer.Exit(2)
    with user_errors():
        n = remove_places(names or [], db=db, everything=everything)
    typer.echo(f"removed {n}")
    if n == 0:
        raise typer.Exit(EXIT_NOT_FOUND)


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
    if not rows:
        error(f"no name starts with {text!r}")
        raise typer.Exit(EXIT_NOT_FOUND)
