#!/usr/bin/env python3
"""Executes every Notebooks/*.ipynb and reports one line per notebook (make test, make notebooks).

    .venv/bin/python scripts/run-notebooks.py /abs/path/to/convmat [--in-place] [--timeout SECONDS]

Each notebook runs top to bottom in a fresh python3 kernel (ipykernel of the
Python running this script), headless, with CONVMAT set to the given binary.

- By default (make test) the runner copies the notebooks into a temporary
  folder and executes the copies there: the committed files are never opened
  for writing, and a cell that writes a file writes it into the copy's folder.
- With --in-place (make notebooks) it executes the committed notebooks in
  Notebooks/ and writes each one back with its fresh outputs, only when every
  cell ran; a notebook that fails is left as it was. Execution timestamps are
  not recorded and each cell's printed lines are joined into one output, so
  that re-running unchanged notebooks changes nothing.

A notebook fails when any cell raises. The last line is `N passed, M failed`;
the exit status is 0 when every notebook passed, 1 otherwise, 2 on bad arguments.
"""

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

NOTEBOOKS = Path(__file__).resolve().parent.parent / "Notebooks"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def kernel_manager():
    """A kernel manager for ipykernel's own python3 kernel, run by this interpreter.

    kernel_dirs=[] leaves out any 'python3' kernelspec installed in the user's or
    the system's Jupyter folders, which could point at a Python without NumPy.
    """
    specs = KernelSpecManager(kernel_dirs=[], ensure_native_kernel=True)
    return KernelManager(kernel_name="python3", kernel_spec_manager=specs)


def failing_cell(notebook):
    """(index, first source line, error output) of the cell that raised, or None."""
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                first = next((line for line in cell.source.splitlines() if line.strip()), "")
                return index, first, output
    return None


def describe_failure(notebook, error):
    """Two to four short lines: which cell, the error's name and message, the failing line(s)."""
    found = failing_cell(notebook)
    if found is None:
        message = ANSI.sub("", str(error)).strip().splitlines()
        return [f"{type(error).__name__}: {message[-1] if message else ''}".rstrip(": ")]
    index, first, output = found
    evalue = ANSI.sub("", output.get("evalue", "")).strip()
    lines = [f"cell {index + 1} ({first.strip()[:70]})", f"{output.get('ename', 'Error')}: {evalue}".rstrip(": ")]
    # IPython marks the line that raised with '---->' in each frame: the cell's own
    # frame comes first, the innermost (a helper function's) last.
    marked = [
        line.strip()
        for frame in output.get("traceback", [])
        for line in ANSI.sub("", frame).splitlines()
        if line.lstrip().startswith("---->")
    ]
    for line in dict.fromkeys(marked[:1] + marked[-1:]):
        lines.append(line.replace("---->", "at line", 1))
    return lines


def execute(path, timeout):
    """Executes the notebook at path, in its folder; returns (notebook, failure lines, or [] when it passed)."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        km=kernel_manager(),
        timeout=timeout,
        # No per-cell execution timestamps in the metadata: the outputs are committed.
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
        # ipykernel 7 warns on every start that its local TCP sockets are not
        # encrypted; cell errors reach us as outputs, not through the kernel's log.
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    )
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as error:
        return notebook, describe_failure(notebook, error)
    except RuntimeError as error:  # the kernel did not start or answer
        return notebook, [f"kernel: {type(error).__name__}: {error}"]
    return notebook, []


def coalesce_streams(notebook):
    """Joins each cell's consecutive stdout (or stderr) outputs into one.

    How a cell's prints are cut into stream messages depends on timing (a print
    before a subprocess call arrives on its own); joined, the outputs are the
    same on every run.
    """
    for cell in notebook.cells:
        joined = []
        for output in cell.get("outputs", []):
            previous = joined[-1] if joined else None
            if (
                previous is not None
                and output.get("output_type") == previous.get("output_type") == "stream"
                and output.get("name") == previous.get("name")
            ):
                previous["text"] += output["text"]
            else:
                joined.append(output)
        if "outputs" in cell:
            cell.outputs = joined


def run(path, timeout, in_place, scratch):
    """Runs one notebook (a copy in scratch, or the file itself); returns (passed, seconds, failure lines)."""
    start = time.monotonic()
    if in_place:
        notebook, failure = execute(path, timeout)
        if not failure:
            coalesce_streams(notebook)
            nbformat.validate(notebook)
            nbformat.write(notebook, path)
    else:
        folder = Path(scratch, path.stem)
        folder.mkdir()
        copy = Path(shutil.copy2(path, folder))
        _, failure = execute(copy, timeout)
    return not failure, time.monotonic() - start, failure


def main():
    parser = argparse.ArgumentParser(description="Execute Notebooks/*.ipynb against a convmat binary.")
    parser.add_argument("convmat", help="path to the built convmat binary (made absolute)")
    parser.add_argument(
        "--in-place", action="store_true", help="execute the committed notebooks and write their outputs back"
    )
    parser.add_argument("--timeout", type=int, default=120, help="seconds allowed per cell (default 120)")
    arguments = parser.parse_args()

    binary = Path(arguments.convmat).resolve()
    if not (binary.is_file() and os.access(binary, os.X_OK)):
        print(f"run-notebooks: error: no executable convmat at {binary}; run `swift build` first", file=sys.stderr)
        return 2
    notebooks = sorted(NOTEBOOKS.glob("*.ipynb"))
    if not notebooks:
        print(f"run-notebooks: error: no notebooks in {NOTEBOOKS}", file=sys.stderr)
        return 2

    # The kernels inherit this environment: CONVMAT for the notebooks, and no
    # debugger warning about Python's frozen modules on every kernel start.
    os.environ["CONVMAT"] = str(binary)
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")

    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="convmat-notebooks-") as scratch:
        for path in notebooks:
            ok, seconds, failure = run(path, arguments.timeout, arguments.in_place, scratch)
            print(f"notebook {path.name}: {'ok' if ok else 'FAILED'} ({seconds:.1f} s)", flush=True)
            for line in failure:
                print(f"  {line}", flush=True)
            passed, failed = passed + ok, failed + (not ok)
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
