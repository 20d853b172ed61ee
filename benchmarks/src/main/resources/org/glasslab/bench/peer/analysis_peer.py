#!/usr/bin/python3
"""Peer implementation for `glasslab bench analysis`: numpy/scipy vectorised local affine fits
(Jha & Sengupta Appendix A; neighbours by scipy.spatial.cKDTree with periodic boxsize) and caging
softness (Appendix C on the same Simpson grid). Usage:
  analysis_peer.py REF.csv CUR.csv RC DELTA RMIN RMAX H REPEATS
Files: '# box Lx Ly' then 'x,y,ix,iy' rows. Prints JSON with median wall and CPU seconds and checksums."""
import json
import sys
import time

import numpy as np
import scipy
from scipy.spatial import cKDTree


def read(path):
    with open(path) as f:
        box = np.array([float(v) for v in f.readline().split()[2:4]])
    a = np.loadtxt(path, delimiter=",", skiprows=2)
    return a[:, 0:2], a[:, 2:4], box


def local_fields(xr, imr, xc, imc, box, rc):
    n = len(xr)
    U = xr + imr * box
    u = xc + imc * box
    tree = cKDTree(xr, boxsize=box)
    p = tree.query_pairs(rc, output_type="ndarray")
    i = np.concatenate([p[:, 0], p[:, 1]])
    j = np.concatenate([p[:, 1], p[:, 0]])
    dX = xr[j] - xr[i]
    dX -= box * np.rint(dX / box)
    k = np.rint((dX - (U[j] - U[i])) / box)
    dx = u[j] - u[i] + k * box
    def s(w):
        return np.bincount(i, weights=w, minlength=n)
    A = np.stack([s(dx[:, 0] * dX[:, 0]), s(dx[:, 0] * dX[:, 1]),
                  s(dx[:, 1] * dX[:, 0]), s(dx[:, 1] * dX[:, 1])], axis=1).reshape(n, 2, 2)
    B = np.stack([s(dX[:, 0] * dX[:, 0]), s(dX[:, 0] * dX[:, 1]),
                  s(dX[:, 1] * dX[:, 0]), s(dX[:, 1] * dX[:, 1])], axis=1).reshape(n, 2, 2)
    H = A @ np.linalg.inv(B)
    res = dx - np.einsum("pab,pb->pa", H[i], dX)
    cnt = np.bincount(i, minlength=n)
    d2 = s(np.sum(res ** 2, axis=1)) / cnt
    na = np.stack([s(res[:, 0]), s(res[:, 1])], axis=1) / cnt[:, None]
    eps = H - np.eye(2)
    ev = 0.5 * (eps[:, 0, 0] + eps[:, 1, 1])
    dev = np.sqrt(0.5 * (eps[:, 0, 0] - eps[:, 1, 1]) ** 2 + eps[:, 0, 1] ** 2 + eps[:, 1, 0] ** 2)
    tot = np.sqrt(np.sum(eps ** 2, axis=(1, 2)))
    det = np.linalg.det(H)
    m = np.hypot(*(u - U).T)
    return d2, na, ev, dev, tot, det, m


def softness(xr, box, delta, rmin, rmax, h):
    n = len(xr)
    rho = n / (box[0] * box[1])
    reach = 8 * delta
    intervals = int(np.ceil((rmax - rmin) / h - 1e-9))
    intervals += intervals % 2
    hh = (rmax - rmin) / intervals
    grid = rmin + hh * np.arange(intervals + 1)
    tree = cKDTree(xr, boxsize=box)
    p = tree.query_pairs(rmax + reach, output_type="ndarray")
    i = np.concatenate([p[:, 0], p[:, 1]])
    j = np.concatenate([p[:, 1], p[:, 0]])
    d = xr[j] - xr[i]
    d -= box * np.rint(d / box)
    r = np.hypot(d[:, 0], d[:, 1])
    keep = (r + reach >= rmin) & (r - reach <= rmax)
    i, r = i[keep], r[keep]
    width = int(np.ceil(2 * reach / hh)) + 2
    k0 = np.maximum(0, np.ceil((r - reach - rmin) / hh)).astype(int)
    cols = k0[:, None] + np.arange(width)[None, :]
    valid = (cols <= intervals) & (grid[np.minimum(cols, intervals)] <= r[:, None] + reach + 1e-12)
    cols = np.minimum(cols, intervals)
    g = np.exp(-(grid[cols] - r[:, None]) ** 2 / (2 * delta ** 2)) * valid
    kern = np.zeros((n, intervals + 1))
    np.add.at(kern, (np.repeat(i, width), cols.ravel()), g.ravel())
    q = kern / np.sqrt(2 * np.pi * delta ** 2) / (2 * np.pi * rho)
    f = q * (q / grid[None, :] - 1)
    w = np.full(intervals + 1, 2.0)
    w[1::2] = 4.0
    w[0] = w[-1] = 1.0
    bp = -2 * np.pi * rho * (f @ (w * hh / 3))
    return 1 / np.abs(bp)


def median_time(fn, repeats):
    fn()
    ts = []
    cs = []
    out = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        c0 = time.process_time()
        out = fn()
        cs.append(time.process_time() - c0)
        ts.append(time.perf_counter() - t0)
    return float(np.median(ts)), float(np.median(cs)), out


def main():
    ref, cur, rc, delta, rmin, rmax, h, repeats = sys.argv[1:9]
    xr, imr, box = read(ref)
    xc, imc, boxc = read(cur)
    rc, delta, rmin, rmax, h, repeats = (float(rc), float(delta), float(rmin), float(rmax),
                                         float(h), int(repeats))
    tl, cl, fields = median_time(lambda: local_fields(xr, imr, xc, imc, box, rc), repeats)
    ts, cs, s = median_time(lambda: softness(xr, box, delta, rmin, rmax, h), repeats)
    print(json.dumps({"tool": "numpy %s / scipy %s" % (np.__version__, scipy.__version__),
                      "local_seconds": tl, "softness_seconds": ts,
                      "local_cpu_seconds": cl, "softness_cpu_seconds": cs,
                      "mean_d2min": float(np.mean(fields[0])), "mean_softness": float(np.mean(s))}))


main()
