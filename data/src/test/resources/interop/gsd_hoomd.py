#!/usr/bin/env python3
"""The python gsd module (Debian python3-gsd) against GlassLab's GSD reader and writer.

read FILE.gsd: prints what gsd.hoomd sees in every frame as JSON.
write FILE.gsd: writes a 3-frame, 2-type hoomd-schema file with gsd.hoomd, prints it as read.
Used by ToolInteropTest. Floats are printed with repr() of the stored float32 value as a double,
so the Java side compares exactly.
"""
import json
import sys
import warnings

warnings.filterwarnings("ignore")
import numpy as np  # noqa: E402
import gsd.hoomd  # noqa: E402


def frame_json(s):
    return {
        "step": int(s.configuration.step),
        "dimensions": int(s.configuration.dimensions),
        "box": [repr(float(b)) for b in s.configuration.box],
        "n": int(s.particles.N),
        "types": list(s.particles.types),
        "typeid": [int(t) for t in s.particles.typeid],
        "diameters": [repr(float(d)) for d in s.particles.diameter],
        "positions": [repr(float(c)) for c in s.particles.position.ravel()],
        "images": [int(i) for i in s.particles.image.ravel()],
        "velocities": [repr(float(c)) for c in s.particles.velocity.ravel()],
        "log": {k: [repr(float(x)) for x in np.ravel(v)] for k, v in s.log.items()},
    }


def read(path):
    with gsd.hoomd.open(path, "rb") as t:
        return [frame_json(s) for s in t]


def write(path):
    rng = np.random.default_rng(7)
    with gsd.hoomd.open(path, "wb") as t:
        for k in range(3):
            s = gsd.hoomd.Snapshot()
            s.configuration.box = [6.5, 5.25, 1, 0, 0, 0]
            s.configuration.dimensions = 2
            s.configuration.step = 100 * (k + 1)
            s.particles.N = 5
            s.particles.types = ["A", "B"]
            s.particles.typeid = np.array([0, 1, 1, 0, 1], dtype=np.uint32)
            s.particles.diameter = np.array([1.0, 1.4, 1.4, 1.0, 1.4], dtype=np.float32)
            p = np.zeros((5, 3), dtype=np.float32)
            p[:, 0] = rng.uniform(-3.25, 3.25, 5)
            p[:, 1] = rng.uniform(-2.625, 2.625, 5)
            s.particles.position = p
            s.particles.image = (rng.integers(-2, 3, (5, 3)) * [1, 1, 0]).astype(np.int32)
            t.append(s)
    return read(path)


if __name__ == "__main__":
    how, path = sys.argv[1], sys.argv[2]
    print(json.dumps(read(path) if how == "read" else write(path)))
