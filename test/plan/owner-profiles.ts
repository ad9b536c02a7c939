/**
 * Twelve owners, as the table test describes them: trades × customers × hours × budget × who
 * runs it, in French and English. Each is the answers an interview would save.
 */
import type { Answer } from "../../src/vocabulary/answers.ts";
import type { Lang } from "../../src/vocabulary/lang.ts";

const choice = (id: string): Answer => ({ type: "choice", id });
const hours = (hoursPerMonth: number): Answer => ({ type: "hours", hoursPerMonth });
const money = (amountPerMonth: number, currency: string | null = "$"): Answer => ({ type: "money", amountPerMonth, currency });

export interface OwnerProfile {
  name: string;
  lang: Lang;
  answers: Record<string, Answer>;
}

function profile(name: string, lang: Lang, a: { trade: string | { text: string }; customers: string; age?: string; goal: string | { text: string }; time: number; budget: number; currency?: string | null; skills: string; owner: string; presence: string; where?: string }): OwnerProfile {
  const pick = (x: string | { text: string }): Answer => (typeof x === "string" ? choice(x) : { type: "text", text: x.text });
  const answers: Record<string, Answer> = {
    trade: pick(a.trade),
    customers: choice(a.customers),
    goal: pick(a.goal),
    time: hours(a.time),
    budget: money(a.budget, a.currency === undefined ? "$" : a.currency),
    skills: choice(a.skills),
    owner: choice(a.owner),
    presence: choice(a.presence),
  };
  if (a.age) answers["age"] = choice(a.age);
  if (a.where) answers["where"] = choice(a.where);
  return { name, lang, answers };
}

export const PROFILES: readonly OwnerProfile[] = [
  profile("Quebec bakery", "fr", { trade: "food", customers: "local", age: "older", goal: "sales", time: 10, budget: 100, skills: "personal", owner: "self", presence: "dormant", where: "facebook" }),
  profile("accounting firm", "en", { trade: "professional", customers: "businesses", goal: "networking", time: 21.7, budget: 300, skills: "some", owner: "employee", presence: "none" }),
  profile("plumber with no time", "en", { trade: "trades", customers: "local", age: "middle", goal: "notoriety", time: 0, budget: 0, skills: "none", owner: "self", presence: "none" }),
  profile("yoga studio", "fr", { trade: "personal", customers: "local", age: "young", goal: "relations", time: 20, budget: 50, skills: "some", owner: "employee", presence: "small", where: "instagram" }),
  profile("restaurant", "en", { trade: "food", customers: "local", age: "all", goal: "promote", time: 40, budget: 500, skills: "team", owner: "employee", presence: "established", where: "facebook" }),
  profile("ceramics shop online", "fr", { trade: "online", customers: "regional", age: "young", goal: "sales", time: 6, budget: 0, skills: "personal", owner: "self", presence: "none" }),
  profile("hair salon", "en", { trade: "personal", customers: "local", age: "middle", goal: "relations", time: 8, budget: 75, skills: "personal", owner: "family", presence: "dormant", where: "instagram" }),
  profile("bike shop", "fr", { trade: "retail", customers: "local", age: "young", goal: "traffic", time: 12, budget: 150, skills: "some", owner: "intern", presence: "none" }),
  profile("garage", "fr", { trade: "trades", customers: "local", age: "older", goal: "relations", time: 4, budget: 0, skills: "none", owner: "self", presence: "none" }),
  profile("law firm hiring", "fr", { trade: "professional", customers: "businesses", goal: "talent", time: 16, budget: 200, skills: "none", owner: "agency", presence: "none" }),
  profile("dental clinic", "en", { trade: "personal", customers: "local", age: "all", goal: "notoriety", time: 1.5, budget: 0, skills: "personal", owner: "employee", presence: "none" }),
  profile("stained-glass studio", "fr", { trade: { text: "atelier de vitraux" }, customers: "mixed", age: "middle", goal: { text: "remplir mes ateliers du samedi" }, time: 30, budget: 1000, currency: "€", skills: "some", owner: "undecided", presence: "small", where: "linkedin" }),
];
