package org.glasslab.analysis.mechanics;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.ops.DConvertMatrixStruct;
import org.glasslab.data.random.Rng;

/**
 * The lowest vibrational modes of a Hessian (Jha &amp; Sengupta eq. 6: lambda_smallest is the mean
 * of the m smallest positive eigenvalues) by shift-invert block Lanczos.
 *
 * <p>Method. The operator is {@code (H + s I)^-1} with {@code s = relativeShift * trace(H)/2N} (a
 * negative spectral shift {@code sigma = -s}): it is positive definite on an inherent structure, so
 * EJML's sparse Cholesky factorizes it (after a nested-dissection ordering, {@link
 * NestedDissection}), and the smallest eigenvalues of H become its largest, well separated ones
 * {@code theta = 1/(lambda + s)}. If {@code H + s I} is not positive definite (eigenvalues below
 * {@code -s}: far from a minimum) the shift is raised tenfold and retried. The exact zero modes
 * known in advance are deflated: the two uniform translations of the non-rattler particles and the
 * two unit vectors of every rattler (a particle without interacting neighbours, whose rows of H are
 * exactly zero) span an exactly degenerate null space that a Krylov method cannot resolve, so the
 * Krylov basis is kept orthogonal to them and their count (Rayleigh quotients reported) is added to
 * the zero modes found in the complement. Lanczos (block size 1 by default, block Lanczos for
 * larger blocks) with full reorthogonalization runs: every new vector is orthogonalized first
 * against the last two blocks (the Lanczos recurrence) and then once more against the whole basis
 * (classical Gram–Schmidt), so the basis stays orthonormal to machine precision and no ghost
 * eigenvalues appear. After each step past {@code m} vectors the Ritz values of the tridiagonal
 * matrix are computed by implicit QL tracking only the last eigenvector row ({@link Tridiagonal},
 * {@code O(p^2)}); the run stops when every wanted Ritz pair (all with estimated eigenvalue up to
 * the m-th positive one) has a residual at most {@code convergenceTolerance} times its Ritz value.
 * The eigenvalues are then {@code 1/theta - s}; with eigenvectors requested they are instead the
 * Rayleigh quotients {@code x^T H x} of the unit Ritz vectors with the unshifted H, with residuals
 * {@code ||H x - lambda x||}.
 */
public final class LowestModes {
  private final ModeOptions options;

  /** A solver with the given options. */
  public LowestModes(ModeOptions options) {
    this.options = options;
  }

  /** The options. */
  public ModeOptions options() {
    return options;
  }

