package org.glasslab.epm.meanfield;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.ode.ContinuousOutputModel;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.apache.commons.math3.ode.sampling.StepHandler;
import org.apache.commons.math3.ode.sampling.StepInterpolator;

/**
 * Second, independent solver of the stationary problem eq 8: ODE integration with Commons Math's
 * adaptive Dormand–Prince 8(5,3) integrator, in the Riccati (invariant-imbedding) form of shooting,
 * which stays well conditioned at low T where plain superposition shooting cancels
 * catastrophically. For fixed Γ, write P' = R(σ)P + Q(σ). The boundary condition at σ = 1, P'(1) =
 * −P(1)/√D (the exact tail for |σ| &gt; 1), gives R(1) = −1/√D, Q(1) = 0, and α P'' = (ν/Γ)P − y
 * gives R' = ν/(αΓ) − R², Q' = −y/α − RQ, integrated backwards from 1 to 0 (stable: R &lt; 0). Then
 * P'(0) = 0 gives P(0) = −Q(0)/R(0), and P' = RP + Q is integrated forwards (also stable) together
 * with ∫P. Γ is the root of ln ∫P by Brent's method. Shares only the rate law with {@link
 * FokkerPlanckSolver}: no grid, no linear algebra.
 */
public final class ShootingSolver {
  private ShootingSolver() {}

  /**
   * Solves eq 8 by Riccati shooting.
   *
   * @param model α and a
   * @param law rate law
   * @param temperature T &gt; 0
   * @param relTol ODE relative tolerance (e.g. 1e-11); Γ is then accurate to about 10× that
   * @return the solution, with P sampled at the forward integrator's steps (ascending σ)
   */
  public static StationarySolution solve(
      BaronBiroliModel model, RateLaw law, double temperature, double relTol) {
    DoubleUnaryOperator nu = law.at(model, temperature);
    double alpha = model.alpha();
    UnivariateFunction f = lnGamma -> Math.log(shoot(nu, alpha, Math.exp(lnGamma), relTol, null));
    double hi = 0.0;
    while (f.value(hi) <= 0) {
      hi += 2.0;
      if (hi > 50) {
        throw new IllegalStateException("no Gamma <= e^50 normalises P at T = " + temperature);
      }
    }
    double lo = hi - 2.0;
    while (f.value(lo) >= 0) {
      lo -= 2.0;
      if (lo < -700) {
        throw new IllegalStateException(
            "shooting found no Gamma > e^-700 at T = " + temperature + " (frozen state?)");
      }
    }
    double lnGamma = new BrentSolver(1e-15, 1e-13).solve(300, f, lo, hi);
    double gamma = Math.exp(lnGamma);
    List<double[]> samples = new ArrayList<>();
    shoot(nu, alpha, gamma, relTol, samples);
    int m = samples.size();
    double[] s = new double[m];
    double[] p = new double[m];
    for (int i = 0; i < m; i++) {
      s[i] = samples.get(i)[0];
      p[i] = samples.get(i)[1];
    }
    return new StationarySolution(
        model,
        law,
        temperature,
        gamma,
        alpha * gamma,
        10 * relTol * gamma,
        false,
        "shooting",
        m - 1,
        s,
        p);
  }

  /**
   * Riccati sweep back, solution sweep forward; returns the total mass ∫_{−∞}^{∞} P. If {@code
   * samples} is not null, appends (σ, P(σ)) at each forward step, from σ = 0.
   */
  private static double shoot(
      DoubleUnaryOperator nu, double alpha, double gamma, double relTol, List<double[]> samples) {
    double tail = Math.sqrt(alpha * gamma);
    double invGamma = 1.0 / gamma;
    double top = Math.nextDown(1.0);
    FirstOrderDifferentialEquations riccati =
        new FirstOrderDifferentialEquations() {
          @Override
          public int getDimension() {
            return 2;
          }

          @Override
          public void computeDerivatives(double s, double[] u, double[] du) {
            double sIn = Math.min(s, top);
            double k = nu.applyAsDouble(sIn) * invGamma / alpha;
            du[0] = k - u[0] * u[0];
            du[1] = -BaronBiroliModel.redrawDensity(sIn) / alpha - u[0] * u[1];
          }
        };
    double[] abs = new double[2];
    double[] rel = new double[2];
    Arrays.fill(rel, relTol);
    Arrays.fill(abs, relTol * 1e-6);
    DormandPrince853Integrator back = new DormandPrince853Integrator(1e-15, 0.05, abs, rel);
    back.setMaxEvaluations(50_000_000);
    ContinuousOutputModel rq = new ContinuousOutputModel();
    back.addStepHandler(rq);
    double[] u = {-1.0 / tail, 0.0};
    back.integrate(riccati, 1.0, u, 0.0, u);
    double p0 = -u[1] / u[0];

    FirstOrderDifferentialEquations forward =
        new FirstOrderDifferentialEquations() {
          @Override
          public int getDimension() {
            return 2;
          }

          @Override
          public void computeDerivatives(double s, double[] v, double[] dv) {
            rq.setInterpolatedTime(s);
            double[] st = rq.getInterpolatedState();
            dv[0] = st[0] * v[0] + st[1];
            dv[1] = v[0];
          }
        };
    double[] abs2 = {relTol * 1e-6, relTol * 1e-6};
    double[] rel2 = {relTol, relTol};
    DormandPrince853Integrator fwd = new DormandPrince853Integrator(1e-15, 0.05, abs2, rel2);
    fwd.setMaxEvaluations(50_000_000);
    if (samples != null) {
      samples.add(new double[] {0.0, p0});
      fwd.addStepHandler(
          new StepHandler() {
            @Override
            public void init(double t0, double[] y0, double t) {}

            @Override
            public void handleStep(StepInterpolator interpolator, boolean isLast) {
              double[] st = interpolator.getInterpolatedState();
              samples.add(new double[] {interpolator.getCurrentTime(), st[0]});
            }
          });
    }
    double[] v = {p0, 0.0};
    fwd.integrate(forward, 0.0, v, 1.0, v);
    return 2.0 * (v[1] + v[0] * tail);
  }
}
