/**
 * Discord's rules and the ways a conversation goes off the happy path: /ask, an interaction that
 * expired (10062), `@everyone` typed into a modal, a button of another user's conversation, a
 * button or modal of an earlier question, a share button with no finished plan, the gateway
 * intents, and Discord's message checks on everything sent.
 */
import { GatewayIntentBits, InteractionResponseType, Locale, MessageFlags } from "discord.js";
import { encodeComponentId } from "../../../adapters/discord/component-id.ts";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sessionKey } from "../../../src/store/session-store.ts";
import { buttons, selects, startTestBed, type TestBed } from "./discord-test-bed.ts";
import { buttonPress, discordUser, GUILD_ID, selectMenu } from "./interaction-fixtures.ts";
import { planOf } from "../../helpers/inputs.ts";

let bed: TestBed;
beforeAll(async () => {
  bed = await startTestBed();
});
afterAll(async () => {
  await bed?.close();
});

const inGuild = (id: string, name: string, locale: Locale = Locale.French) => bed.user({ user: discordUser(id, name), guildId: GUILD_ID, locale });

describe("the gateway connection", () => {
  test("identifies with the Guilds intent only (no privileged or message intent)", () => {
    expect(bed.fake.identifies.map((i) => i.intents)).toEqual([GatewayIntentBits.Guilds]);
  });
});