  /**
   * The m smallest positive eigenvalues, the zero modes and any negative eigenvalues of {@code h}.
   *
   * @throws IllegalArgumentException if H has no nonzero entries or fewer than m nonzero modes
   * @throws IllegalStateException if the Lanczos basis limit is reached before convergence
   */
  public HessianSpectrum compute(Hessian h) {
    final long t0 = System.nanoTime();
    final DMatrixSparseCSC a = h.matrix();
    final int n = a.numCols;
    final int np = n / 2;
    final int m = options.count();
    final int b = options.blockSize();
    final double trace = positiveTrace(a);
    final int[] rattlers = h.rattlers();
    final int deflated = 2 * rattlers.length + (rattlers.length < np ? 2 : 0);
    final int complement = n - deflated;
    if (complement < m + b) {
      throw new IllegalArgumentException(
          "only "
              + complement
              + " modes remain after removing translations and rattlers; count "
              + m
              + " is too large (use at most "
              + Math.max(1, complement - b)
              + " or the dense path)");
    }
    final Shifted factored = factorizeShifted(a, options.relativeShift() * trace / n, trace);
    final ShiftedCholesky chol = factored.chol();
    final double shift = factored.shift();
    final Deflation defl = Deflation.of(rattlers, chol.inversePermutation(), np);

    int maxBasis = options.maxBasis() == 0 ? Math.max(300, 8 * (m + 8)) : options.maxBasis();
    maxBasis = Math.min(maxBasis, complement);
    maxBasis -= maxBasis % b;
    final double[][] q = new double[maxBasis + b][];
    final double[][] t = new double[maxBasis + b][maxBasis + b];
    final Rng rng = new Rng(options.seed());
    // start block
    double[][] w = new double[b][];
    for (int v = 0; v < b; v++) {
      w[v] = randomVector(n, rng);
    }
    int k = 0;
    k = appendBlock(q, k, w, defl, rng, t, -1);
    final double[] work = new double[n * b];
    int applications = 0;
    double[] theta = null;
    double[][] y = null;
    int wanted = -1;
    int p;
    boolean done = false;
    while (true) {
      final int j0 = k - b;
      for (int v = 0; v < b; v++) {
        double[] qv = q[j0 + v];
        for (int r = 0; r < n; r++) {
          work[r * b + v] = qv[r];
        }
      }
      chol.solve(work, b);
      applications += b;
      for (int v = 0; v < b; v++) {
        double[] wv = new double[n];
        for (int r = 0; r < n; r++) {
          wv[r] = work[r * b + v];
        }
        w[v] = wv;
      }
      p = k;
      if (k + b > maxBasis) {
        break;
      }
      k = appendBlock(q, k, w, defl, rng, t, j0);
      // Rayleigh-Ritz on the first p vectors once enough are there
      if (p >= Math.min(maxBasis - b, m + deflatedGuess(b))) {
        if (b == 1) {
          double[] th = new double[p];
          double[] last = new double[p];
          tridiagonalRitz(t, p, th, last);
          wanted = wantedCount(th, shift, m);
          if (wanted > 0 && convergedTridiagonal(th, last, t[p][p - 1], wanted)) {
            theta = th;
            y = tridiagonalVectors(t, p, wanted);
            done = true;
            break;
          }
        } else {
          double[][] ritz = ritz(t, p);
          theta = ritz[0];
          y = Arrays.copyOfRange(ritz, 1, ritz.length);
          wanted = wantedCount(theta, shift, m);
          if (wanted > 0 && converged(theta, y, t, p, b, wanted)) {
            done = true;
            break;
          }
        }
      }
    }
    if (!done) {
      throw notConverged(t, p, b, shift, maxBasis);
    }
    double[] lam = new double[wanted];
    double[] res = new double[wanted];
    double[][] vec = new double[wanted][];
    if (options.vectors()) {
      ritzVectors(h, q, y, p, wanted, chol.permutation(), lam, res, vec);
    } else {
      // eigenvalues from the Ritz values; residuals are the Lanczos estimates relative to theta
      for (int i = 0; i < wanted; i++) {
        lam[i] = 1.0 / theta[i] - shift;
        res[i] = ritzResidual(t, y[i], p, b) / theta[i];
      }
    }
    return spectrum(h, factored, defl, rattlers.length, deflated, lam, res, vec, applications, t0);
  }

  /**
   * Sorts the converged eigenvalues {@code lam} (with residuals {@code res} and vectors {@code
   * vec}) into negative, zero (with the deflated rattler and translation modes) and the m smallest
   * positive ones, and packs the spectrum.
   */
  private HessianSpectrum spectrum(
      Hessian h,
      Shifted factored,
      Deflation defl,
      int rattlerCount,
      int deflated,
      double[] lam,
      double[] res,
      double[][] vec,
      int applications,
      long t0) {
    final int m = options.count();
    final int wanted = lam.length;
    final ShiftedCholesky chol = factored.chol();
    Integer[] idx = new Integer[wanted];
    for (int i = 0; i < wanted; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (u, v) -> Double.compare(lam[u], lam[v]));
    final double tol = options.zeroTolerance();
    double[] zeros = new double[deflated + wanted];
    int nz = 0;
    for (int r = 0; r < 2 * rattlerCount; r++) {
      zeros[nz++] = 0.0;
    }
    if (defl.tx() != null) {
      zeros[nz++] = rayleighOriginal(h, defl.tx(), chol.permutation());
      zeros[nz++] = rayleighOriginal(h, defl.ty(), chol.permutation());
    }
    double[] neg = new double[wanted];
    int nn = 0;
    double[] pos = new double[m];
    double[][] posVec = new double[m][];
    double[] pr = new double[m];
    int npos = 0;
    double maxRes = 0;
    for (int s = 0; s < wanted; s++) {
      int i = idx[s];
      if (lam[i] < -tol) {
        neg[nn++] = lam[i];
      } else if (lam[i] <= tol) {
        zeros[nz++] = lam[i];
      } else if (npos < m) {
        pos[npos] = lam[i];
        posVec[npos] = vec[i];
        pr[npos] = vec[i] == null ? Double.NaN : HessianSpectrum.participationRatio(vec[i]);
        maxRes = Math.max(maxRes, res[i]);
        npos++;
      }
    }
    if (npos < m) {
      throw new IllegalStateException(
          "found only " + npos + " positive eigenvalues of the requested " + m);
    }
    double mean = 0;
    for (double v : pos) {
      mean += v;
    }
    mean /= m;
    double[] zeroVals = Arrays.copyOf(zeros, nz);
    Arrays.sort(zeroVals);
    double seconds = (System.nanoTime() - t0) * 1e-9;
    return new HessianSpectrum(
        pos,
        mean,
        nz,
        zeroVals,
        Arrays.copyOf(neg, nn),
        rattlerCount,
        options.vectors() ? posVec : null,
        options.vectors() ? pr : null,
        maxRes,
        factored.shift(),
        applications,
        chol.factorNonZeros(),
        seconds);
  }

