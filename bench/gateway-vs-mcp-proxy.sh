#!/usr/bin/env bash
# The gateway against mcp-proxy (npm), on the same upstream: server-everything over stdio. Loopback only; every
# process started here is stopped at the end. Measured, in one run on one machine:
#   1. direct-upstream       server-everything's own Streamable HTTP endpoint (the baseline),
#   2. gateway-all-stages    a gateway running server-everything as its stdio child, whole chain,
#      (echo is unclassified: its admission record is acknowledged before it is forwarded, write-ahead),
#   2b. gateway-write        the same with `echo` classified write (its admission record travels while it runs),
#   2c. gateway-read-only   the same with `echo` classified read-only (its answers do not wait for the audit ack),
#   3. gateway-stages-off    likewise with only lifecycle,forward (token verification still on: it is not a stage),
#   4. mcp-proxy             mcp-proxy 6.7.19 running server-everything as its stdio child (no authentication).
# Each: the `echo` tool at a fixed rate (latency from the scheduled send time), then closed loop.
# Needs a running dev mesh (./sigil-mesh up --detach; Keycloak, Kafka, PostgreSQL) and a built system-tests
# module (its target/node holds server-everything).
# Usage: [WARMUP=seconds] [WARMRATE=seconds] [CLOSED=seconds of closed loop, default as the open loop] [ONLY="names"]
#        bench/gateway-vs-mcp-proxy.sh [rate/s] [seconds] [concurrency]
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${1:-200}; seconds=${2:-20}; concurrency=${3:-16}
home="${SIGIL_MESH_HOME:-$HOME/.cache/sigil-mesh}/devstack-dev"
cp="system-tests/target/test-classes"
everything="$PWD/system-tests/target/node/node_modules/@modelcontextprotocol/server-everything/dist/index.js"
[[ -f $everything ]] || { echo "build system-tests first (./mvnw -pl system-tests -am verify -DskipTests)"; exit 1; }
(cd bench/mcp-proxy && npm install --no-audit --no-fund --silent)
# A fresh token for each measurement: the whole run outlasts one token's lifetime.
fresh_token() {
  curl -s http://127.0.0.1:18080/realms/sigil/protocol/openid-connect/token -d grant_type=client_credentials \
    -d client_id=demo-agent-high -d client_secret=demo-agent-high-dev-secret | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
token=gateway # any word but "-": load() puts a fresh token in its place

pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
wait_ready() { for _ in $(seq 1 240); do curl -s -o /dev/null "$1" && return 0; sleep 0.5; done; echo "no answer from $1"; exit 1; }

PORT=8731 node --require "$PWD/system-tests/target/node/loopback-only.cjs" "$everything" streamableHttp > "$home/bench-everything-http.log" 2>&1 & pids+=($!)
# The registry lets the demo agents reach an upstream named "demo": the stdio upstream takes that name here.
# The gateway runs as the mesh runs it (ServiceNode: -Xmx256m, serial GC, full JIT).
gateway() { # port stages [extra -D settings]
  java -Xmx256m -XX:+UseSerialGC -Xlog:gc:file="$home/bench-gc-$1.log" -Dquarkus.http.port="$1" -Dquarkus.http.host=127.0.0.1 -Dsigil.gateway.stages="$2" ${3:-} \
    -Dsigil.gateway.upstreams.demo.url= -Dsigil.gateway.upstreams.demo.command="node,$everything,stdio" \
    -Dsigil.gateway.scanners.allow-development-key=true -Dsigil.gateway.vault.allow-development-key=true \
    -jar gateway/target/quarkus-app/quarkus-run.jar > "$home/bench-gateway-$1.log" 2>&1 &
  pids+=($!)
}
all=identity,validation,lifecycle,pinning,schema,request-scan,response-scan,audit-admission,forward,audit
gateway 8732 "$all"
gateway 8735 "$all" -Dsigil.gateway.risk-classes.echo=write
gateway 8736 "$all" -Dsigil.gateway.risk-classes.echo=read-only
gateway 8733 lifecycle,forward
node bench/mcp-proxy/node_modules/mcp-proxy/dist/bin/mcp-proxy.mjs --host 127.0.0.1 --port 8734 --server stream \
  --streamEndpoint /mcp -- node "$everything" stdio > "$home/bench-mcp-proxy.log" 2>&1 & pids+=($!)
wait_ready http://127.0.0.1:8731/mcp
wait_ready http://127.0.0.1:8732/q/health/ready
wait_ready http://127.0.0.1:8733/q/health/ready
wait_ready http://127.0.0.1:8735/q/health/ready
wait_ready http://127.0.0.1:8736/q/health/ready
wait_ready http://127.0.0.1:8734/mcp

echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB, $(java -version 2>&1 | head -1), node $(node --version)"
echo "date: $(date -u +%Y-%m-%d), load $(cut -d' ' -f1-3 /proc/loadavg), echo at ${rate}/s for ${seconds} s after ${WARMUP:-30} s of closed loop and ${WARMRATE:-90} s at the rate (warm-up), closed loop ${concurrency} in flight"
args='{"message":"hello"}'
warmup=${WARMUP:-30} # seconds of closed loop before anything is counted: a long-running gateway is JIT-compiled
# then seconds at the rate, uncounted: the broker and the sealer settle to the rate, as under a gateway serving it
warmrate=${WARMRATE:-90}
# Waits (at most 60 s) until the machine is below 25 % busy over 3 s: audit-service seals the events of the
# previous warm-up and closed loop after they end, and that work must not land in the next measurement.
settle() {
  local busy=100 waited=0 a b
  while (( busy >= 25 && waited < 60 )); do
    a=($(head -1 /proc/stat)); sleep 3; b=($(head -1 /proc/stat)); waited=$((waited + 3))
    local total=0 idle=$(( (b[4] + b[5]) - (a[4] + a[5]) )); for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
    busy=$(( 100 * (total - idle) / total ))
  done
  echo "  (settled after ${waited} s: ${busy} % busy, load $(cut -d' ' -f1 /proc/loadavg))"
}
# Warms the endpoint up apart (nothing of it reported), snapshots a gateway's stage histograms, then measures.
load() {
  [[ -z ${ONLY:-} || " $ONLY " == *" $1 "* ]] || return 0 # ONLY="direct-upstream gateway-all-stages ...": these alone
  local bearer=$3
  [[ $bearer == - ]] || bearer=$(fresh_token)
  java -Dwarmup="$warmup" -Dwarmrate="$warmrate" -Dclosed=1 -cp "$cp" io.sigil.system.bench.McpLoad "$1" "$2" "$bearer" "$4" 1 "${@:6}" \
    > /dev/null
  settle
  case "$2" in *:873[2356]/*) port=${2#*127.0.0.1:}; snapshot "${port%%/*}" ;; esac
  [[ $bearer == - ]] || bearer=$(fresh_token)
  # The open loop, then the gateway's stages over its calls alone, then the closed loop apart.
  java -Dwarmup=0 -Dclosed=0 -cp "$cp" io.sigil.system.bench.McpLoad "$1" "$2" "$bearer" "${@:4}" \
    | sed 's/; closed loop.*//'
  case "$2" in *:873[2356]/*) port=${2#*127.0.0.1:}; stages "${port%%/*}" ;; esac
  java -Dwarmup=0 -Dclosed="${CLOSED:-$5}" -cp "$cp" io.sigil.system.bench.McpLoad "$1" "$2" "$bearer" "$4" 0 "${@:6}" \
    | head -1 | sed 's/.*closed loop/  closed loop/'
}
# Each stage's p50 and p99 (upper bucket bounds) over what the gateway on port $1 served since snapshot() — the
# counted open loop only, not the warm-up nor the closed loop — from its sigil_gateway_stage_seconds histograms,
# and the whole request's inside the gateway, from routing to the end of the answer.
# The whole request's timer (sigil_gateway_request_seconds) is listed as the stage "whole-request".
buckets() {
  curl -s "http://127.0.0.1:$1/q/metrics" | grep -E '^sigil_gateway_(stage|request)_seconds_bucket\{' \
    | sed -E 's/^sigil_gateway_request_seconds_bucket\{method="([^"]*)"/sigil_gateway_stage_seconds_bucket{stage="whole-request",outcome="\1"/' \
    || true
}
snapshot() { buckets "$1" > "$home/bench-stages-$1.before"; }
stages() {
  buckets "$1" | awk -v before="$home/bench-stages-$1.before" '
    function key(line,   s, o, l) {
      s = line; sub(/.*stage="/, "", s); sub(/".*/, "", s); o = line; sub(/.*outcome="/, "", o); sub(/".*/, "", o)
      l = line; sub(/.*le="/, "", l); sub(/".*/, "", l); return s "/" o " " l }
    BEGIN { while ((getline line < before) > 0) { split(line, f, " "); old[key(line)] = f[2] } }
    { k = key($0); split(k, p, " "); n = $2 - old[k]; c[p[1]] = c[p[1]] " " p[2] "=" n }
    END { printf "  stage p50/p99 (ms, bucket bounds):";
      for (s in c) { m = split(c[s], e, " "); total = 0
        for (i = 1; i <= m; i++) { split(e[i], kv, "="); if (kv[1] == "+Inf") total = kv[2] }
        if (total < 10) continue; p50 = ""; p99 = ""
        for (i = 1; i <= m; i++) { split(e[i], kv, "="); if (kv[1] == "+Inf") continue
          if (p50 == "" && kv[2] >= 0.5 * total) p50 = kv[1]; if (p99 == "" && kv[2] >= 0.99 * total) p99 = kv[1] }
        printf " %s %.3f/%.3f", s, 1000 * p50, 1000 * p99 }
      print "" }'
}
load direct-upstream http://127.0.0.1:8731/mcp - "$rate" "$seconds" "$concurrency" echo "$args"
load gateway-all-stages http://127.0.0.1:8732/mcp "$token" "$rate" "$seconds" "$concurrency" echo "$args"
load gateway-write http://127.0.0.1:8735/mcp "$token" "$rate" "$seconds" "$concurrency" echo "$args"
load gateway-read-only http://127.0.0.1:8736/mcp "$token" "$rate" "$seconds" "$concurrency" echo "$args"
load gateway-stages-off http://127.0.0.1:8733/mcp "$token" "$rate" "$seconds" "$concurrency" echo "$args"
load mcp-proxy http://127.0.0.1:8734/mcp - "$rate" "$seconds" "$concurrency" echo "$args"
