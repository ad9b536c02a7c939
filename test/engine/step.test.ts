import { describe, expect, it } from "vitest";
import { POLICY } from "../../src/engine/policy.ts";
import { baseOf, printMode, SessionState } from "../../src/engine/state.ts";
import { step, type StepResult } from "../../src/engine/step.ts";
import type { Input } from "../../src/vocabulary/inputs.ts";
import { content, FIXED_NOW } from "../helpers/content.ts";
import { aboutBusiness, noPage, open, press, say } from "../helpers/inputs.ts";
import { runSteps } from "../helpers/run-steps.ts";

const run = runSteps;
const text = say;
const doubtOf = (r: StepResult) => r.events.flatMap((e) => (e.kind === "doubt" ? [e.rule] : []))[0] ?? null;
const all = (r: StepResult) => r.replies.map((x) => x.text).join("\n");

/** The business questions answered by their buttons (a bakery-type trade, local customers of all ages), and those answers. */
const biz = aboutBusiness();
const bizAnswers = { trade: { type: "choice", id: "food" }, customers: { type: "choice", id: "local" }, age: { type: "choice", id: "all" } };
/** The inputs that lead to a question of the five core ones, after the business questions: the first choice or a figure. */
const upTo = { goal: [], time: ["1"], budget: ["1", "10 h"], skills: ["1", "10 h", "100 $"], owner: ["1", "10 h", "100 $", "1"] } as const;
const at = (id: keyof typeof upTo, t: string, locale?: "fr" | "en") => run([open(locale), ...biz, ...upTo[id].map((x) => text(x)), text(t, locale)]).last;
/** After the plan: the business, goal sales, 7 h a month, $75, personal use, the owner, no page yet. */
const donePlan = [open(), ...biz, press("pick:goal:sales"), text("7 h par mois"), text("75 $"), press("pick:skills:personal"), press("pick:owner:self"), noPage()];
const afterPlan = (...more: Input[]) => run([...donePlan, ...more]);

