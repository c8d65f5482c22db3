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

echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [[ $status -eq 0 && $passed -eq 0 ]]; then
  echo "test.sh: no test ran" >&2
  exit 1
fi
exit $status
