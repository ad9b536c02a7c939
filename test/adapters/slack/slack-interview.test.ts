/**
 * A whole interview by direct message, with buttons and typed answers, in French and in English,
 * through a real Bolt app: what the person sees at each turn, the plan as a message and as an
 * uploaded Markdown file, and `/plan` once it is done.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sessionKey } from "../../../src/store/session-store.ts";
import { slackEvent, slashCommand } from "./fixtures.ts";
import { postsOf, SlackHarness, type Exchange } from "./slack-harness.ts";
import type { ApiCall } from "./fake-slack-api.ts";
import { planOf } from "../../helpers/inputs.ts";

let h: SlackHarness;
beforeAll(async () => {
  h = await SlackHarness.start({ locales: { UFR: "fr-FR", UEN: "en-US" } });
});
afterAll(async () => {
  await h.close();
});

/** A direct message from `user`, as Slack delivers it. */
const dm = (user: string, text: string) => h.send(slackEvent({ type: "message", channelType: "im", user, text }));

/** The one plan upload of an exchange: the three calls of files.uploadV2 and the bytes sent. */
function upload(ex: Exchange): { file: string; filename: unknown; complete: ApiCall } {
  const url = ex.calls.filter((c) => c.method === "files.getUploadURLExternal");
  const complete = ex.calls.filter((c) => c.method === "files.completeUploadExternal");
  expect(url).toHaveLength(1);
  expect(complete).toHaveLength(1);
  const id = String(url[0]!.result["file_id"]);
  return { file: h.api.uploads.get(id) ?? "", filename: url[0]!.params["filename"], complete: complete[0]! };
}

