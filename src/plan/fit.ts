/**
 * The parts of a plan fitted to one business: the network to start on (networks.yaml and the dated
 * facts of facts.yaml), the posts a week its hours allow, what to post (themes.yaml), the numbers to
 * watch (measures.yaml), a first month, and the budget split. Pure: the same answers give the same
 * plan; every sentence comes from dialogs/.
 */
import type { Content } from "../content/compile.ts";
import type { Fact, Network } from "../content/fit-schema.ts";
import type { Lang } from "../content/schema.ts";
import { fill } from "../text/template.ts";
import type { Answer } from "../vocabulary/answers.ts";
import type { PlanBudgetLine, PlanFact, PlanKpi, PlanNetwork, PlanWeek } from "../vocabulary/plan-shape.ts";
import { holds, type Facts } from "./conditions.ts";
import { formatMoney } from "./money.ts";

const WEEKS_PER_MONTH = 52 / 12;

const choiceOf = (answers: Readonly<Record<string, Answer>>, step: string): string | null => {
  const a = answers[step];
  return a?.type === "choice" ? a.id : a?.type === "text" ? "custom" : null;
};

/** How a fact is cited: publisher, «title», the year of its data, its link. */
export function citeFact(f: Fact): string {
  return [f.publisher, `«${f.title}»`, f.year === null ? f.published : String(f.year), f.url].filter(Boolean).join(", ");
}

/**
 * The network to start on. Each reason whose condition holds adds its points; where the owner already
 * has a page adds the presence points to that network. Null until the business questions are answered.
 */
export function chooseNetwork(content: Content, f: Facts, lang: Lang, mentioned: readonly string[] = []): PlanNetwork | null {
  const { networks, reasons, presence } = content.networks;
  const trade = f.answers["trade"];
  const customers = f.answers["customers"];
  if (!trade || !customers) return null;
  const score = new Map(networks.map((n) => [n.id, 0]));
  const best = new Map<string, { points: number; reason: (typeof reasons)[number] }>();
  for (const r of reasons) {
    if (!holds(r.when, f)) continue;
    // a reason's why is said of the network it gives the most points to ("Facebook is still the
    // network the most adults use" is no reason to start on Instagram, which it also gives a point)
    const top = Math.max(...Object.values(r.points));
    for (const [id, points] of Object.entries(r.points)) {
      score.set(id, (score.get(id) ?? 0) + points);
      if (points > 0 && points === top && (best.get(id)?.points ?? 0) < points) best.set(id, { points, reason: r });
    }
  }
  const already = choiceOf(f.answers, presence.step);
  const where = choiceOf(f.answers, presence.where);
  const existing = already !== null && presence.existing.includes(already) && where !== null && score.has(where) ? where : null;
  if (existing) score.set(existing, (score.get(existing) ?? 0) + (presence.points[already!] ?? 0));
  // on a tie, the page the owner already has wins (revive before opening), then the order of networks.yaml
  const ranked = networks
    .map((n, i) => ({ n, i: n.id === existing ? -1 : i, s: score.get(n.id) ?? 0 }))
    .sort((a, b) => b.s - a.s || a.i - b.i);
  const first = ranked[0]!.n;
  const second = ranked[1]?.n;
  const t = content.plan.fit.network;
  const kind: PlanNetwork["presence"] = first.id !== existing ? "open" : already === "dormant" ? "revive" : "continue";
  const reason = best.get(first.id)?.reason;
  const lead = f.hours !== undefined && f.hours < 1 && kind === "open" ? t.later : t[kind];
  const why = [fill(lead[lang], { network: first.name }, lang), reason?.why[lang]].filter(Boolean).join(" ");
  const facts: PlanFact[] = (reason?.facts[lang] ?? [])
    .map((id) => content.facts.get(id))
    .filter((x): x is Fact => x !== undefined)
    .map((x) => ({ id: x.id, text: (x.short ?? x.text)[lang], source: citeFact(x) }));
  // a second choice only when a reason speaks for it
  const altReason = second ? best.get(second.id)?.reason : undefined;
  return {
    id: first.id,
    name: first.name,
    presence: kind,
    why,
    facts,
    alternative: second && altReason ? { id: second.id, name: second.name, why: altReason.why[lang] } : null,
    // the networks the owner spoke of, other than this one: said to wait, not dropped in silence
    mentioned: mentioned.filter((id) => id !== first.id).flatMap((id) => networks.find((n) => n.id === id)?.name ?? []),
  };
}

