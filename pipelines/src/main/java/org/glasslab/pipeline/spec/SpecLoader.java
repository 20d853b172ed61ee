package org.glasslab.pipeline.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.glasslab.data.io.Format;
import org.glasslab.data.io.ReadOptions;
import org.glasslab.data.io.RunDirectoryFormat;
import org.glasslab.pipeline.engine.BranchSpec;
import org.glasslab.pipeline.engine.ParamException;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.PipelineSpec;
import org.glasslab.pipeline.engine.SpecException;
import org.glasslab.pipeline.engine.Stage;
import org.glasslab.pipeline.engine.StageRegistry;
import org.glasslab.pipeline.engine.StageSpec;
import org.glasslab.pipeline.store.YamlText;

/**
 * Reads a YAML pipeline spec, resolves file globs relative to the spec's directory, expands
 * generator sweeps and replicas into branches and validates every field and every stage's
 * parameters, failing with a one-line {@link SpecException} naming the file and the field.
 */
public final class SpecLoader {
  private static final Set<String> TOP =
      Set.of(
          "name", "seed", "run_dir", "jobs", "inputs", "stages", "report", "profiles", "resources");
  private static final Set<String> FILE_KEYS = Set.of("files", "format", "type_diameters", "dt");
  private static final Set<String> GEN_KEYS =
      Set.of("generate", "params", "replicas", "sweep", "label");

  private final StageRegistry registry;
  private final String profile;
  private String file;

  private SpecLoader(StageRegistry registry, String profile) {
    this.registry = registry;
    this.profile = profile;
  }

  /**
   * Loads and validates {@code specFile} against the stages of {@code registry}.
   *
   * @throws SpecException for any invalid field, missing input file or unknown stage
   * @throws IOException if the spec file cannot be read
   */
  public static PipelineSpec load(Path specFile, StageRegistry registry) throws IOException {
    return load(specFile, registry, null);
  }

  /**
   * Loads {@code specFile} with its profile {@code profile} applied (see {@link #applyProfile}), or
   * as written when {@code profile} is null.
   *
   * @throws SpecException also when the spec has no such profile
   */
  public static PipelineSpec load(Path specFile, StageRegistry registry, String profile)
      throws IOException {
    return new SpecLoader(registry, profile).read(specFile);
  }

  /**
   * Loads a spec given as text (e.g. one embedded in the jar) as if it were the file {@code
   * specFile}: relative paths resolve against its directory and messages name it. The file itself
   * need not exist.
   */
  public static PipelineSpec load(String yaml, Path specFile, StageRegistry registry)
      throws IOException {
    return new SpecLoader(registry, null).parse(yaml, specFile);
  }

  private PipelineSpec read(Path specFile) throws IOException {
    String text;
    try {
      text = org.glasslab.pipeline.store.TextFiles.read(specFile);
    } catch (NoSuchFileException e) {
      throw new SpecException(specFile.getFileName().toString(), "", "no such file");
    }
    return parse(text, specFile);
  }

  private PipelineSpec parse(String text, Path specFile) throws IOException {
    file = specFile.getFileName().toString();
    JsonNode root;
    try {
      root = YamlText.read(text);
    } catch (YamlText.Invalid e) {
      throw new SpecException(file, "", e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new SpecException(file, "", "expected a mapping with name, inputs and stages");
    }
    checkKeys(root, "", TOP);
    root = applyProfile((ObjectNode) root);
    checkKeys(root, "", TOP);
    Path dir = specFile.toAbsolutePath().getParent();
    String name = requireText(root, "name", "");
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new SpecException(file, "name", "use letters, digits, '.', '_' or '-' only");
    }
    long seed = root.has("seed") ? integer(root.get("seed"), "seed") : 1L;
    Path runDir =
        dir.resolve(root.has("run_dir") ? requireText(root, "run_dir", "") : "runs/" + name)
            .normalize();
    int jobs = 0;
    if (root.has("jobs")) {
      long j = integer(root.get("jobs"), "jobs");
      if (j < 1 || j > 1024) {
        throw new SpecException(file, "jobs", "must be between 1 and 1024, got " + j);
      }
      jobs = (int) j;
    }
    boolean report = true;
    String title = name;
    JsonNode rep = root.get("report");
    if (rep != null && !rep.isNull()) {
      if (rep.isBoolean()) {
        report = rep.booleanValue();
      } else if (rep.isObject()) {
        checkKeys(rep, "report", Set.of("enabled", "title"));
        if (rep.has("enabled")) {
          if (!rep.get("enabled").isBoolean()) {
            throw new SpecException(file, "report.enabled", "expected true or false");
          }
          report = rep.get("enabled").booleanValue();
        }
        if (rep.has("title")) {
          title = requireText(rep, "title", "report");
        }
      } else {
        throw new SpecException(file, "report", "expected true, false or {enabled, title}");
      }
    }
    List<BranchSpec> branches = readInputs(root.get("inputs"), dir);
    List<StageSpec> stages = readStages(root.get("stages"));
    return new PipelineSpec(
        specFile.toAbsolutePath(), name, seed, runDir, jobs, branches, stages, report, title, root);
  }

