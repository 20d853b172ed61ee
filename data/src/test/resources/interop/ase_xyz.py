#!/usr/bin/env python3
"""Reads a GlassLab extended XYZ file with ASE (ase.io.read(file, ":")), prints what ASE sees as
JSON, and writes the frames back with ASE's own extxyz writer.

Used by ToolInteropTest (Debian's /usr/bin/python3 with python3-ase). Floats are printed with
repr(), which round-trips exactly, so the Java side compares bit for bit.
Usage: ase_xyz.py IN.xyz OUT.xyz
"""
import json
import sys
import warnings

warnings.filterwarnings("ignore")
import ase.io  # noqa: E402

frames = ase.io.read(sys.argv[1], ":")
out = []
for a in frames:
    f = {
        "n": len(a),
        "symbols": sorted(set(a.get_chemical_symbols())),
        "cell": [repr(float(a.cell[0, 0])), repr(float(a.cell[1, 1]))],
        "pbc": [bool(p) for p in a.pbc],
        "positions": [repr(float(c)) for c in a.positions[:, :2].ravel()],
        "z": [float(c) for c in a.positions[:, 2]],
        "diameters": [repr(float(d)) for d in a.arrays["diameter"]],
        "images": [int(i) for i in a.arrays["image"].ravel()],
        "step": int(a.info["Step"]),
        "time": repr(float(a.info["Time"])),
    }
    f["info"] = {k: str(v) for k, v in a.info.items() if k not in ("Step", "Time")}
    for key in ("type", "id"):
        if key in a.arrays:
            f[key] = [int(i) for i in a.arrays[key]]
    if "velo" in a.arrays:
        f["velocities"] = [repr(float(c)) for c in a.arrays["velo"][:, :2].ravel()]
    out.append(f)
ase.io.write(sys.argv[2], frames, format="extxyz")
print(json.dumps(out))