  /** Sum of the diagonal of {@code a}; refuses a Hessian with no interacting pairs. */
  private static double positiveTrace(DMatrixSparseCSC a) {
    double trace = 0;
    for (int c = 0; c < a.numCols; c++) {
      for (int k = a.col_idx[c]; k < a.col_idx[c + 1]; k++) {
        if (a.nz_rows[k] == c) {
          trace += a.nz_values[k];
        }
      }
    }
    if (!(trace > 0)) {
      throw new IllegalArgumentException(
          "the Hessian has no positive diagonal (no interacting pairs): nothing to diagonalize");
    }
    return trace;
  }

  /**
   * Cholesky factor of H + sI in particle ordering, for the first s = shift, 10 shift, 100 shift,
   * ... (at most 11 tries, below the trace) that makes it positive definite.
   */
  private static Shifted factorizeShifted(DMatrixSparseCSC a, double shift, double trace) {
    final int[] perm = ShiftedCholesky.particleOrdering(a);
    for (int attempt = 0; attempt <= 10 && shift < trace; attempt++) {
      ShiftedCholesky chol = ShiftedCholesky.factorize(a, perm, shift);
      if (chol != null) {
        return new Shifted(chol, shift);
      }
      shift *= 10;
    }
    throw new IllegalStateException(
        "H + s I is not positive definite even for s = "
            + shift / 10
            + ": the configuration is far from an energy minimum");
  }

  /**
   * The error for a Lanczos run that filled its basis without converging: negative eigenvalues (not
   * a minimum) if the Ritz values show them, else a basis that was too small.
   */
  private IllegalStateException notConverged(
      double[][] t, int p, int b, double shift, int maxBasis) {
    double[] th = new double[p];
    if (b == 1) {
      tridiagonalRitz(t, p, th, new double[p]);
    } else {
      th = ritz(t, p)[0];
    }
    int negatives = 0;
    for (double v : th) {
      if (v > 0 && 1.0 / v - shift < -options.zeroTolerance()) {
        negatives++;
      }
    }
    if (negatives > 0) {
      return new IllegalStateException(
          "at least "
              + negatives
              + " negative Hessian eigenvalues (lowest about "
              + (1.0 / th[0] - shift)
              + "): the configuration is not an energy minimum; minimize it first");
    }
    return new IllegalStateException(
        "shift-invert Lanczos did not converge within a basis of "
            + maxBasis
            + " vectors; raise maxBasis or the convergence tolerance");
  }

  /** Residual norm {@code ||B_next y_last||} of a Ritz pair of the (block) Lanczos matrix. */
  private static double ritzResidual(double[][] t, double[] y, int p, int b) {
    double rr = 0;
    for (int u = 0; u < b; u++) {
      double s = 0;
      for (int v = 0; v < b; v++) {
        s += t[p + u][p - b + v] * y[p - b + v];
      }
      rr += s * s;
    }
    return Math.sqrt(rr);
  }

