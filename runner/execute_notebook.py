"""Execute one notebook on the tslab kernel with nbclient; write the executed .ipynb and an HTML version.

Called by the Node runner (runner/cli.ts) as:
    /usr/bin/python3 runner/execute_notebook.py <job.json>
job.json: {"notebook", "out_ipynb", "out_html", "timeout", "kernel", "parameters": {name: json value} | null, "cwd",
           "allow_errors": false (true: a failing cell does not stop the run; `npm run grade` uses it)}
Progress goes to stdout as one JSON object per line, so the Node side can print which notebook and cell runs.
Exit code 0 = success, 1 = a cell failed (a JSON "error" event says which), 2 = the runner itself failed.
"""
import time

STARTED = time.monotonic()  # before the imports: the phases of a run start here

import json
import os
import re
import sys
import warnings

warnings.filterwarnings("ignore", category=Warning, module="nbformat")

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

IMPORTED = time.monotonic()


def emit(event, **fields):
    fields["event"] = event
    sys.stdout.write(json.dumps(fields) + "\n")
    sys.stdout.flush()


def atomic_write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = "%s.tmp-%d" % (path, os.getpid())
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def cell_tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def js_literal(value):
    """JSON as a TypeScript literal: U+2028/U+2029, which JSON leaves raw, end a line inside a TypeScript string."""
    return json.dumps(value, ensure_ascii=False).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def declares(source, name):
    return re.search(r"\blet\s+%s\b" % re.escape(name), source) is not None


def injected_cell(name_values, declared, tag):
    """A cell that assigns (not re-declares) each value, so the declared types still hold."""
    lines = ["// Parameters injected by the Caspian Lab runner"]
    for name, value in name_values:
        # `-p asOf=2021` arrives as a number; a parameter declared with a string literal gets a string.
        if not isinstance(value, str) and re.search(r"\blet\s+%s\s*(:\s*string\s*)?=\s*[\"'`]" % re.escape(name), declared):
            value = value if value is None else json.dumps(value) if isinstance(value, (list, dict)) else str(value)
        lines.append("%s = %s;" % (name, js_literal(value)))
    # the cell's value is nothing, so the page does not print the last parameter's value as an output
    lines.append("void 0;")
    cell = nbformat.v4.new_code_cell("\n".join(lines))
    cell.metadata["tags"] = [tag]
    return cell


def inject_parameters(nb, parameters, notebook):
    """Papermill convention: a new cell tagged `injected-parameters` right after the `parameters` cell. A name that
    a cell tagged `answer` declares instead (a workbook's `let answer1 = null;`) is set in a cell tagged
    `injected-answer` right after that answer cell, so `-p answer1=-8.1` answers exercise 1."""
    if not parameters:
        return
    for name in parameters:
        if not name.isidentifier():
            raise ValueError("%s: parameter name %r is not an identifier" % (notebook, name))
    index = next((i for i, c in enumerate(nb.cells) if "parameters" in cell_tags(c)), None)
    answers = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "answer" in cell_tags(c)]
    declared = nb.cells[index].source if index is not None else ""
    placed = {}  # cell index -> [(name, value)]
    for name, value in parameters.items():
        if index is not None and declares(declared, name):
            placed.setdefault(index, []).append((name, value))
            continue
        owner = next((i for i in answers if declares(nb.cells[i].source, name)), None)
        if owner is None:
            if index is None and not answers:
                raise ValueError("%s: parameters were given but no cell is tagged `parameters`" % notebook)
            raise ValueError(
                "%s: unknown parameter %r: the `parameters` cell (or an answer cell) must declare it with `let %s = ...`"
                % (notebook, name, name))
        placed.setdefault(owner, []).append((name, value))
    # insert from the last cell up, so earlier indices stay valid
    for i in sorted(placed, reverse=True):
        tag = "injected-parameters" if i == index else "injected-answer"
        cell = injected_cell(placed[i], nb.cells[i].source, tag)
        cell["id"] = tag if i == index else "injected-answer-%d" % i
        nb.cells.insert(i + 1, cell)
    nb.metadata["caspian"] = dict(nb.metadata.get("caspian", {}), parameters=parameters)


