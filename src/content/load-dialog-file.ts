/**
 * Reads one dialog file that has a schema of its own (dialogs/slack.yaml, dialogs/discord.yaml,
 * dialogs/reliability.yaml) and checks it with that zod schema. A mistake is reported like the core
 * content's: file, path of the bad field, line.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument, type Document } from "yaml";
import type { z } from "zod";
import { ContentError, DEFAULT_DIALOGS_DIR } from "./load.ts";

/**
 * Loads `dialogs/<file>` and returns what `schema` makes of it.
 *
 * @throws ContentError naming the file, the field path and its line for every problem
 * @example const texts = loadDialogFile("slack.yaml", SlackDialogFile);
 */
export function loadDialogFile<S extends z.ZodType>(file: string, schema: S, dir: string = DEFAULT_DIALOGS_DIR): z.infer<S> {
  const path = join(dir, file);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new ContentError([`dialogs/${file}: cannot be read (${path})`]);
  }
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ContentError(doc.errors.map((e) => `dialogs/${file}: not valid YAML: ${e.message.split("\n")[0]}`));
  }
  const result = schema.safeParse(doc.toJS());
  if (!result.success) {
    throw new ContentError(
      result.error.issues.map((issue) => {
        const where = issue.path.length ? issue.path.map(String).join(".") : "(top)";
        const line = lineOf(doc, text, issue.path);
        return `dialogs/${file}: ${where}: ${issue.message}${line ? ` (line ${line})` : ""}`;
      }),
    );
  }
  return result.data;
}

/** The line of the deepest node of `path` that exists in the document. */
function lineOf(doc: Document, text: string, path: readonly PropertyKey[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node: unknown = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as (string | number)[], true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return text.slice(0, range[0]).split("\n").length;
  }
  return undefined;
}