describe("step", () => {
  it("opens with a welcome and the first question, its choices as buttons that pick them", () => {
    const { last } = run([open()]);
    expect(printMode(last.state.mode)).toBe("asking(trade)");
    const q = last.replies.find((r) => r.kind === "question");
    expect(q?.kind === "question" && q.choices.map((c) => c.action)).toContainEqual({ kind: "pick", step: "trade", choice: "food" });
    expect(q?.kind === "question" && q.choices).toHaveLength(6);
    expect(q?.kind === "question" && q.controls).toEqual([]); // no "back" on the first question
    // the goal, after the business questions, with its ten choices as buttons
    const goal = run([open(), ...biz]).last;
    expect(printMode(goal.state.mode)).toBe("asking(goal)");
    const g = goal.replies.find((r) => r.kind === "question");
    expect(g?.kind === "question" && g.choices.map((c) => c.action)).toContainEqual({ kind: "pick", step: "goal", choice: "sales" });
    expect(g?.kind === "question" && g.choices).toHaveLength(10);
  });

  it("is deterministic and never mutates the state it is given", () => {
    const { state } = run([open(), ...biz, text("1"), text("10 h")]);
    const frozen = structuredClone(state);
    const a = step(state, text("200 $"), content(), FIXED_NOW);
    const b = step(state, text("200 $"), content(), FIXED_NOW);
    expect(a).toEqual(b);
    expect(state).toEqual(frozen);
    expect(a.state.answers["budget"]).toEqual({ type: "money", amountPerMonth: 200, currency: "$" });
  });

  it("keeps state that survives a JSON round trip and gives the same next turn, in every mode", () => {
    const states = [
      run([open(), ...biz, text("je veux recruter"), text("3 jours par mois")]).state,
      run([open(), ...biz, text("1"), text("une heure ou deux le soir après la fermeture")]).state, // confirming
      run([open(), ...biz, text("1"), text("recommencer")]).state, // confirmingCommand
      afterPlan(text("c'est juste une mode")).state, // choosingTopic over done
    ];
    expect(states.map((s) => s.mode.is)).toEqual(["asking", "confirming", "confirmingCommand", "choosingTopic"]);
    for (const state of states) {
      const revived = SessionState.parse(JSON.parse(JSON.stringify(state)));
      expect(revived).toEqual(state);
      expect(step(revived, text("oui"), content(), FIXED_NOW)).toEqual(step(state, text("oui"), content(), FIXED_NOW));
    }
  });

  it("reads a typed number, a label and keywords for a choice", () => {
    for (const [t, id] of [["4", "promote"], ["Suivre la concurrence", "competitors"], ["surveiller nos concurrents", "competitors"], ["we want to hire people", "talent"]] as const) {
      const { state } = run([open(), ...biz, text(t)]);
      expect(state.answers["goal"], t).toEqual({ type: "choice", id });
    }
  });

  it("re-asks with the forms that work and keeps every earlier answer", () => {
    const { last } = run([open(), ...biz, text("2"), text("beaucoup")]);
    expect(printMode(last.state.mode)).toBe("asking(time)");
    expect(last.state.answers).toEqual({ ...bizAnswers, goal: { type: "choice", id: "sales" } });
    const q = last.replies[0];
    expect(q?.kind).toBe("question");
    expect(q?.text).toContain("« 2 jours par mois »");
  });

  it("says a message is too long instead of reading it, and keeps the question", () => {
    const { last } = run([open(), text("x".repeat(5000))]);
    expect(last.replies[0]?.text).toContain("plus de 2 000 caractères");
    expect(printMode(last.state.mode)).toBe("asking(trade)");
  });

  it("answers emoji alone with a smile and asks the question again", () => {
    const { last } = run([open(), ...biz, text("1"), text("🙂🙂")]);
    expect(printMode(last.state.mode)).toBe("asking(time)");
    expect(last.replies[0]?.text).toMatch(/^😄\n\(5\/9\) Combien d'heures/);
  });

  it("asks to confirm forget me, then asks the coordinator to delete everything", () => {
    const asked = run([open(), text("1"), text("forget me")]).last;
    expect(asked.effects).toEqual([]);
    expect(asked.replies[0]?.kind === "text" && asked.replies[0].choices.map((c) => c.action)).toEqual([
      { kind: "confirm", about: "forget", yes: true },
      { kind: "confirm", about: "forget", yes: false },
    ]);
    const done = run([open(), text("1"), text("forget me"), press("confirm:forget:yes")]).last;
    expect(done.effects).toEqual([{ kind: "forget-user" }]);
    // a yes button of another confirmation is stale, not a yes to this one
    const stale = run([open(), text("1"), text("forget me"), press("confirm:restart:yes")]).last;
    expect(stale.effects).toEqual([]);
  });

  it("takes the language of a platform locale and keeps it", () => {
    const { last } = run([open("en"), ...aboutBusiness({}, "en"), text("je veux plus de clients")]);
    expect(last.state.lang).toBe("en");
    expect(last.replies[0]?.text).toBe("Got it. Your goal: Grow sales.");
  });

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
      expect(doubtOf(last), t).toBe(objection);
      expect(last.state.answers[id], t).toBeUndefined();
      expect(printMode(last.state.mode), t).toBe(`asking(${id})`);
      const question = last.replies.at(-1);
      expect(question?.kind === "question" && question.step, t).toBe(id);
    }
  });

  it("keeps plain answers at once, and answers a doubt beside one only when it is really voiced", () => {
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
      ["owner", "une agence, mais ça coûte cher", "agency", "too-expensive"],
      // the doubt is the answer itself: only the answer
      ["skills", "nobody here knows how to do this", "none", null],
      // who runs it, as owners say it: with a spouse or a partner, someone to hire, a family member, nobody yet
      ["owner", "moi et ma femme", "self", null],
      ["owner", "mon associé", "self", null],
      ["owner", "my business partner", "self", null],
      ["owner", "we'll hire someone", "employee", null],
      ["owner", "our office manager", "employee", null],
      ["owner", "ma fille Jessica", "family", null],
      ["owner", "Nick, my nephew", "family", null],
      ["owner", "un de mes mécanos", "employee", null],
      ["owner", "me I guess", "self", null],
      ["owner", "personne pour l'instant", "undecided", null],
      ["owner", "je sais pas", "undecided", null],
      // skills, as owners say them
      ["skills", "pas vraiment", "none", null],
      ["skills", "not really", "none", null],
      ["skills", "j'utilise instagram pour moi", "personal", null],
      ["skills", "we post on facebook sometimes", "some", null],
      ["skills", "assez bonnes", "some", null],
      ["skills", "pretty good actually", "some", null],
    ] as const;
    for (const [id, t, choice, concern] of cases) {
      const last = at(id, t);
      expect(last.state.answers[id], t).toEqual({ type: "choice", id: choice });
      expect(doubtOf(last), t).toBe(concern);
    }
    // words of two choices ("we'll hire" is an employee's, "a freelancer" an agency's): the right reading, said back to confirm
    for (const t of ["we'll hire a freelancer", "on va engager une agence"]) {
      const last = at("owner", t);
      expect(last.state.answers["owner"], t).toBeUndefined();
      expect(last.state.mode.is === "confirming" && last.state.mode.reading, t).toEqual({ type: "choice", id: "agency" });
      expect(doubtOf(last), t).toBeNull();
    }
    // a word of a doubt inside an answer is not a doubt: "tiktok", "temps", "patron"
    for (const [id, t, choice] of [["owner", "mon apprenti il passe sa vie sur tiktok 😂", "employee"], ["owner", "elle travaille au comptoir les fins de semaine fak une employée", "employee"]] as const) {
      const last = at(id, t);
      expect(doubtOf(last), t).toBeNull();
      const saved = last.state.answers[id] ?? (last.state.mode.is === "confirming" ? last.state.mode.reading : undefined);
      expect(saved, t).toEqual({ type: "choice", id: choice });
    }
    // a figure is an answer to the time question, whatever concern comes with it
    const time = at("time", "on n'a pas le temps, peut-être 2 heures par semaine");
    expect(time.state.answers["time"]).toMatchObject({ type: "hours", hoursPerMonth: 8.7 });
    expect(doubtOf(time)).toBe("too-small");
  });

  it("answers a short English message in English when only its keywords tell the language", () => {
    for (const t of ["hackers", "securty risks, viruses", "its mostly garbage"]) {
      const { last } = run([open(), text(t)]);
      expect(last.state.lang, t).toBe("en");
      expect(last.replies.at(-1)?.text, t).toContain("Back to our question:\n(1/9) First, your business: what do you do?");
      // the very first message, before anything was asked, too
      const first = step(undefined, text(t), content(), FIXED_NOW);
      expect(first.state.lang, t).toBe("en");
      expect(first.replies.at(-1)?.text, t).toContain("(1/9) First, your business: what do you do?");
    }
    expect(run([open(), text("les hackers")]).last.state.lang).toBe("fr");
  });
});