OUTPUT_CAP = 10 * 1024 * 1024  # bytes of output one cell keeps in the executed notebook and its HTML version


def output_size(output):
    return len(json.dumps(output, ensure_ascii=False).encode("utf-8"))


def cap_outputs(nb, limit=OUTPUT_CAP):
    """Keeps at most `limit` bytes of output per cell, in order: the stream that crosses the limit is cut, later
    outputs are dropped (error outputs are always kept), and a note on stderr says what was cut."""
    for cell in nb.cells:
        outputs = cell.get("outputs") or []
        sizes = [output_size(o) for o in outputs]
        if sum(sizes) <= limit:
            continue
        kept, used = [], 0
        for output, size in zip(outputs, sizes):
            if output.get("output_type") == "error" or used + size <= limit:
                kept.append(output)
                used += size
            elif output.get("output_type") == "stream" and used < limit:
                text = "".join(output.get("text", ""))
                output["text"] = text.encode("utf-8")[:limit - used].decode("utf-8", "ignore")
                kept.append(output)
                used = limit
            else:
                used = limit
        kept.append(nbformat.v4.new_output("stream", name="stderr", text=(
            "\n[Caspian Lab runner] the output of this cell was cut at %d MB: it printed %.1f MB; "
            "write large results to a file instead\n" % (limit // (1024 * 1024), sum(sizes) / (1024 * 1024)))))
        cell.outputs = kept


KERNEL_HINT = ("the kernel did not answer in %d s; offline? under `unshare -n` bring loopback up: "
               "unshare -n sh -c 'ip link set lo up && npm start'")


def kernel_startup_timeout():
    """Seconds to wait for the kernel to answer: 60, or CASPIAN_KERNEL_STARTUP_TIMEOUT (tests)."""
    try:
        return max(1, int(os.environ.get("CASPIAN_KERNEL_STARTUP_TIMEOUT", "60")))
    except ValueError:
        return 60


class RunnerClient(NotebookClient):
    """nbclient's client, with the kernel_info request (no cell) bounded by startup_timeout, not the cell timeout."""

    def _get_timeout(self, cell):
        return self.startup_timeout if cell is None else super()._get_timeout(cell)

    async def _async_handle_timeout(self, timeout, cell=None):
        if cell is None:
            raise TimeoutError("Kernel didn't respond to kernel_info in %d seconds" % timeout)
        return await super()._async_handle_timeout(timeout, cell)


TYPE_ERROR = re.compile(r"^\d+:\d+ - ")


def error_text(cell):
    """The useful part of a failed tslab cell's stderr: compiler diagnostics, or the error line of a throw."""
    text = "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("name") == "stderr")
    if not text:
        text = "\n".join("%s: %s" % (o.get("ename"), o.get("evalue")) for o in cell.get("outputs", [])
                         if o.get("output_type") == "error")
    lines = [l.rstrip() for l in text.splitlines()]
    diagnostics = [l for l in lines if TYPE_ERROR.match(l)]
    if diagnostics:
        return "\n".join(diagnostics[:10])
    for i, line in enumerate(lines):
        if re.match(r"^([A-Za-z_$][\w$]*)?(Error|Exception)\b", line):
            # the error line, and the indented detail lines after it (a DataError lists every problem)
            detail = [line]
            for more in lines[i + 1:]:
                if not more.startswith("  ") or more.lstrip().startswith("at "):
                    break
                detail.append(more)
            return "\n".join(detail[:25])
    return "\n".join(l for l in lines if l.strip())[:2000]


def parse_time(text):
    from datetime import datetime
    return datetime.strptime(text.rstrip("Z"), "%Y-%m-%dT%H:%M:%S.%f")


def cell_timings(nb, number):
    """Per-cell wall time from nbclient's iopub busy/idle timestamps (record_timing=True)."""
    out = []
    for index, cell in enumerate(nb.cells):
        t = cell.get("metadata", {}).get("execution", {})
        if cell.cell_type != "code" or "iopub.status.busy" not in t or "iopub.status.idle" not in t:
            continue
        ms = int((parse_time(t["iopub.status.idle"]) - parse_time(t["iopub.status.busy"])).total_seconds() * 1000)
        out.append({"cell": number[index], "ms": ms, "source": first_line(cell.source)})
    return out


def first_line(source):
    for line in source.splitlines():
        if line.strip():
            return line.strip()[:100]
    return ""


def cache_validators():
    """nbformat 5.5 compiles a new JSON-schema validator each time a notebook is validated with relaxed
    properties, and nbconvert validates after each of its preprocessors: 11 compilations, about 0.35 s a page. Keep
    each validator once compiled (the same schema gives the same validator)."""
    import functools
    import nbformat.validator as validator
    if getattr(validator.get_validator, "cache_info", None) is not None:
        return
    validator.get_validator = functools.lru_cache(maxsize=None)(validator.get_validator)


def write_html(nb, path):
    from nbconvert import HTMLExporter
    cache_validators()
    exporter = HTMLExporter(template_name="lab")
    # No CDN: the lab template would fetch require.js and MathJax from the network.
    exporter.require_js_url = ""
    exporter.mathjax_url = ""
    body, _ = exporter.from_notebook_node(nb)
    atomic_write(path, body)


def kernel_pid(client):
    """The pid of the kernel process nbclient started, or None before it started (jupyter_client 7: provisioner)."""
    km = getattr(client, "km", None)
    provisioner = getattr(km, "provisioner", None)
    process = getattr(provisioner, "process", None) if provisioner is not None else getattr(km, "kernel", None)
    return getattr(process, "pid", None)


def stop_kernel(client):
    """Stops the kernel and everything it started: jupyter_client puts it in a session (process group) of its own,
    which a kill of the main job's group misses. SIGTERM first (Playwright's handlers close a browser), then SIGKILL."""
    import signal
    pid = kernel_pid(client)
    if not pid:
        return
    try:
        leader = os.getpgid(pid) == pid  # then its group outlives it while a child of it runs
    except ProcessLookupError:
        return
    def kill(sig):
        try:
            if leader:
                os.killpg(pid, sig)
            else:
                os.kill(pid, sig)
        except (ProcessLookupError, PermissionError):
            pass
    kill(signal.SIGTERM)
    deadline = time.monotonic() + 1.5
    while time.monotonic() < deadline:
        try:
            if os.waitpid(pid, os.WNOHANG)[0] == pid:
                break
        except ChildProcessError:
            break
        time.sleep(0.05)
    kill(signal.SIGKILL)


def watch_parent(client):
    """No orphan kernels: when the Node runner that started this worker dies (its pid is no longer our parent), or
    this worker gets SIGTERM/SIGINT/SIGHUP, stop the kernel and exit at once (the cache then re-runs the notebook)."""
    import signal
    import threading
    parent = os.getppid()

    def die(code):
        stop_kernel(client)
        try:  # the connection file (it holds the kernel's key) would be left in the temporary folder
            os.remove(client.km.connection_file)
        except Exception:
            pass
        os._exit(code)

    def on_signal(signum, _frame):
        die(128 + signum)

    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, on_signal)

    def poll():
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                die(3)

    threading.Thread(target=poll, name="caspian-parent-watch", daemon=True).start()


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        job = json.load(f)
    notebook = job["notebook"]
    nb = nbformat.read(notebook, as_version=4)
    inject_parameters(nb, job.get("parameters"), os.path.basename(notebook))

    code_cells = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    total = len(code_cells)
    number = {idx: n + 1 for n, idx in enumerate(code_cells)}
    timings = {}

    startup_timeout = kernel_startup_timeout()
    client = RunnerClient(
        nb,
        startup_timeout=startup_timeout,
        timeout=job.get("timeout", 300),
        kernel_name=job.get("kernel", "tslab"),
        resources={"metadata": {"path": job["cwd"]}},
        record_timing=True,
        allow_errors=bool(job.get("allow_errors", False)),
    )

    def on_cell_start(cell, cell_index):
        if cell.cell_type == "code":
            timings[cell_index] = time.monotonic()
            emit("cell_start", cell=number[cell_index], total=total, index=cell_index, source=first_line(cell.source))

    def on_cell_complete(cell, cell_index):
        marks["cells_done"] = time.monotonic()
        if cell.cell_type == "code":
            emit("cell_done", cell=number[cell_index], total=total, index=cell_index)

    def on_cell_error(cell, cell_index, execute_reply):
        # tslab cancels every request that reaches it within 200 ms of a failed cell (tslab issue #19); with
        # allow_errors the next cell must wait that long, or it would be "aborted" without running.
        if client.allow_errors:
            time.sleep(0.25)

    marks = {"imports": IMPORTED}

    def on_notebook_start(**_):
        marks.setdefault("kernel_ready", time.monotonic())

    def on_notebook_end(**_):
        marks.setdefault("kernel_stopped", time.monotonic())

    client.on_cell_start = on_cell_start
    client.on_cell_complete = on_cell_complete
    client.on_cell_error = on_cell_error
    client.on_notebook_start = on_notebook_start
    client.on_notebook_complete = on_notebook_end
    client.on_notebook_error = on_notebook_end
    watch_parent(client)

    failure = None
    started = time.monotonic()
    import nbclient, nbconvert, jupyter_client, platform
    emit("start", total=total, versions={
        "python": platform.python_version(), "nbclient": nbclient.__version__,
        "nbconvert": nbconvert.__version__, "jupyter_client": jupyter_client.__version__})
    try:
        client.execute()
    except CellExecutionError as err:
        failure = {"ename": err.ename, "evalue": err.evalue, "traceback": str(err)}
    except CellTimeoutError as err:
        failure = {"ename": "CellTimeoutError", "evalue": str(err).splitlines()[0], "traceback": str(err)}
    except DeadKernelError as err:
        failure = {"ename": "DeadKernelError", "evalue": str(err), "traceback": str(err)}
    except (RuntimeError, TimeoutError) as err:
        if timings or "respond" not in str(err):
            raise
        emit("fatal", message=KERNEL_HINT % startup_timeout)  # no cell ran: the kernel never answered
        return 2

    if failure is not None:
        # The failing cell is the last one that started.
        failed_index = max(timings) if timings else None
        failure["cell"] = number.get(failed_index)
        failure["index"] = failed_index
        failure["source"] = nb.cells[failed_index].source if failed_index is not None else ""
        # tslab reports errors on stderr and leaves ename/evalue empty; the stderr text is the message.
        detail = error_text(nb.cells[failed_index]) if failed_index is not None else ""
        if detail:
            failure["evalue"] = detail
            if failure["ename"] in ("<Error>", "", None):
                failure["ename"] = "CompileError" if TYPE_ERROR.match(detail) else "Error"

    marks.setdefault("kernel_stopped", time.monotonic())
    cap_outputs(nb)
    atomic_write(job["out_ipynb"], nbformat.writes(nb))
    marks["ipynb_written"] = time.monotonic()
    if job.get("out_html"):
        write_html(nb, job["out_html"])
    marks["html_written"] = time.monotonic()
    cells = cell_timings(nb, number)
    if failure is not None:
        emit("error", cells=cells, **failure)
        return 1
    emit("done", ms=int((time.monotonic() - started) * 1000), cells=cells, phases=phases(marks))
    return 0


def phases(marks):
    """Milliseconds of each phase of the run, in order: Python imports, kernel start (until it answered
    kernel_info), the cells, the kernel's shutdown, writing the .ipynb, rendering the HTML page (nbconvert)."""
    order = [("imports", STARTED, "imports"), ("kernel_start", "imports", "kernel_ready"),
             ("cells", "kernel_ready", "cells_done"), ("kernel_stop", "cells_done", "kernel_stopped"),
             ("write_ipynb", "kernel_stopped", "ipynb_written"), ("html", "ipynb_written", "html_written")]
    out = {}
    for name, a, b in order:
        start = a if isinstance(a, float) else marks.get(a)
        end = marks.get(b)
        if start is not None and end is not None:
            out[name] = round((end - start) * 1000)
    return out


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as err:  # the runner's own failure, not a cell's
        emit("fatal", message="%s: %s" % (type(err).__name__, err))
        sys.exit(2)
