#!/usr/bin/python3
"""Generates the LAMMPS reference fixtures for md-engine's non-WCA potentials (lj, ka).

Run from this directory with Debian's python3 (numpy) and LAMMPS (`lmp`) on PATH:

    /usr/bin/python3 make_potential_fixtures.py

Systems (2D, `units lj`, `atom_style atomic`, unit masses, pair lj/cut + `pair_modify shift yes`):
  lj400  N = 400 polydisperse disks (Gaussian diameters, mean 1, 11 % std, truncated at +-3 std)
         binned into 10 types, rho = 0.9, sigma_ij = (d_i + d_j)/2, epsilon 1, cutoff 2.5 sigma_ij
         (md-engine potential `lj`).
  ka400  N = 400 binary Kob-Andersen mixture, 260 A (type 1, diameter 1.0) + 140 B (type 2,
         diameter 0.88), rho = 1.2, eps/sigma AA 1/1, AB 1.5/0.8, BB 0.5/0.88, cutoff 2.5 sigma_ab
         (md-engine potential `ka`).
Stage 1 (lmp): jittered square lattice, 2000 steps fix nve + fix temp/rescale at T = 0.5 -> eq.data.
Stage 2 (lmp): from eq.data, 200 steps of plain fix nve (velocity Verlet), thermo every step
(`run` step 0 gives energy and virial pressure tensor of the configuration), dump every 50.

Outputs per system S (numbers %.17g; the formats and writer of make_lammps_fixtures.py):
  S-config.txt  header lines `#`, then `N Lx Ly ntypes`, `type diameter` x ntypes, then per atom
                (id order) `type x y ix iy vx vy`
  S-static.txt  `pe wxx_over_A wyy_over_A wxy_over_A ke` (virial-only pressure tensor)
  S-thermo.txt  per step: `step pe ke pxx_vir pyy_vir pxy_vir temp`
  S-dump.txt    per dumped step: `step` line then N lines `xu yu vx vy` (id order)
"""
import os
import subprocess
import tempfile

import numpy as np

from make_lammps_fixtures import (
    KA_DIAMETERS,
    KA_FRACTION_A,
    N,
    T,
    binned_diameters,
    ka_pair_coeffs,
    lattice_start,
    write_outputs,
    write_start_data,
)

DT = 0.003
EQ_STEPS = 2000
REF_STEPS = 200
DUMP_EVERY = 50
CUT = 2.5


def lj_system(rng):
    """Polydisperse lj: per-type diameters, types per atom, pair coefficient lines."""
    ntypes = 10
    diam, types = binned_diameters(rng, N, ntypes)
    coeffs = []
    for i in range(ntypes):
        for j in range(i, ntypes):
            s = 0.5 * (diam[i] + diam[j])
            coeffs.append("pair_coeff %d %d 1.0 %.17g %.17g" % (i + 1, j + 1, s, CUT * s))
    return diam, types, coeffs, CUT * diam.max(), 0.9


def ka_system(rng):
    """Binary KA: type 0 = A (d 1.0), type 1 = B (d 0.88), 65:35."""
    diam = np.array(KA_DIAMETERS)
    na = int(round(KA_FRACTION_A * N))
    types = np.array([0] * na + [1] * (N - na))
    return diam, types, ka_pair_coeffs(CUT), CUT * 1.0, 1.2


def make(name, system, seed):
    rng = np.random.default_rng(seed)
    diam, types, coeffs, rcmax, rho = system(rng)
    ntypes = len(diam)
    rng.shuffle(types)
    L, pos, v = lattice_start(rng, rho)
    work = tempfile.mkdtemp(prefix="glasslab-lmp-")
    write_start_data(os.path.join(work, "start.data"), L, L, ntypes, types, pos, v)
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
fix 3 all enforce2d
"""
    with open(os.path.join(work, "in.eq"), "w") as f:
        f.write(common % ("start.data", rcmax, "\n".join(coeffs), DT))
        f.write("fix 2 all temp/rescale 1 %g %g 0.0 1.0\nthermo 1000\nrun %d\nwrite_data eq.data nocoeff\n"
                % (T, T, EQ_STEPS))
    subprocess.run(["lmp", "-in", "in.eq", "-log", "log.eq", "-screen", "none"], cwd=work, check=True)
    with open(os.path.join(work, "in.ref"), "w") as f:
        f.write(common % ("eq.data", rcmax, "\n".join(coeffs), DT))
        f.write("""compute pv all pressure NULL virial
thermo_style custom step pe ke c_pv[1] c_pv[2] c_pv[4] temp
thermo_modify norm no format float %%.17g
thermo 1
dump 1 all custom %d traj.dump id xu yu vx vy
dump_modify 1 format float %%.17g sort id
run %d
""" % (DUMP_EVERY, REF_STEPS))
    subprocess.run(["lmp", "-in", "in.ref", "-log", "log.ref", "-screen", "none"], cwd=work, check=True)

    write_outputs(name, work, N, ntypes, diam, "make_potential_fixtures.py", REF_STEPS)
    print(name, "written, work dir", work)


def main():
    make("lj400", lj_system, 20261207)
    make("ka400", ka_system, 20261208)


if __name__ == "__main__":
    main()
