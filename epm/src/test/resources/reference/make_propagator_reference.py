#!/usr/bin/python3
"""Independent numpy construction of the lattice Eshelby propagators (spec §2.1-2.2) for
EshelbyPropagatorReferenceTest. Writes propagator_reference.csv with columns
kind,L,dx,dy,value:
  fixed   : imposed-stress fixed-orientation G (self term -1, scaled by -1/K(0))
  k0,kc,ks: raw random-orientation tables times pi/2 (zero mode 0), S(q) with sin(qx) sin(qy)
Run: /usr/bin/python3 make_propagator_reference.py  (numpy version is written into the header)."""
import numpy as np

rows = []
for L in (32, 64):
    q = 2 * np.pi * np.fft.fftfreq(L)
    qx, qy = np.meshgrid(q, q, indexing="xy")  # array [y, x]
    a = 2 - 2 * np.cos(qx)
    b = 2 - 2 * np.cos(qy)
    d = a + b
    d[0, 0] = 1.0
    g = -4 * a * b / d**2
    g[0, 0] = 0.0
    k = np.fft.ifft2(g).real
    gfix = k * (-1.0 / k[0, 0])
    c = 1 - 8 * a * b / d**2
    c[0, 0] = 0.0
    s = 4 * np.sin(qx) * np.sin(qy) * (a - b) / d**2
    s[0, 0] = 0.0
    h0 = np.full_like(g, -0.5)
    h0[0, 0] = 0.0
    tables = {
        "fixed": gfix,
        "k0": np.fft.ifft2(h0).real * np.pi / 2,
        "kc": np.fft.ifft2(0.5 * c).real * np.pi / 2,
        "ks": np.fft.ifft2(0.5 * s).real * np.pi / 2,
    }
    for name, t in tables.items():
        for dy in range(0, 6):
            for dx in range(0, 6):
                rows.append((name, L, dx, dy, t[dy, dx]))
        for dx, dy in ((L // 2, 3), (7, L - 5), (L - 1, L - 1)):
            rows.append((name, L, dx, dy, t[dy, dx]))

with open("propagator_reference.csv", "w") as f:
    f.write("# numpy %s\n" % np.__version__)
    f.write("kind,L,dx,dy,value\n")
    for r in rows:
        f.write("%s,%d,%d,%d,%.17g\n" % r)