describe("confirm what it is unsure of", () => {
  it("says back a reading it is unsure of, saves it on yes, and moves on", () => {
    const asked = at("time", "ptete une heure ou deux le soir apres la fermeture");
    expect(asked.state.answers["time"]).toBeUndefined();
    expect(printMode(asked.state.mode)).toBe("confirming(time) / asking(time)");
    expect(all(asked)).toContain("J'ai compris 32,6 h par mois (environ 7,5 h par semaine) pour votre temps. Est-ce bien ça ?");
    const yes = step(asked.state, text("oui"), content(), FIXED_NOW);
    expect(yes.state.answers["time"]).toMatchObject({ type: "hours", hoursPerMonth: 32.6 });
    expect(printMode(yes.state.mode)).toBe("asking(budget)");
    expect(yes.events).toContainEqual({ kind: "saved", step: "time", how: "confirmed" });
    // the Yes button does the same
    const button = step(asked.state, press("confirm:time:yes"), content(), FIXED_NOW);
    expect(button.state.answers["time"]).toEqual(yes.state.answers["time"]);
  });

  it("drops the reading on no and asks again; a new answer instead of yes is read as the answer", () => {
    const asked = at("time", "ptete une heure ou deux le soir apres la fermeture");
    const no = step(asked.state, text("non"), content(), FIXED_NOW);
    expect(no.state.answers["time"]).toBeUndefined();
    expect(printMode(no.state.mode)).toBe("asking(time)");
    expect(all(no)).toContain("D'accord, je n'ai rien noté.");
    const other = step(asked.state, text("non, 2 h par semaine"), content(), FIXED_NOW);
    expect(other.state.answers["time"]).toMatchObject({ hoursPerMonth: 8.7 });
  });

  it("never saves a figure the owner turns down, supposes, or that is a time of day", () => {
    const cases = [
      ["budget", "je vais pas payer un community manager 2000 balles par mois"],
      ["budget", "I'm not paying some agency 3 grand a month, forget it"],
      ["time", "I can't give it 10 hours a week, no way"],
      ["time", "si j'avais 10 heures par semaine je serais en vacances lol"],
      ["owner", "si j'avais les moyens ce serait une agence mais bon"],
    ] as const;
    for (const [id, t] of cases) {
      const last = at(id, t);
      expect(last.state.answers[id], t).toBeUndefined();
      expect(last.state.mode.is, t).toBe("asking");
    }
    // an answer under a condition is said back first
    for (const [id, t, amount] of [["budget", "if we have a good summer maybe 500", 500], ["time", "if I force myself maybe 2 hours a week", 8.7]] as const) {
      const last = at(id, t);
      expect(last.state.answers[id], t).toBeUndefined();
      expect(last.state.mode.is === "confirming" && last.state.mode.reading, t).toMatchObject(id === "budget" ? { amountPerMonth: amount } : { hoursPerMonth: amount });
    }
    // a figure turned down beside the one meant: the one meant
    expect(at("owner", "wait the budget is more like 300, not 100", "en").state.answers["budget"]).toMatchObject({ amountPerMonth: 300, currency: "$" });
    expect(at("budget", "attends, pour le temps c'est plutôt 3 h par semaine, pas 10 h").state.answers["time"]).toMatchObject({ hoursPerMonth: 13 });
    // a year is not an amount
    expect(at("budget", "on est une boucherie familiale depuis 1974, mon grand-père a parti ça").state.mode).toEqual({ is: "asking", step: "budget" });
    // zero with a reason is zero, not the figures of the reason
    for (const t of ["zéro. je suis sur les chantiers de 7h à 19h", "none honestly, I'm under cars all day and doing the books at night"]) {
      expect(at("time", t).state.answers["time"], t).toMatchObject({ type: "hours", hoursPerMonth: 0 });
    }
    // a limit is an answer, to confirm
    const cap = at("budget", "pas plus de 200 $ par mois");
    expect(cap.state.mode.is === "confirming" && cap.state.mode.reading).toMatchObject({ amountPerMonth: 200 });
  });

  it("asks to confirm a goal kept in the owner's own words", () => {
    const last = at("goal", "raise money for the minor hockey team my shop sponsors", "en");
    expect(last.state.answers["goal"]).toBeUndefined();
    expect(all(last)).toContain("I'd keep your goal in your own words: «raise money for the minor hockey team my shop sponsors». Is that right?");
    expect(step(last.state, text("yes"), content(), FIXED_NOW).state.answers["goal"]).toEqual({ type: "text", text: "raise money for the minor hockey team my shop sponsors" });
  });
});

