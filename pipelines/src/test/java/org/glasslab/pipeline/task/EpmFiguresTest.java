package org.glasslab.pipeline.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The figures of the mean-field tasks: ξ(T), ξ(τ) and, with several N, Γ(N). */
class EpmFiguresTest {
  private static Values of(Map<String, Object> given) {
    return new Values() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> T get(Param<T> p) {
        return given.containsKey(p.name()) ? (T) given.get(p.name()) : p.defaultValue();
      }
    };
  }

  private static List<String> names(List<Figure> figures) {
    return figures.stream().map(Figure::name).toList();
  }

  @Test
  void meanfieldHasXiFigures() throws Exception {
    EpmMeanfieldTask t = EpmMeanfieldTask.INSTANCE;
    EpmMeanfieldTask.Params p =
        t.parameters(of(Map.of("temperatures", new double[] {0.05, 0.1, 0.3})));
    List<String> n = names(t.figures(p, t.run(p, null)));
    assertEquals(List.of("gamma_of_t", "p_sigma", "xi_of_t", "xi_of_tau"), n);
  }

  @Test
  void gillespieHasGammaOfNWithSeveralSizes() throws Exception {
    EpmGillespieTask t = EpmGillespieTask.INSTANCE;
    EpmGillespieTask.Params one =
        t.parameters(of(Map.of("n", new double[] {100}, "temperature", 3.0, "events", 5000L)));
    assertEquals(List.of("p_sigma"), names(t.figures(one, t.run(one, null))));
    EpmGillespieTask.Params several =
        t.parameters(of(Map.of("n", new double[] {200, 100}, "temperature", 3.0, "events", 5000L)));
    EpmGillespieTask.Result r = t.run(several, null);
    assertEquals(List.of(100, 200), r.sizes().stream().map(EpmGillespieTask.Size::n).toList());
    assertTrue(names(t.figures(several, r)).contains("gamma_of_n"));
  }
}
