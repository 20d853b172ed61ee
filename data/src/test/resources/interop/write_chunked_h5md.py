"""Writes an H5MD file with h5py whose position dataset is chunked (the H5MD standard's extensible
layout), for GlassLab's chunked-read test.

usage: write_chunked_h5md.py SOURCE.bin OUT.h5 FRAMES N L CHUNK_FRAMES CHUNK_PARTICLES COMPRESSION
SOURCE.bin holds FRAMES*N*2 little-endian float64 positions (frame-major, x y per particle);
COMPRESSION is 'none' or 'gzip'."""
import sys

import h5py
import numpy as np

src, out, frames, n, box = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
chunk_frames, chunk_particles, compression = int(sys.argv[6]), int(sys.argv[7]), sys.argv[8]
pos = np.fromfile(src, dtype="<f8").reshape(frames, n, 2)
with h5py.File(out, "w") as f:
    f.create_group("h5md").attrs["version"] = np.array([1, 1])
    part = f.create_group("particles/all")
    b = part.create_group("box")
    b.attrs["dimension"] = 2
    b.attrs["boundary"] = np.array([b"periodic", b"periodic"])
    b.create_dataset("edges", data=np.array([box, box]))
    p = part.create_group("position")
    p.create_dataset(
        "value",
        data=pos,
        maxshape=(None, n, 2),
        chunks=(chunk_frames, chunk_particles, 2),
        compression=None if compression == "none" else compression,
    )
    p.create_dataset("step", data=np.arange(frames, dtype=np.int64) * 10, maxshape=(None,), chunks=(16,))
    p.create_dataset("time", data=np.arange(frames) * 0.03, maxshape=(None,), chunks=(16,))
    part.create_dataset("diameter", data=np.ones(n))
