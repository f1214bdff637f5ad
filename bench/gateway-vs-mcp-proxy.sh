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
# Usage: [WARMUP=seconds] bench/gateway-vs-mcp-proxy.sh [rate/s] [seconds] [concurrency]
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${1:-200}; seconds=${2:-20}; concurrency=${3:-16}
home="${SIGIL_MESH_HOME:-$HOME/.cache/sigil-mesh}/devstack-dev"
cp="system-tests/target/test-classes"
everything="$PWD/system-tests/target/node/node_modules/@modelcontextprotocol/server-everything/dist/index.js"
[[ -f $everything ]] || { echo "build system-tests first (./mvnw -pl system-tests -am verify -DskipTests)"; exit 1; }
(cd bench/mcp-proxy && npm install --no-audit --no-fund --silent)
token=$(curl -s http://127.0.0.1:18080/realms/sigil/protocol/openid-connect/token -d grant_type=client_credentials \
  -d client_id=demo-agent-high -d client_secret=demo-agent-high-dev-secret | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
wait_ready() { for _ in $(seq 1 240); do curl -s -o /dev/null "$1" && return 0; sleep 0.5; done; echo "no answer from $1"; exit 1; }

PORT=8731 node --require "$PWD/system-tests/target/node/loopback-only.cjs" "$everything" streamableHttp > "$home/bench-everything-http.log" 2>&1 & pids+=($!)
# The registry lets the demo agents reach an upstream named "demo": the stdio upstream takes that name here.
gateway() { # port stages [extra -D settings]
  java -Xmx256m -Dquarkus.http.port="$1" -Dquarkus.http.host=127.0.0.1 -Dsigil.gateway.stages="$2" ${3:-} \
    -Dsigil.gateway.upstreams.demo.url= -Dsigil.gateway.upstreams.demo.command="node,$everything,stdio" \
    -Dsigil.gateway.scanners.allow-development-key=true \
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
echo "date: $(date -u +%Y-%m-%d), load $(cut -d' ' -f1-3 /proc/loadavg), echo at ${rate}/s for ${seconds} s after 5 s warm-up, closed loop ${concurrency} in flight"
args='{"message":"hello"}'
warmup=${WARMUP:-20} # seconds at the rate before anything is counted: a long-running gateway is JIT-compiled
load() { java -Dwarmup="$warmup" -cp "$cp" io.sigil.system.bench.McpLoad "$@"; }
# Mean time of each stage over everything the gateway on port $1 served, from its sigil.gateway.stage timers.
stages() {
  curl -s "http://127.0.0.1:$1/q/metrics" | awk -F'[{}", ]+' '
    /^sigil_gateway_stage_seconds_(sum|count)\{/ { for (i = 2; i < NF; i++) if ($i ~ /^stage=/) s = $(i + 1);
      if ($1 ~ /_sum$/) sum[s] += $NF; else n[s] += $NF }
    END { printf "  stage means (ms):"; for (s in n) if (n[s] > 0) printf " %s %.3f", s, 1000 * sum[s] / n[s]; print "" }'
}
load direct-upstream http://127.0.0.1:8731/mcp - "$rate" "$seconds" "$concurrency" echo "$args"
load gateway-all-stages http://127.0.0.1:8732/mcp "$token" "$rate" "$seconds" "$concurrency" echo "$args"
stages 8732
load gateway-write http://127.0.0.1:8735/mcp "$token" "$rate" "$seconds" "$concurrency" echo "$args"
stages 8735
load gateway-read-only http://127.0.0.1:8736/mcp "$token" "$rate" "$seconds" "$concurrency" echo "$args"
stages 8736
load gateway-stages-off http://127.0.0.1:8733/mcp "$token" "$rate" "$seconds" "$concurrency" echo "$args"
load mcp-proxy http://127.0.0.1:8734/mcp - "$rate" "$seconds" "$concurrency" echo "$args"
