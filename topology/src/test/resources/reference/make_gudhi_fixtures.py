#!/usr/bin/python3
"""Reference barcodes from GUDHI (the library the paper used), for two of the ripser fixtures.

Run from this directory with Debian's python (python3-gudhi):  /usr/bin/python3 make_gudhi_fixtures.py

For each case it reads NAME.points.csv (written by make_fixtures.py), builds
gudhi.RipsComplex(points, max_edge_length=ALPHA) up to dimension 2 and writes every persistence
interval of dimensions 0 and 1 as "dim,birth,death" lines (death "inf") to NAME.gudhi.csv, with
the GUDHI version in the first comment line. Distances are double precision, as in GlassLab's
default mode.
"""
import gudhi
import numpy as np

CASES = [("glass500_a8.19", 8.19), ("uniform300_a2", 2.0)]


def main():
    for name, alpha in CASES:
        pts = np.loadtxt(name + ".points.csv", delimiter=",")
        st = gudhi.RipsComplex(points=pts, max_edge_length=alpha).create_simplex_tree(max_dimension=2)
        pers = st.persistence()
        with open(name + ".gudhi.csv", "w") as f:
            f.write("# gudhi %s RipsComplex max_edge_length=%r max_dimension=2\n" % (gudhi.__version__, alpha))
            for dim, (b, d) in sorted(pers):
                if dim <= 1:
                    f.write("%d,%.17g,%s\n" % (dim, b, "inf" if d == float("inf") else "%.17g" % d))
        print(name, sum(1 for dim, _ in pers if dim == 1), "H1 bars")


if __name__ == "__main__":
    main()
