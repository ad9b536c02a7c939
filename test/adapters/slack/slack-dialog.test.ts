import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { loadSlackDialog } from "../../../adapters/slack/slack-dialog-schema.ts";
import { DEFAULT_DIALOGS_DIR } from "../../../src/content/load.ts";

const dir = mkdtempSync(join(tmpdir(), "slack-dialog-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("dialogs/slack.yaml is valid and says everything in French and English", () => {
  const d = loadSlackDialog();
  for (const text of Object.values(d.text)) {
    expect(text.fr.length).toBeGreaterThan(0);
    expect(text.en.length).toBeGreaterThan(0);
  }
});

test("a mistake names the file, the field and its line", () => {
  copyFileSync(join(DEFAULT_DIALOGS_DIR, "slack.yaml"), join(dir, "slack.yaml"));
  const original = readFileSync(join(dir, "slack.yaml"), "utf8");
  const broken = original.replace('en: "Your choice: {choice}"', 'en: "Your choice: {label}"').replace(/^ {4}en: "I've sent you.*$/m, "");
  writeFileSync(join(dir, "slack.yaml"), broken);
  expect(() => loadSlackDialog(dir)).toThrowError(/dialogs\/slack\.yaml: text\.planInDm\.en: .*\(line \d+\)/);
  expect(() => loadSlackDialog(dir)).toThrowError(/dialogs\/slack\.yaml: text\.chosen\.en: unknown placeholder \{label\}; this text can use \{choice\} \(line \d+\)/);
});
