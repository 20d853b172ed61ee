/**
 * Local affine fits between a reference and a current frame (Jha &amp; Sengupta Appendix A): the
 * optimal deformation gradient H_i = A_i B_i^-1, D2min, the non-affine displacement vector and the
 * strain measures derived from H.
 */
package org.glasslab.analysis.local;
