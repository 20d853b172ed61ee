#!/usr/bin/python3
"""Writes GlassLab's bad-input corpus: one small file per malformed input and cases.tsv, the
manifest BadInputCorpusTest runs (every case must exit with its code and print its fragments on
stderr, with no stack trace and nothing left behind).

Run from this directory with Debian's python3 (h5py needed for the H5MD cases):
    /usr/bin/python3 make_bad_inputs.py
_base/ holds the valid inputs the mutations start from: run/ from
    glasslab simulate -T 0.5 --particles 4 --density 0.5 --blocks 1 -B 4 --n-cfg 2 \\
        --equilibration-time 0.01 --waiting-time 0.01 -o run
and state.bin from `glasslab epm lattice --size 8 --temperature 0.3 --events 50 --out lat`.

cases.tsv columns: id, exit code, required stderr fragments (joined by ' && '), arguments
(space separated). In arguments and fragments, {in} is this directory (a copy of it) and {out} an
empty directory of the case, which must hold no file afterwards.
"""
import json
import os
import shutil

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = []
L = 2.8284271247461903
POS = [(0.7773404108011752, 1.7315650466099215), (2.6414382655184983, 1.7290454057252842),
       (0.4026896626884463, 0.2606863683083019), (2.368643441050542, 0.7806839169499434)]
DIA = [0.9769933714917324, 0.9518243274857395, 1.0889678921780355, 0.9822144088444926]


