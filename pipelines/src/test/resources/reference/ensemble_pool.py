#!/usr/bin/python3
"""Independent pooling of a run's per-particle fields (numpy + h5py), checked against the
temperature-ensemble (or event-ensemble) stage's tables.

Usage: /usr/bin/python3 ensemble_pool.py RUN_DIR [lag|events]
lag (default): reads RUN_DIR/results/*/lag-fields/lag_fields.h5 (one replica per branch, grouped by
its 'temperature' attribute) and RUN_DIR/results/ensemble/temperature-ensemble/{ensemble_curves.csv,
ensemble_means.csv, ensemble.json}. events: reads RUN_DIR/results/*/event-fields/event_fields.h5
(the before/after pair of every catalogued event; a branch with 0 pairs pools nothing and must be
listed under 'without_pairs') and RUN_DIR/results/ensemble/event-ensemble/event_ensemble_*.
Recomputes from the raw per-particle arrays: the common bins of
each field (log bins from the smallest positive value but at most 'decades' decades below the
largest, 'per_decade' per decade; det H linear bins
over its range), the pooled density n_b / (n w_b) and mean per temperature, and, with the bootstrap
draws recorded in ensemble.json, the 68 % percentile bands (numpy's default interpolation), the
standard deviation of the resampled means and their interval. Prints one line per field and
temperature with the largest relative difference; exits 1 on a mismatch, 77 if numpy/h5py are
missing.
"""
import csv
import glob
import json
import math
import os
import sys

try:
    import h5py
    import numpy as np
except ImportError as e:  # the Java test skips
    print("missing:", e)
    sys.exit(77)

FIELDS = ["d2min", "m", "dev_norm", "abs_eps_vol", "detH", "total_norm", "softness"]
LEVEL = 0.68


def main(run, kind="lag"):
    res = os.path.join(run, "results")
    if kind == "lag":
        stage, pattern, prefix = "temperature-ensemble", ("lag-fields", "lag_fields.h5"), ""
    else:
        stage, pattern, prefix = "event-ensemble", ("event-fields", "event_fields.h5"), "event_"
    ens = os.path.join(res, "ensemble", stage)
    rec = json.load(open(os.path.join(ens, prefix + "ensemble.json")))
    groups = {}
    without = {}
    data = {}
    for f in sorted(glob.glob(os.path.join(res, "*", *pattern))):
        branch = os.path.basename(os.path.dirname(os.path.dirname(f)))
        with h5py.File(f, "r") as h:
            t = float(np.asarray(h.attrs["temperature"]).ravel()[0])
            pairs = int(np.asarray(h.attrs["pairs"]).ravel()[0])
            assert int(h["pair_count"][0]) == pairs, f
            if pairs == 0:
                without.setdefault(t, []).append(branch)
                continue
            if kind == "lag":
                assert int(np.asarray(h.attrs["lag_steps"]).ravel()[0]) == rec["lag_steps"], f
            data[branch] = {k: np.asarray(h[k][:], dtype=float).ravel() for k in FIELDS}
            assert all(len(v) == pairs * len(h[FIELDS[0]][0]) for v in data[branch].values()), f
        groups.setdefault(t, []).append(branch)
    assert sorted(groups) == [g["temperature"] for g in rec["temperatures"]], "temperatures"
    order = {}
    for g in rec["temperatures"]:
        assert sorted(g["branches"]) == sorted(groups[g["temperature"]]), "replicas differ"
        assert sorted(g["without_pairs"]) == sorted(without.get(g["temperature"], [])), "no-pair"
        order[g["temperature"]] = (g["branches"], np.asarray(g["draws"], dtype=int))
    skipped = {s["temperature"]: sorted(s["branches"]) for s in rec["temperatures_without_pairs"]}
    assert skipped == {t: sorted(b) for t, b in without.items() if t not in groups}, "skipped T"

    curves = {}
    with open(os.path.join(ens, prefix + "ensemble_curves.csv")) as fh:
        for r in csv.DictReader(fh):
            curves.setdefault((r["field"], float(r["temperature"])), []).append(r)
    means = {}
    with open(os.path.join(ens, prefix + "ensemble_means.csv")) as fh:
        for r in csv.DictReader(fh):
            means[(r["field"], float(r["temperature"]))] = r

    worst = 0.0
    checked = 0
    for field in FIELDS if data else []:
        allv = np.concatenate([data[b][field] for b in data])
        allv = allv[np.isfinite(allv)]
        log = field != "detH"
        b = rec["binning"][field]
        if log:
            pos = allv[allv > 0]
            lo = max(pos.min(), pos.max() * 10.0 ** -b["decades"])
            hi = pos.max() * (1 + 1e-9)
            pd = b["per_decade"]
            nb = int(math.ceil((math.log10(hi) - math.log10(lo)) * pd))
            l0 = math.log10(lo)
            edges = np.array([10 ** (l0 + k / pd) for k in range(nb + 1)])

            def index(x):
                x = x[x >= lo]
                k = ((np.log10(x) - l0) * pd).astype(int)
                return k[k < nb]

        else:
            lo, hi = allv.min(), allv.max()
            nb = b["bins"]
            edges = np.array([lo + k * ((hi - lo) / nb) for k in range(nb + 1)])

            def index(x):
                x = x[(x >= lo) & (x <= hi)]
                return np.minimum(((x - lo) / ((hi - lo) / nb)).astype(int), nb - 1)

        widths = edges[1:] - edges[:-1]
        for t, (branches, draws) in order.items():
            reps = []
            for br in branches:
                v = data[br][field]
                v = v[np.isfinite(v)]
                reps.append((np.bincount(index(v), minlength=nb), len(v), v.sum()))

            def pool(pick):
                c = sum(reps[i][0] for i in pick)
                n = sum(reps[i][1] for i in pick)
                s = sum(reps[i][2] for i in pick)
                return c / (n * widths), s / n

            dens, mean = pool(range(len(reps)))
            boot = [pool(d) for d in draws]
            bd = np.array([x[0] for x in boot])
            bm = np.array([x[1] for x in boot])
            q = [100 * (1 - LEVEL) / 2, 100 * (1 + LEVEL) / 2]
            band = np.percentile(bd, q, axis=0)
            mq = np.percentile(bm, q)
            se = bm.std(ddof=1) if len(bm) > 1 else 0.0

            rows = curves[(field, t)]
            assert len(rows) == nb, (field, t, len(rows), nb)
            java = np.array([[float(r[k]) for k in ("density", "density_lo", "density_hi", "lower", "upper")] for r in rows])
            mine = np.column_stack([dens, band[0], band[1], edges[:-1], edges[1:]])
            scale = max(np.abs(mine).max(), 1e-300)
            d = np.abs(java - mine).max() / scale
            mr = means[(field, t)]
            m_java = np.array([float(mr[k]) for k in ("mean", "stderr", "mean_lo", "mean_hi")])
            m_mine = np.array([mean, se, mq[0], mq[1]])
            dm = np.abs(m_java - m_mine).max() / max(abs(mean), 1e-300)
            assert int(mr["replicas"]) == len(reps) and int(mr["values"]) == sum(r[1] for r in reps)
            print(f"{field:12s} T={t:<6g} replicas={len(reps)} values={sum(r[1] for r in reps)} "
                  f"bins={nb} max rel diff curves {d:.2e} means {dm:.2e}")
            worst = max(worst, d, dm)
            checked += 1
    assert len(curves) == checked and len(means) == checked, "rows without a recomputed curve"
    print(f"checked {checked} curves; worst relative difference {worst:.3e}")
    return 0 if worst < 1e-9 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "lag"))
