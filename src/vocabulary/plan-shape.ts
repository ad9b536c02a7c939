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
  recommendations: PlanRecommendation[];
  /** the questions not answered yet (a plan shown before the end) */
  missing: string[];
}