def write(rel, content):
    path = os.path.join(HERE, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    mode = "wb" if isinstance(content, bytes) else "w"
    with open(path, mode) as f:
        f.write(content)
    return "{in}/" + rel


def case(cid, code, fragments, args):
    if isinstance(fragments, str):
        fragments = [fragments]
    assert all("\t" not in x and " && " not in x for x in fragments)
    CASES.append((cid, code, " && ".join(fragments), args))


JUNK = bytes([0x89, 0x00, 0xff, 0xfe, 0x10, 0x80, 0xc3]) * 40

# ---------------------------------------------------------------------------------- extended XYZ
XYZ_HEAD = ('Lattice="%r 0.0 0.0 0.0 %r 0.0 0.0 0.0 1.0" '
            'Properties=species:S:1:pos:R:3:diameter:R:1 pbc="T T F" Step=1 Time=0.003' % (L, L))


def xyz(rows=None, head=XYZ_HEAD, count=None):
    rows = rows if rows is not None else [
        "A %r %r 0.0 %r" % (x, y, d) for (x, y), d in zip(POS, DIA)]
    return "%s\n%s\n%s\n" % (len(rows) if count is None else count, head, "\n".join(rows))


GOOD_XYZ = xyz()
write("xyz/good.xyz", GOOD_XYZ)
xyz_cases = [
    ("empty", "", ["empty"]),
    ("junk", JUNK, ["line 1", "not a text file"]),
    ("count_negative", xyz(count=-4), ["line 1"]),
    ("count_word", xyz(count="four"), ["line 1"]),
    ("count_too_big", xyz(count=6), ["line 7", "truncated"]),
    ("count_zero", xyz(count=0), ["line 1"]),
    ("no_lattice", xyz(head="Properties=species:S:1:pos:R:3:diameter:R:1"), ["line 2", "Lattice"]),
    ("lattice_short", xyz(head='Lattice="%r 0 0 0 %r 0 0 0" Properties=species:S:1:pos:R:3:diameter:R:1' % (L, L)),
     ["line 2", "Lattice"]),
    ("lattice_word", xyz(head='Lattice="a b c d e f g h i" Properties=species:S:1:pos:R:3:diameter:R:1'),
     ["line 2", "Lattice"]),
    ("lattice_zero", xyz(head='Lattice="0 0 0 0 0 0 0 0 1" Properties=species:S:1:pos:R:3:diameter:R:1'),
     ["line 2"]),
    ("lattice_negative", xyz(head='Lattice="-3 0 0 0 3 0 0 0 1" Properties=species:S:1:pos:R:3:diameter:R:1'),
     ["line 2"]),
    ("lattice_tilted", xyz(head='Lattice="3 0.5 0 0 3 0 0 0 1" Properties=species:S:1:pos:R:3:diameter:R:1'),
     ["line 2"]),
    ("lattice_unclosed", xyz(head='Lattice="3 0 0 0 3 0 0 0 1 Properties=species:S:1:pos:R:3:diameter:R:1'),
     ["line 2"]),
    ("no_pos", xyz(head='Lattice="%r 0 0 0 %r 0 0 0 1" Properties=species:S:1:diameter:R:1' % (L, L)),
     ["line 2", "pos"]),
    ("properties_bad", xyz(head='Lattice="%r 0 0 0 %r 0 0 0 1" Properties=species:S:1:pos:R' % (L, L)),
     ["line 2", "Properties"]),
    ("short_row", xyz(rows=["A 0.5 0.5 0.0 1.0", "A 1.5", "A 0.5 1.9 0.0 1.0", "A 1.9 1.9 0.0 1.0"]),
     ["line 4"]),
    ("x_word", xyz(rows=["A 0.5 0.5 0.0 1.0", "A abc 0.5 0.0 1.0", "A 0.5 1.9 0.0 1.0", "A 1.9 1.9 0.0 1.0"]),
     ["line 4"]),
    ("x_nan", xyz(rows=["A 0.5 0.5 0.0 1.0", "A NaN 0.5 0.0 1.0", "A 0.5 1.9 0.0 1.0", "A 1.9 1.9 0.0 1.0"]),
     ["frame 0 ending at line 6", "x of particle #1", "not finite"]),
    ("x_inf", xyz(rows=["A 0.5 0.5 0.0 1.0", "A Infinity 0.5 0.0 1.0", "A 0.5 1.9 0.0 1.0", "A 1.9 1.9 0.0 1.0"]),
     ["frame 0 ending at line 6", "not finite"]),
    ("z_nonzero", xyz(rows=["A 0.5 0.5 0.0 1.0", "A 1.9 0.5 0.7 1.0", "A 0.5 1.9 0.0 1.0", "A 1.9 1.9 0.0 1.0"]),
     ["non-2D"]),
    ("far_outside", xyz(rows=["A 0.5 0.5 0.0 1.0", "A 11.9 0.5 0.0 1.0", "A 0.5 1.9 0.0 1.0", "A 1.9 1.9 0.0 1.0"]),
     ["outside"]),
    ("diameter_negative", xyz(rows=["A 0.5 0.5 0.0 1.0", "A 1.9 0.5 0.0 -1.0", "A 0.5 1.9 0.0 1.0", "A 1.9 1.9 0.0 1.0"]),
     ["diameter"]),
    ("diameter_zero", xyz(rows=["A 0.5 0.5 0.0 1.0", "A 1.9 0.5 0.0 0", "A 0.5 1.9 0.0 1.0", "A 1.9 1.9 0.0 1.0"]),
     ["diameter"]),
    ("coincident", xyz(rows=["A 0.5 0.5 0.0 1.0", "A 1.9 0.5 0.0 1.0", "A 0.5 0.5 0.0 1.0", "A 1.9 1.9 0.0 1.0"]),
     ["particles #0 and #2 coincide", "distance 0.0"]),
    ("coincident_periodic", xyz(rows=["A 0.0 0.5 0.0 1.0", "A 1.9 0.5 0.0 1.0", "A %r 0.5 0.0 1.0" % (L - 1e-9), "A 1.9 1.9 0.0 1.0"]),
     ["particles #2 and #0 coincide", "distance 1.0"]),
    ("no_diameter", xyz(head='Lattice="%r 0 0 0 %r 0 0 0 1" Properties=species:S:1:pos:R:3' % (L, L),
                        rows=["A 0.5 0.5 0.0", "A 1.9 0.5 0.0", "A 0.5 1.9 0.0", "A 1.9 1.9 0.0"]),
     ["diameter"]),
    ("frame2_other_n", GOOD_XYZ + xyz(rows=["A 0.5 0.5 0.0 1.0", "A 1.9 0.5 0.0 1.0", "A 0.5 1.9 0.0 1.0"]),
     ["line 7", "3"]),
    ("frame2_truncated", GOOD_XYZ + "4\n" + XYZ_HEAD + "\nA 0.5 0.5 0.0 1.0\n", ["line 10", "truncated"]),
    ("trailing_garbage", GOOD_XYZ + "hello world\n", ["line 7"]),
    ("crlf_junk", GOOD_XYZ.replace("\n", "\r\n") + "\x00\x01\x02", ["line 7"]),
    ("step_word", xyz(head=XYZ_HEAD.replace("Step=1", "Step=one")), ["line 2", "Step"]),
    ("time_word", xyz(head=XYZ_HEAD.replace("Time=0.003", "Time=soon")), ["line 2", "Time"]),
]
for name, content, frags in xyz_cases:
    f = write("xyz/%s.xyz" % name, content)
    case("xyz_" + name, 1, [f.replace("{in}/xyz/", "")] + frags, "info " + f)

# ---------------------------------------------------------------------------------- LAMMPS data
def data(natoms=4, header=None, atoms=None, box=None, extra=""):
    box = box or ["0.0 %r xlo xhi" % L, "0.0 %r ylo yhi" % L, "-0.5 0.5 zlo zhi"]
    atoms = atoms if atoms is not None else [
        "%d 1 %r 1.0 %r %r 0.0" % (i + 1, d, x, y) for i, ((x, y), d) in enumerate(zip(POS, DIA))]
    header = header if header is not None else ["%s atoms" % natoms, "1 atom types"]
    return ("LAMMPS data file\n\n" + "\n".join(header) + "\n\n" + "\n".join(box) +
            "\n\nAtoms # sphere\n\n" + "\n".join(atoms) + "\n" + extra)


write("data/good.data", data())
data_rows = ["1 1 1.0 1.0 0.5 0.5 0.0", "2 1 1.0 1.0 1.9 0.5 0.0", "3 1 1.0 1.0 0.5 1.9 0.0",
             "4 1 1.0 1.0 1.9 1.9 0.0"]


def rows_with(i, row):
    r = list(data_rows)
    r[i] = row
    return r


data_cases = [
    ("empty", "", ["line 1", "truncated"]),
    ("junk", JUNK, ["not a text file"]),
    ("no_atoms_count", data(header=["1 atom types"]), ["atoms"]),
    ("count_small", data(natoms=3), ["atoms"]),
    ("count_big", data(natoms=6), ["line 16", "truncated", "Atoms line 5 of 6"]),
    ("count_word", data(header=["four atoms", "1 atom types"]), ["'N atoms'"]),
    ("no_xbox", data(box=["0.0 %r ylo yhi" % L, "-0.5 0.5 zlo zhi"]), ["xlo xhi"]),
    ("box_reversed", data(box=["3.0 0.0 xlo xhi", "0.0 3.0 ylo yhi", "-0.5 0.5 zlo zhi"]), ["box edges", "positive"]),
    ("box_word", data(box=["0.0 big xlo xhi", "0.0 3.0 ylo yhi", "-0.5 0.5 zlo zhi"]), ["line"]),
    ("triclinic", data(box=["0.0 %r xlo xhi" % L, "0.0 %r ylo yhi" % L, "-0.5 0.5 zlo zhi",
                            "0.5 0.0 0.0 xy xz yz"]), ["line 9", "triclinic"]),
    ("no_atoms_section", "LAMMPS data file\n\n4 atoms\n1 atom types\n\n0 3 xlo xhi\n0 3 ylo yhi\n",
     ["Atoms"]),
    ("duplicate_id", data(atoms=rows_with(1, "1 1 1.0 1.0 1.9 0.5 0.0")), ["id 1"]),
    ("id_zero", data(atoms=rows_with(1, "0 1 1.0 1.0 1.9 0.5 0.0")), ["line 13", "positive"]),
    ("x_word", data(atoms=rows_with(1, "2 1 1.0 1.0 abc 0.5 0.0")), ["line 13"]),
    ("x_nan", data(atoms=rows_with(1, "2 1 1.0 1.0 NaN 0.5 0.0")), ["Atoms section", "particle id 2", "not finite"]),
    ("short_row", data(atoms=rows_with(1, "2 1 1.0")), ["line 13"]),
    ("z_nonzero", data(atoms=rows_with(1, "2 1 1.0 1.0 1.9 0.5 0.3")), ["non-2D"]),
    ("diameter_negative", data(atoms=rows_with(1, "2 1 -1.0 1.0 1.9 0.5 0.0")), ["diameter"]),
    ("diameter_zero", data(atoms=rows_with(1, "2 1 0.0 1.0 1.9 0.5 0.0")), ["diameter"]),
    ("far_outside", data(atoms=rows_with(1, "2 1 1.0 1.0 19.9 0.5 0.0")), ["outside"]),
    ("coincident", data(atoms=rows_with(2, "3 1 1.0 1.0 0.5 0.5 0.0")), ["particles id 1 and id 3 coincide", "distance 0.0"]),
    ("velocity_unknown_id", data(atoms=data_rows, extra="\nVelocities\n\n1 0 0 0\n2 0 0 0\n3 0 0 0\n9 0 0 0\n"),
     ["line 22", "atom id 9"]),
    ("velocity_word", data(atoms=data_rows, extra="\nVelocities\n\n1 0 0 0\n2 x 0 0\n3 0 0 0\n4 0 0 0\n"),
     ["line"]),
    ("unknown_section", data(atoms=data_rows, extra="\nWobbles\n\n1 2\n"), ["line 17", "unknown section 'Wobbles'"]),
    ("style_unknown", data(atoms=data_rows).replace("Atoms # sphere", "Atoms # wobbly"), ["wobbly"]),
    ("type_above_declared", data(atoms=rows_with(1, "2 3 1.0 1.0 1.9 0.5 0.0")), ["atom id 2 has type 3", "1 atom types"]),
]
for name, content, frags in data_cases:
    f = write("data/%s.data" % name, content)
    case("data_" + name, 1, [f.replace("{in}/data/", "")] + frags, "info " + f)

# ---------------------------------------------------------------------------------- LAMMPS dump
def dump_frame(step=1, n=4, rows=None, box=None, cols="id type x y diameter", natoms=None):
    box = box or ["0.0 %r" % L, "0.0 %r" % L, "-0.5 0.5"]
    rows = rows if rows is not None else [
        "%d 1 %r %r %r" % (i + 1, x, y, d) for i, ((x, y), d) in enumerate(zip(POS, DIA))][:n]
    return ("ITEM: TIMESTEP\n%s\nITEM: NUMBER OF ATOMS\n%s\nITEM: BOX BOUNDS pp pp pp\n%s\n"
            "ITEM: ATOMS %s\n%s\n" % (step, n if natoms is None else natoms, "\n".join(box), cols,
                                      "\n".join(rows)))


GOOD_DUMP = dump_frame(1) + dump_frame(2)
write("dump/good.dump", GOOD_DUMP)
drows = ["1 1 0.5 0.5 1.0", "2 1 1.9 0.5 1.0", "3 1 0.5 1.9 1.0", "4 1 1.9 1.9 1.0"]


def drow(i, row):
    r = list(drows)
    r[i] = row
    return r


dump_cases = [
    ("empty", "", ["empty file", "TIMESTEP"]),
    ("junk", JUNK, ["not a text file"]),
    ("no_timestep", dump_frame().replace("ITEM: TIMESTEP\n1\n", ""), ["line 7", "before TIMESTEP"]),
    ("timestep_word", dump_frame(step="one"), ["line 2"]),
    ("natoms_negative", dump_frame(natoms=-4), ["line 4"]),
    ("natoms_word", dump_frame(natoms="many"), ["line 4"]),
    ("natoms_too_big", dump_frame(natoms=6), ["line 14", "truncated"]),
    ("box_word", dump_frame(box=["0 big", "0 3", "-0.5 0.5"]), ["line 6"]),
    ("box_reversed", dump_frame(box=["3 0", "0 3", "-0.5 0.5"]), ["line 6", "box edges must be finite and positive", "xlo 3 above xhi 0"]),
    ("box_missing_line", dump_frame().replace("-0.5 0.5\n", ""), ["line"]),
    ("triclinic", dump_frame().replace("BOX BOUNDS pp pp pp", "BOX BOUNDS xy xz yz pp pp pp"), ["line 5", "triclinic"]),
    ("no_x", dump_frame(cols="id type y diameter", rows=["1 1 0.5 1.0", "2 1 0.5 1.0", "3 1 1.9 1.0", "4 1 1.9 1.0"]),
     ["line 9", "x"]),
    ("short_row", dump_frame(rows=drow(1, "2 1 1.9")), ["line 11"]),
    ("x_word", dump_frame(rows=drow(1, "2 1 abc 0.5 1.0")), ["line 11"]),
    ("x_nan", dump_frame(rows=drow(1, "2 1 NaN 0.5 1.0")), ["frame 0 ending at line 13", "not finite"]),
    ("duplicate_id", dump_frame(rows=drow(1, "1 1 1.9 0.5 1.0")), ["id 1"]),
    ("ids_change", dump_frame(rows=drows) + dump_frame(2, rows=drow(3, "9 1 1.9 1.9 1.0")), ["line 26", "atom id 9", "same atom ids"]),
    ("n_changes", dump_frame(rows=drows) + dump_frame(2, n=3, rows=drows[:3]), ["3"]),
    ("truncated", GOOD_DUMP[:-40], ["line 26"]),
    ("diameter_negative", dump_frame(rows=drow(1, "2 1 1.9 0.5 -1.0")), ["diameter"]),
    ("z_nonzero", dump_frame(cols="id type x y z diameter",
                             rows=["1 1 0.5 0.5 0 1.0", "2 1 1.9 0.5 0.4 1.0", "3 1 0.5 1.9 0 1.0", "4 1 1.9 1.9 0 1.0"]),
     ["non-2D"]),
    ("far_outside", dump_frame(rows=drow(1, "2 1 21.9 0.5 1.0")), ["outside"]),
    ("coincident", dump_frame(rows=drow(2, "3 1 0.5 0.5 1.0")), ["particles id 1 and id 3 coincide", "distance 0.0"]),
    ("no_diameter", dump_frame(cols="id type x y", rows=["1 1 0.5 0.5", "2 1 1.9 0.5", "3 1 0.5 1.9", "4 1 1.9 1.9"]),
     ["--type-diameters"]),
    ("unknown_item", dump_frame().replace("ITEM: NUMBER OF ATOMS", "ITEM: NUMBER OF WOMBATS"), ["line 3"]),
    ("image_word", dump_frame(cols="id type x y ix iy diameter",
                              rows=["1 1 0.5 0.5 0 0 1.0", "2 1 1.9 0.5 a 0 1.0", "3 1 0.5 1.9 0 0 1.0", "4 1 1.9 1.9 0 0 1.0"]),
     ["line 11"]),
    ("step_backwards", dump_frame(5) + dump_frame(2), ["step"]),
]
for name, content, frags in dump_cases:
    f = write("dump/%s.dump" % name, content)
    case("dump_" + name, 1, [f.replace("{in}/dump/", "")] + frags, "info " + f)

# type-diameter tables for a dump without diameters
nodia = write("dump/plain.dump", dump_frame(cols="id type x y", rows=["1 1 0.5 0.5", "2 2 1.9 0.5", "3 1 0.5 1.9", "4 2 1.9 1.9"]))
for name, table, code, frags in [
    ("missing_type", "1=1.0", 1, ["plain.dump", "line 11", "type 2"]),
    ("negative", "1=1.0,2=-1", 1, ["--type-diameters", "type 2", "positive"]),
    ("word", "1=big,2=1", 1, ["--type-diameters", "1=big"]),
    ("syntax", "1:1.0", 1, ["--type-diameters", "1:1.0", "no such file"]),
    ("no_file", "{in}/dump/none.txt", 1, ["--type-diameters", "none.txt", "no such file"]),
]:
    case("typediam_" + name, code, frags, "info %s --type-diameters %s" % (nodia, table))
tbl = write("dump/types_bad.txt", "1 1.0\n2 wide\n")
case("typediam_table_word", 1, ["types_bad.txt", "line 2"], "info %s --type-diameters %s" % (nodia, tbl))
tbl = write("dump/types_short.txt", "1 1.0\n2\n")
case("typediam_table_short", 1, ["types_short.txt", "line 2"], "info %s --type-diameters %s" % (nodia, tbl))

# ---------------------------------------------------------------------------------- H5MD
def h5md(rel, positions=None, box=(L, L), diameters=None, mutate=None, frames=2, dims=3):
    path = os.path.join(HERE, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if positions is None:
        positions = np.array([[[x, y, 0.0] for x, y in POS]] * frames)
    with h5py.File(path, "w") as f:
        f.create_group("h5md").attrs["version"] = np.array([1, 1], dtype=np.int32)
        a = f.create_group("particles/all")
        b = a.create_group("box")
        b.attrs["dimension"] = dims
        b.attrs["boundary"] = np.array([b"periodic", b"periodic", b"none"][:dims])
        t = positions.shape[0]
        edges = np.zeros((t, 3, 3))
        edges[:, 0, 0], edges[:, 1, 1], edges[:, 2, 2] = box[0], box[1], 1.0
        b.create_dataset("edges/value", data=edges)
        b.create_dataset("edges/step", data=np.arange(1, t + 1, dtype=np.int64))
        b.create_dataset("edges/time", data=0.003 * np.arange(1, t + 1))
        a.create_dataset("position/value", data=positions)
        a.create_dataset("position/step", data=np.arange(1, t + 1, dtype=np.int64))
        a.create_dataset("position/time", data=0.003 * np.arange(1, t + 1))
        a.create_dataset("diameter", data=np.array(DIA if diameters is None else diameters))
        if mutate:
            mutate(f)
    return "{in}/" + rel


def delete(name):
    return lambda f: f.__delitem__(name)


def replace(name, value):
    def m(f):
        del f[name]
        f.create_dataset(name, data=value)
    return m


h5md("h5md/good.h5")
P = np.array([[[x, y, 0.0] for x, y in POS]] * 2)
coinc = P.copy()
coinc[1, 3, :2] = coinc[1, 1, :2]
nanp = P.copy()
nanp[1, 2, 0] = np.nan
zp = P.copy()
zp[0, 1, 2] = 0.25
farp = P.copy()
farp[0, 1, 0] = 40.0
h5_cases = [
    ("not_hdf5", None, ["not a readable HDF5 file"]),
    ("empty", None, ["not a readable HDF5 file"]),
    ("truncated", None, ["truncated"]),
    ("no_particles", dict(mutate=delete("particles")), ["particles"]),
    ("no_position", dict(mutate=delete("particles/all/position")), ["position"]),
    ("no_position_value", dict(mutate=delete("particles/all/position/value")), ["position"]),
    ("position_rank2", dict(mutate=replace("particles/all/position/value", np.zeros((2, 4)))), ["position"]),
    ("position_4d", dict(mutate=replace("particles/all/position/value", np.zeros((2, 4, 4)))), ["position"]),
    ("position_int_text", dict(mutate=replace("particles/all/position/value", np.array([b"a", b"b"]))), ["position"]),
    ("step_length", dict(mutate=replace("particles/all/position/step", np.arange(5))), ["step"]),
    ("time_length", dict(mutate=replace("particles/all/position/time", np.arange(5.0))), ["time"]),
    ("no_box", dict(mutate=delete("particles/all/box")), ["box"]),
    ("box_zero", dict(box=(0.0, L)), ["box"]),
    ("box_negative", dict(box=(-L, L)), ["box"]),
    ("box_nan", dict(box=(np.nan, L)), ["box"]),
    ("box_tilted", dict(mutate=replace("particles/all/box/edges/value", np.array([[[L, 0.3, 0], [0, L, 0], [0, 0, 1]]] * 2))), ["box"]),
    ("edges_frames", dict(mutate=replace("particles/all/box/edges/value", np.array([np.diag([L, L, 1.0])] * 5))), ["edges", "5 frame(s)"]),
    ("box_changes", dict(mutate=replace("particles/all/box/edges/value", np.array([np.diag([L, L, 1.0]), np.diag([L + 0.1, L, 1.0])]))), ["edges", "changes at frame 1"]),
    ("no_diameter", dict(mutate=delete("particles/all/diameter")), ["diameter"]),
    ("diameter_length", dict(diameters=[1.0, 1.0, 1.0]), ["diameter"]),
    ("diameter_negative", dict(diameters=[1.0, -1.0, 1.0, 1.0]), ["diameter"]),
    ("diameter_nan", dict(diameters=[1.0, np.nan, 1.0, 1.0]), ["diameter"]),
    ("position_nan", dict(positions=nanp), ["frame 1"]),
    ("z_nonzero", dict(positions=zp), ["non-2D"]),
    ("far_outside", dict(positions=farp), ["outside"]),
    ("coincident", dict(positions=coinc), ["frame 1", "particles #1 and #3 coincide", "distance 0.0"]),
    ("zero_frames", dict(positions=np.zeros((0, 4, 3))), ["frames"]),
    ("dimension_4", dict(mutate=lambda f: f["particles/all/box"].attrs.__setitem__("dimension", 4)), ["dimension"]),
    ("image_shape", dict(mutate=lambda f: f.create_dataset("particles/all/image/value", data=np.zeros((2, 3, 3), dtype=np.int32))), ["image"]),
    ("velocity_shape", dict(mutate=lambda f: f.create_dataset("particles/all/velocity/value", data=np.zeros((1, 4, 3)))), ["velocity"]),
    ("boundary_open", dict(mutate=lambda f: f["particles/all/box"].attrs.__setitem__("boundary", np.array([b"none", b"periodic", b"none"]))), ["periodic"]),
]
for name, kw, frags in h5_cases:
    rel = "h5md/%s.h5" % name
    if name == "not_hdf5":
        f = write(rel, "this is a text file, not HDF5\n" * 20)
    elif name == "empty":
        f = write(rel, b"")
    elif name == "truncated":
        with open(os.path.join(HERE, "h5md/good.h5"), "rb") as g:
            f = write(rel, g.read()[:1500])
    else:
        f = h5md(rel, **kw)
    # frame-level checks happen when a frame is read: msd reads every frame
    case("h5md_" + name, 1, [f.replace("{in}/h5md/", "")] + frags, ("msd " if name in ("position_nan", "coincident") else "info ") + f)

case("h5md_type_table_missing_type", 1, ["no_diameter.h5", "no diameter given for type 1", "every particle is type 1"],
     "info {in}/h5md/no_diameter.h5 --type-diameters 2=1.0")

# ---------------------------------------------------------------------------------- run directories
BASE_RUN = os.path.join(HERE, "_base/run")
with open(os.path.join(BASE_RUN, "run.json")) as g:
    RUN_JSON = json.load(g)


def rundir(name, index=None, raw_index=None, block=None, extra_block=False):
    d = os.path.join(HERE, "rundir", name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    if block != "missing":
        shutil.copy(os.path.join(BASE_RUN, "block-000000.h5"), d)
        if block == "truncated":
            p = os.path.join(d, "block-000000.h5")
            with open(p, "rb") as g:
                b = g.read()
            with open(p, "wb") as g:
                g.write(b[: len(b) // 2])
    if raw_index is not None:
        with open(os.path.join(d, "run.json"), "w") as g:
            g.write(raw_index)
    elif index is not None:
        with open(os.path.join(d, "run.json"), "w") as g:
            json.dump(index, g, indent=1)
    return "{in}/rundir/" + name


def idx(**changes):
    j = json.loads(json.dumps(RUN_JSON))
    for k, v in changes.items():
        if k.startswith("b_"):
            j["blocks"][0][k[2:]] = v
        else:
            j[k] = v
    return j


run_cases = [
    ("no_index", dict(), ["without run.json"]),
    ("index_not_json", dict(raw_index='{"format": "glasslab-md-segments", "version": 1,\n "blocks": [\n'), ["run.json", "line"]),
    ("index_empty", dict(raw_index=""), ["run.json"]),
    ("index_list", dict(raw_index="[1, 2]"), ["run.json"]),
    ("format_other", dict(index=idx(format="something-else")), ["run.json", "format"]),
    ("version_99", dict(index=idx(version=99)), ["run.json", "version"]),
    ("no_blocks", dict(index=idx(blocks=[])), ["run.json", "blocks"]),
    ("block_missing", dict(index=idx(), block="missing"), ["block-000000.h5", "does not exist"]),
    ("block_truncated", dict(index=idx(), block="truncated"), ["block-000000.h5", "truncated"]),
    ("frames_mismatch", dict(index=idx(b_frames=5)), ["block-000000.h5", "5"]),
    ("steps_mismatch", dict(index=idx(b_first_step=1001, b_last_step=1002)), ["block-000000.h5", "1001"]),
    ("file_escape", dict(index=idx(b_file="../../etc/passwd")), ["run.json", "blocks[0].file"]),
    ("frames_word", dict(index=idx(b_frames="many")), ["run.json", "frames"]),
]
for name, kw, frags in run_cases:
    f = rundir(name, **kw)
    case("rundir_" + name, 1, [f.replace("{in}/rundir/", "")] + frags, "info " + f)

# ---------------------------------------------------------------------------------- YAML pipeline specs
INPUTS = "inputs:\n  - files: [\"../h5md/good.h5\"]\n"


def spec(name, text):
    return write("spec/%s.yaml" % name, text)


def stages(*lines):
    return "stages:\n" + "".join("  - %s\n" % x for x in lines)


spec_cases = [
    ("malformed", "name: x\nstages: [1, 2\n  foo: 3\n", ["line 3, column 6", "not valid YAML"]),
    ("tab_indent", "name: x\nstages:\n\t- gofr\n", ["line 3", "not valid YAML"]),
    ("empty", "", ["expected a mapping"]),
    ("list", "- 1\n- 2\n", ["expected a mapping"]),
    ("no_name", INPUTS + stages("gofr"), ["name: missing"]),
    ("bad_name", "name: 'a b/c'\n" + INPUTS + stages("gofr"), ["name:", "letters"]),
    ("jobs_zero", "name: x\njobs: 0\n" + INPUTS + stages("gofr"), ["jobs:", "got 0"]),
    ("jobs_word", "name: x\njobs: lots\n" + INPUTS + stages("gofr"), ["jobs:", "lots"]),
    ("no_inputs", "name: x\n" + stages("gofr"), ["inputs"]),
    ("no_files", "name: x\ninputs:\n  - files: [\"../h5md/none-*.h5\"]\n" + stages("gofr"), ["none-*.h5"]),
    ("files_number", "name: x\ninputs:\n  - files: 3\n" + stages("gofr"), ["files"]),
    ("dt_negative", "name: x\ninputs:\n  - files: [\"../h5md/good.h5\"]\n    dt: -1\n" + stages("gofr"), ["dt", "-1"]),
    ("format_unknown", "name: x\ninputs:\n  - files: [\"../h5md/good.h5\"]\n    format: wobble\n" + stages("gofr"), ["format", "wobble"]),
    ("unknown_stage", "name: x\n" + INPUTS + stages("wobble"), ["wobble"]),
    ("unknown_param", "name: x\n" + INPUTS + stages("{stage: gofr, params: {wobble: 3}}"), ["wobble"]),
    ("param_type", "name: x\n" + INPUTS + stages("{stage: gofr, params: {dr: wide}}"), ["dr", "wide"]),
    ("param_negative", "name: x\n" + INPUTS + stages("{stage: gofr, params: {dr: -0.1}}"), ["dr", "-0.1"]),
    ("param_enum", "name: x\n" + INPUTS + stages("{stage: local, params: {event: sideways}}"), ["event", "sideways"]),
    ("stage_map_key", "name: x\n" + INPUTS + stages("{stag: gofr}"), ["stag"]),
    ("report_word", "name: x\nreport: maybe\n" + INPUTS + stages("gofr"), ["report"]),
    ("unknown_key", "name: x\nwobble: 1\n" + INPUTS + stages("gofr"), ["wobble", "allowed"]),
    ("stages_map", "name: x\n" + INPUTS + "stages: {a: 1}\n", ["stages"]),
    ("seed_word", "name: x\nseed: abc\n" + INPUTS + stages("gofr"), ["seed"]),
    ("junk", JUNK, ["junk.yaml", "not a text file"]),
]
for name, text, frags in spec_cases:
    f = spec(name, text)
    case("spec_" + name, 1, [f.replace("{in}/spec/", "")] + frags, "run --dry-run " + f)
    if name in ("malformed", "unknown_stage", "param_type"):
        case("status_spec_" + name, 1, [f.replace("{in}/spec/", "")] + frags, "status " + f)
case("spec_missing", 1, ["nothere.yaml", "no such file"], "run {in}/spec/nothere.yaml")

# ---------------------------------------------------------------------------------- YAML --config files
SMALL = ["--particles", "4", "--density", "0.5", "--blocks", "1", "-B", "4", "--n-cfg", "2",
         "--equilibration-time", "0.01", "--waiting-time", "0.01"]


def sim(extra=""):
    """A tiny simulate command line with the options of extra replacing the small defaults."""
    given = set(w for w in extra.split() if w.startswith("-"))
    aliases = {"-N": "--particles", "--block-size": "-B"}
    given |= {aliases[g] for g in given if g in aliases}
    args = []
    for k in range(0, len(SMALL), 2):
        if SMALL[k] not in given:
            args += SMALL[k:k + 2]
    return "simulate -q -o {out}/run " + " ".join(args) + (" " + extra if extra else "")


SIMC = "simulate -q -o {out}/run --config "
config_cases = [
    ("hot", "temperature: hot\n", ["hot.yaml", "key 'temperature'", "expected a number", "hot"]),
    ("malformed", "temperature: [1, 2\nparticles: 3\n", ["malformed.yaml", "line 2, column 10", "not valid YAML"]),
    ("list", "- temperature\n- 0.3\n", ["list.yaml", "expected a YAML mapping"]),
    ("unknown_key", "temprature: 0.3\n", ["unknown_key.yaml", "temprature", "known keys"]),
    ("particles_real", "temperature: 0.3\nparticles: 2.5\n", ["key 'particles'", "expected an integer", "2.5"]),
    ("particles_one", "temperature: 0.3\nparticles: 1\n", ["key 'particles'", "at least 2"]),
    ("seed_word", "temperature: 0.3\nseed: abc\n", ["key 'seed'", "expected an integer"]),
    ("blocks_negative", "temperature: 0.3\nblocks: -1\n", ["key 'blocks'", "-1"]),
    ("temperature_negative", "temperature: -0.3\n", ["key 'temperature'", "positive"]),
    ("dt_list", "temperature: 0.3\ndt: [1, 2]\n", ["key 'dt'", "expected a number"]),
    ("dt_zero", "temperature: 0.3\ndt: 0\n", ["key 'dt'", "positive"]),
    ("resume_word", "temperature: 0.3\nresume: perhaps\n", ["key 'resume'", "true or false"]),
    ("potential_unknown", "temperature: 0.3\npotential: wobbly\n", ["potential", "wobbly"]),
    ("junk", JUNK, ["junk.yaml", "not a text file"]),
]
for name, text, frags in config_cases:
    f = write("config/%s.yaml" % name, text)
    case("config_" + name, 2, frags, SIMC + f)
case("config_missing", 2, ["--config", "nothere.yaml", "no such file"], SIMC + "{in}/config/nothere.yaml")
case("config_directory", 2, ["--config", "config"], SIMC + "{in}/config")

# ---------------------------------------------------------------------------------- CSV tables (correlate)
csv_cases = [
    ("empty", "", 1, ["expected a header line"]),
    ("header_only", "a,b\n", 1, ["expected a header line"]),
    ("word", "a,b\n1,2\n3,x\n4,5\n", 1, ["line 3, column 'b'", "expected a number", "'x'"]),
    ("word_after_comment", "# made by hand\na,b\n1,2\n3,4\n4,five\n", 1, ["line 5, column 'b'", "'five'"]),
    ("ragged", "a,b\n1,2\n3\n4,5\n", 1, ["line 3 has 1 fields"]),
    ("junk", JUNK, 1, ["not a text file"]),
    ("one_column", "a\n1\n2\n3\n", 2, ["--columns", "two numeric columns"]),
    ("duplicate_header", "a,a\n1,2\n3,4\n", 1, ["line 1", "column 'a' twice"]),
    ("one_row", "a,b\n1,2\n", 1, ["1 complete rows", "at least 3"]),
]
for name, text, code, frags in csv_cases:
    f = write("csv/%s.csv" % name, text)
    case("csv_" + name, code, [f.replace("{in}/csv/", "")] + frags if code == 1 and name not in ("one_row",) else frags, "correlate " + f)
okcsv = write("csv/good.csv", "a,b,c\n1,2,3\n2,3,1\n3,5,2\n4,4,4\n")
case("csv_unknown_column", 2, ["--columns", "zzz"], "correlate %s --columns a,zzz" % okcsv)
case("csv_one_selected", 2, ["--columns"], "correlate %s --columns a" % okcsv)
case("csv_missing", 1, ["nothere.csv", "no such file"], "correlate {in}/csv/nothere.csv")
case("csv_out_ext", 2, ["--out", ".txt"], "correlate %s --out {out}/c.txt" % okcsv)

# ---------------------------------------------------------------------------------- EPM state files
with open(os.path.join(HERE, "_base/state.bin"), "rb") as g:
    STATE = g.read()
state_cases = [
    ("empty", b"", ["truncated checkpoint"]),
    ("junk", JUNK, ["not a lattice-EPM checkpoint"]),
    ("text", b"hello\n" * 50, ["not a lattice-EPM checkpoint"]),
    ("truncated", STATE[: len(STATE) // 2], ["truncated checkpoint"]),
    ("magic", b"XXEPMLAT" + STATE[8:], ["not a lattice-EPM checkpoint"]),
    ("version", STATE[:8] + b"\x00\x00\x00\x63" + STATE[12:], ["version 99"]),
    ("size_negative", STATE[:12] + b"\xff\xff\xff\xf0" + STATE[16:], ["corrupt checkpoint", "-16"]),
    ("size_huge", STATE[:12] + b"\x7f\xff\xff\xff" + STATE[16:], ["corrupt checkpoint", "2147483647"]),
    ("trailing", STATE + b"\x00" * 16, ["bytes after its end"]),
]
for name, content, frags in state_cases:
    f = write("epm/state_%s.bin" % name, content)
    case("epm_restore_" + name, 1, ["state_%s.bin" % name] + frags, "epm lattice --restore %s --events 10 --out {out}/lat" % f)
case("epm_restore_missing", 2, ["--restore", "nothere.bin", "does not exist"], "epm lattice --restore {in}/epm/nothere.bin --events 10 --out {out}/lat")
case("epm_restore_with_T", 2, ["--restore", "--temperature"], "epm lattice --restore {in}/_base/state.bin --temperature 0.3 --events 10 --out {out}/lat")
case("epm_restore_with_size", 2, ["--restore", "--size"], "epm lattice --restore {in}/_base/state.bin --size 8 --events 10 --out {out}/lat")

# ---------------------------------------------------------------------------------- options of every command
H = "{in}/h5md/good.h5"
option_cases = [
    # simulate: every parameter names its option
    ("sim_T_negative", 2, ["--temperature", "positive"], sim("-T -1")),
    ("sim_T_word", 2, ["--temperature", "hot"], sim("-T hot")),
    ("sim_T_missing", 2, ["--temperature", "required"], sim()),
    ("sim_T_nan", 2, ["--temperature"], sim("-T NaN")),
    ("sim_dt_zero", 2, ["--dt"], sim("-T 0.3 --dt 0")),
    ("sim_dt_negative", 2, ["--dt"], sim("-T 0.3 --dt -0.1")),
    ("sim_dt_huge", 1, ["MD became unstable", "dt = 1.0E30"], sim("-T 0.3 --dt 1e30")),
    ("sim_particles_one", 2, ["--particles", "at least 2"], sim("-T 0.3 --particles 1")),
    ("sim_density_zero", 2, ["--density"], sim("-T 0.3 --density 0")),
    ("sim_density_inf", 2, ["--density"], sim("-T 0.3 --density Infinity")),
    ("sim_poly_big", 2, ["--polydispersity"], sim("-T 0.3 --polydispersity 0.5")),
    ("sim_Tp_zero", 2, ["--parent-temperature"], sim("-T 0.3 --parent-temperature 0")),
    ("sim_eq_negative", 2, ["--equilibration-time"], sim("-T 0.3 --equilibration-time -1")),
    ("sim_tw_negative", 2, ["--waiting-time"], sim("-T 0.3 --waiting-time -1")),
    ("sim_skin_negative", 2, ["--skin"], sim("-T 0.3 --skin -1")),
    ("sim_ncfg_zero", 2, ["--n-cfg"], sim("-T 0.3 --n-cfg 0")),
    ("sim_B_small", 2, ["--block-size"], sim("-T 0.3 -B 1 --n-cfg 5")),
    ("sim_blocks_zero", 2, ["--blocks"], sim("-T 0.3 --blocks 0")),
    ("sim_checkpoint_zero", 2, ["--checkpoint-every"], sim("-T 0.3 --checkpoint-every 0")),
    ("sim_convention", 2, ["--stress-convention", "wobbly"], sim("-T 0.3 --stress-convention wobbly")),
    ("sim_potential", 2, ["--potential", "wobbly"], sim("-T 0.3 --potential wobbly")),
    ("sim_potential_key", 2, ["--potential", "cutoff"], sim("-T 0.3 --potential lj:cutoff=abc")),
    ("sim_no_output", 2, ["--out"], "simulate -T 0.3 --particles 4"),
    ("sim_output_file", 1, ["good.h5/notadir: not a directory"], sim("-T 0.3").replace("{out}/run", "{in}/h5md/good.h5/notadir")),
    ("sim_resume_empty", 2, ["--resume", "holds no checkpoint.bin"], "simulate --resume -o {out}"),
    ("sim_resume_with_T", 2, ["--resume", "--temperature"], "simulate --resume -T 0.3 -o {out}"),
    ("sim_particles_huge", 1, ["N = 2000000000", "needs"], sim("-T 0.3 --particles 2000000000")),
    ("sim_unknown_option", 2, ["--wobble"], sim("-T 0.3 --wobble 1")),
    # input and frames
    ("info_missing", 1, ["nothere.h5", "no such file"], "info {in}/nothere.h5"),
    ("info_directory", 1, ["{in}/csv", "not a run directory"], "info {in}/csv"),
    ("info_unknown_ext", 2, ["good.csv", "unknown format"], "info {in}/csv/good.csv"),
    ("info_from_bad", 2, ["--from", "wobble"], "info %s --from wobble" % H),
    ("info_from_wrong", 1, ["good.h5", "not a text file"], "info %s --from xyz" % H),
    ("thermo_frame_big", 2, ["--frame", "99"], "thermo %s --frame 99" % H),
    ("thermo_frame_word", 2, ["--frame"], "thermo %s --frame last" % H),
    ("thermo_potential", 2, ["--potential", "wobbly"], "thermo %s --potential wobbly" % H),
    ("thermo_coincident", 1, ["coincident.h5: frame 1", "particles #1 and #3 coincide", "distance 0.0"], "thermo {in}/h5md/coincident.h5 --frame 1"),
    ("thermo_convention", 2, ["--convention", "wobbly"], "thermo %s --convention wobbly" % H),
    ("thermo_temperature", 2, ["--temperature"], "thermo %s --temperature -1" % H),
    ("thermo_out_ext", 2, ["--out", ".txt"], "thermo %s --out {out}/t.txt" % H),
    ("thermo_no_input", 2, ["TRAJ"], "thermo"),
    ("stress_per_particle_ext", 2, ["--per-particle"], "stress %s --temperature 0 --per-particle {out}/p.txt" % H),
    ("stress_dt", 1, ["--dt", "positive"], "stress {in}/dump/good.dump --temperature 0 --dt -1"),
    ("modes_count_zero", 2, ["--count"], "modes %s --count 0" % H),
    ("modes_block_zero", 2, ["--block"], "modes %s --block 0" % H),
    ("modes_zero_tol", 2, ["--zero-tolerance"], "modes %s --zero-tolerance -1" % H),
    ("modes_jobs_zero", 2, ["--jobs"], "modes %s --jobs 0" % H),
    ("minimize_ftol", 2, ["--ftol"], "minimize %s {out}/is.h5 --ftol -1" % H),
    ("minimize_method", 2, ["--method", "wobble"], "minimize %s {out}/is.h5 --method wobble" % H),
    ("minimize_max_iter", 2, ["--max-iter"], "minimize %s {out}/is.h5 --max-iter 0" % H),
    ("minimize_same_file", 2, ["same file", "good.h5"], "minimize %s %s" % (H, H)),
    ("minimize_out_ext", 2, ["--output", "is.txt", "unknown format"], "minimize %s {out}/is.txt" % H),
    ("minimize_no_out", 2, ["output"], "minimize %s" % H),
    ("minimize_coincident", 1, ["coincident.h5: frame 1", "particles #1 and #3 coincide", "distance 0.0"], "minimize {in}/h5md/coincident.h5 {out}/is.h5 -q"),
    ("msd_stride", 2, ["--origin-stride"], "msd %s --windowed --origin-stride 0" % H),
    ("msd_no_input", 2, ["TRAJ"], "msd"),
    ("gofr_dr_zero", 2, ["--dr"], "gofr %s --dr 0" % H),
    ("gofr_dr_negative", 2, ["--dr"], "gofr %s --dr -0.1" % H),
    ("gofr_dr_word", 2, ["--dr", "wide"], "gofr %s --dr wide" % H),
    ("gofr_dr_tiny", 1, ["g(r) bins of width 1.0E-12"], "gofr %s --dr 1e-12" % H),
    ("gofr_rmax", 2, ["--rmax"], "gofr %s --rmax -1" % H),
    ("gofr_rmax_big", 1, ["rMax 100.0", "half the smallest box edge"], "gofr %s --rmax 100" % H),
    ("softness_delta", 2, ["--delta"], "softness %s --delta 0" % H),
    ("softness_grid", 2, ["--grid"], "softness %s --grid -1" % H),
    ("softness_grid_tiny", 1, ["grid spacing 1.0E-10"], "softness %s --rmax 1.2 --grid 1e-10" % H),
    ("softness_rmin", 2, ["--rmin"], "softness %s --rmin -1" % H),
    ("softness_range", 2, ["--rmax"], "softness %s --rmin 2 --rmax 1" % H),
    ("strain_rc", 2, ["--rc"], "strain %s %s --rc -1" % (H, H)),
    ("strain_min_neigh", 2, ["--min-neighbours"], "strain %s %s --min-neighbours 0" % (H, H)),
    ("strain_displacement", 2, ["--displacement", "wobble"], "strain %s %s --displacement wobble" % (H, H)),
    ("strain_no_cur", 2, ["CUR"], "strain %s" % H),
    ("strain_other_n", 1, ["4", "3"], "strain %s {in}/xyz/three.xyz --rc 1.0" % H),
    ("refine_event", 2, ["--event", "rank:K, size:K or frame:F", "sideways"], "refine %s --event sideways --out {out}/r" % H),
    ("refine_no_catalog", 2, ["--catalog", "frame:F"], "refine %s --out {out}/r" % H),
    ("refine_no_replay", 1, ["no MD run parameters", "replay needs"], "refine %s --event frame:0 --out {out}/r" % H),
    ("events_move", 2, ["--move-threshold"], "events %s --move-threshold -1" % H),
    ("events_link", 2, ["--link-distance"], "events %s --link-distance 0" % H),
    ("events_cluster", 2, ["--min-cluster-size"], "events %s --min-cluster-size 0" % H),
    ("events_z", 2, ["--z-threshold"], "events %s --z-threshold -1" % H),
    ("betti_alpha", 2, ["--alpha"], "betti %s --alpha -1" % H),
    ("betti_alpha_word", 2, ["--alpha", "wide"], "betti %s --alpha wide" % H),
    ("betti_precision", 2, ["--precision", "half"], "betti %s --precision half" % H),
    ("convert_to_rundir", 2, ["cannot write run-dir"], "convert %s {out}/r --to run-dir" % H),
    ("convert_to_bad", 2, ["--to", "wobble"], "convert %s {out}/x.xyz --to wobble" % H),
    ("convert_unknown_ext", 2, ["x.wobble"], "convert %s {out}/x.wobble" % H),
    ("convert_unknown_in_ext", 2, ["good.csv", "unknown format"], "convert {in}/csv/good.csv {out}/x.h5"),
    ("convert_data_many", 1, ["--frame"], "convert %s {out}/x.data" % H),
    ("convert_frame_big", 1, ["frame 99", "2 frame(s)"], "convert %s {out}/x.xyz --frame 99" % H),
    ("convert_same", 2, ["same file", "good.h5"], "convert %s %s" % (H, H)),
    ("convert_style", 2, ["--lammps-style", "sphere or atomic", "wobble"], "convert %s {out}/x.data --frame 0 --lammps-style wobble" % H),
    ("mf_T_negative", 2, ["--temperature"], "epm meanfield -T -1"),
    ("mf_alpha", 2, ["--alpha"], "epm meanfield -T 0.3 --alpha -1"),
    ("mf_points", 2, ["--points"], "epm meanfield -T 0.3 --points 1"),
    ("mf_rate", 2, ["--rate", "wobble"], "epm meanfield -T 0.3 --rate wobble"),
    ("mf_tol", 2, ["--tol"], "epm meanfield -T 0.3 --tol 0"),
    ("mf_sigma_max", 2, ["--sigma-max"], "epm meanfield -T 0.3 --sigma-max 0"),
    ("gil_n_zero", 2, ["--n"], "epm gillespie --n 0 -T 0.3 --events 10"),
    ("gil_n_huge", 1, ["2000000000 sites: needs"], "epm gillespie --n 2000000000 -T 0.3 --events 10"),
    ("gil_events_missing", 2, ["--events"], "epm gillespie -T 0.3"),
    ("gil_events_zero", 2, ["--events", "got 0"], "epm gillespie -T 0.3 --events 0"),
    ("gil_T_zero", 2, ["--temperature"], "epm gillespie -T 0 --events 10"),
    ("gil_engine", 2, ["--engine", "wobble"], "epm gillespie -T 0.3 --events 10 --engine wobble"),
    ("gil_bins", 2, ["--bins"], "epm gillespie -T 0.3 --events 10 --bins 0"),
    ("gil_seeds", 2, ["--seeds"], "epm gillespie -T 0.3 --events 10 --seeds 0"),
    ("lat_size", 2, ["--size"], "epm lattice --size 1 --temperature 0.3 --events 10 --out {out}/l"),
    ("lat_T", 2, ["--temperature"], "epm lattice --temperature -1 --events 10 --out {out}/l"),
    ("lat_T_missing", 2, ["--temperature", "required"], "epm lattice --events 10 --out {out}/l"),
    ("lat_protocol", 2, ["--protocol", "wobble"], "epm lattice --temperature 0.3 --protocol wobble --out {out}/l"),
    ("lat_orientation", 2, ["--orientation", "wobble"], "epm lattice --temperature 0.3 --orientation wobble --out {out}/l"),
    ("lat_convention", 2, ["--convention", "stress or strain", "wobble"], "epm lattice --temperature 0.3 --convention wobble --out {out}/l"),
    ("lat_lags", 2, ["--lag"], "epm lattice --temperature 0.3 --lag-min 10 --lag-max 1 --out {out}/l"),
    ("lat_out_file", 2, ["exists and is not a directory"], "epm lattice --temperature 0.3 --events 10 --out {in}/csv/good.csv"),
    ("lat_no_out", 2, ["--out"], "epm lattice --temperature 0.3 --events 10"),
    ("tc_sizes", 2, ["--sizes"], "epm tc-scan --sizes 0 --temperatures 0.3,0.4 --out {out}/t"),
    ("tc_T", 2, ["--temperatures"], "epm tc-scan --sizes 8 --temperatures -1 --out {out}/t"),
    ("tc_samples", 2, ["--samples", "got 0"], "epm tc-scan --sizes 8 --temperatures 0.3,0.4 --samples 0 --out {out}/t"),
    ("tc_criterion", 2, ["--criterion", "wobble"], "epm tc-scan --sizes 8 --temperatures 0.3,0.4 --criterion wobble --out {out}/t"),
    ("tc_from_missing", 2, ["--from", "nothere"], "epm tc-scan --from {in}/epm/nothere --out {out}/t"),
    ("run_jobs", 2, ["--jobs", "got 0"], "run --dry-run -j 0 {in}/spec/empty.yaml"),
    ("run_no_spec", 2, ["SPEC"], "run"),
    ("status_missing", 1, ["nothere.yaml", "no such file"], "status {in}/spec/nothere.yaml"),
    ("report_missing", 1, ["nothere"], "report {in}/nothere"),
    ("report_not_run", 1, ["csv", "no manifest.json"], "report {in}/csv"),
    ("unknown_command", 2, ["wobble"], "wobble"),
]
write("xyz/three.xyz", xyz(rows=["A 0.5 0.5 0.0 1.0", "A 1.9 0.5 0.0 1.0", "A 0.5 1.9 0.0 1.0"]))
for cid, code, frags, args in option_cases:
    case(cid, code, frags, args)

with open(os.path.join(HERE, "cases.tsv"), "w") as g:
    g.write("# Generated by make_bad_inputs.py: id, exit code, stderr fragments (' && '), arguments\n")
    for c in CASES:
        g.write("%s\t%d\t%s\t%s\n" % c)
print(len(CASES), "cases")
