package org.glasslab.epm.lattice;

/**
 * What stress a lattice site keeps after it yields (the post-yield rule). The site's threshold is
 * renewed from N(μ, s_y²) in every rule; only the stress released, δσ = σ_old − σ_new, differs. The
 * released stress is propagated with the kernel (self term −1, so σ_i → σ_new exactly). Width w =
 * {@link LatticeParams#resetWidth()}.
 */
public enum ResetRule {
  /**
   * Spec §2.1: σ_new = −η, η ~ N(0, residualStd²). Draining: each event moves σ_i² into ≈ 0.1 σ_i²
   * spread over the other sites, so without driving the stress field decays (σ std 0.46 → 0.02 in
   * 20 sweeps at L = 32, T = 0.3) and the model ages towards independent sites; no steady state.
   */
  ZERO,
  /**
   * Baron–Biroli eq. 1 (after Ozawa–Biroli): σ_new drawn from y(σ) ∝ e^{(|σ| − σ_c)/w} on |σ| &lt;
   * σ_c, with σ_c the site's renewed threshold (BB: σ_c = σ_0 = 1, i.e. w = 1); the new state is
   * stable (x ≥ 0). Re-injects stress of the threshold scale at every event: a steady state at
   * every T &gt; 0.
   */
  REDRAW,
  /**
   * A random stress drop independent of the state: |σ| falls by Δ ~ U(0, 2w) (mean w), σ_new =
   * σ_old − sign(σ_old) Δ (it overshoots through 0 when Δ &gt; |σ_old|).
   */
  DROP
}
