"""Mutations of a valid command line, deterministic from a random.Random.

On one argv element (a spec string is one element): deleted, duplicated and swapped
characters; numbers replaced by 0, -1, 2^31, 2^63, 1e308, nan and friends; long strings;
control characters; grammar fragments. On the argv: deleted, duplicated, swapped and
borrowed elements. On files: mutated .npy bytes, wrong shapes, output paths that cannot
be written.
"""

import re

import fuzzcase
import npyseed

NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
INTERESTING_NUMBERS = [
    "0", "-1", "2147483648", "9223372036854775808", "1e308", "nan",
    "2147483647", "4294967296", "9223372036854775807", "18446744073709551616",
    "-9223372036854775808", "inf", "-0", "1e-320", "65536", "1048576", "0.5", "-2147483649",
    "1" + "0" * 400, "0x10", "1_000",
]
CONTROL = [chr(c) for c in range(1, 32)] + ["\x7f"]
ODD_CHARACTERS = ["\u200b", "\u0301", "\uff13", "\u00b2", "\u2212", "\udcff", "\udcc3", "\u0663", "\ufeff", "é"]
LONG_UNITS = ["a", "9", "(", ")", "1,", "x2", "[", "'", "0", " "]
FRAGMENTS = [
    ", stride=0", ", padding='same'", ", padding='full'", ", groups=3", ", dilation=0", ", bias=True",
    ", padding_mode='circular'", ", padding_mode='reflect'", ", padding_value=nan", ", kernel_size=(1, 2)",
    ", padding=((1, 2),)", ", padding=(1, 1, 1)", "((", "))", "'", '"', "=", ",", "()", "nn.", "Conv4d",
    "x", "x0", ",,", "True", "None", "-", "1e9", "**", "\\",
]
BAD_OUTPUTS = [
    "a" * 300, "d", "d/", ".", "", "nonexistent/dir/x.out", "{dev:full}", "{dev:null}",
    "d/" + "b" * 255, "x/" * 2100 + "f", "-", "--output", " ", "d/.hidden", "f1.npy",
]
MAX_ELEMENT = 100_000


def mutate_string(rng, text):
    """One mutation of one string; never longer than MAX_ELEMENT."""
    operator = rng.choice(STRING_OPERATORS)
    result = operator(rng, text)
    return result[:MAX_ELEMENT]


def delete_chars(rng, text):
    if not text:
        return text
    start = rng.randrange(len(text))
    return text[:start] + text[start + rng.randint(1, 3) :]


def duplicate_chars(rng, text):
    if not text:
        return text
    start = rng.randrange(len(text))
    piece = text[start : start + rng.randint(1, 8)]
    return text[:start] + piece * rng.choice([2, 2, 3, 50]) + text[start + len(piece) :]


def swap_chars(rng, text):
    if len(text) < 2:
        return text
    i = rng.randrange(len(text) - 1)
    j = i + 1 if rng.random() < 0.5 else rng.randrange(len(text))
    chars = list(text)
    chars[i], chars[j] = chars[j], chars[i]
    return "".join(chars)


def replace_number(rng, text):
    matches = list(NUMBER.finditer(text))
    if not matches:
        return insert_at_random(rng, text, rng.choice(INTERESTING_NUMBERS))
    match = rng.choice(matches)
    return text[: match.start()] + rng.choice(INTERESTING_NUMBERS) + text[match.end() :]


def long_string(rng, text):
    unit = rng.choice(LONG_UNITS)
    return insert_at_random(rng, text, unit * rng.choice([64, 1000, 4096, 40_000]))


def control_character(rng, text):
    return insert_at_random(rng, text, rng.choice(CONTROL + ODD_CHARACTERS))


def grammar_fragment(rng, text):
    return insert_at_random(rng, text, rng.choice(FRAGMENTS))


def insert_at_random(rng, text, piece):
    position = rng.randint(0, len(text))
    return text[:position] + piece + text[position:]


STRING_OPERATORS = [
    delete_chars, duplicate_chars, swap_chars, replace_number, replace_number,
    long_string, control_character, grammar_fragment,
]


def mutate_argv(rng, argv, donors):
    """A mutant of argv: 1 mutation in most draws, up to 4 in the rest."""
    mutant = list(argv)
    for _ in range(1 if rng.random() < 0.6 else rng.randint(2, 4)):
        mutant = rng.choice(ARGV_OPERATORS)(rng, mutant, donors)
    return mutant


def mutate_element(rng, argv, donors):
    """A string mutation of one element, mostly a value (the spec, a shape, a number);
    file tokens get file mutations instead."""
    if not argv:
        return argv
    values = [i for i, word in enumerate(argv) if i > 0 and not word.startswith("--")]
    index = rng.choice(values) if values and rng.random() < 0.8 else rng.randrange(len(argv))
    word = argv[index]
    token = fuzzcase.FILE_TOKEN.fullmatch(word)
    if token and token.group(1) == "npy":
        argv[index] = mutate_file(rng, token.group(2))
    elif not token:
        argv[index] = mutate_string(rng, word)
    return argv


def mutate_file(rng, body):
    """A mutated .npy file, or a valid one of a neighbouring shape or the other dtype."""
    descr, shape = npyseed.parse_token(body)
    if rng.random() < 0.3 and shape:
        dims = list(shape)
        axis = rng.randrange(len(dims))
        dims[axis] = max(0, dims[axis] + rng.choice([-1, 1]))
        if rng.random() < 0.3:
            dims.append(1)
        return "{npy:%s:%s}" % (rng.choice(list(npyseed.FORMATS)), ",".join(map(str, dims)))
    data = npyseed.mutate(rng, body, mutate_string)[: fuzzcase.MAX_FILE_BYTES // 8]
    return "{hex:%s}" % data.hex()


def mutate_output(rng, argv, donors):
    """Points --output at something that cannot (or can only oddly) be written."""
    indices = [i for i, word in enumerate(argv[:-1]) if word == "--output"]
    if not indices:
        return mutate_element(rng, argv, donors)
    argv[rng.choice(indices) + 1] = rng.choice(BAD_OUTPUTS)
    return argv


def delete_element(rng, argv, donors):
    if argv:
        del argv[rng.randrange(len(argv))]
    return argv


def duplicate_element(rng, argv, donors):
    if argv:
        index = rng.randrange(len(argv))
        argv.insert(rng.randint(0, len(argv)), argv[index])
    return argv


def swap_elements(rng, argv, donors):
    if len(argv) >= 2:
        i, j = rng.sample(range(len(argv)), 2)
        argv[i], argv[j] = argv[j], argv[i]
    return argv


def borrow_option(rng, argv, donors):
    """Inserts an option (with its value) taken from another seed."""
    option = rng.choice(donors)
    position = rng.randint(1 if argv else 0, len(argv))
    argv[position:position] = list(option)
    return argv


ARGV_OPERATORS = [
    mutate_element, mutate_element, mutate_element, mutate_element, mutate_element,
    mutate_output, delete_element, duplicate_element, swap_elements, borrow_option,
]


def donor_options(seed_lines):
    """Every (--flag value) or (--flag) of the seeds, for borrow_option."""
    donors = set()
    for argv in seed_lines:
        for index, word in enumerate(argv):
            if word.startswith("--"):
                following = argv[index + 1] if index + 1 < len(argv) else None
                if following is not None and not following.startswith("--"):
                    donors.add((word, following))
                else:
                    donors.add((word,))
    return sorted(donors)
