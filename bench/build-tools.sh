# Sourced by the bench scripts: prints the machine, builds `trig` and the bench executable in Release into
# "$artifacts", and sets $trig and $bench to them.
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), .NET SDK $(dotnet --version)"
# A failed build stops the caller with the compiler's errors: quietly, an older build left in "$artifacts" would be
# the one measured.
for project in cli/TriggerLang.Cli.csproj bench/TriggerLang.Bench/TriggerLang.Bench.csproj; do
  if ! build_log="$(dotnet build "$project" -c Release --artifacts-path "$artifacts" -nologo -v quiet 2>&1)"; then
    echo "$build_log" >&2
    echo "build-tools: building $project failed" >&2
    return 1
  fi
done
trig="$artifacts/bin/TriggerLang.Cli/release/trig"
bench="$artifacts/bin/TriggerLang.Bench/release/TriggerLang.Bench"