describe("by direct message, in French (Slack locale fr-FR)", () => {
  const key = sessionKey("slack", "T1", "UFR");
  let last: Exchange;

  test("the first message gets the welcome and the first question, with its choices as buttons", async () => {
    last = await dm("UFR", "bonjour");
    expect(last.status).toBe(200);
    const [post, ...more] = postsOf(last.calls);
    expect(more).toEqual([]);
    expect(post?.channel).toBe("DUFR");
    expect(post?.text).toContain("Bonjour ! Je suis votre coach médias sociaux.");
    expect(post?.text).toContain("(1/9) D'abord, votre entreprise : que faites-vous ?");
    expect(post?.buttons).toContain("Restauration, boulangerie, alimentation");
    expect(post?.buttons).toHaveLength(6);
  });

  test("pressing a button answers the question: the buttons make way for the choice, the next question follows", async () => {
    last = await h.press(last, "Restauration, boulangerie, alimentation", "UFR");
    const update = last.calls.find((c) => c.method === "chat.update");
    expect(update?.params["channel"]).toBe("DUFR");
    const updated = JSON.stringify(update?.params["blocks"]);
    expect(updated).not.toContain('"actions"');
    expect(updated).toContain("Votre choix : Restauration, boulangerie, alimentation");
    expect(postsOf(last.calls).map((p) => p.text)).toEqual(["C'est noté : Restauration, boulangerie, alimentation.\n(2/9) Qui sont vos clients, surtout ?"]);
    last = await h.press(last, "Des gens du coin", "UFR");
    expect(postsOf(last.calls)[0]?.text).toBe("C'est noté : Des gens du coin.\n(3/9) Quel âge ont la plupart de vos clients ?");
    last = await h.press(last, "De tous les âges", "UFR");
    last = await h.press(last, "Développer les ventes", "UFR");
    expect(JSON.stringify(last.calls.find((c) => c.method === "chat.update")?.params["blocks"])).toContain("Votre choix : Développer les ventes");
    expect(postsOf(last.calls).map((p) => p.text)).toEqual([
      "C'est noté. Votre objectif : Développer les ventes.\n(5/9) Combien d'heures par mois quelqu'un peut-il y consacrer ? Par exemple « 10 heures par mois », « 5 h par semaine » ou « 2 jours par mois ».",
    ]);
  });

  test("typed answers work too", async () => {
    last = await dm("UFR", "10 h par semaine");
    expect(postsOf(last.calls)[0]?.text).toMatch(/^C'est noté : 43,3 h par mois \(environ 10 h par semaine\)\.\n\(6\/9\) /);
    last = await dm("UFR", "aucun");
    expect(postsOf(last.calls)[0]?.text).toMatch(/^C'est noté : aucun budget pour l'instant\.\n\(7\/9\) Quelles compétences/);
    last = await h.press(last, "Aucune", "UFR");
    // the question's choices, then a way back to the previous question
    expect(postsOf(last.calls)[0]?.buttons).toEqual(["Moi-même", "Un employé", "Un stagiaire", "Un membre de ma famille", "Une agence ou un pigiste", "Pas encore décidé", "Retour"]);
  });

  test("the last answer brings the plan, as a message in Slack formatting and as a Markdown file", async () => {
    last = await h.press(last, "Un employé", "UFR");
    expect(postsOf(last.calls)[0]).toMatchObject({
      text: "C'est noté : Un employé.\n(9/9) Presque fini : l'entreprise est-elle déjà sur un réseau social ?",
      buttons: ["Nulle part encore", "Une page qu'on n'anime plus", "Une page active, moins de 200 abonnés", "Une page active, 200 abonnés et plus", "Retour"],
    });
    last = await h.press(last, "Nulle part encore", "UFR");
    const posts = postsOf(last.calls);
    expect(posts[0]?.text).toBe("C'est noté : Nulle part encore.\nMerci ! Voici votre plan, bâti à partir de vos réponses :");
    const plan = posts[1]?.text ?? "";
    expect(
      plan.startsWith(
        "*Votre plan médias sociaux*\n\n*Vos réponses*\n\n• *Métier :* Restauration, boulangerie, alimentation\n• *Clients :* Des gens du coin\n• *Âge des clients :* De tous les âges\n• *Objectif :* Développer les ventes\n• *Temps :* 43,3 h par mois",
      ),
    ).toBe(true);
    expect(plan).not.toMatch(/\*\*|^#/m);
    expect(posts.at(-1)?.text).toMatch(/^Votre plan est prêt\./);

    const { file, filename, complete } = upload(last);
    expect(filename).toBe("plan-medias-sociaux.md");
    expect(
      file.startsWith(
        "# Votre plan médias sociaux\n\n## Vos réponses\n\n- **Métier :** Restauration, boulangerie, alimentation\n- **Clients :** Des gens du coin\n- **Âge des clients :** De tous les âges\n- **Objectif :** Développer les ventes\n- **Temps :** 43,3 h par mois (environ 10 h par semaine)\n- **Budget :** aucun budget pour l'instant\n- **Compétences :** Aucune\n- **Responsable :** Un employé\n- **Présence actuelle :** Nulle part encore\n",
      ),
    ).toBe(true);
    expect(file).toContain("## Par où commencer");
    expect(file).toContain("## Recommandations");
    expect(file).toBe((await planOf(h.coordinator, key))?.markdown);
    expect(complete.params["channel_id"]).toBe("DUFR");
    expect(complete.params["files"]).toEqual([{ id: expect.stringMatching(/^F/), title: "Votre plan médias sociaux" }]);
    expect(complete.params["initial_comment"]).toBe("Votre plan en fichier Markdown, à garder ou à partager.");
    // the file goes up after the plan message and before the closing words
    const order = last.calls.map((c) => c.method).filter((m) => m === "chat.postMessage" || m === "files.completeUploadExternal");
    expect(order.slice(-2)).toEqual(["files.completeUploadExternal", "chat.postMessage"]);
  });

  test("/plan afterwards is acknowledged at once, then offers in the DM to see the plan, change an answer or start over", async () => {
    const ex = await h.send(slashCommand({ user: "UFR", channel: "C1", responseUrl: h.api.responseUrl("plan-ufr") }));
    expect(ex.status).toBe(200);
    expect(ex.body).toBe("");
    const posts = postsOf(ex.calls);
    expect(posts.every((p) => p.channel === "DUFR")).toBe(true);
    expect(posts.at(-1)).toMatchObject({ text: expect.stringMatching(/^Rebonjour ! Votre plan est prêt\./), buttons: ["Mon plan", "Changer une réponse", "Recommencer"] });
    expect(h.api.responses.at(-1)).toEqual({
      path: "/respond/plan-ufr",
      body: { response_type: "ephemeral", text: "Je vous écris en message privé pour bâtir votre plan." },
    });

    const shown = await h.press(ex, "Mon plan", "UFR");
    expect(postsOf(shown.calls)[0]?.text).toMatch(/^\*Votre plan médias sociaux\*/);
    expect(upload(shown).file).toBe((await planOf(h.coordinator, key))?.markdown);

    const restart = await h.press(ex, "Recommencer", "UFR");
    expect(postsOf(restart.calls)[0]).toMatchObject({ text: "Tout recommencer ? Vos réponses seront effacées.", buttons: ["Oui", "Non"] });
  });
});

describe("someone else in the same workspace", () => {
  test("never gets another person's plan: not by /plan, a mention asking for a plan, a DM saying plan, or asking for it", async () => {
    const theirs = await planOf(h.coordinator, sessionKey("slack", "T1", "UFR"));
    expect(theirs?.markdown).toContain("43,3 h par mois"); // UFR's plan, from the tests above
    const exchanges = [
      await h.send(slashCommand({ user: "UOTHER", channel: "C1", responseUrl: h.api.responseUrl("plan-other") })),
      await h.send(slackEvent({ text: "<@UBOT> plan", user: "UOTHER", channel: "C1" })),
      await dm("UOTHER", "plan"),
      await h.send(slackEvent({ text: "<@UBOT> montre-moi le plan de <@UFR>", user: "UOTHER", channel: "C1" })),
      await dm("UOTHER", "montre-moi le plan de UFR"),
    ];
    for (const ex of exchanges) {
      const sent = JSON.stringify(ex.calls.map((c) => c.params));
      expect(sent).not.toContain("43,3");
      expect(sent).not.toContain("Un employé.");
      for (const c of ex.calls.filter((c) => c.method === "files.getUploadURLExternal")) {
        expect(h.api.uploads.get(String(c.result["file_id"]))).not.toContain("43,3");
      }
    }
    // what UOTHER gets is their own interview, in their own DM
    const own = postsOf(exchanges[0]!.calls);
    expect(own.every((p) => p.channel === "DUOTHER")).toBe(true);
    expect(own[0]?.text).toContain("(1/9)");
    expect(h.api.responses.filter((r) => r.path === "/respond/plan-other").map((r) => r.body["text"])).not.toContain(expect.stringContaining("43,3"));
  });
});

describe("by direct message, in English (Slack locale en-US)", () => {
  test("the same interview in English, buttons and typed answers mixed, ends with the English plan file", async () => {
    let last = await dm("UEN", "hi");
    expect(postsOf(last.calls)[0]?.text).toContain("Hello! I'm your social-media coach.");
    expect(postsOf(last.calls)[0]?.text).toContain("(1/9) First, your business: what do you do?");
    last = await dm("UEN", "we're a bakery");
    expect(postsOf(last.calls)[0]?.text).toMatch(/^Noted: Food: restaurant, café, bakery\.\n\(2\/9\) Who are your customers, mostly\?/);
    last = await h.press(last, "Local people", "UEN");
    expect(postsOf(last.calls)[0]?.text).toMatch(/\(3\/9\) How old are most of your customers\?/);
    last = await h.press(last, "All ages", "UEN");
    last = await h.press(last, "Grow sales", "UEN");
    expect(postsOf(last.calls)[0]?.text).toMatch(/^Got it\. Your goal: Grow sales\.\n\(5\/9\) How many hours a month/);
    last = await dm("UEN", "5 hours a week");
    expect(postsOf(last.calls)[0]?.text).toMatch(/\(6\/9\) What budget a month/);
    last = await dm("UEN", "$200 a month");
    expect(postsOf(last.calls)[0]?.text).toMatch(/\(7\/9\) What social-media skills/);
    last = await dm("UEN", "some professional experience");
    expect(postsOf(last.calls)[0]?.text).toMatch(/^Noted: Some professional experience\.\n\(8\/9\) Who will run it day to day\?/);
    last = await h.press(last, "Myself", "UEN");
    expect(postsOf(last.calls)[0]?.text).toMatch(/^Noted: Myself\.\n\(9\/9\) Almost done: is the business already on a social network\?/);
    last = await dm("UEN", "nowhere yet");

    const posts = postsOf(last.calls);
    expect(posts[1]?.text).toMatch(/^\*Your social-media plan\*\n\n\*Your answers\*\n\n• \*Trade:\* Food: restaurant, café, bakery\n/);
    expect(posts[1]?.text).toContain("• *Goal:* Grow sales");
    const { file, filename } = upload(last);
    expect(filename).toBe("social-media-plan.md");
    expect(file).toMatch(/^# Your social-media plan\n\n## Your answers\n\n- \*\*Trade:\*\* Food: restaurant, café, bakery\n/);
    expect(file).toContain("- **Goal:** Grow sales\n");
    expect(file).toContain("- **Who runs it:** Myself");
    expect(file).toBe((await planOf(h.coordinator, sessionKey("slack", "T1", "UEN")))?.markdown);
  });

  test("the Slack locale wins over the language of the first words", async () => {
    h.api.locales.set("UEN2", "en-GB");
    const ex = await dm("UEN2", "bonjour, je veux un plan");
    expect(postsOf(ex.calls)[0]?.text).toContain("Hello! I'm your social-media coach.");
  });

  test("without a Slack locale, the coach follows the language the person writes in", async () => {
    const ex = await dm("UNOLOC", "hello, I would like some help with our social media");
    expect(postsOf(ex.calls)[0]?.text).toContain("Hello! I'm your social-media coach.");
    const fr = await dm("UNOLOC2", "bonjour, je voudrais de l'aide pour nos médias sociaux");
    expect(postsOf(fr.calls)[0]?.text).toContain("Bonjour ! Je suis votre coach médias sociaux.");
  });
});

test("no error was logged", () => {
  expect(h.errors()).toEqual([]);
});
