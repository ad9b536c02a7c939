/**
 * The vocabulary every layer shares: answers, actions, inputs, replies and the plan's shape. It sits
 * beneath the engine, the plan builder and the rule base, and imports none of them.
 */
export * from "./answers.ts";
export * from "./actions.ts";
export * from "./inputs.ts";
export * from "./lang.ts";
export * from "./plan-shape.ts";
export * from "./replies.ts";
export * from "./effects.ts";
