/**
 * The schema and loader of dialogs/discord.yaml: every sentence the Discord adapter says of its
 * own (commands, buttons, modal, notices), in French and English, checked against Discord's limits.
 */
import { z } from "zod";
import { DEFAULT_DIALOGS_DIR } from "../../src/content/load.ts";
import { localized } from "../../src/content/schema.ts";
import { loadDialogFile } from "../shared/load-dialog-file.ts";

/** A sentence in both languages of at most `max` characters, whose placeholders are among `vars`. */
function limited(max: number, vars: readonly string[] = []) {
  return localized(vars).superRefine((text, ctx) => {
    for (const lang of ["fr", "en"] as const) {
      if (text[lang].length > max) {
        ctx.addIssue({ code: "custom", path: [lang], message: `Discord allows at most ${max} characters here (this one has ${text[lang].length})` });
      }
    }
  });
}

/** Discord's rule for command and option names (lower case where the script has case). */
const commandName = z
  .string()
  .regex(/^[-_\p{Ll}\p{Lm}\p{Lo}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u, "a Discord command or option name is 1-32 lower-case letters, digits, - or _");
const names = z.strictObject({ en: commandName, fr: commandName });

export const DiscordDialogs = z.strictObject({
  commands: z.strictObject({
    plan: z.strictObject({
      name: names,
      description: limited(100),
      /** the optional `action` option of /plan and its choices */
      action: z.strictObject({
        name: names,
        description: limited(100),
        choices: z.strictObject({ show: limited(100), reset: limited(100), forget: limited(100) }),
      }),
    }),
    ask: z.strictObject({
      name: names,
      description: limited(100),
      question: z.strictObject({ name: names, description: limited(100) }),
    }),
  }),
  text: z.strictObject({
    answerButton: limited(80),
    ownWordsButton: limited(80),
    modalTitle: limited(45),
    selectPlaceholder: limited(150),
    shareButton: limited(80),
    sharedHeader: limited(300, ["user"]),
    shared: limited(500),
    nothingToShare: limited(500),
    alreadyShared: limited(500),
    notYours: limited(500),
    unknownButton: limited(500),
    unknownCommand: limited(500),
    failed: limited(500),
    /** after the pilot review's reminder, sent in a direct message: the plan was made here, or in a server */
    reviewByPlanHere: limited(500),
    reviewByPlanServer: limited(500),
  }),
  /** the name of the plan's Markdown attachment */
  planFile: z.strictObject({
    en: z.string().regex(/^[\w.-]{1,60}\.md$/, "a file name of letters, digits, - _ . ending in .md"),
    fr: z.string().regex(/^[\w.-]{1,60}\.md$/, "a file name of letters, digits, - _ . ending in .md"),
  }),
});
export type DiscordDialogs = z.infer<typeof DiscordDialogs>;

/**
 * Loads dialogs/discord.yaml (or `discord.yaml` in `dir`).
 * @throws ContentError naming the file, the field and its line
 */
export function loadDiscordDialogs(dir: string = DEFAULT_DIALOGS_DIR): DiscordDialogs {
  return loadDialogFile("discord.yaml", DiscordDialogs, dir);
}
