#!/usr/bin/env bash
# Cold `trig check` on the generated 1,000-rule project (target: <= 1.5 s of
# process wall time). Builds the CLI and the generator in Release, writes the
# project to a temporary folder, checks that it is clean, then times whole
# processes with hyperfine (or, without it, a loop of bash's `time`).
#
#   bench/cold-check.sh                 # 1,000 rules, 10 runs
#   RULES=2000 RUNS=20 bench/cold-check.sh
#   ARTIFACTS=/tmp/x bench/cold-check.sh  # build output (default /tmp/bench-artifacts)
set -euo pipefail
cd "$(dirname "$0")/.."

artifacts="${ARTIFACTS:-/tmp/bench-artifacts}"
rules="${RULES:-1000}"
runs="${RUNS:-10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

source bench/build-tools.sh
"$bench" --generate "$work/project" --rules "$rules"
# A tiny project (same generator, 10 rules) shows the fixed cost of a process: runtime start, JIT of the CLI and front end.
"$bench" --generate "$work/small" --rules 10 >/dev/null

# The measured commands must succeed with no diagnostics, or they measure the wrong thing.
for target in "$work/project" "$work/small"; do
  if ! "$trig" check "$target" >"$work/out.txt" 2>"$work/err.txt" || [[ -s "$work/out.txt" ]]; then
    echo "cold-check: trig check $target did not come out clean:" >&2
    head -20 "$work/out.txt" "$work/err.txt" >&2
    exit 1
  fi
  cat "$work/err.txt"
done
small="$work/small"

# Other processes on the machine inflate wall time (user time much less so): say how busy it was.
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs "$runs" -N --export-json "$work/times.json" \
    -n "trig check ($rules rules)" "$trig check $work/project" \
    -n "trig check (10 rules)" "$trig check $small"
  python3 - "$work/times.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"{r['command']}: min {r['min']:.3f} s, median {r['median']:.3f} s, mean {r['mean']:.3f} s over {len(r['times'])} runs")
PY
else
  TIMEFORMAT=%R
  for target in "$work/project" "$small"; do
    "$trig" check "$target" >/dev/null 2>&1 # warm-up (file cache)
    times=()
    for _ in $(seq "$runs"); do
      times+=("$({ time "$trig" check "$target" >/dev/null 2>&1; } 2>&1)")
    done
    sorted=($(printf '%s\n' "${times[@]}" | sort -n))
    echo "trig check $target: min ${sorted[0]} s, median ${sorted[$(((${#sorted[@]} - 1) / 2))]} s over $runs runs"
  done
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
