#!/usr/bin/env bash
# `trig simulate` end to end on the generated simulation input (issue 4: 1M events, 10k users,
# 50 rules; target >= 300k events/s on one core). Builds the CLI and the generator in Release,
# writes the project and the input (once per size), checks the project is clean, then:
#   1. runs once with the output to a file and checks its sha256 against bench/simulate.sha256
#      (for the default size: every optimisation must leave the output byte-identical);
#   2. times RUNS processes pinned to one core (taskset -c 0) with /usr/bin/time -v, output to
#      /dev/null: wall, CPU (user + sys), peak RSS; events/s = input events / time.
#   3. with PARTS=1, the in-process breakdown (bench/TriggerLang.Bench --simulate-parts).
#
#   bench/simulate.sh                       # 1M events, 10k users, 2 timed runs
#   EVENTS=100000 USERS=1000 RUNS=3 bench/simulate.sh
#   ARTIFACTS=/tmp/x DATA=/tmp/y PARTS=1 bench/simulate.sh
#   TIERUP=1 bench/simulate.sh             # timed runs with DOTNET_TC_DelaySingleProcMultiplier=1: pinned to one core,
#                                            # .NET otherwise delays optimizing hot code tenfold (bench/README.md, Simulation)
#   R2R=1 bench/simulate.sh                # the CLI published ReadyToRun, as the linux-x64 tool package ships it, instead
#                                            # of as built (JIT): its code starts optimized, which matters most on one core
# Needs /usr/bin/time (apt-get install -y time) and taskset (util-linux).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

artifacts="${ARTIFACTS:-/tmp/simbench-artifacts}"
events="${EVENTS:-1000000}"
users="${USERS:-10000}"
runs="${RUNS:-2}"
data="${DATA:-/tmp/simbench-data-$events-$users}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

source bench/build-tools.sh
if [[ ! -f "$data/input.jsonl" ]]; then
  "$bench" --generate-simulation "$data" --events "$events" --users "$users"
fi
if [[ "${R2R:-0}" == 1 ]]; then
  dotnet publish cli/TriggerLang.Cli.csproj -c Release -r linux-x64 -p:PublishReadyToRun=true -o "$artifacts/r2r" -nologo -v quiet >/dev/null
  trig="$artifacts/r2r/trig"
fi
if ! "$trig" check "$data/project" >"$work/check.txt" 2>&1; then
  echo "simulate: trig check $data/project failed:" >&2
  head -20 "$work/check.txt" >&2
  exit 1
fi

# 1. The output, byte for byte (this run also fills the rule-pack cache).
"$trig" simulate "$data/project" --input "$data/input.jsonl" >"$work/out.jsonl" 2>"$work/err.txt"
tail -1 "$work/err.txt"
sha="$(sha256sum "$work/out.jsonl" | cut -d' ' -f1)"
echo "output: $(wc -l <"$work/out.jsonl") lines, $(($(stat -c %s "$work/out.jsonl") / 1048576)) MB, sha256 $sha"
expected_file="$root/bench/simulate.sha256"
if [[ "$events" == 1000000 && "$users" == 10000 && -f "$expected_file" ]]; then
  expected="$(cut -d' ' -f1 "$expected_file")"
  if [[ "$sha" != "$expected" ]]; then
    echo "simulate: the output changed: sha256 $sha, expected $expected (bench/simulate.sha256)" >&2
    exit 1
  fi
  echo "output identical to bench/simulate.sha256"
fi

# 2. Timed runs on one core.
for run in $(seq "$runs"); do
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  env ${TIERUP:+DOTNET_TC_DelaySingleProcMultiplier=1} taskset -c 0 /usr/bin/time -v "$trig" simulate "$data/project" --input "$data/input.jsonl" >/dev/null 2>"$work/time.txt"
  python3 - "$work/time.txt" "$events" "$load" "$run" "${TIERUP:+ (TIERUP=1)}${R2R:+ (R2R=1)}" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def field(name):
    return re.search(re.escape(name) + r":\s*(.+)", text).group(1).strip()
clock = field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")
wall = sum(float(p) * 60 ** i for i, p in enumerate(reversed(clock)))
cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
rss = int(field("Maximum resident set size (kbytes)")) / 1024
events = int(sys.argv[2])
print(f"run {sys.argv[4]}{sys.argv[5]}: wall {wall:.2f} s ({events / wall:,.0f} events/s), CPU {cpu:.2f} s ({events / cpu:,.0f} events/s), "
      f"peak RSS {rss:,.0f} MB, load before {sys.argv[3]}")
PY
done

# 3. Where the time goes, in process.
if [[ "${PARTS:-0}" == 1 ]]; then
  # Without background GC, as trig runs (cli/TriggerLang.Cli.csproj).
  DOTNET_gcConcurrent=0 "$bench" --simulate-parts "$data/project" "$data/input.jsonl" --iterations "${ITERATIONS:-2}"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
