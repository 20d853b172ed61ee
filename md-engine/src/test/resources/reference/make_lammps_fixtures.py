#!/usr/bin/python3
"""Generates the LAMMPS reference fixtures for md-engine tests.

Run from this directory with Debian's python3 and LAMMPS (`lmp`) on PATH:

    /usr/bin/python3 make_lammps_fixtures.py

System: N = 400 polydisperse WCA disks (Gaussian diameters, mean 1, 11 % std, truncated at
+-3 std) binned into 20 types, 2D, rho = 0.9, `units lj`, `atom_style atomic`, pair lj/cut with
per-pair sigma_ij = (d_i + d_j)/2 and cutoff 2^(1/6) sigma_ij, `pair_modify shift yes` (= WCA).
Stage 1 (lmp): jittered square lattice, 5000 steps fix nve + fix temp/rescale at T = 0.5 -> eq.data.
Stage 2 (lmp): from eq.data, `run 0` for energy and virial pressure tensor, then 1000 steps of
fix nve + fix temp/rescale every step (window 0, fraction 1), thermo every step, dump every 100.

Outputs (all numbers %.17g):
  wca400-config.txt   header lines `#`, then `N Lx Ly ntypes`, `type diameter` x ntypes, then
                      per atom (id order) `type x y ix iy vx vy`
  wca400-static.txt   `pe wxx_over_A wyy_over_A wxy_over_A ke` (virial-only pressure tensor)
  wca400-thermo.txt   per step: `step pe ke pxx_vir pyy_vir pxy_vir temp`
  wca400-dump.txt     per dumped step: `step` line then N lines `xu yu vx vy` (id order)
"""
import os
import re
import subprocess
import tempfile

import numpy as np

N_SIDE = 20
N = N_SIDE * N_SIDE
RHO = 0.9
NTYPES = 20
T = 0.5
DT = 0.003
SEED = 20261121