  /**
   * The spec with profile {@link #profile} applied and {@code profiles} removed. A profile is a
   * partial spec merged over the spec: mappings merge key by key (null deletes a key), a list of
   * mappings as long as the spec's list merges element by element (e.g. {@code inputs}), any other
   * value replaces; a profile's {@code stages} may also be a mapping STAGE: {params}, merged into
   * the parameters of that listed stage. The pipeline's name gets {@code -PROFILE} appended unless
   * the profile sets it, so the default run directory differs from the full run's.
   */
  private ObjectNode applyProfile(ObjectNode root) {
    JsonNode profiles = root.remove("profiles");
    if (profiles != null && !profiles.isObject()) {
      throw new SpecException(file, "profiles", "expected a mapping NAME: {partial spec}");
    }
    if (profile == null) {
      return root;
    }
    JsonNode patch = profiles == null ? null : profiles.get(profile);
    if (patch == null || !patch.isObject()) {
      throw new SpecException(
          file,
          "profiles",
          "no profile '"
              + profile
              + "'"
              + (profiles == null || profiles.isEmpty()
                  ? " (the spec has none)"
                  : " (known: " + String.join(", ", iterable(profiles.fieldNames())) + ")"));
    }
    if (patch.has("profiles")) {
      throw new SpecException(file, "profiles." + profile + ".profiles", "profiles do not nest");
    }
    JsonNode stageParams = patch.path("stages");
    if (stageParams.isObject()) {
      patch = ((ObjectNode) patch).deepCopy();
      ((ObjectNode) patch).set("stages", stagePatch(root.get("stages"), stageParams));
    }
    ObjectNode merged = (ObjectNode) merge(root, patch);
    if (!patch.has("name") && merged.path("name").isTextual()) {
      merged.put("name", merged.get("name").asText() + "-" + profile);
    }
    file = file + " (profile " + profile + ")";
    return merged;
  }

  /** The spec's stage list with {@code params} (STAGE: {params}) merged in. */
  private JsonNode stagePatch(JsonNode stages, JsonNode params) {
    String f = "profiles." + profile + ".stages";
    if (stages == null || !stages.isArray()) {
      throw new SpecException(file, f, "the spec has no stage list to change");
    }
    var out = JsonNodeFactory.instance.arrayNode();
    Set<String> used = new HashSet<>();
    for (JsonNode e : stages) {
      ObjectNode o;
      if (e.isTextual()) {
        o = JsonNodeFactory.instance.objectNode().put("stage", e.asText());
      } else if (e.isObject()) {
        o = ((ObjectNode) e).deepCopy();
      } else {
        out.add(e);
        continue;
      }
      JsonNode p = params.get(o.path("stage").asText());
      if (p != null) {
        if (!p.isObject()) {
          throw new SpecException(
              file, f + "." + o.path("stage").asText(), "expected a mapping of parameters");
        }
        used.add(o.path("stage").asText());
        o.set("params", merge(o.get("params"), p));
      }
      out.add(o);
    }
    for (String k : iterable(params.fieldNames())) {
      if (!used.contains(k)) {
        throw new SpecException(file, f + "." + k, "stage '" + k + "' is not in the spec's stages");
      }
    }
    return out;
  }

