"""Fit the incident gate's weights (``data/incident_gate.json``) with cross-validation on third-party text.

Run ``python -m geomap.incidents.fit_gate [--eval DIR] [--write]``. It extracts incidents
with the gate open (:func:`geomap.incidents._gate.tracing` records every candidate's
features) from:

* the VOA stories of ``tests/data/incidents/voa.jsonl`` (text from ``DIR/voa-news``): a
  candidate is right when the scorer matches it to a gold incident;
* the event-location RELABEL sentences: every candidate is right (each sentence reports
  its labelled event);
* the PLOVER sentences: candidates from fighting, assault and protest sentences are right,
  those from statements (demand, reject, threaten, ...) wrong.

It fits an L2-penalised logistic regression, picks the score threshold that maximises
detection F2 (recall weighed twice) on the fitting folds' stories (folded into the bias),
and reports, out of fold (five folds; a VOA story's candidates stay in one fold), the VOA
detection precision and recall, the share of event-location sentences that keep an
incident, and PLOVER's recall and false rate, beside the same figures with the gate open. With ``--write`` the weights fitted on all the data go
to ``data/incident_gate.json``. The team's own dev set is not used: it is the check.

A development tool: it needs SciPy (``pip install -e ".[fit]"``) and the corpora; nothing at
run time imports it.
"""

from __future__ import annotations

import argparse
import json
import zlib
from pathlib import Path
from typing import Any

import numpy as np

from ._gate import FEATURES, tracing

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
FOLDS = 5
L2 = 1.0


def _fold(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) % FOLDS


