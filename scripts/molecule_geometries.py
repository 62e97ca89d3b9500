#!/usr/bin/env python3
"""Writes molecules/*.xyz from textbook bond lengths and angles (sources in docs/schnet.md).

Each geometry is built from internal coordinates with plain trigonometry, so that
the files are reproducible; run from anywhere, then scripts/shipped_molecules.py.
"""
import math
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
TETRAHEDRAL = math.degrees(math.acos(-1 / 3))  # 109.4712°


def unit(v):
    n = math.sqrt(sum(x * x for x in v))
    return [x / n for x in v]


def sub(a, b):
    return [x - y for x, y in zip(a, b)]


def cross(a, b):
    return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]


def place(a, b, c, bond, angle, torsion):
    """The atom at distance `bond` from a, angle b-a-x, torsion c-b-a-x (degrees): the Z-matrix rule."""
    theta, phi = math.radians(angle), math.radians(torsion)
    bc = unit(sub(b, c))
    n = unit(cross(sub(b, c), sub(a, b)))
    ab = unit(sub(a, b))
    m = cross(n, ab)
    d = [-bond * math.cos(theta), bond * math.sin(theta) * math.cos(phi), bond * math.sin(theta) * math.sin(phi)]
    del bc
    return [a[i] + d[0] * ab[i] + d[1] * m[i] + d[2] * n[i] for i in range(3)]


def water():
    r, angle = 0.9572, 104.52
    h = math.radians(angle / 2)
    return [("O", [0, 0, 0]), ("H", [r * math.sin(h), 0, r * math.cos(h)]), ("H", [-r * math.sin(h), 0, r * math.cos(h)])]


def methane():
    a = 1.087 / math.sqrt(3)
    return [("C", [0, 0, 0])] + [("H", [sx * a, sy * a, sx * sy * a]) for sx, sy in [(1, 1), (1, -1), (-1, 1), (-1, -1)]]


def ammonia():
    r, angle = 1.012, 106.67
    # Three H on a cone about z: |h_i − h_j| = 2 r sin(angle/2) = √3 ρ, with ρ the cone's radius.
    rho = 2 * r * math.sin(math.radians(angle / 2)) / math.sqrt(3)
    z = math.sqrt(r * r - rho * rho)
    hs = [("H", [rho * math.cos(2 * math.pi * k / 3), rho * math.sin(2 * math.pi * k / 3), -z]) for k in range(3)]
    return [("N", [0, 0, 0])] + hs


def ethanol():
    cc, co, oh, ch = 1.512, 1.431, 0.971, 1.090
    c1 = [0, 0, 0]
    c2 = [cc, 0, 0]
    o = place(c2, c1, [0, 1, 0], co, 107.8, 0)
    h_o = place(o, c2, c1, oh, 108.5, 180)
    atoms = [("C", c1), ("C", c2), ("O", o), ("H", h_o)]
    atoms += [("H", place(c1, c2, o, ch, TETRAHEDRAL, t)) for t in (180, 60, -60)]
    atoms += [("H", place(c2, c1, o, ch, TETRAHEDRAL, t)) for t in (120, -120)]
    return atoms


def benzene():
    cc, ch = 1.397, 1.084
    atoms = [("C", [cc * math.cos(math.pi * k / 3), cc * math.sin(math.pi * k / 3), 0]) for k in range(6)]
    atoms += [("H", [(cc + ch) * math.cos(math.pi * k / 3), (cc + ch) * math.sin(math.pi * k / 3), 0]) for k in range(6)]
    return atoms


COMMENTS = {
    "water": "water H2O: O-H 0.9572 A, H-O-H 104.52 deg (experimental, CCCBDB)",
    "methane": "methane CH4: C-H 1.087 A, tetrahedral (experimental, CCCBDB)",
    "ammonia": "ammonia NH3: N-H 1.012 A, H-N-H 106.67 deg (experimental, CCCBDB)",
    "ethanol": "ethanol C2H5OH, anti: C-C 1.512, C-O 1.431, O-H 0.971, C-H 1.090 A; C-C-O 107.8, C-O-H 108.5 deg, tetrahedral at C",
    "benzene": "benzene C6H6, D6h: C-C 1.397 A, C-H 1.084 A (experimental, CCCBDB)",
}


def xyz(name, atoms):
    def fmt(x):
        s = f"{x:.8f}"
        return "0.00000000" if s == "-0.00000000" else s

    lines = [str(len(atoms)), COMMENTS[name]] + [f"{el:<2} {fmt(p[0]):>12} {fmt(p[1]):>12} {fmt(p[2]):>12}" for el, p in atoms]
    return "\n".join(lines) + "\n"


def main():
    for name, build in [("water", water), ("methane", methane), ("ammonia", ammonia), ("ethanol", ethanol), ("benzene", benzene)]:
        (ROOT / "molecules" / f"{name}.xyz").write_text(xyz(name, build()), encoding="utf-8")


if __name__ == "__main__":
    main()
