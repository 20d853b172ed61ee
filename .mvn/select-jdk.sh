# Sourced by ./mvnw, ./glasslab and .ci/run: exports JAVA_HOME pointing at a JDK >= 21.
# Order: $JAVA_HOME if it is new enough, then the newest JDK under /usr/lib/jvm, then `javac` on PATH.
# On failure it prints one line naming what it looked at and returns 1.
glasslab_jdk_major() {
  # Prints the major version of the JDK at $1 (reads its `release` file, else asks `java -version`).
  local home="$1" v=""
  [ -x "$home/bin/javac" ] || return 1
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
  fi
  if [ -z "$v" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
  fi
  [ -n "$v" ] && echo "$v"
}
glasslab_select_jdk() {
  local cand major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ]; then
    if major=$(glasslab_jdk_major "$JAVA_HOME") && [ "$major" -ge 21 ]; then
      GLASSLAB_JDK_MAJOR="$major"
      return 0
    fi
  fi
  for cand in /usr/lib/jvm/* /opt/java/* "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")"; do
    major=$(glasslab_jdk_major "$cand" 2>/dev/null) || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$cand"; best_major="$major"; fi
  done
  if [ -z "$best" ]; then
    echo "glasslab: no JDK >= 21 found (looked at JAVA_HOME='${JAVA_HOME:-}', /usr/lib/jvm/*, /opt/java/*, javac on PATH); install one, e.g. 'apt-get install openjdk-21-jdk-headless', or set JAVA_HOME" >&2
    return 1
  fi
  export JAVA_HOME="$best"
  GLASSLAB_JDK_MAJOR="$best_major"
}