describe("what owners say besides an answer", () => {
  it("a question put to the coach is never saved: acknowledged, and the question again", () => {
    // (which network is best is a question the rule base answers now: test/rules/questions.test.ts)
    for (const [id, t] of [["goal", "c'est quoi la différence entre un reel pis une story, au juste ?"], ["goal", "which one would you pick for a small garage?"], ["skills", "c'est quoi la difference entre perso pis pro?"]] as const) {
      const last = at(id, t);
      expect(last.state.answers[id], t).toBeUndefined();
      expect(last.state.mode.is, t).toBe("asking");
      expect(all(last), t).toMatch(/Bonne question|Good question/);
    }
  });

  it("a wish to change language, in any words, switches it and asks the question again", () => {
    for (const [t, lang] of [["sorry my french is so-so, can we continue in english?", "en"], ["in english please", "en"], ["est-ce qu'on pourrait continuer en anglais? c'est mon associe qui va lire ca", "en"]] as const) {
      const last = at("budget", t);
      expect(last.state.lang, t).toBe(lang);
      expect(last.state.answers["budget"], t).toBeUndefined();
      expect(all(last), t).toContain("OK, let's continue in English.");
    }
    expect(at("skills", "can you write it in french please", "en").state.lang).toBe("fr");
  });

  it("commands said in natural words", () => {
    expect(printMode(at("budget", "hmm actually no, back").state.mode)).toBe("asking(time)");
    expect(printMode(at("budget", "let's restart, I want to think about the goal differently").state.mode)).toBe("confirmingCommand(restart) / asking(budget)");
    expect(at("budget", "can i just see my plan already?").replies.some((r) => r.kind === "plan")).toBe(true);
    expect(printMode(afterPlan(text("effacez mes donnees svp")).state.mode)).toBe("confirmingCommand(forget) / done");
  });

  it("thanks and greetings get a short reply and the question again", () => {
    expect(all(at("time", "merci!"))).toMatch(/^Avec plaisir !\n\(5\/9\)/);
    expect(all(at("time", "hello there", "en"))).toMatch(/^Hello!\n\(5\/9\)/);
  });
});