export interface Cadence {
  postsPerWeek: number;
  postsPerMonth: number;
  listeningHoursPerWeek: number;
  hoursPerPost: number;
}

/**
 * Listening and answering first (a share of the hours, within a floor and a ceiling), then as many
 * posts as the rest allows at the network's time per post, up to its useful maximum.
 *
 * @example cadence(content, instagram, 32) // about 5 posts a week after 2.2 h of listening
 */
export function cadence(content: Content, network: Network, hoursPerMonth: number): Cadence {
  const c = content.networks.cadence;
  const perWeek = hoursPerMonth / WEEKS_PER_MONTH;
  if (perWeek <= 0) return { postsPerWeek: 0, postsPerMonth: 0, listeningHoursPerWeek: 0, hoursPerPost: network.hoursPerPost };
  const listening = Math.min(perWeek, c.listeningMaxHoursPerWeek, Math.max(c.listeningMinHoursPerWeek, perWeek * c.listeningShare));
  const postHoursPerMonth = (perWeek - listening) * WEEKS_PER_MONTH;
  const postsPerMonth = Math.min(Math.floor(postHoursPerMonth / network.hoursPerPost + 1e-9), Math.round(network.maxPostsPerWeek * WEEKS_PER_MONTH));
  const weekly = postsPerMonth / WEEKS_PER_MONTH;
  // whole posts a week from one a week on (8 a month is "2 a week"); below, the share of a week
  const postsPerWeek = Math.min(network.maxPostsPerWeek, weekly >= 1 ? Math.round(weekly) : Math.round(weekly * 100) / 100);
  return { postsPerWeek, postsPerMonth, listeningHoursPerWeek: Math.round(listening * 100) / 100, hoursPerPost: network.hoursPerPost };
}

/** What the cadence says: the posts the hours allow, what to drop, the assumption behind it. */
export function cadenceText(content: Content, network: Network, c: Cadence, lang: Lang): string {
  const t = content.plan.fit.cadence;
  if (c.postsPerMonth === 0 && c.listeningHoursPerWeek === 0) return t.none[lang];
  const listening = Math.round(c.listeningHoursPerWeek * 60);
  const vars = { network: network.name, postsPerWeek: c.postsPerWeek, postsPerMonth: c.postsPerMonth, hoursPerPost: c.hoursPerPost, listening };
  const main = fill((c.postsPerWeek >= 1 ? t.weekly : c.postsPerMonth > 0 ? t.monthly : t.listenOnly)[lang], vars, lang);
  const drop = t.drop.find((d) => c.postsPerWeek < d.below)?.text[lang];
  return [main, drop, c.postsPerMonth > 0 ? t.assumption[lang] : undefined].filter(Boolean).join(" ");
}

/** A content idea, and how the calendar names it. */
export interface PickedTheme {
  text: string;
  short: string;
}

