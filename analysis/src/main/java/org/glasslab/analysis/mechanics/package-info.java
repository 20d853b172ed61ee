/**
 * Mechanics of one configuration: the virial stress tensor and its per-particle split ({@link
 * org.glasslab.analysis.mechanics.StressAnalysis}), the analytic sparse Hessian of the pair
 * potential ({@link org.glasslab.analysis.mechanics.Hessian}) and its lowest vibrational modes by
 * shift-invert Lanczos ({@link org.glasslab.analysis.mechanics.LowestModes}), following Jha &amp;
 * Sengupta §III a–b, eqs 3–6. Reduced units throughout (mean diameter, epsilon, mass, k_B = 1).
 */
package org.glasslab.analysis.mechanics;
