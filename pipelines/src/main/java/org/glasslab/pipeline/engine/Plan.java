package org.glasslab.pipeline.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DAG of stage instances of a spec: per branch, the generator (if any) and every branch stage
 * whose inputs that branch provides; then the ensemble stages. Nodes are in a topological order
 * (producers before consumers). Built from declared inputs and outputs alone; the order of the
 * spec's {@code stages:} list does not matter.
 */
public final class Plan {
  /** One stage instance: a stage on one branch, or an ensemble stage. */
  public static final class Node {
    private final int index;
    private final Stage stage;
    private final Params params;
    private final BranchSpec branch;
    private final String field;
    private final long seed;
    private final Map<String, Node> single = new LinkedHashMap<>();
    private final Map<String, List<Node>> gathered = new LinkedHashMap<>();
    private final List<Node> deps = new ArrayList<>();

    Node(int index, Stage stage, Params params, BranchSpec branch, String field, long seed) {
      this.index = index;
      this.stage = stage;
      this.params = params;
      this.branch = branch;
      this.field = field;
      this.seed = seed;
    }

    /** Position in the topological order. */
    public int index() {
      return index;
    }

    /** The stage. */
    public Stage stage() {
      return stage;
    }

    /** Its parameters. */
    public Params params() {
      return params;
    }

    /** The branch, or null for an ensemble stage. */
    public BranchSpec branch() {
      return branch;
    }

    /** {@code BRANCH/STAGE} or {@code ensemble/STAGE}. */
    public String label() {
      return branchId() + "/" + stage.name();
    }

    /** The branch id, or {@code ensemble}. */
    public String branchId() {
      return branch == null ? "ensemble" : branch.id();
    }

    /** The spec field this instance comes from, e.g. {@code stages[1]} or {@code inputs[0]}. */
    public String field() {
      return field;
    }

    /** Seed derived from the spec seed, the stage name and the branch id. */
    public long seed() {
      return seed;
    }

    /**
     * Inputs with one producer: artifact to producing node (null value = the branch's raw input).
     */
    public Map<String, Node> single() {
      return Collections.unmodifiableMap(single);
    }

    /** Ensemble inputs gathered across branches: artifact to producing nodes, by branch order. */
    public Map<String, List<Node>> gathered() {
      return Collections.unmodifiableMap(gathered);
    }

    /** Nodes this one waits for. */
    public List<Node> deps() {
      return Collections.unmodifiableList(deps);
    }

    @Override
    public String toString() {
      return label();
    }
  }

  private final PipelineSpec spec;
  private final List<Node> nodes;

  private Plan(PipelineSpec spec, List<Node> nodes) {
    this.spec = spec;
    this.nodes = List.copyOf(nodes);
  }

  /** The spec planned. */
  public PipelineSpec spec() {
    return spec;
  }

  /** Stage instances in topological order. */
  public List<Node> nodes() {
    return nodes;
  }

