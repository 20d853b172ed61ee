#!/usr/bin/env python3
"""Reads a GlassLab H5MD file with h5py and with MDAnalysis and prints what each sees as JSON.

Used by H5mdInteropTest (run with Debian's /usr/bin/python3: python3-h5py, python3-mdanalysis).
Floats are printed with repr(), which round-trips exactly, so the Java side compares bit for bit.
Usage: read_h5md.py FILE.h5 h5py|mdanalysis
"""
import json
import sys
import warnings

warnings.filterwarnings("ignore")


def with_h5py(path):
    import h5py

    with h5py.File(path, "r") as f:
        all_ = f["particles/trajectory" if "trajectory" in f["particles"] else "particles/all"]
        pos = all_["position/value"][...]
        return {
            "version": [int(v) for v in f["h5md"].attrs["version"]],
            "frames": int(pos.shape[0]),
            "n": int(pos.shape[1]),
            "positions": [[repr(float(c)) for c in frame[:, :2].ravel()] for frame in pos],
            "images": [[int(c) for c in frame[:, :2].ravel()] for frame in all_["image/value"][...]],
            "steps": [int(s) for s in all_["position/step"][...]],
            "times": [repr(float(t)) for t in all_["position/time"][...]],
            "diameters": [repr(float(d)) for d in all_["diameter"][...]],
            "box": [repr(float(all_["box/edges/value"][0, 0, 0])), repr(float(all_["box/edges/value"][0, 1, 1]))],
            "observables": sorted(f["observables"].keys()) if "observables" in f else [],
        }


def with_mdanalysis(path):
    # A Universe straight from the file, as a user opens it: H5MD carries no topology, so
    # MDAnalysis 2.4 needs n_atoms (its minimal parser otherwise trips over convert_units), and
    # reduced units have no MDAnalysis unit name, so convert_units=False. A .h5 file needs
    # format="H5MD", topology_format="MINIMAL" (MDAnalysis knows the extension .h5md only).
    # Positions are float32 there.
    import h5py
    import MDAnalysis as mda

    with h5py.File(path, "r") as f:
        group = next(iter(f["particles"].values()))
        n = group["position/value"].shape[1]
    fmt = {} if path.endswith(".h5md") else {"format": "H5MD", "topology_format": "MINIMAL"}
    u = mda.Universe(path, n_atoms=n, convert_units=False, **fmt)
    r = u.trajectory
    out = {"frames": int(r.n_frames), "n": int(len(u.atoms)), "positions": [], "steps": [],
           "times": [], "box": [], "observables": sorted(k for k in r.ts.data if k not in ("step", "time", "dt"))}
    for ts in r:
        out["positions"].append([repr(float(c)) for c in u.atoms.positions[:, :2].astype(float).ravel()])
        out["steps"].append(int(ts.data["step"]))
        out["times"].append(repr(float(ts.time)))
        out["box"].append([repr(float(ts.dimensions[0])), repr(float(ts.dimensions[1]))])
    return out


if __name__ == "__main__":
    path, how = sys.argv[1], sys.argv[2]
    print(json.dumps(with_h5py(path) if how == "h5py" else with_mdanalysis(path)))
