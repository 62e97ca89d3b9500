#!/usr/bin/env python3
"""Checks data/digits/*.npy against scikit-learn's own copy of the digits.

Exits 0 when the committed images (uint8, 1797x8x8) and labels (int64, 1797) are
exactly scikit-learn's load_digits(), 1 otherwise, with one line saying what differs.
Run with the virtual environment's Python (make test does):

    .venv/bin/python scripts/check_digits_data.py
"""
import pathlib
import sys

import numpy
from sklearn.datasets import load_digits

DATA = pathlib.Path(__file__).resolve().parent.parent / "data" / "digits"


def main():
    digits = load_digits()
    images = numpy.load(DATA / "images.npy")
    labels = numpy.load(DATA / "labels.npy")
    problems = []
    if images.dtype != numpy.uint8 or images.shape != (1797, 8, 8):
        problems.append(f"images.npy is {images.dtype} {images.shape}, expected uint8 (1797, 8, 8)")
    elif not numpy.array_equal(images.astype(numpy.float64), digits.images):
        problems.append(f"images.npy differs from scikit-learn's in {int((images != digits.images).sum())} pixels")
    if labels.dtype != numpy.int64 or labels.shape != (1797,):
        problems.append(f"labels.npy is {labels.dtype} {labels.shape}, expected int64 (1797,)")
    elif not numpy.array_equal(labels, digits.target):
        problems.append(f"labels.npy differs from scikit-learn's in {int((labels != digits.target).sum())} labels")
    if problems:
        print("check_digits_data: " + "; ".join(problems), file=sys.stderr)
        return 1
    print("check_digits_data: data/digits agrees with scikit-learn's digits")
    return 0


if __name__ == "__main__":
    sys.exit(main())
