import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCoach, startCoach } from "../helpers/cli-process.ts";
import { content } from "../helpers/content.ts";
import { tempDirs } from "../helpers/temp-dirs.ts";

const tempDir = tempDirs("coach-cli-");

type Line = {
  input: string | null; lang: string; step: string | null; mode: string; replies: { text: string; choices: { id: string; label: string }[] }[];
  answers: Record<string, unknown>; done: boolean; plan: Record<string, unknown> | null; objection: string | null;
};
type AskLine = { input: string; lang: string; objection: string | null; confidence: number; text: string; source: string | null; choices: { id: string; label: string }[] };

describe("npm run coach (the terminal test mode)", () => {
  it("writes the opening before reading anything, then one JSON object per input line", async () => {
    const db = tempDir();
    const { stdout, code } = await runCoach(
      ["--json", "--db", db, "--user", "ana", "--lang", "en"],
      [
        "#choice:pick:trade:professional", "#choice:pick:customers:businesses",
        "#choice:goal:talent", "12 hours a month", "150 euros", "skills? we have an experienced team", "#choice:owner:employee",
        "#choice:pick:presence:none",
      ].join("\n") + "\n",
    );
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l) as Line);
    expect(lines).toHaveLength(9);
    expect(lines[0]).toMatchObject({ input: null, lang: "en", step: "trade", done: false, plan: null });
    expect(lines[0]!.replies[1]!.choices[0]).toEqual({ id: "pick:trade:food", label: "Food: restaurant, café, bakery" });
    expect(lines[2]!.replies[1]!.choices[9]).toEqual({ id: "pick:goal:talent", label: "Attract new talent" });
    // businesses have no age: that question is skipped
    expect(lines.map((l) => l.step)).toEqual(["trade", "customers", "goal", "time", "budget", "skills", "owner", "presence", null]);
    expect(lines[4]!.replies[0]!.text).toBe("Noted: 12 h a month (about 2.8 h a week).");
    const last = lines[8]!;
    expect(last.done).toBe(true);
    expect(last.plan).toMatchObject({ goal: "talent", hoursPerMonth: 12, budgetPerMonth: 150, currency: "€", skills: "team", owner: "employee", networks: 0 });
    const recs = last.plan!["recommendations"] as { id: string; text: string; source: string }[];
    expect(recs.map((r) => r.id)).toContain("pilot-and-review");
    expect(recs.find((r) => r.id === "pilot-and-review")!.text).toContain("€150");
    expect(recs.every((r) => r.source.startsWith("«"))).toBe(true);

    const plan = await runCoach(["plan", "--db", db, "--user", "ana"]);
    expect(plan.stdout).toContain("# Your social-media plan");
    expect(plan.stdout).toContain("- **Goal:** Attract new talent");
    expect(plan.stdout).toContain("- **Customers:** Other businesses");
    expect(plan.stdout).toContain("## Where to start");
    expect(plan.stdout).toContain("Start on LinkedIn");
    const out = join(db, "plan.md");
    const written = await runCoach(["plan", "--db", db, "--user", "ana", "--out", out]);
    expect(written.code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(plan.stdout);
  });

  it("resumes at the same question after the process is killed (SIGKILL) mid-interview", async () => {
    const db = tempDir();
    const first = startCoach(["--json", "--db", db, "--user", "kim"]);
    expect((await first.next())["step"]).toBe("trade");
    first.send("boulangerie");
    expect((await first.next())["step"]).toBe("customers");
    first.send("des gens du coin");
    expect((await first.next())["step"]).toBe("age");
    first.send("tous les âges");
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
    expect(opening.replies[0]!.text).toContain("On reprend là où on s'était arrêtés, à la question 6 sur 9");
    second.send("aucun");
    const next = (await second.next()) as unknown as Line;
    expect(next.step).toBe("skills");
    second.child.stdin.end();
    expect(await second.exited).toBe(0);
  });

  it("answers one-shot questions in ask mode, as JSON, with the topics the text offers as choices", async () => {
    const { stdout, code } = await runCoach(
      ["ask", "--json"],
      "isn't social media just a fad?\nbonjour\nça coûte trop cher un employé dédié\nis it too expensive and just a fad\n",
    );
    expect(code).toBe(0);
    const rows = stdout.trim().split("\n").map((l) => JSON.parse(l) as AskLine);
    expect(rows.map((r) => [r.objection, r.lang])).toEqual([["fad", "en"], [null, "fr"], ["too-expensive", "fr"], [null, "en"]]);

    const [fad, unknown, expensive, ambiguous] = rows as [AskLine, AskLine, AskLine, AskLine];
    // a matched rule: its answer, its sources, and its related topics as choices
    expect(fad.text).toContain("Social media are no longer a novelty");
    expect(fad.text).toMatch(/Would you like to hear about a related topic\?$/);
    expect(fad.source).toContain("«Instruire une entreprise aux médias sociaux?», À la base 2");
    expect(fad.choices).toEqual([
      { id: "topic:roi-unclear", label: "The return can't be measured" },
      { id: "topic:reputation", label: "We may be criticised in public" },
    ]);
    expect(expensive.confidence).toBeGreaterThanOrEqual(0.5);
    expect(expensive.source).toContain("«Un employé pour gérer les médias-sociaux ?», Alexandre Poitras");
    // nothing matched: every topic, in the question's language
    expect(unknown.text).toBe("Je ne suis pas sûr de comprendre. De quel doute voulez-vous que je vous parle ?");
    expect(unknown.source).toBeNull();
    expect(unknown.choices.map((c) => c.id)).toEqual(content().objections.rules.map((r) => `topic:${r.id}`));
    expect(unknown.choices[0]).toEqual({ id: "topic:fad", label: "C'est juste une mode" });
    // two rules about as likely: both, to pick from
    expect(ambiguous.text).toBe("Your message touches on more than one topic. Which one did you mean?");
    expect(ambiguous.source).toBeNull();
    expect(ambiguous.choices).toEqual([
      { id: "topic:fad", label: "It's just a fad" },
      { id: "topic:too-expensive", label: "A dedicated employee costs too much" },
    ]);
  });

  it("takes the question from the words after ask, answers in the --lang language, and numbers the topics in text mode", async () => {
    const [json, text, unknown] = await Promise.all([
      runCoach(["ask", "--json", "--lang", "en", "c'est", "juste", "une", "mode"]),
      runCoach(["ask", "is", "it", "too", "expensive", "and", "just", "a", "fad"]),
      runCoach(["ask", "--lang", "en", "bonjour"]),
    ]);
    expect([json.code, text.code, unknown.code]).toEqual([0, 0, 0]);

    const row = JSON.parse(json.stdout) as AskLine;
    expect(row).toMatchObject({ input: "c'est juste une mode", lang: "en", objection: "fad" });
    expect(row.text).toContain("Social media are no longer a novelty");
    expect(row.choices.map((c) => c.label)).toEqual(["The return can't be measured", "We may be criticised in public"]);

    expect(text.stdout).toBe(
      "Your message touches on more than one topic. Which one did you mean?\n  1. It's just a fad\n  2. A dedicated employee costs too much\n\n",
    );
    expect(unknown.stdout).toContain("I'm not sure I follow. Which of these doubts would you like me to talk about?\n  1. It's just a fad\n  2. We're too small, no time\n");
    const last = content().objections.rules.at(-1)!;
    expect(unknown.stdout).toContain(`  ${content().objections.rules.length}. ${last.topic.en}\n`);
  });

  it("names the objection answered mid-interview in chat --json, and stays on the same question", async () => {
    const { stdout, code } = await runCoach(
      ["--json", "--db", tempDir(), "--user", "lou", "--lang", "en"],
      ["#choice:pick:trade:food", "#choice:pick:customers:local", "#choice:pick:age:all", "#choice:goal:sales", "isn't social media just a fad?", "10 hours a month"].join("\n") + "\n",
    );
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l) as Line);
    expect(lines.map((l) => [l.step, l.objection])).toEqual([["trade", null], ["customers", null], ["age", null], ["goal", null], ["time", null], ["time", "fad"], ["budget", null]]);
    const objection = lines[5]!;
    expect(objection.input).toBe("isn't social media just a fad?");
    const said = objection.replies.map((r) => r.text).join("\n\n");
    expect(said).toContain("Social media are no longer a novelty");
    expect(said).toContain("Source: «Question No 1: Le budget");
    expect(said).toContain("(5/9) How many hours a month");
    expect(lines[6]!.replies[0]!.text).toBe("Noted: 10 h a month (about 2.3 h a week).");
  });

  it("shows in each --json line the answers saved so far; a reading waiting for a yes is not among them", async () => {
    const { stdout, code } = await runCoach(
      ["--json", "--db", tempDir(), "--user", "max"],
      [
        "#choice:pick:trade:retail", "#choice:pick:customers:mixed", "#choice:pick:age:older",
        "#choice:pick:goal:sales", "ptete une heure ou deux le soir apres la fermeture", "oui", "wait, for the budget... no, 50 $ par mois", "jai dit une heure ou deux PAR SEMAINE",
      ].join("\n") + "\n",
    );
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l) as Line);
    const trade = { type: "choice", id: "retail" };
    const customers = { type: "choice", id: "mixed" };
    const age = { type: "choice", id: "older" };
    const biz = { trade, customers, age };
    expect(lines.map((l) => l.answers)).toEqual([
      {},
      { trade },
      { trade, customers },
      biz,
      { ...biz, goal: { type: "choice", id: "sales" } },
      // "le soir": read as every evening, but confirmed before it is saved
      { ...biz, goal: { type: "choice", id: "sales" } },
      { ...biz, goal: { type: "choice", id: "sales" }, time: { type: "hours", hoursPerMonth: 32.6, given: { amount: 1.5, per: "day" } } },
      { ...biz, goal: { type: "choice", id: "sales" }, time: { type: "hours", hoursPerMonth: 32.6, given: { amount: 1.5, per: "day" } }, budget: { type: "money", amountPerMonth: 50, currency: "$" } },
      expect.anything(),
    ]);
    expect(lines[5]!.mode).toBe("confirming(time) / asking(time)");
    expect(lines[5]!.replies.at(-1)!.choices.map((c) => c.id)).toEqual(["confirm:time:yes", "confirm:time:no"]);
    // a correction of the time: "par semaine" instead of every evening, said back before it changes
    const last = lines[8]!;
    expect(last.mode).toBe("confirming(time) / asking(skills)");
    expect(last.replies.map((r) => r.text).join("\n")).toContain("Voulez-vous changer votre temps : 32,6 h par mois (environ 7,5 h par semaine) → 6,5 h par mois");
  });

  it("says what works when an option is wrong", async () => {
    const bad = await runCoach(["--lang", "de"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--lang must be fr or en");
    const noUser = await runCoach(["plan"]);
    expect(noUser.stderr).toContain("plan needs --user ID");
  });
});
