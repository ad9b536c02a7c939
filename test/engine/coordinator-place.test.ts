/**
 * Where a conversation takes place (a Slack thread, a DM) is kept with the session: an adapter on
 * another instance, or after a restart, reads it back to know which messages are turns.
 */
import { describe, expect, it } from "vitest";
import { Coordinator } from "../../src/coordinator.ts";
import { MemoryStore } from "../../src/store/memory-store.ts";
import { content, FIXED_NOW } from "../helpers/content.ts";
import { press } from "../helpers/inputs.ts";

function coordinator(store = new MemoryStore()) {
  return new Coordinator({ content: content(), store, now: () => new Date(FIXED_NOW) });
}

describe("the place of a conversation", () => {
  it("is none before anything is said, and none for a turn that names no place", async () => {
    const c = coordinator();
    expect(await c.placeOf("u")).toBeNull();
    await c.handle("u", { kind: "open" });
    expect(await c.placeOf("u")).toBeNull();
  });

  it("is kept by later turns that name none, and changes when a turn names another", async () => {
    const store = new MemoryStore();
    const c = coordinator(store);
    await c.handle("u", { kind: "open" }, { place: "thread-1" });
    await c.handle("u", { kind: "text", text: "2" });
    await c.handle("u", { kind: "text", text: "restart" });
    await c.handle("u", press("confirm:restart:yes"));
    expect(await c.placeOf("u")).toBe("thread-1");
    // another instance on the same store sees it
    expect(await coordinator(store).placeOf("u")).toBe("thread-1");
    await c.handle("u", { kind: "open" }, { place: "dm" });
    expect(await c.placeOf("u")).toBe("dm");
    expect((await c.handle("u", { kind: "open" })).answers).toEqual({}); // the restart did happen
  });

  it("goes with the session when the user asks to be forgotten", async () => {
    const c = coordinator();
    await c.handle("u", { kind: "open" }, { place: "thread-1" });
    await c.handle("u", { kind: "text", text: "forget me" });
    await c.handle("u", press("confirm:forget:yes"));
    expect(await c.placeOf("u")).toBeNull();
  });
});
