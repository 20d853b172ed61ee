#!/usr/bin/python3
"""Generates thermal snapshots and inherent structures (IS) of polydisperse WCA disks with LAMMPS.

Run from this directory with Debian's python3 and LAMMPS (`lmp`) on PATH:

    /usr/bin/python3 make_is_fixtures.py            # all systems
    /usr/bin/python3 make_is_fixtures.py ka256      # only the named systems

System: N polydisperse WCA disks (Gaussian diameters, mean 1, 11 % std, truncated at +-3 std,
binned into 20 types: the binned diameter is the particle's diameter), 2D, rho = 0.9, `units lj`,
pair lj/cut with per-pair sigma_ij = (d_i + d_j)/2, cutoff 2^(1/6) sigma_ij, `pair_modify shift
yes` (= WCA); system lj256 the same with cutoff 2.5 sigma_ij (md-engine potential `lj`); system
ka256 the 2D Kob-Andersen mixture (md-engine potential `ka`: 166 A of diameter 1.0 + 90 B of
diameter 0.88 in random order, rho = 1.2, eps/sigma AA 1/1, AB 1.5/0.8, BB 0.5/0.88, cutoff
2.5 sigma_ab, shifted; the diameter column carries the species). Per system: jittered square
lattice, 4000 steps fix nve + fix temp/rescale at T = 0.5 (dt 0.003), then the thermal snapshot is written, then `min_style cg`, `minimize 0 1e-12 100000
1000000` (fix enforce2d on), then the IS is written.

Outputs per system NAME (all numbers %.17g), the first line a `#` header with the LAMMPS version:
  NAME-thermal.txt, NAME-is.txt:
      `N Lx Ly`
      `pe wxx wyy wxy` (total pair energy; pair virial W_ab = -(sum of compute stress/atom virial))
      then per atom in id order: `d x y sxx syy sxy` with x, y wrapped into [0, L) and s_ab the
      LAMMPS per-atom virial stress (compute stress/atom NULL virial; pressure*area units,
      i.e. minus the per-atom virial, half of every pair to each partner)
  NAME-is.txt also carries the final force norm on a second header line.
  NAME-is.xyz: the same inherent structure as extended XYZ (species, pos, diameter), readable by
      `glasslab modes` / `glasslab bench modes`. `make_is_fixtures.py --xyz-only` rewrites only
      these from the .txt files.
"""
import os
import subprocess
import sys
import tempfile

import numpy as np

# shared with the md-engine fixtures: LAMMPS version string and WCA pair_coeff lines
sys.path.insert(
    0,
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../../../md-engine/src/test/resources/reference"),
)
from make_lammps_fixtures import (  # noqa: E402
    KA_DIAMETERS,
    KA_FRACTION_A,
    binned_diameters,
    ka_pair_coeffs,
    lmp_version,
    pair_coeffs,
    write_start_data,
)

NTYPES = 20
T = 0.5
DT = 0.003
WCA_CUT = 2 ** (1 / 6)
KA_CUT = 2.5
# name, lattice nx, ny, seed, potential: wca, lj (cutoff 2.5 sigma_ij) or ka (the md-engine names)
SYSTEMS = [("wca256", 16, 16, 7, "wca"), ("wca2000", 50, 40, 11, "wca"), ("lj256", 16, 16, 7, "lj"),
           ("ka256", 16, 16, 13, "ka")]


