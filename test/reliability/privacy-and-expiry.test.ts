import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Coordinator } from "../../src/coordinator.ts";
import { LowdbStore } from "../../src/store/lowdb-store.ts";
import { sessionKey } from "../../src/store/session-store.ts";
import { createLogger } from "../../src/log.ts";
import { content, FIXED_NOW } from "../helpers/content.ts";
import { tempDirs } from "../helpers/temp-dirs.ts";
import { seen } from "../helpers/transcript.ts";
import { aboutBusiness, planOf, press } from "../helpers/inputs.ts";

const tempDir = tempDirs("coach-privacy-");

/** Everything on disk under the data folder, as one string. */
function everythingOnDisk(dir: string): string {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
  return files.map((f) => f.name + "\n" + readFileSync(join(f.parentPath, f.name), "utf8")).join("\n");
}

describe("forget me", () => {
  it("leaves nothing of the user in the store files, copies set aside included, and keeps the others", async () => {
    const dir = tempDir();
    const c = new Coordinator({ content: content(), store: new LowdbStore({ dir }), now: () => new Date(FIXED_NOW) });
    const ana = sessionKey("slack", "T-ACME", "U-ANA-7731");
    const bob = sessionKey("slack", "T-ACME", "U-BOB-1002");
    for (const [key, goal] of [[ana, "devenir la boulangerie préférée du quartier Limoilou"], [bob, "devenir la référence du vélo cargo"]] as const) {
      await c.handle(key, { kind: "open" }, { place: `slack:thread:C-ROOM-OF-${key.slice(-4)}/1.2` });
      for (const input of aboutBusiness()) await c.handle(key, input);
      await c.handle(key, { kind: "text", text: goal });
      // a goal in the owner's own words is said back to confirm before it is kept
      await c.handle(key, { kind: "text", text: "oui" });
      await c.handle(key, { kind: "text", text: "7 heures par mois" });
    }
    expect(everythingOnDisk(dir)).toContain("Limoilou");
    // a copy of an earlier session of hers, set aside as damaged, holds her words too
    const store = new LowdbStore({ dir });
    mkdirSync(store.asideDirOf(ana), { recursive: true });
    writeFileSync(join(store.asideDirOf(ana), "damaged-2026-11-01T10-00-00-000Z.json"), '{"state": {"answers": {"goal": "la boulangerie de Limoilou", "pend');
    await c.handle(ana, { kind: "text", text: "oublie-moi" });
    const out = await c.handle(ana, press("confirm:forget:yes"));
    expect(seen(out)).toContain("je n'ai plus rien sur vous");
    const disk = everythingOnDisk(dir);
    expect(disk).not.toContain("Limoilou");
    expect(disk).not.toContain("U-ANA-7731");
    expect(disk).not.toContain("C-ROOM-OF-7731"); // where she talked with the coach
    expect(await c.placeOf(ana)).toBeNull();
    expect(disk).toContain("vélo cargo");
  });
});

describe("expiry", () => {
  it("tells a user whose interview expired, and offers a fresh start", async () => {
    const dir = tempDir();
    let now = new Date("2026-01-01T09:00:00Z");
    const c = new Coordinator({ content: content(), store: new LowdbStore({ dir }), now: () => now, expireAfterDays: 30 });
    await c.handle("u", { kind: "open" });
    await c.handle("u", { kind: "text", text: "2" });
    now = new Date("2026-01-30T09:00:00Z");
    expect((await c.handle("u", { kind: "open" })).step).toBe("customers");
    now = new Date("2026-03-15T09:00:00Z");
    const back = await c.handle("u", { kind: "open" });
    expect(seen(back)).toContain("Votre entretien précédent est resté sans suite plus de 30 jours");
    expect(seen(back)).toContain("(1/9) D'abord, votre entreprise : que faites-vous ?");
    expect(back.step).toBe("trade");
  });

  it("sweeps sessions untouched for longer than the expiry off the disk", async () => {
    const dir = tempDir();
    let now = new Date("2026-01-01T09:00:00Z");
    const store = new LowdbStore({ dir });
    const c = new Coordinator({ content: content(), store, now: () => now, expireAfterDays: 30 });
    await c.handle("old", { kind: "open" });
    now = new Date("2026-02-15T09:00:00Z");
    await c.handle("recent", { kind: "open" });
    expect(await c.sweepExpired()).toBe(1);
    expect(await store.keys()).toEqual(["recent"]);
    expect(everythingOnDisk(dir)).not.toContain('"old"');
  });
});

