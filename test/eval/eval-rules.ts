/**
 * `npm run eval:rules`: the doubt matcher's top-1 accuracy per rule and per language on each phrasing
 * set (see SETS), for the keyword rules alone and for the rules with the learned fallback (what the
 * coach uses), the confusions (never for a blind set), and any negative that matched.
 *
 * `npm run eval:rules -- --calibrate`: leaves one phrasing set of dialogs/phrasings/ out at a time,
 * trains the fallback on the others, and prints the thresholds for dialogs/objections.yaml
 * (`learned`): above every negative it fired on, and how many held-out phrasings each would recover.
 */
import { loadContent } from "../../src/content/load.ts";
import { crossValidate, evaluate, MATCHERS, merge, QUESTION_SETS, readSet, reviewSetFile, SETS, type Evaluation, type HeldOut } from "./evaluate-rules.ts";

const pct = ([ok, n]: [number, number]) => (n === 0 ? "    - (0/0)" : `${((ok / n) * 100).toFixed(1).padStart(5)} % (${ok}/${n})`);

function report(title: string, e: Evaluation, blind = false): void {
  const answered = e.negativesAnswered.length > 0 ? `, negatives answered as a question: ${e.negativesAnswered.length}` : "";
  console.log(`\n## ${title}: top-1 ${pct([e.correct, e.total])}, negatives matched: ${e.negativesMatched.length}${answered}`);
  for (const [lang, v] of e.perLang) console.log(`  ${lang}: ${pct(v)}`);
  const rules = [...new Set([...e.perRule.keys()].map((k) => k.split("/")[0]!))];
  console.log(`  ${"rule".padEnd(18)} ${"fr".padEnd(18)} en`);
  for (const r of rules) console.log(`  ${r.padEnd(18)} ${pct(e.perRule.get(`${r}/fr`) ?? [0, 0]).padEnd(18)} ${pct(e.perRule.get(`${r}/en`) ?? [0, 0])}`);
  if (blind) console.log("  (a blind set: its confusions are not printed, so that nobody tunes the rules on it)");
  else if (e.misses.length) {
    console.log("  confusions (expected → got):");
    for (const m of e.misses) console.log(`    ${m.expected} → ${m.got} [${m.lang}] ${m.text}`);
  }
  // a blind set's negatives are counted, never shown
  if (blind) return;
  for (const n of e.negativesMatched) console.log(`  NEGATIVE MATCHED [${n.lang}] ${n.text} → ${n.got}`);
  for (const n of e.negativesAnswered) console.log(`  negative answered as a question [${n.lang}] ${n.text} → ${n.got}`);
}

const content = loadContent();
const sets = SETS.map((s) => ({ ...s, set: readSet(s.file) }));

if (process.argv.includes("--calibrate")) {
  // every file of dialogs/phrasings/ is a fold: the phrasing sets and the interview answers that voice no doubt
  const tuned = content.phrasings;
  const held = crossValidate(content, tuned, content.objections.learned.alpha);
  const fired = held.filter((h) => h.expected === null && h.top !== null && h.rules.kind === "none");
  const highest = Math.max(0, ...fired.map((h) => h.top!.p));
  const threshold = Math.min(0.999, Math.ceil((highest + 0.0005) * 1000) / 1000);
  const unmatched = held.filter((h) => h.expected !== null && h.rules.kind === "none");
  const recovered = (t: number, among: HeldOut[]) => among.filter((h) => h.top && h.top.p >= t && h.top.label === h.expected).length;
  const wrong = (t: number, among: HeldOut[]) => among.filter((h) => h.top && h.top.p >= t && h.top.label !== h.expected).length;
  console.log(`leave one file of dialogs/phrasings/ out at a time, ${tuned.length} files (alpha ${content.objections.learned.alpha}):`);
  console.log(`  negatives the classifier fired on: ${fired.length}; the highest at p = ${highest.toFixed(4)} (${fired.sort((a, b) => b.top!.p - a.top!.p)[0]?.text ?? "-"})`);
  console.log(`  threshold above every one of them: ${threshold}`);
  console.log(`  phrasings the rules missed: ${unmatched.length}; recovered at that threshold: ${recovered(threshold, unmatched)} right, ${wrong(threshold, unmatched)} wrong`);
  const ties = held.filter((h) => h.expected !== null && h.rules.kind === "ambiguous");
  for (const t of [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99]) {
    const among = ties.filter((h) => h.rules.kind === "ambiguous" && h.top && h.rules.ids.includes(h.top.label));
    console.log(`  ties (${ties.length}) settled at tieThreshold ${t}: ${recovered(t, among)} right, ${wrong(t, among)} wrong`);
  }
  console.log(`  now in dialogs/objections.yaml: threshold ${content.objections.learned.threshold}, tieThreshold ${content.objections.learned.tieThreshold}`);
} else {
  for (const [name, match] of Object.entries(MATCHERS)) {
    console.log(`\n# ${name === "rules" ? "the keyword rules alone" : "the coach: the rules, then the learned fallback (trained on dialogs/phrasings/)"}`);
    for (const s of sets) report(s.title, evaluate(content, s.set, match), s.blind);
    const tuned = sets.filter((s) => !s.blind);
    report(`the ${tuned.length} sets the rules were tuned on`, evaluate(content, tuned.map((s) => s.set).reduce(merge), match));
    for (const q of QUESTION_SETS) report(q.title, evaluate(content, readSet(q.file), match));
    const review = reviewSetFile();
    if (review) report(`review set: taught from the insights page, not trained on (${review})`, evaluate(content, readSet(review), match));
  }
}
