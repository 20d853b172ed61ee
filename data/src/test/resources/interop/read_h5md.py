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
        all_ = f["particles/all"]
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
    # H5MD files carry no topology, so use the coordinate reader directly. MDAnalysis keeps
    # positions in float32: the Java side compares them to single precision.
    from MDAnalysis.coordinates.H5MD import H5MDReader

    # Reduced (LJ) units have no MDAnalysis unit name: read them as they are.
    r = H5MDReader(path, convert_units=False)
    out = {"frames": int(r.n_frames), "n": int(r.n_atoms), "positions": [], "steps": [], "box": []}
    for ts in r:
        out["positions"].append([repr(float(c)) for c in ts.positions[:, :2].astype(float).ravel()])
        out["steps"].append(int(ts.data["step"]))
        out["box"].append([repr(float(ts.dimensions[0])), repr(float(ts.dimensions[1]))])
    r.close()
    return out


if __name__ == "__main__":
    path, how = sys.argv[1], sys.argv[2]
    print(json.dumps(with_h5py(path) if how == "h5py" else with_mdanalysis(path)))
