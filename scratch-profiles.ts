import { loadContent } from "./src/content/load.ts";
import { buildPlan } from "./src/plan/build-plan.ts";
import { renderPlanMarkdown } from "./src/plan/render-markdown.ts";
import { PROFILES } from "./test/plan/owner-profiles.ts";
const c = loadContent();
for (const p of PROFILES) {
  const plan = buildPlan(c, p.answers, p.lang);
  const md = renderPlanMarkdown(c, plan, p.answers);
  const words = md.split("\n## Sources")[0]!.split(/\s+/).filter(Boolean).length;
  console.log(`${p.name} [${p.lang}] net=${plan.network?.id}/${plan.network?.presence} alt=${plan.network?.alternative?.id} ppw=${plan.postsPerWeek} listen=${plan.listeningHoursPerWeek} themes=${plan.themes.length} kpis=${plan.kpis.map(k=>k.id)} cal=${plan.calendar.length} budget=${plan.budgetSplit.map(b=>b.id+":"+b.amount)} recs=${plan.recommendations.map(r=>r.id)} words=${words}`);
}
