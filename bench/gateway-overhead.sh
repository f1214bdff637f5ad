#!/usr/bin/env bash
# Gateway overhead benchmark (loopback only; stops by itself): the same tools/call measured
#   1. directly on the demo upstream,
#   2. through the gateway with its whole chain,
#   3. through a second gateway with only lifecycle,forward (token verification still on: it is not a stage).
# Needs a running dev mesh (./sigil-mesh up --detach) and a built system-tests module.
# Usage: bench/gateway-overhead.sh [rate/s] [seconds] [concurrency]
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${1:-200}; seconds=${2:-20}; concurrency=${3:-16}
home="${SIGIL_MESH_HOME:-$HOME/.cache/sigil-mesh}/devstack-dev"
cp="system-tests/target/test-classes"
token=$(curl -s http://127.0.0.1:18080/realms/sigil/protocol/openid-connect/token -d grant_type=client_credentials \
  -d client_id=demo-agent-high -d client_secret=demo-agent-high-dev-secret | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

java -Xmx256m -Dquarkus.http.port=8720 -Dquarkus.http.host=127.0.0.1 \
  -Dsigil.gateway.stages=lifecycle,forward -Dsigil.gateway.upstreams.demo.url=http://127.0.0.1:8710/mcp \
  -Dsigil.gateway.scanners.allow-development-key=true -Dsigil.gateway.vault.allow-development-key=true \
  -jar gateway/target/quarkus-app/quarkus-run.jar > "$home/gateway-stages-off.log" 2>&1 &
off=$!
trap 'kill $off 2>/dev/null || true' EXIT
until curl -sf -o /dev/null http://127.0.0.1:8720/q/health/ready; do sleep 0.5; done

echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%d), rate ${rate}/s for ${seconds} s after 5 s warm-up, closed loop ${concurrency} in flight"
java -cp "$cp" io.sigil.system.bench.McpLoad direct-upstream http://127.0.0.1:8710/mcp - "$rate" "$seconds" "$concurrency"
java -cp "$cp" io.sigil.system.bench.McpLoad gateway-all-stages http://127.0.0.1:8700/mcp "$token" "$rate" "$seconds" "$concurrency"
java -cp "$cp" io.sigil.system.bench.McpLoad gateway-stages-off http://127.0.0.1:8720/mcp "$token" "$rate" "$seconds" "$concurrency"
