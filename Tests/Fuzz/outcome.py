"""Running convmat on one input, and classifying what happened.

Classes (docs/fuzzing.md):
  ok            exit 0 with empty stderr; exit 2 with one contract line and empty stdout
  check-failed  exit 1 with one `convmat: check failed: ` line: the checker says the
                matrix form is wrong, which a correct library never is
  bad-contract  any other exit status or stderr shape (several lines, no FIELD, a
                FIELD that is not a name, a budget field spelt max_memory for
                --max-memory, stdout on error)
  signal        killed by a signal (a Swift trap is SIGILL or SIGTRAP)
  timeout       still running after --timeout seconds (plus 0.1 s per configuration
                of `check --random N`); the process group is killed
  over-budget   peak RSS (GNU time's %M) above the trivial run's by more than
                --max-memory + 16 MiB
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
import tempfile
import time

import fuzzcase

ERROR_LINE = re.compile(r"^convmat: error: ([^:\s][^:]*?): (\S.*)$")
# A flag's long name, a spec keyword, `option`, `subcommand`; an unknown spec keyword is
# its own field, and a user may type any identifier (`kernel_Truesize`): a name, never a
# path (`f1.npy`, `d/x`) or a phrase.
FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
CHECK_LINE = re.compile(r"^convmat: check failed: \S.*$")
BUDGET_SLACK = 16 << 20
KEEP_BYTES = 4096
KEEP_STDERR_BYTES = 1 << 20
TAKES_MAX_MEMORY = {"show", "check", "spectrum", "invert", "count"}
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


GNU_TIME = "/usr/bin/time"
TERMINATED = re.compile(rb"Command terminated by signal (\d+)")
RANDOM_CHECK_SECONDS = 0.1
# The most configurations `check --random` runs (RandomCheckRun.maximumCount); more is exit 2.
RANDOM_CHECK_LIMIT = 100_000
# `train --epochs N` (TrainingOptions.maximumEpochs): an epoch of the seeds' small networks
# is ~0.2 s of a debug build, up to ~1 s on a loaded machine.
TRAIN_EPOCH_SECONDS = 1.0
TRAIN_EPOCH_LIMIT = 1000
TRAIN_DEFAULT_EPOCHS = 23


def command(binary, argv, stream, time_file):
    """convmat's argv under GNU time, which writes convmat's own peak RSS (KiB) to
    `time_file`; a stream case goes through `sh -c 'exec ... >&-'`, whose exec keeps
    the process, so the peak is still convmat's.

    Not os.wait4's ru_maxrss of a direct child: at exec the kernel carries the old
    image's high-water mark into the child's, so it would count the harness's own
    size (which grows with every result kept) in every run.
    """
    timed = [GNU_TIME, "-o", time_file, "-f", "%M"]
    if stream is None:
        return timed + [binary] + argv
    return timed + ["/bin/sh", "-c", f'exec "$0" "$@" {STREAMS[stream]}', binary] + argv


def limit_children():
    """No core files and at most 1 GiB a file for every child: set on the harness
    itself before any child starts, so each inherits them from its first instruction."""
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    cap = 1 << 30 if hard == resource.RLIM_INFINITY else min(hard, 1 << 30)
    resource.setrlimit(resource.RLIMIT_FSIZE, (cap, hard))


def random_count(argv):
    """N of `check --random N` (its last --random, when a plain count; 10¹⁸ for a
    longer one), else 0."""
    count = 0
    if argv and argv[0] == "check":
        for index, word in enumerate(argv):
            value = argv[index + 1] if word == "--random" and index + 1 < len(argv) else None
            value = word.partition("=")[2] if word.startswith("--random=") else value
            if value is not None and value.isascii() and value.isdigit():
                count = int(value) if len(value) <= 18 else 10**18
    return count


def train_epochs(argv):
    """N of `train --epochs N` (its last --epochs, when a plain count up to
    TRAIN_EPOCH_LIMIT; more is exit 2 at once), the default 23 when a mutant dropped
    --epochs, else 0."""
    epochs = 0
    if argv and argv[0] == "train":
        epochs = TRAIN_DEFAULT_EPOCHS
        for index, word in enumerate(argv):
            value = argv[index + 1] if word == "--epochs" and index + 1 < len(argv) else None
            value = word.partition("=")[2] if word.startswith("--epochs=") else value
            if value is not None and value.isascii() and value.isdigit():
                epochs = int(value) if len(value) <= 4 and int(value) <= TRAIN_EPOCH_LIMIT else 0
    return epochs


def allowed_seconds(argv, timeout):
    """`timeout`, plus RANDOM_CHECK_SECONDS per configuration of `check --random N`:
    its run time is proportional to N by design (~1 ms a configuration in a release
    build, ~70 ms in a debug build on a loaded machine), so a large N is slow, not hung;
    and TRAIN_EPOCH_SECONDS per epoch of `train --epochs N`, for the same reason."""
    return timeout + RANDOM_CHECK_SECONDS * min(random_count(argv), RANDOM_CHECK_LIMIT) + TRAIN_EPOCH_SECONDS * train_epochs(argv)


def read_time_file(path):
    """(peak bytes, signal number or None) from GNU time's -o file: its last line is
    %M in KiB; a child killed by signal N adds "Command terminated by signal N"."""
    try:
        with open(path, "rb") as handle:
            text = handle.read(1 << 16)
    except OSError:
        return 0, None
    terminated = TERMINATED.search(text)
    lines = text.split()
    peak = int(lines[-1]) * 1024 if lines and lines[-1].isdigit() else 0
    return peak, int(terminated.group(1)) if terminated else None


def run(binary, argv, directory, timeout, hard_cap, stream=None):
    """Runs convmat once in `directory`; never hangs, never reads unbounded output."""
    handle, time_file = tempfile.mkstemp(prefix="convmat-time-")
    os.close(handle)
    try:
        return run_timed(binary, argv, directory, allowed_seconds(argv, timeout), hard_cap, stream, time_file)
    finally:
        os.unlink(time_file)


def run_timed(binary, argv, directory, timeout, hard_cap, stream, time_file):
    """`run` with GNU time writing to `time_file`; the peak is GNU time's, or the
    highest resident size seen while polling when the group was killed first."""
    env = {key: value for key, value in os.environ.items() if key != "COLUMNS"}
    env["NO_COLOR"] = "1"
    started = time.monotonic()
    child = subprocess.Popen(
        command(binary, argv, stream, time_file), cwd=directory, env=env, stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    streams = {child.stdout.fileno(): bytearray(), child.stderr.fileno(): bytearray()}
    sizes = dict.fromkeys(streams, 0)
    newlines = dict.fromkeys(streams, 0)
    last = dict.fromkeys(streams, b"")
    selector = selectors.DefaultSelector()
    for pipe in (child.stdout, child.stderr):
        selector.register(pipe, selectors.EVENT_READ)
    timed_out = capped = False
    observed = 0
    while selector.get_map():
        if time.monotonic() - started > timeout:
            timed_out = True
            break
        observed = max(observed, group_resident_bytes(child.pid))
        if observed > hard_cap:
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
    _, wait_status = os.waitpid(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(wait_status)
    kill_group(child.pid)
    selector.close()
    child.stdout.close()
    child.stderr.close()
    peak, signal_number = read_time_file(time_file)
    status = child.returncode
    if signal_number is not None:
        status = -signal_number
    elif os.WIFSIGNALED(wait_status):
        signal_number = os.WTERMSIG(wait_status)
    (out, err), (out_size, _) = streams.values(), sizes.values()
    result = Outcome(
        argv, status, signal_number, timed_out, capped, peak or observed,
        bytes(out), out_size, bytes(err), time.monotonic() - started)
    result.stderr_lines = list(newlines.values())[1] + (1 if list(last.values())[1] not in (b"", b"\n") else 0)
    return result


def group_resident_bytes(pid):
    """The resident bytes of GNU time (`pid`) and of its children (convmat)."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            children = [int(word) for word in handle.read().split()]
    except (OSError, ValueError):
        children = []
    return sum(resident_bytes(process) for process in [pid] + children)


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
