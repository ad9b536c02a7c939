import type { Lang, Step } from "./schema.ts";

/** The field of a typed answer: its label and an example. */
export interface TypedFieldText {
  label: string;
  placeholder: string;
}

/**
 * The label and example of a question's typed-answer field (a form's text input), as
 * dialogs/interview.yaml defines them, or null when only the question's choices answer it.
 *
 * @example typedField(timeStep, "en") // { label: "Hours a month", placeholder: "e.g. 10 hours a month, 5 h a week" }
 */
export function typedField(step: Step, lang: Lang): TypedFieldText | null {
  if (step.kind === "quantity") return { label: step.field.label[lang], placeholder: step.field.placeholder[lang] };
  if (step.freeText !== "keep") return null;
  return step.field ? { label: step.field.label[lang], placeholder: step.field.placeholder[lang] } : { label: step.prompt[lang], placeholder: "" };
}
