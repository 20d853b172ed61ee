package org.glasslab.md;

/**
 * Test helper: selects a {@link ForceKernel} for the simulations built inside a try-with-resources
 * block (through the system property; the previous value is restored on close). Tests in a JVM run
 * one at a time (surefire's default), so the property is not shared with a concurrent test.
 */
final class Kernels implements AutoCloseable {
  private final String previous;

  private Kernels(ForceKernel k) {
    previous = System.getProperty(ForceKernel.PROPERTY);
    System.setProperty(ForceKernel.PROPERTY, k.label());
  }

  /** Selects {@code k} until {@link #close()}. */
  static Kernels use(ForceKernel k) {
    return new Kernels(k);
  }

  @Override
  public void close() {
    if (previous == null) {
      System.clearProperty(ForceKernel.PROPERTY);
    } else {
      System.setProperty(ForceKernel.PROPERTY, previous);
    }
  }
}