  /**
   * Ritz vectors in the original numbering (unit), their Rayleigh quotients with the unshifted H
   * and residuals {@code ||H x - lambda x||}.
   */
  private static void ritzVectors(
      Hessian h,
      double[][] q,
      double[][] y,
      int p,
      int wanted,
      int[] permArr,
      double[] lam,
      double[] res,
      double[][] vec) {
    final int n = h.dimension();
    double[] hx = new double[n];
    // X = Q Y, basis vector outer so that each q_c is read once
    double[][] xps = new double[wanted][n];
    for (int c = 0; c < p; c++) {
      double[] qc = q[c];
      for (int i = 0; i < wanted; i++) {
        double coef = y[i][c];
        double[] xp = xps[i];
        for (int r = 0; r < n; r++) {
          xp[r] += coef * qc[r];
        }
      }
    }
    for (int i = 0; i < wanted; i++) {
      double[] xp = xps[i];
      double[] x = new double[n];
      for (int r = 0; r < n; r++) {
        x[permArr[r]] = xp[r];
      }
      double nx = Math.sqrt(dot(x, x));
      for (int r = 0; r < n; r++) {
        x[r] /= nx;
      }
      h.multiply(x, hx);
      lam[i] = dot(x, hx);
      double rr = 0;
      for (int r = 0; r < n; r++) {
        double d = hx[r] - lam[i] * x[r];
        rr += d * d;
      }
      res[i] = Math.sqrt(rr);
      vec[i] = x;
    }
  }

  private static int deflatedGuess(int b) {
    return 2 * b + 4;
  }

  /** Number of leading Ritz values (descending theta) up to and including the m-th positive. */
  private int wantedCount(double[] theta, double shift, int m) {
    int pos = 0;
    for (int i = 0; i < theta.length; i++) {
      if (!(theta[i] > 0)) {
        return -1;
      }
      double lam = 1.0 / theta[i] - shift;
      if (lam > options.zeroTolerance()) {
        pos++;
        if (pos == m) {
          return i + 1;
        }
      }
    }
    return -1;
  }

  /** Ritz values (descending) and last eigenvector components of the tridiagonal T_p. */
  private static void tridiagonalRitz(double[][] t, int p, double[] theta, double[] last) {
    double[] d = new double[p];
    double[] e = new double[p];
    for (int i = 0; i < p; i++) {
      d[i] = t[i][i];
      e[i] = i + 1 < p ? 0.5 * (t[i + 1][i] + t[i][i + 1]) : 0.0;
    }
    double[] z = new double[p];
    z[p - 1] = 1.0;
    Tridiagonal.ql(d, e, new double[][] {z});
    for (int i = 0; i < p; i++) {
      theta[i] = d[p - 1 - i];
      last[i] = z[p - 1 - i];
    }
  }

  /** The leading {@code count} Ritz vectors (descending theta) of the tridiagonal T_p. */
  private static double[][] tridiagonalVectors(double[][] t, int p, int count) {
    double[] d = new double[p];
    double[] e = new double[p];
    for (int i = 0; i < p; i++) {
      d[i] = t[i][i];
      e[i] = i + 1 < p ? 0.5 * (t[i + 1][i] + t[i][i + 1]) : 0.0;
    }
    double[][] rows = new double[p][p];
    for (int i = 0; i < p; i++) {
      rows[i][i] = 1.0;
    }
    Tridiagonal.ql(d, e, rows);
    double[][] y = new double[count][p];
    for (int c = 0; c < count; c++) {
      int col = p - 1 - c;
      for (int r = 0; r < p; r++) {
        y[c][r] = rows[r][col];
      }
    }
    return y;
  }

  private boolean convergedTridiagonal(double[] theta, double[] last, double beta, int wanted) {
    double tol = options.convergenceTolerance();
    for (int i = 0; i < wanted; i++) {
      if (Math.abs(beta * last[i]) > tol * Math.abs(theta[i])) {
        return false;
      }
    }
    return true;
  }

  private boolean converged(double[] theta, double[][] y, double[][] t, int p, int b, int wanted) {
    double tol = options.convergenceTolerance();
    for (int i = 0; i < wanted; i++) {
      double rr = 0;
      for (int u = 0; u < b; u++) {
        double s = 0;
        for (int v = 0; v < b; v++) {
          s += t[p + u][p - b + v] * y[i][p - b + v];
        }
        rr += s * s;
      }
      if (Math.sqrt(rr) > tol * Math.abs(theta[i])) {
        return false;
      }
    }
    return true;
  }