def collect(eval_dir: Path) -> dict[str, list[tuple[list[float], int, str, int]]]:
    """``(features, label, unit, fold)`` rows per corpus; a unit is a VOA story or a sentence's record."""
    from ..evaluate import (PLOVER_FAMILIES, PLOVER_QUIET, evaluate_incidents, read_event_location,
                            read_incident_set, read_plover)
    from ._extract import extract_incidents

    out: dict[str, list[tuple[list[float], int, str, int]]] = {"voa": [], "event-location": [], "plover": []}
    docs = read_incident_set(ROOT / "tests" / "data" / "incidents" / "voa.jsonl",
                             text_from=eval_dir / "voa-news" / "stories.jsonl")
    seen: dict[tuple[str, str], list[float]] = {}  # (story, event id) -> features; merging keeps one's id

    def traced(doc_id: str, text: str, published: Any) -> list[Any]:
        with tracing() as rec:
            incs = extract_incidents(text, published=published)
        for x, inc in rec:
            seen[(doc_id, inc.event_id)] = x  # type: ignore[attr-defined]
        return incs

    by_text = {d.text: d.id for d in docs}
    report = evaluate_incidents(docs, lambda text, pub: traced(by_text[text], text, pub))
    for pair in report.pairs:
        p: Any = pair.predicted
        out["voa"].append((seen[(pair.doc_id, p.event_id)], 1, pair.doc_id, _fold(pair.doc_id)))
    for m in report.mistakes:
        if m.kind == "false_alarm":
            q: Any = m.predicted
            out["voa"].append((seen[(m.doc_id, q.event_id)], 0, m.doc_id, _fold(m.doc_id)))
    for rec in read_event_location(eval_dir / "event-location" / "labeled_text.jsonl.zip"):
        with tracing() as got:
            extract_incidents(rec.text)
        out["event-location"] += [(x, 1, rec.id, _fold(rec.id)) for x, _ in got]
    for prec in read_plover(eval_dir / "plover" / "PLOVER_GSR_CAMEO.txt"):
        if prec.event not in PLOVER_FAMILIES and prec.event not in PLOVER_QUIET:
            continue
        with tracing() as got:
            extract_incidents(prec.text)
        out["plover"] += [(x, int(prec.event in PLOVER_FAMILIES), prec.id, _fold(prec.id)) for x, _ in got]
    return out


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Bias and weights of an L2-penalised logistic regression (the bias is not penalised)."""
    from scipy.optimize import minimize

    xb = np.hstack([np.ones((len(x), 1)), x])

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = xb @ w
        p = 1.0 / (1.0 + np.exp(-z))
        nll = float(np.sum(np.logaddexp(0.0, z) - y * z)) + 0.5 * L2 * float(np.sum(w[1:] ** 2))
        grad = xb.T @ (p - y)
        grad[1:] += L2 * w[1:]
        return nll, grad

    return minimize(loss, np.zeros(xb.shape[1]), jac=True, method="L-BFGS-B").x


def _keep(w: np.ndarray, x: np.ndarray, threshold: float) -> np.ndarray:
    return (w[0] + x @ w[1:]) >= threshold


def threshold(w: np.ndarray, x: np.ndarray, y: np.ndarray, is_story: np.ndarray, missed: float) -> float:
    """The score threshold that maximises detection F2 on the stories' candidates of the fitting data
    (``missed``: gold incidents no candidate matched there). F2 weighs recall twice: a dropped event is
    worse than a kept mention, and the held-out goal is detection. Sentence sets have an event in every
    sentence; only stories mix reported and background events, so they set the threshold."""
    z = w[0] + x[is_story] @ w[1:]
    ys = y[is_story]
    best, best_f1 = 0.0, -1.0
    for t in np.arange(-3.0, 1.01, 0.25):
        keep = z >= t
        tp, fp = float(np.sum(keep & (ys == 1))), float(np.sum(keep & (ys == 0)))
        fn = float(np.sum(~keep & (ys == 1))) + missed
        f1 = 5 * tp / (5 * tp + fp + 4 * fn) if tp else 0.0  # F-beta, beta = 2
        if f1 > best_f1 + 1e-9:
            best, best_f1 = float(t), f1
    return best


def _figures(rows: dict[str, list[tuple[list[float], int, str, int]]], kept: dict[str, np.ndarray],
             voa_gold: int) -> dict[str, float]:
    voa = rows["voa"]
    k = kept["voa"]
    tp = sum(1 for (_, y, _, _), keep in zip(voa, k) if keep and y)
    pred = int(k.sum())
    el_units = {u for _, _, u, _ in rows["event-location"]}
    el_kept = {u for (_, _, u, _), keep in zip(rows["event-location"], kept["event-location"]) if keep}
    pl = rows["plover"]
    pos_units = {u for _, y, u, _ in pl if y}
    neg_units = {u for _, y, u, _ in pl if not y}
    pl_kept = {u for (_, _, u, _), keep in zip(pl, kept["plover"]) if keep}
    return {"voa_precision": tp / pred if pred else 0.0, "voa_recall": tp / voa_gold,
            "event_location_kept": len(el_kept) / len(el_units) if el_units else 0.0,
            "plover_units_kept": len(pl_kept & pos_units) / len(pos_units) if pos_units else 0.0,
            "plover_quiet_kept": len(pl_kept & neg_units) / len(neg_units) if neg_units else 0.0}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    ap.add_argument("--write", action="store_true", help="write the weights fitted on all data")
    args = ap.parse_args(argv)
    rows = collect(args.eval)
    voa_gold = sum(len(json.loads(line)["incidents"]) for line in
                   (ROOT / "tests" / "data" / "incidents" / "voa.jsonl").read_text(encoding="utf-8").splitlines()
                   if line.strip())
    every = [r for corpus in rows.values() for r in corpus]
    x = np.array([r[0] for r in every], dtype=float)
    y = np.array([r[1] for r in every], dtype=float)
    folds = np.array([r[3] for r in every])
    is_story = np.array([i < len(rows["voa"]) for i in range(len(every))])
    unmatched = voa_gold - sum(r[1] for r in rows["voa"])
    oof = np.zeros(len(every), dtype=bool)
    for f in range(FOLDS):
        train = folds != f
        w = fit(x[train], y[train])
        share = float(np.sum(train & is_story)) / max(1, int(np.sum(is_story)))
        t = threshold(w, x[train], y[train], is_story[train], unmatched * share)
        oof[folds == f] = _keep(w, x[folds == f], t)
    split: dict[str, np.ndarray] = {}
    i = 0
    for name, corpus in rows.items():
        split[name] = oof[i:i + len(corpus)]
        i += len(corpus)
    open_gate = {name: np.ones(len(corpus), dtype=bool) for name, corpus in rows.items()}
    print("candidates:", {name: (len(c), sum(r[1] for r in c)) for name, c in rows.items()}, "(all, right)")
    print("gate open:     ", {k: round(v, 3) for k, v in _figures(rows, open_gate, voa_gold).items()})
    print("out of fold:   ", {k: round(v, 3) for k, v in _figures(rows, split, voa_gold).items()})
    w = fit(x, y)
    t = threshold(w, x, y, is_story, float(unmatched))
    print("weights (all): ", dict(zip(("bias",) + FEATURES, np.round(w, 3).tolist())), "threshold", t)
    if args.write:
        path = Path(__file__).with_name("data") / "incident_gate.json"
        data = {"note": "fitted by python -m geomap.incidents.fit_gate (logistic regression, L2 "
                        f"{L2}, on VOA story folds, event-location and PLOVER)",
                "bias": round(float(w[0] - t), 4),  # the threshold folded in: keep when bias + w.x >= 0
                "weights": {f: round(float(v), 4) for f, v in zip(FEATURES, w[1:])}}
        from ..io import atomic_write

        atomic_write(path, json.dumps(data, indent=1) + "\n")
        print("wrote", path)


if __name__ == "__main__":  # pragma: no cover
    main()
