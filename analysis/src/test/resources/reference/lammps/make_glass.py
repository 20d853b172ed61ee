#!/usr/bin/python3
"""Writes glass.data, pairs.in and types.txt for in.glass (LAMMPS): N = 500 disks at density 0.9,
Gaussian diameters (11% polydispersity, mean 1) binned into 10 types, WCA (lj/cut at 2^(1/6)
sigma_ij, shifted) with sigma_ij = (sigma_i + sigma_j)/2, on a jittered square lattice."""
import numpy as np

rng = np.random.default_rng(7)
N = 500
rho = 0.9
L = np.sqrt(N / rho)
d = rng.normal(1.0, 0.11, N)
d = d / d.mean()
edges = np.quantile(d, np.linspace(0, 1, 11))
t = np.clip(np.searchsorted(edges, d, side="right") - 1, 0, 9)
sig = np.array([d[t == k].mean() for k in range(10)])
sig = sig / np.mean(sig[t])  # mean diameter 1
n = int(np.ceil(np.sqrt(N)))
a = L / n
pts = [((i + 0.5) * a, (j + 0.5) * a) for j in range(n) for i in range(n)][:N]
pts = np.array(pts) + rng.normal(0, 0.02, (N, 2))
with open("glass.data", "w") as f:
    f.write("polydisperse WCA 2D\n\n%d atoms\n10 atom types\n\n0 %r xlo xhi\n0 %r ylo yhi\n"
            "-0.5 0.5 zlo zhi\n\nMasses\n\n" % (N, L, L))
    for k in range(10):
        f.write("%d 1.0\n" % (k + 1))
    f.write("\nAtoms # atomic\n\n")
    for i in range(N):
        f.write("%d %d %r %r 0.0\n" % (i + 1, t[i] + 1, pts[i, 0] % L, pts[i, 1] % L))
with open("types.txt", "w") as f:
    for k in range(10):
        f.write("%d %r\n" % (k + 1, sig[k]))
with open("pairs.in", "w") as f:
    for a_ in range(10):
        for b in range(a_, 10):
            s = 0.5 * (sig[a_] + sig[b])
            f.write("pair_coeff %d %d 1.0 %r %r\n" % (a_ + 1, b + 1, s, s * 2 ** (1 / 6)))
