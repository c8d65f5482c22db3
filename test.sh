#!/usr/bin/env bash
# Runs every test of the repository. This is the README's test command and
# what CI runs (.ci/run). Extra arguments go to `dotnet test` (e.g. --filter).
#
# CI recognises only a plain "N passed, N failed" line, not VSTest's own
# summary, so the totals are summed from the TRX reports and printed last.
set -uo pipefail
cd "$(dirname "$0")"

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

dotnet test TriggerLang.sln --configuration Release --logger trx --results-directory "$results" "$@"
status=$?

passed=0
failed=0
skipped=0
for report in "$results"/*.trx; do
  [[ -f "$report" ]] || continue
  counters="$(grep -o '<Counters [^>]*>' "$report" | head -1)"
  value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed)))
  # Skipped tests are counted in total but not in executed.
  skipped=$((skipped + $(value total) - $(value executed)))
done

# The VS Code extension's tests (grammar, extension loading) are npm, not dotnet
# (lsp/vscode/README.md, Tests): run them where npm is (always in CI) and add
# their counts, read from the runner's own last line "vscode: N passed, N failed".
vscode=lsp/vscode
if command -v npm >/dev/null 2>&1; then
  # Install only when node_modules is missing or older than the lock file.
  if [[ ! $vscode/node_modules/.package-lock.json -nt $vscode/package-lock.json ]]; then
    (cd $vscode && npm ci --no-audit --no-fund >&2) || status=1
  fi
  vscode_output="$(cd $vscode && npm test --silent 2>&1)" || status=1
  echo "$vscode_output"
  vscode_counts="$(echo "$vscode_output" | grep -E '^vscode: [0-9]+ passed, [0-9]+ failed$' | tail -1)"
  if [[ -n "$vscode_counts" ]]; then
    counts=($(echo "$vscode_counts" | grep -o '[0-9]*'))
    passed=$((passed + counts[0]))
    failed=$((failed + counts[1]))
  else
    echo "test.sh: the VS Code extension tests printed no count" >&2
    failed=$((failed + 1))
    status=1
  fi
elif [[ -n "${CI:-}" ]]; then
  echo "test.sh: npm is missing, so the VS Code extension tests cannot run" >&2
  failed=$((failed + 1))
  status=1
else
  echo "test.sh: no npm; the VS Code extension tests (lsp/vscode) are skipped" >&2
  skipped=$((skipped + 1))
fi

echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [[ $status -eq 0 && $passed -eq 0 ]]; then
  echo "test.sh: no test ran" >&2
  exit 1
fi
exit $status
