"""bench/indicators_pandas.py: the computation of bench/indicators.ts in pandas + numpy, on the same rows.

Usage: python3 bench/indicators_pandas.py MEMBERSHIPS.csv FIRST_YEAR LAST_YEAR [RUNS]
Prints one JSON object: timings in milliseconds (the fastest of RUNS runs, default 1), checksums, versions.

Same rules as lib/indicators/memberships: a partial date counts from its first day (2018 -> 2018-01-01); a row holds on day d
when start(since) <= d < start(until); "as of YEAR" is YEAR-12-31; where rows of one pair overlap, the
latest-starting row wins (the later row on a tie); the statuses kept are the standing ties (ANY_TIE).
Betweenness: Brandes on the unweighted state-state graph, all sources at once in matrix form, normalised like
graphology-metrics (sum over ordered pairs divided by (n - 1)(n - 2)).
"""
import json
import platform
import sys
import time

import numpy as np
import pandas as pd

ANY_TIE = ["founding_member", "member", "associate", "observer", "dialogue_partner", "partner"]
STATUSES = ["founding_member", "member", "associate", "observer", "dialogue_partner", "partner", "applicant", "former", "suspended"]


def day_number(col: pd.Series) -> np.ndarray:
    """YYYY, YYYY-MM or YYYY-MM-DD -> YYYYMMDD of the first day (NaN stays +inf)."""
    s = col.fillna("")
    y = pd.to_numeric(s.str.slice(0, 4), errors="coerce")
    m = pd.to_numeric(s.str.slice(5, 7), errors="coerce").fillna(1)
    d = pd.to_numeric(s.str.slice(8, 10), errors="coerce").fillna(1)
    out = (y * 10000 + m * 100 + d).to_numpy(dtype=float)
    out[np.isnan(out)] = np.inf
    return out


def betweenness(adj: np.ndarray) -> np.ndarray:
    """Normalised betweenness of an undirected, unweighted graph given by a boolean adjacency matrix."""
    n = adj.shape[0]
    a = adj.astype(np.float64)
    sigma = np.eye(n)
    visited = np.eye(n, dtype=bool)
    frontier = np.eye(n, dtype=bool)
    levels = [frontier]
    while frontier.any():
        counts = (sigma * frontier) @ a
        new = (counts > 0) & ~visited
        sigma = sigma + counts * new
        visited |= new
        frontier = new
        if frontier.any():
            levels.append(frontier)
    delta = np.zeros((n, n))
    for lev in range(len(levels) - 1, 1, -1):
        w = levels[lev]
        coef = np.where(w, (1.0 + delta) / np.where(w, sigma, 1.0), 0.0)
        delta += sigma * (coef @ a) * levels[lev - 1]
    bc = delta.sum(axis=0)
    return bc / ((n - 1) * (n - 2)) if n > 2 else bc


def main() -> None:
    path, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    best = None
    for _ in range(max(1, runs)):
        result = once(path, first, last)
        if best is None or result["ms"]["total"] < best["ms"]["total"]:
            best = result
    best["versions"] = {"python": platform.python_version(), "pandas": pd.__version__, "numpy": np.__version__}
    print(json.dumps(best))


def once(path: str, first: int, last: int) -> dict:
    t0 = time.perf_counter()
    df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    t1 = time.perf_counter()
    states = np.array(sorted(df["state"].unique()))
    orgs = np.array(sorted(df["org"].unique()))
    n, m = len(states), len(orgs)
    frm = day_number(df["since"])
    to = day_number(df["until"])
    si = np.searchsorted(states, df["state"].to_numpy())
    oi = np.searchsorted(orgs, df["org"].to_numpy())
    tie = df["status"].isin(ANY_TIE).to_numpy()
    rowno = np.arange(len(df))
    t2 = time.perf_counter()
    ms = {"read_csv": (t1 - t0) * 1000, "prepare": (t2 - t1) * 1000, "matrix": 0.0, "overlap": 0.0, "centrality": 0.0}
    sums = {"cells": 0, "shared": 0, "jaccard": 0.0, "edges": 0, "degree": 0, "betweenness": 0.0}
    iu = np.triu_indices(n, 1)
    for year in range(first, last + 1):
        a0 = time.perf_counter()
        day = year * 10000 + 1231
        held = pd.DataFrame({"s": si, "o": oi, "frm": frm, "row": rowno, "tie": tie})[(frm <= day) & (day < to)]
        held = held.sort_values(["s", "o", "frm", "row"]).drop_duplicates(["s", "o"], keep="last")
        held = held[held["tie"]]
        inc = np.zeros((n, m), dtype=np.float64)
        inc[held["s"].to_numpy(), held["o"].to_numpy()] = 1.0
        a1 = time.perf_counter()
        shared = inc @ inc.T
        sizes = np.diag(shared)
        union = sizes[:, None] + sizes[None, :] - shared
        with np.errstate(invalid="ignore", divide="ignore"):
            jac = np.where(union > 0, shared / np.where(union > 0, union, 1), np.nan)
        a2 = time.perf_counter()
        adj = shared >= 1
        np.fill_diagonal(adj, False)
        degree = adj.sum(axis=1)
        bc = betweenness(adj)
        a3 = time.perf_counter()
        ms["matrix"] += (a1 - a0) * 1000
        ms["overlap"] += (a2 - a1) * 1000
        ms["centrality"] += (a3 - a2) * 1000
        sums["cells"] += int(len(held))
        sums["shared"] += int(shared[iu].sum())
        sums["jaccard"] += float(np.nansum(jac[iu]))
        sums["edges"] += int(adj[iu].sum())
        sums["degree"] += int(degree.sum())
        sums["betweenness"] += float(bc.sum())
    ms["total"] = ms["prepare"] + ms["matrix"] + ms["overlap"] + ms["centrality"]
    return {"ms": ms, "sums": sums}


if __name__ == "__main__":
    main()
