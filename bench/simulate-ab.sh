#!/usr/bin/env bash
# Two builds of `trig simulate` by turns, on the generated 1M-event input: whether a change made it faster. On a shared
# or virtual machine one run against another says little (runs of one build spread by 10–25% here), so the builds
# alternate, each run pinned to one core, and the medians are compared. The side that runs first changes every round,
# and the timed runs start SETTLE seconds (20) after the builds.
#
#   bench/simulate-ab.sh BASE [HEAD]        # git revisions (HEAD: the working tree's HEAD); 5 rounds
#   ROUNDS=9 TIERUP=1 bench/simulate-ab.sh main my-branch
#
# Each revision is checked out into a temporary worktree and published ReadyToRun, as the linux-x64 tool package ships
# (R2R=0: built as is, JIT). Both outputs must match bench/simulate.sha256 before anything is timed. TIERUP=1 sets
# DOTNET_TC_DelaySingleProcMultiplier=1 for the timed runs (bench/README.md, Simulation: what one core costs before .NET
# optimizes the code). Needs the input of bench/simulate.sh (generated on first use), /usr/bin/time and taskset.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

base="${1:?usage: bench/simulate-ab.sh BASE [HEAD]}"
head="${2:-HEAD}"
rounds="${ROUNDS:-5}"
data="${DATA:-/tmp/simbench-data-1000000-10000}"
work="$(mktemp -d)"
cleanup() {
  git -C "$root" worktree remove --force "$work/base" >/dev/null 2>&1 || true
  git -C "$root" worktree remove --force "$work/head" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

if [[ ! -f "$data/input.jsonl" ]]; then
  artifacts="$work/gen"
  source bench/build-tools.sh
  "$bench" --generate-simulation "$data"
fi
expected="$(cut -d' ' -f1 bench/simulate.sha256)"

# Builds a revision into $work/NAME/out and prints the path of its trig.
build() {
  local name=$1 rev=$2
  git -C "$root" worktree add -q --detach "$work/$name" "$rev"
  if [[ "${R2R:-1}" == 1 ]]; then
    dotnet publish "$work/$name/cli/TriggerLang.Cli.csproj" -c Release -r linux-x64 -p:PublishReadyToRun=true \
      -o "$work/$name/out" -nologo -v quiet >/dev/null
  else
    dotnet build "$work/$name/cli/TriggerLang.Cli.csproj" -c Release -o "$work/$name/out" -nologo -v quiet >/dev/null
  fi
  echo "$work/$name/out/trig"
}

declare -A trig
for side in base head; do
  rev=$([[ $side == base ]] && echo "$base" || echo "$head")
  trig[$side]="$(build "$side" "$rev")"
  # The output, byte for byte (this run also fills the side's own rule-pack cache).
  sha="$(TRIG_CACHE_DIR="$work/cache-$side" "${trig[$side]}" simulate "$data/project" --input "$data/input.jsonl" 2>/dev/null | sha256sum | cut -d' ' -f1)"
  if [[ "$sha" != "$expected" ]]; then
    echo "simulate-ab: $rev ($side) changed the output: sha256 $sha, expected $expected" >&2
    exit 1
  fi
  echo "$side: $rev = $(git -C "$root" rev-parse --short "$rev"), output identical to bench/simulate.sha256"
done

# The build servers left by the two publishes would share the machine with the first rounds.
dotnet build-server shutdown >/dev/null 2>&1 || true
sleep "${SETTLE:-20}"

for round in $(seq "$rounds"); do
  # Base first in odd rounds, head first in even ones: on this VM a run is often faster than the one before it (the
  # load of the builds dying down), which would otherwise always favour the side that runs second.
  sides="base head"
  ((round % 2 == 0)) && sides="head base"
  for side in $sides; do
    env TRIG_CACHE_DIR="$work/cache-$side" ${TIERUP:+DOTNET_TC_DelaySingleProcMultiplier=1} taskset -c 0 /usr/bin/time -f "%U %S %M" -o "$work/time.txt" \
      "${trig[$side]}" simulate "$data/project" --input "$data/input.jsonl" >/dev/null 2>&1
    read -r user sys rss <"$work/time.txt"
    cpu="$(python3 -c "print(f'{$user + $sys:.2f}')")"
    echo "$cpu $((rss / 1024))" >>"$work/$side.txt"
    echo "round $round $side: CPU $cpu s, peak RSS $((rss / 1024)) MB, load $(cut -d' ' -f1 /proc/loadavg)"
  done
done

python3 - "$work/base.txt" "$work/head.txt" <<'PY'
import statistics, sys
def read(path):
    rows = [line.split() for line in open(path)]
    return [float(cpu) for cpu, _ in rows], [int(rss) for _, rss in rows]
(base, base_rss), (head, head_rss) = read(sys.argv[1]), read(sys.argv[2])
wins = sum(h < b for b, h in zip(base, head))
for name, cpu, rss in (("base", base, base_rss), ("head", head, head_rss)):
    median = statistics.median(cpu)
    print(f"{name}: median CPU {median:.2f} s ({1_000_000 / median:,.0f} events/s), range {min(cpu):.2f}–{max(cpu):.2f} s, "
          f"peak RSS {min(rss)}–{max(rss)} MB")
print(f"head / base (medians): {statistics.median(head) / statistics.median(base):.3f}; head faster in {wins} of {len(base)} rounds")
PY
