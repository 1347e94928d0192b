"""GeocoderChain against a Nominatim-speaking HTTP server on 127.0.0.1, started by the tests.

Nothing here contacts any other host: the server is local, geopy is told to ignore the
system's proxies, and time is a fake clock (no test sleeps for real).
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from gazetteer import (GeocodeCache, GeocoderChain, GeocoderConfigError, GeocoderRateLimited, GeocoderServiceError,
                       GeocoderTimedOut, GeocoderUnavailable, Kind, Source, make_online_geocoder)
from gazetteer._ratelimit import RateLimiter

# Nominatim's format=json records, as the real service sends them (addressdetails=1).
PLACES = {
    "qaraqaya": {"place_id": 101, "osm_type": "node", "osm_id": 7001, "lat": "40.1234", "lon": "46.5678",
                 "class": "place", "type": "village", "addresstype": "village", "name": "Qaraqaya",
                 "display_name": "Qaraqaya, Shusha District, Azerbaijan", "importance": 0.3,
                 "address": {"village": "Qaraqaya", "state": "Shusha District", "country": "Azerbaijan",
                             "country_code": "az"}},
    "zzland": {"place_id": 102, "osm_type": "relation", "osm_id": 8002, "lat": "10.5", "lon": "20.5",
               "class": "boundary", "type": "administrative", "addresstype": "state", "name": "Zzland",
               "display_name": "Zzland, Chad", "address": {"state": "Zzland", "country": "Chad", "country_code": "td"}},
}
REVERSE = {"place_id": 103, "osm_type": "way", "osm_id": 9003, "lat": "0.0", "lon": "-30.0", "class": "natural",
           "type": "water", "addresstype": "ocean", "name": "Atlantic Ocean", "display_name": "Atlantic Ocean"}


class FakeClock:
    """Seconds since the epoch that move only when the code sleeps."""

    def __init__(self, start: float = 1_000_000.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


class NominatimStub(ThreadingHTTPServer):
    """Speaks /search and /reverse with format=json; ``script`` overrides the next answers."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[dict] = []
        self.script: list[tuple[int, dict[str, str], object]] = []
        self.clock: FakeClock | None = None
        self.lock = threading.Lock()

    @property
    def domain(self) -> str:
        return f"127.0.0.1:{self.server_address[1]}"

    def answer(self, path: str, query: dict[str, str]) -> tuple[int, dict[str, str], object]:
        with self.lock:
            self.requests.append({"path": path, "query": query, "at": self.clock() if self.clock else None})
            if self.script:
                return self.script.pop(0)
        if query.get("format") != "json":
            return 400, {}, {"error": "format must be json"}
        if path == "/search":
            hit = PLACES.get(query.get("q", "").strip().lower())
            codes = query.get("countrycodes")
            found = [hit] if hit and (not codes or hit["address"]["country_code"] in codes.split(",")) else []
            return 200, {}, found
        if path == "/reverse":
            return 200, {}, REVERSE
        return 404, {}, {"error": "unknown endpoint"}


class _Handler(BaseHTTPRequestHandler):
    server: NominatimStub

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        url = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        query["_user_agent"] = self.headers.get("User-Agent", "")
        status, headers, body = self.server.answer(url.path, query)
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server():
    srv = NominatimStub()
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()
    thread.join(5)


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def nominatim(server):
    return make_online_geocoder("nominatim", user_agent="geomap-tests/1.0", domain=server.domain, scheme="http",
                                proxies={}, timeout=5)


@pytest.fixture
def chain_factory(gaz, nominatim, server, clock, tmp_path):
    server.clock = clock

    made = []

    def make(**kw):
        kw.setdefault("cache", tmp_path / "cache.sqlite")
        chain = GeocoderChain(gaz, nominatim, clock=clock, sleep=clock.sleep, **kw)
        made.append(chain)
        return chain

    yield make
    for chain in made:
        chain.close()


def searches(server):
    return [r for r in server.requests if r["path"] == "/search"]


# -- the chain ------------------------------------------------------------------------------------
def test_names_the_gazetteer_knows_send_no_request(chain_factory, server):
    res = chain_factory().geocode("Lachin")
    assert res.source is Source.OFFLINE and res.provider == "gazetteer"
    assert res.best.place.place_id == "geonames:147625"
    assert server.requests == []


