/**
 * Analysis of particle trajectories, following freud's habits: each analysis is an object built
 * from a validated options record whose {@code compute(...)} returns a typed, immutable result.
 *
 * <p>Sub-packages: {@code dynamics} (MSD, mobility, inherent-structure displacement, avalanche
 * detection), {@code local} (optimal local deformation gradient H, D2min, non-affine vectors and
 * strain measures, Jha &amp; Sengupta Appendix A), {@code structure} (neighbour lists, g(r) and its
 * landmarks, caging softness, Appendix C) and {@code stats} (summaries, histograms, avalanche
 * comparisons, ensemble averages, correlation matrices). Reduced units throughout (mean diameter
 * 1).
 */
package org.glasslab.analysis;
