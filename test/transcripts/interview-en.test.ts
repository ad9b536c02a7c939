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
      > we run a small bakery
      ~ Noted: Food: restaurant, café, bakery.
      ~ (2/9) Who are your customers, mostly?
      @ customers
      > mostly locals from the neighbourhood
      ~ Noted: Local people.
      ~ (3/9) How old are most of your customers?
      @ age
      > all ages
      ~ Noted: All ages.
      ~ (4/9) What is your main goal on social media?
      @ goal
      > I want to get more visitors to our website
      ~ Got it. Your goal: More traffic to our website.
      ~ (5/9) How many hours a month
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
      ~ (9/9) Almost done: is the business already on a social network?
      @ presence
      > nowhere yet
      ~ Noted: Nowhere yet.
      ~ # Your social-media plan
      ~ - **Time:** 21.7 h a month (about 5 h a week)
      ~ ## Where to start
      ~ Start on Facebook, and only there
      ~ the rest of your hours allows 5 posts a week on Facebook
      ~ | Monday | Create the business's Facebook page |
      ~ name one dedicated contact of yours
      ~ Before hiring outside help: beware of anyone who claims to "know everything"
      ~ «Média Social ou Médias Sociaux ? En interne ou en externe ?», Lionel Boscher
      ! If an intern runs your accounts
      @ done
      `,
      store(),
    );
    expect(last.lang).toBe("en");
    expect(last.plan).toMatchObject({ goal: "traffic", hoursPerMonth: 21.7, budgetPerMonth: 0, currency: null, skills: "some", owner: "agency", networks: 0 });
    expect(last.plan?.network).toMatchObject({ id: "facebook", presence: "open" });
    expect(last.plan?.missing).toEqual([]);
    const ids = last.plan!.recommendations.map((r) => r.id);
    expect(ids).toContain("choose-help-carefully");
    expect(ids).not.toContain("train-the-team");
    expect(ids).not.toContain("intern-needs-guidelines");
  });

  it("helps an owner who does not know or did not understand, and saves nothing", async () => {
    const { last } = await runTranscript(
      `
      > english
      > #choice:pick:trade:trades
      > #choice:pick:customers:local
      > #choice:pick:age:middle
      @ goal
      > um, I don't know
      ~ No problem: it is exactly the question many businesses skip.
      ~ (4/9) What is your main goal
      @ goal
      > what do you mean?
      ~ to be better known, to sell more, to understand your customers better?
      @ goal
      > sell more
      ~ Got it. Your goal: Grow sales.
      > idk
      ~ An estimate is enough. Think of the hours one person could give it each week
      ~ running one social network properly takes about 32 hours a month.
      ~ (5/9) How many hours a month
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
      > 1
      ~ C'est noté : Restauration, boulangerie, alimentation.
      > 1
      ~ C'est noté : Des gens du coin.
      > 4
      ~ C'est noté : De tous les âges.
      > 3
      ~ C'est noté. Votre objectif : Relations publiques et relations clients.
      > english
      ~ OK, let's continue in English.
      ~ (5/9) How many hours a month
      > between 8 and 12 hours
      ~ Noted: 10 h a month
      > my plan
      ~ **Trade:** Food: restaurant, café, bakery
      ~ **Goal:** Public and customer relations
      ~ Partial plan: still to answer: Budget, Skills, Who runs it, Already on social media
      > français
      ~ D'accord, on continue en français.
      ~ (6/9) Quel budget
      `,
      new MemoryStore(),
    );
  });

  it("explains itself on help, names the commands, and asks the pending question again", async () => {
    await runTranscript(
      `
      > help
      ~ I ask you a few questions about your business and its customers, the five every plan must settle (goal, time, budget, skills, who runs it) and where you already are
      ~ Commands at any time: "back", "restart", "my plan", "forget me", "français".
      ~ I also answer your doubts: It's just a fad
      ~ (1/9) First, your business: what do you do?
      ~ 1. Food: restaurant, café, bakery
      @ trade
      > #choice:pick:trade:retail
      > #choice:pick:customers:regional
      > #choice:pick:age:young
      ~ (4/9) What is your main goal on social media?
      ~ 2. Grow sales
      @ goal
      > 2
      > 10 hours a month
      @ budget
      > help
      ~ Commands at any time: "back", "restart", "my plan", "forget me", "français".
      ~ (6/9) What budget a month
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
      > we sell handmade pottery on etsy
      ~ Noted: Online sales, crafts.
      > people all over the country
      ~ Noted: People across the region or the country.
      > mostly 55 and over
      ~ Noted: Mostly 55 and over.
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
      ~ (6/9) What budget a month
      @ budget
      > my plan
      ~ **Customers' age:** Mostly 55 and over
      ~ **Goal:** Grow sales
      ~ Partial plan: still to answer: Budget, Skills, Who runs it, Already on social media
      @ budget
      > back
      ~ Your current answer: 10 h a month
      @ time
      > 12 hours a month
      @ budget
      > restart
      > yes
      ~ Starting again from the beginning.
      ~ (1/9) First, your business: what do you do?
      @ trade
      > my plan
      ~ No plan yet
      ! **Goal:**
      ! **Trade:**
      `,
      store(),
    );
  });

  it("resumes at the same question after the process is gone, and says so", async () => {
    const { last } = await runTranscript(
      `
      > we're an accounting firm
      ~ Noted: Services to businesses: accounting, law, consulting.
      > other businesses mostly
      ~ Noted: Other businesses.
      ~ (3/8) What is your main goal
      > we want to attract new talent
      ~ Your goal: Attract new talent.
      > 2 days a month
      ~ Noted: 16 h a month
      @ budget
      -- restart process
      ~ Welcome back! Let's pick up where we left off, at question 5 of 8. Your earlier answers are kept.
      ~ (5/8) What budget a month
      ! Bonjour
      @ budget
      > none
      ~ Noted: no budget for now.
      @ skills
      > my plan
      ~ **Goal:** Attract new talent
      ~ Partial plan: still to answer: Skills, Who runs it, Already on social media
      ! Customers' age
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
      ~ (5/9) How many hours
      @ time
      > #choice:confirm:yes
      ~ That button belongs to an earlier question
      > back
      ~ Back to the previous question. Your current answer: Grow sales.
      @ goal
      > back
      ~ Back to the previous question. Your current answer: All ages.
      @ age
      > back
      > back
      ~ Back to the previous question. Your current answer: Food: restaurant, café, bakery.
      @ trade
      > back
      ~ This is already the first question.
      @ trade
      `.replace("> #choice:goal:sales", "> english\n> #choice:trade:food\n> #choice:customers:local\n> #choice:age:all\n> #choice:goal:sales"),
      new MemoryStore(),
    );
  });

  it("keeps an own-words goal once confirmed, and says so", async () => {
    const { last } = await runTranscript(
      `
      > english
      > #choice:pick:trade:food
      > #choice:pick:customers:local
      > #choice:pick:age:all
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
      @ presence
      > 1
      @ done
      ~ Write your goal down in one sentence and keep it in sight: «become the favourite bakery of our neighbourhood».
      `,
      new MemoryStore(),
    );
    expect(last.plan).toMatchObject({ goal: "custom", goalText: "become the favourite bakery of our neighbourhood", hoursPerMonth: 16, budgetPerMonth: 150, currency: "$" });
  });
});
