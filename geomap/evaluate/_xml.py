"""Reading the annotated corpora's XML safely: no DTDs or entities, typed errors that say where."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from pathlib import Path

from ..errors import EvaluationError


def load_root(path: str | Path) -> ET.Element:
    """Parse an XML file into its root element, refusing DTDs, with errors as EvaluationError."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise EvaluationError(f"cannot read corpus {path}: {exc.strerror or exc}") from exc
    refuse_doctype(data, path)
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise EvaluationError(f"malformed XML in corpus {path}: {exc}") from exc


def refuse_doctype(data: bytes, path: Path) -> None:
    # A DTD is the only place entities can be declared, and it must come before the
    # root element, so scanning the prolog (declaration, comments, PIs) is enough.
    # This keeps entity expansion (billion laughs) and external entities out without
    # a defusedxml dependency. Everything else starting with "<!" is refused too.
    pos = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    while True:
        while pos < len(data) and data[pos : pos + 1].isspace():
            pos += 1
        if data.startswith(b"<?", pos):
            end = data.find(b"?>", pos)
            pos = len(data) if end < 0 else end + 2
        elif data.startswith(b"<!--", pos):
            end = data.find(b"-->", pos)
            pos = len(data) if end < 0 else end + 3
        elif data.startswith(b"<!", pos):
            raise EvaluationError(f"corpus {path} declares a DOCTYPE or ENTITY; refusing to parse it")
        else:
            return


def child_text(el: ET.Element, tag: str) -> str:
    """The stripped text of a direct child, ``""`` when it is missing or empty."""
    return (el.findtext(tag) or "").strip()


def child_int(el: ET.Element, tag: str, where: str) -> int:
    raw = child_text(el, tag)
    try:
        return int(raw)
    except ValueError:
        raise EvaluationError(f"{where}: <{tag}> is {raw!r}, not an integer") from None


def coordinates(el: ET.Element, lat_tag: str, lon_tag: str, where: str) -> tuple[float, float] | None:
    """Both coordinates, or ``None`` when the annotation has neither."""
    lat_raw, lon_raw = child_text(el, lat_tag), child_text(el, lon_tag)
    if not lat_raw and not lon_raw:
        return None
    try:
        lat, lon = float(lat_raw), float(lon_raw)
    except ValueError:
        raise EvaluationError(f"{where}: bad coordinates {lat_raw!r}, {lon_raw!r}") from None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise EvaluationError(f"{where}: coordinates out of range: {lat}, {lon}")
    return lat, lon


def optional_int(raw: str, where: str) -> int | None:
    if not raw:
        return None
    try:
        return int(raw)
    except ValueError:
        raise EvaluationError(f"{where}: GeoNames id {raw!r} is not an integer") from None


def child(el: ET.Element, tag: str, where: str) -> ET.Element:
    found = el.find(tag)
    if found is None:
        raise EvaluationError(f"{where}: missing <{tag}>")
    return found


def articles(root: ET.Element, path: str | Path) -> list[ET.Element]:
    if root.tag != "articles":
        raise EvaluationError(f"corpus {path}: root element is <{root.tag}>, expected <articles>")
    return root.findall("article")


# --------------------------------------------------------------------------- readers
