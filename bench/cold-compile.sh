#!/usr/bin/env bash
# The back end in fresh processes: `TriggerLang.Bench --compile-cold DIR` (load the project, check it, compile it to a
# rule pack with Roslyn, load the pack, first call) and `--load-cold DIR PACK` (the cache-hit proxy: read and SHA-256
# the sources, read and load the saved pack), for 1, 100 and 1,000 generated rules. Target: 1,000 rules <= 2 s cold.
# Each command runs twice: as built (JIT) and published ReadyToRun (`dotnet publish -r linux-x64
# -p:PublishReadyToRun=true`). The same for `trig build` on the largest project: the CLI as built (JIT) and published
# ReadyToRun (`dotnet publish cli -r linux-x64`, which is what the linux-x64 tool package holds), with its TieredPGO=false
# and with PGO turned back on (DOTNET_TieredPGO=1). Uses hyperfine when installed (apt-get install -y hyperfine), else a
# loop of `time`.
#
#   bench/cold-compile.sh                    # 1, 100, 1000 rules; 10 runs each
#   SIZES="1000" RUNS=5 bench/cold-compile.sh
#   ARTIFACTS=/tmp/x bench/cold-compile.sh   # build output (default /tmp/bench-artifacts)
#   COMPOSITE=1 bench/cold-compile.sh        # also `trig build` from a self-contained, composite ReadyToRun publish
#                                            # (framework + Roslyn in one version bubble; ~5 minutes of crossgen, 176 MB)
set -euo pipefail
cd "$(dirname "$0")/.."

artifacts="${ARTIFACTS:-/tmp/bench-artifacts}"
sizes="${SIZES:-1 100 1000}"
runs="${RUNS:-10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), .NET SDK $(dotnet --version)"
dotnet build bench/TriggerLang.Bench/TriggerLang.Bench.csproj -c Release --artifacts-path "$artifacts" -nologo -v quiet >/dev/null
dotnet publish bench/TriggerLang.Bench/TriggerLang.Bench.csproj -c Release -r linux-x64 --self-contained false \
  -p:PublishReadyToRun=true --artifacts-path "$artifacts" -nologo -v quiet >/dev/null
dotnet build cli/TriggerLang.Cli.csproj -c Release --artifacts-path "$artifacts" -nologo -v quiet >/dev/null
dotnet publish cli/TriggerLang.Cli.csproj -c Release -r linux-x64 --self-contained false --artifacts-path "$artifacts" -nologo -v quiet >/dev/null
jit="$artifacts/bin/TriggerLang.Bench/release/TriggerLang.Bench"
r2r="$artifacts/publish/TriggerLang.Bench/release_linux-x64/TriggerLang.Bench"
trig_jit="$artifacts/bin/TriggerLang.Cli/release/trig"
trig_r2r="$artifacts/publish/TriggerLang.Cli/release_linux-x64/trig"
if [[ "${COMPOSITE:-}" == 1 ]]; then
  dotnet publish cli/TriggerLang.Cli.csproj -c Release -r linux-x64 --self-contained true -p:PublishReadyToRunComposite=true \
    --artifacts-path "$artifacts-composite" -nologo -v quiet >/dev/null
  trig_composite="$artifacts-composite/publish/TriggerLang.Cli/release_linux-x64/trig"
fi

for rules in $sizes; do
  "$jit" --generate "$work/p$rules" --rules "$rules"
  # Self-check, a saved pack for --load-cold, and one per-phase breakdown of each build.
  "$jit" --compile-cold "$work/p$rules" --save "$work/p$rules.dll" | sed 's/^/  JIT  (first run) /'
  "$r2r" --compile-cold "$work/p$rules" | sed 's/^/  R2R  (first run) /'
done

# Other processes on the machine inflate wall time (user time much less so): say how busy it was.
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
commands=()
for rules in $sizes; do
  commands+=(-n "compile-cold $rules rules (JIT)" "$jit --compile-cold $work/p$rules")
  commands+=(-n "compile-cold $rules rules (R2R)" "$r2r --compile-cold $work/p$rules")
done
last="${sizes##* }"
commands+=(-n "load-cold $last rules (JIT)" "$jit --load-cold $work/p$last $work/p$last.dll")
commands+=(-n "load-cold $last rules (R2R)" "$r2r --load-cold $work/p$last $work/p$last.dll")
commands+=(-n "runtime start (R2R --load-cold of 1 rule)" "$r2r --load-cold $work/p${sizes%% *} $work/p${sizes%% *}.dll")
commands+=(-n "trig build $last rules (JIT)" "$trig_jit build $work/p$last -o $work/out")
commands+=(-n "trig build $last rules (R2R)" "$trig_r2r build $work/p$last -o $work/out")
commands+=(-n "trig build $last rules (R2R, DOTNET_TieredPGO=1)" "env DOTNET_TieredPGO=1 $trig_r2r build $work/p$last -o $work/out")
if [[ -n "${trig_composite:-}" ]]; then
  commands+=(-n "trig build $last rules (self-contained composite R2R)" "$trig_composite build $work/p$last -o $work/out")
fi

if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs "$runs" -N --style basic --export-json "$work/times.json" "${commands[@]}" >"$work/hyperfine.txt"
  python3 - "$work/times.json" <<'PY'
import json, statistics, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"{r['command']:45} min {r['min']:.3f} s  median {r['median']:.3f} s  mean {r['mean']:.3f} s  "
          f"user {statistics.median(r['user']) if isinstance(r['user'], list) else r['user']:.3f} s  ({len(r['times'])} runs)")
PY
else
  TIMEFORMAT=%R
  for ((i = 0; i < ${#commands[@]}; i += 3)); do
    name="${commands[i+1]}"; cmd="${commands[i+2]}"
    $cmd >/dev/null # warm-up (file cache)
    times=()
    for _ in $(seq "$runs"); do times+=("$({ time $cmd >/dev/null; } 2>&1)"); done
    sorted=($(printf '%s\n' "${times[@]}" | sort -n))
    echo "$name: min ${sorted[0]} s, median ${sorted[$(((${#sorted[@]} - 1) / 2))]} s over $runs runs"
  done
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
# Per-phase lines of the last runs (Stopwatch inside the process), for where the time goes.
for rules in $sizes; do
  for build in jit r2r; do
    exe="$jit"; [[ $build == r2r ]] && exe="$r2r"
    echo "$build $($exe --compile-cold "$work/p$rules")"
  done
done
echo "jit $("$jit" --load-cold "$work/p$last" "$work/p$last.dll")"
echo "r2r $("$r2r" --load-cold "$work/p$last" "$work/p$last.dll")"
