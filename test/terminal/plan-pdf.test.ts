/**
 * `npm run coach -- plan --out plan.pdf`: the plan as a one-page PDF a person can open, and
 * `plan --json`: the plan as data, with the parts fitted to the business.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCoach } from "../helpers/cli-process.ts";
import { readPdfFile } from "../helpers/pdf-reader.ts";
import { tempDirs } from "../helpers/temp-dirs.ts";

const tempDir = tempDirs("coach-plan-pdf-");

/** The two sample interviews, one answer a line. */
const INTERVIEWS = {
  en: ["accounting firm", "other businesses", "get more clients", "5 hours a week", "300 a month", "some experience", "an employee", "nowhere yet"],
  fr: ["boulangerie", "gens du coin", "plus de 55 ans", "vendre plus", "10 h par mois", "100 $ par mois", "usage perso", "moi", "une page qu'on anime plus", "facebook"],
} as const;

type PlanJson = {
  lang: string;
  network: { name: string; presence: string } | null;
  postsPerWeek: number | null;
  themes: string[];
  kpis: { label: string }[];
  calendar: { week: number; days: { dayName: string; task: string }[] }[];
};

/** Runs the interview in a fresh data folder; returns the folder. */
async function interview(lang: keyof typeof INTERVIEWS, user: string): Promise<string> {
  const db = tempDir();
  const { stdout, code } = await runCoach(["--json", "--db", db, "--user", user, "--lang", lang], INTERVIEWS[lang].join("\n") + "\n");
  expect(code).toBe(0);
  const last = JSON.parse(stdout.trim().split("\n").pop()!) as { done: boolean };
  expect(last.done).toBe(true);
  return db;
}

describe("npm run coach -- plan (the plan as a document)", () => {
  it.each([
    ["en", "LinkedIn", "612 x 792", "Week 1"],
    ["fr", "Facebook", "595.28 x 841.89", "Semaine 1"],
  ] as const)("%s: --out plan.pdf writes a one-page PDF, --json prints the plan as data", async (lang, network, pageSize, week) => {
    const db = await interview(lang, "ana");
    const out = join(db, "plan.pdf");
    const markdown = join(db, "plan.md");
    // one after the other: one coach process at a time on a data folder (a second one is refused)
    const written = await runCoach(["plan", "--db", db, "--user", "ana", "--out", out]);
    const json = await runCoach(["plan", "--db", db, "--user", "ana", "--json"]);
    const md = await runCoach(["plan", "--db", db, "--user", "ana", "--out", markdown]);
    expect([written.code, json.code, md.code]).toEqual([0, 0, 0]);
    expect(written.stdout).toBe("");
    expect(written.stderr).toContain(`Plan written to ${out}`);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(bytes.subarray(-6).toString("latin1")).toMatch(/%%EOF\s*$/);
    const pdf = readPdfFile(out);
    expect(pdf.pages).toBe(1);
    expect(pdf.pageSize).toBe(pageSize);
    expect(pdf.text).toContain(network);
    expect(pdf.text).toContain(week);

    const plan = JSON.parse(json.stdout) as PlanJson;
    expect(plan.lang).toBe(lang);
    expect(plan.network?.name).toBe(network);
    expect(plan.postsPerWeek).toBeGreaterThan(0);
    expect(plan.themes.length).toBeGreaterThanOrEqual(3);
    expect(plan.kpis.length).toBeGreaterThanOrEqual(2);
    expect(plan.calendar.map((w) => w.week)).toEqual([1, 2, 3, 4]);
    // the same plan as the PDF's
    for (const t of plan.themes) expect(pdf.text).toContain(t.replace(/\s+/g, " "));
    for (const k of plan.kpis) expect(pdf.text).toContain(k.label);
    // any other name still gets the Markdown
    expect(readFileSync(markdown, "utf8")).toMatch(/^# (Your social-media plan|Votre plan médias sociaux)\n/);
  }, 90_000);

  it("writes no file for a user with no plan", async () => {
    const db = tempDir();
    const missing = join(db, "nobody.pdf");
    const unknown = await runCoach(["plan", "--db", db, "--user", "nobody", "--out", missing]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No plan for user "nobody"');
    expect(existsSync(missing)).toBe(false);
  }, 30_000);
});
