import { describe, expect, it } from "vitest";
import type { Input } from "../../src/engine/replies.ts";
import { SessionState } from "../../src/engine/state.ts";
import { step } from "../../src/engine/step.ts";
import { content, FIXED_NOW } from "../helpers/content.ts";

/** Runs inputs through the pure step function only, starting from no state. */
function run(inputs: Input[]) {
  let state: SessionState | undefined;
  const results = [];
  for (const input of inputs) {
    const r = step(state, input, content(), FIXED_NOW);
    state = r.state;
    results.push(r);
  }
  return { state: state!, results, last: results[results.length - 1]! };
}
const text = (t: string): Input => ({ type: "text", text: t });

describe("step", () => {
  it("opens with a welcome and the first question, its choices as buttons", () => {
    const { last } = run([{ type: "open" }]);
    expect(last.state.pending).toBe("goal");
    const q = last.replies.find((r) => r.kind === "question");
    expect(q?.kind === "question" && q.choices.map((c) => c.id)).toContain("goal:sales");
    expect(q?.kind === "question" && q.choices).toHaveLength(10);
  });

  it("is deterministic and never mutates the state it is given", () => {
    const { state } = run([{ type: "open" }, text("1"), text("10 h")]);
    const frozen = structuredClone(state);
    const a = step(state, text("200 $"), content(), FIXED_NOW);
    const b = step(state, text("200 $"), content(), FIXED_NOW);
    expect(a).toEqual(b);
    expect(state).toEqual(frozen);
    expect(a.state.answers["budget"]).toEqual({ type: "money", amountPerMonth: 200, currency: "$" });
  });

  it("keeps state that survives a JSON round trip and gives the same next turn", () => {
    const { state } = run([{ type: "open" }, text("je veux recruter"), text("3 jours par mois")]);
    const revived = SessionState.parse(JSON.parse(JSON.stringify(state)));
    expect(revived).toEqual(state);
    expect(step(revived, text("aucun"), content(), FIXED_NOW)).toEqual(step(state, text("aucun"), content(), FIXED_NOW));
  });

  it("reads a typed number, a label and keywords for a choice", () => {
    for (const [t, id] of [["4", "promote"], ["Suivre la concurrence", "competitors"], ["surveiller nos concurrents", "competitors"], ["we want to hire people", "talent"]] as const) {
      const { state } = run([{ type: "open" }, text(t)]);
      expect(state.answers["goal"], t).toEqual({ type: "choice", id });
    }
  });

  it("re-asks with the forms that work and keeps every earlier answer", () => {
    const { last } = run([{ type: "open" }, text("2"), text("beaucoup")]);
    expect(last.state.pending).toBe("time");
    expect(last.state.answers).toEqual({ goal: { type: "choice", id: "sales" } });
    const q = last.replies[0];
    expect(q?.kind).toBe("question");
    expect(q?.text).toContain("« 2 jours par mois »");
  });

  it("says a message is too long instead of reading it, and keeps the question", () => {
    const { last } = run([{ type: "open" }, text("x".repeat(5000))]);
    expect(last.replies[0]?.text).toContain("plus de 2 000 caractères");
    expect(last.state.pending).toBe("goal");
  });

  it("asks for a number again when the message has only emoji or spaces", () => {
    const { last } = run([{ type: "open" }, text("1"), text("🙂🙂")]);
    expect(last.state.pending).toBe("time");
    expect(last.replies[0]?.text).toContain("Je n'ai pas pu lire un nombre d'heures");
  });

  it("asks to confirm forget me, then asks the coordinator to delete everything", () => {
    const asked = run([{ type: "open" }, text("1"), text("forget me")]).last;
    expect(asked.effects).toEqual([]);
    expect(asked.replies[0]?.kind === "text" && asked.replies[0].choices.map((c) => c.id)).toEqual(["confirm:yes", "confirm:no"]);
    const done = run([{ type: "open" }, text("1"), text("forget me"), { type: "choice", id: "confirm:yes" }]).last;
    expect(done.effects).toEqual([{ type: "forget-user" }]);
  });

  it("takes the language of a platform locale and keeps it", () => {
    const { last } = run([{ type: "open", locale: "en" }, text("je veux plus de clients")]);
    expect(last.state.lang).toBe("en");
    expect(last.replies[0]?.text).toBe("Got it. Your goal: Grow sales.");
  });

  /** The inputs that lead to a question, answered with the first choice or a figure. */
  const upTo = { goal: [], time: ["1"], budget: ["1", "10 h"], skills: ["1", "10 h", "100 $"], owner: ["1", "10 h", "100 $", "1"] } as const;
  const at = (id: keyof typeof upTo, t: string) => run([{ type: "open" }, ...upTo[id].map(text), text(t)]).last;

  it("answers a message that names a choice only to object to it, asks again and saves nothing", () => {
    const cases = [
      ["goal", "notre site web suffit, pourquoi aller sur facebook?", "website-enough"],
      ["goal", "our website is enough", "website-enough"],
      ["skills", "tout le monde se dit expert, à qui faire confiance?", "experts"],
      ["skills", "everyone claims to be an expert, who can we trust?", "experts"],
      ["owner", "mes employés vont perdre leur temps", "productivity"],
      ["owner", "my employee will waste time on facebook", "productivity"],
    ] as const;
    for (const [id, t, objection] of cases) {
      const last = at(id, t);
      expect(last.objection?.id, t).toBe(objection);
      expect(last.state.answers[id], t).toBeUndefined();
      expect(last.state.pending, t).toBe(id);
      const question = last.replies.at(-1);
      expect(question?.kind === "question" && question.step, t).toBe(id);
    }
  });

  it("keeps plain answers, and answers whose concern is about something else or is the answer itself", () => {
    const cases = [
      ["goal", "1", "notoriety", null],
      ["goal", "Développer les ventes", "sales", null],
      ["goal", "je veux plus de clients", "sales", null],
      ["goal", "fidéliser mes clients", "relations", null],
      ["goal", "more bookings", "sales", null],
      ["goal", "get my name out there", "notoriety", null],
      ["owner", "moi", "self", null],
      ["owner", "me", "self", null],
      ["owner", "Me!", "self", null],
      ["owner", "le patron", "self", null],
      ["owner", "un stagiaire", "intern", null],
      ["owner", "the intern", "intern", null],
      ["owner", "we'll let the intern handle it", "intern", "no-skills"],
      ["owner", "une agence, mais ça coûte cher", "agency", "too-expensive"],
      ["skills", "nobody here knows how to do this", "none", "no-skills"],
      ["skills", "aucune, personne ne sait comment faire", "none", "no-skills"],
      // who runs it, as owners say it: with a spouse or a partner, someone to hire, nobody yet
      ["owner", "moi et ma femme", "self", "too-small"],
      ["owner", "mon associé", "self", null],
      ["owner", "my business partner", "self", null],
      ["owner", "we'll hire someone", "employee", "too-expensive"],
      ["owner", "our office manager", "employee", null],
      ["owner", "personne pour l'instant", "undecided", "too-small"],
      ["owner", "je sais pas", "undecided", null],
      // skills, as owners say them
      ["skills", "pas vraiment", "none", null],
      ["skills", "not really", "none", null],
      ["skills", "j'utilise instagram pour moi", "personal", null],
      ["skills", "i use facebook personally", "personal", "personal-hobby"],
      ["skills", "we post on facebook sometimes", "some", null],
      ["skills", "assez bonnes", "some", null],
      ["skills", "pretty good actually", "some", null],
      ["skills", "on a déjà un gars qui fait notre marketing", "team", null],
    ] as const;
    for (const [id, t, choice, concern] of cases) {
      const last = at(id, t);
      expect(last.state.answers[id], t).toEqual({ type: "choice", id: choice });
      expect(last.objection?.id ?? null, t).toBe(concern);
    }
    // a number is an answer to the time question, whatever concern comes with it
    const time = at("time", "on n'a pas le temps, peut-être 2 heures par semaine");
    expect(time.state.answers["time"]).toMatchObject({ type: "hours" });
    expect(time.objection?.id).toBe("too-small");
  });

  it("answers a short English message in English when only its keywords tell the language", () => {
    for (const t of ["hackers", "securty risks, viruses", "its mostly garbage"]) {
      const { last } = run([{ type: "open" }, text(t)]);
      expect(last.state.lang, t).toBe("en");
      expect(last.replies.at(-1)?.text, t).toContain("Back to our question:\n(1/5) What is your main goal");
      // the very first message, before anything was asked, too
      const first = step(undefined, text(t), content(), FIXED_NOW);
      expect(first.state.lang, t).toBe("en");
      expect(first.replies.at(-1)?.text, t).toContain("(1/5) What is your main goal");
    }
    expect(run([{ type: "open" }, text("les hackers")]).last.state.lang).toBe("fr");
  });
});
