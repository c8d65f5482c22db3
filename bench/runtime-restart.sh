#!/bin/bash
# Restart timing on an existing rules folder and database (bench/README.md, "Live runtime"): starts trig run,
# polls /healthz, prints the seconds, the CPU (user+system) and RSS of the process, then kills it.
# usage: bench/runtime-restart.sh PATH/trig.dll RULES_DIR   (the database is RULES_DIR/trig.db)
mkdir -p /tmp/rstart-cwd; cd /tmp/rstart-cwd
start=$(date +%s.%N)
TRIG_API_KEY=k dotnet $1 run $2 --db $2/trig.db --urls http://127.0.0.1:5191 --Runtime:WatchRules=false --Logging:LogLevel:Default=Warning > /tmp/rstart.log 2>&1 &
pid=$!
until curl -sf http://127.0.0.1:5191/healthz > /dev/null; do sleep 0.05; done
end=$(date +%s.%N)
read -a f < <(sed 's/.*) //' /proc/$pid/stat)
echo "healthz $(echo "$end - $start" | bc) s; cpu $(echo "scale=2; (${f[11]} + ${f[12]}) / 100" | bc) s; rss $(grep VmRSS /proc/$pid/status); $(cat /proc/loadavg)"
kill -9 $pid; wait $pid 2>/dev/null
