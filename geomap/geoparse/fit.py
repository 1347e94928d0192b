"""Fit the geoparser's ranker weights on the annotated corpora, with cross-validation.

Run ``python -m geomap.geoparse.fit [--eval DIR] [--write]``. It reads GeoWebNews,
TR-News and GeoVirus from ``DIR`` (default ``../shared/eval`` beside the checkout),
resolves each corpus's gold toponyms with the current weights while recording every
candidate's features (:func:`geomap.geoparse._resolve.tracing`), and fits a
conditional logit: for each gold toponym, a softmax over its candidates whose
likelihood is the probability of the readings within 161 km of the gold point.

The corpora carry no source location, so the weights of a home the caller sets
(``home_*``) are learned from a simulated newsroom: each document is traced a second
time with ``near`` set to the admin-1 area most of its gold places lie in (at its most
named gold town). These extra toponyms train the fit; every accuracy is reported on
the plain traces only.

It reports acc@161 over the traced toponyms for the shipped weights and the fitted
ones: in sample, in the three cross-corpus folds (fit on two corpora, test on the
third) and in five folds by document over the pooled corpora. With ``--write`` the
weights fitted on all three corpora go to ``data/ranker.json`` beside this script.

This is a development tool: it needs SciPy (``pip install -e ".[fit]"``) and the
corpora; nothing at run time imports it. The features are computed with the weights
in force while tracing (closeness to a document's places is measured from the
first pass's readings), so a second run after ``--write`` refines the fit.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ._ranker import FEATURES, HOME_FEATURES, weights

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer import Place

    from ._focus import Focus

ACC_KM = 161.0
CORPORA = {"gwn": "geowebnews/GWN.xml", "lgl": "tr-news/TR-News.xml", "geovirus": "geovirus/GeoVirus.xml"}
DEFAULT_EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"
#: A document is a local story, whose newsroom's home the fit simulates, when this share of its places is in one area.
_LOCAL_SHARE = 0.5
#: L2 penalty on the weights (the prior's weight included), per toponym.
L2 = 1e-3


@dataclass(frozen=True)
class Group:
    """One gold toponym: its candidates' features and which of them lie within 161 km of the gold point."""

    corpus: str
    doc: str
    x: np.ndarray  # (candidates, features)
    good: np.ndarray  # (candidates,) bool
    home: bool = False  # traced with a simulated newsroom's home: trains the fit, is never scored


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))


def trace_corpus(name: str, path: Path) -> list[Group]:
    """Resolve a corpus's gold toponyms and return one :class:`Group` per traced toponym."""
    from ..evaluate import read_corpus  # development tool: the eval readers are not a run-time dependency
    from ._geoparse import resolve_spans
    from ._resolve import tracing

    groups: list[Group] = []
    with tracing() as trace:
        for doc in read_corpus(path, name):
            gold = [t for t in doc.toponyms if t.latitude is not None and t.longitude is not None]
            if not gold:
                continue
            focus: Focus | None = None
            while True:
                trace.clear()
                resolve_spans(doc.text, [(t.start, t.end) for t in gold], home=focus)
                found = []
                for t in gold:
                    cands = trace.candidates.get(trace.keys.get((t.start, t.end), ""))
                    if not cands:
                        continue
                    x = np.array([[feats.get(f, 0.0) for f in FEATURES] for _, feats in cands])
                    good = np.array([_km(p.latitude, p.longitude, t.latitude, t.longitude) <= ACC_KM  # type: ignore[arg-type]
                                     for p, _ in cands])
                    found.append((cands, good))
                    groups.append(Group(name, doc.id, x, good, home=focus is not None))
                if focus is not None:
                    break
                focus = _newsroom(found)
                if focus is None:
                    break
    return groups


