/**
 * Slack, when things go wrong, through a real Bolt app and the fake Slack API: a signed /plan or
 * button click replayed within its five minutes is handled once; a reply that cannot be posted
 * after the answer was saved is posted again after "your answer is saved" (never "try again"), or
 * the person is told it is saved; while the coach's memory is out of reach, a pressed button keeps
 * its buttons (nothing was saved) and the person is told.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryStore } from "../../../src/store/memory-store.ts";
import type { Revisioned } from "../../../src/store/session-store.ts";
import { StoreUnavailableError } from "../../../src/store/store-errors.ts";
import { blockAction, slackEvent, slashCommand } from "./fixtures.ts";
import { buttonsOf, postsOf, SlackHarness, type Exchange } from "./slack-harness.ts";

/** A MemoryStore that can be made unreachable, like Redis during an outage. */
class FlakyStore extends MemoryStore {
  down = false;
  override async read(key: string): Promise<Revisioned> {
    if (this.down) throw new StoreUnavailableError("Redis could not read a session (simulated outage)", { kind: "unreachable" });
    return super.read(key);
  }
}

let h: SlackHarness;
const store = new FlakyStore();
beforeAll(async () => {
  h = await SlackHarness.start({ store, locales: { UREP: "fr-FR", UPOST: "fr-FR", UDOWN: "fr-FR" } });
});
afterAll(async () => {
  await h.close();
});

const dm = (user: string, text: string) => h.send(slackEvent({ type: "message", channelType: "im", user, text }));

describe("a replayed signed request (same body, same signature, within five minutes)", () => {
  it("of /plan is handled once: the replay gets a 200 and nothing is posted", async () => {
    const request = slashCommand({ user: "UREP", channel: "C1", responseUrl: h.api.responseUrl("plan-rep") });
    const first = await h.send(request);
    expect(first.status).toBe(200);
    expect(postsOf(first.calls).map((p) => p.text).join("\n")).toContain("(1/9)");
    const replay = await h.send(request);
    expect(replay.status).toBe(200);
    expect(replay.calls).toEqual([]);
    expect(replay.ms).toBeLessThan(2500); // acknowledged, not left to time out
  });

  it("of a button click is handled once: the choice is not applied a second time", async () => {
    const opening = await dm("UREP", "bonjour");
    const food = "Restauration, boulangerie, alimentation";
    const posted = [...opening.calls].reverse().find((c) => c.method === "chat.postMessage" && buttonsOf(c).some((b) => b.label === food))!;
    const click = blockAction({
      button: buttonsOf(posted).find((b) => b.label === food)!,
      user: "UREP",
      channel: String(posted.params["channel"]),
      message: { ts: String(posted.result["ts"]), text: String(posted.params["text"] ?? ""), blocks: (posted.params["blocks"] as unknown[]) ?? [] },
      responseUrl: h.api.responseUrl("click-rep"),
    });
    const first = await h.send(click);
    expect(postsOf(first.calls).map((p) => p.text).join("\n")).toContain("(2/9)");
    const replay = await h.send(click);
    expect(replay.status).toBe(200);
    expect(replay.calls).toEqual([]);
    // the interview is still at the customers question
    expect(postsOf((await dm("UREP", "des gens du coin")).calls).map((p) => p.text).join("\n")).toContain("C'est noté : Des gens du coin.\n(3/9)");
  });
});

describe("a reply that cannot be posted after the answer was saved", () => {
  it("is posted again after 'your answer is saved', and the answer is not asked again", async () => {
    await dm("UPOST", "bonjour");
    h.api.failingNext.set("chat.postMessage", { error: "internal_error", times: 1 });
    const answer = await dm("UPOST", "boulangerie");
    const said = postsOf(answer.calls).map((p) => p.text).join("\n");
    expect(said).toContain("Votre réponse est bien enregistrée, mais ma réponse ne vous est pas parvenue ; inutile de la renvoyer.");
    expect(said).toContain("(2/9)");
    expect(said).not.toContain("Réessayez");
  });

  it("when nothing can be posted for a while, the person is told the answer is saved, not to try again", async () => {
    h.api.failingNext.set("chat.postMessage", { error: "internal_error", times: 2 });
    const answer = await dm("UPOST", "des gens du coin");
    const said = postsOf(answer.calls).map((p) => p.text).join("\n");
    expect(said).toContain("Votre réponse est bien enregistrée, mais je n'arrive pas à vous répondre pour l'instant. Inutile de la renvoyer");
    expect(said).not.toContain("Réessayez dans un instant");
    // and "aide" shows where they are: the age question, the customers answer kept
    const help = postsOf((await dm("UPOST", "aide")).calls).map((p) => p.text).join("\n");
    expect(help).toContain("(3/9)");
  });
});

describe("while the coach's memory is out of reach", () => {
  it("a pressed button keeps its buttons (nothing was saved) and the person is told to try again in a minute", async () => {
    const opening: Exchange = await dm("UDOWN", "bonjour");
    store.down = true;
    try {
      const pressed = await h.press(opening, "Restauration, boulangerie, alimentation", "UDOWN");
      expect(pressed.calls.filter((c) => c.method === "chat.update")).toEqual([]);
      expect(postsOf(pressed.calls).map((p) => p.text).join("\n")).toContain("Je n'arrive pas à joindre ma mémoire pour l'instant");
      const mention = await h.send(slackEvent({ user: "UDOWN", text: "<@UBOT> c'est pas juste une mode ?" }));
      expect(postsOf(mention.calls).map((p) => p.text).join("\n")).toContain("Je n'arrive pas à joindre ma mémoire pour l'instant");
    } finally {
      store.down = false;
    }
    const again = await h.press(opening, "Restauration, boulangerie, alimentation", "UDOWN");
    expect(postsOf(again.calls).map((p) => p.text).join("\n")).toContain("(2/9)");
  });
});
