/**
 * The review files a reviewer's teaching goes to (COACH_INBOX_DIR, dialogs/inbox/ by default):
 *
 * - `taught-phrasings.yaml`, in the format of dialogs/phrasings/objections-*.yaml: a doubt or
 *   question goes to its rule's positives in the message's language; an answer, a value or an
 *   off-topic message to the negatives (it voices no doubt);
 * - `taught-listening.yaml`, in the format of test/fixtures/listening-*.yaml: the message at the
 *   question it was said at (`done` after the plan), with what should have been saved and the doubt
 *   it voices. Messages said outside the interview (ask, the pilot review) have no such item.
 *
 * The coach never reads this folder (src/content/load.ts reads named files and dialogs/phrasings/);
 * `npm run eval:rules` and `npm run eval:listening` measure these files when they exist.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Document, isCollection, isScalar, parseDocument, visit, type YAMLMap } from "yaml";
import { PhrasingSet } from "../../src/content/schema.ts";
import type { Lang } from "../../src/vocabulary/lang.ts";

export const TAUGHT_PHRASINGS = "taught-phrasings.yaml";
export const TAUGHT_LISTENING = "taught-listening.yaml";

/**
 * The questions a listening item may be said at (test/eval/listening-set.ts): the five core ones and
 * the business questions. A message missed elsewhere (where, the pilot review, outside the
 * interview) goes to the phrasings only.
 */
export const LISTENING_STEPS = ["goal", "time", "budget", "skills", "owner", "trade", "customers", "age", "presence"] as const;

/** dialogs/inbox/ at the top of the repository. */
export const DEFAULT_INBOX_DIR = join(import.meta.dirname, "..", "..", "dialogs", "inbox");

/** What a reviewer said a message was. */
export type Teaching =
  | { kind: "rule"; rule: string }
  | { kind: "choice"; step: string; choice: string }
  | { kind: "value"; unit: "hours" | "money"; value: number }
  | { kind: "off-topic" };

/**
 * A teaching as one string, kept with the message's mark: "rule:fad", "choice:goal:sales",
 * "hours:10", "money:150", "off-topic".
 */
export function teachingId(t: Teaching): string {
  switch (t.kind) {
    case "rule":
      return `rule:${t.rule}`;
    case "choice":
      return `choice:${t.step}:${t.choice}`;
    case "value":
      return `${t.unit}:${t.value}`;
    case "off-topic":
      return "off-topic";
  }
}

/** The teaching a `teachingId` names, or null. */
export function parseTeachingId(id: string): Teaching | null {
  const [kind, a, b] = id.split(":");
  if (kind === "off-topic" && a === undefined) return { kind: "off-topic" };
  if (kind === "rule" && a && b === undefined) return { kind: "rule", rule: a };
  if (kind === "choice" && a && b) return { kind: "choice", step: a, choice: b };
  if ((kind === "hours" || kind === "money") && a && b === undefined && Number.isFinite(Number(a))) return { kind: "value", unit: kind, value: Number(a) };
  return null;
}

/** The message taught, as the review files need it. */
export interface TaughtMessage {
  text: string;
  lang: Lang;
  /** the question it was said at (an interview step, a review step), "plan" after the plan, "ask" outside the interview */
  step: string;
}

/** Where a teaching went. */
export interface Written {
  phrasings: "positives" | "negatives";
  /** false when the message was said outside the interview (no listening item) */
  listening: boolean;
}

const PHRASINGS_HEADER = [
  " Taught from the insights page (npm run insights): messages the coach missed, with what a reviewer",
  " said they were. The format of dialogs/phrasings/objections-*.yaml. The coach does not read this",
  " file: move the lines you agree with into a file of dialogs/phrasings/, run npm run eval:rules, and",
  " commit. npm run eval:rules measures this file as it is.",
].join("\n");

const LISTENING_HEADER = [
  " Taught from the insights page (npm run insights): messages the coach missed during the interview,",
  " at the question they were said at, with what should have been saved. The format of",
  " test/fixtures/listening-*.yaml. The coach does not read this file: move the items you agree with",
  " into a listening set, tune, and commit. npm run eval:listening measures this file as it is.",
].join("\n");

/**
 * The style of the existing sets: collections in block style but `save: { goal: sales }` on its line,
 * owners' messages in double quotes, ids plain.
 */
function setStyle(doc: Document): void {
  visit(doc, {
    Pair(_, pair) {
      const key = (pair.key as { value?: unknown } | null)?.value;
      if (isCollection(pair.value)) pair.value.flow = key === "save" || pair.value.items.length === 0;
      if (key === "say" && isScalar(pair.value)) pair.value.type = "QUOTE_DOUBLE";
    },
    Seq(_, seq) {
      for (const item of seq.items) if (isScalar(item) && typeof item.value === "string") item.type = "QUOTE_DOUBLE";
    },
  });
  if (isCollection(doc.contents)) doc.contents.flow = false;
}

