#!/usr/bin/python3
"""Peer run for GlassLab's lowest Hessian modes: scipy eigsh in shift-invert mode.

Usage: /usr/bin/python3 scipy_eigsh.py MATRIX.mtx K SIGMA REPEAT
Reads a Matrix Market file, runs scipy.sparse.linalg.eigsh(H, k=K, sigma=SIGMA, which='LM')
(ARPACK shift-invert on a SuperLU factorization of H - SIGMA I) REPEAT times and prints plain
lines: `eigenvalues ...` (ascending), `wall ...` and `cpu ...` seconds per repeat (eigsh only,
time.perf_counter and time.process_time), `versions ...`.
"""
import sys
import time

import numpy as np
import scipy
import scipy.io
from scipy.sparse.linalg import eigsh


def main():
    h = scipy.io.mmread(sys.argv[1]).tocsc()
    k, sigma, repeat = int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
    wall, cpu = [], []
    w = None
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        w = eigsh(h, k=k, sigma=sigma, which="LM", return_eigenvectors=False)
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    print("eigenvalues " + " ".join("%.17g" % v for v in np.sort(w)))
    print("wall " + " ".join("%.6f" % v for v in wall))
    print("cpu " + " ".join("%.6f" % v for v in cpu))
    print("versions numpy %s scipy %s python %s" % (np.__version__, scipy.__version__, sys.version.split()[0]))


if __name__ == "__main__":
    main()