def _newsroom(found: Sequence[tuple[list[tuple[Place, dict[str, float]]], np.ndarray]]) -> Focus | None:
    """A simulated newsroom's home for a local story: the admin-1 area most of its gold places lie in.

    Each gold toponym votes with its first good reading; the area needs two votes and half
    of them (``_LOCAL_SHARE``), else the story is not local and has no home. The
    home's point is its most named good town, as ``near="Town, State"`` would set it.
    """
    from gazetteer import Kind

    from ._focus import FOCUS_SCALE_KM, Focus

    firsts = [next(p for (p, _), ok in zip(cands, good) if ok) for cands, good in found if good.any()]
    areas = Counter(p.admin1_code for p in firsts if p.admin1_code)
    # A newsroom that sets its home writes local stories: most of the places are in its area.
    if not areas or areas.most_common(1)[0][1] < max(2, _LOCAL_SHARE * len(firsts)):
        return None
    code = areas.most_common(1)[0][0]
    towns = Counter(p.place_id for p in firsts if p.admin1_code == code and p.kind is Kind.POPULATED_PLACE)
    town = next((p for p in firsts if towns and p.place_id == towns.most_common(1)[0][0]), None)
    return Focus(frozenset({code.partition(".")[0]}), frozenset({code}),
                 None if town is None else (town.latitude, town.longitude), FOCUS_SCALE_KM,
                 frozenset(town.admin2_code.split("|")) if town is not None and town.admin2_code else frozenset(),
                 given=True)


def _loss(w: np.ndarray, groups: Sequence[Group]) -> tuple[float, np.ndarray]:
    total, grad = 0.0, np.zeros_like(w)
    for g in groups:
        s = g.x @ w
        s -= s.max()
        e = np.exp(s)
        p = e / e.sum()
        pg = p[g.good].sum()
        total -= math.log(max(pg, 1e-300))
        # d/dw -log(sum_good p) = E_p[x] - E_{p | good}[x]
        grad += p @ g.x - (p[g.good] @ g.x[g.good]) / max(pg, 1e-300)
    n = max(len(groups), 1)
    return total / n + L2 * float(w @ w), grad / n + 2 * L2 * w


def fit(groups: Sequence[Group], free: Sequence[str] | None = None) -> np.ndarray:
    """Weights that maximise the likelihood of the good readings (L-BFGS, L2-penalised).

    Two stages: the features of the text (all but ``home_*``) on the plain traces, then,
    with those held, the ``home_*`` weights on the simulated newsroom's traces. So the
    model of the text never learns from the simulation, and a home the caller sets
    weighs what it adds to that model. With ``free``, only those features' weights are
    fitted; the others keep their shipped values (a new feature fitted against the model
    in use). Each free weight starts from 0 (the prior's from 1): the loss is convex, so
    the start only matters for a feature that never fires, which stays at 0.
    """
    names = FEATURES if free is None else tuple(free)
    w = np.array([weights()[f] for f in FEATURES])
    for f in names:
        w[FEATURES.index(f)] = 1.0 if f == "prior" else 0.0
    text = [f for f in names if f not in HOME_FEATURES]
    home = [f for f in names if f in HOME_FEATURES]
    if text:
        w = _fit_some(w, text, [g for g in groups if not g.home])
    if home:
        w = _fit_some(w, home, [g for g in groups if g.home])
    return w


def _fit_some(w0: np.ndarray, free: Sequence[str], groups: Sequence[Group]) -> np.ndarray:
    """``w0`` with the ``free`` features' weights fitted on ``groups``."""
    try:
        from scipy.optimize import minimize
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise SystemExit('fitting needs SciPy: pip install -e ".[fit]"') from exc
    useful = [g for g in groups if g.good.any() and not g.good.all()]
    idx = np.array([FEATURES.index(f) for f in free])

    def partial(v: np.ndarray) -> tuple[float, np.ndarray]:
        w = w0.copy()
        w[idx] = v
        loss, grad = _loss(w, useful)
        return loss, grad[idx]

    res = minimize(partial, w0[idx], jac=True, method="L-BFGS-B")
    out = w0.copy()
    out[idx] = res.x
    return out


def accuracy(w: np.ndarray, groups: Sequence[Group]) -> float:
    """The share of toponyms whose best-scored reading lies within 161 km of the gold point."""
    scored = [g for g in groups if not g.home]
    if not scored:
        return float("nan")
    return sum(bool(g.good[int(np.argmax(g.x @ w))]) for g in scored) / len(scored)


