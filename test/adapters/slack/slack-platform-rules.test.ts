/**
 * Slack's platform rules, checked against the real Bolt app: requests must be signed and fresh,
 * a retried event is answered once, user text echoed back cannot notify anyone, bots are ignored,
 * and the acknowledgement comes before the work.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sessionKey } from "../../../src/store/session-store.ts";
import { BOT } from "./fake-slack-api.ts";
import { nextTs, signature, slackEvent, slashCommand } from "./fixtures.ts";
import { postsOf, SIGNING_SECRET, SlackHarness, textOf } from "./slack-harness.ts";
import { planOf } from "../../helpers/inputs.ts";

let h: SlackHarness;
beforeAll(async () => {
  h = await SlackHarness.start();
});
afterAll(async () => {
  await h.close();
});

describe("request signatures", () => {
  test("unsigned, wrongly signed and 6-minute-old requests are refused with 401 and do nothing", async () => {
    const question = () => slackEvent({ text: "<@UBOT> c'est pas juste une mode?" });
    const unsigned = await h.send(question(), { unsigned: true });
    const wrong = await h.send(question(), { secret: "0000000000000000000000000000dead" });
    const stale = await h.send(question(), { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect([unsigned.status, wrong.status, stale.status]).toEqual([401, 401, 401]);
    expect([...unsigned.calls, ...wrong.calls, ...stale.calls]).toEqual([]);

    // the same request, signed now with the right secret, is answered
    const signed = await h.send(question());
    expect(signed.status).toBe(200);
    expect(postsOf(signed.calls)).toHaveLength(1);
  });

  test("a slash command is acknowledged before the work is done (the work waits on Slack's API)", async () => {
    // Slack's API holds every call: an acknowledgement that waited for the work could never come back
    const release = h.api.holdCalls();
    const timestamp = Math.floor(Date.now() / 1000);
    const request = slashCommand({ user: "UFAST", channel: "C1", responseUrl: h.api.responseUrl("fast") });
    const before = h.api.calls.length;
    const res = await fetch(h.eventsUrl, {
      method: "POST",
      headers: { "content-type": request.contentType, "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signature(SIGNING_SECRET, timestamp, request.body) },
      body: request.body,
    });
    expect(res.status).toBe(200);
    expect(h.api.calls.length).toBe(before); // acknowledged, and nothing reached Slack yet
    release();
    await h.adapter.settled();
    // then the work (a DM with the first question) happened
    expect(postsOf(h.api.calls.slice(before))[0]).toMatchObject({ channel: "DUFAST" });
  });
});

describe("retries", () => {
  test("an event Slack sends again (same event_id, X-Slack-Retry-Num) is answered once", async () => {
    const event = slackEvent({ text: "<@UBOT> et la sécurité de nos données ?" });
    const first = await h.send(event);
    const retry = await h.send(event, { retryNum: 1, retryReason: "http_error" });
    const again = await h.send(event, { retryNum: 2, retryReason: "http_error" });
    expect([first.status, retry.status, again.status]).toEqual([200, 200, 200]);
    expect(postsOf(first.calls)).toHaveLength(1);
    expect([...retry.calls, ...again.calls]).toEqual([]);
  });

  test("a retry sent because the first delivery was acknowledged late is not answered again", async () => {
    const event = slackEvent({ text: "<@UBOT> on est trop petits pour ça" });
    const retry = await h.send(event, { retryNum: 1, retryReason: "http_timeout" });
    expect(retry.status).toBe(200);
    expect(retry.calls).toEqual([]);
  });

  test("a retry of a delivery that never reached us is answered (it is the first answer)", async () => {
    const event = slackEvent({ text: "<@UBOT> on est trop petits pour ça" });
    const retry = await h.send(event, { retryNum: 1, retryReason: "connection_failed" });
    expect(postsOf(retry.calls)).toHaveLength(1);
  });
});

describe("echoed text", () => {
  test("a goal typed with <!channel>, @everyone and a mention comes back harmless, exactly escaped", async () => {
    await h.send(slackEvent({ type: "message", user: "UINJ", text: "bonjour" }));
    // the business first, then the goal is the question waiting
    for (const text of ["boulangerie", "des gens du coin", "tous les âges"]) await h.send(slackEvent({ type: "message", user: "UINJ", text }));
    // what Slack delivers when someone types "<!channel>" literally, and uses real @everyone and @ana mentions
    const ex = await h.send(
      slackEvent({ type: "message", user: "UINJ", text: "&lt;!channel&gt; <!everyone> <@U2|ana> réparer des vélos anciens &amp; &lt;b&gt;" }),
    );
    const [post] = ex.calls.filter((c) => c.method === "chat.postMessage");
    const echo = "Je garderais votre objectif dans vos mots : «&lt;!channel&gt; @everyone @ana réparer des vélos anciens &amp; &lt;b&gt;». Est-ce bien ça ? (Sinon, choisissez le choix le plus proche.)";
    expect(textOf(post!).split("\n")[0]).toBe(echo);
    expect(String(post!.params["text"]).split("\n")[0]).toBe(echo);
    expect(post!.params["parse"]).toBe("none");
    // nowhere in what was sent is there Slack markup that could notify or link anyone
    const sent = JSON.stringify(ex.calls.map((c) => c.params));
    expect(sent).not.toMatch(/<[!@#]/);
  });
});

describe("who the coach listens to", () => {
  test("its own messages, other bots' messages, edits and bot mentions get no reply and no session", async () => {
    const ignored = [
      slackEvent({ type: "message", user: BOT.userId, botId: BOT.botId, text: "Bonjour ! Je suis votre coach" }),
      slackEvent({ type: "message", botId: "BOTHER", subtype: "bot_message", text: "je veux plus de clients" }),
      slackEvent({ type: "message", user: "UBOTLIKE", botId: "BOTHER2", text: "je veux plus de clients" }),
      slackEvent({ type: "message", user: "UEDIT", subtype: "message_changed", text: "je veux plus de clients" }),
      slackEvent({ type: "app_mention", user: "UOTHERBOT", botId: "BOTHER", text: "<@UBOT> c'est pas juste une mode?" }),
    ];
    for (const event of ignored) {
      const ex = await h.send(event);
      expect(ex.status).toBe(200);
      expect(ex.calls.filter((c) => c.method !== "users.info")).toEqual([]);
    }
    for (const user of [BOT.userId, "UBOTLIKE", "UEDIT", "UOTHERBOT"]) expect(await planOf(h.coordinator, sessionKey("slack", "T1", user))).toBeNull();

    // and a person in the same DM setting is answered
    const person = await h.send(slackEvent({ type: "message", user: "UPERSON", text: "bonjour" }));
    expect(postsOf(person.calls)).toHaveLength(1);
  });
});

describe("when Slack refuses a call", () => {
  let broken: SlackHarness;
  beforeAll(async () => {
    broken = await SlackHarness.start();
  });
  afterAll(async () => {
    await broken.close();
  });

  test("no users:read scope: the coach follows the language people write in, and says so once in the logs", async () => {
    broken.api.failing.set("users.info", "missing_scope");
    const en = await broken.send(slackEvent({ type: "message", user: "USCOPE1", text: "hello, can you help us with social media?" }));
    const fr = await broken.send(slackEvent({ type: "message", user: "USCOPE2", text: "bonjour, pouvez-vous nous aider ?" }));
    expect(postsOf(en.calls)[0]?.text).toContain("Hello! I'm your social-media coach.");
    expect(postsOf(fr.calls)[0]?.text).toContain("Bonjour ! Je suis votre coach médias sociaux.");
    expect(broken.logs.filter((l) => l.includes("users.info failed"))).toHaveLength(1);
    broken.api.failing.delete("users.info");
  });

  test("a failure while answering is logged and the person is told: in the thread, or privately after /plan", async () => {
    broken.api.failing.set("conversations.open", "missing_scope");
    const ts = nextTs();
    const ex = await broken.send(slackEvent({ text: "<@UBOT> plan", user: "UFAIL", ts }));
    expect(postsOf(ex.calls)).toEqual([
      { channel: "C1", thread: ts, text: "Désolé, je n'ai pas pu traiter votre message. Réessayez dans un instant.", buttons: [] },
    ]);
    expect(broken.errors()).toHaveLength(1);
    expect(broken.errors()[0]).toContain("missing_scope");

    // after /plan there is no thread to answer in: the person is told privately
    const cmd = await broken.send(slashCommand({ user: "UFAIL", responseUrl: broken.api.responseUrl("fail") }));
    expect(cmd.status).toBe(200);
    expect(broken.api.responses.at(-1)).toEqual({
      path: "/respond/fail",
      body: { response_type: "ephemeral", text: "Désolé, je n'ai pas pu traiter votre message. Réessayez dans un instant." },
    });
    broken.api.failing.delete("conversations.open");
  });
});

test("no error was logged, and the bot token never appears in the logs", () => {
  expect(h.errors()).toEqual([]);
  expect(h.logs.join("\n")).not.toContain("xoxb-");
});
