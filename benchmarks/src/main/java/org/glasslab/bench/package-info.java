/**
 * JMH micro-benchmarks of GlassLab's hot kernels, one sub-package per area (md, minimize, modes,
 * topology, epm, analysis). Whole-process peer comparisons live in {@code glasslab bench}.
 */
package org.glasslab.bench;
