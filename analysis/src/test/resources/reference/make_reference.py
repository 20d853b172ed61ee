#!/usr/bin/python3
"""Independent reference values for the analysis module (GlassLab issue 6).

Run with Debian's interpreter:  /usr/bin/python3 make_reference.py [OUTDIR]
Writes the fixtures into OUTDIR (default: the current directory; commit them from this folder). Tool versions are recorded in versions.txt.

- local_*: Appendix A (Jha & Sengupta) by brute force: neighbours by an O(N^2) minimum-image loop in
  the reference frame, pair images fixed there, H_i by numpy.linalg.lstsq (least squares of
  dX_ij^T H^T = dx_ij^T, not the A B^-1 formula), D2min, non-affine vector (A12) and strain
  measures (A14-A20, A27).
- softness_*: Appendix C with scipy.integrate.quad on the continuous integrand r c_i(r) g_i(r).
- gofr_*: g(r) by numpy.histogram of all ordered pair distances, normalised with rho' = (N-1)/A.
- corr_*: Pearson / Spearman matrices from scipy.stats on a table with ties.
"""
import os
import sys

import numpy as np
import scipy
import scipy.integrate
import scipy.stats

rng = np.random.default_rng(20261121)
if len(sys.argv) > 1:
    os.chdir(sys.argv[1])


def lattice(nx, ny, density, jitter):
    a = np.sqrt(2.0 / (np.sqrt(3.0) * density))
    lx, ly = nx * a, ny * a * np.sqrt(3.0) / 2.0
    pts = []
    for j in range(ny):
        for i in range(nx):
            pts.append(((i + 0.5 * (j % 2)) * a, j * a * np.sqrt(3.0) / 2.0))
    u = np.array(pts) + rng.normal(0, jitter, (len(pts), 2))
    return u, np.array([lx, ly])


def wrap(u, box):
    img = np.floor(u / box).astype(int)
    x = u - img * box
    x = np.where(x >= box, x - box, x)
    return x, img


def write_config(path, x, img, d, box):
    with open(path, "w") as f:
        f.write("# box %r %r\n" % (box[0], box[1]))
        f.write("x,y,ix,iy,diameter\n")
        for k in range(len(x)):
            f.write("%r,%r,%d,%d,%r\n" % (x[k, 0], x[k, 1], img[k, 0], img[k, 1], d[k]))


def minimage(d, box):
    return d - box * np.rint(d / box)


def appendix_a(xr, imr, boxr, xc, imc, boxc, rc, symmetric=False):
    U = xr + imr * boxr
    u = xc + imc * boxc
    n = len(xr)
    rows = []
    for i in range(n):
        dX = minimage(xr - xr[i], boxr)
        r = np.hypot(dX[:, 0], dX[:, 1])
        nb = np.where((r < rc) & (np.arange(n) != i))[0]
        dXn = dX[nb]
        k = np.rint((dXn - (U[nb] - U[i])) / boxr)
        dxn = u[nb] - u[i] + k * boxc
        # least squares: dXn @ H^T = dxn
        HT, *_ = np.linalg.lstsq(dXn, dxn, rcond=None)
        H = HT.T
        res = dxn - dXn @ H.T
        d2 = np.mean(np.sum(res ** 2, axis=1))
        na = res.mean(axis=0)
        eps = H - np.eye(2)
        if symmetric:
            eps = 0.5 * (eps + eps.T)
        ev = 0.5 * (eps[0, 0] + eps[1, 1])
        dev = np.sqrt(0.5 * (eps[0, 0] - eps[1, 1]) ** 2 + eps[0, 1] ** 2 + eps[1, 0] ** 2)
        tot = np.sqrt(np.sum(eps ** 2))
        rows.append([i, len(nb), d2, na[0], na[1], H[0, 0], H[0, 1], H[1, 0], H[1, 1],
                     eps[0, 0], eps[0, 1], eps[1, 0], eps[1, 1], ev, abs(ev), dev, tot,
                     np.linalg.det(H)])
    return rows


def write_rows(path, header, rows):
    with open(path, "w") as f:
        f.write(",".join(header) + "\n")
        for r in rows:
            f.write(",".join(repr(int(v)) if isinstance(v, (int, np.integer)) else repr(float(v))
                             for v in r) + "\n")


LOCAL_HEADER = ["id", "neighbours", "d2min", "nax", "nay", "Hxx", "Hxy", "Hyx", "Hyy",
                "eps_xx", "eps_xy", "eps_yx", "eps_yy", "eps_vol", "abs_eps_vol", "dev_norm",
                "total_norm", "detH"]

# ---- Appendix A fixtures -------------------------------------------------------------------
U, box = lattice(16, 18, 0.9, 0.08)
n = len(U)
diam = rng.normal(1.0, 0.11, n).clip(0.7, 1.3)
U += rng.normal(0, 1.0, 2) + box * rng.integers(-1, 2, 2)  # shift so images are non-trivial
xr, imr = wrap(U, box)
write_config("local_ref.csv", xr, imr, diam, box)
rc = 2.4

