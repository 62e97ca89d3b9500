#!/usr/bin/env python3
"""JAX on the layers of `convmat bench`, in float64, for docs/performance.md.

Run by `make bench-peers` in the project's virtual environment (it installs
JAX for CPU there first). For each layer: the jitted forward pass at batch 256,
the jitted vjp (input and weight gradients together), and, where the dense
matrix fits, jax.jacfwd building Wᵀ, each the median of repeated runs after a
warm-up; beside them convmat's own figures from `convmat bench --quick
--format json` on the release binary given as the first argument.

    python3 scripts/bench_peers.py .build/release/convmat
"""

import json
import statistics
import subprocess
import sys
import time

import jax
import jax.numpy as jnp

jax.config.update("jax_enable_x64", True)

BATCH = 256
RUNS = 5
DENSE_LIMIT = 1 << 26  # entries of Wᵀ that jacfwd may build (512 MiB)

# H2's connection table (docs/networks.md): maps 0-3 read 0-7, 4-7 read 4-11, 8-11 read 0-3 and 8-11.
H2_GROUPS = [list(range(0, 8)), list(range(4, 12)), list(range(0, 4)) + list(range(8, 12))]


def layer(c_in, c_out, k, size, stride=1, padding=0, border=0.0, untied=False, table=None):
    """A Conv2d as (forward(params, x), params, x-shape): x is (batch, C, H, W)."""
    key = jax.random.PRNGKey(0)
    bound = 1.0 / (c_in * k * k) ** 0.5
    w = jax.random.uniform(key, (c_out, c_in, k, k), jnp.float64, -bound, bound)
    if table is not None:
        mask = jnp.zeros((c_out, c_in, 1, 1))
        for j in range(c_out):
            mask = mask.at[j, jnp.array(H2_GROUPS[j // 4]), 0, 0].set(1.0)
        w = w * mask
    out = (size + 2 * padding - k) // stride + 1
    b = jnp.zeros((c_out, out, out) if untied else (c_out, 1, 1), jnp.float64)

    def forward(params, x):
        w, b = params
        if padding:
            x = jnp.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)), constant_values=border)
        y = jax.lax.conv_general_dilated(x, w, (stride, stride), "VALID", dimension_numbers=("NCHW", "OIHW", "NCHW"))
        return y + b

    return forward, (w, b), (c_in, size, size)


CASES = [
    ("the slides' 2-D layer", layer(4, 12, 5, 14)),
    ("LeNet 1989's H1", layer(1, 12, 5, 16, stride=2, padding=2, border=-1.0, untied=True)),
    ("LeNet 1989's H2", layer(12, 12, 5, 8, stride=2, padding=2, border=-1.0, untied=True, table=H2_GROUPS)),
    ("4×28×28 → 12×24×24, 5×5 kernels", layer(4, 12, 5, 28)),
]


def median_time(fn, *args):
    jax.block_until_ready(fn(*args))
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        jax.block_until_ready(fn(*args))
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def convmat_figures(binary):
    if not binary:
        return [], {}
    out = subprocess.run([binary, "bench", "--quick", "--format", "json"], check=True, capture_output=True, text=True).stdout
    figures = json.loads(out)["figures"]
    cases = []
    for f in figures:
        if f["case"] not in cases:
            cases.append(f["case"])
    return cases, {(f["case"], f["name"]): f["value"] for f in figures}


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else None
    cases, ours = convmat_figures(binary)
    print(f"JAX {jax.__version__} on {jax.devices()[0].platform}, float64, batch {BATCH}, median of {RUNS}")
    print()
    header = f"{'case':34} {'jax forward':>12} {'jax vjp':>10} {'jax jacfwd':>11} {'convmat fwd':>12} {'convmat δX+δv':>14}"
    print(header)
    for index, (title, (forward, params, shape)) in enumerate(CASES):
        x = jax.random.uniform(jax.random.PRNGKey(1), (BATCH,) + shape, jnp.float64, -1, 1)
        fwd = jax.jit(forward)
        t_forward = median_time(fwd, params, x)
        y = fwd(params, x)

        def vjp(params, x, dy):
            _, pullback = jax.vjp(forward, params, x)
            return pullback(dy)

        t_vjp = median_time(jax.jit(vjp), params, x, jnp.ones_like(y))
        entries = y[0].size * x[0].size
        if entries <= DENSE_LIMIT:
            jac = jax.jit(jax.jacfwd(lambda v: forward(params, v[None])[0]))
            t_jac = f"{median_time(jac, x[0]):10.4f}s"
        else:
            t_jac = "   too big"
        fwd_ours = grad_ours = "–"
        # `convmat bench --quick` runs the same four layers in the same order.
        if index < len(cases):
            case = cases[index]
            fwd_ours = f"{ours[(case, 'forward-256')]:.4f}s"
            grad_ours = f"{ours[(case, 'input-gradient-256')] + ours[(case, 'weight-gradient-256')]:.4f}s"
        print(f"{title:34} {t_forward:11.4f}s {t_vjp:9.4f}s {t_jac:>11} {fwd_ours:>12} {grad_ours:>14}")
    print()
    print("jax forward/vjp are direct convolutions (XLA); convmat's passes are dense dgemms on Wᵀ;")
    print("jacfwd builds the dense Jacobian, which is Wᵀ (the bias aside).")


if __name__ == "__main__":
    main()
