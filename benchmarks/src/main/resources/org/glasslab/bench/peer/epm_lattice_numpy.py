#!/usr/bin/python3
"""Peer for `glasslab bench epm-lattice`: the same lattice thermal EPM KMC step (random-orientation
Eshelby kernel, Arrhenius rates f0*exp(-x^1.5/T), unstable sites at rate f0, threshold renewal
N(1, 0.3), the default post-yield rule 'redraw': sigma_new from Baron-Biroli's y(sigma) truncated
at the renewed threshold) written with vectorized numpy: per event the rates of all N sites are
recomputed, the waiting time and the site are drawn by Gillespie (cumsum + searchsorted), and the
rotated kernel K0 + cos4t Kc + sin4t Ks is rolled onto the failing site.
Usage: epm_lattice_numpy.py L T EVENTS SEED  -> prints 'events_per_second <value>' on stdout."""
import sys
import time

import numpy as np

L, T, EVENTS, SEED = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rng = np.random.default_rng(SEED)
N = L * L
q = 2 * np.pi * np.fft.fftfreq(L)
qx, qy = np.meshgrid(q, q, indexing="xy")
a = 2 - 2 * np.cos(qx)
b = 2 - 2 * np.cos(qy)
d = a + b
d[0, 0] = 1.0
h0 = np.full((L, L), -0.5)
hc = 0.5 * (1 - 8 * a * b / d**2)
hs = 0.5 * 4 * np.sin(qx) * np.sin(qy) * (a - b) / d**2
for h in (h0, hc, hs):
    h[0, 0] = 0.0
K0, Kc, Ks = (np.fft.ifft2(h).real * np.pi / 2 for h in (h0, hc, hs))


def kernel(theta):
    c, s = np.cos(4 * theta), np.sin(4 * theta)
    g = K0 + c * Kc + s * Ks
    off = (g[0, 0] + 1.0) / (N - 1)
    g = g + off
    g[0, 0] = -1.0
    return g


def released(s, t_new):
    # redraw: |sigma_new| from y ~ exp(|sigma| - t_new) on [0, t_new), random sign
    v = 2 * rng.uniform() - 1
    e = np.exp(-t_new)
    mag = min(t_new + np.log(e + abs(v) * (1 - e)), t_new)
    return s - (-mag if v < 0 else mag)


def threshold(n):
    t = rng.normal(1.0, 0.3, n)
    while np.any(t <= 0):
        bad = t <= 0
        t[bad] = rng.normal(1.0, 0.3, bad.sum())
    return t


sigma = rng.normal(0.0, 1.0, (L, L))
sigma -= sigma.mean()
th = threshold(N).reshape(L, L)
# athermal synchronous relaxation
while True:
    unstable = np.argwhere(th - np.abs(sigma) <= 0)
    if len(unstable) == 0:
        break
    for y, x in unstable:
        t_new = threshold(1)[0]
        ds = released(sigma[y, x], t_new)
        sigma += np.roll(np.roll(kernel(rng.uniform(0, np.pi / 2)), y, axis=0), x, axis=1) * ds
        th[y, x] = t_new


def event():
    x = th - np.abs(sigma)
    rate = np.where(x <= 0, 1.0, np.exp(-np.maximum(x, 0) ** 1.5 / T)).ravel()
    cum = np.cumsum(rate)
    i = int(np.searchsorted(cum, rng.uniform() * cum[-1], side="right"))
    i = min(i, N - 1)
    y, xx = divmod(i, L)
    t_new = threshold(1)[0]
    ds = released(sigma[y, xx], t_new)
    g = np.roll(np.roll(kernel(rng.uniform(0, np.pi / 2)), y, axis=0), xx, axis=1)
    sigma[...] += g * ds
    th[y, xx] = t_new
    return rng.exponential() / cum[-1]


for _ in range(min(200, EVENTS)):
    event()
t0 = time.perf_counter()
for _ in range(EVENTS):
    event()
elapsed = time.perf_counter() - t0
print("events_per_second %.6g" % (EVENTS / elapsed))
