/**
 * Dynamics along a trajectory: mean-square displacement (first-frame reference and time-origin
 * averaged), mobility between consecutive frames (eqs 10-11), inherent-structure displacement (eq
 * 12) and the step detector that locates avalanches as jumps between plateaus.
 */
package org.glasslab.analysis.dynamics;