def test_unknown_names_go_online_with_the_user_agent(chain_factory, server):
    res = chain_factory().geocode("Qaraqaya")
    assert res.source is Source.ONLINE and res.provider == "nominatim" and res.label == "nominatim"
    best = res.best
    assert best.place.place_id == "nominatim:node/7001" and best.place.kind is Kind.POPULATED_PLACE
    assert (best.place.country, best.place.admin1) == ("AZ", "Shusha District")
    assert (best.place.latitude, best.place.longitude) == (40.1234, 46.5678)
    assert res.raw[0]["display_name"] == "Qaraqaya, Shusha District, Azerbaijan"
    (req,) = server.requests
    assert req["path"] == "/search" and req["query"]["format"] == "json" and req["query"]["q"] == "Qaraqaya"
    assert req["query"]["_user_agent"] == "geomap-tests/1.0"


def test_the_cache_answers_a_second_run_without_a_request(chain_factory, server, tmp_path):
    first = chain_factory().geocode("Zzland")
    assert first.source is Source.ONLINE and first.best.place.kind is Kind.ADMIN1
    assert len(server.requests) == 1
    again = chain_factory().geocode("  zzLAND ")  # a new chain, as in a second run; the key is normalised
    assert again.source is Source.CACHE and again.label == "nominatim (cached)"
    assert again.candidates == first.candidates
    assert len(server.requests) == 1
    with GeocodeCache(tmp_path / "cache.sqlite") as cache:
        assert len(cache) == 1


def test_not_found_is_cached_too(chain_factory, server):
    assert not chain_factory().geocode("Qqqxxzzyy Nowhere").found
    res = chain_factory().geocode("Qqqxxzzyy Nowhere")
    assert res.source is Source.CACHE and res.candidates == ()
    assert len(server.requests) == 1


def test_country_is_sent_and_part_of_the_cache_key(chain_factory, server):
    chain = chain_factory()
    assert chain.geocode("Qaraqaya", country="AZE").found
    assert not chain.geocode("Qaraqaya", country="TD").found
    assert [r["query"].get("countrycodes") for r in server.requests] == ["az", "td"]


def test_expired_answers_are_asked_again(chain_factory, server, tmp_path, clock):
    with GeocodeCache(tmp_path / "c.sqlite", ttl=3600, clock=clock) as cache:
        chain = chain_factory(cache=cache)
        chain.geocode("Qaraqaya")
        clock.now += 3599
        assert chain.geocode("Qaraqaya").source is Source.CACHE
        clock.now += 2
        assert chain.geocode("Qaraqaya").source is Source.ONLINE
        assert len(server.requests) == 2
        assert cache.purge_expired() == 0


def test_requests_are_spaced_a_second_apart_without_real_sleep(chain_factory, server, clock):
    import time

    started = time.monotonic()
    chain = chain_factory()
    for name in ("Qaraqaya", "Zzland", "Nowhere One", "Nowhere Two"):
        chain.geocode(name)
    times = [r["at"] for r in server.requests]
    assert len(times) == 4
    assert all(b - a >= 1.0 for a, b in zip(times, times[1:]))
    assert clock.sleeps == [1.0, 1.0, 1.0]  # nothing ran in between, so each wait is the full second
    assert time.monotonic() - started < 5


def test_the_rate_limit_is_shared_by_every_chain_of_the_process(gaz, nominatim, server, clock):
    server.clock = clock
    one = GeocoderChain(gaz, nominatim, clock=clock, sleep=clock.sleep)  # no cache file: shared in memory
    two = GeocoderChain(gaz, nominatim, clock=clock, sleep=clock.sleep)
    one.geocode("Qaraqaya")
    two.geocode("Zzland")
    one.geocode("Nowhere")
    times = [r["at"] for r in server.requests]
    assert all(b - a >= 1.0 for a, b in zip(times, times[1:]))


def test_the_rate_limit_is_shared_through_the_cache_file(tmp_path, clock):
    # Two limiters on one file stand for two processes: neither knows of the other but by the file.
    a = RateLimiter("svc", 1.0, clock=clock, sleep=clock.sleep, path=tmp_path / "c.sqlite")
    b = RateLimiter("svc", 1.0, clock=clock, sleep=clock.sleep, path=tmp_path / "c.sqlite")
    assert [a.wait(), b.wait(), a.wait()] == [0.0, 1.0, 1.0]
    b.defer(30)
    assert a.wait() == 30.0
    a.close()
    b.close()


