"""bench/interactive.py: how fast a cell answers in Jupyter, measured through the kernel protocol (jupyter_client).

Usage: /usr/bin/python3 bench/interactive.py NOTEBOOK_FOLDER [ROUNDS]
(bench/interactive.ts runs it with the project's JUPYTER_PATH and CASPIAN_CACHE_DIR: `npm run bench:interactive`).

Starts the project's tslab kernel in NOTEBOOK_FOLDER as Jupyter does (no runner), then sends, in order:
  1. the first cell: imports caspian-lab and loads the data for a focal state (what every notebook does first);
  2. ROUNDS typical analysis cells (default 6), each new code (a token of this run makes it so: nothing comes from
     the compile cache): call one indicator and show one figure, or build one table;
  3. Kernel → Restart, then Run All: the same cells again in the same order (their compiled form now comes from the
     cell cache, runner/kernel-cell-cache.js).
Each time is from sending execute_request to the kernel's execute_reply and its iopub `idle`: what a user waits for.
  4. Restart again, wait 3 s (a user reading), then a first cell and two later cells that are new code.
Prints one JSON object: milliseconds for the kernel start, the first cell and each later cell, then the same after
the restart, and after the pause.
"""
import json
import os
import sys
import time
import uuid

import jupyter_client

TOKEN = uuid.uuid4().hex[:8]

FIRST = """import * as cl from "caspian-lab";
import * as rp from "caspian-lab/notebook";
const nb = rp.notebook({ focal: "AZE", asOf: "" }, { quiet: true });
// run %s
""" % TOKEN

# Typical analysis cells: one indicator, one figure or table. Names carry the round number so that each is new code.
TYPICAL = [
    """const series{i} = cl.corridorSeries(nb.pkg.corridorFlows, {{ route: "titr", scope: "whole_route", metric: "cargo",
  ids: ["titr-whole-2021-cargo", "titr-whole-2022-cargo", "titr-whole-2023-cargo", "titr-whole-2024-cargo"], label: "Cargo" }});
const growth{i} = cl.seriesCagr(series{i});
nb.say(cl.md`Growth {token}-{i}: ${{growth{i} ? growth{i}.value.toFixed(1) + " %" : "not defined"}}`);
cl.show(cl.timeSeriesFigure(series{i}, nb.options({{ title: "Cargo on the whole route ({i})" }})));""",
    """const em{i} = rp.embeddedness(nb.pkg, nb.focal, nb.asOf);
nb.table("orgs-{token}-{i}", rp.organisationTable(em{i}), {{ empty: "No organisation on this date ({i})." }});""",
    """const matrix{i} = cl.membershipMatrix(cl.membershipIndex(nb.pkg.memberships, nb.pkg.organizations), nb.asOf);
const overlap{i} = cl.overlapMatrix(matrix{i});
nb.say(cl.md`${{overlap{i}.states.length}} states compared ({token}-{i}).`);""",
]


def run(kc, code, timeout=120):
    """Milliseconds from execute_request to its reply and iopub idle; raises on an error in the cell."""
    t0 = time.monotonic()
    msg_id = kc.execute(code)
    reply = None
    idle = False
    errors = []
    while reply is None or not idle:
        if reply is None:
            try:
                msg = kc.get_shell_msg(timeout=0.005)
                if msg["parent_header"].get("msg_id") == msg_id:
                    reply = msg
            except Exception:
                pass
        try:
            while True:
                msg = kc.get_iopub_msg(timeout=0.005)
                if msg["parent_header"].get("msg_id") != msg_id:
                    continue
                if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                    idle = True
                elif msg["msg_type"] == "stream" and msg["content"].get("name") == "stderr":
                    errors.append(msg["content"]["text"])
                elif msg["msg_type"] == "error":
                    errors.append(msg["content"].get("evalue", ""))
        except Exception:
            pass
        if time.monotonic() - t0 > timeout:
            raise TimeoutError("cell did not answer in %d s" % timeout)
    ms = (time.monotonic() - t0) * 1000
    if reply["content"]["status"] != "ok" or errors:
        raise RuntimeError("cell failed: %s\n%s" % ("".join(errors)[:2000], code))
    return round(ms)


def session(km, cells):
    """Waits for the kernel, runs the cells in order; returns the kernel start and each cell's milliseconds."""
    t0 = time.monotonic()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        start = round((time.monotonic() - t0) * 1000)
        return start, [run(kc, code) for code in cells]
    finally:
        kc.stop_channels()


def main():
    folder = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 6
    cells = [FIRST] + [TYPICAL[i % len(TYPICAL)].format(i=i, token=TOKEN) for i in range(rounds)]
    km = jupyter_client.KernelManager(kernel_name="tslab")
    t0 = time.monotonic()
    km.start_kernel(cwd=folder)
    launch = round((time.monotonic() - t0) * 1000)
    try:
        ready, times = session(km, cells)
        t1 = time.monotonic()
        km.restart_kernel(now=True)
        relaunch = round((time.monotonic() - t1) * 1000)
        ready_again, again = session(km, cells)
        # a user who reads for a few seconds before writing a first cell of their own: the kernel has built its
        # TypeScript program meanwhile (runner/kernel-cell-cache.js, CASPIAN_CELL_WARM)
        km.restart_kernel(now=True)
        fresh = [FIRST.replace(TOKEN, TOKEN + "-later")] + [c.replace(TOKEN, TOKEN + "x") for c in cells[1:3]]
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=60)
            time.sleep(3)
            after_pause = [run(kc, code) for code in fresh]
        finally:
            kc.stop_channels()
    finally:
        km.shutdown_kernel(now=True)
    print(json.dumps({"kernel_start": launch + ready, "first": times[0], "later": times[1:],
                      "restart": relaunch + ready_again, "first_again": again[0], "later_again": again[1:],
                      "first_after_pause": after_pause[0], "later_after_pause": after_pause[1:]}))


if __name__ == "__main__":
    main()