def make(name, nx, ny, seed, potential, version, maxiter=100000):
    rng = np.random.default_rng(20261121 + seed)
    n = nx * ny
    if potential == "ka":
        diam = np.array(KA_DIAMETERS)
        na = int(round(KA_FRACTION_A * n))
        types = np.array([0] * na + [1] * (n - na))
        coeffs = "\n".join(ka_pair_coeffs(KA_CUT))
        rcmax = KA_CUT * 1.0  # sigma_AA, the largest
        rho = 1.2
    else:
        cut = WCA_CUT if potential == "wca" else 2.5
        diam, types = binned_diameters(rng, n, NTYPES)
        coeffs = pair_coeffs(diam, cut)
        rcmax = cut * diam.max()
        rho = 0.9
    ntypes = len(diam)
    L = np.sqrt(n / rho)
    ax, ay = L / nx, L / ny
    rng.shuffle(types)
    pos = np.array([[(i % nx + 0.5) * ax, (i // nx + 0.5) * ay] for i in range(n)])
    pos += 0.1 * min(ax, ay) * (rng.random((n, 2)) - 0.5)
    v = rng.standard_normal((n, 2)) * np.sqrt(T)
    v -= v.mean(axis=0)
    work = tempfile.mkdtemp(prefix="glasslab-is-")
    write_start_data(os.path.join(work, "start.data"), L, L, ntypes, types, pos, v)
    script = """units lj
dimension 2
atom_style atomic
boundary p p p
read_data start.data
pair_style lj/cut %.17g
pair_modify shift yes
%s
neighbor 0.3 bin
neigh_modify every 1 delay 0 check yes
timestep %.17g
fix 1 all nve
fix 2 all temp/rescale 1 %g %g 0.0 1.0
fix 3 all enforce2d
compute s all stress/atom NULL virial
compute pv all pressure NULL virial
thermo_style custom step pe c_pv[1] c_pv[2] c_pv[4] fnorm
thermo_modify norm no format float %%.17g
thermo 1000
run 4000
dump d1 all custom 1 thermal.dump id x y c_s[1] c_s[2] c_s[4]
dump_modify d1 format float %%.17g sort id
run 0
undump d1
unfix 1
unfix 2
min_style cg
minimize 0 1e-12 %d 1000000
dump d2 all custom 1 is.dump id x y c_s[1] c_s[2] c_s[4]
dump_modify d2 format float %%.17g sort id
run 0
""" % (rcmax, coeffs, DT, T, T, maxiter)
    with open(os.path.join(work, "in.is"), "w") as f:
        f.write(script)
    subprocess.run(["lmp", "-in", "in.is", "-log", "log.is", "-screen", "none"], cwd=work, check=True)
    log = open(os.path.join(work, "log.is")).read().splitlines()
    # thermo blocks: rows start with a step number; keep the last row of each block
    blocks = []
    cur = None
    for line in log:
        s = line.split()
        if s and s[0] == "Step":
            cur = []
            blocks.append(cur)
            continue
        if cur is not None:
            if line.startswith("Loop time"):
                cur = None
                continue
            if s and s[0].isdigit() and len(s) == 6:
                cur.append([float(x) for x in s])
    thermal_row = blocks[1][-1]
    is_row = blocks[-1][-1]
    area = L * L
    for tag, row in (("thermal", thermal_row), ("is", is_row)):
        lines = open(os.path.join(work, tag + ".dump")).read().splitlines()
        k = lines.index("ITEM: ATOMS id x y c_s[1] c_s[2] c_s[4]")
        atoms = [l.split() for l in lines[k + 1 : k + 1 + n]]
        with open("%s-%s.txt" % (name, tag), "w") as f:
            f.write("# generated by make_is_fixtures.py with %s\n" % version)
            f.write("# fnorm %.17g\n" % row[5])
            f.write("%d %.17g %.17g\n" % (n, L, L))
            f.write("%.17g %.17g %.17g %.17g\n" % (row[1], row[2] * area, row[3] * area, row[4] * area))
            for i, a in enumerate(atoms):
                assert int(a[0]) == i + 1
                x = float(a[1]) % L
                y = float(a[2]) % L
                f.write("%.17g %.17g %.17g %s %s %s\n" % (diam[types[i]], x, y, a[3], a[4], a[5]))
    print(name, "thermal", thermal_row, "is", is_row, "work", work)


def to_xyz(name):
    rows = [l.split() for l in open(name + "-is.txt") if not l.startswith("#")]
    n, lx, ly = int(rows[0][0]), rows[0][1], rows[0][2]
    with open(name + "-is.xyz", "w") as f:
        f.write("%d\n" % n)
        f.write('Lattice="%s 0 0 0 %s 0 0 0 1" Properties=species:S:1:pos:R:3:diameter:R:1 '
                'pbc="T T F" Step=0 Time=0\n' % (lx, ly))
        for r in rows[2 : 2 + n]:
            f.write("A %s %s 0 %s\n" % (r[1], r[2], r[0]))


def main():
    names = [a for a in sys.argv[1:] if not a.startswith("--")]
    systems = [s for s in SYSTEMS if not names or s[0] in names]
    if "--xyz-only" not in sys.argv:
        version = lmp_version()
        for name, nx, ny, seed, potential in systems:
            make(name, nx, ny, seed, potential, version)
    for s in systems:
        to_xyz(s[0])


if __name__ == "__main__":
    main()