# (1) same box, thermal-like noise plus a localised rearrangement
cur = U + rng.normal(0, 0.05, U.shape)
centre = U[n // 2]
dist = np.hypot(*minimage(U - centre, box).T)
cur[dist < 2.0] += rng.normal(0, 0.25, (np.sum(dist < 2.0), 2))
xc, imc = wrap(cur, box)
write_config("local_cur.csv", xc, imc, diam, box)
write_rows("local_expected.csv", LOCAL_HEADER, appendix_a(xr, imr, box, xc, imc, box, rc))
write_rows("local_expected_symmetric.csv", LOCAL_HEADER,
           appendix_a(xr, imr, box, xc, imc, box, rc, symmetric=True))

# (2) deformed box (diagonal F) plus noise
F = np.diag([1.013, 0.991])
boxd = box @ F
curd = U @ F.T + rng.normal(0, 0.03, U.shape)
xd, imd = wrap(curd, boxd)
write_config("local_cur_deformed.csv", xd, imd, diam, boxd)
write_rows("local_expected_deformed.csv", LOCAL_HEADER,
           appendix_a(xr, imr, box, xd, imd, boxd, rc))

# ---- g(r) ----------------------------------------------------------------------------------
dr, rmax = 0.02, 5.0
bins = int(round(rmax / dr))
allr = []
for i in range(n):
    d = minimage(xr - xr[i], box)
    r = np.hypot(d[:, 0], d[:, 1])
    allr.append(r[np.arange(n) != i])
allr = np.concatenate(allr)
counts, edges = np.histogram(allr, bins=bins, range=(0.0, bins * dr))
shell = np.pi * (edges[1:] ** 2 - edges[:-1] ** 2)
g = counts / (n * (n - 1) / (box[0] * box[1]) * shell)
write_rows("gofr_expected.csv", ["r", "g"], [[0.5 * (edges[k] + edges[k + 1]), g[k]]
                                             for k in range(bins)])

# ---- softness (Appendix C) -----------------------------------------------------------------
delta, rmin, rmax_s = 0.02, 0.5, 1.45
rho = n / (box[0] * box[1])
rows = []
for i in range(n):
    d = minimage(xr - xr[i], box)
    r = np.hypot(d[:, 0], d[:, 1])
    rij = r[(np.arange(n) != i) & (r < rmax_s + 10 * delta)]

    def integrand(x):
        gi = np.sum(np.exp(-(x - rij) ** 2 / (2 * delta ** 2))) / np.sqrt(2 * np.pi * delta ** 2)
        gi /= 2 * np.pi * x * rho
        return x * (gi - 1.0) * gi

    pts = sorted(v for v in rij if rmin < v < rmax_s)
    val, err = scipy.integrate.quad(integrand, rmin, rmax_s, points=pts or None, limit=500,
                                    epsabs=1e-13, epsrel=1e-12)
    bp = -2 * np.pi * rho * val
    rows.append([i, bp, 1.0 / abs(bp)])
write_rows("softness_expected.csv", ["id", "beta_phi", "softness"], rows)
with open("softness_params.txt", "w") as f:
    f.write("delta=%r\nrmin=%r\nrmax=%r\n" % (delta, rmin, rmax_s))

# ---- correlations --------------------------------------------------------------------------
m = 240
z = rng.normal(size=(m, 3))
cols = {
    "dev_norm": np.abs(z[:, 0]) + 0.1 * rng.normal(size=m),
    "detH": 1.0 - 0.5 * z[:, 0] + 0.3 * z[:, 1],
    "abs_eps_vol": np.abs(0.4 * z[:, 0] + z[:, 1]),
    "d2min": np.exp(0.5 * z[:, 0] + 0.2 * z[:, 2]),
    "m": np.round(np.abs(z[:, 2] + 0.3 * z[:, 0]), 1),  # ties
    "total_norm": np.abs(z[:, 0]) + np.abs(z[:, 1]),
    "S": 1.0 / (1.0 + z[:, 2] ** 2),
}
names = list(cols)
table = np.column_stack([cols[k] for k in names])
write_rows("corr_table.csv", names, table.tolist())
P = np.array([[scipy.stats.pearsonr(table[:, a], table[:, b])[0] for b in range(len(names))]
              for a in range(len(names))])
S = scipy.stats.spearmanr(table).correlation
write_rows("corr_pearson.csv", names, P.tolist())
write_rows("corr_spearman.csv", names, S.tolist())

with open("versions.txt", "w") as f:
    f.write("python %s\nnumpy %s\nscipy %s\n" % (sys.version.split()[0], np.__version__,
                                                  scipy.__version__))
