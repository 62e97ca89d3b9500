"""One fuzz input: a command line, its one-line text form, and its files.

A line is shell-quoted (shlex) argv. Inside an element, these tokens stand for what a
plain text line cannot hold or should not hold literally:

    {npy:<f8:3,2,3}   a valid .npy file of that dtype and shape, made in the run's directory
    {hex:934e55...}   a file with exactly these bytes (a mutated .npy file)
    {dev:null}        a character device like /dev/null (likewise {dev:full}) in that directory
    {byte:ff}         one raw byte: control characters, invalid UTF-8, a literal brace
    {rep:300:ab}      'ab' repeated 300 times (long strings stay short in the corpus)

File tokens stay tokens while mutating; the others decode to plain characters.
"""

import os
import re
import shlex
import stat

import npyseed

FILE_TOKEN = re.compile(r"\{(npy|hex|dev):([^{}]*)\}")
TEXT_TOKEN = re.compile(r"\{(byte|rep):([^{}]*)\}")
DEVICES = {"null": (1, 3), "full": (1, 7)}
MAX_FILE_BYTES = 1 << 16


class CaseError(ValueError):
    """A line that is not a well-formed fuzz input."""


def parse_line(line):
    """The argv of one seed or regression line (its trailing comment dropped)."""
    try:
        words = shlex.split(line, comments=True)
    except ValueError as error:
        raise CaseError(f"cannot split {line!r}: {error}") from error
    return [decode_text(word) for word in words]


def decode_text(word):
    """Replaces {byte:HH} and {rep:N:TEXT} by what they stand for."""

    def expand(match):
        kind, body = match.group(1), match.group(2)
        if kind == "byte":
            return os.fsdecode(bytes([int(body, 16)]))
        count, _, text = body.partition(":")
        if not count.isdigit() or int(count) > 200_000:
            raise CaseError(f"bad repeat token {match.group(0)!r}")
        return text * int(count)

    return TEXT_TOKEN.sub(expand, word)


REPEAT = re.compile(r"(.{1,4}?)\1{31,}", re.DOTALL)


def encode_text(word):
    """The inverse of decode_text: printable, brace-safe, runs compressed."""
    pieces = []
    last = 0
    for match in FILE_TOKEN.finditer(word):
        pieces.append(escape_plain(word[last : match.start()]))
        pieces.append(match.group(0))
        last = match.end()
    pieces.append(escape_plain(word[last:]))
    return "".join(pieces)


def is_plain(char):
    """A character a line can hold as itself."""
    return char not in "{}" and (char == " " or char.isprintable() and not char.isspace())


def escape_plain(text):
    """Escapes what is not plain as {byte:HH}; runs of 32+ repeats as {rep:N:UNIT}."""
    pieces = []
    last = 0
    for match in REPEAT.finditer(text):
        unit = match.group(1)
        if not all(is_plain(char) for char in unit):
            continue
        pieces.append(escape_chars(text[last : match.start()]))
        pieces.append(f"{{rep:{len(match.group(0)) // len(unit)}:{unit}}}")
        last = match.end()
    pieces.append(escape_chars(text[last:]))
    return "".join(pieces)


def escape_chars(text):
    return "".join(
        char if is_plain(char) else "".join(f"{{byte:{b:02x}}}" for b in os.fsencode(char))
        for char in text)


def format_line(argv, comment=None):
    """One line: shell-quoted argv, then `  # comment`."""
    text = shlex.join(encode_text(word) for word in argv)
    # A comment quotes what convmat printed: keep it on one line whatever it held.
    comment = comment and "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in comment)
    return text + (f"  # {comment}" if comment else "")


def has_file_tokens(argv):
    return any(FILE_TOKEN.search(word) for word in argv)


def materialise(argv, directory):
    """The real argv, with every file token made into a file inside `directory`."""
    os.makedirs(os.path.join(directory, "d"), exist_ok=True)
    counter = [0]

    def make(match):
        kind, body = match.group(1), match.group(2)
        if kind == "dev":
            return make_device(directory, body)
        counter[0] += 1
        path = f"f{counter[0]}.npy"
        data = bytes.fromhex(body) if kind == "hex" else npyseed.from_token(body)
        with open(os.path.join(directory, path), "wb") as handle:
            handle.write(data[:MAX_FILE_BYTES])
        return path

    try:
        return [FILE_TOKEN.sub(make, word) for word in argv]
    except ValueError as error:
        raise CaseError(f"bad file token: {error}") from error


def make_device(directory, name):
    """A character device inside `directory`: as root its own node, else a symlink.

    Never the real /dev/null: a writer that renames a temporary file over its
    target would replace the machine's /dev/null with a regular file.
    """
    if name not in DEVICES:
        raise CaseError(f"unknown device {name!r}")
    path = os.path.join(directory, f"dev{name}")
    if not os.path.lexists(path):
        try:
            os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(*DEVICES[name]))
        except OSError:
            os.symlink(f"/dev/{name}", path)
    return f"dev{name}"


def is_safe(argv):
    """True when no element could make convmat write outside its run directory.

    Paths must be relative and free of `..`; the devices are tokens, see make_device.
    """
    for word in argv:
        for candidate in (word, word.partition("=")[2]):
            if candidate.startswith("/") or candidate.startswith("~"):
                return False
            if ".." in candidate.split("/"):
                return False
    return True


def snapshot(directory):
    """Every entry below `directory` with its file type (for stray and clobbered files)."""
    entries = {}
    for root, dirs, files in os.walk(directory):
        for name in dirs + files:
            path = os.path.join(root, name)
            entries[os.path.relpath(path, directory)] = stat.S_IFMT(os.lstat(path).st_mode)
    return entries
