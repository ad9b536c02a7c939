/**
 * The schema of dialogs/slack.yaml: every sentence the Slack adapter says on its own (fr + en). The
 * type is derived from the schema.
 */
import { z } from "zod";
import { localized, Text } from "../../src/content/schema.ts";
import { loadDialogFile } from "../shared/load-dialog-file.ts";

const fileName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*\.md$/, "a file name is lower-case letters, digits, dots, dashes, ending in .md");

export const SlackDialogFile = z.strictObject({
  text: z.strictObject({
    planInDm: Text,
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
