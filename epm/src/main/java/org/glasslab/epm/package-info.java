/**
 * Elastoplastic models of thermally activated plasticity: the Baron-Biroli mean-field theory and
 * its Gillespie simulation ({@code meanfield}), Eshelby propagators ({@code propagator}), the 2D
 * lattice thermal EPM ({@code lattice}), avalanche statistics ({@code avalanche}) and the
 * particle-to-lattice coarse graining ({@code coarsegrain}). Units: stress in units of the mean
 * yield threshold, time in units of the attempt rate f0, lengths in lattice spacings.
 */
package org.glasslab.epm;
