/**
 * The coach listens, on Slack as on every platform: what it is unsure of is said back with Yes / No
 * buttons before it is kept; an earlier answer can be corrected at any time; a family member can run
 * it; a wish to change language, in any words, is followed. Through a real Bolt app and a fake Slack.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sessionKey } from "../../../src/store/session-store.ts";
import { slackEvent } from "./fixtures.ts";
import { postsOf, SlackHarness, type Exchange } from "./slack-harness.ts";

let h: SlackHarness;
beforeAll(async () => {
  h = await SlackHarness.start({ locales: { UFR: "fr-CA" } });
});
afterAll(async () => {
  await h.close();
});

const dm = (user: string, text: string) => h.send(slackEvent({ type: "message", channelType: "im", user, text }));
const said = (ex: Exchange) => postsOf(ex.calls).map((p) => p.text).join("\n");
const answers = async (user: string) => (await h.coordinator.handle(sessionKey("slack", "T1", user), { kind: "export" })).answers;

describe("listening, in French, by direct message", () => {
  let last: Exchange;

  test("an hour or two 'le soir' is said back with Yes / No buttons, and kept only after the yes", async () => {
    await dm("UFR", "bonjour");
    // the business first: a bakery, local people of all ages
    for (const answer of ["boulangerie", "des gens du coin", "tous les âges"]) await dm("UFR", answer);
    last = await dm("UFR", "2");
    expect(said(last)).toContain("Votre objectif : Développer les ventes.\n(5/9)");
    last = await dm("UFR", "ptete une heure ou deux le soir apres la fermeture");
    const [post] = postsOf(last.calls);
    expect(post?.text).toBe("J'ai compris 32,6 h par mois (environ 7,5 h par semaine) pour votre temps. Est-ce bien ça ?");
    expect(post?.buttons).toEqual(["Oui, c'est ça", "Non, je corrige"]);
    expect(await answers("UFR")).not.toHaveProperty("time");
    last = await h.press(last, "Oui, c'est ça", "UFR");
    expect(said(last)).toContain("C'est noté : 32,6 h par mois (environ 7,5 h par semaine).\n(6/9) Quel budget par mois");
    expect(await answers("UFR")).toMatchObject({ time: { hoursPerMonth: 32.6 } });
  });

  test("an amount the owner will not pay is not kept; the question comes back", async () => {
    last = await dm("UFR", "je vais pas payer un community manager 2000 balles par mois");
    expect(said(last)).toContain("Compris, pas ça. Et qu'est-ce qui serait réaliste pour vous ?");
    expect(await answers("UFR")).not.toHaveProperty("budget");
    last = await dm("UFR", "150 $ par mois");
  });

  test("a correction of an earlier answer while another question waits: changed, said, then the same question", async () => {
    // it names the question and says it corrects: changed at once
    last = await dm("UFR", "oups pour les heures, c'est plutôt 3 heures par semaine");
    expect(said(last)).toContain("C'est changé : votre temps, 32,6 h par mois (environ 7,5 h par semaine) → 13 h par mois (environ 3 h par semaine).");
    expect(said(last)).toContain("(7/9) Quelles compétences");
    expect(await answers("UFR")).toMatchObject({ time: { hoursPerMonth: 13 }, budget: { amountPerMonth: 150 } });
    // a figure with a unit but no word of correction: asked before it changes anything
    last = await dm("UFR", "10 heures par semaine");
    expect(said(last)).toContain("Voulez-vous changer votre temps : 13 h par mois (environ 3 h par semaine) → 43,3 h par mois (environ 10 h par semaine) ?");
    last = await h.press(last, "Non, je corrige", "UFR");
    expect(said(last)).toContain("(7/9) Quelles compétences");
    expect(await answers("UFR")).toMatchObject({ time: { hoursPerMonth: 13 } });
  });

  test("'ma fille Jessica' runs it: a family member, with its own advice in the plan", async () => {
    last = await dm("UFR", "pour moi seulement");
    last = await dm("UFR", "ma fille Jessica");
    expect(said(last)).toContain("C'est noté : Un membre de ma famille.\n(9/9) Presque fini");
    last = await dm("UFR", "nulle part encore");
    expect(said(last)).toContain("Si c'est un membre de votre famille qui anime vos comptes");
  });

  test("a wish to go on in English, in the owner's own words", async () => {
    last = await dm("UFR", "sorry my french is so-so, can we continue in english?");
    expect(said(last)).toMatch(/^OK, let's continue in English\./);
  });
});