describe("/ask", () => {
  test("answers a doubt from the rule base, in the user's Discord language, with related topics as buttons", async () => {
    const u = inGuild("333333333333333331", "alex", Locale.EnglishGB);
    const seen = await u.slash("ask", { question: "isn't social media just a fad?" });
    expect(seen.messages).toHaveLength(1);
    expect(seen.text).toContain("Social media are no longer a novelty that will pass");
    expect(seen.text).toContain("Source:");
    expect(seen.messages[0]!.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    const related = buttons(seen.messages[0]!).map((b) => b.label);
    expect(related.length).toBeGreaterThan(0);

    // a related topic is a button: pressing it answers that topic too
    const more = await u.press(related[0]!);
    expect(more.text).not.toContain("That button belongs to an earlier question");
    expect(more.text.length).toBeGreaterThan(100);
  });

  test("in French for a French Discord client", async () => {
    const u = inGuild("333333333333333332", "chloe", Locale.French);
    const seen = await u.slash("ask", { question: "c'est juste une mode, non ?" });
    expect(seen.text).toContain("Les médias sociaux ne sont plus une nouveauté qui va passer");
  });
});

describe("an interaction Discord no longer accepts", () => {
  test("a first response refused with 10062 Unknown interaction is logged, nothing is applied, and the bot keeps working", async () => {
    const u = inGuild("333333333333333333", "noe");
    const late = await u.slash("plan", undefined, { late: true });
    expect(late.calls.map((c) => [c.path.endsWith("/callback"), c.status])).toEqual([[true, 404]]);
    expect(late.messages).toEqual([]);
    const warning = bed.logs.find((l) => l.level === "warn" && l.fields.interaction === late.interaction.id);
    expect(warning?.message).toMatch(/10062 Unknown interaction/);
    expect(bed.logs.filter((l) => l.level === "error")).toEqual([]);
    // the coordinator never saw the input: no session was started
    expect(await planOf(bed.coordinator, sessionKey("discord", GUILD_ID, u.id))).toBeNull();

    const next = await u.slash("plan");
    expect(next.text).toContain("(1/9) D'abord, votre entreprise : que faites-vous ?");
  });
});

describe("the same interaction delivered twice", () => {
  test("(two instances on one token, say) is answered and applied once; the second ack is refused with 40060 and only logged", async () => {
    const u = inGuild("333333333333333339", "eli");
    const first = await u.slash("plan");
    const question = first.messages.at(-1)!;
    const menu = selects(question)[0]!;
    const food = menu.options.find((o) => o.label === "Restauration, boulangerie, alimentation")!.value;
    const choice = selectMenu({ ...u.where, customId: menu.custom_id, values: [food], message: bed.fake.apiMessage(question) });
    bed.fake.dispatch(choice);
    const seen = await u.send(choice); // the very same payload again

    const callbacks = seen.calls.filter((c) => c.path.endsWith("/callback")).map((c) => c.status);
    expect(callbacks.sort()).toEqual([204, 400]);
    expect(seen.messages.filter((m) => m.content.includes("C'est noté : Restauration, boulangerie, alimentation."))).toHaveLength(1);
    expect(seen.text).not.toContain("Ce bouton appartient à une question précédente");
    const warning = bed.logs.find((l) => l.level === "warn" && l.fields.interaction === choice.id);
    expect(warning?.message).toMatch(/40060/);
    expect(bed.logs.filter((l) => l.level === "error")).toEqual([]);
    const plan = await planOf(bed.coordinator, sessionKey("discord", GUILD_ID, u.id));
    expect(plan?.markdown).toContain("- **Métier :** Restauration, boulangerie, alimentation\n");
    // applied once: the interview is at the second question
    expect((await bed.coordinator.handle(sessionKey("discord", GUILD_ID, u.id), { kind: "export" })).step).toBe("customers");
  });
});

describe("nothing a user types can ping anyone", () => {
  test("@everyone as a goal in the user's own words is echoed as text, sent with allowed_mentions parse []", async () => {
    const u = inGuild("333333333333333334", "lea");
    await u.slash("plan");
    await u.choose("Restauration, boulangerie, alimentation");
    await u.press("Des gens du coin");
    await u.press("De tous les âges");
    const { modal, seen } = await u.type("✏️ Dans mes mots", "@everyone venez goûter nos nouvelles pâtisseries");
    expect(modal.title).toBe("Votre réponse");
    expect(seen.text).toContain("Je garderais votre objectif dans vos mots : «@everyone venez goûter nos nouvelles pâtisseries». Est-ce bien ça ?");
    const sent = seen.calls.filter((c) => JSON.stringify(c.body).includes("@everyone"));
    expect(sent.length).toBeGreaterThan(0);
    for (const call of sent) expect((call.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
  });

  test("every message, edit and follow-up the bot sent carried allowed_mentions parse []", () => {
    const messageCallbacks = [InteractionResponseType.ChannelMessageWithSource, InteractionResponseType.UpdateMessage];
    const bodies = bed.fake.calls
      .filter((c) => c.status < 300)
      .flatMap((c): Record<string, unknown>[] => {
        if (c.path.endsWith("/callback")) {
          const { type, data } = c.body as { type: InteractionResponseType; data?: Record<string, unknown> };
          return messageCallbacks.includes(type) && data ? [data] : [];
        }
        return c.path.startsWith("/webhooks/") && (c.method === "POST" || c.method === "PATCH") ? [c.body as Record<string, unknown>] : [];
      });
    expect(bodies.length).toBeGreaterThan(5);
    for (const body of bodies) expect(body.allowed_mentions, JSON.stringify(body).slice(0, 200)).toEqual({ parse: [] });
  });
});

describe("buttons that are not for this user or this moment", () => {
  test("a button of another user's conversation gets a private refusal and changes nothing", async () => {
    const marie = inGuild("333333333333333335", "marie");
    const paul = inGuild("333333333333333336", "paul", Locale.EnglishUS);
    const first = await marie.slash("plan");
    const question = first.messages.at(-1)!;
    const before = structuredClone(question.components);

    const refused = await paul.pressOn(question, "✏️ Dans mes mots");
    expect(refused.calls.map((c) => (c.body as { type: number }).type)).toEqual([InteractionResponseType.ChannelMessageWithSource]);
    expect(refused.text).toBe("This button belongs to someone else's conversation with the coach, so I've ignored it. Run /plan to start your own.");
    expect(refused.messages[0]!.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(refused.modal).toBeNull();
    expect(question.components).toEqual(before);
    expect(await planOf(bed.coordinator, sessionKey("discord", GUILD_ID, paul.id))).toBeNull();

    // Marie's conversation is where it was: her own choice still answers question 1
    const seen = await marie.chooseOn(question, "Services aux entreprises : comptabilité, droit, conseil");
    expect(seen.text).toContain("C'est noté : Services aux entreprises : comptabilité, droit, conseil.");
    expect(seen.text).toContain("(2/9)");
  });

  test("a menu of an earlier question is answered as stale, with the question now pending", async () => {
    const u = inGuild("333333333333333337", "hugo");
    const first = await u.slash("plan");
    const second = await u.slash("plan"); // the same question shown again, say on another device
    expect(second.text).toContain("(1/9)");
    await u.chooseOn(second.messages.at(-1)!, "Métiers, réparations, construction");

    const stale = await u.chooseOn(first.messages.at(-1)!, "Commerce, boutique");
    expect(stale.text).toContain("Ce bouton appartient à une question précédente ; je n'en tiens pas compte.");
    expect(stale.text).toContain("(2/9) Qui sont vos clients, surtout ?");
    const plan = await planOf(bed.coordinator, sessionKey("discord", GUILD_ID, u.id));
    expect(plan?.markdown).toContain("- **Métier :** Métiers, réparations, construction\n");
  });

  test("a modal of an earlier question is not taken as the answer to the pending one", async () => {
    const u = inGuild("333333333333333338", "zoe");
    await u.slash("plan");
    await u.choose("Restauration, boulangerie, alimentation");
    await u.press("Des gens du coin");
    await u.press("De tous les âges");
    await u.choose("Développer les ventes");
    const timeShownAgain = await u.slash("plan");
    const oldTimeQuestion = timeShownAgain.messages.at(-1)!;
    const newer = await u.slash("plan");
    await u.type("✏️ Écrire ma réponse", "10 h par mois", newer.messages.at(-1)!);

    // now at the budget question; the older message still offers the hours modal
    const { seen } = await u.type("✏️ Écrire ma réponse", "500 $ par mois", oldTimeQuestion);
    expect(seen.text).toContain("Ce bouton appartient à une question précédente");
    expect(seen.text).toContain("(6/9) Quel budget par mois");
    expect(seen.text).not.toContain("C'est noté");
    const plan = await planOf(bed.coordinator, sessionKey("discord", GUILD_ID, u.id));
    expect(plan?.plan.budgetPerMonth).toBeNull();
    expect(plan?.plan.hoursPerMonth).toBe(10);
  });
});

describe("sharing before the plan is finished", () => {
  test("the share button with no finished plan: acknowledged at once, a private note, nothing public", async () => {
    const u = inGuild("333333333333333341", "ines");
    const first = await u.slash("plan");
    const question = first.messages.at(-1)!;
    const before = structuredClone(question);
    const press = buttonPress({ ...u.where, customId: encodeComponentId({ kind: "share", owner: u.id }), message: bed.fake.apiMessage(question) });
    const seen = await u.send(press);
    expect(seen.calls.filter((c) => c.path.endsWith("/callback")).map((c) => (c.body as { type: number }).type)).toEqual([
      InteractionResponseType.DeferredMessageUpdate,
    ]);
    expect(seen.messages).toHaveLength(1);
    expect(seen.text).toBe("Il n'y a pas encore de plan terminé à partager. Lancez /plan pour finir l'entrevue d'abord.");
    expect(seen.messages[0]!.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(question).toEqual(before);
  });
});

describe("leftovers of an older version of the coach", () => {
  test("an unknown command and a button whose custom_id this version never makes get a private explanation", async () => {
    const u = inGuild("333333333333333340", "ana", Locale.EnglishUS);
    const command = await u.slash("coach");
    expect(command.text).toBe("The coach no longer has this command. Use /plan for your plan, or /ask for a question.");
    expect(command.messages[0]!.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);

    const first = await u.slash("plan");
    const message = bed.fake.apiMessage(first.messages.at(-1)!);
    const old = await u.send(buttonPress({ ...u.where, customId: "coach-v0:goal:sales", message }));
    expect(old.text).toBe("This button is from an older version of the coach and no longer works. Run /plan to pick up where you left off.");
    // nothing was answered by it
    const after = await bed.coordinator.handle(sessionKey("discord", GUILD_ID, u.id), { kind: "export" });
    expect(after).toMatchObject({ known: true, done: false, answers: {} });
  });
});

describe("Discord's checks", () => {
  test("the fake refused nothing the bot sent, apart from the deliberately late and duplicate acknowledgements", () => {
    const refused = bed.fake.calls.filter((c) => c.status >= 400);
    expect(refused.map((c) => [c.status, (c.body as { type?: number }).type])).toEqual([
      [404, InteractionResponseType.DeferredChannelMessageWithSource], // the deliberately late /plan
      [400, InteractionResponseType.UpdateMessage], // the duplicate delivery's second acknowledgement
    ]);
    for (const m of bed.fake.messages) expect(m.content.length).toBeLessThanOrEqual(2000);
  });
});
