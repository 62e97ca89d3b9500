"""Running convmat on one input, and classifying what happened.

Classes (docs/fuzzing.md):
  ok            exit 0 with empty stderr; exit 2 with one contract line and empty stdout
  check-failed  exit 1 with one `convmat: check failed: ` line: the checker says the
                matrix form is wrong, which a correct library never is
  bad-contract  any other exit status or stderr shape (several lines, no FIELD, a
                FIELD that is not a name, a budget field spelt max_memory for
                --max-memory, stdout on error)
  signal        killed by a signal (a Swift trap is SIGILL or SIGTRAP)
  timeout       still running after --timeout seconds; the process group is killed
  over-budget   peak RSS above the trivial run's by more than --max-memory + 16 MiB
  stray-file    a file left behind: a temporary file, or an output after an error
  clobbered     a device node of the run directory replaced by a regular file

A stream case runs a seed that prints to stdout with stdout closed (`>&-`) or on
/dev/full (`>/dev/full`, opened by the shell, never renamed over): it must exit 2 with
one contract line, since the output is lost.
"""

import os
import re
import resource
import selectors
import signal
import stat
import subprocess
import time

import fuzzcase

ERROR_LINE = re.compile(r"^convmat: error: ([^:\s][^:]*?): (\S.*)$")
FIELD_NAME = re.compile(r"^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*$")
CHECK_LINE = re.compile(r"^convmat: check failed: \S.*$")
BUDGET_SLACK = 16 << 20
KEEP_BYTES = 4096
KEEP_STDERR_BYTES = 1 << 20
TAKES_MAX_MEMORY = {"show", "check", "spectrum", "invert"}
SIZE = re.compile(r"^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)(TIB|GIB|MIB|KIB|TB|GB|MB|KB|T|G|M|K|B)?$", re.I)
SCALE = {"": 1, "B": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}


class Outcome:
    def __init__(self, argv, status, signal_number, timed_out, capped, peak_bytes, stdout, stdout_size, stderr, seconds):
        self.argv = argv
        self.status = status
        self.signal_number = signal_number
        self.timed_out = timed_out
        self.capped = capped
        self.peak_bytes = peak_bytes
        self.stdout = stdout
        self.stdout_size = stdout_size
        self.stderr = stderr
        self.seconds = seconds
        self.stderr_lines = stderr.count(b"\n")
        self.kind = "ok"
        self.detail = ""


def memory_limit(argv):
    """The bytes of the last --max-memory, as convmat reads SIZE; None if not a size."""
    value = None
    for index, word in enumerate(argv):
        if word == "--max-memory" and index + 1 < len(argv):
            value = argv[index + 1]
        elif word.startswith("--max-memory="):
            value = word.partition("=")[2]
    match = SIZE.match(value) if value is not None else None
    if not match:
        return None
    try:
        bytes_ = float(match.group(1)) * SCALE[(match.group(2) or "").upper()[:1]]
    except (OverflowError, ValueError):
        return None
    return int(bytes_) if 0 < bytes_ < 2.0**62 else None


STREAMS = {"closed": ">&-", "full": ">/dev/full"}


def split_stream(argv):
    """A line may end in `>&-` or `>/dev/full`: (the stream's name or None, the argv)."""
    for name, redirect in STREAMS.items():
        if argv and argv[-1] == redirect:
            return name, argv[:-1]
    return None, argv


def command(binary, argv, stream):
    """convmat's argv; for a stream case behind `sh -c 'exec ... >&-'` (same process)."""
    if stream is None:
        return [binary] + argv
    return ["/bin/sh", "-c", f'exec "$0" "$@" {STREAMS[stream]}', binary] + argv


