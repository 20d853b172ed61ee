#!/usr/bin/python3
"""Reference barcodes for the topology module, computed with Debian's ripser.

Run from this directory with Debian's python (numpy):  /usr/bin/python3 make_fixtures.py

For each case it writes NAME.points.csv (one "x,y" line per point, values exactly representable as
float32 so that ripser and Java read identical coordinates) and NAME.ripser.txt (ripser's raw
output), and lists the cases in fixtures.csv with the ripser version. Euclidean cases run
`ripser --format point-cloud --dim 1 --threshold ALPHA`; periodic cases write the minimum-image
distance matrix (float64, 17 digits) to a temporary file and run `ripser --format distance`.
Seeds are fixed, so rerunning reproduces the files bit for bit.
"""
import os
import subprocess
import tempfile

import numpy as np

DENSITY = 0.9


def ripser_version():
    out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "ripser"], capture_output=True,
                         text=True, check=True)
    return out.stdout.strip()


def as_f32(pts):
    return np.asarray(pts, dtype=np.float32).astype(np.float64)


def uniform(n, seed):
    rng = np.random.default_rng(seed)
    side = np.sqrt(n / DENSITY)
    return as_f32(rng.random((n, 2)) * side), side


def rsa(n, dmin, seed):
    """Random sequential addition in a periodic square at density 0.9: a glass-like cloud with a
    minimum separation dmin (no overlaps), coordinates wrapped into [0, L)."""
    rng = np.random.default_rng(seed)
    side = np.sqrt(n / DENSITY)
    ncell = int(side // dmin)
    w = side / ncell
    grid = {}
    pts = []
    tries = 0
    while len(pts) < n:
        tries += 1
        if tries > 2000 * n:
            raise RuntimeError("RSA jammed; lower dmin")
        p = rng.random(2) * side
        cx, cy = int(p[0] // w) % ncell, int(p[1] // w) % ncell
        ok = True
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for q in grid.get(((cx + dx) % ncell, (cy + dy) % ncell), ()):
                    d = p - q
                    d -= side * np.rint(d / side)
                    if d @ d < dmin * dmin:
                        ok = False
                        break
                if not ok:
                    break
            if not ok:
                break
        if ok:
            grid.setdefault((cx, cy), []).append(p)
            pts.append(p)
    pts = as_f32(np.array(pts))
    pts = np.where(pts >= np.float32(side), 0.0, pts)  # float32 rounding can hit L exactly
    return pts, side


def with_duplicates(n, ndup, seed):
    pts, side = uniform(n, seed)
    rng = np.random.default_rng(seed + 1)
    pick = rng.choice(n, size=ndup, replace=False)
    return np.vstack([pts, pts[pick]]), side


def write_points(name, pts):
    with open(name + ".points.csv", "w") as f:
        for x, y in pts:
            f.write("%.17g,%.17g\n" % (x, y))


def periodic_matrix(pts, side):
    d = pts[:, None, :] - pts[None, :, :]
    d -= side * np.rint(d / side)
    return np.sqrt((d ** 2).sum(-1))


def run(name, pts, side, alpha, metric):
    write_points(name, pts)
    if metric == "euclidean":
        cmd = ["ripser", "--format", "point-cloud", "--dim", "1", "--threshold", alpha,
               name + ".points.csv"]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    else:
        m = periodic_matrix(pts, side)
        with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
            for row in m:
                f.write(",".join("%.17g" % v for v in row) + "\n")
            tmp = f.name
        try:
            cmd = ["ripser", "--format", "distance", "--dim", "1", "--threshold", alpha, tmp]
            out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        finally:
            os.unlink(tmp)
    with open(name + ".ripser.txt", "w") as f:
        f.write(out)
    return len(pts)


CASES = [
    # name, generator, alpha (string, passed to ripser verbatim), metric
    ("uniform100_a1.5", lambda: uniform(100, 1), "1.5", "euclidean"),
    ("uniform100_a3", lambda: uniform(100, 2), "3", "euclidean"),
    ("uniform300_a2", lambda: uniform(300, 3), "2", "euclidean"),
    ("uniform1000_a1.2", lambda: uniform(1000, 4), "1.2", "euclidean"),
    ("uniform1000_a2.5", lambda: uniform(1000, 5), "2.5", "euclidean"),
    ("uniform2000_a1", lambda: uniform(2000, 6), "1", "euclidean"),
    ("uniform2000_a2", lambda: uniform(2000, 7), "2", "euclidean"),
    ("duplicates110_a2", lambda: with_duplicates(100, 10, 8), "2", "euclidean"),
    ("glass500_a8.19", lambda: rsa(500, 0.8, 9), "8.19", "euclidean"),
    ("glass2000_a3", lambda: rsa(2000, 0.8, 10), "3", "euclidean"),
    ("glass2000_a8.19", lambda: rsa(2000, 0.8, 11), "8.19", "euclidean"),
    ("glass200_periodic_a3", lambda: rsa(200, 0.8, 12), "3", "periodic"),
    ("uniform150_periodic_a2", lambda: uniform(150, 13), "2", "periodic"),
]


def main():
    version = ripser_version()
    rows = ["name,n,alpha,metric,box,ripser_version"]
    for name, gen, alpha, metric in CASES:
        pts, side = gen()
        n = run(name, pts, side, alpha, metric)
        rows.append("%s,%d,%s,%s,%.17g,%s" % (name, n, alpha, metric, side, version))
        print(name, n, flush=True)
    with open("fixtures.csv", "w") as f:
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
