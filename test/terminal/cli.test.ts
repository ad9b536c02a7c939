import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCoach, startCoach } from "../helpers/cli-process.ts";
import { tempDirs } from "../helpers/temp-dirs.ts";

const tempDir = tempDirs("coach-cli-");

type Line = { input: string | null; lang: string; step: string | null; replies: { text: string; choices: { id: string; label: string }[] }[]; done: boolean; plan: Record<string, unknown> | null; objection: string | null };

describe("npm run coach (the terminal test mode)", () => {
  it("writes the opening before reading anything, then one JSON object per input line", async () => {
    const db = tempDir();
    const { stdout, code } = await runCoach(
      ["--json", "--db", db, "--user", "ana", "--lang", "en"],
      ["#choice:goal:talent", "12 hours a month", "150 euros", "skills? we have an experienced team", "#choice:owner:employee"].join("\n") + "\n",
    );
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l) as Line);
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatchObject({ input: null, lang: "en", step: "goal", done: false, plan: null });
    expect(lines[0]!.replies[1]!.choices[9]).toEqual({ id: "goal:talent", label: "Attract new talent" });
    expect(lines.map((l) => l.step)).toEqual(["goal", "time", "budget", "skills", "owner", null]);
    expect(lines[2]!.replies[0]!.text).toBe("Noted: 12 h a month (about 2.8 h a week).");
    const last = lines[5]!;
    expect(last.done).toBe(true);
    expect(last.plan).toMatchObject({ goal: "talent", hoursPerMonth: 12, budgetPerMonth: 150, currency: "€", skills: "team", owner: "employee", networks: 0 });
    const recs = last.plan!["recommendations"] as { id: string; text: string; source: string }[];
    expect(recs.map((r) => r.id)).toContain("pilot-and-review");
    expect(recs.find((r) => r.id === "pilot-and-review")!.text).toContain("€150");
    expect(recs.every((r) => r.source.startsWith("«"))).toBe(true);

    const plan = await runCoach(["plan", "--db", db, "--user", "ana"]);
    expect(plan.stdout).toContain("# Your social-media plan");
    expect(plan.stdout).toContain("- **Goal:** Attract new talent");
    const out = join(db, "plan.md");
    const written = await runCoach(["plan", "--db", db, "--user", "ana", "--out", out]);
    expect(written.code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(plan.stdout);
  }, 30_000);

  it("resumes at the same question after the process is killed (SIGKILL) mid-interview", async () => {
    const db = tempDir();
    const first = startCoach(["--json", "--db", db, "--user", "kim"]);
    expect((await first.next())["step"]).toBe("goal");
    first.send("je veux vendre plus");
    expect((await first.next())["step"]).toBe("time");
    first.send("2 jours par mois");
    expect((await first.next())["step"]).toBe("budget");
    first.child.kill("SIGKILL");
    await first.exited;

    const second = startCoach(["--json", "--db", db, "--user", "kim"]);
    const opening = (await second.next()) as unknown as Line;
    expect(opening.step).toBe("budget");
    expect(opening.replies[0]!.text).toContain("On reprend là où on s'était arrêtés, à la question 3 sur 5");
    second.send("aucun");
    const next = (await second.next()) as unknown as Line;
    expect(next.step).toBe("skills");
    second.child.stdin.end();
    expect(await second.exited).toBe(0);
  }, 30_000);

  it("answers one-shot questions in ask mode, as JSON", async () => {
    const { stdout, code } = await runCoach(["ask", "--json"], "isn't social media just a fad?\nbonjour\nça coûte trop cher un employé dédié\n");
    expect(code).toBe(0);
    const rows = stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((r) => [r["objection"], r["lang"]])).toEqual([["fad", "en"], [null, "fr"], ["too-expensive", "fr"]]);
    expect(rows[0]!["text"]).toContain("Social media are no longer a novelty");
    expect(rows[0]!["source"]).toContain("«Instruire une entreprise aux médias sociaux?», À la base 2");
    expect(rows[1]!["text"]).toContain("Voici les doutes dont je peux vous parler");
    expect(rows[2]!["confidence"]).toBeGreaterThanOrEqual(0.5);
  }, 30_000);

  it("says what works when an option is wrong", async () => {
    const bad = await runCoach(["--lang", "de"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--lang must be fr or en");
    const noUser = await runCoach(["plan"]);
    expect(noUser.stderr).toContain("plan needs --user ID");
  }, 30_000);
});