  /**
   * Plans {@code spec} with the stages of {@code registry}.
   *
   * @throws SpecException if an artifact has two producers in a branch, a stage's inputs are
   *     produced nowhere, or file inputs are read by no stage
   */
  public static Plan of(PipelineSpec spec, StageRegistry registry) {
    String file = spec.fileName();
    List<Node> nodes = new ArrayList<>();
    List<StageSpec> branchStages = new ArrayList<>();
    List<StageSpec> ensembleStages = new ArrayList<>();
    for (StageSpec s : spec.stages()) {
      Stage st = registry.get(s.name());
      (st.scope() == Stage.Scope.BRANCH ? branchStages : ensembleStages).add(s);
    }
    Map<String, Integer> appliedCount = new HashMap<>();
    Map<String, List<Node>> producersAcross = new LinkedHashMap<>();
    for (BranchSpec b : spec.branches()) {
      Map<String, Node> avail = new LinkedHashMap<>();
      if (b.generated()) {
        Stage g = registry.get(b.generator());
        Node n = new Node(nodes.size(), g, b.params(), b, b.field(), seed(spec, g, b.id()));
        nodes.add(n);
        for (String out : g.outputs()) {
          avail.put(out, n);
        }
        for (String out : g.outputs()) {
          producersAcross.computeIfAbsent(out, k -> new ArrayList<>()).add(n);
        }
      } else {
        avail.put(Stage.INPUT, null);
      }
      List<StageSpec> remaining = new ArrayList<>(branchStages);
      boolean progress = true;
      boolean inputRead = false;
      while (progress) {
        progress = false;
        for (var it = remaining.iterator(); it.hasNext(); ) {
          StageSpec s = it.next();
          Stage st = registry.get(s.name());
          if (!avail.keySet().containsAll(st.inputs())) {
            continue;
          }
          Node n = new Node(nodes.size(), st, s.params(), b, s.field(), seed(spec, st, b.id()));
          for (String in : st.inputs()) {
            Node p = avail.get(in);
            n.single.put(in, p);
            if (p != null && !n.deps.contains(p)) {
              n.deps.add(p);
            }
            inputRead |= in.equals(Stage.INPUT);
          }
          for (String out : st.outputs()) {
            if (avail.containsKey(out)) {
              Node other = avail.get(out);
              throw new SpecException(
                  file,
                  s.field() + ".stage",
                  "'"
                      + st.name()
                      + "' writes '"
                      + out
                      + "', which '"
                      + (other == null ? "input" : other.stage().name())
                      + "' already produces in branch '"
                      + b.id()
                      + "'");
            }
            avail.put(out, n);
            producersAcross.computeIfAbsent(out, k -> new ArrayList<>()).add(n);
          }
          nodes.add(n);
          appliedCount.merge(s.name(), 1, Integer::sum);
          it.remove();
          progress = true;
        }
      }
      if (!b.generated() && !inputRead) {
        throw new SpecException(
            file,
            b.field(),
            "no stage reads the input file of branch '"
                + b.id()
                + "'; add '- stage: import' to stages");
      }
    }
    for (StageSpec s : branchStages) {
      if (!appliedCount.containsKey(s.name())) {
        Stage st = registry.get(s.name());
        throw new SpecException(
            file,
            s.field() + ".stage",
            "'"
                + st.name()
                + "' reads "
                + st.inputs()
                + " but no branch provides all of them (produced: "
                + String.join(", ", producersAcross.keySet())
                + ")");
      }
    }
    Map<String, Node> ensembleAvail = new LinkedHashMap<>();
    List<StageSpec> remaining = new ArrayList<>(ensembleStages);
    boolean progress = true;
    while (progress) {
      progress = false;
      for (var it = remaining.iterator(); it.hasNext(); ) {
        StageSpec s = it.next();
        Stage st = registry.get(s.name());
        boolean ok = true;
        for (String in : st.inputs()) {
          List<Node> prods = producersAcross.get(in);
          ok &=
              ensembleAvail.containsKey(in)
                  || (prods != null && !prods.isEmpty())
                  || st.optionalInputs().contains(in);
        }
        if (!ok) {
          continue;
        }
        Node n =
            new Node(nodes.size(), st, s.params(), null, s.field(), seed(spec, st, "ensemble"));
        for (String in : st.inputs()) {
          if (ensembleAvail.containsKey(in)) {
            Node p = ensembleAvail.get(in);
            n.single.put(in, p);
            if (!n.deps.contains(p)) {
              n.deps.add(p);
            }
          } else {
            List<Node> prods = producersAcross.getOrDefault(in, List.of());
            n.gathered.put(in, List.copyOf(prods));
            for (Node p : prods) {
              if (!n.deps.contains(p)) {
                n.deps.add(p);
              }
            }
          }
        }
        for (String out : st.outputs()) {
          if (ensembleAvail.containsKey(out) || producersAcross.containsKey(out)) {
            throw new SpecException(
                file, s.field() + ".stage", "'" + st.name() + "' writes '" + out + "' twice");
          }
          ensembleAvail.put(out, n);
        }
        nodes.add(n);
        it.remove();
        progress = true;
      }
    }
    if (!remaining.isEmpty()) {
      StageSpec s = remaining.get(0);
      Stage st = registry.get(s.name());
      throw new SpecException(
          file,
          s.field() + ".stage",
          "ensemble stage '"
              + st.name()
              + "' reads "
              + st.inputs()
              + " but some are produced by no stage (or only through a cycle)");
    }
    return new Plan(spec, nodes);
  }

  /** The seed of a stage instance: the first 8 bytes of SHA-256(seed/stage/branch). */
  public static long seed(PipelineSpec spec, Stage stage, String branchId) {
    String s = spec.seed() + "/" + stage.name() + "/" + branchId;
    byte[] d = Hashes.sha256().digest(s.getBytes(StandardCharsets.UTF_8));
    return ByteBuffer.wrap(d).getLong();
  }
}
