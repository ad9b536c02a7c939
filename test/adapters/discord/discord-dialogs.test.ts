/** dialogs/discord.yaml: loads, and a mistake names the file, the field and its line. */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { loadDiscordDialogs } from "../../../adapters/discord/discord-dialogs.ts";
import { ContentError, DEFAULT_DIALOGS_DIR } from "../../../src/content/load.ts";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A copy of dialogs/discord.yaml with one edit. */
function withEdit(edit: (yaml: string) => string): string {
  dir = mkdtempSync(join(tmpdir(), "discord-dialogs-"));
  const original = readFileSync(join(DEFAULT_DIALOGS_DIR, "discord.yaml"), "utf8");
  const edited = edit(original);
  expect(edited).not.toBe(original);
  writeFileSync(join(dir, "discord.yaml"), edited);
  return dir;
}

function problems(dirWithFile: string): string[] {
  try {
    loadDiscordDialogs(dirWithFile);
  } catch (err) {
    if (err instanceof ContentError) return err.problems;
    throw err;
  }
  return [];
}

describe("dialogs/discord.yaml", () => {
  test("the real file loads, in both languages", () => {
    const d = loadDiscordDialogs();
    expect(d.commands.ask.name).toEqual({ en: "ask", fr: "demander" });
    expect(d.text.notYours.fr).toContain("quelqu'un d'autre");
  });

  test("a command name Discord would refuse is reported with file, field and line", () => {
    const p = problems(withEdit((y) => y.replace("name: { en: ask, fr: demander }", "name: { en: ask, fr: Demander Conseil }")));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^dialogs\/discord\.yaml: commands\.ask\.name\.fr: a Discord command or option name is 1-32 lower-case letters.* \(line \d+\)$/);
  });

  test("a button label over Discord's 80 characters, a missing translation and an unknown placeholder are all reported", () => {
    const p = problems(
      withEdit((y) =>
        y
          .replace('shareButton: { en: "📣 Share my plan in this channel"', `shareButton: { en: "${"x".repeat(81)}"`)
          .replace('modalTitle: { en: "Your answer", fr: "Votre réponse" }', 'modalTitle: { en: "Your answer" }')
          .replace("{user} partage son plan", "{person} partage son plan"),
      ),
    );
    expect(p.join("\n")).toContain("dialogs/discord.yaml: text.shareButton.en: Discord allows at most 80 characters here");
    expect(p.join("\n")).toContain("dialogs/discord.yaml: text.modalTitle.fr:");
    expect(p.join("\n")).toContain("dialogs/discord.yaml: text.sharedHeader.fr: unknown placeholder {person}");
  });

  test("a missing file is named", () => {
    dir = mkdtempSync(join(tmpdir(), "discord-dialogs-"));
    copyFileSync(join(DEFAULT_DIALOGS_DIR, "messages.yaml"), join(dir, "messages.yaml"));
    expect(problems(dir)[0]).toMatch(/^dialogs\/discord\.yaml: cannot be read/);
  });
});