const shortOf = (text: string) => text.split(/ \(|, | : |: /)[0]!;

/** Three to five content ideas: the trade's themes for this goal first, then its general ones, then answering (last). */
export function pickThemes(content: Content, answers: Readonly<Record<string, Answer>>, postsPerWeek: number, lang: Lang): PickedTheme[] {
  const trade = choiceOf(answers, "trade") ?? "custom";
  const goal = choiceOf(answers, "goal");
  const all = content.themes.trades[trade] ?? content.themes.trades["custom"] ?? [];
  const forGoal = all.filter((t) => goal !== null && t.goals?.includes(goal));
  const general = all.filter((t) => !t.goals);
  const max = Math.min(content.themes.max, Math.max(3, Math.ceil(postsPerWeek)));
  // then the trade's other ideas, so that there are always at least three
  const picked = [...new Set([...forGoal, ...general, ...all])].slice(0, max).map((t) => ({ text: t.text[lang], short: t.short?.[lang] ?? shortOf(t.text[lang]) }));
  return [...picked, { text: content.themes.always[lang], short: content.themes.alwaysShort[lang] }];
}

/** The numbers to watch for the goal, read on the chosen network where they are read there. */
export function pickKpis(content: Content, answers: Readonly<Record<string, Answer>>, network: Network | undefined, lang: Lang): PlanKpi[] {
  const goal = choiceOf(answers, "goal");
  if (goal === null) return [];
  const ids = content.measures.goals[goal] ?? content.measures.goals["custom"] ?? [];
  return ids.flatMap((id) => {
    const k = content.measures.kpis[id];
    if (!k) return [];
    const where = k.where === "stats" ? (network?.stats[lang] ?? "") : k.where[lang];
    return [{ id, label: k.label[lang], where, target: k.target[lang] }];
  });
}

/**
 * Four weeks: week 1 sets up and listens (by presence: open, revive, continue), weeks 2-4 post at the
 * cadence on the days of networks.yaml, the themes in turn, with a listening slot and, last, a look back.
 */
export function firstMonth(content: Content, network: PlanNetwork, c: Cadence, themes: readonly PickedTheme[], lang: Lang): PlanWeek[] {
  const cal = content.plan.fit.calendar;
  if (c.postsPerMonth === 0 && c.listeningHoursPerWeek === 0) return [];
  const day = (n: number) => ({ day: n, dayName: cal.dayNames[lang][n - 1]! });
  const vars = { network: network.name };
  const minutes = Math.max(5, Math.round((c.listeningHoursPerWeek * 60) / 5) * 5);
  const listen = fill(cal.listen[lang], { minutes }, lang);
  const setupDays = [1, 2, 4, 5, 6, 7, 3];
  const setup = cal.firstWeek.tasks[network.presence].map((t, i) => ({ ...day(setupDays[i]!), task: fill(t[lang], vars, lang) }));
  const weeks: PlanWeek[] = [{ week: 1, focus: fill(cal.firstWeek.focus[network.presence][lang], vars, lang), days: setup }];
  // posts in weeks 2-4: every week at the weekly cadence, or spread over the weeks when fewer than one a week
  const perWeek = Math.floor(c.postsPerWeek);
  const counts = [perWeek, perWeek, perWeek];
  if (perWeek === 0) for (let i = 0; i < Math.min(3, c.postsPerMonth); i++) counts[[0, 2, 1][i]!]! += 1;
  // the ideas to post, in turn (answering messages is the listening slot's work, not a post)
  const ideas = themes.slice(0, -1).length > 0 ? themes.slice(0, -1) : themes;
  let n = 0;
  for (let w = 2; w <= 4; w++) {
    const postDays = counts[w - 2]! > 0 ? (content.networks.cadence.postDays[String(Math.min(7, counts[w - 2]!))] ?? [2]) : [];
    const days = postDays.map((d) => ({ ...day(d), task: fill(cal.post[lang], { theme: ideas[n++ % ideas.length]?.short ?? "" }, lang) }));
    const used = new Set(postDays);
    const free = (prefer: number[]) => prefer.find((d) => !used.has(d)) ?? prefer[0]!;
    const listenDay = free([3, 1, 5, 2, 4, 6, 7]);
    used.add(listenDay);
    days.push({ ...day(listenDay), task: listen });
    if (w === 4) days.push({ ...day(free([5, 6, 4, 7, 3, 2, 1])), task: cal.review[lang] });
    days.sort((a, b) => a.day - b.day);
    weeks.push({ week: w, focus: fill(cal.postingFocus[lang], vars, lang), days });
  }
  return weeks;
}

/** The monthly budget split among what it can buy, in the owner's currency; empty with no budget. */
export function splitBudget(content: Content, f: Facts, currency: string | null, network: PlanNetwork | null, lang: Lang): PlanBudgetLine[] {
  const b = content.plan.fit.budget;
  const total = f.budget ?? 0;
  if (total <= 0) return [];
  const lines = b.lines.filter((l) => holds(l.when, f));
  if (lines.length === 0) return [];
  const vars = { network: network?.name ?? "" };
  const round = (x: number) => (total >= 50 ? Math.round(x / 5) * 5 : Math.round(x));
  const chosen = total < b.minimumToSplit ? [lines[0]!] : lines;
  const out: PlanBudgetLine[] = [];
  let left = total;
  chosen.forEach((l, i) => {
    const amount = i === chosen.length - 1 ? Math.round(left * 100) / 100 : Math.min(left, round(total * l.share));
    left -= amount;
    if (amount > 0) out.push({ id: l.id, label: fill(l.label[lang], vars, lang), amount, text: formatMoney(amount, currency, lang) });
  });
  return out;
}
