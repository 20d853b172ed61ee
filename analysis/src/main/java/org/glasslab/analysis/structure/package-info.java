/**
 * Static structure of one frame: periodic neighbour lists, the radial distribution function g(r)
 * with its landmarks, and the per-particle caging softness of Appendix C.
 */
package org.glasslab.analysis.structure;
