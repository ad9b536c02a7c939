import { expect, test } from "vitest";
import { MemorySeenDeliveries, type SeenDeliveries } from "../../../adapters/shared/seen-deliveries.ts";
import { MemoryStore } from "../../../src/store/memory-store.ts";

test("an id is new once, then a repeat until its time-to-live has passed", async () => {
  let now = 0;
  const seen = new MemorySeenDeliveries({ now: () => now });
  expect(await seen.claim("Ev1", 1)).toBe(true);
  expect(await seen.claim("Ev1", 1)).toBe(false);
  now = 999;
  expect(await seen.claim("Ev1", 1)).toBe(false);
  expect(await seen.claim("Ev2", 1)).toBe(true);
  now = 1000;
  expect(await seen.claim("Ev1", 1)).toBe(true);
  // expired ids are let go, so memory follows the traffic of the last hour, not of all time
  now = 5000;
  await seen.claim("Ev3", 1);
  expect(seen.size).toBe(1);
});

test("concurrent sightings of one id: exactly one is first", async () => {
  const seen = new MemorySeenDeliveries();
  const results = await Promise.all(Array.from({ length: 20 }, () => seen.claim("Ev-same", 3600)));
  expect(results.filter(Boolean)).toHaveLength(1);
});

test("at most maxEntries ids are kept, the oldest going first", async () => {
  const seen = new MemorySeenDeliveries({ maxEntries: 3 });
  for (const id of ["a", "b", "c", "d"]) await seen.claim(id, 3600);
  expect(seen.size).toBe(3);
  expect(await seen.claim("a", 3600)).toBe(true);
  expect(await seen.claim("d", 3600)).toBe(false);
});

test("a session store can stand in, so several processes can share one record", async () => {
  const shared: SeenDeliveries = new MemoryStore();
  expect(await shared.claim("Ev9", 3600)).toBe(true);
  expect(await shared.claim("Ev9", 3600)).toBe(false);
});
