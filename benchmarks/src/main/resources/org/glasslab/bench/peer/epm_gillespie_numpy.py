#!/usr/bin/env python3
"""Vectorised numpy implementations of the Baron-Biroli mean-field Gillespie simulation (App. E).

The peers of `glasslab bench epm-gillespie`, one per GlassLab engine, written the way a careful
numpy user would (preallocated buffers, in-place ufuncs, batched random draws):

- direct: the same algorithm as GlassLab's DIRECT engine, step for step (rates of all N sites,
  prefix sums, binary search, redraw from y, N Gaussian kicks to the other sites).
- lazy: the same algorithm as GlassLab's LAZY engine (uniformisation: candidates at total rate N
  on uniform sites, accepted with probability nu; the kicks a site missed are summed into one
  Gaussian when it is next looked at). Vectorised over a batch of candidates: all of a batch's
  sites are brought up to date at once (a site's accumulated kick may be drawn at any time before
  its next use, so bringing extra sites up to date is harmless), the first accepted candidate is
  the event, and the waiting time is a Gamma(#candidates used) draw over N. The batch size follows
  the running number of candidates per event.

Usage: epm_gillespie_numpy.py N T ALPHA WARMUP_EVENTS EVENTS SEED [direct|lazy]
Prints one JSON line: us_per_event, gamma (events/(N*time) over the timed window), candidates per
event (lazy), versions. Run with Debian's /usr/bin/python3 (numpy).
"""
import json
import math
import sys
import time

import numpy as np


def main():
    n, temp, alpha = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
    warmup, events, seed = int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
    engine = sys.argv[7] if len(sys.argv) > 7 else "direct"
    if engine not in ("direct", "lazy"):
        sys.exit("engine must be direct or lazy, got " + engine)
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

    marks = np.zeros(n, dtype=np.int64)
    done = 0  # accepted events so far (the lazy engine's kick counter)
    cand = 0
    per_event = 2.0  # running candidates per event, sets the batch size

    def run_lazy(count):
        nonlocal t, done, cand, per_event
        for _ in range(count):
            used = 0
            while True:
                k = max(4, int(2.0 * per_event))
                sites = rng.integers(0, n, size=k)
                missed = done - marks[sites]
                stale = sites[missed > 0]
                if stale.size:
                    stale = np.unique(stale)
                    sigma[stale] += kick * np.sqrt(done - marks[stale]) * rng.standard_normal(
                        stale.size)
                    marks[stale] = done
                v = np.abs(sigma[sites])
                np.subtract(1.0, v, out=v)
                np.maximum(v, 0.0, out=v)
                nu = np.exp(-(v * np.sqrt(v)) * inv_t)
                hit = np.flatnonzero(rng.random(k) < nu)
                if hit.size:
                    first = int(hit[0])
                    used += first + 1
                    break
                used += k
            t += rng.standard_gamma(used) / n
            cand += used
            per_event = 0.99 * per_event + 0.01 * used
            j = int(sites[first])
            s = math.log1p(rng.random() * em1)
            sigma[j] = -s if rng.random() < 0.5 else s
            done += 1
            marks[j] = done

    go = run if engine == "direct" else run_lazy
    go(warmup)
    t0_sim = t
    c0 = cand
    start = time.perf_counter()
    go(events)
    wall = time.perf_counter() - start
    print(json.dumps({
        "engine": engine,
        "us_per_event": wall * 1e6 / events,
        "gamma": events / (n * (t - t0_sim)),
        "candidates_per_event": (cand - c0) / events if engine == "lazy" else 1.0,
        "numpy": np.__version__,
        "python": sys.version.split()[0],
    }))


if __name__ == "__main__":
    main()
