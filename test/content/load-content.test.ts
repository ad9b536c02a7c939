import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ContentError, DEFAULT_DIALOGS_DIR, loadContent } from "../../src/content/load.ts";

const dirs: string[] = [];
/** A copy of dialogs/ with one file edited. */
function dialogsWith(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "dialogs-"));
  dirs.push(dir);
  cpSync(DEFAULT_DIALOGS_DIR, dir, { recursive: true });
  const path = join(dir, file);
  const before = readFileSync(path, "utf8");
  const after = edit(before);
  if (after === before) throw new Error("the edit changed nothing");
  writeFileSync(path, after);
  return dir;
}
function problemsOf(dir: string): string[] {
  try {
    loadContent(dir);
  } catch (err) {
    if (err instanceof ContentError) return err.problems;
    throw err;
  }
  throw new Error("the content loaded without error");
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("dialogs/ content", () => {
  it("loads and holds every step, recommendation and rule the issues ask for", () => {
    const c = loadContent();
    // the business questions first, the five core ones, then where the business already is
    expect(c.steps.map((s) => s.id)).toEqual(["trade", "customers", "age", "goal", "time", "budget", "skills", "owner", "presence", "where"]);
    // age only for customers who are people, the network only for a business that already has a page
    expect(c.steps.filter((s) => s.askWhen).map((s) => s.id)).toEqual(["age", "where"]);
    expect(c.plan.recommendations.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        "define-objective", "time-per-network", "one-platform-first", "in-house-voice", "choose-help-carefully", "train-the-team",
        "intern-needs-guidelines", "launch-budget", "security-policy", "pilot-and-review",
      ]),
    );
    expect([...c.rules.keys()]).toEqual(
      expect.arrayContaining([
        "fad", "too-small", "too-expensive", "noise", "personal-hobby", "roi-unclear", "security", "productivity", "reputation",
        "outsourcing", "no-skills", "experts", "no-plan-needed", "management-buy-in", "website-enough",
      ]),
    );
    expect([...c.sources.keys()]).toEqual(["000", "001", "002", "003", "004"]);
  });

  it("names the file, the field and the line of an unknown placeholder", () => {
    const dir = dialogsWith("plan.yaml", (t) => t.replace("gardez-le en vue : {goal}.", "gardez-le en vue : {gaol}."));
    const [problem] = problemsOf(dir);
    expect(problem).toMatch(/^dialogs\/plan\.yaml: recommendations\.0\.variants\.0\.text\.fr: unknown placeholder \{gaol\}.*\(line \d+\)$/);
  });

  it("names a survey fact an answer cites that facts.yaml does not hold", () => {
    const dir = dialogsWith("objections.yaml", (t) => t.replace("en: [pew-2025-overall-platforms, pew-2023-youtube-facebook-age]", "en: [pew-2099-made-up, pew-2023-youtube-facebook-age]"));
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/^dialogs\/objections\.yaml: rules\.\d+\.facts\.en: no fact "pew-2099-made-up" in facts\.yaml$/)]);
  });

  it("names a missing translation", () => {
    const dir = dialogsWith("messages.yaml", (t) => t.replace(/    en: "Hello! I'm your social-media coach\.[^\n]*\n/, ""));
    expect(problemsOf(dir).join("\n")).toMatch(/dialogs\/messages\.yaml: text\.welcome\.en: .*\(line \d+\)/);
  });

  it("refuses a recommendation that cites an article that does not exist", () => {
    const dir = dialogsWith("plan.yaml", (t) => t.replace('sources: ["002"]', 'sources: ["009"]'));
    expect(problemsOf(dir)).toContainEqual(expect.stringMatching(/dialogs\/plan\.yaml: recommendations\.\d+\.sources: unknown source "009"/));
  });

  it("refuses a condition on a choice that does not exist", () => {
    const dir = dialogsWith("plan.yaml", (t) => t.replace("in: [intern, family] }", "in: [stagiaire, family] }"));
    expect(problemsOf(dir)).toContainEqual(expect.stringMatching(/step "owner" has no choice "stagiaire"/));
  });

  it("refuses an objection's plan-aware text on a step or choice that does not exist, naming objections.yaml", () => {
    const dir = dialogsWith("objections.yaml", (t) => t.replace("when: { budget: { below: 1 } }", "when: { answer: { step: owner, in: [robot] } }").replace("      - needs: [budget]\n        text:", "      - needs: [wallet]\n        text:"));
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(expect.stringMatching(/^dialogs\/objections\.yaml: rules\.\d+\.withPlan\.0\.when: step "owner" has no choice "robot"/));
    expect(problems).toContainEqual(expect.stringMatching(/^dialogs\/objections\.yaml: rules\.\d+\.withPlan\.1\.needs: unknown step "wallet"/));
  });

  it("refuses an interview without one of the five questions", () => {
    const dir = dialogsWith("interview.yaml", (t) => t.replace("  - id: budget\n", "  - id: money\n"));
    expect(problemsOf(dir)).toContainEqual(expect.stringMatching(/dialogs\/interview\.yaml: steps: the interview needs a "budget" step/));
  });

  it("reports broken YAML with the file name", () => {
    const dir = dialogsWith("objections.yaml", (t) => t.replace("threshold: 0.5", "threshold: [0.5"));
    expect(problemsOf(dir).join("\n")).toMatch(/^dialogs\/objections\.yaml: not valid YAML/);
  });

  it("refuses an objection threshold out of range", () => {
    const dir = dialogsWith("objections.yaml", (t) => t.replace("threshold: 0.5", "threshold: 5"));
    expect(problemsOf(dir).join("\n")).toMatch(/dialogs\/objections\.yaml: threshold: .*\(line \d+\)/);
  });
});
