#!/usr/bin/env bash
# Proves that the build's static checks fail it: a scratch module that inherits the real parent pom gets
# a badly formatted file (spotless must fail), then a star import (checkstyle must fail), then a clean
# file (the build must pass). Runs offline against what `mvn verify` already downloaded.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# The parent's own version: the first <version> after its artifactId.
version=$(sed -n '/<artifactId>kinesis-connect-parent<\/artifactId>/,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | sed -n 1p)
mkdir -p "$scratch/buildtools" "$scratch/src/main/java/io/kinesisconnect/probe"
# Maven resolves relativePath against the module's folder, so an absolute path would not find the parent
# and Maven would look for it in the local repository, where a fresh machine has no installed copy.
parent_pom=$(realpath --relative-to="$scratch" "$root/pom.xml")
cp "$root/buildtools/checkstyle.xml" "$scratch/buildtools/"
cat > "$scratch/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>io.kinesisconnect</groupId>
    <artifactId>kinesis-connect-parent</artifactId>
    <version>$version</version>
    <relativePath>$parent_pom</relativePath>
  </parent>
  <artifactId>build-check-probe</artifactId>
</project>
POM
probe="$scratch/src/main/java/io/kinesisconnect/probe/Probe.java"

expect() { # expect pass|fail what [text the failure must mention]
  local want=$1 what=$2 mention=${3:-} out got
  if out=$(cd "$scratch" && mvn -B -o validate 2>&1); then got=pass; else got=fail; fi
  if [ "$got" != "$want" ] || { [ -n "$mention" ] && ! grep -q "$mention" <<<"$out"; }; then
    echo "FAILED: $what: the build should $want${mention:+ citing '$mention'} but did $got" >&2
    echo "$out" | grep -E 'ERROR|WARN' | head -30 >&2
    exit 1
  fi
  echo "ok: $what: build ${got}ed${mention:+ citing '$mention'}"
}

printf 'package io.kinesisconnect.probe;\npublic final class Probe { private  int   x ;\n}\n' > "$probe"
expect fail "a formatting violation" "spotless-maven-plugin"

cat > "$probe" <<'JAVA'
package io.kinesisconnect.probe;

import java.util.*;

/** Probe. */
public final class Probe {
    private final List<String> names = new ArrayList<>();

    public List<String> names() {
        return names;
    }
}
JAVA
expect fail "a checkstyle violation (star import)" "AvoidStarImport"

cat > "$probe" <<'JAVA'
package io.kinesisconnect.probe;

import java.util.ArrayList;
import java.util.List;

/** Probe. */
public final class Probe {
    private final List<String> names = new ArrayList<>();

    public List<String> names() {
        return names;
    }
}
JAVA
expect pass "a clean file"

# The copy-paste check over the connectors' main code: it passes on the tree as it is, and a sink class
# copied into the source makes it fail.
cpd_check() {
  (cd "$root" && mvn -B -o -q org.apache.maven.plugins:maven-pmd-plugin:3.28.0:aggregate-cpd-check@no-copied-blocks \
      -pl .,connector-common,source-connector,sink-connector 2>&1)
}
if ! out=$(cpd_check); then
  echo "FAILED: the copy-paste check should pass on the tree as it is" >&2
  echo "$out" | grep -E 'CPD|ERROR' | head -20 >&2
  exit 1
fi
echo "ok: no block copied between the connectors: build passed"
copy="$root/source-connector/src/main/java/io/kinesisconnect/source/CpdProbeCopy.java"
trap 'rm -rf "$scratch" "$copy"' EXIT
cp "$root/sink-connector/src/main/java/io/kinesisconnect/sink/delivery/BackPressure.java" "$copy"
if out=$(cpd_check) || ! grep -q "duplicat" <<<"$out"; then
  echo "FAILED: a sink class copied into the source should fail the copy-paste check" >&2
  exit 1
fi
rm -f "$copy"
echo "ok: a sink class copied into the source: build failed citing the duplication"
