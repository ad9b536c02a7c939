/**
 * `npm run eval:rules`: prints the objection matcher's top-1 accuracy per rule and per language on
 * each phrasing set (see SETS) and on all of them, the confusions, and any negative that matched.
 */
import { loadContent } from "../../src/content/load.ts";
import { evaluate, merge, readSet, SETS, type Evaluation } from "./evaluate-rules.ts";

const pct = ([ok, n]: [number, number]) => `${((ok / n) * 100).toFixed(1).padStart(5)} % (${ok}/${n})`;

function report(title: string, e: Evaluation, blind = false): void {
  console.log(`\n## ${title}: top-1 ${pct([e.correct, e.total])}, negatives matched: ${e.negativesMatched.length}`);
  for (const [lang, v] of e.perLang) console.log(`  ${lang}: ${pct(v)}`);
  const rules = [...new Set([...e.perRule.keys()].map((k) => k.split("/")[0]!))];
  console.log(`  ${"rule".padEnd(18)} ${"fr".padEnd(18)} en`);
  for (const r of rules) console.log(`  ${r.padEnd(18)} ${pct(e.perRule.get(`${r}/fr`) ?? [0, 0]).padEnd(18)} ${pct(e.perRule.get(`${r}/en`) ?? [0, 0])}`);
  if (blind) console.log("  (a blind set: its confusions are not printed, so that nobody tunes the rules on it)");
  else if (e.misses.length) {
    console.log("  confusions (expected → got):");
    for (const m of e.misses) console.log(`    ${m.expected} → ${m.got} [${m.lang}] ${m.text}`);
  }
  for (const n of e.negativesMatched) console.log(`  NEGATIVE MATCHED [${n.lang}] ${n.text} → ${n.got}`);
}

const content = loadContent();
const sets = SETS.map((s) => ({ ...s, set: readSet(s.file) }));
for (const s of sets) report(s.title, evaluate(content, s.set), s.blind);
const tuned = sets.filter((s) => !s.blind);
report(`the ${tuned.length} sets the rules were tuned on`, evaluate(content, tuned.map((s) => s.set).reduce(merge)));
