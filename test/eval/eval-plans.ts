/**
 * `npm run eval:plans`: the twelve owners of test/plan/owner-profiles.ts and their plans, a line
 * each: the network, posts a week, the numbers to watch, the recommendations, and how long the
 * Markdown plan takes to read. `npm run eval:plans -- --show "Quebec bakery"` prints that plan whole.
 *
 * Reading time: the words of the prose (headings, paragraphs, lists; the calendar table and the
 * list of sources left out) at 238 words a minute, the average silent reading rate of adults for
 * non-fiction (Brysbaert, "How many words do we read per minute? A review and meta-analysis of
 * reading rate", Journal of Memory and Language 109, 2019; most adults read 175-300).
 */
import { loadContent } from "../../src/content/load.ts";
import { buildPlan } from "../../src/plan/build-plan.ts";
import { renderPlanMarkdown } from "../../src/plan/render-markdown.ts";
import { PROFILES } from "../plan/owner-profiles.ts";

const WORDS_PER_MINUTE = 238;
const content = loadContent();
const show = process.argv.indexOf("--show");
if (show >= 0) {
  const name = process.argv[show + 1] ?? "";
  const p = PROFILES.find((x) => x.name === name);
  if (!p) {
    process.stderr.write(`no owner "${name}"; owners: ${PROFILES.map((x) => x.name).join(", ")}\n`);
    process.exit(2);
  }
  process.stdout.write(renderPlanMarkdown(content, buildPlan(content, p.answers, p.lang), p.answers));
  process.exit(0);
}

const words = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
const rows: string[][] = [];
const minutes: number[] = [];
for (const p of PROFILES) {
  const plan = buildPlan(content, p.answers, p.lang);
  const md = renderPlanMarkdown(content, plan, p.answers);
  const body = md.split(/\n## Sources\n/)[0]!;
  const prose = body.split("\n").filter((l) => !/^\s*\|/.test(l)).join("\n");
  const table = body.split("\n").filter((l) => /^\s*\|/.test(l)).join("\n");
  const m = words(prose) / WORDS_PER_MINUTE;
  minutes.push(m);
  rows.push([
    `${p.name} (${p.lang})`,
    `${plan.network?.name ?? "-"} (${plan.network?.presence ?? "-"})`,
    String(plan.postsPerWeek ?? "-"),
    plan.kpis.map((k) => k.id).join(", "),
    plan.recommendations.map((r) => r.id).join(", "),
    String(words(md)),
    String(words(prose)),
    String(words(table)),
    m.toFixed(1),
  ]);
}
const head = ["owner", "network", "posts/week", "numbers to watch", "recommendations", "words (all)", "words (prose)", "words (calendar)", `min to read at ${WORDS_PER_MINUTE} wpm`];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join("  ");
console.log(line(head));
for (const r of rows) console.log(line(r));
const sorted = [...minutes].sort((a, b) => a - b);
console.log(`\nreading time of the prose: ${sorted[0]!.toFixed(1)}-${sorted.at(-1)!.toFixed(1)} min (median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)}), ${minutes.filter((x) => x <= 2).length} of ${minutes.length} plans under 2 min`);
