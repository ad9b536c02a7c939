/**
 * The written plan as data: what the plan builder (src/plan) produces and what replies, adapters
 * and the test mode's JSON carry.
 */
import type { Lang } from "./lang.ts";

export interface PlanRecommendation {
  id: string;
  text: string;
  /** source ids, e.g. ["001"] */
  sources: string[];
  /** the articles cited: title, author, blog */
  source: string;
}

/** A dated fact a plan line stands on, as the plan cites it. */
export interface PlanFact {
  id: string;
  text: string;
  /** publisher, title, year, link */
  source: string;
}

/** The network to start on, and why. */
export interface PlanNetwork {
  id: string;
  name: string;
  /** open a new page, revive a dormant one, or keep the one that runs */
  presence: "open" | "revive" | "continue";
  /** one sentence of why, then the facts it stands on */
  why: string;
  facts: PlanFact[];
  alternative: { id: string; name: string; why: string } | null;
  /** the other networks the owner named in the conversation (their names) */
  mentioned: string[];
}

/** A number to watch: where to read it, the value on the first day (noted by the owner), the pilot review's target. */
export interface PlanKpi {
  id: string;
  label: string;
  where: string;
  target: string;
}

/** One week of the first month: its focus and what goes on which day. */
export interface PlanWeek {
  week: number;
  focus: string;
  days: { day: number; dayName: string; task: string }[];
}

/** A share of the monthly budget, in the owner's currency. */
export interface PlanBudgetLine {
  id: string;
  label: string;
  amount: number;
  /** the amount as the owner's language writes it, with the currency */
  text: string;
}

export interface Plan {
  lang: Lang;
  /** the goal's choice id, or "custom" when kept in the owner's words */
  goal: string | null;
  goalText: string | null;
  hoursPerMonth: number | null;
  budgetPerMonth: number | null;
  currency: string | null;
  skills: string | null;
  owner: string | null;
  /** how many networks the hours allow at the full cadence */
  networks: number | null;
  /** the network to start on; null until the answers it needs are given */
  network: PlanNetwork | null;
  /** posts a week the hours allow on that network, after listening and answering (may be a fraction: 0.5 = one every two weeks) */
  postsPerWeek: number | null;
  /** hours a week kept for listening and answering */
  listeningHoursPerWeek: number | null;
  /** the cadence said in a sentence: posts the hours allow, what to drop, the assumption */
  cadenceText: string | null;
  /** content ideas for this trade and goal */
  themes: string[];
  /** two or three numbers to watch for the goal */
  kpis: PlanKpi[];
  /** the first four weeks */
  calendar: PlanWeek[];
  /** the monthly budget split among what it can really buy; empty with no budget */
  budgetSplit: PlanBudgetLine[];
  recommendations: PlanRecommendation[];
  /** the questions not answered yet (a plan shown before the end) */
  missing: string[];
}
