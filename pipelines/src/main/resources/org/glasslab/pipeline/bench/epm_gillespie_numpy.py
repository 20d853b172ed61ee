#!/usr/bin/env python3
"""Vectorised numpy implementation of the Baron-Biroli mean-field Gillespie algorithm (App. E).

The peer of `glasslab bench epm-gillespie`: the same algorithm as GlassLab's DIRECT engine, step
for step (rates of all N sites, prefix sums, binary search, redraw from y, N Gaussian kicks to the
other sites), written the way a careful numpy user would: preallocated buffers, in-place ufuncs,
one pass of each array operation per event.

Usage: epm_gillespie_numpy.py N T ALPHA WARMUP_EVENTS EVENTS SEED
Prints one JSON line: us_per_event, gamma (events/(N*time) over the timed window), versions.
Run with Debian's /usr/bin/python3 (numpy).
"""
import json
import math
import sys
import time

import numpy as np


def main():
    n, temp, alpha = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
    warmup, events, seed = int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
    rng = np.random.default_rng(seed)
    kick = math.sqrt(2.0 * alpha / n)
    inv_t = 1.0 / temp
    sigma = rng.standard_normal(n)
    x = np.empty(n)
    rate = np.empty(n)
    cum = np.empty(n)
    kicks = np.empty(n)
    em1 = math.e - 1.0

    def rates():
        # nu = 1 for |sigma| >= 1, exp(-(1-|sigma|)^1.5 / T) otherwise
        np.abs(sigma, out=x)
        np.subtract(1.0, x, out=x)
        np.maximum(x, 0.0, out=x)
        np.sqrt(x, out=rate)
        np.multiply(rate, x, out=rate)
        np.multiply(rate, -inv_t, out=rate)
        np.exp(rate, out=rate)
        np.cumsum(rate, out=cum)

    rates()
    t = 0.0

    def run(count):
        nonlocal t
        for _ in range(count):
            total = cum[-1]
            u = rng.random(3)
            t += -math.log(1.0 - u[0]) / total
            i = int(np.searchsorted(cum, u[1] * total, side="right"))
            s = math.log1p(u[2] * em1)
            if rng.random() < 0.5:
                s = -s
            rng.standard_normal(out=kicks)
            np.multiply(kicks, kick, out=kicks)
            np.add(sigma, kicks, out=sigma)
            sigma[i] = s
            rates()

    run(warmup)
    t0_sim = t
    start = time.perf_counter()
    run(events)
    wall = time.perf_counter() - start
    print(json.dumps({
        "us_per_event": wall * 1e6 / events,
        "gamma": events / (n * (t - t0_sim)),
        "numpy": np.__version__,
        "python": sys.version.split()[0],
    }))


if __name__ == "__main__":
    main()
