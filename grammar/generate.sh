#!/usr/bin/env bash
# Regenerates the C# lexer and parser from TriggerLang.g4 into
# compiler/Parsing/Generated. The output is committed so that building the
# project needs no Java; CI runs `grammar/generate.sh --check` and fails when the
# committed code differs from what the grammar generates.
#
# Needs Java 17+ and npm. The ANTLR 4.13 tool comes from the npm package
# antlr4ng-cli@2.0.0 (Debian's antlr4 and the jar in Antlr4BuildTasks are too
# old for the 4.13.1 C# runtime).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="$root/compiler/Parsing/Generated"
tools="$here/.tools"
jar="$tools/package/antlr4-4.13.2-SNAPSHOT-complete.jar"

if [[ ! -f "$jar" ]]; then
  mkdir -p "$tools"
  (cd "$tools" && npm pack --silent antlr4ng-cli@2.0.0 >/dev/null && tar xzf antlr4ng-cli-2.0.0.tgz)
fi

generate() {
  local dest="$1"
  rm -rf "$dest" && mkdir -p "$dest"
  # -Xexact-output-dir keeps the output flat; the .interp/.tokens files are
  # tool artefacts the C# build does not need.
  (cd "$here" && java -jar "$jar" -Dlanguage=CSharp -no-visitor -no-listener \
      -package TriggerLang.Compiler.Parsing.Generated -Xexact-output-dir -o "$dest" TriggerLang.g4)
  rm -f "$dest"/*.interp "$dest"/*.tokens
}

if [[ "${1:-}" == "--check" ]]; then
  tmp="$(mktemp -d)"
  generate "$tmp"
  if ! diff -ru "$out" "$tmp"; then
    echo "grammar/generate.sh --check: compiler/Parsing/Generated is out of date; run grammar/generate.sh and commit the result." >&2
    exit 1
  fi
  echo "generated parser is up to date"
else
  generate "$out"
  echo "generated $(ls "$out" | wc -l) files into ${out#"$root"/}"
fi
