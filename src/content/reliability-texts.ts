/**
 * dialogs/reliability.yaml: what the coach says when something fails on its side (its memory out of
 * reach, a saved conversation it cannot use, a reply that did not get through). The core and the
 * adapters both say these sentences; the type is derived from the schema.
 */
import { z } from "zod";
import { DEFAULT_DIALOGS_DIR } from "./load.ts";
import { loadDialogFile } from "./load-dialog-file.ts";
import { Text } from "./schema.ts";

export const ReliabilityFile = z.strictObject({
  text: z.strictObject({
    memoryUnavailable: Text,
    damaged: Text,
    newerVersion: Text,
    savedAfterAll: Text,
    savedNotShown: Text,
    savedNotDelivered: Text,
  }),
});
export type ReliabilityTexts = z.infer<typeof ReliabilityFile>["text"];

const loaded = new Map<string, ReliabilityTexts>();

/**
 * Loads and checks dialogs/reliability.yaml (once per folder and process).
 * @throws ContentError naming the file, the field and its line
 * @example reliabilityTexts().memoryUnavailable.en
 */
export function reliabilityTexts(dir: string = DEFAULT_DIALOGS_DIR): ReliabilityTexts {
  let texts = loaded.get(dir);
  if (!texts) {
    texts = loadDialogFile("reliability.yaml", ReliabilityFile, dir).text;
    loaded.set(dir, texts);
  }
  return texts;
}
