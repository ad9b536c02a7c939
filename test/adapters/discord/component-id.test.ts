import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { decodeComponentId, encodeComponentId, MAX_CUSTOM_ID, type ComponentId } from "../../../adapters/discord/component-id.ts";
import { arbitraryAction } from "../../helpers/arbitrary-actions.ts";

const owner = fc.stringMatching(/^\d{17,20}$/);
const step = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,59}$/);
const componentId: fc.Arbitrary<ComponentId> = fc.oneof(
  fc.record({ kind: fc.constant("choice" as const), owner, action: arbitraryAction }),
  fc.record({ kind: fc.constant("select" as const), owner, index: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ kind: fc.constant("typed" as const), owner, lang: fc.constantFrom("fr" as const, "en" as const), step }),
  fc.record({ kind: fc.constant("modal" as const), owner, step }),
  fc.record({ kind: fc.constant("share" as const), owner }),
);

describe("component custom_id", () => {
  test("every id the coach makes fits Discord's 100 characters and reads back the same", () => {
    fc.assert(
      fc.property(componentId, (id) => {
        const encoded = encodeComponentId(id);
        expect(encoded.length).toBeGreaterThan(0);
        expect(encoded.length).toBeLessThanOrEqual(MAX_CUSTOM_ID);
        expect(decodeComponentId(encoded)).toEqual(id);
      }),
    );
  });

  test("the owner's user id is in every id, so another user's press can be told apart", () => {
    const id = encodeComponentId({ kind: "choice", owner: "111111111111111111", action: { kind: "pick", step: "goal", choice: "sales" } });
    expect(id).toBe("c:111111111111111111:pick:goal:sales");
    expect(decodeComponentId(id)).toMatchObject({ owner: "111111111111111111", action: { kind: "pick", step: "goal", choice: "sales" } });
  });

  test("ids this version never made are not understood", () => {
    for (const id of ["", "goal:sales", "c:notanumber:goal:sales", "x:111111111111111111:a", "s:111111111111111111:abc", "t:111111111111111111:de:time", "p:111111111111111111:extra"]) {
      expect(decodeComponentId(id), id).toBeNull();
    }
  });

  test("an id that would exceed 100 characters is refused rather than sent", () => {
    expect(() => encodeComponentId({ kind: "choice", owner: "111111111111111111", action: { kind: "pick", step: "y".repeat(40), choice: "x".repeat(60) } })).toThrow(RangeError);
  });
});
