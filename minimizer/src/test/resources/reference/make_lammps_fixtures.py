#!/usr/bin/python3
"""Generates the LAMMPS reference fixture for the minimizer tests.

Run from this directory with Debian's python3 (numpy) and LAMMPS (`lmp`) on PATH:

    /usr/bin/python3 make_lammps_fixtures.py          # wca256-is.txt
    /usr/bin/python3 make_lammps_fixtures.py lj       # lj256-is.txt

System: N = 256 polydisperse WCA disks (Gaussian diameters, mean 1, 11 % std, truncated at +-3 std,
binned into 20 types), 2D, rho = 0.9, `units lj`, pair lj/cut with sigma_ij = (d_i + d_j)/2, cutoff
2^(1/6) sigma_ij, `pair_modify shift yes` (= WCA), exactly as LammpsDeck (benchmarks module) writes it.

Stage 1 (lmp): uniformly random positions -> `min_style cg`, `min_modify norm inf`,
`minimize 0 1e-12 ...` -> inherent structure IS0.
Stage 2 (numpy): start = IS0 (unwrapped) + zero-mean Gaussian displacements of std 1e-3.
Stage 3 (lmp): the same CG minimization from `start` -> IS1. The script checks that LAMMPS returns
to IS0 (max |IS1 - IS0| < 1e-8) and stops otherwise.

With argument `lj`: the same with cutoff 2.5 sigma_ij (md-engine potential `lj`, shifted) and
output lj256-is.txt.

With argument `ka`: the 2D Kob-Andersen mixture (md-engine potential `ka`): 166 A (type 1, diameter
1.0) + 90 B (type 2, diameter 0.88) in random order, rho = 1.2, eps/sigma AA 1/1, AB 1.5/0.8,
BB 0.5/0.88, cutoff 2.5 sigma_ab, shifted (pair lines from md-engine's make_lammps_fixtures.py);
output ka256-is.txt.

Output wca256-is.txt (numbers %.17g): `#` header lines (tool versions, stats), then `N Lx Ly`,
then `E_start E_IS1` (total energies from LAMMPS), then per atom (id order)
`d x_start y_start ix_start iy_start x_is y_is ix_is iy_is` (wrapped positions + image flags).
"""
import os
import subprocess
import sys
import tempfile

import numpy as np

# shared with the md-engine fixtures: the diameter draw and the KA pair coefficients
sys.path.insert(
    0,
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../../md-engine/src/test/resources/reference"),
)
from make_lammps_fixtures import KA_DIAMETERS, KA_FRACTION_A, gaussian_diameters, ka_pair_coeffs  # noqa: E402

N = 256
FTOL = 1e-12
PERTURB = 1e-3
POTENTIAL = sys.argv[1] if len(sys.argv) > 1 else "wca"
CUT = {"wca": 2 ** (1 / 6), "lj": 2.5, "ka": 2.5}[POTENTIAL]
SEED = {"wca": 4042, "lj": 7, "ka": 11}[POTENTIAL]
RHO = 1.2 if POTENTIAL == "ka" else 0.9
NTYPES = 2 if POTENTIAL == "ka" else 20  # seeds whose IS LAMMPS finds again after the perturbation