  private static List<String> iterable(Iterator<String> it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  /** {@code patch} merged over {@code base} (neither modified), as {@link #applyProfile} says. */
  static JsonNode merge(JsonNode base, JsonNode patch) {
    if (base != null && base.isObject() && patch.isObject()) {
      ObjectNode out = ((ObjectNode) base).deepCopy();
      Iterator<Map.Entry<String, JsonNode>> it = patch.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isNull()) {
          out.remove(e.getKey());
        } else {
          out.set(e.getKey(), merge(out.get(e.getKey()), e.getValue()));
        }
      }
      return out;
    }
    if (base != null && base.isArray() && patch.isArray() && base.size() == patch.size()) {
      boolean objects = true;
      for (JsonNode p : patch) {
        objects &= p.isObject();
      }
      if (objects) {
        var out = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < patch.size(); i++) {
          out.add(merge(base.get(i), patch.get(i)));
        }
        return out;
      }
    }
    return patch.deepCopy();
  }

  private List<BranchSpec> readInputs(JsonNode inputs, Path dir) throws IOException {
    if (inputs == null || !inputs.isArray() || inputs.isEmpty()) {
      throw new SpecException(
          file, "inputs", "expected a non-empty list of {files: ...} or {generate: STAGE} entries");
    }
    List<BranchSpec> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < inputs.size(); i++) {
      String f = "inputs[" + i + "]";
      JsonNode e = inputs.get(i);
      if (!e.isObject() || e.has("files") == e.has("generate")) {
        throw new SpecException(
            file, f, "expected either 'files: GLOB' or 'generate: STAGE' (exactly one)");
      }
      if (e.has("files")) {
        readFileInput(e, f, dir, out, ids);
      } else {
        readGenerator(e, f, out, ids);
      }
    }
    return out;
  }

  private void readFileInput(JsonNode e, String f, Path dir, List<BranchSpec> out, Set<String> ids)
      throws IOException {
    checkKeys(e, f, FILE_KEYS);
    List<String> patterns = new ArrayList<>();
    JsonNode files = e.get("files");
    if (files.isTextual()) {
      patterns.add(files.asText());
    } else if (files.isArray() && !files.isEmpty()) {
      for (JsonNode p : files) {
        if (!p.isTextual()) {
          throw new SpecException(file, f + ".files", "expected file names or globs");
        }
        patterns.add(p.asText());
      }
    } else {
      throw new SpecException(file, f + ".files", "expected a file name, a glob or a list of them");
    }
    ReadOptions options = ReadOptions.DEFAULTS;
    ObjectNode optionsJson = JsonNodeFactory.instance.objectNode();
    if (e.has("dt")) {
      JsonNode dt = e.get("dt");
      if (!dt.isNumber() || !(dt.doubleValue() > 0)) {
        throw new SpecException(file, f + ".dt", "expected a positive number, got " + dt);
      }
      options = options.withDt(dt.doubleValue());
      optionsJson.set("dt", dt);
    }
    if (e.has("type_diameters")) {
      JsonNode td = e.get("type_diameters");
      if (!td.isObject()) {
        throw new SpecException(
            file, f + ".type_diameters", "expected a mapping TYPE: DIAMETER, e.g. {1: 0.9}");
      }
      Map<Integer, Double> table = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = td.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> kv = it.next();
        try {
          double d = kv.getValue().doubleValue();
          if (!kv.getValue().isNumber() || !(d > 0)) {
            throw new NumberFormatException();
          }
          table.put(Integer.parseInt(kv.getKey().strip()), d);
        } catch (NumberFormatException x) {
          throw new SpecException(
              file,
              f + ".type_diameters." + kv.getKey(),
              "expected an integer type and a positive diameter");
        }
      }
      options = options.withTypeDiameters(table);
      optionsJson.set("type_diameters", td);
    }
    String formatName = e.has("format") ? requireText(e, "format", f) : null;
    if (formatName != null) {
      optionsJson.put("format", formatName);
    }
    Set<Path> seen = new TreeSet<>();
    for (String pattern : patterns) {
      List<Path> matched = glob(dir, pattern);
      if (matched.isEmpty() && Files.isDirectory(dir.resolve(pattern))) {
        throw new SpecException(
            file,
            f + ".files",
            "'"
                + pattern
                + "' is a directory without "
                + RunDirectoryFormat.INDEX
                + " (name files or globs, or a run directory of glasslab simulate)");
      }
      if (matched.isEmpty()) {
        throw new SpecException(
            file,
            f + ".files",
            "'" + pattern + "' matches no file (paths are relative to " + dir + ")");
      }
      seen.addAll(matched);
    }
    for (Path p : seen) {
      Format format;
      try {
        format = formatName == null ? Format.of(p) : Format.parse(formatName);
      } catch (IllegalArgumentException x) {
        throw new SpecException(
            file, f + (formatName == null ? ".files" : ".format"), x.getMessage());
      }
      String base = p.getFileName().toString();
      int dot = format == Format.RUN_DIR ? -1 : base.lastIndexOf('.');
      String id = unique(sanitize(dot > 0 ? base.substring(0, dot) : base), ids);
      out.add(new BranchSpec(id, f, p, format, options, optionsJson, null, null));
    }
  }

  private void readGenerator(JsonNode e, String f, List<BranchSpec> out, Set<String> ids) {
    checkKeys(e, f, GEN_KEYS);
    String gen = requireText(e, "generate", f);
    Stage stage = registry.get(gen);
    if (stage == null) {
      throw new SpecException(file, f + ".generate", unknownStage(gen));
    }
    if (stage.scope() != Stage.Scope.BRANCH || !stage.inputs().isEmpty()) {
      throw new SpecException(
          file,
          f + ".generate",
          "stage '" + gen + "' is not a generator (it reads " + stage.inputs() + ")");
    }
    Params base;
    try {
      base = Params.of(e.get("params"));
    } catch (ParamException x) {
      throw new SpecException(file, f + ".params", x.getMessage());
    }
    int replicas = 1;
    if (e.has("replicas")) {
      long r = integer(e.get("replicas"), f + ".replicas");
      if (r < 1 || r > 100000) {
        throw new SpecException(file, f + ".replicas", "must be between 1 and 100000, got " + r);
      }
      replicas = (int) r;
    }
    String label = e.has("label") ? sanitize(requireText(e, "label", f)) : gen;
    List<Map<String, JsonNode>> combos = new ArrayList<>();
    combos.add(new LinkedHashMap<>());
    if (e.has("sweep")) {
      JsonNode sw = e.get("sweep");
      if (!sw.isObject() || sw.isEmpty()) {
        throw new SpecException(file, f + ".sweep", "expected a mapping PARAM: [values...]");
      }
      Iterator<Map.Entry<String, JsonNode>> it = sw.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> kv = it.next();
        JsonNode vals = kv.getValue();
        if (!vals.isArray() || vals.isEmpty()) {
          throw new SpecException(
              file, f + ".sweep." + kv.getKey(), "expected a non-empty list of values");
        }
        List<Map<String, JsonNode>> next = new ArrayList<>();
        for (Map<String, JsonNode> c : combos) {
          for (JsonNode v : vals) {
            Map<String, JsonNode> m = new LinkedHashMap<>(c);
            m.put(kv.getKey(), v);
            next.add(m);
          }
        }
        combos = next;
      }
    }
    for (Map<String, JsonNode> combo : combos) {
      Params p = base;
      StringBuilder id = new StringBuilder(label);
      for (Map.Entry<String, JsonNode> kv : combo.entrySet()) {
        p = p.with(kv.getKey(), kv.getValue());
        id.append('-').append(kv.getKey()).append('=').append(kv.getValue().asText());
      }
      validateParams(stage, p, f + ".params");
      for (int r = 0; r < replicas; r++) {
        String bid = unique(sanitize(id + (replicas > 1 ? "-r" + r : "")), ids);
        out.add(new BranchSpec(bid, f, null, null, null, null, gen, p));
      }
    }
  }

  private List<StageSpec> readStages(JsonNode stages) {
    if (stages == null || stages.isNull()) {
      return List.of();
    }
    if (!stages.isArray()) {
      throw new SpecException(file, "stages", "expected a list of {stage: NAME, params: {...}}");
    }
    List<StageSpec> out = new ArrayList<>();
    Map<String, String> where = new HashMap<>();
    for (int i = 0; i < stages.size(); i++) {
      String f = "stages[" + i + "]";
      JsonNode e = stages.get(i);
      if (e.isTextual()) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("stage", e.asText());
        e = o;
      }
      if (!e.isObject()) {
        throw new SpecException(file, f, "expected {stage: NAME, params: {...}}");
      }
      checkKeys(e, f, Set.of("stage", "params"));
      String name = requireText(e, "stage", f);
      Stage stage = registry.get(name);
      if (stage == null) {
        throw new SpecException(file, f + ".stage", unknownStage(name));
      }
      if (stage.scope() == Stage.Scope.BRANCH && stage.inputs().isEmpty()) {
        throw new SpecException(
            file,
            f + ".stage",
            "'" + name + "' is a generator; use it under inputs: as 'generate: " + name + "'");
      }
      if (where.containsKey(name)) {
        throw new SpecException(
            file, f + ".stage", "'" + name + "' is already listed at " + where.get(name));
      }
      where.put(name, f);
      Params p;
      try {
        p = Params.of(e.get("params"));
      } catch (ParamException x) {
        throw new SpecException(file, f + ".params", x.getMessage());
      }
      validateParams(stage, p, f + ".params");
      out.add(new StageSpec(name, p, f));
    }
    return out;
  }

  private void validateParams(Stage stage, Params p, String field) {
    Map<String, String> known = stage.parameters();
    for (String k : p.keys()) {
      if (!known.containsKey(k)) {
        throw new SpecException(
            file,
            field + "." + k,
            "unknown parameter of stage '"
                + stage.name()
                + "'"
                + (known.isEmpty()
                    ? " (it takes none)"
                    : " (known: " + String.join(", ", new TreeSet<>(known.keySet())) + ")"));
      }
    }
    try {
      stage.validate(p);
    } catch (ParamException x) {
      throw new SpecException(
          file, x.key().isEmpty() ? field : field + "." + x.key(), x.getMessage());
    } catch (IllegalArgumentException x) {
      throw new SpecException(file, field, x.getMessage());
    }
  }

  private String unknownStage(String name) {
    List<String> names = new ArrayList<>();
    registry.all().forEach(s -> names.add(s.name()));
    return "unknown stage '" + name + "' (known: " + String.join(", ", names) + ")";
  }

  private void checkKeys(JsonNode node, String field, Set<String> allowed) {
    Iterator<String> it = node.fieldNames();
    while (it.hasNext()) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw new SpecException(
            file,
            field.isEmpty() ? k : field + "." + k,
            "unknown field (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
      }
    }
  }

  private String requireText(JsonNode node, String key, String field) {
    String f = field.isEmpty() ? key : field + "." + key;
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      throw new SpecException(file, f, "missing");
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new SpecException(file, f, "expected a non-empty string, got " + v);
    }
    return v.asText();
  }

  private long integer(JsonNode v, String field) {
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.longValue();
    }
    throw new SpecException(file, field, "expected an integer, got " + v);
  }

  private static String sanitize(String s) {
    String t = s.replaceAll("[^A-Za-z0-9._=-]", "_");
    return t.equals("ensemble") ? "ensemble_" : t;
  }

  private static String unique(String id, Set<String> ids) {
    String u = id;
    for (int k = 2; !ids.add(u); k++) {
      u = id + "-" + k;
    }
    return u;
  }

  /** A regular file or an MD run directory (a directory holding run.json) is one input. */
  private static boolean isInput(Path p) {
    return Files.isRegularFile(p) || RunDirectoryFormat.isRunDirectory(p);
  }

  /**
   * Files and run directories matching {@code pattern} (a path or glob relative to {@code dir}),
   * sorted.
   */
  static List<Path> glob(Path dir, String pattern) throws IOException {
    Path literal = null;
    if (!pattern.matches(".*[*?\\[{].*")) {
      literal = dir.resolve(pattern).normalize();
      return isInput(literal) ? List.of(literal) : List.of();
    }
    String norm = pattern.replace('\\', '/');
    int cut = -1;
    for (int i = 0; i < norm.length(); i++) {
      char c = norm.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '{') {
        break;
      }
      if (c == '/') {
        cut = i;
      }
    }
    Path base = cut < 0 ? dir : dir.resolve(norm.substring(0, cut)).normalize();
    String rest = cut < 0 ? norm : norm.substring(cut + 1);
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + rest);
    try (Stream<Path> s = Files.walk(base)) {
      return s.filter(SpecLoader::isInput)
          .filter(p -> m.matches(base.relativize(p)))
          .map(Path::normalize)
          .sorted()
          .toList();
    }
  }
}
