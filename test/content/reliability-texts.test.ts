import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { DEFAULT_DIALOGS_DIR } from "../../src/content/load.ts";
import { reliabilityTexts } from "../../src/content/reliability-texts.ts";

const dir = mkdtempSync(join(tmpdir(), "reliability-dialog-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("dialogs/reliability.yaml is valid and says everything in French and English", () => {
  const t = reliabilityTexts();
  for (const text of Object.values(t)) {
    expect(text.fr.length).toBeGreaterThan(0);
    expect(text.en.length).toBeGreaterThan(0);
  }
  expect(t.memoryUnavailable.en).toContain("I can't reach my memory right now");
});

test("a mistake names the file, the field and its line", () => {
  copyFileSync(join(DEFAULT_DIALOGS_DIR, "reliability.yaml"), join(dir, "reliability.yaml"));
  const original = readFileSync(join(dir, "reliability.yaml"), "utf8");
  writeFileSync(join(dir, "reliability.yaml"), original.replace(/^ {4}en: "I can't reach my memory.*$/m, '    en: "Sorry {name}"'));
  expect(() => reliabilityTexts(dir)).toThrowError(/dialogs\/reliability\.yaml: text\.memoryUnavailable\.en: unknown placeholder \{name\}; this text can use none \(line \d+\)/);
});
