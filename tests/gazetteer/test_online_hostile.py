"""Online answers from a hostile or broken server (issue 20, items 6 and 9-13).

Every case runs against an HTTP server on 127.0.0.1 that the test starts; nothing
reaches any other host. Each gives a typed error or a recorded skip, never a traceback.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from gazetteer import GeocodeCache, GeocoderChain, GeocoderRateLimited, GeocoderServiceError, GeocoderTimedOut
from gazetteer.online import make_online_geocoder

GOOD = {"osm_type": "node", "osm_id": 1, "lat": "40.5", "lon": "46.5", "class": "place", "type": "village",
        "addresstype": "village", "name": "Qqvillage", "display_name": "Qqvillage, Azerbaijan",
        "address": {"country_code": "az"}}


class Hostile(ThreadingHTTPServer):
    """Answers each request with the next scripted (status, headers, body, seconds between bytes)."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.script: list[tuple[int, dict[str, str], bytes, float]] = []
        self.paths: list[str] = []

    @property
    def domain(self) -> str:
        return f"127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: Hostile

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self.server.paths.append(self.path)
        status, headers, body, drip = self.server.script.pop(0) if self.server.script else (404, {}, b"{}", 0.0)
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            for k, v in headers.items():
                self.send_header(k, v)
            self.end_headers()
            if drip:
                for i in range(len(body)):
                    self.wfile.write(body[i:i + 1])
                    self.wfile.flush()
                    time.sleep(drip)
            else:
                self.wfile.write(body)
        except OSError:  # the client hung up: what a bounded client does
            pass

    def log_message(self, *args: object) -> None:
        pass


def _serve():
    srv = Hostile()
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    return srv, thread


@pytest.fixture
def server():
    srv, thread = _serve()
    yield srv
    srv.shutdown()
    srv.server_close()
    thread.join(5)


@pytest.fixture
def chain(server, tmp_path):
    service = make_online_geocoder("nominatim", user_agent="geomap-tests/1.0", domain=server.domain, scheme="http",
                                   timeout=1.5, proxies={})
    clock = [1e6]
    with GeocoderChain(online=service, cache=tmp_path / "c.sqlite", min_delay=0, max_retries=0,
                       clock=lambda: clock[0], sleep=lambda s: clock.__setitem__(0, clock[0] + s)) as c:
        yield c


def _json(value: object) -> bytes:
    return json.dumps(value).encode()


@pytest.mark.parametrize("body", [b'{"a": 1}', b"[1, 2, 3]", _json([{**GOOD, "lat": "abc"}]),
                                  b'[{"lat": NaN, "lon": 1, "name": "x"}]', b'"text"', b"[" * 100_000],
                         ids=["object", "numbers", "lat-abc", "nan", "string", "deep"])
def test_valid_json_of_the_wrong_shape_is_a_typed_error_or_no_candidate(server, chain, body):
    server.script = [(200, {}, body, 0.0)]
    try:
        res = chain.geocode("Qqunknownplace")
    except GeocoderServiceError as exc:
        assert "unexpected shape" in str(exc) or "not JSON" in str(exc)
    else:
        assert not res.found and res.skipped  # {"a": 1}: no coordinates, recorded


def test_retry_after_of_400_digits_is_a_typed_error(server, chain):
    server.script = [(429, {"Retry-After": "9" * 400}, b"{}", 0.0)]
    with pytest.raises(GeocoderRateLimited) as info:
        chain.geocode("Qqunknownplace")
    assert info.value.retry_after == float("inf") and "retry after inf s" in str(info.value)


def test_a_record_without_coordinates_is_left_out_not_placed_at_0_0(server, chain):
    server.script = [(200, {}, _json([{"name": "Nowhere", "display_name": "Nowhere", "osm_type": "node", "osm_id": 5}, GOOD]), 0.0)]
    res = chain.geocode("Qqvillage")
    assert [(c.place.name, c.place.latitude) for c in res.candidates] == [("Qqvillage", 40.5)]
    assert res.skipped == ("record 1: no coordinates in the answer; left out",)


def test_an_answer_over_the_size_limit_is_refused_unread(server, chain):
    big = b"[" + b",".join([_json(GOOD)] * 40_000) + b"]"  # about 9 MB, over the 8 MiB limit
    server.script = [(200, {}, big, 0.0)]
    with pytest.raises(GeocoderServiceError, match="larger than 8,388,608 bytes"):
        chain.geocode("Qqvillage")


def test_a_server_ignoring_the_limit_gets_limit_candidates_and_only_those_cached(server, chain, tmp_path):
    server.script = [(200, {}, _json([{**GOOD, "osm_id": k} for k in range(50)]), 0.0)]
    res = chain.geocode("Qqvillage", limit=5)
    assert len(res.candidates) == 5 and res.skipped == ("45 record(s) beyond the limit of 5",)
    with GeocodeCache(tmp_path / "c.sqlite") as cache:
        stored = cache.get(chain.service, "geocode", "Qqvillage", {"country": None, "limit": 5})
    assert stored is not None and len(stored) == 5


def test_a_redirect_to_another_host_is_not_followed(server, chain):
    other, thread = _serve()
    try:
        other.script = [(200, {}, _json([GOOD]), 0.0)]
        server.script = [(302, {"Location": f"http://{other.domain}/search?q=x"}, b"", 0.0)]
        with pytest.raises(GeocoderServiceError, match="redirected to another host"):
            chain.geocode("Qqvillage")
        assert other.paths == []  # the user agent and the query never went there
    finally:
        other.shutdown()
        other.server_close()
        thread.join(5)


def test_a_server_dripping_bytes_is_cut_off_at_the_total_timeout(server, chain):
    server.script = [(200, {}, _json([GOOD] * 3), 0.3)]  # a byte every 0.3 s, each under the 1.5 s timeout
    started = time.monotonic()
    with pytest.raises(GeocoderTimedOut):
        chain.geocode("Qqvillage")
    assert time.monotonic() - started < 4.0


@pytest.fixture
def cli(server, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from geomap.cli import app

    for var in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)

    def run(*args):
        return CliRunner().invoke(app, ["geocode", *args, "--online", "nominatim", "--online-domain", server.domain,
                                        "--online-scheme", "http", "--cache", str(tmp_path / "cli.sqlite"),
                                        "--user-agent", "geomap-tests/1.0"])

    return run


def test_cli_control_characters_from_an_answer_never_reach_the_terminal(server, cli):
    evil = {**GOOD, "name": "Qq\x1b]0;title\x07\x1b[2Jville", "display_name": "Qq\x1b[31mville, Azerbaijan"}
    server.script = [(200, {}, _json([evil]), 0.0)]
    res = cli("Qqville")
    assert res.exit_code == 0, res.output
    assert "\x1b" not in res.stdout and "\x07" not in res.stdout and "Qq\ufffd]0;title" in res.stdout


def test_cli_wrong_shape_is_one_line_on_stderr_and_exit_2(server, cli):
    server.script = [(200, {}, b"[1, 2, 3]", 0.0)]
    res = cli("Qqville")
    assert res.exit_code == 2 and res.stderr.count("\n") == 1 and "unexpected shape" in res.stderr
    assert "Traceback" not in res.output