def cross_validate(groups: Sequence[Group], seed: int = 0,
                   free: Sequence[str] | None = None) -> dict[str, dict[str, float]]:
    """acc@161 of shipped and fitted weights: in sample, by corpus (leave one out), and 5 folds by document."""
    shipped = np.array([weights()[f] for f in FEATURES])
    corpora = sorted({g.corpus for g in groups})
    report: dict[str, dict[str, float]] = {}
    everything = fit(groups, free)
    for c in corpora:
        test = [g for g in groups if g.corpus == c]
        held_out = fit([g for g in groups if g.corpus != c], free)
        report[c] = {"toponyms": sum(not g.home for g in test), "shipped": accuracy(shipped, test),
                     "in_sample": accuracy(everything, test), "out_of_corpus": accuracy(held_out, test)}
    docs = sorted({(g.corpus, g.doc) for g in groups})
    random.Random(seed).shuffle(docs)
    fold_of = {d: i % 5 for i, d in enumerate(docs)}
    right = {c: 0 for c in corpora}
    for k in range(5):
        w = fit([g for g in groups if fold_of[(g.corpus, g.doc)] != k], free)
        for g in groups:
            if fold_of[(g.corpus, g.doc)] == k and not g.home:
                right[g.corpus] += bool(g.good[int(np.argmax(g.x @ w))])
    for c in corpora:
        report[c]["five_fold_by_doc"] = right[c] / report[c]["toponyms"]
    return report


def main(argv: Sequence[str] | None = None) -> int:
    global L2
    parser = argparse.ArgumentParser(prog="python -m geomap.geoparse.fit", description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="folder with the corpora (../shared/eval)")
    parser.add_argument("--write", action="store_true", help="write the weights fitted on all corpora to ranker.json")
    parser.add_argument("--l2", type=float, default=L2, help=f"L2 penalty per toponym (default {L2})")
    parser.add_argument("--free", nargs="+", choices=FEATURES, metavar="FEATURE",
                        help="fit only these features' weights, the others keeping their shipped values")
    args = parser.parse_args(argv)
    L2 = args.l2
    groups: list[Group] = []
    for name, rel in CORPORA.items():
        path = args.eval / rel
        if not path.exists():
            print(f"missing corpus: {path}", file=sys.stderr)
            return 2
        found = trace_corpus(name, path)
        print(f"{name}: {len(found)} traced toponyms", file=sys.stderr)
        groups += found
    report = cross_validate(groups, free=args.free)
    print(f"{'corpus':10} {'toponyms':>8} {'shipped':>8} {'fitted':>8} {'held-out corpus':>16} {'5-fold doc':>11}")
    for c, r in report.items():
        print(f"{c:10} {r['toponyms']:8.0f} {r['shipped']:8.3f} {r['in_sample']:8.3f} {r['out_of_corpus']:16.3f} "
              f"{r['five_fold_by_doc']:11.3f}")
    w = fit(groups, args.free)
    # Ranking is the same at any positive scale; the prior's weight is the unit, so that the
    # context a reading gets (what support and world-city checks weigh) is in the prior's terms.
    w = w / w[FEATURES.index("prior")]
    for f, v in zip(FEATURES, w):
        print(f"  {f:16} {weights()[f]:7.3f} -> {v:7.3f}")
    if args.write:
        target = Path(__file__).with_name("data") / "ranker.json"
        raw = json.loads(target.read_text(encoding="utf-8"))
        raw["weights"] = {f: round(float(v), 4) for f, v in zip(FEATURES, w)}
        raw["fitted_on"] = ", ".join(sorted(CORPORA)) + (f" (only {', '.join(args.free)})" if args.free else "")
        raw["cross_validation"] = {c: {k: round(v, 4) for k, v in r.items()} for c, r in report.items()}
        from ..io import atomic_write  # a crash mid-write must not leave a half-written weight file

        atomic_write(target, json.dumps(raw, indent=2, ensure_ascii=False) + "\n")
        print(f"wrote {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
