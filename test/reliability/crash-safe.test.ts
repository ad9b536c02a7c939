import { describe, expect, it } from "vitest";
import { faultKill } from "./fault-kill.ts";

describe("crash safety", () => {
  it("after SIGKILLs at random moments, the store parses, no answered question is lost, sessions resume where they were", async () => {
    const r = await faultKill(6, 7);
    expect(r).toMatchObject({ kills: 6, unparsableStores: 0, lostAnswers: 0, wrongResumes: 0, damagedCopies: 0 });
    expect(r.restarts).toBeGreaterThanOrEqual(6);
  }, 90_000);
});