def lmp_version():
    out = subprocess.run(["lmp", "-h"], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if "Large-scale Atomic/Molecular Massively Parallel Simulator" in line:
            return line.strip()
    return "unknown"


def write_data(path, L, types, tdiam, x, im):
    with open(path, "w") as f:
        f.write("minimizer fixture\n\n%d atoms\n%d atom types\n\n" % (N, NTYPES))
        f.write("0 %.17g xlo xhi\n0 %.17g ylo yhi\n-0.5 0.5 zlo zhi\n\nMasses\n\n" % (L, L))
        for t in range(NTYPES):
            f.write("%d 1.0\n" % (t + 1))
        f.write("\nAtoms # atomic\n\n")
        for i in range(N):
            f.write("%d %d %.17g %.17g 0.0 %d %d 0\n" % (i + 1, types[i], x[i, 0], x[i, 1], im[i, 0], im[i, 1]))


def minimize(workdir, L, types, tdiam, x, im):
    write_data(os.path.join(workdir, "data.lmp"), L, types, tdiam, x, im)
    dmax = tdiam.max()
    lines = ["units lj", "dimension 2", "atom_style atomic", "boundary p p p", "read_data data.lmp",
             "pair_style lj/cut %.17g" % (CUT * dmax), "pair_modify shift yes"]
    if POTENTIAL == "ka":
        lines += ka_pair_coeffs(CUT)
    else:
        for a in range(NTYPES):
            for b in range(a, NTYPES):
                s = 0.5 * (tdiam[a] + tdiam[b])
                lines.append("pair_coeff %d %d 1.0 %.17g %.17g" % (a + 1, b + 1, s, CUT * s))
    lines += ["neighbor 0.3 bin", "neigh_modify every 1 delay 0 check yes",
              "thermo_style custom step pe fmax", "thermo_modify norm no format float %.17g",
              "min_style cg", "min_modify norm inf",
              "minimize 0 %.17g 1000000 10000000" % FTOL,
              "write_dump all custom final.dump id x y ix iy modify format float %.17g sort id"]
    with open(os.path.join(workdir, "in.lmp"), "w") as f:
        f.write("\n".join(lines) + "\n")
    subprocess.run(["lmp", "-in", "in.lmp", "-log", "log.lmp", "-screen", "none"], cwd=workdir, check=True)
    log = open(os.path.join(workdir, "log.lmp")).read()
    stats = log[log.index("Minimization stats:"):].splitlines()[:8]
    energy = float(stats[3].split()[2])
    rows = np.loadtxt(os.path.join(workdir, "final.dump"), skiprows=9)
    xs = rows[:, 1:3]
    ims = rows[:, 3:5].astype(int)
    return xs, ims, energy, [s.strip() for s in stats]


def main():
    rng = np.random.default_rng(SEED)
    if POTENTIAL == "ka":
        na = int(round(KA_FRACTION_A * N))
        b = np.array([0] * na + [1] * (N - na))
        rng.shuffle(b)
        tdiam = np.array(KA_DIAMETERS)
    else:
        d = gaussian_diameters(rng, N)
        lo, hi = d.min(), d.max()
        w = (hi - lo) / NTYPES
        b = np.minimum(NTYPES - 1, np.floor((d - lo) / w)).astype(int)
        tdiam = lo + (np.arange(NTYPES) + 0.5) * w
    types = b + 1
    diam = tdiam[b]
    L = np.sqrt(N / RHO)
    x0 = rng.random((N, 2)) * L
    im0 = np.zeros((N, 2), dtype=int)
    with tempfile.TemporaryDirectory() as wd:
        is0, im_is0, e0, st0 = minimize(wd, L, types, tdiam, x0, im0)
    u0 = is0 + im_is0 * L
    disp = rng.normal(0.0, PERTURB, (N, 2))
    disp -= disp.mean(axis=0)
    ustart = u0 + disp
    im_start = np.floor(ustart / L).astype(int)
    xstart = ustart - im_start * L
    with tempfile.TemporaryDirectory() as wd:
        write_data(os.path.join(wd, "probe.lmp"), L, types, tdiam, xstart, im_start)
        is1, im_is1, e1, st1 = minimize(wd, L, types, tdiam, xstart, im_start)
    u1 = is1 + im_is1 * L
    dev = np.abs(u1 - u0).max()
    print("LAMMPS IS0 energy/N %.17g, IS1 energy/N %.17g, max |IS1-IS0| %.3g" % (e0 / N, e1 / N, dev))
    if dev > 1e-8:
        raise SystemExit("LAMMPS did not return to the inherent structure; change SEED")
    # energy of the perturbed start, from LAMMPS run 0 is not needed: tests recompute it
    with open(POTENTIAL + "256-is.txt", "w") as f:
        f.write("# generated by make_lammps_fixtures.py with %s\n" % lmp_version())
        f.write("# seed %d, N %d, rho %.3f, %d types, perturbation std %.1e, ftol %.1e (min_modify norm inf)\n"
                % (SEED, N, RHO, NTYPES, PERTURB, FTOL))
        f.write("# stage 1: %s\n" % " | ".join(st0))
        f.write("# stage 3: %s\n" % " | ".join(st1))
        f.write("# max |IS1 - IS0| = %.3g\n" % dev)
        f.write("%d %.17g %.17g\n" % (N, L, L))
        f.write("%.17g %.17g\n" % (e0, e1))
        for i in range(N):
            f.write("%.17g %.17g %.17g %d %d %.17g %.17g %d %d\n" % (
                diam[i], xstart[i, 0], xstart[i, 1], im_start[i, 0], im_start[i, 1],
                is1[i, 0], is1[i, 1], im_is1[i, 0], im_is1[i, 1]))


if __name__ == "__main__":
    main()
