import { loadContent } from "../../src/content/load.ts";
import type { Content } from "../../src/content/compile.ts";

let cached: Content | undefined;

/** The real dialogs/ content, loaded once per test file. */
export function content(): Content {
  cached ??= loadContent();
  return cached;
}

/** A fixed clock for tests: every turn happens at the same instant unless a test moves it. */
export const FIXED_NOW = "2026-11-21T10:00:00.000Z";