def test_retry_after_on_429_is_honoured(chain_factory, server, clock):
    server.script = [(429, {"Retry-After": "7"}, {"error": "too many requests"})]
    res = chain_factory().geocode("Qaraqaya")
    assert res.found and res.source is Source.ONLINE
    first, second = server.requests
    assert second["at"] - first["at"] >= 7
    assert clock.sleeps == [7.0]


def test_a_500_is_retried_with_backoff(chain_factory, server, clock):
    server.script = [(500, {}, {"error": "internal"}), (500, {}, {"error": "internal"})]
    res = chain_factory(backoff=2.0).geocode("Qaraqaya")
    assert res.found
    times = [r["at"] for r in server.requests]
    assert len(times) == 3
    assert [round(b - a, 6) for a, b in zip(times, times[1:])] == [2.0, 4.0]


def test_persistent_500_raises_a_typed_error_and_caches_nothing(chain_factory, server, tmp_path):
    server.script = [(500, {}, {"error": "internal"})] * 3
    with pytest.raises(GeocoderServiceError, match="nominatim failed after 3 attempt") as info:
        chain_factory(max_retries=2).geocode("Qaraqaya")
    import geopy.exc

    assert isinstance(info.value.__cause__, geopy.exc.GeocoderServiceError)
    assert len(server.requests) == 3
    assert chain_factory().geocode("Qaraqaya").source is Source.ONLINE  # the failure was not cached
    assert len(server.requests) == 4


def test_persistent_429_raises_rate_limited_with_retry_after(chain_factory, server):
    server.script = [(429, {"Retry-After": "3"}, {})] * 2
    with pytest.raises(GeocoderRateLimited) as info:
        chain_factory(max_retries=1).geocode("Qaraqaya")
    assert info.value.retry_after == 3 and len(server.requests) == 2
    assert isinstance(info.value, GeocoderServiceError)


def test_a_retry_after_too_long_to_wait_raises_at_once(chain_factory, server, clock):
    server.script = [(429, {"Retry-After": "3600"}, {})]
    with pytest.raises(GeocoderRateLimited, match="retry after 3600") as info:
        chain_factory(max_wait=60).geocode("Qaraqaya")
    assert info.value.retry_after == 3600 and len(server.requests) == 1 and clock.sleeps == []


@pytest.mark.parametrize("status,error", [(503, GeocoderTimedOut), (400, GeocoderServiceError),
                                          (403, GeocoderConfigError)])
def test_service_errors_map_onto_the_gazetteer_tree(chain_factory, server, status, error):
    server.script = [(status, {}, {"error": "no"})] * 3
    with pytest.raises(error):
        chain_factory().geocode("Qaraqaya")
    # A refused query or key is not retried; an overloaded server is.
    assert len(server.requests) == (3 if status == 503 else 1)


def test_an_unreachable_server_is_geocoder_unavailable(gaz, clock):
    import socket

    with socket.socket() as s:  # a port that nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    online = make_online_geocoder("nominatim", user_agent="t", domain=f"127.0.0.1:{port}", scheme="http", proxies={})
    chain = GeocoderChain(gaz, online, max_retries=1, clock=clock, sleep=clock.sleep)
    with pytest.raises(GeocoderUnavailable):
        chain.geocode("Qaraqaya")


def test_reverse_goes_online_only_where_the_gazetteer_has_nothing(chain_factory, server):
    chain = chain_factory()
    assert chain.reverse(39.64, 46.55).source is Source.OFFLINE
    assert server.requests == []
    res = chain.reverse(0.0, -30.0)
    assert res.source is Source.ONLINE and res.best.place.name == "Atlantic Ocean"
    (req,) = server.requests
    assert req["path"] == "/reverse" and req["query"]["format"] == "json"
    assert (float(req["query"]["lat"]), float(req["query"]["lon"])) == (0.0, -30.0)
    assert chain_factory().reverse(0.0, -30.0).source is Source.CACHE


def test_offline_only_chain_never_needs_a_server(gaz):
    chain = GeocoderChain(gaz)
    assert chain.geocode("Qqqxxzzyy").candidates == ()
    assert chain.geocode("Petion Ville").source is Source.OFFLINE


# -- configuration --------------------------------------------------------------------------------
@pytest.mark.parametrize("agent", [None, "", "   "])
def test_nominatim_requires_a_user_agent(agent):
    with pytest.raises(GeocoderConfigError, match="user agent") as info:
        make_online_geocoder("nominatim", user_agent=agent)
    assert "--user-agent" in str(info.value) and isinstance(info.value, ValueError)