def lmp_version():
    out = subprocess.run(["lmp", "-h"], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if "Large-scale Atomic/Molecular Massively Parallel Simulator" in line:
            return line.strip()
    return "unknown"


def pair_coeffs(diam):
    lines = []
    for i in range(len(diam)):
        for j in range(i, len(diam)):
            s = 0.5 * (diam[i] + diam[j])
            lines.append("pair_coeff %d %d 1.0 %.17g %.17g" % (i + 1, j + 1, s, 2 ** (1 / 6) * s))
    return "\n".join(lines)


def write_start_data(path, lx, ly, ntypes, types, pos, v):
    """LAMMPS data file (atom_style atomic, unit masses) with positions and velocities, full precision."""
    n = len(types)
    with open(path, "w") as f:
        f.write("start\n\n%d atoms\n%d atom types\n\n" % (n, ntypes))
        f.write("0 %.17g xlo xhi\n0 %.17g ylo yhi\n-0.5 0.5 zlo zhi\n\n" % (lx, ly))
        f.write("Masses\n\n" + "".join("%d 1.0\n" % (t + 1) for t in range(ntypes)))
        f.write("\nAtoms # atomic\n\n")
        for i in range(n):
            f.write("%d %d %.17g %.17g 0.0\n" % (i + 1, types[i] + 1, pos[i, 0], pos[i, 1]))
        f.write("\nVelocities\n\n")
        for i in range(n):
            f.write("%d %.17g %.17g 0.0\n" % (i + 1, v[i, 0], v[i, 1]))


def main():
    rng = np.random.default_rng(SEED)
    d = []
    while len(d) < N:
        z = rng.standard_normal()
        if abs(z) <= 3:
            d.append(1 + 0.11 * z)
    d = np.array(d)
    edges = np.linspace(d.min(), d.max(), NTYPES + 1)
    types = np.clip(np.digitize(d, edges) - 1, 0, NTYPES - 1)
    diam = 0.5 * (edges[:-1] + edges[1:])
    L = np.sqrt(N / RHO)
    a = L / N_SIDE
    # small diameters first on the lattice is irrelevant; shuffle to mix sizes
    rng.shuffle(types)
    pos = np.array([[(i % N_SIDE + 0.5) * a, (i // N_SIDE + 0.5) * a] for i in range(N)])
    pos += 0.1 * a * (rng.random((N, 2)) - 0.5)
    v = rng.standard_normal((N, 2)) * np.sqrt(T)
    v -= v.mean(axis=0)
    work = tempfile.mkdtemp(prefix="glasslab-lmp-")
    write_start_data(os.path.join(work, "start.data"), L, L, NTYPES, types, pos, v)
    common = """units lj
dimension 2
atom_style atomic
boundary p p p
read_data %s
pair_style lj/cut %.17g
pair_modify shift yes
%s
neighbor 0.3 bin
neigh_modify every 1 delay 0 check yes
timestep %.17g
fix 1 all nve
fix 2 all temp/rescale 1 %g %g 0.0 1.0
fix 3 all enforce2d
"""
    rcmax = 2 ** (1 / 6) * diam.max()
    with open(os.path.join(work, "in.eq"), "w") as f:
        f.write(common % ("start.data", rcmax, pair_coeffs(diam), DT, T, T))
        f.write("thermo 1000\nrun 5000\nwrite_data eq.data nocoeff\n")
    subprocess.run(["lmp", "-in", "in.eq", "-log", "log.eq", "-screen", "none"], cwd=work, check=True)
    with open(os.path.join(work, "in.ref"), "w") as f:
        f.write(common % ("eq.data", rcmax, pair_coeffs(diam), DT, T, T))
        f.write("""compute pv all pressure NULL virial
thermo_style custom step pe ke c_pv[1] c_pv[2] c_pv[4] temp
thermo_modify norm no format float %.17g
thermo 1
dump 1 all custom 100 traj.dump id xu yu vx vy
dump_modify 1 format float %.17g sort id
run 1000
""")
    subprocess.run(["lmp", "-in", "in.ref", "-log", "log.ref", "-screen", "none"], cwd=work, check=True)

    # configuration from eq.data
    text = open(os.path.join(work, "eq.data")).read()
    atoms_block = text.split("Atoms")[1].split("Velocities")[0].strip().splitlines()[1:]
    vel_block = text.split("Velocities")[1].strip().splitlines()
    atoms = {}
    for line in atoms_block:
        p = line.split()
        if len(p) >= 5:
            atoms[int(p[0])] = p
    vels = {}
    for line in vel_block:
        p = line.split()
        if len(p) >= 3:
            vels[int(p[0])] = p
    m = re.search(r"(\S+) (\S+) xlo xhi\n(\S+) (\S+) ylo yhi", text)
    xlo, xhi, ylo, yhi = (float(m.group(k)) for k in range(1, 5))
    assert xlo == 0 and ylo == 0
    version = lmp_version()
    header = "# generated by make_lammps_fixtures.py with %s\n" % version
    with open("wca400-config.txt", "w") as f:
        f.write(header)
        f.write("%d %.17g %.17g %d\n" % (N, xhi - xlo, yhi - ylo, NTYPES))
        for t in range(NTYPES):
            f.write("%d %.17g\n" % (t + 1, diam[t]))
        for i in range(1, N + 1):
            p = atoms[i]
            q = vels[i]
            # id type x y z ix iy iz
            f.write("%s %s %s %s %s %s %s\n" % (p[1], p[2], p[3], p[5], p[6], q[1], q[2]))

    log = open(os.path.join(work, "log.ref")).read().splitlines()
    rows = []
    on = False
    for line in log:
        if line.strip().startswith("Step"):
            on = True
            continue
        if on:
            if line.startswith("Loop time"):
                break
            rows.append(line.split())
    assert len(rows) == 1001, len(rows)
    with open("wca400-thermo.txt", "w") as f:
        f.write(header + "# step pe ke pxx_virial pyy_virial pxy_virial temp\n")
        for r in rows:
            f.write(" ".join(r) + "\n")
    with open("wca400-static.txt", "w") as f:
        f.write(header + "# pe wxx/A wyy/A wxy/A ke (virial-only pressure tensor)\n")
        r = rows[0]
        f.write("%s %s %s %s %s\n" % (r[1], r[3], r[4], r[5], r[2]))
    dump = open(os.path.join(work, "traj.dump")).read().splitlines()
    with open("wca400-dump.txt", "w") as f:
        f.write(header + "# step, then per atom in id order: xu yu vx vy\n")
        k = 0
        while k < len(dump):
            if dump[k].startswith("ITEM: TIMESTEP"):
                f.write(dump[k + 1].strip() + "\n")
            if dump[k].startswith("ITEM: ATOMS"):
                for line in dump[k + 1 : k + 1 + N]:
                    p = line.split()
                    f.write(" ".join(p[1:5]) + "\n")
                k += N
            k += 1
    print("fixtures written with", version, "work dir", work)


if __name__ == "__main__":
    main()
