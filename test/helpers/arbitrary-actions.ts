/** Generated engine actions (fast-check), the shapes the coach puts on its buttons, with ids of realistic length. */
import fc from "fast-check";
import { COMMANDS, type Action } from "../../src/vocabulary/actions.ts";

const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,24}$/);

export const arbitraryAction: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant("pick" as const), step: id, choice: id }),
  fc.record({ kind: fc.constant("confirm" as const), about: id, yes: fc.boolean() }),
  fc.record({ kind: fc.constant("command" as const), command: fc.constantFrom(...COMMANDS) }),
  fc.record({ kind: fc.constant("topic" as const), rule: id }),
  fc.record({ kind: fc.constant("lang" as const), lang: fc.constantFrom("fr" as const, "en" as const) }),
  fc.record({ kind: fc.constant("change" as const), step: fc.option(id, { nil: null }) }),
);
