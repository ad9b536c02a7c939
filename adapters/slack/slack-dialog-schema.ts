/**
 * The schema of dialogs/slack.yaml: every sentence the Slack adapter says on its own (fr + en) and
 * the words that make a mention ask for a plan. The type is derived from the schema.
 */
import { z } from "zod";
import { localized, Text, Words, type Lang } from "../../src/content/schema.ts";
import { loadDialogFile } from "../shared/load-dialog-file.ts";
import type { PhraseList } from "../shared/phrase-match.ts";

const fileName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*\.md$/, "a file name is lower-case letters, digits, dots, dashes, ending in .md");

export const SlackDialogFile = z.strictObject({
  planRequest: z.strictObject({ whole: Words, within: Words }),
  text: z.strictObject({
    planInDm: Text,
    planAgain: Text,
    mentionHint: Text,
    notYourButtons: Text,
    chosen: localized(["choice"]),
    failed: Text,
  }),
  planFile: z.strictObject({
    name: z.strictObject({ fr: fileName, en: fileName }),
    comment: Text,
  }),
});
export type SlackDialog = z.infer<typeof SlackDialogFile>;

/**
 * Loads and checks dialogs/slack.yaml.
 * @throws ContentError naming the file, the field and its line
 */
export function loadSlackDialog(dir?: string): SlackDialog {
  return loadDialogFile("slack.yaml", SlackDialogFile, dir);
}

/** The plan-request words of both languages, as one list. */
export function planRequestPhrases(dialog: SlackDialog): PhraseList {
  const both = (w: Record<Lang, string[]>) => [...w.fr, ...w.en];
  return { whole: both(dialog.planRequest.whole), within: both(dialog.planRequest.within) };
}
