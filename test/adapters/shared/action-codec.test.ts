import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { decodeAction, encodeAction } from "../../../adapters/shared/action-codec.ts";
import { arbitraryAction } from "../../helpers/arbitrary-actions.ts";

describe("a button's action as a string, and back", () => {
  test("every action the coach makes reads back as itself", () => {
    fc.assert(
      fc.property(arbitraryAction, (a) => {
        expect(decodeAction(encodeAction(a))).toEqual(a);
      }),
    );
  });

  test("the forms a person can type in the terminal", () => {
    expect(decodeAction("pick:goal:sales")).toEqual({ kind: "pick", step: "goal", choice: "sales" });
    expect(decodeAction("confirm:time:yes")).toEqual({ kind: "confirm", about: "time", yes: true });
    expect(decodeAction("cmd:back")).toEqual({ kind: "command", command: "back" });
    expect(decodeAction("topic:fad")).toEqual({ kind: "topic", rule: "fad" });
    expect(decodeAction("change:*")).toEqual({ kind: "change", step: null });
  });

  test("ids written by the previous version still decode (buttons left in a chat history)", () => {
    expect(decodeAction("goal:sales")).toEqual({ kind: "pick", step: "goal", choice: "sales" });
    expect(decodeAction("ask:fad")).toEqual({ kind: "topic", rule: "fad" });
    // a yes with no subject matches no confirmation: the engine answers it as stale
    expect(decodeAction("confirm:yes")).toEqual({ kind: "confirm", about: "?", yes: true });
  });

  test("strings no version makes are not actions", () => {
    for (const s of ["", ":", "cmd:", "cmd:dance", "lang:de", "pick:goal", "topic:", "pick::x", "x".repeat(200)]) expect(decodeAction(s), s).toBeNull();
  });
});