def run(binary, argv, directory, timeout, hard_cap, stream=None):
    """Runs convmat once in `directory`; never hangs, never reads unbounded output."""
    env = {key: value for key, value in os.environ.items() if key != "COLUMNS"}
    env["NO_COLOR"] = "1"
    started = time.monotonic()
    child = subprocess.Popen(
        command(binary, argv, stream), cwd=directory, env=env, stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        resource.prlimit(child.pid, resource.RLIMIT_CORE, (0, 0))
        resource.prlimit(child.pid, resource.RLIMIT_FSIZE, (1 << 30, 1 << 30))
    except (OSError, ValueError):
        pass
    streams = {child.stdout.fileno(): bytearray(), child.stderr.fileno(): bytearray()}
    sizes = dict.fromkeys(streams, 0)
    newlines = dict.fromkeys(streams, 0)
    last = dict.fromkeys(streams, b"")
    selector = selectors.DefaultSelector()
    for pipe in (child.stdout, child.stderr):
        selector.register(pipe, selectors.EVENT_READ)
    timed_out = capped = False
    while selector.get_map():
        if time.monotonic() - started > timeout:
            timed_out = True
            break
        if resident_bytes(child.pid) > hard_cap:
            capped = True
            break
        for key, _ in selector.select(timeout=0.05):
            chunk = os.read(key.fd, 1 << 16)
            if not chunk:
                selector.unregister(key.fileobj)
                continue
            sizes[key.fd] += len(chunk)
            newlines[key.fd] += chunk.count(b"\n")
            last[key.fd] = chunk[-1:]
            keep = KEEP_STDERR_BYTES if key.fd == child.stderr.fileno() else KEEP_BYTES
            if len(streams[key.fd]) < keep:
                streams[key.fd] += chunk[: keep - len(streams[key.fd])]
    if timed_out or capped:
        kill_group(child.pid)
    _, wait_status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(wait_status)
    kill_group(child.pid)
    selector.close()
    child.stdout.close()
    child.stderr.close()
    signal_number = os.WTERMSIG(wait_status) if os.WIFSIGNALED(wait_status) else None
    (out, err), (out_size, _) = streams.values(), sizes.values()
    result = Outcome(
        argv, child.returncode, signal_number, timed_out, capped, usage.ru_maxrss * 1024,
        bytes(out), out_size, bytes(err), time.monotonic() - started)
    result.stderr_lines = list(newlines.values())[1] + (1 if list(last.values())[1] not in (b"", b"\n") else 0)
    return result


def resident_bytes(pid):
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def kill_group(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def classify(outcome, baseline_bytes, before, after, output_paths):
    """Sets outcome.kind and outcome.detail; the first class that applies wins."""
    kind, detail = classify_process(outcome, baseline_bytes)
    if kind == "ok":
        kind, detail = classify_files(outcome, before, after, output_paths)
    outcome.kind, outcome.detail = kind, detail
    return outcome


def classify_process(outcome, baseline_bytes):
    if outcome.timed_out:
        return "timeout", f"still running after {outcome.seconds:.0f} s"
    limit = memory_limit(outcome.argv) if outcome.argv and outcome.argv[0] in TAKES_MAX_MEMORY else None
    over = limit is not None and outcome.peak_bytes - baseline_bytes > limit + BUDGET_SLACK
    if outcome.capped:
        return ("over-budget" if over or limit is None else "memory-cap"), f"killed at the harness cap, limit {limit}"
    if outcome.signal_number is not None:
        name = signal.Signals(outcome.signal_number).name
        return "signal", f"{name}; stderr: {first_line(outcome.stderr)}"
    if over:
        peak = (outcome.peak_bytes - baseline_bytes) / 2**20
        return "over-budget", f"peak {peak:.0f} MiB above the trivial run, limit {limit / 2**20:.3g} MiB"
    return classify_streams(outcome)


def classify_streams(outcome):
    stderr = outcome.stderr.decode("utf-8", "replace")
    lines = stderr.split("\n")
    one_line = outcome.stderr_lines == 1 and outcome.stderr.count(b"\n") <= 1
    if outcome.status == 0:
        return ("ok", "") if not stderr else ("bad-contract", f"exit 0 with stderr: {first_line(outcome.stderr)}")
    if outcome.status == 1:
        if one_line and CHECK_LINE.match(lines[0]):
            return "check-failed", lines[0]
        return "bad-contract", f"exit 1, stderr: {first_line(outcome.stderr)}"
    if outcome.status != 2:
        return "bad-contract", f"exit {outcome.status}, stderr: {first_line(outcome.stderr)}"
    if not one_line:
        return "bad-contract", f"exit 2 with {outcome.stderr_lines} stderr lines: {first_line(outcome.stderr)}"
    if outcome.stdout_size:
        return "bad-contract", f"exit 2 with {outcome.stdout_size} bytes on stdout"
    match = ERROR_LINE.match(lines[0])
    if not match:
        return "bad-contract", f"exit 2, no FIELD: {lines[0][:200]}"
    field = match.group(1)
    if not FIELD_NAME.match(field):
        what = "a path" if "/" in field or field.endswith(".npy") else "a phrase" if " " in field else "not a name"
        return "bad-contract", f"exit 2, FIELD is {what}: {field[:80]!r}"
    flags = {word[2:].partition("=")[0] for word in outcome.argv if word.startswith("--")}
    if "_" in field and field.replace("_", "-") in flags | {"max-memory", "max-flops"}:
        return "bad-contract", f"exit 2, FIELD {field} for the flag --{field.replace('_', '-')}"
    return "ok", ""


def classify_files(outcome, before, after, output_paths):
    for path, kind in before.items():
        if kind == stat.S_IFCHR and after.get(path) != stat.S_IFCHR:
            return "clobbered", f"the device {path} is now {'gone' if path not in after else 'a regular file'}"
    new = sorted(set(after) - set(before))
    allowed = set(output_paths) if outcome.status == 0 else set()
    stray = [path for path in new if path not in allowed]
    if stray:
        return "stray-file", f"left behind after exit {outcome.status}: {', '.join(stray)[:200]}"
    return "ok", ""


def first_line(data):
    text = data.decode("utf-8", "replace").strip()
    return text.split("\n")[0][:200] if text else "(empty)"


def output_paths(argv):
    """The relative paths convmat may create: the values of --output."""
    paths = []
    for index, word in enumerate(argv):
        if word == "--output" and index + 1 < len(argv):
            paths.append(os.path.normpath(argv[index + 1]))
        elif word.startswith("--output="):
            paths.append(os.path.normpath(word.partition("=")[2]))
    return paths


def run_case(binary, argv, directory, timeout, hard_cap, baseline_bytes, stream=None):
    """Materialises, snapshots, runs, snapshots, classifies."""
    real = fuzzcase.materialise(argv, directory)
    before = fuzzcase.snapshot(directory)
    outcome = run(binary, real, directory, timeout, hard_cap, stream)
    after = fuzzcase.snapshot(directory)
    outcome.argv = argv
    classify(outcome, baseline_bytes, before, after, output_paths(real))
    if stream is not None and outcome.kind == "ok" and outcome.status == 0:
        outcome.kind = "bad-contract"
        outcome.detail = f"exit 0 although stdout was {'closed' if stream == 'closed' else '/dev/full'}"
    return outcome
