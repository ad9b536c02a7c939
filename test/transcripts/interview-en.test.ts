import { describe, expect, it } from "vitest";
import { LowdbStore } from "../../src/store/lowdb-store.ts";
import { MemoryStore } from "../../src/store/memory-store.ts";
import { tempDirs } from "../helpers/temp-dirs.ts";
import { runTranscript } from "../helpers/transcript.ts";

const tempDir = tempDirs("coach-en-");
const store = () => new LowdbStore({ dir: tempDir() });

describe("a whole interview in English", () => {
  it("follows the language of the first message and ends in a plan with the owner's figures", async () => {
    const { last } = await runTranscript(
      `
      > I want to get more visitors to our website
      ~ Got it. Your goal: More traffic to our website.
      ~ (2/5) How many hours a month
      @ time
      > lots
      ~ I couldn't read a number of hours. Try "10", "10 h a month"
      @ time
      > about 5 hours a week
      ~ Noted: 21.7 h a month (about 5 h a week).
      @ budget
      > none
      ~ Noted: no budget for now.
      @ skills
      > some experience
      ~ Noted: Some professional experience.
      @ owner
      > agency
      ~ Noted: An agency or freelancer.
      ~ # Your social-media plan
      ~ Running one social network properly takes about 32 hours a month; you have 21.7.
      ~ name one person of yours as the dedicated contact
      ~ Before hiring outside help, five checks
      ~ _Source: «Média Social ou Médias Sociaux ? En interne ou en externe ?», Lionel Boscher_
      ! If an intern runs your accounts
      @ done
      `,
      store(),
    );
    expect(last.lang).toBe("en");
    expect(last.plan).toMatchObject({ goal: "traffic", hoursPerMonth: 21.7, budgetPerMonth: 0, currency: null, skills: "some", owner: "agency", networks: 0 });
    const ids = last.plan!.recommendations.map((r) => r.id);
    expect(ids).toContain("choose-help-carefully");
    expect(ids).not.toContain("train-the-team");
    expect(ids).not.toContain("intern-needs-guidelines");
  });

  it("helps an owner who does not know or did not understand, and saves nothing", async () => {
    const { last } = await runTranscript(
      `
      > um, I don't know
      ~ No problem: it is exactly the question many businesses skip.
      ~ (1/5) What is your main goal
      @ goal
      > what do you mean?
      ~ to be better known, to sell more, to understand your customers better?
      @ goal
      > sell more
      ~ Got it. Your goal: Grow sales.
      > idk
      ~ An estimate is enough. Think of the hours one person could give it each week
      ~ running one social network properly takes about 32 hours a month.
      ~ (2/5) How many hours a month
      @ time
      > I don't know how to do any of this
      ! An estimate is enough
      @ time
      `,
      store(),
    );
    expect(last.plan).toBeNull();
  });

  it("switches language at any time and keeps the answers", async () => {
    await runTranscript(
      `
      > 3
      ~ C'est noté. Votre objectif : Relations publiques et relations clients.
      > english
      ~ OK, let's continue in English.
      ~ (2/5) How many hours a month
      > between 8 and 12 hours
      ~ Noted: 10 h a month
      > my plan
      ~ **Goal:** Public and customer relations
      ~ Partial plan: still to answer: Budget, Skills, Who runs it
      > français
      ~ D'accord, on continue en français.
      ~ (3/5) Quel budget
      `,
      new MemoryStore(),
    );
  });

  it("explains itself on help, names the commands, and asks the pending question again", async () => {
    await runTranscript(
      `
      > help
      ~ I ask you five questions (goal, time, budget, skills, who runs it)
      ~ Commands at any time: "back", "restart", "my plan", "forget me", "français".
      ~ I also answer your doubts: It's just a fad
      ~ (1/5) What is your main goal on social media?
      ~ 2. Grow sales
      @ goal
      > 2
      > 10 hours a month
      @ budget
      > help
      ~ Commands at any time: "back", "restart", "my plan", "forget me", "français".
      ~ (3/5) What budget a month
      ! Noted
      @ budget
      > none
      ~ Noted: no budget for now.
      @ skills
      `,
      new MemoryStore(),
    );
  });

  it("restarts only after a yes; a no keeps the answers", async () => {
    await runTranscript(
      `
      > I want to grow sales
      ~ Your goal: Grow sales.
      > 10 hours a month
      @ budget
      > restart
      ~ Start again from scratch? Your answers will be cleared.
      ~ 1. Yes
      ~ 2. No
      > no
      ~ OK, no restart; your answers are kept.
      ~ (3/5) What budget a month
      @ budget
      > my plan
      ~ **Goal:** Grow sales
      ~ Partial plan: still to answer: Budget, Skills, Who runs it
      @ budget
      > back
      ~ Your current answer: 10 h a month
      @ time
      > 12 hours a month
      @ budget
      > restart
      > yes
      ~ Starting again from the beginning.
      ~ (1/5) What is your main goal on social media?
      @ goal
      > my plan
      ~ No plan yet
      ! **Goal:**
      `,
      store(),
    );
  });

  it("resumes at the same question after the process is gone, and says so", async () => {
    const { last } = await runTranscript(
      `
      > we want to attract new talent
      ~ Your goal: Attract new talent.
      > 2 days a month
      ~ Noted: 16 h a month
      @ budget
      -- restart process
      ~ Welcome back! Let's pick up where we left off, at question 3 of 5. Your earlier answers are kept.
      ~ (3/5) What budget a month
      ! Bonjour
      @ budget
      > none
      ~ Noted: no budget for now.
      @ skills
      > my plan
      ~ **Goal:** Attract new talent
      ~ Partial plan: still to answer: Skills, Who runs it
      @ skills
      `,
      store(),
    );
    expect(last.lang).toBe("en");
  });

  it("ignores a button of an earlier question instead of taking a wrong step", async () => {
    await runTranscript(
      `
      > #choice:goal:sales
      @ time
      > #choice:goal:talent
      ~ That button belongs to an earlier question
      ~ (2/5) How many hours
      @ time
      > #choice:confirm:yes
      ~ That button belongs to an earlier question
      > back
      ~ Back to the previous question. Your current answer: Grow sales.
      @ goal
      > back
      ~ This is already the first question.
      @ goal
      `.replace("> #choice:goal:sales", "> english\n> #choice:goal:sales"),
      new MemoryStore(),
    );
  });

  it("keeps an own-words goal once confirmed, and says so", async () => {
    const { last } = await runTranscript(
      `
      > english
      > become the favourite bakery of our neighbourhood
      ~ I'd keep your goal in your own words: «become the favourite bakery of our neighbourhood». Is that right?
      @ goal
      > yes
      ~ Got it, I'll keep your goal in your own words: «become the favourite bakery of our neighbourhood».
      @ time
      > 2 days a month
      > $150
      > 4
      > 1
      @ done
      ~ Write your goal down in one sentence and keep it in sight: «become the favourite bakery of our neighbourhood».
      `,
      new MemoryStore(),
    );
    expect(last.plan).toMatchObject({ goal: "custom", goalText: "become the favourite bakery of our neighbourhood", hoursPerMonth: 16, budgetPerMonth: 150, currency: "$" });
  });
});
