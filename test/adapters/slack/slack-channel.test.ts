/**
 * The coach in a channel: a question answered in the thread under it, topic buttons anyone can
 * press, and a mention that asks for a plan, which goes to a DM (default) or stays in the thread
 * (SLACK_PLAN_IN=thread).
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sessionKey } from "../../../src/store/session-store.ts";
import { nextTs, slackEvent, slashCommand } from "./fixtures.ts";
import { postsOf, SlackHarness } from "./slack-harness.ts";
import { planOf } from "../../helpers/inputs.ts";

describe("plans in DMs (the default)", () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await SlackHarness.start({ locales: { UEN: "en-US" } });
  });
  afterAll(async () => {
    await h.close();
  });

  test("a question in a channel is answered from the rule base, in the thread under it", async () => {
    const ts = nextTs();
    const ex = await h.send(slackEvent({ text: "<@UBOT> c'est pas juste une mode?", user: "U1", channel: "C1", ts }));
    expect(ex.status).toBe(200);
    const posts = postsOf(ex.calls);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ channel: "C1", thread: ts });
    expect(posts[0]?.text).toMatch(/^Les médias sociaux ne sont plus une nouveauté qui va passer/);
    expect(posts[0]?.text).toContain("Source : «Question No 1: Le budget");
    expect(posts[0]?.buttons).toEqual(["Le retour ne se mesure pas", "On risque d'être critiqués en public"]);

    // anyone in the channel may press a related topic: its answer comes in the same thread
    const more = await h.press(ex, "On risque d'être critiqués en public", "U2");
    expect(postsOf(more.calls)).toMatchObject([{ channel: "C1", thread: ts }]);
    expect(postsOf(more.calls)[0]?.text).not.toBe(posts[0]?.text);
    expect(more.calls.some((c) => c.method === "chat.update")).toBe(false);
    // nobody's session was created by asking
    expect(await h.store.keys()).toEqual([]);
  });

  test("a question the rule base does not know gets the topics, and a word on how to get a plan", async () => {
    const ts = nextTs();
    const ex = await h.send(slackEvent({ text: "<@UBOT> quelle est la capitale de l'Australie ?", ts }));
    const [post] = postsOf(ex.calls);
    expect(post?.thread).toBe(ts);
    expect(post?.text).toBe(
      "Je ne suis pas sûr de comprendre. De quel doute voulez-vous que je vous parle ?\nPour un plan écrit adapté à votre entreprise, mentionnez-moi avec « plan » ou tapez /plan.",
    );
    expect(post?.buttons.length).toBeGreaterThan(3);
  });

  test("a mention asking for a plan starts the interview in a DM, and says so in the thread", async () => {
    const ts = nextTs();
    const ex = await h.send(slackEvent({ text: "<@UBOT> aide-moi à faire un plan", user: "U3", channel: "C1", ts }));
    expect(ex.calls.find((c) => c.method === "conversations.open")?.params["users"]).toBe("U3");
    const posts = postsOf(ex.calls);
    expect(posts.map((p) => [p.channel, p.thread])).toEqual([["DU3", undefined], ["C1", ts]]);
    expect(posts[0]?.text).toContain("(1/9) D'abord, votre entreprise : que faites-vous ?");
    expect(posts[1]?.text).toBe("Je vous écris en message privé pour bâtir votre plan.");
  });

  test("in English for a person whose Slack is in English", async () => {
    const ex = await h.send(slackEvent({ text: "<@UBOT> can you help me make a plan?", user: "UEN" }));
    const posts = postsOf(ex.calls);
    expect(posts[0]).toMatchObject({ channel: "DUEN" });
    expect(posts[0]?.text).toContain("(1/9) First, your business: what do you do?");
    expect(posts[1]?.text).toBe("I've sent you a direct message to build your plan.");
  });

  test("no error was logged", () => {
    expect(h.errors()).toEqual([]);
  });
});

describe("plans in the thread (SLACK_PLAN_IN=thread)", () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await SlackHarness.start({ planIn: "thread", locales: { U1: "fr-CA" } });
  });
  afterAll(async () => {
    await h.close();
  });

  test("the interview runs in the thread; only its owner's replies and clicks count", async () => {
    const root = nextTs();
    const start = await h.send(slackEvent({ text: "<@UBOT> plan", user: "U1", channel: "C7", ts: root }));
    expect(start.calls.some((c) => c.method === "conversations.open")).toBe(false);
    expect(postsOf(start.calls)).toMatchObject([{ channel: "C7", thread: root }]);
    expect(postsOf(start.calls)[0]?.text).toContain("(1/9) D'abord, votre entreprise : que faites-vous ?");

    // someone else presses a button of this interview: told privately, nothing else happens
    const intruder = await h.press(start, "Commerce, boutique", "U2");
    expect(postsOf(intruder.calls)).toEqual([]);
    expect(intruder.calls.some((c) => c.method === "chat.update")).toBe(false);
    expect(h.api.responses.at(-1)?.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(String(h.api.responses.at(-1)?.body["text"])).toMatch(/^Ces boutons appartiennent à la conversation de quelqu'un d'autre\./);

    // someone else writes in the thread: not a turn of this interview
    const chatter = await h.send(slackEvent({ type: "message", channelType: "channel", channel: "C7", threadTs: root, user: "U2", text: "une boulangerie" }));
    expect(chatter.calls.filter((c) => c.method === "chat.postMessage")).toEqual([]);

    // the owner answers in the thread, typed (with a mention, Slack sends both events: one answer)
    const replyTs = nextTs();
    const typed = await h.send(slackEvent({ type: "message", channelType: "channel", channel: "C7", threadTs: root, ts: replyTs, user: "U1", text: "<@UBOT> une boulangerie" }));
    const mention = await h.send(slackEvent({ type: "app_mention", channel: "C7", threadTs: root, ts: replyTs, user: "U1", text: "<@UBOT> une boulangerie" }));
    expect(postsOf(mention.calls)).toEqual([]);
    expect(postsOf(typed.calls)).toMatchObject([{ channel: "C7", thread: root }]);
    expect(postsOf(typed.calls)[0]?.text).toMatch(/^C'est noté : Restauration, boulangerie, alimentation\.\n\(2\/9\)/);

    const key = sessionKey("slack", "T1", "U1");
    expect((await planOf(h.coordinator, key))?.markdown).toContain("- **Métier :** Restauration, boulangerie, alimentation\n");
    expect(await planOf(h.coordinator, sessionKey("slack", "T1", "U2"))).toBeNull();
  });

  test("no error was logged", () => {
    expect(h.errors()).toEqual([]);
  });
});

describe("a thread interview after a restart (SLACK_PLAN_IN=thread)", () => {
  test("the owner's replies in the thread still go to their interview; other people's still do not", async () => {
    const before = await SlackHarness.start({ planIn: "thread" });
    const root = nextTs();
    const start = await before.send(slackEvent({ text: "<@UBOT> plan", user: "U1", channel: "C8", ts: root }));
    expect(postsOf(start.calls)[0]?.text).toContain("(1/9)");
    await before.close();

    // a new process, same sessions (the lowdb files, or Redis)
    const after = await SlackHarness.start({ planIn: "thread", store: before.store });
    try {
      const chatter = await after.send(slackEvent({ type: "message", channelType: "channel", channel: "C8", threadTs: root, user: "U2", text: "une boulangerie" }));
      expect(postsOf(chatter.calls)).toEqual([]);
      const elsewhere = await after.send(slackEvent({ type: "message", channelType: "channel", channel: "C8", threadTs: nextTs(), user: "U1", text: "une boulangerie" }));
      expect(postsOf(elsewhere.calls)).toEqual([]);
      const typed = await after.send(slackEvent({ type: "message", channelType: "channel", channel: "C8", threadTs: root, user: "U1", text: "une boulangerie" }));
      expect(postsOf(typed.calls)).toMatchObject([{ channel: "C8", thread: root }]);
      expect(postsOf(typed.calls)[0]?.text).toMatch(/^C'est noté : Restauration, boulangerie, alimentation\.\n\(2\/9\)/);
      expect(after.errors()).toEqual([]);
    } finally {
      await after.close();
    }
  });

  test("once the owner takes the plan to a DM (/plan), the old thread no longer takes turns", async () => {
    const h = await SlackHarness.start({ planIn: "thread" });
    try {
      const root = nextTs();
      await h.send(slackEvent({ text: "<@UBOT> plan", user: "U1", channel: "C9", ts: root }));
      const dm = await h.send(slashCommand({ user: "U1", channel: "C9" }));
      expect(postsOf(dm.calls)[0]?.text).toContain("(1/9)");
      const late = await h.send(slackEvent({ type: "message", channelType: "channel", channel: "C9", threadTs: root, user: "U1", text: "une boulangerie" }));
      expect(postsOf(late.calls)).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
