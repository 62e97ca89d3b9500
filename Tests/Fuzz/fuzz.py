#!/usr/bin/env python3
"""Fuzzes the convmat binary with mutants of valid command lines (docs/fuzzing.md).

    python3 Tests/Fuzz/fuzz.py .build/debug/convmat --count 300 --seed 1
    python3 Tests/Fuzz/fuzz.py .build/debug/convmat --replay "show 'Conv1d(1, 1, 3)' --input 1x0"

Replays Tests/Fuzz/regressions.txt first, then every seed of Tests/Fuzz/seeds/*.txt
unmutated, then --count fresh mutants, each in its own temporary directory; prints
every failure with a line to reproduce it, per-class counts, and last
`fuzz: N passed, M failed`. Exit status 1 when anything failed. Standard library only.
"""

import argparse
import collections
import concurrent.futures
import glob
import os
import random
import re
import shutil
import sys
import tempfile

sys.dont_write_bytecode = True

import fuzzcase  # noqa: E402
import mutate  # noqa: E402
import outcome  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
TRIVIAL = ["show", "Conv1d(1,1,1)", "--input", "1x1"]
DRAWN_LIMITS = ["1K", "64K", "1M", "16M", "64M", "64M", "256M"]
# `check --random N` runs N checks, by design (up to 100,000: minutes of a release
# build, hours of a debug one): a mutant that would run more than this is drawn again
# (one above the limit, rejected at once, is kept).
MAX_RANDOM_CHECKS = 1000


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("binary", help="the convmat binary")
    parser.add_argument("--count", type=int, default=300, help="fresh mutants (default 300)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the mutations (default 1)")
    parser.add_argument("--jobs", type=int, default=2, help="concurrent convmat processes (default 2)")
    parser.add_argument("--timeout", type=float, default=30, help="seconds per input (default 30)")
    parser.add_argument("--hard-cap", default="2G", help="RSS at which the harness kills a run (default 2G)")
    parser.add_argument("--seeds", default=os.path.join(HERE, "seeds"), help="folder of seed lists")
    parser.add_argument("--regressions", default=os.path.join(HERE, "regressions.txt"), help="replayed first")
    parser.add_argument("--no-regressions", action="store_true", help="skip the regression corpus")
    parser.add_argument("--no-streams", action="store_true", help="skip the stdout-closed and /dev/full cases")
    parser.add_argument("--archive", help="every input that ever failed: replayed after the regressions")
    parser.add_argument("--record", action="store_true",
                        help="append new failures to --archive, and one per new kind of failure to --regressions")
    parser.add_argument("--report", help="also write the failures and counts to this file")
    parser.add_argument("--replay", metavar="LINE", help="run one line, show everything, keep its directory")
    return parser.parse_args()


def read_lines(path):
    """(argv, line) of every non-comment line of a seed or regression file."""
    cases = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip() and not line.lstrip().startswith("#"):
                try:
                    cases.append(fuzzcase.parse_line(line))
                except fuzzcase.CaseError as error:
                    sys.exit(f"fuzz: {path}:{number}: {error}")
    return cases


def with_drawn_limit(rng, argv):
    """Adds --max-memory LIMIT when the subcommand takes it and the line has none."""
    takes = argv and argv[0] in outcome.TAKES_MAX_MEMORY
    has = any(word == "--max-memory" or word.startswith("--max-memory=") for word in argv)
    return argv + ["--max-memory", rng.choice(DRAWN_LIMITS)] if takes and not has else argv


def affordable(argv):
    """False for `check --random N` that would run N > MAX_RANDOM_CHECKS checks."""
    return not MAX_RANDOM_CHECKS < outcome.random_count(argv) <= outcome.RANDOM_CHECK_LIMIT


def mutants(seeds, count, seed):
    """`count` safe mutants, each from its own generator seeded by (seed, index)."""
    donors = mutate.donor_options(seeds)
    for index in range(count):
        rng = random.Random(f"{seed}/{index}")
        while True:
            argv = mutate.mutate_argv(rng, list(rng.choice(seeds)), donors)
            if fuzzcase.is_safe(argv) and affordable(argv):
                break
        yield "mutant", with_drawn_limit(rng, argv)