  /** Eigen-decomposition of the symmetrized leading p x p block; row 0 theta (desc), then y_i. */
  private static double[][] ritz(double[][] t, int p) {
    DMatrixRMaj s = new DMatrixRMaj(p, p);
    for (int i = 0; i < p; i++) {
      for (int c = 0; c < p; c++) {
        s.unsafe_set(i, c, 0.5 * (t[i][c] + t[c][i]));
      }
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(p, true, true);
    if (!eig.decompose(s)) {
      throw new IllegalStateException("eigen-decomposition of the Lanczos matrix failed");
    }
    Integer[] idx = new Integer[p];
    double[] val = new double[p];
    for (int i = 0; i < p; i++) {
      idx[i] = i;
      val[i] = eig.getEigenvalue(i).real;
    }
    Arrays.sort(idx, (u, v) -> Double.compare(val[v], val[u]));
    double[][] out = new double[p + 1][];
    out[0] = new double[p];
    for (int r = 0; r < p; r++) {
      int i = idx[r];
      out[0][r] = val[i];
      DMatrixRMaj ev = eig.getEigenVector(i);
      double[] yv = new double[p];
      double nrm = 0;
      for (int c = 0; c < p; c++) {
        yv[c] = ev.get(c, 0);
        nrm += yv[c] * yv[c];
      }
      nrm = Math.sqrt(nrm);
      for (int c = 0; c < p; c++) {
        yv[c] /= nrm;
      }
      out[r + 1] = yv;
    }
    return out;
  }

  /**
   * Orthonormalizes the block {@code w} against the deflated space and the basis {@code q[0..k)}
   * (the recurrence against the last two blocks, then a full classical Gram-Schmidt pass), then
   * within itself (modified Gram-Schmidt), appends it and records the coefficients in column {@code
   * col0 + v} of {@code t} (when {@code col0 >= 0}).
   *
   * @return the new basis size
   */
  private static int appendBlock(
      double[][] q, int k, double[][] w, Deflation defl, Rng rng, double[][] t, int col0) {
    final int b = w.length;
    final int n = w[0].length;
    for (int v = 0; v < b; v++) {
      defl.project(w[v]);
    }
    double[] h = new double[b];
    // pass 0: the Lanczos recurrence (last two blocks), modified Gram-Schmidt
    for (int i = Math.max(0, k - 2 * b); i < k; i++) {
      double[] qi = q[i];
      for (int v = 0; v < b; v++) {
        h[v] = dot(qi, w[v]);
      }
      for (int v = 0; v < b; v++) {
        double hv = h[v];
        double[] wv = w[v];
        for (int r = 0; r < n; r++) {
          wv[r] -= hv * qi[r];
        }
        if (col0 >= 0) {
          t[i][col0 + v] += hv;
        }
      }
    }
    // pass 1: full reorthogonalization against the whole basis, classical Gram-Schmidt
    double[] coef = new double[k];
    for (int v = 0; v < b; v++) {
      reorthogonalize(q, k, w[v], coef);
      if (col0 >= 0) {
        for (int i = 0; i < k; i++) {
          t[i][col0 + v] += coef[i];
        }
      }
    }
    for (int v = 0; v < b; v++) {
      defl.project(w[v]);
    }
    for (int v = 0; v < b; v++) {
      double[] wv = w[v];
      double before = Math.sqrt(dot(wv, wv));
      for (int u = 0; u < v; u++) {
        double r = dot(q[k + u], wv);
        for (int i = 0; i < n; i++) {
          wv[i] -= r * q[k + u][i];
        }
        if (col0 >= 0) {
          t[k + u][col0 + v] += r;
        }
      }
      double nrm = Math.sqrt(dot(wv, wv));
      if (!(nrm > 1e-10 * Math.max(before, 1e-300)) || nrm == 0) {
        // invariant subspace reached: continue with a fresh random direction, coupling 0
        wv = randomVector(n, rng);
        defl.project(wv);
        for (int pass = 0; pass < 2; pass++) {
          for (int i = 0; i < k + v; i++) {
            double r = dot(q[i], wv);
            for (int c = 0; c < n; c++) {
              wv[c] -= r * q[i][c];
            }
          }
          defl.project(wv);
        }
        nrm = Math.sqrt(dot(wv, wv));
        if (col0 >= 0) {
          t[k + v][col0 + v] = 0.0;
        }
      } else if (col0 >= 0) {
        t[k + v][col0 + v] = nrm;
      }
      for (int i = 0; i < n; i++) {
        wv[i] /= nrm;
      }
      q[k + v] = wv;
    }
    return k + b;
  }

  /**
   * One classical Gram-Schmidt pass {@code w -= Q (Q^T w)} over {@code q[0..k)}, four basis vectors
   * at a time so that each group is read from memory once for its dot products and is still in
   * cache for the update (the basis is several MB at N = 2000, larger than L2).
   *
   * @param w [n] vector, orthogonalized in place
   * @param coef [k] receives the coefficients {@code q_i . w}
   */
  private static void reorthogonalize(double[][] q, int k, double[] w, double[] coef) {
    final int n = w.length;
    int i = 0;
    for (; i + 3 < k; i += 4) {
      final double[] a = q[i];
      final double[] b = q[i + 1];
      final double[] c = q[i + 2];
      final double[] d = q[i + 3];
      double sa = 0;
      double sb = 0;
      double sc = 0;
      double sd = 0;
      for (int r = 0; r < n; r++) {
        final double wr = w[r];
        sa += a[r] * wr;
        sb += b[r] * wr;
        sc += c[r] * wr;
        sd += d[r] * wr;
      }
      for (int r = 0; r < n; r++) {
        w[r] -= sa * a[r] + sb * b[r] + sc * c[r] + sd * d[r];
      }
      coef[i] = sa;
      coef[i + 1] = sb;
      coef[i + 2] = sc;
      coef[i + 3] = sd;
    }
    for (; i < k; i++) {
      final double[] a = q[i];
      final double sa = dot(a, w);
      for (int r = 0; r < n; r++) {
        w[r] -= sa * a[r];
      }
      coef[i] = sa;
    }
  }

  private static double[] randomVector(int n, Rng rng) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = rng.nextDouble() - 0.5;
    }
    return v;
  }

  static double dot(double[] a, double[] b) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    final int n = a.length;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
    }
    for (; i < n; i++) {
      s0 += a[i] * b[i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  private static double rayleighOriginal(Hessian h, double[] vPermuted, int[] perm) {
    int n = vPermuted.length;
    double[] x = new double[n];
    for (int r = 0; r < n; r++) {
      x[perm[r]] = vPermuted[r];
    }
    double[] hx = new double[n];
    h.multiply(x, hx);
    return dot(x, hx) / dot(x, x);
  }

  /** Projection onto the complement of the known null space (permuted numbering). */
  /** The Cholesky factor of H + sI and its shift s. */
  private record Shifted(ShiftedCholesky chol, double shift) {}

  /**
   * What the Lanczos basis is kept orthogonal to: rattler dofs ({@code masked}, permuted numbering)
   * and the two translations of the other particles ({@code tx}, {@code ty}; null when every
   * particle is a rattler).
   */
  private record Deflation(boolean[] masked, double[] tx, double[] ty) {
    static Deflation of(int[] rattlers, int[] inv, int np) {
      int n = 2 * np;
      boolean[] masked = new boolean[n];
      for (int r : rattlers) {
        masked[inv[2 * r]] = true;
        masked[inv[2 * r + 1]] = true;
      }
      if (rattlers.length == np) {
        return new Deflation(masked, null, null);
      }
      double[] tx = new double[n];
      double[] ty = new double[n];
      double norm = 1.0 / Math.sqrt(np - rattlers.length);
      for (int i = 0; i < np; i++) {
        if (!masked[inv[2 * i]]) {
          tx[inv[2 * i]] = norm;
          ty[inv[2 * i + 1]] = norm;
        }
      }
      return new Deflation(masked, tx, ty);
    }

    void project(double[] w) {
      for (int i = 0; i < w.length; i++) {
        if (masked[i]) {
          w[i] = 0.0;
        }
      }
      if (tx != null) {
        double a = dot(tx, w);
        double c = dot(ty, w);
        for (int i = 0; i < w.length; i++) {
          w[i] -= a * tx[i] + c * ty[i];
        }
      }
    }
  }

  /**
   * All eigenvalues of H, ascending, by a dense EJML symmetric decomposition: the validation path
   * ({@code O(N^3)}; refused above N = 1500).
   */
  public static double[] denseEigenvalues(Hessian h) {
    if (h.particles() > 1500) {
      throw new IllegalArgumentException(
          "dense decomposition is a validation path for N <= 1500, got N = " + h.particles());
    }
    DMatrixRMaj d = DConvertMatrixStruct.convert(h.matrix(), (DMatrixRMaj) null);
    int n = d.numRows;
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
    if (!eig.decompose(d)) {
      throw new IllegalStateException("dense eigen-decomposition failed");
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = eig.getEigenvalue(i).real;
    }
    Arrays.sort(out);
    return out;
  }
}
