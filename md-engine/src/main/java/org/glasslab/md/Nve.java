package org.glasslab.md;

/** No thermostat: plain velocity Verlet, the microcanonical (NVE) ensemble. */
public record Nve() implements Thermostat {
  @Override
  public String name() {
    return "nve";
  }

  @Override
  public double targetTemperature() {
    return Double.NaN;
  }

  @Override
  public void endOfStep(double[] v, int n, double[] moments) {}
}
