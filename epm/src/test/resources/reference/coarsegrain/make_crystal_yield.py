#!/usr/bin/env python3
"""Analytic yield of a triangular WCA crystal under affine simple shear along a close-packed
direction (x), for the frozen-matrix test (FrozenMatrixTest). Independent of the Java code:
lattice sums in numpy, eigenvalues by numpy.linalg.eigvalsh, roots by scipy.optimize.brentq.

Writes crystal_yield.json:
  tau_affine(gamma): resolved shear stress of the affinely sheared lattice per unit area
      [epsilon/sigma^2] = -(rho/2) sum_neighbours (-U'/r)(r.t)(r.n)
  gamma_peak: strain where tau_affine peaks (d tau/d gamma = 0, long-wavelength instability)
  gamma_phonon: first strain where some phonon of the infinite sheared lattice goes soft
      (min over a k-grid of the dynamical-matrix eigenvalues crosses 0)
  gamma_patch: first strain where the Hessian of the particles within R of a site, all others
      held at the affine positions (the frozen-matrix boundary), loses positive definiteness.
      Before it the affine state is a minimum of the patch (every site is an inversion centre, so
      forces vanish), so the frozen-matrix yield strain must equal gamma_patch.
Run: /usr/bin/python3 make_crystal_yield.py  (numpy, scipy)
"""
import json
import numpy as np
from scipy.optimize import brentq

A = 1.0          # lattice spacing [sigma]; WCA, all diameters 1
R = 4.2          # patch radius [sigma] (no site at exactly R: |r|^2 = i^2+ij+j^2 is 16 or 19)
RC2 = 2 ** (1 / 3)


def forces(r2):
    """-U'/r and U'' of WCA at squared distance r2 (0 beyond the cutoff)."""
    ir2 = 1 / r2
    s6 = ir2 ** 3
    fr = np.where(r2 < RC2, 24 * s6 * (2 * s6 - 1) * ir2, 0.0)
    r = np.sqrt(r2)
    upp = np.where(r2 < RC2, 4 * (156 * s6 * s6 - 42 * s6) * ir2, 0.0)
    return fr, upp


def sites(extent):
    a1 = np.array([A, 0.0])
    a2 = np.array([A / 2, A * np.sqrt(3) / 2])
    m = int(extent / A) + 3
    ij = np.array([(i, j) for i in range(-m, m + 1) for j in range(-m, m + 1)], float)
    return ij[:, :1] * a1 + ij[:, 1:] * a2


def shear(p, g):
    q = p.copy()
    q[:, 0] += g * p[:, 1]
    return q


NB = sites(3.0)
NB = NB[(np.hypot(NB[:, 0], NB[:, 1]) > 1e-9) & (np.hypot(NB[:, 0], NB[:, 1]) < 2.5)]
RHO = 2 / (np.sqrt(3) * A * A)


def tau_affine(g):
    r = shear(NB, g)
    fr, _ = forces((r ** 2).sum(1))
    w = 0.5 * np.sum(fr * r[:, 0] * r[:, 1])  # half virial per site, t = x, n = y
    return -RHO * w


def k_block(r):
    r2 = (r ** 2).sum()
    fr, upp = forces(r2)
    n = r / np.sqrt(r2)
    return upp * np.outer(n, n) - fr * (np.eye(2) - np.outer(n, n))  # U'/r = -fr


def phonon_min(g, nk=48):
    r = shear(NB, g)
    ks = [k_block(v) for v in r]
    # reciprocal vectors of the sheared lattice
    a1 = np.array([A, 0.0])
    a2 = shear(np.array([[A / 2, A * np.sqrt(3) / 2]]), g)[0]
    M = np.array([a1, a2])
    B = 2 * np.pi * np.linalg.inv(M).T
    lo = np.inf
    for u in np.arange(nk) / nk:
        for v in np.arange(nk) / nk:
            if u == 0 and v == 0:
                continue
            k = u * B[0] + v * B[1]
            D = sum(K * (1 - np.cos(k @ d)) for K, d in zip(ks, r))
            lo = min(lo, np.linalg.eigvalsh(D)[0])
    return lo


P = sites(R + 3)
FREE = np.hypot(P[:, 0], P[:, 1]) < R
SHELL = (~FREE) & (np.hypot(P[:, 0], P[:, 1]) < R + 2.5)
P = P[FREE | SHELL]
FREE = np.hypot(P[:, 0], P[:, 1]) < R
IDX = -np.ones(len(P), int)
IDX[FREE] = np.arange(FREE.sum())


def patch_min(g):
    q = shear(P, g)
    nf = FREE.sum()
    H = np.zeros((2 * nf, 2 * nf))
    for i in range(len(q)):
        for j in range(i + 1, len(q)):
            if not (FREE[i] or FREE[j]):
                continue
            d = q[i] - q[j]
            if d @ d >= RC2:
                continue
            K = k_block(d)
            a, b = IDX[i], IDX[j]
            if a >= 0:
                H[2 * a:2 * a + 2, 2 * a:2 * a + 2] += K
            if b >= 0:
                H[2 * b:2 * b + 2, 2 * b:2 * b + 2] += K
            if a >= 0 and b >= 0:
                H[2 * a:2 * a + 2, 2 * b:2 * b + 2] -= K
                H[2 * b:2 * b + 2, 2 * a:2 * a + 2] -= K
    return np.linalg.eigvalsh(H)[0]


def first_root(f, lo, hi, n):
    gs = np.linspace(lo, hi, n)
    vals = [f(g) for g in gs]
    for k in range(1, n):
        if vals[k - 1] > 0 >= vals[k]:
            return brentq(f, gs[k - 1], gs[k], xtol=1e-10), gs.tolist(), vals
    return None, gs.tolist(), vals


gam = np.linspace(0, 0.3, 301)
tau = np.array([tau_affine(g) for g in gam])
dtau = lambda g: (tau_affine(g + 1e-7) - tau_affine(g - 1e-7)) / 2e-7
g_peak, _, _ = first_root(dtau, 0.0, 0.3, 301)
g_patch, _, _ = first_root(patch_min, 0.0, 0.3, 61)
g_ph, _, _ = first_root(lambda g: phonon_min(g, 24), 0.0, 0.3, 31)
if g_ph is not None:
    g_ph = brentq(lambda g: phonon_min(g, 48), g_ph - 0.02, min(g_ph + 0.02, 0.3), xtol=1e-8)
out = {
    "script": "make_crystal_yield.py",
    "numpy": np.__version__,
    "lattice_spacing": A,
    "radius": R,
    "potential": "wca",
    "free_sites": int(FREE.sum()),
    "gamma": gam.tolist(),
    "tau_affine": tau.tolist(),
    "gamma_peak": g_peak,
    "gamma_phonon": g_ph,
    "gamma_patch": g_patch,
    "tau_at_patch_yield": tau_affine(g_patch) if g_patch is not None else None,
}
json.dump(out, open("crystal_yield.json", "w"), indent=1)
print({k: v for k, v in out.items() if k not in ("gamma", "tau_affine")})