describe("corrections, at any time", () => {
  it("changes an earlier answer named in the message, says what changed, and asks the pending question again", () => {
    const last = at("owner", "wait, for the budget I meant 75 a week, not a month", "en");
    const reading = last.state.mode.is === "confirming" ? last.state.mode.reading : last.state.answers["budget"];
    expect(reading).toMatchObject({ type: "money", amountPerMonth: 324.75 });
    const done = last.state.mode.is === "confirming" ? step(last.state, text("yes"), content(), FIXED_NOW) : last;
    expect(all(done)).toContain("Changed: your budget, $100 a month → $324.8 a month.");
    expect(printMode(done.state.mode)).toBe("asking(owner)");
  });

  it("after the plan: the answer changes, the plan is rebuilt, and what to do next is offered", () => {
    const { last } = afterPlan(text("finalement c'est plus 3 heures par semaine"));
    expect(last.state.answers["time"]).toMatchObject({ hoursPerMonth: 13 });
    expect(all(last)).toContain("C'est changé : votre temps, 7 h par mois (environ 1,6 h par semaine) → 13 h par mois (environ 3 h par semaine).");
    expect(all(last)).toContain("Votre plan est mis à jour");
    expect(last.state.mode).toEqual({ is: "done" });
  });

  it("after the plan: a period said again ('par soir') redoes the sum with the figure given", () => {
    const timeAt = donePlan.findIndex((i) => i.kind === "text" && i.text === "7 h par mois");
    const { last } = run([...donePlan.slice(0, timeAt), text("une heure ou deux"), ...donePlan.slice(timeAt + 1), text("jai dit une heure ou deux PAR SOIR")]);
    const time = last.state.mode.is === "confirming" ? last.state.mode.reading : last.state.answers["time"];
    expect(time).toMatchObject({ hoursPerMonth: 32.6 });
  });

  it("'change my goal' reopens that question, then comes back to the plan", () => {
    const { last, state } = afterPlan(text("je veux changer mon objectif"));
    expect(printMode(state.mode)).toBe("editing(goal → done)");
    expect(all(last)).toContain("D'accord, changeons votre objectif. Votre réponse actuelle : Développer les ventes.");
    const next = step(state, text("je veux recruter"), content(), FIXED_NOW);
    expect(next.state.answers["goal"]).toEqual({ type: "choice", id: "talent" });
    expect(next.state.mode).toEqual({ is: "done" });
    expect(all(next)).toContain("Votre plan est mis à jour");
  });

  it("'Change an answer' after the plan asks which one, with a button per question", () => {
    const { last } = afterPlan(press("change:*"));
    expect(last.replies[0]?.kind === "text" && last.replies[0].choices.map((c) => c.action)).toEqual(
      ["trade", "customers", "age", "goal", "time", "budget", "skills", "owner", "presence"].map((step) => ({ kind: "change", step })),
    );
    expect(baseOf(last.state.mode)).toEqual({ is: "done" });
  });
});

