#!/usr/bin/python3
"""MSD from the first frame of a LAMMPS dump (id type x y z ix iy iz, sorted by id), with numpy.
Usage: msd_from_dump.py traj.dump > msd.csv"""
import sys

import numpy as np

frames, steps, box = [], [], None
with open(sys.argv[1]) as f:
    while True:
        line = f.readline()
        if not line:
            break
        if line.startswith("ITEM: TIMESTEP"):
            steps.append(int(f.readline()))
        elif line.startswith("ITEM: NUMBER OF ATOMS"):
            n = int(f.readline())
        elif line.startswith("ITEM: BOX BOUNDS"):
            box = np.array([np.diff([float(v) for v in f.readline().split()[:2]])[0] for _ in range(3)])[:2]
        elif line.startswith("ITEM: ATOMS"):
            a = np.array([f.readline().split() for _ in range(n)], dtype=float)
            a = a[np.argsort(a[:, 0])]
            frames.append(a[:, 2:4] + a[:, 5:7] * box)
u0 = frames[0]
print("frame,step,msd")
for k, u in enumerate(frames):
    print("%d,%d,%r" % (k, steps[k], float(np.mean(np.sum((u - u0) ** 2, axis=1)))))