describe("isolation", () => {
  it("never shows one user's answers or plan to another, whatever they send", async () => {
    const c = new Coordinator({ content: content(), store: new LowdbStore({ dir: tempDir() }), now: () => new Date(FIXED_NOW) });
    const a = sessionKey("discord", "G1", "A");
    const b = sessionKey("discord", "G1", "B");
    for (const t of ["english", "1", "1", "4", "2", "17 hours a month", "4321 $", "1", "1", "1"]) await c.handle(a, { kind: "text", text: t });
    expect((await planOf(c, a))!.markdown).toContain("$4,321");
    const probes = [
      { kind: "open" as const },
      // an answer of b's own, so that b has a plan so far to be shown
      press("pick:trade:retail"),
      { kind: "text" as const, text: "plan" },
      press("cmd:plan"),
      press("pick:goal:sales"),
      press("pick:owner:self"),
      press("confirm:forget:yes"),
      press("confirm:time:yes"),
      { kind: "export" as const },
      { kind: "ask" as const, text: "show my plan" },
      { kind: "text" as const, text: "too expensive for us" },
    ];
    for (const p of probes) {
      const text = seen(await c.handle(b, p));
      expect(text).not.toContain("4321");
      expect(text).not.toContain("4,321");
      expect(text).not.toContain("17 h");
    }
    expect((await planOf(c, b))!.markdown).not.toContain("4,321");
    expect(sessionKey("slack", "T1", "U1")).not.toBe(sessionKey("slack", "T2", "U1"));
    expect(sessionKey("slack", "T1", "U1")).not.toBe(sessionKey("discord", "T1", "U1"));
  });
});

describe("floods", () => {
  it("answers 100 messages a second from one user in order or with a slow-down message, and stays responsive to others", async () => {
    const c = new Coordinator({ content: content(), store: new LowdbStore({ dir: tempDir() }), now: () => new Date(FIXED_NOW) });
    await c.handle("flooder", { kind: "open" });
    const order: string[] = [];
    const flood = Array.from({ length: 100 }, (_, i) =>
      c.handle("flooder", { kind: "text", text: `message ${i}` }).then((o) => {
        order.push(`flood-${i}`);
        return o;
      }),
    );
    const other = c.handle("someone-else", { kind: "open" }).then((o) => {
      order.push("other");
      return o;
    });
    const outcomes = await Promise.all(flood);
    await other;
    const throttled = outcomes.filter((o) => seen(o).includes("plus vite que je ne peux répondre"));
    const answered = outcomes.filter((o) => !seen(o).includes("plus vite que je ne peux répondre"));
    expect(throttled.length + answered.length).toBe(100);
    expect(throttled.length).toBeGreaterThan(0);
    expect(answered.length).toBe(20); // the queue limit
    // the messages that were taken were handled in the order they were sent
    const answeredIdx = outcomes.map((o, i) => (seen(o).includes("plus vite") ? -1 : i)).filter((i) => i >= 0);
    // the other user was answered before the flooder's queue was through
    expect(order.indexOf("other")).toBeLessThan(order.indexOf(`flood-${answeredIdx[answeredIdx.length - 1]}`));
    const handled = order.filter((x) => x.startsWith("flood-")).map((x) => Number(x.slice(6))).filter((i) => answeredIdx.includes(i));
    expect(handled).toEqual([...handled].sort((x, y) => x - y));
  });
});

describe("secrets", () => {
  it("never writes a token or a secret into a log line", () => {
    const lines: string[] = [];
    const log = createLogger((l) => lines.push(l), ["xoxb-FAKE-SECRET-123456", "shhh-signing-secret-9"]);
    log.info("starting", { token: "xoxb-FAKE-SECRET-123456", signingSecret: "whatever" });
    log.error("failed", { error: new Error("auth failed for xoxb-FAKE-SECRET-123456 with shhh-signing-secret-9") });
    const all = lines.join("\n");
    expect(all).not.toContain("xoxb-FAKE-SECRET-123456");
    expect(all).not.toContain("shhh-signing-secret-9");
    expect(all).not.toContain("whatever");
    expect(all).toContain("[redacted]");
  });

  it("never writes the credentials of a URL, even one nobody named as a secret", () => {
    const lines: string[] = [];
    const log = createLogger((l) => lines.push(l));
    log.error("request failed", { error: new Error("connect to redis://coach:hunter2-ZQXV@db:6379 failed"), url: "https://user:pa%24%24-ZQXV@proxy.example/api/" });
    const all = lines.join("\n");
    expect(all).not.toContain("hunter2");
    expect(all).not.toContain("ZQXV");
    expect(all).toContain("redis://[redacted]@db:6379");
  });
});
