"""The HTTP transport of online geocoders: geopy's urllib adapter with hard bounds.

An online geocoder is an untrusted server. :class:`BoundedAdapter` bounds what one
request may cost, whatever the server does:

* the *total* time of a request (connect, headers, body), not only the time between
  two bytes: when it runs out, the socket is shut down from a timer thread, so a
  server that sends one byte every few seconds cannot hold the client;
* the size of an answer (:data:`MAX_ANSWER_BYTES`), read in pieces and refused past
  the limit, never parsed whole;
* redirects: one to another scheme, host or port is refused (the user agent and the
  query would go to a server nobody chose, and its answer would carry the chosen
  service's name).
"""

from __future__ import annotations

import functools
import http.client
import socket
import threading
import time
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlsplit

from geopy import exc as gexc
from geopy.adapters import AdapterHTTPError, URLLibAdapter, _normalize_proxies

__all__ = ["MAX_ANSWER_BYTES", "AnswerTooLarge", "BoundedAdapter", "RedirectRefused"]

#: The largest answer read (8 MiB): fifty Nominatim records with address details are about 100 kB.
MAX_ANSWER_BYTES = 8 * 1024 * 1024
_PIECE = 65_536


class RedirectRefused(gexc.GeocoderServiceError):
    """The service redirected the request to another host; not followed, not retried."""


class AnswerTooLarge(gexc.GeocoderServiceError):
    """The answer exceeded :data:`MAX_ANSWER_BYTES`; not parsed, not retried."""


class _Deadline:
    """Shuts the request's sockets down when the time is up."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._socks: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def start(self) -> None:
        self._timer.start()

    def cancel(self) -> None:
        self._timer.cancel()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._socks.append(sock)
            expired = self.expired
        if expired:
            self._shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            socks = list(self._socks)
        for sock in socks:
            self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        try:
            sock.shutdown(socket.SHUT_RDWR)  # wakes a recv blocked in another thread
        except OSError:
            pass


class _Watched:
    """A connection whose socket the request's deadline may shut down (mixed into http.client's two)."""

    sock: Any

    def __init__(self, *args: Any, deadline: _Deadline, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        self._deadline = deadline

    def connect(self) -> None:
        super().connect()  # type: ignore[misc]
        self._deadline.watch(self.sock)


class _HTTPConnection(_Watched, http.client.HTTPConnection):
    pass


class _HTTPSConnection(_Watched, http.client.HTTPSConnection):
    pass


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def http_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(functools.partial(_HTTPConnection, deadline=self._deadline), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline, context: Any) -> None:
        super().__init__(context=context)
        self._deadline = deadline
        self._ssl_context = context

    def https_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(functools.partial(_HTTPSConnection, deadline=self._deadline), req,
                            context=self._ssl_context)


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any,
                         newurl: str) -> Any:
        old, new = urlsplit(req.full_url), urlsplit(newurl)
        if (old.scheme, old.netloc) != (new.scheme, new.netloc):
            raise RedirectRefused(f"the service redirected to another host ({new.scheme}://{new.netloc}); "
                                  "not followed")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class BoundedAdapter(URLLibAdapter):
    """geopy's ``URLLibAdapter`` with a total time limit, a size limit and same-host redirects only.

    The total limit is the geocoder's ``timeout``. Pass the class as ``adapter_factory``
    (:func:`gazetteer.online.make_online_geocoder` does).

    Examples
    --------
    >>> from geopy.geocoders import Nominatim
    >>> Nominatim(user_agent="doc", adapter_factory=BoundedAdapter).adapter.max_bytes
    8388608
    """

    max_bytes = MAX_ANSWER_BYTES

    def __init__(self, *, proxies: Any, ssl_context: Any) -> None:
        super().__init__(proxies=proxies, ssl_context=ssl_context)
        self._proxies = _normalize_proxies(proxies)
        self._ssl_context = ssl_context

    def get_json(self, url: str, *, timeout: float, headers: dict[str, str]) -> Any:
        import json

        text = self.get_text(url, timeout=timeout, headers=headers)
        try:
            return json.loads(text)
        except (ValueError, RecursionError) as exc:  # RecursionError: nesting too deep for the parser
            raise gexc.GeocoderParseError(f"the answer is not JSON: {str(exc)[:200]}") from None

    def get_text(self, url: str, *, timeout: float, headers: dict[str, str]) -> str:
        deadline = _Deadline(float(timeout))
        opener = urllib.request.build_opener(
            _HTTPHandler(deadline), _HTTPSHandler(deadline, self._ssl_context),
            urllib.request.ProxyHandler(self._proxies), _SameHostRedirects())
        self.urlopen = opener.open
        deadline.start()
        started = time.monotonic()
        try:
            page = self._open(url, timeout, headers, deadline)
            return self._read(page, deadline, started)
        finally:
            deadline.cancel()

    def _open(self, url: str, timeout: float, headers: dict[str, str], deadline: _Deadline) -> Any:
        """Open the URL the way geopy's adapter does (its error translation), with this opener."""
        req = urllib.request.Request(url=url, headers=headers)
        try:
            return self.urlopen(req, timeout=timeout)
        except (RedirectRefused, AdapterHTTPError):
            raise
        except urllib.error.HTTPError as error:
            body = self._limited(error, deadline)
            raise AdapterHTTPError(str(error), status_code=error.getcode(),
                                   headers={k.lower(): v for k, v in error.headers.items()}, text=body) from None
        except (OSError, http.client.HTTPException) as error:
            if deadline.expired:
                raise gexc.GeocoderTimedOut(f"no answer within {deadline.seconds:g} s") from None
            message = str(error)
            if "timed out" in message:
                raise gexc.GeocoderTimedOut("Service timed out") from None
            raise gexc.GeocoderServiceError(message) from error

    def _limited(self, page: Any, deadline: _Deadline) -> str:
        """The body of an error answer, cut at 64 kB (it only goes into a message)."""
        try:
            data = page.read1(_PIECE) if hasattr(page, "read1") else page.read(_PIECE)
        except (OSError, http.client.HTTPException):
            return ""
        finally:
            page.close()
        return data.decode("utf-8", errors="replace")

    def _read(self, page: Any, deadline: _Deadline, started: float) -> str:
        pieces: list[bytes] = []
        size = 0
        try:
            while True:
                piece = page.read1(_PIECE)  # what one recv gives: never waits for a full piece
                if not piece:
                    break
                size += len(piece)
                if size > self.max_bytes:
                    raise AnswerTooLarge(f"the answer is larger than {self.max_bytes:,} bytes; not read further")
                pieces.append(piece)
        except (OSError, http.client.HTTPException) as error:
            if deadline.expired:
                raise gexc.GeocoderTimedOut(f"no complete answer within {deadline.seconds:g} s") from None
            raise gexc.GeocoderServiceError(f"the answer broke off: {error}") from error
        finally:
            page.close()
        if deadline.expired:  # a shut-down socket reads as the end of the answer
            raise gexc.GeocoderTimedOut(f"no complete answer within {deadline.seconds:g} s "
                                        f"({time.monotonic() - started:.1f} s)")
        status = page.getcode()
        charset = page.headers.get_content_charset() or "utf-8"
        try:
            text = b"".join(pieces).decode(charset, errors="replace")
        except LookupError:
            text = b"".join(pieces).decode("utf-8", errors="replace")
        if status >= 400:
            raise AdapterHTTPError(f"Non-successful status code {status}", status_code=status,
                                   headers={k.lower(): v for k, v in page.headers.items()}, text=text)
        return text
