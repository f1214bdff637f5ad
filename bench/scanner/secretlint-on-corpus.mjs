// The secretlint half of the side-by-side run: lints the files CorpusFiles wrote in-process with
// @secretlint/core and the recommended preset (no CLI start-up in the timing), one thread, after
// warm-up, and prints MB/s and the recall on the planted secrets per kind, in SigilOnCorpus's shape.
// Usage: node secretlint-on-corpus.mjs <dir> [rounds]
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { lintSource } from "@secretlint/core";
import { creator as recommended } from "@secretlint/secretlint-rule-preset-recommend";

const dir = process.argv[2];
const rounds = Number(process.argv[3] ?? 10);
const planted = JSON.parse(readFileSync(join(dir, "planted.json"), "utf8"));
const files = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort();
const texts = new Map(files.map((f) => [f, readFileSync(join(dir, f), "utf8")]));
const config = { rules: [{ id: "@secretlint/secretlint-rule-preset-recommend", rule: recommended }] };

async function lintAll() {
  const out = new Map();
  for (const [file, content] of texts) {
    const result = await lintSource({
      source: { filePath: join(dir, file), content, ext: ".txt", contentType: "text" },
      options: { config, maskSecrets: true },
    });
    out.set(file, result.messages);
  }
  return out;
}

for (let i = 0; i < rounds; i++) await lintAll(); // warm-up
const started = process.hrtime.bigint();
let messages;
for (let i = 0; i < rounds; i++) messages = await lintAll();
const seconds = Number(process.hrtime.bigint() - started) / 1e9;

const bytes = [...texts.values()].reduce((n, t) => n + t.length, 0);
const byKind = new Map();
for (const p of planted) {
  const found = (messages.get(p.file) ?? []).some((m) => m.range[0] < p.end && p.start < m.range[1]);
  const c = byKind.get(p.kind) ?? [0, 0];
  c[0] += found ? 1 : 0;
  c[1] += 1;
  byKind.set(p.kind, c);
}
const found = [...byKind.values()].reduce((n, c) => n + c[0], 0);
console.log(
  `secretlint: ${texts.size} files, ${(bytes / 1048576).toFixed(2)} MiB x ${rounds} rounds in ${seconds.toFixed(3)} s = ` +
    `${((bytes * rounds) / 1e6 / seconds).toFixed(1)} MB/s (one thread); recall ${found}/${planted.length}`,
);
for (const kind of [...byKind.keys()].sort()) {
  const [f, t] = byKind.get(kind);
  console.log(`  ${kind.padEnd(22)} ${String(f).padStart(3)}/${String(t).padStart(3)}`);
}
const rules = new Map();
for (const list of messages.values()) for (const m of list) rules.set(m.ruleId, (rules.get(m.ruleId) ?? 0) + 1);
console.log("  secretlint messages by rule:", Object.fromEntries(rules));
