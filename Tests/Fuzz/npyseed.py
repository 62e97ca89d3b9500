"""Small valid .npy files, and mutations of their bytes.

Format 1.0: magic b'\\x93NUMPY', version 1 0, a little-endian uint16 header length,
the header dict padded with spaces to a multiple of 64 bytes and ended by a newline,
then the data in C order.
"""

import math
import struct

MAGIC = b"\x93NUMPY"
FORMATS = {"<f8": "<d", "<f4": "<f"}
MAX_SEED_ELEMENTS = 4096


def header_text(descr, shape, fortran=False):
    dims = "".join(f"{n}, " for n in shape).rstrip(" ") if len(shape) == 1 else ", ".join(map(str, shape))
    return f"{{'descr': '{descr}', 'fortran_order': {fortran}, 'shape': ({dims}), }}"


def assemble(text, data, version=(1, 0), length=None):
    """Magic, version, length (the true one unless given), padded header, data."""
    size_format = "<H" if version[0] == 1 else "<I"
    prefix = len(MAGIC) + 2 + struct.calcsize(size_format)
    header = text.encode("latin-1", "replace")
    padding = (-(prefix + len(header) + 1)) % 64
    header = header + b" " * padding + b"\n"
    true_length = len(header) if length is None else length
    true_length &= 0xFFFF if version[0] == 1 else 0xFFFFFFFF
    return MAGIC + bytes(version) + struct.pack(size_format, true_length) + header + data


def values(count):
    """Deterministic, exactly representable, mixed-sign values."""
    return [((index * 37) % 11 - 5) / 8 for index in range(count)]


def valid(descr, shape):
    count = math.prod(shape)
    if count > MAX_SEED_ELEMENTS:
        raise ValueError(f"seed .npy of {count} elements; at most {MAX_SEED_ELEMENTS}")
    data = struct.pack(f"{FORMATS[descr][0]}{count}{FORMATS[descr][1]}", *values(count))
    return assemble(header_text(descr, shape), data)


def parse_token(body):
    """'<f8:3,2,3' -> ('<f8', (3, 2, 3))."""
    descr, _, dims = body.partition(":")
    if descr not in FORMATS:
        raise ValueError(f"dtype {descr!r}; seeds use {sorted(FORMATS)}")
    shape = tuple(int(n) for n in dims.split(",") if n != "")
    if any(n < 0 for n in shape):
        raise ValueError(f"negative extent in {body!r}")
    return descr, shape


def from_token(body):
    return valid(*parse_token(body))


HUGE_SHAPES = [
    (2**31, 3, 3), (2**63 - 1,), (2**64,), (-1, 3), (), (0,), (0, 2, 3),
    (2**32, 2**32), (3, 2, 3, 1, 1, 1, 1, 1), (1,) * 40, (10**30,),
]
OTHER_DESCRS = ["<f2", ">f8", ">f4", "<i8", "<i4", "|u1", "<c16", "|b1", "O", "<U3", "f8", "", "<f8 "]
STRANGE_VALUES = [math.nan, math.inf, -math.inf, 1e308, -1e308, 5e-324, 0.0, -0.0]


def mutate(rng, body, string_mutation):
    """Bytes of a mutated .npy file derived from the seed token's dtype and shape."""
    descr, shape = parse_token(body)
    count = math.prod(shape)
    data = struct.pack(f"{FORMATS[descr][0]}{count}{FORMATS[descr][1]}", *values(count))
    choice = rng.randrange(11)
    if choice == 0:
        return assemble(string_mutation(rng, header_text(descr, shape)), data)
    if choice == 1:
        return assemble(header_text(descr, rng.choice(HUGE_SHAPES)), data)
    if choice == 2:
        return assemble(header_text(rng.choice(OTHER_DESCRS), shape), data)
    if choice == 3:
        return assemble(header_text(descr, shape, fortran=True), data)
    if choice == 4:
        whole = valid(descr, shape)
        return whole[: rng.randrange(len(whole))]
    if choice == 5:
        return valid(descr, shape) + bytes(rng.randrange(256) for _ in range(rng.choice([1, 7, 8, 4096])))
    if choice == 6:
        version = rng.choice([(2, 0), (3, 0), (9, 9), (0, 0), (1, 1)])
        return assemble(header_text(descr, shape), data, version=version)
    if choice == 7:
        length = rng.choice([0, 1, 0xFFFF, 0xFFFFFFFF, 63, 65])
        return assemble(header_text(descr, shape), data, version=rng.choice([(1, 0), (2, 0)]), length=length)
    if choice == 8:
        whole = bytearray(valid(descr, shape))
        whole[rng.randrange(len(MAGIC))] ^= 0xFF
        return bytes(whole)
    if choice == 9:
        strange = [rng.choice(STRANGE_VALUES) for _ in range(count)]
        packed = struct.pack(f"{FORMATS[descr][0]}{count}{FORMATS[descr][1]}", *[clamp(descr, v) for v in strange])
        return assemble(header_text(descr, shape), packed)
    other = "<f4" if descr == "<f8" else "<f8"
    return assemble(header_text(other, shape), data)


def clamp(descr, value):
    """float32 cannot hold 1e308: it becomes inf, as NumPy's cast would make it."""
    if descr == "<f4" and math.isfinite(value) and abs(value) > 3.4e38:
        return math.copysign(math.inf, value)
    return value