def test_unknown_service_lists_the_valid_ones():
    with pytest.raises(GeocoderConfigError, match="arcgis, nominatim, pelias, photon"):
        make_online_geocoder("gogle", user_agent="x")


def test_the_other_services_are_built_without_contacting_them():
    from geopy.geocoders import ArcGIS, Pelias, Photon

    assert isinstance(make_online_geocoder("photon", user_agent=None), Photon)
    assert isinstance(make_online_geocoder("arcgis", user_agent=None), ArcGIS)
    assert isinstance(make_online_geocoder("pelias", user_agent=None, domain="127.0.0.1:9"), Pelias)
    with pytest.raises(GeocoderConfigError, match="pelias"):
        make_online_geocoder("pelias", user_agent=None)
    with pytest.raises(GeocoderConfigError, match="scheme"):
        make_online_geocoder("photon", user_agent=None, scheme="ftp")


def test_bad_chain_options_are_refused(gaz):
    from gazetteer import InvalidQuery

    with pytest.raises(InvalidQuery, match="max_retries"):
        GeocoderChain(gaz, max_retries=-1)
    with pytest.raises(InvalidQuery, match="min_delay"):
        GeocoderChain(gaz, min_delay=-1)


def test_a_damaged_cache_is_a_clear_error(tmp_path):
    from gazetteer import GazetteerDataError

    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"\x00not a database" * 100)
    with pytest.raises(GazetteerDataError, match="geocoder cache"):
        GeocodeCache(bad)


# -- the command line -----------------------------------------------------------------------------
@pytest.fixture
def cli(server, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from geomap.cli import app

    for var in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)  # the test server is reached directly, never through a proxy
    monkeypatch.delenv("GEOMAP_USER_AGENT", raising=False)
    online = ["--online", "nominatim", "--online-domain", server.domain, "--online-scheme", "http",
              "--cache", str(tmp_path / "cli.sqlite")]

    def run(*args, agent="geomap-tests/1.0"):
        return CliRunner().invoke(app, ["geocode", *args, *online, *(["--user-agent", agent] if agent else [])])

    return run


def test_cli_geocode_online_says_where_each_answer_comes_from(cli, server):
    res = cli("Lachin", "Qaraqaya", "--json")
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)  # one JSON document: every name's candidates, each with its query
    town = [r for r in rows if r["query"] == "Lachin"]
    found = [r for r in rows if r["query"] == "Qaraqaya"]
    assert (town[0]["source"], town[0]["provider"], town[0]["place_id"]) == ("offline", "gazetteer", "geonames:147625")
    assert (found[0]["source"], found[0]["provider"], found[0]["place_id"]) == ("online", "nominatim", "nominatim:node/7001")
    assert len(server.requests) == 1 and server.requests[0]["query"]["_user_agent"] == "geomap-tests/1.0"
    again = cli("Qaraqaya")  # a second run: from the cache file, no request
    assert again.exit_code == 0 and len(server.requests) == 1
    header, row = again.stdout.splitlines()
    assert header.split()[-1] == "source" and row.endswith("nominatim (cached)")


def test_cli_geocode_online_not_found_and_errors(cli, server):
    res = cli("Qqqxxzzyy Nowhere")
    assert res.exit_code == 1 and "no place found for 'Qqqxxzzyy Nowhere' (nominatim)" in res.stderr
    res = cli("Zzland", agent=None)
    assert res.exit_code == 2 and res.stderr.count("\n") == 1 and "--user-agent" in res.stderr
    server.script = [(400, {}, {"error": "bad request"})]
    res = cli("Zzland")
    assert res.exit_code == 2 and res.stderr.count("\n") == 1 and "nominatim failed after 1 attempt" in res.stderr
    assert "Traceback" not in res.output


def test_cli_user_agent_from_the_environment(cli, server, monkeypatch):
    monkeypatch.setenv("GEOMAP_USER_AGENT", "from-env/2.0")
    assert cli("Qaraqaya", agent=None).exit_code == 0
    assert server.requests[0]["query"]["_user_agent"] == "from-env/2.0"


def test_geopy_is_imported_only_when_used():
    import subprocess
    import sys

    code = ("import sys, runpy; sys.argv = ['geomap', 'geocode', 'Lachin'];\n"
            "import gazetteer; assert 'geopy' not in sys.modules\n"
            "try:\n    runpy.run_module('geomap', run_name='__main__')\nexcept SystemExit as e:\n    assert e.code == 0, e.code\n"
            "print('GEOPY', 'geopy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "GEOPY False" in out