def run_all(args, cases, baseline, hard_cap, scratch):
    """Runs every (origin, argv) with --jobs workers; yields outcomes in order."""

    def one(numbered):
        number, (origin, line_argv) = numbered
        stream, argv = outcome.split_stream(line_argv)
        directory = os.path.join(scratch, str(number))
        os.mkdir(directory)
        try:
            result = outcome.run_case(args.binary, argv, directory, args.timeout, hard_cap, baseline, stream)
        except fuzzcase.CaseError as error:
            result = outcome.Outcome(argv, None, None, False, False, 0, b"", 0, str(error).encode(), 0)
            result.kind, result.detail = "bad-line", str(error)
        finally:
            shutil.rmtree(directory, ignore_errors=True)
        if origin == "seed" and result.kind == "ok" and result.status != 0:
            result.kind, result.detail = "seed-rejected", f"a seed must exit 0: {outcome.first_line(result.stderr)}"
        result.origin, result.argv = origin, line_argv
        return result

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        yield from pool.map(one, enumerate(cases))


def reproduction(args, result):
    """A command to paste: plain convmat when the line has no files, else --replay."""
    stream, argv = outcome.split_stream(result.argv)
    line = fuzzcase.format_line(result.argv)
    if "{" in line or outcome.output_paths(argv):
        return f"python3 Tests/Fuzz/fuzz.py {args.binary} --replay {fuzzcase.shlex.quote(line)}"
    return f"{args.binary} {fuzzcase.format_line(argv)}" + (f" {outcome.STREAMS[stream]}" if stream else "")


def baseline_bytes(args, hard_cap, scratch):
    directory = os.path.join(scratch, "baseline")
    os.mkdir(directory)
    trivial = outcome.run(args.binary, TRIVIAL, directory, args.timeout, hard_cap)
    if trivial.status != 0:
        sys.exit(f"fuzz: the trivial run {TRIVIAL} exited {trivial.status}: {outcome.first_line(trivial.stderr)}")
    return trivial.peak_bytes


def replay(args, hard_cap):
    directory = tempfile.mkdtemp(prefix="convmat-replay-")
    argv = fuzzcase.parse_line(args.replay)
    scratch = tempfile.mkdtemp(prefix="convmat-baseline-")
    baseline = baseline_bytes(args, hard_cap, scratch)
    shutil.rmtree(scratch)
    stream, argv = outcome.split_stream(argv)
    real = fuzzcase.materialise(argv, directory)
    result = outcome.run_case(args.binary, argv, directory, args.timeout, hard_cap, baseline, stream)
    redirect = f" {outcome.STREAMS[stream]}" if stream else ""
    print(f"directory: {directory}")
    print(f"command:   cd {directory} && {args.binary} {fuzzcase.shlex.join(real)}{redirect}")
    print(f"status: {result.status} signal: {result.signal_number} peak: {result.peak_bytes >> 20} MiB "
          f"(trivial {baseline >> 20} MiB) seconds: {result.seconds:.1f}")
    print(f"stdout ({result.stdout_size} bytes): {result.stdout[:400]!r}")
    print(f"stderr: {result.stderr[:1000]!r}")
    print(f"class: {result.kind} {result.detail}")
    return 0 if result.kind == "ok" else 1


def record(path, failures):
    """Appends failures whose line is not in the file yet; returns how many."""
    known = {fuzzcase.format_line(argv) for argv in read_lines(path)} if os.path.exists(path) else set()
    added = 0
    with open(path, "a", encoding="utf-8") as handle:
        for result in failures:
            line = fuzzcase.format_line(result.argv)
            if line not in known:
                known.add(line)
                handle.write(fuzzcase.format_line(result.argv, f"{result.kind}: {result.detail}"[:300]) + "\n")
                added += 1
    return added


