"""bench/indicators_numpy.py: the membership stage of bench/indicators.ts in plain numpy, on the same rows.

Usage: /usr/bin/python3 bench/indicators_numpy.py MEMBERSHIPS.csv FIRST_YEAR LAST_YEAR [RUNS]
Prints one JSON object: timings in milliseconds (the stage: fastest of RUNS runs, default 1), checksums, versions.

The membership stage, for every year end: the state x organisation incidence matrix as of YEAR-12-31 (any standing
tie), the organisations shared by every pair of states (a matrix product, inc @ inc.T) and their Jaccard indices.
Same rules as lib/indicators/memberships: a partial date counts from its first day (2018 -> 2018-01-01); a row holds on
day d when start(since) <= d < start(until); where rows of one pair overlap, the latest-starting row wins (the later
row on a tie), and the cell is empty unless that row's status is a standing tie (ANY_TIE).
No pandas: the rows are read with the csv module, sorted once by (pair, start, row), and every year is a boolean mask
over the sorted rows, the last held row of each pair, and a scatter into the incidence matrix. The one sort is part of
the stage's time (the TypeScript side prepares its own lookup tables on the first matrix, inside its time).
"""
import csv
import json
import platform
import sys
import time

import numpy as np

ANY_TIE = {"founding_member", "member", "associate", "observer", "dialogue_partner", "partner"}


def day_number(date: str) -> float:
    """YYYY, YYYY-MM or YYYY-MM-DD -> YYYYMMDD of the first day; an empty date is +inf (open)."""
    if not date:
        return np.inf
    y = int(date[0:4])
    m = int(date[5:7]) if len(date) >= 7 else 1
    d = int(date[8:10]) if len(date) >= 10 else 1
    return float(y * 10000 + m * 100 + d)


def read(path: str) -> dict:
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    states = sorted({r["state"] for r in rows})
    orgs = sorted({r["org"] for r in rows})
    s_ix = {s: i for i, s in enumerate(states)}
    o_ix = {o: i for i, o in enumerate(orgs)}
    return {
        "n": len(states),
        "m": len(orgs),
        "si": np.array([s_ix[r["state"]] for r in rows], dtype=np.int64),
        "oi": np.array([o_ix[r["org"]] for r in rows], dtype=np.int64),
        "frm": np.array([day_number(r["since"]) for r in rows], dtype=np.float64),
        "to": np.array([day_number(r["until"]) for r in rows], dtype=np.float64),
        "tie": np.array([r["status"] in ANY_TIE for r in rows], dtype=bool),
    }


def stage(w: dict, first: int, last: int, keep: list | None = None) -> float:
    """Runs the stage for every year end; returns its time in ms. With `keep`, appends each year's results to it."""
    n, m = w["n"], w["m"]
    t0 = time.perf_counter()
    order = np.lexsort((np.arange(len(w["frm"])), w["frm"], w["oi"], w["si"]))  # by pair, then start, then row
    pair = (w["si"] * m + w["oi"])[order]
    frm, to, tie = w["frm"][order], w["to"][order], w["tie"][order]
    for year in range(first, last + 1):
        day = year * 10000 + 1231
        held = np.flatnonzero((frm <= day) & (day < to))
        p = pair[held]
        last_of_pair = np.empty(len(held), dtype=bool)
        last_of_pair[:-1] = p[1:] != p[:-1]
        last_of_pair[-1:] = True
        won = held[last_of_pair]
        cells = pair[won[tie[won]]]
        inc = np.zeros(n * m, dtype=np.float64)
        inc[cells] = 1.0
        inc = inc.reshape(n, m)
        shared = inc @ inc.T
        sizes = np.diag(shared)
        union = sizes[:, None] + sizes[None, :] - shared
        with np.errstate(invalid="ignore", divide="ignore"):
            jac = np.where(union > 0, shared / np.where(union > 0, union, 1), np.nan)
        if keep is not None:
            keep.append((len(cells), shared, jac))
    return (time.perf_counter() - t0) * 1000


def main() -> None:
    path, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    t0 = time.perf_counter()
    w = read(path)
    read_ms = (time.perf_counter() - t0) * 1000
    best = min(stage(w, first, last) for _ in range(max(1, runs)))
    years: list = []
    stage(w, first, last, years)  # once more for the checksums, outside the timings
    iu = np.triu_indices(w["n"], 1)
    sums = {
        "cells": int(sum(c for c, _, _ in years)),
        "shared": int(sum(int(s[iu].sum()) for _, s, _ in years)),
        "jaccard": float(sum(float(np.nansum(j[iu])) for _, _, j in years)),
    }
    versions = {"python": platform.python_version(), "numpy": np.__version__}
    print(json.dumps({"ms": {"read": read_ms, "stage": best}, "sums": sums, "versions": versions}))


if __name__ == "__main__":
    main()
