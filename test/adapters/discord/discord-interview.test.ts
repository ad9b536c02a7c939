/**
 * Whole /plan interviews through the real discord.js client and the local fake Discord: one in
 * French in a server (ephemeral, with the share button), one in English in a DM (plain messages).
 * Each step is what the user does and what they then see.
 */
import { ButtonStyle, InteractionResponseType, Locale, MessageFlags } from "discord.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sessionKey } from "../../../src/store/session-store.ts";
import { buttons, inputs, selects, startTestBed, type Seen, type TestBed } from "./discord-test-bed.ts";
import { discordUser, GUILD_ID } from "./interaction-fixtures.ts";
import { tablesAsLines } from "../../../adapters/shared/markdown-tables.ts";
import { planOf } from "../../helpers/inputs.ts";

let bed: TestBed;
beforeAll(async () => {
  bed = await startTestBed();
});
afterAll(async () => {
  await bed?.close();
});

const ephemeral = (seen: Seen) => seen.messages.every((m) => (m.flags & MessageFlags.Ephemeral) !== 0);
const callbackTypes = (seen: Seen) =>
  seen.calls.filter((c) => c.path.endsWith("/callback")).map((c) => (c.body as { type: InteractionResponseType }).type);

describe("the /plan interview in French, in a server", () => {
  const marie = () => bed.user({ user: discordUser("111111111111111111", "marie"), guildId: GUILD_ID, locale: Locale.French });

  test("from /plan to the written plan, with menus, buttons and modals, privately; then shared in the channel", async () => {
    const u = marie();

    // /plan: deferred at once (ephemeral), then the welcome and the first question
    let seen = await u.slash("plan");
    expect(callbackTypes(seen)).toEqual([InteractionResponseType.DeferredChannelMessageWithSource]);
    expect(seen.text).toContain("Bonjour ! Je suis votre coach médias sociaux.");
    expect(seen.text).toContain("(1/9) D'abord, votre entreprise : que faites-vous ?");
    expect(ephemeral(seen)).toBe(true);
    const tradeMenu = selects(seen.messages.at(-1)!)[0]!;
    expect(tradeMenu.options).toHaveLength(6);
    expect(tradeMenu.options.map((o) => o.label)).toContain("Restauration, boulangerie, alimentation");
    expect(buttons(seen.messages.at(-1)!).map((b) => b.label)).toEqual(["✏️ Dans mes mots"]);

    // the trade from the menu: the answered question loses its menu, the next question comes
    seen = await u.choose("Restauration, boulangerie, alimentation");
    expect(callbackTypes(seen)).toEqual([InteractionResponseType.UpdateMessage]);
    expect(u.visible()[0]!.components).toEqual([]);
    expect(seen.text).toContain("C'est noté : Restauration, boulangerie, alimentation.");
    expect(seen.text).toContain("(2/9) Qui sont vos clients, surtout ?");
    // four kinds of customers, four ages: buttons
    expect(buttons(seen.messages.at(-1)!).map((b) => b.label)).toEqual([
      "Des gens du coin", "Des gens de toute la région ou du pays", "Des entreprises", "Les deux : des gens et des entreprises", "Retour",
    ]);
    seen = await u.press("Des gens du coin");
    expect(seen.text).toContain("(3/9) Quel âge ont la plupart de vos clients ?");
    seen = await u.press("De tous les âges");
    expect(seen.text).toContain("(4/9) Quel est votre objectif principal sur les médias sociaux ?");
    const goalMenu = selects(seen.messages.at(-1)!)[0]!;
    expect(goalMenu.options).toHaveLength(10);
    expect(goalMenu.options.map((o) => o.label)).toContain("Développer les ventes");

    seen = await u.choose("Développer les ventes");
    expect(callbackTypes(seen)).toEqual([InteractionResponseType.UpdateMessage]);
    expect(seen.text).toContain("C'est noté. Votre objectif : Développer les ventes.");
    expect(seen.text).toContain("(5/9) Combien d'heures par mois");
    expect(buttons(seen.messages.at(-1)!).map((b) => b.label)).toEqual(["✏️ Écrire ma réponse", "Retour"]);
    expect(ephemeral(seen)).toBe(true);

    // hours are typed: the button opens a modal labelled by the engine
    const time = await u.type("✏️ Écrire ma réponse", "10 h par semaine");
    expect(time.modal.title).toBe("Votre réponse");
    expect(inputs(time.modal)).toEqual([{ custom_id: "answer", label: "Heures par mois", placeholder: "ex. 10 h par mois, 5 h par semaine" }]);
    expect(time.seen.text).toContain("C'est noté : 43,3 h par mois (environ 10 h par semaine).");
    expect(time.seen.text).toContain("(6/9) Quel budget par mois");

    // a budget that cannot be read gets the re-prompt, and the question's button again
    const vague = await u.type("✏️ Écrire ma réponse", "ça dépend des mois");
    expect(vague.seen.text).toContain("Je n'ai pas pu lire un montant.");
    expect(vague.seen.text).not.toContain("C'est noté");
    const budget = await u.type("✏️ Écrire ma réponse", "aucun");
    expect(budget.modal.components).toHaveLength(1);
    expect(inputs(budget.modal)[0]!.label).toBe("Budget par mois");
    expect(budget.seen.text).toContain("C'est noté : aucun budget pour l'instant.");
    expect(budget.seen.text).toContain("(7/9) Quelles compétences en médias sociaux");

    // four skills: buttons; six owners: a menu (Discord shows five buttons a row)
    seen = await u.press("Aucune");
    expect(seen.text).toContain("C'est noté : Aucune.");
    expect(selects(seen.messages.at(-1)!)[0]!.options.map((o) => o.label)).toEqual([
      "Moi-même", "Un employé", "Un stagiaire", "Un membre de ma famille", "Une agence ou un pigiste", "Pas encore décidé",
    ]);
    expect(buttons(seen.messages.at(-1)!).map((b) => b.label)).toEqual(["Retour"]);

    seen = await u.choose("Un employé");
    expect(seen.text).toContain("C'est noté : Un employé.");
    expect(seen.text).toContain("(9/9) Presque fini : l'entreprise est-elle déjà sur un réseau social ?");

    // the last answer: the plan, split under Discord's 2000 characters, with its Markdown file
    seen = await u.press("Nulle part encore");
    expect(ephemeral(seen)).toBe(true);
    expect(seen.text).toContain("Merci ! Voici votre plan, bâti à partir de vos réponses :");
    expect(seen.text).toContain("# Votre plan médias sociaux");
    expect(seen.text).toContain("**Métier :** Restauration, boulangerie, alimentation");
    expect(seen.text).toContain("**Objectif :** Développer les ventes");
    expect(seen.text).toContain("**Responsable :** Un employé");
    expect(seen.text).toContain("**Présence actuelle :** Nulle part encore");
    const stored = await planOf(bed.coordinator, sessionKey("discord", GUILD_ID, u.id));
    expect(stored?.done).toBe(true);
    const planMessages = seen.messages.filter((m) => m.content.startsWith("# Votre plan") || seen.messages.indexOf(m) > 0);
    for (const m of seen.messages) expect(m.content.length).toBeLessThanOrEqual(2000);
    const files = seen.messages.flatMap((m) => m.files);
    expect(files).toEqual([{ name: "plan-medias-sociaux.md", text: stored!.markdown }]);
    // the plan text the user reads is the whole plan, in order (the first month's table as lines: a chat message draws no table)
    const shownPlan = planMessages.map((m) => m.content).join("\n").replace(/\s+/g, " ");
    expect(stored!.markdown).toContain("| Lundi |");
    expect(shownPlan).toContain(tablesAsLines(stored!.markdown).trim().replace(/\s+/g, " "));
    expect(shownPlan).toContain("**Semaine 1** - Lundi — ");
    const last = seen.messages.at(-1)!;
    expect(last.content).toContain("Votre plan est prêt.");
    // what the coach offers after every plan, on every platform, then Discord's own: share it in the channel
    expect(buttons(last).map((b) => [b.label, b.style])).toEqual([
      ["Mon plan", ButtonStyle.Secondary],
      ["Changer une réponse", ButtonStyle.Secondary],
      ["Recommencer", ButtonStyle.Secondary],
      ["📣 Partager mon plan dans ce salon", ButtonStyle.Success],
    ]);

    // sharing: public messages in the channel (not ephemeral), then the user privately told. The
    // press is acknowledged with a deferred update (the fake, like Discord, would turn the first
    // follow-up after an ephemeral deferred reply into an edit of that private reply)
    const planMessage = structuredClone(last);
    const shared = await u.press("📣 Partager mon plan dans ce salon");
    expect(callbackTypes(shared)).toEqual([InteractionResponseType.DeferredMessageUpdate]);
    const posts = shared.messages.slice(0, -1);
    const note = shared.messages.at(-1)!;
    expect(note.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(note.content).toBe("C'est fait : votre plan est publié dans ce salon, à la vue de tous.");
    expect(posts.length).toBeGreaterThan(0);
    for (const p of posts) expect(p.flags & MessageFlags.Ephemeral).toBe(0);
    expect(posts[0]!.content).toMatch(/^<@111111111111111111> partage son plan médias sociaux :\n\n# Votre plan médias sociaux/);
    // the whole plan is public, not only what follows a first chunk, its table as lines as in the private plan
    const sharedText = posts.map((p) => p.content).join("\n");
    expect(sharedText.replace(/\s+/g, " ")).toContain(tablesAsLines(stored!.markdown).trim().replace(/\s+/g, " "));
    expect(sharedText).not.toContain("| Lundi |");
    expect(posts.flatMap((p) => p.files)).toEqual([{ name: "plan-medias-sociaux.md", text: stored!.markdown }]);
    expect(posts.every((p) => p.components.length === 0)).toBe(true);
    // the header names the owner, without pinging them (nor anyone)
    for (const m of shared.messages) expect(m.allowedMentions).toEqual({ parse: [] });
    // the private plan message the button is on is left as it was
    expect(last).toEqual(planMessage);

    // a second press (or a double click) does not post the plan again: the user is told, privately
    const again = await u.press("📣 Partager mon plan dans ce salon");
    expect(again.messages).toHaveLength(1);
    expect(again.messages[0]!.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(again.messages[0]!.content).toBe("Ce plan est déjà publié dans le salon ; je ne le publie pas une deuxième fois.");
  });

  test("/plan action:show mid-interview: the plan so far with its file, then the pending question (no share button)", async () => {
    const u = bed.user({ user: discordUser("111111111111111112", "luc"), guildId: GUILD_ID, locale: Locale.French });
    await u.slash("plan");
    await u.choose("Services aux entreprises : comptabilité, droit, conseil");
    await u.press("Des entreprises");
    await u.choose("Suivre la concurrence");
    const seen = await u.slash("plan", { action: "show" });
    expect(ephemeral(seen)).toBe(true);
    expect(seen.text).toContain("Voici votre plan jusqu'ici :");
    expect(seen.text).toContain("**Clients :** Des entreprises");
    expect(seen.text).toContain("**Objectif :** Suivre la concurrence");
    expect(seen.messages.flatMap((m) => m.files).map((f) => f.name)).toEqual(["plan-medias-sociaux.md"]);
    // businesses have no age: after the goal comes the time, question 4 of 8
    expect(seen.text).toContain("(4/8) Combien d'heures par mois");
    expect(seen.messages.flatMap(buttons).map((b) => b.label)).not.toContain("📣 Partager mon plan dans ce salon");
  });

  test("/plan action:reset and action:forget ask first, with Yes/No buttons", async () => {
    const u = bed.user({ user: discordUser("111111111111111113", "ines"), guildId: GUILD_ID, locale: Locale.French });
    await u.slash("plan");
    await u.choose("Métiers, réparations, construction");

    let seen = await u.slash("plan", { action: "reset" });
    expect(seen.text).toBe("Tout recommencer ? Vos réponses seront effacées.");
    expect(buttons(seen.messages[0]!).map((b) => [b.label, b.style])).toEqual([["Oui", ButtonStyle.Danger], ["Non", ButtonStyle.Secondary]]);
    seen = await u.press("Non");
    expect(seen.text).toContain("D'accord, on ne recommence pas ; vos réponses sont gardées.");
    expect(seen.text).toContain("(2/9)");

    seen = await u.slash("plan", { action: "reset" });
    seen = await u.press("Oui");
    expect(seen.text).toContain("On recommence depuis le début.");
    expect(seen.text).toContain("(1/9) D'abord, votre entreprise : que faites-vous ?");

    seen = await u.slash("plan", { action: "forget" });
    expect(seen.text).toBe("Je vais effacer tout ce que je garde sur vous : vos réponses et votre plan. Êtes-vous sûr ?");
    seen = await u.press("Oui");
    expect(seen.text).toBe("C'est fait : je n'ai plus rien sur vous. Écrivez-moi quand vous voulez pour recommencer.");
    expect(await planOf(bed.coordinator, sessionKey("discord", GUILD_ID, u.id))).toBeNull();
  });
});

describe("the /plan interview in English, in a DM", () => {
  test("plain (not ephemeral) messages, a Back button, typed hours and budget, the plan and its file; no share button", async () => {
    const u = bed.user({ user: discordUser("222222222222222222", "sam"), guildId: null, locale: Locale.EnglishUS });

    let seen = await u.slash("plan");
    expect(seen.text).toContain("Hello! I'm your social-media coach.");
    expect(seen.text).toContain("(1/9) First, your business: what do you do?");
    expect(seen.messages.every((m) => m.flags === 0)).toBe(true);
    expect(buttons(seen.messages.at(-1)!).map((b) => b.label)).toEqual(["✏️ In my own words"]);

    // the trade in a few words of their own, in a modal
    const trade = await u.type("✏️ In my own words", "dog grooming");
    expect(inputs(trade.modal)[0]).toMatchObject({ label: "Your trade, in a few words", placeholder: "e.g. cheese shop, dog grooming" });
    expect(trade.seen.text).toContain("Noted: Personal services: beauty, health, fitness, classes.");
    expect(trade.seen.text).toContain("(2/9) Who are your customers, mostly?");
    seen = await u.press("Local people");
    seen = await u.press("Mostly 35 to 54");
    expect(seen.text).toContain("(4/9) What is your main goal on social media?");

    seen = await u.choose("Attract new talent");
    expect(seen.text).toContain("Got it. Your goal: Attract new talent.");
    expect(seen.text).toContain("(5/9) How many hours a month");

    const time = await u.type("✏️ Type my answer", "5 hours a week");
    expect(time.modal.title).toBe("Your answer");
    expect(inputs(time.modal)[0]).toMatchObject({ label: "Hours a month", placeholder: "e.g. 10 hours a month, 5 h a week" });
    expect(time.seen.text).toContain("(6/9) What budget a month");

    // changed their mind: Back to the hours, then a new figure
    seen = await u.press("Back");
    expect(seen.text).toContain("Back to the previous question. Your current answer:");
    expect(seen.text).toContain("(5/9) How many hours a month");
    const again = await u.type("✏️ Type my answer", "20 hours a month");
    expect(again.seen.text).toContain("Noted: 20 h a month");

    const budget = await u.type("✏️ Type my answer", "$150 a month");
    expect(inputs(budget.modal)[0]!.label).toBe("Budget a month");
    expect(budget.seen.text).toContain("(7/9) What social-media skills");

    seen = await u.press("Some professional experience");
    expect(seen.text).toContain("(8/9) Who will run it day to day?");
    seen = await u.choose("Myself");
    expect(seen.text).toContain("(9/9) Almost done: is the business already on a social network?");
    // a page: which network it is on comes next, the last of ten questions
    seen = await u.press("An active page, under 200 followers");
    expect(seen.text).toContain("(10/10) Which network is that page on?");
    seen = await u.choose("Instagram");

    const stored = await planOf(bed.coordinator, sessionKey("discord", "dm", u.id));
    expect(stored?.done).toBe(true);
    expect(seen.text).toContain("Thank you! Here is your plan, built from your answers:");
    expect(seen.text).toContain("**Goal:** Attract new talent");
    expect(seen.text).toContain("**Trade:** Personal services: beauty, health, fitness, classes");
    expect(stored?.plan.network).toMatchObject({ id: "instagram", presence: "continue" });
    expect(seen.messages.flatMap((m) => m.files)).toEqual([{ name: "social-media-plan.md", text: stored!.markdown }]);
    expect(seen.messages.every((m) => m.flags === 0 && m.content.length <= 2000)).toBe(true);
    expect(seen.messages.flatMap(buttons).map((b) => b.label)).not.toContain("📣 Share my plan in this channel");
  });
});
