import { describe, expect, it } from "vitest";
import { tablesAsLines } from "../../../adapters/shared/markdown-tables.ts";
import { buildPlan } from "../../../src/plan/build-plan.ts";
import { renderPlanMarkdown } from "../../../src/plan/render-markdown.ts";
import { content } from "../../helpers/content.ts";
import { PROFILES } from "../../plan/owner-profiles.ts";

describe("the plan's tables in a chat message", () => {
  it("turn into one bold heading per week and one line per day with something to do", () => {
    const md = "intro\n\n| Jour | Semaine 1 | Semaine 2 |\n|---|---|---|\n| Lundi | Créer la page |  |\n| Mardi |  | Publier : le pain |\n\nafter";
    expect(tablesAsLines(md)).toBe("intro\n\n**Semaine 1**\n- Lundi — Créer la page\n\n**Semaine 2**\n- Mardi — Publier : le pain\n\nafter");
  });

  it("leave no table row in a real plan, and keep every task of the calendar", () => {
    const p = PROFILES[0]!;
    const plan = buildPlan(content(), p.answers, p.lang);
    const chat = tablesAsLines(renderPlanMarkdown(content(), plan, p.answers));
    expect(chat).not.toMatch(/^\s*\|/m);
    for (const w of plan.calendar) for (const d of w.days) expect(chat).toContain(d.task);
  });

  it("leave text without a table as it is, pipes included", () => {
    const md = "# Plan\n\n- **Goal:** a | b\n";
    expect(tablesAsLines(md)).toBe(md);
  });
});
