# Sourced by ./httpauth and .ci/run: find_jdk prints the home of a JDK 21 or newer.
#
# Order: $JAVA_HOME if it is 21+, then the JDK of `java` on the PATH if it is 21+, then the
# newest JDK 21+ under /usr/lib/jvm. Prints a message to stderr and returns 1 when none exists.

jdk_major_version() {
  local version
  version=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  echo "${version%%.*}"
}

find_jdk() {
  local candidate major
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  while IFS= read -r candidate; do
    candidates+=("$candidate")
  done < <(ls -d /usr/lib/jvm/*/ 2>/dev/null | sed 's:/$::' | sort -Vr)

  for candidate in "${candidates[@]}"; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(jdk_major_version "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  echo "No JDK 21 or newer found (looked at \$JAVA_HOME, java on the PATH and /usr/lib/jvm)." >&2
  echo "Install a JDK 21 or newer (Temurin 21 or 25, for example) and set JAVA_HOME to its directory." >&2
  return 1
}
