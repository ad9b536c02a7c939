import { describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/store/memory-store.ts";
import { runTranscript } from "../helpers/transcript.ts";

describe("objections during the interview", () => {
  it("answers an objection, then asks the same question again, losing nothing (fr)", async () => {
    const { last } = await runTranscript(
      `
      > boulangerie
      > des gens du coin
      > tous les âges
      @ goal
      > je veux plus de clients
      @ time
      > ouin mais c'est juste une mode, non?
      = objection fad
      ~ Les médias sociaux ne sont plus une nouveauté qui va passer
      ~ Source : «Question No 1: Le budget
      ~ Revenons à notre question :
      ~ (5/9) Combien d'heures par mois
      @ time
      > on n'a pas le temps, peut-être 2 heures par semaine
      = objection too-small
      ~ C'est noté : 8,7 h par mois (environ 2 h par semaine).
      ~ Et pour votre inquiétude :
      ~ Vous m'avez dit avoir 8,7 h par mois, pour environ 32 h qu'il faut à un seul réseau bien animé
      ~ (6/9) Quel budget
      @ budget
      > et la sécurité de nos données?
      = objection security
      ~ vérifiez que vos pare-feu et antivirus sont à jour
      ~ (6/9) Quel budget
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
      > #choice:pick:trade:trades
      > #choice:pick:customers:businesses
      > 2
      > 10 hours a month
      @ budget
      > a dedicated community manager costs way too much for us
      = objection too-expensive
      ~ trial one resource on one network
      ~ Source: «Un employé pour gérer les médias-sociaux ?», Alexandre Poitras, Le marketing du Web
      ~ Back to our question:
      ~ (5/8) What budget a month
      ! With your budget of
      @ budget
      > $300
      ~ Noted: $300 a month.
      @ skills
      # the doubt is the answer itself: only the answer
      > nobody here knows how to do this
      = objection none
      ~ Noted: None.
      ! As for your concern:
      ~ (7/8) Who will run it
      @ owner
      # an answer and a doubt of its own: both
      > an agency, but it costs too much
      = objection too-expensive
      ~ Noted: An agency or freelancer.
      ~ As for your concern:
      ~ Don't decide in the abstract
      @ presence
      > nowhere yet
      @ done
      ~ An agency can do the work, but the company's voice has to come from inside
      `,
      new MemoryStore(),
    );
    expect(last.plan).toMatchObject({ goal: "sales", hoursPerMonth: 10, budgetPerMonth: 300, skills: "none", owner: "agency" });
  });

  it("answers an objection that names a choice instead of taking it as the answer (fr)", async () => {
    const { last } = await runTranscript(
      `
      > #choice:pick:trade:food
      > #choice:pick:customers:local
      > #choice:pick:age:all
      @ goal
      > notre site web suffit, pourquoi aller sur facebook?
      = objection website-enough
      ~ Un site web, surtout s'il est assez statique, attend que les gens viennent à lui.
      ~ Revenons à notre question :
      ~ (4/9) Quel est votre objectif principal
      ! C'est noté
      @ goal
      > je veux plus de clients
      ~ C'est noté. Votre objectif : Développer les ventes.
      > 10 heures par mois
      > 100 $
      @ skills
      > tout le monde se dit expert, à qui faire confiance?
      = objection experts
      ~ Méfiez-vous des « faux prophètes »
      ~ Revenons à notre question :
      ~ (7/9) Quelles compétences
      ! C'est noté
      @ skills
      > 2
      ~ C'est noté : Usage personnel seulement.
      @ owner
      > mes employés vont perdre leur temps
      = objection productivity
      ~ Les heures passées à surfer ne sont pas passées à travailler
      ~ Revenons à notre question :
      ~ (8/9) Qui s'en occupera au quotidien ?
      ! C'est noté
      @ owner
      > moi
      ~ C'est noté : Moi-même.
      @ presence
      > 1
      ~ C'est noté : Nulle part encore.
      @ done
      `,
      new MemoryStore(),
    );
    expect(last.plan).toMatchObject({ goal: "sales", skills: "personal", owner: "self" });
  });

  it("answers an objection that names a choice instead of taking it as the answer (en)", async () => {
    const { last } = await runTranscript(
      `
      > english
      > #choice:pick:trade:retail
      > #choice:pick:customers:regional
      > #choice:pick:age:young
      > our website is enough, why bother
      = objection website-enough
      ~ A website, especially a fairly static one, waits for people to come to it.
      ~ Back to our question:
      ~ (4/9) What is your main goal
      ! Got it
      @ goal
      > 2
      ~ Got it. Your goal: Grow sales.
      > 10 hours a month
      > $100
      @ skills
      > everyone claims to be an expert, who can we trust?
      = objection experts
      ~ Beware of "false prophets"
      ~ Back to our question:
      ~ (7/9) What social-media skills
      ! Noted
      @ skills
      > 3
      ~ Noted: Some professional experience.
      @ owner
      > my employee will waste time on facebook
      = objection productivity
      ~ Hours spent surfing are not hours spent working
      ~ Back to our question:
      ~ (8/9) Who will run it day to day?
      ! Noted
      @ owner
      > me
      ~ Noted: Myself.
      @ presence
      > 1
      ~ Noted: Nowhere yet.
      @ done
      `,
      new MemoryStore(),
    );
    expect(last.plan).toMatchObject({ goal: "sales", skills: "some", owner: "self" });
  });

  it("after the plan, answers with the owner's own figures and suggests related topics", async () => {
    await runTranscript(
      `
      > english
      > #choice:pick:trade:food
      > #choice:pick:customers:local
      > #choice:pick:age:all
      > 1
      > 10 hours a month
      > $100
      > 4
      > 1
      > 1
      @ done
      > honestly we're too small for this
      = objection too-small
      ~ You told me you have 10 h a month, against about 32 h for one network run properly
      ~ Would you like to hear about a related topic?
      ~ 1. A dedicated employee costs too much
      > 1
      = objection too-expensive
      ~ With your budget of $100, start small and measure before you spend more.
      > what's the weather like?
      = objection none
      ~ I don't have a ready answer to that question yet. Here are the doubts I can talk about:
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
      > #choice:pick:trade:food
      > #choice:pick:customers:local
      > #choice:pick:age:all
      > 1
      > 10 hours
      > $100
      > 4
      > 1
      > 1
      @ done
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
      ~ (1/9) D'abord, votre entreprise : que faites-vous ?
      @ trade
      `,
      new MemoryStore(),
      "slack:T1:U1",
    );
    expect(outcomes.length).toBe(2);
  });
});
