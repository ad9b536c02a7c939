import { describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/store/memory-store.ts";
import { runTranscript } from "../helpers/transcript.ts";

describe("the coach listens (terminal)", () => {
  it("in French: confirms what it is unsure of, keeps nothing turned down, takes corrections, a family member, a switch to English", async () => {
    const { last } = await runTranscript(
      `
      > c'est quoi le meilleur réseau pour un garage, facebook, instagram ou tiktok ?
      ~ Un seul réseau pour commencer, pas quatre
      ~ demandez à quelques clients quel réseau ils ouvrent chaque jour
      ~ (1/9) D'abord, votre entreprise : que faites-vous ?
      ! C'est noté
      @ trade
      > garage
      ~ C'est noté : Métiers, réparations, construction.
      @ customers
      > les deux
      ~ C'est noté : Les deux : des gens et des entreprises.
      @ age
      > 35-54
      ~ C'est noté : Surtout de 35 à 54 ans.
      ~ (4/9) Quel est votre objectif principal
      @ goal
      > chus tanne, mes mecanos partent tous chez le concessionnaire, faut que j'en engage des nouveaux
      ~ J'ai compris Attirer de nouveaux talents pour votre objectif. Est-ce bien ça ?
      @ goal
      > oui
      ~ C'est noté. Votre objectif : Attirer de nouveaux talents.
      @ time
      > zéro. je suis sur les chantiers de 7h à 19h
      ~ C'est noté : 0 h par mois
      @ budget
      > je vais pas payer un community manager 2000 balles par mois
      ~ Compris, pas ça. Et qu'est-ce qui serait réaliste pour vous ?
      ! C'est noté
      @ budget
      > mettons 100 piasses par mois
      ~ C'est noté : 100 $ par mois.
      @ skills
      # a correction of the time, with the question named: changed, and the same question again
      > attends, pour les heures c'est plutôt une heure ou deux le soir
      ~ Voulez-vous changer votre temps : 0 h par mois
      ~ 1. Oui, c'est ça
      > oui
      ~ C'est changé : votre temps, 0 h par mois (environ 0 h par semaine) → 32,6 h par mois (environ 7,5 h par semaine).
      ~ (7/9) Quelles compétences
      @ skills
      > 2
      # who runs it: a family member
      > ma fille Jessica
      ~ C'est noté : Un membre de ma famille.
      @ presence
      > nulle part
      ~ C'est noté : Nulle part encore.
      ~ Si c'est un membre de votre famille qui anime vos comptes
      @ done
      # after the plan: a correction rebuilds it
      > finalement c'est plus 3 heures par semaine
      ~ C'est changé : votre temps, 32,6 h par mois (environ 7,5 h par semaine) → 13 h par mois (environ 3 h par semaine).
      ~ Votre plan est mis à jour avec cette réponse.
      @ done
      > sorry my french is so-so, can we continue in english?
      ~ OK, let's continue in English.
      `,
      new MemoryStore(),
    );
    expect(last.lang).toBe("en");
    expect(last.answers).toMatchObject({
      trade: { type: "choice", id: "trades" },
      customers: { type: "choice", id: "mixed" },
      age: { type: "choice", id: "middle" },
      goal: { type: "choice", id: "talent" },
      time: { type: "hours", hoursPerMonth: 13 },
      budget: { type: "money", amountPerMonth: 100, currency: "$" },
      skills: { type: "choice", id: "personal" },
      owner: { type: "choice", id: "family" },
      presence: { type: "choice", id: "none" },
    });
  });

  it("in English: confirms a goal in the owner's words, answers a doubt only when voiced, takes 'no, I said per EVENING'", async () => {
    const { last } = await runTranscript(
      `
      > english
      > we're a little hardware store
      ~ Noted: A shop or store.
      > mostly locals
      ~ Noted: Local people.
      > retirees mostly
      ~ Noted: Mostly 55 and over.
      @ goal
      > raise money for the minor hockey team my shop sponsors
      ~ I'd keep your goal in your own words: «raise money for the minor hockey team my shop sponsors». Is that right?
      > yes
      ~ Got it, I'll keep your goal in your own words
      @ time
      > an hour or two
      ~ Noted: 1.5 h a month
      @ budget
      > no, I said per EVENING
      ~ Do you want to change your time: 1.5 h a month (about 0.3 h a week) → 32.6 h a month (about 7.5 h a week)?
      > yes
      ~ Changed: your time
      ~ (6/9) What budget a month
      > none, honestly, money is tight
      ~ Noted: no budget for now.
      @ skills
      > I post on my personal insta sometimes, does that count?
      ~ I read Personal use only as your skills. Is that right?
      > yes
      @ owner
      > Nick, my nephew
      ~ Noted: A family member.
      = objection none
      @ presence
      > we have a page but haven't posted in ages
      ~ Noted: A page we no longer keep up.
      @ where
      > facebook
      @ done
      ~ Wake up your Facebook page before opening anything else
      > hmm actually no, back
      ~ Back to the previous question. Your current answer: Facebook.
      @ where
      > back
      > back
      ~ Back to the previous question. Your current answer: A family member.
      @ owner
      > me I guess
      ~ Noted: Myself.
      @ done
      `,
      new MemoryStore(),
    );
    expect(last.answers).toMatchObject({ owner: { type: "choice", id: "self" }, skills: { type: "choice", id: "personal" }, time: { hoursPerMonth: 32.6 }, where: { type: "choice", id: "facebook" } });
  });
});
