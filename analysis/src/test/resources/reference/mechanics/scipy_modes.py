#!/usr/bin/python3
"""scipy reference for the lowest Hessian modes (Debian /usr/bin/python3 with python3-scipy).

Run from this directory:  /usr/bin/python3 scipy_modes.py NAME-is.txt ...
Builds the Hessian independently with numpy from the configuration (minimum image,
U'' n n^T + U'/r (I - n n^T) per pair) for the fixture's potential, named by its file: wca*: WCA;
lj*: the lj potential (cutoff 2.5 sigma_ij, sigma_ij = (d_i + d_j)/2); ka*: the Kob-Andersen
mixture (species from the diameter, 1.0 = A, 0.88 = B; eps/sigma AA 1/1, AB 1.5/0.8, BB 0.5/0.88;
cutoff 2.5 sigma_ab); all shifted LJ 4 eps [(s/r)^12 - (s/r)^6] inside their cutoff, and writes NAME-is-eigsh.txt with the 50 smallest
eigenvalues from scipy.sparse.linalg.eigsh(H, k=50, sigma=-1e-3, which='LM') (shift-invert,
SuperLU factorization of H + 1e-3 I), ascending, %.17g, after a `#` header with the versions
and a line `# dense zero modes: Z` with the number of eigenvalues |w| <= 1e-8 of a dense
numpy.linalg.eigvalsh of the same matrix (ARPACK may miss copies of an exactly degenerate
eigenvalue such as rattler modes, so the zero-mode count comes from the dense decomposition).
The live comparison on GlassLab's own exported matrix is the bundled
benchmarks/src/main/resources/org/glasslab/bench/peer/scipy_eigsh.py.
"""
import os
import sys

import numpy as np
import scipy
import scipy.io
import scipy.sparse as sp
from scipy.sparse.linalg import eigsh

K_FIXTURE = 50
SIGMA_FIXTURE = -1e-3


def read_config(path):
    rows = [l.split() for l in open(path) if not l.startswith("#") and l.strip()]
    n = int(rows[0][0])
    lx, ly = float(rows[0][1]), float(rows[0][2])
    a = np.array([[float(v) for v in r[:3]] for r in rows[2 : 2 + n]])
    return n, lx, ly, a[:, 0], a[:, 1:3]


def additive(di, dj):
    """eps = 1 and sigma_ij = (d_i + d_j)/2 (wca, lj)."""
    return np.ones_like(dj), 0.5 * (di + dj)


KA_EPS = np.array([1.0, 1.5, 0.5])  # by pair type species_i + species_j: AA, AB, BB
KA_SIGMA = np.array([1.0, 0.8, 0.88])


def ka_species(d):
    sp = np.where(np.abs(d - 1.0) <= 1e-6, 0, np.where(np.abs(d - 0.88) <= 1e-6, 1, -1))
    assert (sp >= 0).all(), "ka fixture with a diameter other than 1.0 or 0.88"
    return sp


def kob_andersen(di, dj):
    """eps_ab and sigma_ab of the KA mixture, species from the diameters."""
    t = ka_species(np.atleast_1d(di))[0] + ka_species(dj)
    return KA_EPS[t], KA_SIGMA[t]


def lj_hessian(n, lx, ly, d, x, cut2, pair=additive):
    """Hessian of the (shifted) LJ pair potential with per-pair (eps, sigma) = pair(d_i, d_j) and
    cutoff^2 = cut2 * sigma^2 (WCA: cut2 = 2^(1/3))."""
    ii, jj, vv = [], [], []
    diag = np.zeros((n, 2, 2))
    for i in range(n - 1):
        dx = x[i] - x[i + 1 :]
        dx[:, 0] -= lx * np.round(dx[:, 0] / lx)
        dx[:, 1] -= ly * np.round(dx[:, 1] / ly)
        r2 = (dx**2).sum(axis=1)
        e, s = pair(d[i], d[i + 1 :])
        m = r2 < cut2 * s * s
        if not m.any():
            continue
        j = np.nonzero(m)[0] + i + 1
        dxm, r2m, sm, em = dx[m], r2[m], s[m], e[m]
        sr6 = (sm * sm / r2m) ** 3
        fr = em * (24 * sr6 * (2 * sr6 - 1) / r2m)  # -U'/r
        upp = em * ((624 * sr6 * sr6 - 168 * sr6) / r2m)
        a = (upp + fr) / r2m
        k = a[:, None, None] * dxm[:, :, None] * dxm[:, None, :] - fr[:, None, None] * np.eye(2)
        diag[i] += k.sum(axis=0)
        np.add.at(diag, j, k)
        for p in range(2):
            for q in range(2):
                ii.append(2 * i + p + np.zeros(len(j), dtype=int))
                jj.append(2 * j + q)
                vv.append(-k[:, p, q])
    for p in range(2):
        for q in range(2):
            ii.append(2 * np.arange(n) + p)
            jj.append(2 * np.arange(n) + q)
            vv.append(diag[:, p, q])
    ii, jj, vv = np.concatenate(ii), np.concatenate(jj), np.concatenate(vv)
    upper = sp.coo_matrix((vv, (ii, jj)), shape=(2 * n, 2 * n)).tocsr()
    # off-diagonal blocks were added once (i<j); add the transpose of the strictly off-block part
    off = sp.coo_matrix((vv[: -4 * n], (ii[: -4 * n], jj[: -4 * n])), shape=(2 * n, 2 * n))
    return (upper + off.T).tocsc()


def versions():
    return "numpy %s scipy %s python %s" % (np.__version__, scipy.__version__, sys.version.split()[0])


def fixture(path):
    n, lx, ly, d, x = read_config(path)
    # lj*-is.txt fixtures are md-engine potential `lj` (cutoff 2.5 s), ka*-is.txt `ka`, the others WCA
    base = os.path.basename(path)
    if base.startswith("ka"):
        h = lj_hessian(n, lx, ly, d, x, 2.5**2, kob_andersen)
    else:
        h = lj_hessian(n, lx, ly, d, x, 2.5**2 if base.startswith("lj") else 2 ** (1 / 3))
    asym = abs(h - h.T).max()
    assert asym < 1e-12 * abs(h).max(), asym
    h = ((h + h.T) * 0.5).tocsc()
    w = eigsh(h, k=K_FIXTURE, sigma=SIGMA_FIXTURE, which="LM", return_eigenvectors=False)
    w = np.sort(w)
    dense = np.linalg.eigvalsh(h.toarray())
    zeros = int((abs(dense) <= 1e-8).sum())
    out = path.replace(".txt", "-eigsh.txt")
    with open(out, "w") as f:
        f.write("# generated by scipy_modes.py from %s with %s\n" % (path, versions()))
        f.write("# eigsh(H, k=%d, sigma=%g, which='LM'), ascending\n" % (K_FIXTURE, SIGMA_FIXTURE))
        f.write("# dense zero modes: %d\n" % zeros)
        for v in w:
            f.write("%.17g\n" % v)
    print(out, w[:5])


if __name__ == "__main__":
    for p in sys.argv[1:]:
        fixture(p)
