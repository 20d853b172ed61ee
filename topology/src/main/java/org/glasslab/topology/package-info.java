/**
 * Topology of particle configurations: persistent homology (H0, H1) of the Vietoris–Rips filtration
 * up to a threshold, computed with ripser's cohomology algorithm over a sparse neighbour graph, and
 * the Betti number beta_1 of Jha &amp; Sengupta (Appendix B).
 *
 * <p>Entry points: {@link org.glasslab.topology.RipsPersistence#compute} for one configuration,
 * {@link org.glasslab.topology.BettiSeries} for beta_1 along a trajectory, {@link
 * org.glasslab.topology.RipserFormat} for comparisons with the ripser program.
 */
package org.glasslab.topology;
