import { describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/store/memory-store.ts";
import { runTranscript } from "../helpers/transcript.ts";

describe("objections during the interview", () => {
  it("answers an objection, then asks the same question again, losing nothing (fr)", async () => {
    const { last } = await runTranscript(
      `
      > je veux plus de clients
      @ time
      > ouin mais c'est juste une mode, non?
      = objection fad
      ~ Les médias sociaux ne sont plus une nouveauté qui va passer
      ~ Source : «Question No 1: Le budget
      ~ Revenons à notre question :
      ~ (2/5) Combien d'heures par mois
      @ time
      > on n'a pas le temps, peut-être 2 heures par semaine
      = objection too-small
      ~ C'est noté : 8,7 h par mois (environ 2 h par semaine).
      ~ Et pour votre inquiétude :
      ~ Vous m'avez dit avoir 8,7 h par mois, pour environ 32 h qu'il faut à un seul réseau bien animé
      ~ (3/5) Quel budget
      @ budget
      > et la sécurité de nos données?
      = objection security
      ~ vérifiez que vos pare-feu et antivirus sont à jour
      ~ (3/5) Quel budget
      @ budget
      > 200 $
      @ skills
      `,
      new MemoryStore(),
    );
    expect(last.replies.map((r) => r.text).join("\n")).toContain("C'est noté : 200 $ par mois.");
  });

  it("answers an objection, then asks the same question again, losing nothing (en)", async () => {
    const { last } = await runTranscript(
      `
      > english
      > 2
      > 10 hours a month
      @ budget
      > a dedicated community manager costs way too much for us
      = objection too-expensive
      ~ trial one resource on one network
      ~ Source: «Un employé pour gérer les médias-sociaux ?», Alexandre Poitras, Le marketing du Web
      ~ Back to our question:
      ~ (3/5) What budget a month
      ! With your budget of
      @ budget
      > $300
      ~ Noted: $300 a month.
      @ skills
      > nobody here knows how to do this
      = objection no-skills
      ~ Noted: None.
      ~ As for your concern:
      ~ That is the question most businesses forget
      ~ (5/5) Who will run it
      @ owner
      > the intern
      ~ Noted: An intern.
      ! As for your concern
      @ done
      ~ If an intern runs your accounts, give them clear written guidelines
      `,
      new MemoryStore(),
    );
    expect(last.plan).toMatchObject({ goal: "sales", hoursPerMonth: 10, budgetPerMonth: 300, skills: "none", owner: "intern" });
  });

  it("after the plan, answers with the owner's own figures and suggests related topics", async () => {
    await runTranscript(
      `
      > english
      > 1
      > 10 hours a month
      > $100
      > 4
      > 1
      @ done
      > honestly we're too small for this
      = objection too-small
      ~ You told me you have 10 h a month, against about 32 h for one network run properly
      ~ Related topics:
      ~ 1. A dedicated employee costs too much
      > 1
      = objection too-expensive
      ~ With your budget of $100, start small and measure before you spend more.
      > what's the weather like?
      = objection none
      ~ I'm not sure I follow. Here are the doubts I can talk about:
      ~ 15. Our website is enough
      > 7
      = objection security
      ~ firewalls and antivirus
      `,
      new MemoryStore(),
    );
  });

  it("asks which topic was meant when two rules are as likely", async () => {
    await runTranscript(
      `
      > english
      > 1
      > 10 hours
      > $100
      > 4
      > 1
      > is it a fad, and what about hackers?
      ~ Your message touches on more than one topic. Which one did you mean?
      ~ 1. It's just a fad
      ~ 2. What about security?
      > 2
      = objection security
      ~ firewalls and antivirus
      `,
      new MemoryStore(),
    );
  });

  it("answers a first message that is an objection, then starts the interview", async () => {
    const { outcomes } = await runTranscript(
      `
      > c'est pas juste une mode?
      = objection fad
      ~ Les médias sociaux ne sont plus une nouveauté
      ~ (1/5) Quel est votre objectif
      @ goal
      `,
      new MemoryStore(),
      "slack:T1:U1",
    );
    expect(outcomes.length).toBe(2);
  });
});
