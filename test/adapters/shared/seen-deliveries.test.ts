import { expect, test } from "vitest";
import { MemorySeenDeliveries } from "../../../adapters/shared/seen-deliveries.ts";

test("an id is new once, then a repeat until its time-to-live has passed", async () => {
  let now = 0;
  const seen = new MemorySeenDeliveries({ ttlMs: 1000, now: () => now });
  expect(await seen.firstSighting("Ev1")).toBe(true);
  expect(await seen.firstSighting("Ev1")).toBe(false);
  now = 999;
  expect(await seen.firstSighting("Ev1")).toBe(false);
  expect(await seen.firstSighting("Ev2")).toBe(true);
  now = 1000;
  expect(await seen.firstSighting("Ev1")).toBe(true);
  // expired ids are let go, so memory follows the traffic of the last hour, not of all time
  now = 5000;
  await seen.firstSighting("Ev3");
  expect(seen.size).toBe(1);
});

test("concurrent sightings of one id: exactly one is first", async () => {
  const seen = new MemorySeenDeliveries();
  const results = await Promise.all(Array.from({ length: 20 }, () => seen.firstSighting("Ev-same")));
  expect(results.filter(Boolean)).toHaveLength(1);
});

test("at most maxEntries ids are kept, the oldest going first", async () => {
  const seen = new MemorySeenDeliveries({ maxEntries: 3 });
  for (const id of ["a", "b", "c", "d"]) await seen.firstSighting(id);
  expect(seen.size).toBe(3);
  expect(await seen.firstSighting("a")).toBe(true);
  expect(await seen.firstSighting("d")).toBe(false);
});
