"""Writes an H5MD file with MDAnalysis' H5MDWriter (its own layout: /particles/trajectory,
float32 positions, no diameters) from raw little-endian float64 positions [frames, n, 2].

usage: write_mdanalysis_h5md.py SOURCE.bin OUT.h5 FRAMES N BOX CHUNK_FRAMES COMPRESSION
CHUNK_FRAMES 0 = MDAnalysis' default chunks (one frame); COMPRESSION none or gzip.
"""
import sys
import warnings

import numpy as np

warnings.filterwarnings("ignore")
import MDAnalysis as mda  # noqa: E402

src, out, frames, n, box, chunk, compression = sys.argv[1:8]
frames, n, box, chunk = int(frames), int(n), float(box), int(chunk)
xy = np.fromfile(src, dtype="<f8").reshape(frames, n, 2)
xyz = np.zeros((frames, n, 3))
xyz[:, :, :2] = xy
u = mda.Universe.empty(n, trajectory=True)
kwargs = dict(n_atoms=n, n_frames=frames, convert_units=False, velocities=False, forces=False)
if chunk > 0:
    kwargs["chunks"] = (chunk, n, 3)
if compression != "none":
    kwargs["compression"] = compression
from MDAnalysis.coordinates.H5MD import H5MDWriter  # noqa: E402

with H5MDWriter(out, **kwargs) as w:
    for f in range(frames):
        u.atoms.positions = xyz[f]
        u.dimensions = [box, box, 1.0, 90.0, 90.0, 90.0]
        u.trajectory.ts.data["step"] = f + 1
        u.trajectory.ts.data["time"] = 0.5 * (f + 1)
        w.write(u.atoms)