def main():
    args = arguments()
    args.binary = os.path.abspath(args.binary)
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"fuzz: {args.binary} is not an executable; build it first")
    if not os.access(outcome.GNU_TIME, os.X_OK):
        sys.exit(f"fuzz: {outcome.GNU_TIME} (GNU time, Debian package time) measures peak memory; install it")
    outcome.limit_children()
    hard_cap = outcome.memory_limit(["--max-memory", args.hard_cap])
    if hard_cap is None:
        sys.exit(f"fuzz: --hard-cap {args.hard_cap!r} is not a size")
    if args.replay is not None:
        return replay(args, hard_cap)
    seeds = [argv for path in sorted(glob.glob(os.path.join(args.seeds, "*.txt"))) for argv in read_lines(path)]
    if not seeds:
        sys.exit(f"fuzz: no seeds in {args.seeds}")
    regressions = [] if args.no_regressions or not os.path.exists(args.regressions) else read_lines(args.regressions)
    cases = [("regression", argv) for argv in regressions]
    if args.archive and os.path.exists(args.archive):
        cases += [("archive", argv) for argv in read_lines(args.archive)]
    cases += [("seed", argv) for argv in seeds]
    if not args.no_streams:
        printing = [argv for argv in seeds if not outcome.output_paths(argv)]
        cases += [("stream", argv + [redirect]) for redirect in outcome.STREAMS.values() for argv in printing]
    cases += list(mutants(seeds, args.count, args.seed))
    scratch = tempfile.mkdtemp(prefix="convmat-fuzz-")
    try:
        baseline = baseline_bytes(args, hard_cap, scratch)
        results = []
        for result in run_all(args, cases, baseline, hard_cap, scratch):
            results.append(result)
            if result.kind != "ok":
                print(f"FAIL [{result.kind}] ({result.origin}) {result.detail}")
                print(f"  {reproduction(args, result)}", flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return summarise(args, results)


def signature(result):
    """The failure with its particulars blanked, to count distinct defects: quoted
    text and numbers blanked, repeated characters collapsed, cut after 48 characters."""
    detail = re.sub(r"'[^']*'?|\"[^\"]*\"?", "'…'", result.detail)
    detail = re.sub(r"\d+(\.\d+)?", "N", detail)
    detail = re.sub(r"(.)\1+", r"\1", detail)
    return f"[{result.kind}] {detail[:48]}"


def distinct(failures):
    """One line per failure signature: its count and its first reproduction."""
    groups = collections.OrderedDict()
    for result in failures:
        groups.setdefault(signature(result), []).append(result)
    return [(key, len(group), group[0]) for key, group in groups.items()]


def record_all(args, results, failures):
    """Every fresh failure into the archive; the first of each new signature into the regressions."""
    known = {signature(result) for result in results if result.origin == "regression"}
    fresh = [result for result in failures if result.origin not in ("regression", "archive")]
    lines = []
    if args.archive:
        lines.append(f"fuzz: recorded {record(args.archive, fresh)} new failing inputs in {args.archive}")
    novel = [first for key, _, first in distinct(fresh) if key not in known]
    lines.append(f"fuzz: recorded {record(args.regressions, novel)} new kinds of failure in {args.regressions}")
    return lines


def summarise(args, results):
    failures = [result for result in results if result.kind != "ok"]
    classes = collections.Counter(result.kind for result in results)
    origins = collections.Counter(result.origin for result in results)
    by_origin = collections.Counter((result.origin, result.kind != "ok") for result in results)
    lines = [f"fuzz: distinct: {count} x {key}" for key, count, _ in distinct(failures)]
    lines += [f"fuzz: {count} {kind}" for kind, count in sorted(classes.items())]
    lines += [f"fuzz: {origin}: {origins[origin]} tried, {by_origin[(origin, True)]} failed"
              for origin in ("regression", "archive", "seed", "stream", "mutant") if origins[origin]]
    if args.record and failures:
        lines += record_all(args, results, failures)
    lines.append(f"fuzz: {len(results) - len(failures)} passed, {len(failures)} failed")
    print("\n".join(lines))
    if args.report:
        with open(args.report, "w", encoding="utf-8") as handle:
            for result in failures:
                handle.write(f"[{result.kind}] ({result.origin}) {result.detail}\n  {reproduction(args, result)}\n")
            handle.write("\nOne reproduction per distinct failure:\n")
            for key, count, first in distinct(failures):
                handle.write(f"{count} x {key}\n  {reproduction(args, first)}\n")
            handle.write("\n".join(lines) + "\n")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
