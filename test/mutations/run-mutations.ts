/**
 * `npm run mutations [-- NAME...]`: breaks each safeguard the README's Reliability table promises,
 * one at a time (the mutation: a small edit of the source, listed in mutations.ts), runs the test
 * that proves the promise, and checks it goes red; the source is put back after each, whatever
 * happens. The same tests are first run on the untouched source, and must pass there: a test that
 * is red anyway proves nothing. Prints one line per mutation and exits 1 when a test stayed green
 * (its promise is then not proved).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MUTATIONS } from "./mutations.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const wanted = process.argv.slice(2);
const chosen = MUTATIONS.filter((m) => wanted.length === 0 || wanted.includes(m.name));
if (chosen.length === 0) {
  process.stderr.write(`No mutation named ${wanted.join(", ")}; the names are: ${MUTATIONS.map((m) => m.name).join(", ")}\n`);
  process.exit(2);
}

/** Runs the tests of `m` (with npm test's timeouts); true when they pass. */
function testsPass(m: (typeof MUTATIONS)[number]): boolean {
  const run = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules", "vitest", "vitest.mjs"), "run", ...m.tests, "--reporter=dot", "--testTimeout=30000", "--hookTimeout=30000", ...(m.testName ? ["-t", m.testName] : [])],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...(m.env ?? {}) }, timeout: 10 * 60_000 },
  );
  return run.status === 0;
}

const baselines = new Map<string, boolean>();
let survivors = 0;
for (const m of chosen) {
  const id = JSON.stringify([m.tests, m.testName ?? null, m.env ?? null]);
  if (!baselines.has(id)) baselines.set(id, testsPass(m));
  if (!baselines.get(id)) {
    survivors++;
    process.stdout.write(`${m.name.padEnd(28)} NOT RUN: its test fails on the untouched source\n`);
    continue;
  }
  const originals = new Map<string, string>();
  let outcome: string;
  try {
    for (const edit of m.edits) {
      const path = join(ROOT, edit.file);
      const text = originals.get(path) ?? readFileSync(path, "utf8");
      if (!originals.has(path)) originals.set(path, text);
      const current = readFileSync(path, "utf8");
      if (!current.includes(edit.find)) throw new Error(`${edit.file} no longer contains the text this mutation edits: ${JSON.stringify(edit.find.slice(0, 80))}`);
      writeFileSync(path, current.replace(edit.find, edit.replace));
    }
    const started = Date.now();
    const green = testsPass(m);
    const seconds = Math.round((Date.now() - started) / 1000);
    if (green) {
      survivors++;
      outcome = `SURVIVED (the test stayed green, ${seconds} s)`;
    } else outcome = `caught (red in ${seconds} s)`;
  } catch (err) {
    survivors++;
    outcome = `NOT RUN: ${(err as Error).message}`;
  } finally {
    for (const [path, text] of originals) writeFileSync(path, text);
  }
  process.stdout.write(`${m.name.padEnd(28)} ${outcome}\n    ${m.what}\n    test: ${m.tests.join(" ")}${m.testName ? ` -t "${m.testName}"` : ""}\n`);
}
process.stdout.write(`\n${chosen.length - survivors} of ${chosen.length} mutations caught\n`);
process.exit(survivors === 0 ? 0 : 1);