function writeAtomically(path: string, text: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, path);
}

const TO_STRING = { lineWidth: 0 } as const;

/**
 * The review files of one inbox folder. Additions are made one at a time, each read, changed and
 * written whole (temp file, then rename): one writer, the insights page.
 */
export class InboxFiles {
  private queue: Promise<unknown> = Promise.resolve();

  /** `interviewSteps`: the questions a message gets a listening item at (LISTENING_STEPS by default). */
  constructor(
    readonly dir: string,
    private readonly interviewSteps: readonly string[] = LISTENING_STEPS,
  ) {}

  get phrasingsPath(): string {
    return join(this.dir, TAUGHT_PHRASINGS);
  }
  get listeningPath(): string {
    return join(this.dir, TAUGHT_LISTENING);
  }

  /** The taught phrasings as a file (an empty set when nothing was taught yet). */
  phrasingsYaml(): string {
    if (existsSync(this.phrasingsPath)) return readFileSync(this.phrasingsPath, "utf8");
    const doc = this.readPhrasings();
    setStyle(doc);
    return doc.toString(TO_STRING);
  }

  /** Adds one taught message to the review files; a line already there is not added twice. */
  add(message: TaughtMessage, teaching: Teaching): Promise<Written> {
    const next = this.queue.then(() => this.addNow(message, teaching));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private addNow(m: TaughtMessage, t: Teaching): Written {
    mkdirSync(this.dir, { recursive: true });
    const phrasings = this.readPhrasings();
    const list = t.kind === "rule" ? ["positives", t.rule, m.lang] : ["negatives", m.lang];
    if (t.kind === "rule" && !phrasings.hasIn(["positives", t.rule])) {
      if (!phrasings.has("positives") || !isCollection(phrasings.get("positives", true))) phrasings.set("positives", phrasings.createNode({}));
      phrasings.setIn(["positives", t.rule], phrasings.createNode({ fr: [], en: [] }));
    }
    const seq = phrasings.getIn(list) as { items: { value?: unknown }[] } | undefined;
    if (!seq?.items.some((i) => (isScalar(i) ? i.value : i) === m.text)) phrasings.addIn(list, phrasings.createNode(m.text));
    setStyle(phrasings);
    // never write a file the evaluation could not read
    PhrasingSet.parse(phrasings.toJS());
    writeAtomically(this.phrasingsPath, phrasings.toString(TO_STRING));

    const at = this.interviewSteps.includes(m.step) ? m.step : m.step === "plan" ? "done" : null;
    if (at !== null) {
      const listening = this.readListening();
      const items = (listening.toJS() as { items?: { at?: string; say?: string }[] }).items ?? [];
      if (!items.some((i) => i.at === at && i.say === m.text)) {
        listening.addIn(["items"], listening.createNode(listeningItem(at, m, t)));
        setStyle(listening);
        writeAtomically(this.listeningPath, listening.toString(TO_STRING));
      }
    }
    return { phrasings: t.kind === "rule" ? "positives" : "negatives", listening: at !== null };
  }

  private readPhrasings(): Document {
    if (!existsSync(this.phrasingsPath)) {
      const doc = new Document({ positives: {}, negatives: { fr: [], en: [] } });
      doc.commentBefore = PHRASINGS_HEADER;
      return doc;
    }
    const doc = parseDocument(readFileSync(this.phrasingsPath, "utf8"));
    if (doc.errors.length > 0) throw new Error(`${this.phrasingsPath}: not valid YAML: ${doc.errors[0]!.message.split("\n")[0]}`);
    return doc;
  }

  private readListening(): Document {
    if (!existsSync(this.listeningPath)) {
      const doc = new Document({ items: [] });
      doc.commentBefore = LISTENING_HEADER;
      return doc;
    }
    const doc = parseDocument(readFileSync(this.listeningPath, "utf8"));
    if (doc.errors.length > 0) throw new Error(`${this.listeningPath}: not valid YAML: ${doc.errors[0]!.message.split("\n")[0]}`);
    if (!(doc.contents as YAMLMap | null)?.has?.("items")) doc.set("items", doc.createNode([]));
    return doc;
  }
}

/** The listening item of a taught message: at, lang, say, save, and the doubt it voices. */
function listeningItem(at: string, m: TaughtMessage, t: Teaching): Record<string, unknown> {
  const base = { at, lang: m.lang, say: m.text };
  switch (t.kind) {
    case "rule":
      return { ...base, save: "none", doubt: t.rule };
    case "choice":
      return { ...base, save: { [t.step]: t.choice } };
    case "value":
      return { ...base, save: { [t.unit === "hours" ? "time" : "budget"]: t.value } };
    case "off-topic":
      return { ...base, save: "none" };
  }
}