describe("questions a change opens or closes", () => {
  const pick = (id: string) => press(`pick:${id}`, "en");
  const planOf = (r: StepResult) => r.replies.flatMap((x) => (x.kind === "plan" ? [x.plan] : []))[0];

  it("customers who turn out to be businesses: the age is not asked, and an age given before no longer counts", () => {
    // said at the age question itself: on to the goal
    const said = run([open("en"), pick("trade:food"), pick("customers:local"), text("actually our customers are other businesses, not locals", "en")]).last;
    expect(said.state.answers["customers"]).toEqual({ type: "choice", id: "businesses" });
    expect(printMode(said.state.mode)).toBe("asking(goal)");
    expect(said.replies.at(-1)?.text).toMatch(/^\(3\/8\) What is your main goal/);
    // changed after the age was answered ("Mostly under 35" would point to Instagram): the age goes
    const { state } = run([open("en"), pick("trade:food"), pick("customers:local"), pick("age:young"), text("back", "en"), text("back", "en"), pick("customers:businesses")]);
    expect(state.answers["age"]).toBeUndefined();
    expect(printMode(state.mode)).toBe("asking(goal)");
    const done = run([open("en"), pick("trade:food"), pick("customers:local"), pick("age:young"), pick("goal:sales"), text("10 h", "en"), text("0", "en"), pick("skills:some"), pick("owner:self"), pick("presence:none"), press("change:customers", "en"), pick("customers:businesses")]).last;
    expect(done.state.answers["age"]).toBeUndefined();
    expect(done.state.mode).toEqual({ is: "done" });
    const plan = run([open("en"), pick("trade:food"), pick("customers:local"), pick("age:young"), pick("goal:sales"), text("10 h", "en"), text("0", "en"), pick("skills:some"), pick("owner:self"), pick("presence:none"), press("change:customers", "en"), pick("customers:businesses"), text("my plan", "en")]).last;
    expect(planOf(plan)?.network?.id).toBe("linkedin");
    expect(plan.replies.find((x) => x.kind === "plan")?.text).not.toContain("Customers' age");
  });

  it("after the plan, a change that opens a question asks it first, then rebuilds the plan", () => {
    const finished = [open("en"), ...aboutBusiness({}, "en"), pick("goal:sales"), text("10 h", "en"), text("0", "en"), pick("skills:some"), pick("owner:self"), noPage("en")];
    // nowhere yet → a dormant page: which network, then a plan to revive it
    const asked = run([...finished, press("change:presence", "en"), pick("presence:dormant")]);
    expect(printMode(asked.state.mode)).toBe("editing(where → done)");
    expect(asked.last.replies.at(-1)?.text).toMatch(/^\(10\/10\) Which network is that page on\?/);
    const revived = step(asked.state, pick("where:facebook"), content(), FIXED_NOW);
    expect(revived.state.mode).toEqual({ is: "done" });
    expect(all(revived)).toContain("Noted: Facebook.");
    expect(all(revived)).toContain("Your plan is updated");
    const plan = run([...finished, press("change:presence", "en"), pick("presence:dormant"), pick("where:facebook"), text("my plan", "en")]).last;
    expect(planOf(plan)?.network).toMatchObject({ id: "facebook", presence: "revive" });
    // back to nowhere: the network answer goes with the page
    const reopened = step(revived.state, press("change:presence", "en"), content(), FIXED_NOW);
    const none = step(reopened.state, pick("presence:none"), content(), FIXED_NOW);
    expect(none.state.answers["presence"]).toEqual({ type: "choice", id: "none" });
    expect(none.state.answers["where"]).toBeUndefined();
    expect(none.state.mode).toEqual({ is: "done" });
    // businesses → local people: the age, then the plan
    const biz = [open("en"), pick("trade:professional"), pick("customers:businesses"), pick("goal:sales"), text("10 h", "en"), text("0", "en"), pick("skills:some"), pick("owner:self"), noPage("en")];
    const age = run([...biz, text("actually our customers are local people", "en")]);
    expect(printMode(age.state.mode)).toBe("editing(age → done)");
    expect(age.last.replies.at(-1)?.text).toMatch(/^\(3\/9\) How old are most of your customers\?/);
    const older = step(age.state, pick("age:older"), content(), FIXED_NOW);
    expect(older.state.mode).toEqual({ is: "done" });
    expect(older.state.answers["age"]).toEqual({ type: "choice", id: "older" });
  });
});

describe("the policy", () => {
  it("has a table for every mode, each ending with a row that always acts", () => {
    for (const [mode, table] of Object.entries(POLICY)) {
      expect(table.length, mode).toBeGreaterThan(0);
      expect(table.at(-1)?.[1](undefined as never, undefined as never), mode).toBe(true);
    }
  });
});
