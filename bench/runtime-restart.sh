#!/bin/bash
# Restart timing on an existing rules folder and database (bench/README.md, "Live runtime"): starts trig run, polls
# /healthz; prints the seconds until it answers (serving: input is accepted), until a POST gets 202, and until it
# says "ok" (the state is loaded: the loop decides), with the CPU (user+system) and RSS of the process then; kills it.
# A runtime older than the background load says "ok" at once (serving = loaded).
# usage: bench/runtime-restart.sh PATH/trig.dll RULES_DIR   (the database is RULES_DIR/trig.db)
mkdir -p /tmp/rstart-cwd; cd /tmp/rstart-cwd
url=http://127.0.0.1:5191
start=$(date +%s.%N)
TRIG_API_KEY=k dotnet $1 run $2 --db $2/trig.db --urls $url --Runtime:WatchRules=false --Logging:LogLevel:Default=Warning > /tmp/rstart.log 2>&1 &
pid=$!
until curl -sf $url/healthz > /dev/null; do sleep 0.05; done
serving=$(date +%s.%N)
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer k' -d '{"id":"restart-probe-'$RANDOM$RANDOM'","name":"noop","user":"u1","time":"2026-01-01T00:00:00Z","properties":{"n":1}}' $url/v1/events)
posted=$(date +%s.%N)
until curl -sf $url/healthz | grep -q '"ok"'; do sleep 0.05; done
end=$(date +%s.%N)
read -a f < <(sed 's/.*) //' /proc/$pid/stat)
echo "serving $(echo "$serving - $start" | bc) s; POST $code $(echo "$posted - $start" | bc) s; loaded $(echo "$end - $start" | bc) s; cpu $(echo "scale=2; (${f[11]} + ${f[12]}) / 100" | bc) s; rss $(grep VmRSS /proc/$pid/status | tr -s ' '); load $(cat /proc/loadavg)"
kill -9 $pid; wait $pid 2>/dev/null
