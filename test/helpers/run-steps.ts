/** Runs inputs through the pure step function only (no store, no coordinator), from no state. */
import type { SessionState } from "../../src/engine/state.ts";
import { step, type StepResult } from "../../src/engine/step.ts";
import type { Input } from "../../src/vocabulary/inputs.ts";
import { content, FIXED_NOW } from "./content.ts";

export function runSteps(inputs: readonly Input[]): { state: SessionState; results: StepResult[]; last: StepResult } {
  let state: SessionState | undefined;
  const results: StepResult[] = [];
  for (const input of inputs) {
    const r = step(state, input, content(), FIXED_NOW);
    state = r.state;
    results.push(r);
  }
  return { state: state!, results, last: results.at(-1)! };
}
