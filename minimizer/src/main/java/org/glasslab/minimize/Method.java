package org.glasslab.minimize;

import java.util.Locale;
import org.glasslab.md.PairPotential;

/** The available minimization methods, by CLI name. */
public enum Method {
  /** Polak–Ribière+ nonlinear conjugate gradient ({@link ConjugateGradient}). */
  CG,
  /** FIRE 2.0 ({@link Fire}). */
  FIRE;

  /** The CLI name ("cg", "fire"). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A minimizer of this method for {@code potential} with default tuning. */
  public Minimizer create(PairPotential potential) {
    return switch (this) {
      case CG -> new ConjugateGradient(potential);
      case FIRE -> new Fire(potential);
    };
  }

  /**
   * Parses a CLI name.
   *
   * @throws IllegalArgumentException listing the valid names
   */
  public static Method parse(String s) {
    for (Method m : values()) {
      if (m.id().equalsIgnoreCase(s)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown minimization method '" + s + "'; use cg or fire");
  }
}
