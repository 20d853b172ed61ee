package org.glasslab.topology;

/**
 * Persistent homology of a Vietoris–Rips filtration up to dimension 1, with the size of the complex
 * and where the time went.
 *
 * @param h0 H0 barcode (births 0; one essential bar per connected component at the threshold)
 * @param h1 H1 barcode ({@code +infinity} deaths for loops still open at the threshold)
 * @param options the parameters used
 * @param vertexCount N, the number of points
 * @param edgeCount number of 1-simplices (pairs at distance &le; threshold)
 * @param triangleCount number of 2-simplices, or -1 when not counted
 * @param stats work done by the reduction
 */
public record PersistenceResult(
    Barcode h0,
    Barcode h1,
    RipsOptions options,
    int vertexCount,
    long edgeCount,
    long triangleCount,
    ReductionStats stats) {

  /** Validates the fields. */
  public PersistenceResult {
    if (h0 == null || h1 == null || options == null || stats == null) {
      throw new IllegalArgumentException("barcodes, options and stats are required");
    }
    if (h0.dimension() != 0 || h1.dimension() != 1) {
      throw new IllegalArgumentException("h0 must have dimension 0 and h1 dimension 1");
    }
  }

  /**
   * The paper's Betti number beta_1 (Jha &amp; Sengupta, Appendix B): every H1 class born at a
   * scale {@code d1 <= alpha} counts once, even if it dies before alpha. Within a filtration
   * truncated at alpha that is the number of H1 bars.
   */
  public int betti1() {
    return h1.size();
  }

  /** Rank of H1 of the complex at the threshold itself (bars still alive at alpha). */
  public int betti1AtThreshold() {
    return h1.essentialCount();
  }

  /** Number of connected components of the complex at the threshold. */
  public int components() {
    return h0.essentialCount();
  }

  /**
   * Counters and timings of one computation.
   *
   * @param mstEdges edges that merge components (H0 deaths, cleared from the H1 reduction)
   * @param apparentPairs edges in a zero-persistence apparent pair (skipped)
   * @param emergentPairs columns paired with their first cofacet without reduction
   * @param reducedColumns columns that needed an explicit coboundary
   * @param columnAdditions column additions performed during the reduction
   * @param graphNanos time to find the edges and sort them [ns]
   * @param scanNanos time for H0, apparent pairs and triangle counting [ns]
   * @param reduceNanos time of the H1 cohomology reduction [ns]
   */
  public record ReductionStats(
      long mstEdges,
      long apparentPairs,
      long emergentPairs,
      long reducedColumns,
      long columnAdditions,
      long graphNanos,
      long scanNanos,
      long reduceNanos) {

    /** Total wall time of the computation [s]. */
    public double seconds() {
      return (graphNanos + scanNanos + reduceNanos) * 1e-9;
    }
  }
}
