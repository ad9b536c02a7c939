/**
 * Slack is told "received" before the adapter has done anything with an event (Bolt acknowledges
 * events first). The work that follows, from the repeat check on the shared store to the reply,
 * must count as in flight: stopping, or a test waiting for the app, waits for the reply.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import type { SeenDeliveries } from "../../../adapters/shared/seen-deliveries.ts";
import { signature, slackEvent } from "./fixtures.ts";
import { postsOf, SIGNING_SECRET, SlackHarness } from "./slack-harness.ts";

/** A shared store that answers the repeat check only when the test lets it (a slow Redis). */
class GatedSeen implements SeenDeliveries {
  private readonly ids = new Set<string>();
  private gate: Promise<void> = Promise.resolve();
  private open: () => void = () => {};
  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }
  release(): void {
    this.open();
  }
  async claim(id: string): Promise<boolean> {
    await this.gate;
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    return true;
  }
}

const seen = new GatedSeen();
let h: SlackHarness;
beforeAll(async () => {
  h = await SlackHarness.start({ seen });
});
afterAll(async () => {
  await h.close();
});

test("an event acknowledged while its repeat check is still waiting on the store is answered before the app counts as settled", async () => {
  seen.hold();
  const request = slackEvent({ text: "<@UBOT> et la sécurité?" });
  const ts = Math.floor(Date.now() / 1000);
  const res = await fetch(h.eventsUrl, {
    method: "POST",
    headers: { "content-type": request.contentType, "x-slack-request-timestamp": String(ts), "x-slack-signature": signature(SIGNING_SECRET, ts, request.body) },
    body: request.body,
  });
  expect(res.status).toBe(200); // Slack has its acknowledgement; nothing is posted yet
  await res.text();
  expect(postsOf(h.api.calls)).toEqual([]);

  const settled = h.adapter.settled();
  setTimeout(() => seen.release(), 30); // the store answers later
  await settled;
  const posts = postsOf(h.api.calls);
  expect(posts).toHaveLength(1);
  expect(posts[0]?.text).toContain("pare-feu");
});
