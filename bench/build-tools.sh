# Sourced by the bench scripts: prints the machine, builds `trig` and the bench executable in Release into
# "$artifacts", and sets $trig and $bench to them.
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), .NET SDK $(dotnet --version)"
dotnet build cli/TriggerLang.Cli.csproj -c Release --artifacts-path "$artifacts" -nologo -v quiet >/dev/null
dotnet build bench/TriggerLang.Bench/TriggerLang.Bench.csproj -c Release --artifacts-path "$artifacts" -nologo -v quiet >/dev/null
trig="$artifacts/bin/TriggerLang.Cli/release/trig"
bench="$artifacts/bin/TriggerLang.Bench/release/TriggerLang.Bench"
