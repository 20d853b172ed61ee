/**
 * Statistics over per-particle fields: summaries with quantiles, histograms with documented
 * binning, before/at/after-avalanche comparisons, ensemble averages and Pearson/Spearman
 * correlation matrices (Apache Commons Math).
 */
package org.glasslab.analysis.stats;
