#!/usr/bin/env bash
# The scanner benchmark, reproducible: JMH for the SIGIL engine (MB/s per core on 1 MiB of the mixed corpus,
# p50/p99 of 1 KiB and 10 KiB messages, each 1 MB adversarial input), then SIGIL and secretlint side by side
# on the same generated corpus files (speed on one thread, recall on the planted fake secrets), then CPU time
# per scan (ScanCpuTime).
# Usage: bench/scanner/run.sh [jmh-args...]     e.g. bench/scanner/run.sh -f 1 -wi 2 -i 3
# Prints date, machine and load average first; results go to stdout and target/bench-scanner/.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/sigil-core/target/bench-scanner"
mkdir -p "$out"
cd "$root"

echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME"), $(java -version 2>&1 | head -1), node $(node --version)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

./mvnw -B -o -q -pl sigil-core -Pjmh test-compile dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt"
# A private copy of the classes: other builds on this machine may recompile sigil-core/target meanwhile.
rm -rf "$out/classes" "$out/test-classes"
cp -r sigil-core/target/classes "$out/classes"
cp -r sigil-core/target/test-classes "$out/test-classes"
cp="$out/classes:$out/test-classes:$(cat "$out/classpath.txt")"

# Side by side on the same files: 64 documents of 16 KiB, fake secrets planted about every 2 KB.
java -cp "$cp" io.sigil.core.scan.bench.CorpusFiles "$out/corpus" 64 16384
(cd bench/scanner && { [ -d node_modules ] || npm ci --no-audit --no-fund; })
java -cp "$cp" io.sigil.core.scan.bench.SigilOnCorpus "$out/corpus" 10 | tee "$out/sigil.txt"
(cd bench/scanner && node secretlint-on-corpus.mjs "$out/corpus" 10) | tee "$out/secretlint.txt"
echo "load average after side by side: $(cut -d' ' -f1-3 /proc/loadavg)"

jmh_args="${*:--f 1 -wi 3 -i 5}"
java -cp "$cp" org.openjdk.jmh.Main ScannerBench $jmh_args -rf json -rff "$out/jmh.json" | tee "$out/jmh.txt"
echo "load average after JMH: $(cut -d' ' -f1-3 /proc/loadavg)"

# CPU time of the scanning thread, 3 CPU-seconds per input: less sensitive than wall time to other load.
java -cp "$cp" io.sigil.core.scan.bench.ScanCpuTime 3 | tee "$out/cpu.txt"
echo "load average after CPU time: $(cut -d' ' -f1-3 /proc/loadavg)"
