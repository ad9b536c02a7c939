/**
 * Where insights are kept (COACH_INSIGHTS=on): counts per day, and the messages the coach did not
 * understand, each with the question it was asked at, its language and a pseudonymous conversation
 * id (never the user). Three stores, like the sessions': in memory (tests), lowdb files beside the
 * sessions (`data/insights/`), Redis (shared by every instance).
 *
 * Two processes use them: the coach writes counts and messages (and removes them: "forget me",
 * pruning), the insights page (`npm run insights`) reads them and marks messages taught. The marks
 * are kept apart from the messages (their own file, their own Redis hash), so that the page never
 * writes what the coach writes: a mark can never bring back a message the coach has just forgotten.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Low } from "lowdb";
import { JSONFile } from "lowdb/node";
import { createClient } from "redis";

/** A message the coach did not understand, or had to ask again. */
export interface MissedMessage {
  id: string;
  /** pseudonymous conversation id: the same for one person's messages, and not their user id */
  conv: string;
  /** ISO date-time, and its day (UTC) */
  at: string;
  day: string;
  /** the question it was asked at ("goal", "review-hours"), "plan" once the plan is written, "ask" outside the interview */
  step: string;
  lang: "fr" | "en";
  /**
   * why it counts as missed: not understood (after the plan, outside the interview), an answer it
   * could not read (asked again), a question it had no answer for (noted, asked again), a reading the
   * owner said was wrong (the message it was read from)
   */
  why: "not-understood" | "unreadable" | "question" | "declined";
  text: string;
  /** what a reviewer said it was, once taught (see adapters/insights/) */
  taught?: { as: string; at: string };
}

export interface InsightsStore {
  /** adds to the day's counters */
  count(day: string, counts: Readonly<Record<string, number>>): Promise<void>;
  addMissed(m: MissedMessage): Promise<void>;
  /** the counters of each day from `from` to `to` (YYYY-MM-DD, both included) */
  counts(from: string, to: string): Promise<Record<string, Record<string, number>>>;
  /** every missed message kept, newest first */
  missed(): Promise<MissedMessage[]>;
  markTaught(id: string, as: string, at: string): Promise<boolean>;
  /** removes one conversation's messages ("forget me"); returns how many */
  forgetConversation(conv: string): Promise<number>;
  /** removes what is older than `day` (YYYY-MM-DD, not included) */
  prune(day: string): Promise<void>;
  /** the random key of the conversation ids, made once and kept with the insights (shared by every instance) */
  secret(): Promise<string>;
  close(): Promise<void>;
}

interface Data {
  days: Record<string, Record<string, number>>;
  missed: MissedMessage[];
}

/** What a reviewer said messages were, by message id (kept apart from the messages). */
type Marks = Record<string, NonNullable<MissedMessage["taught"]>>;

/** The messages with their marks; a mark whose message is gone (forgotten, pruned) is ignored. */
function withMarks(missed: readonly MissedMessage[], marks: Marks): MissedMessage[] {
  return missed.map((m) => {
    const mark = marks[m.id] ?? m.taught;
    return mark ? { ...m, taught: mark } : m;
  });
}

const MAX_MISSED = 20_000;

function addCounts(data: Data, day: string, counts: Readonly<Record<string, number>>): void {
  const d = (data.days[day] ??= {});
  for (const [k, v] of Object.entries(counts)) d[k] = (d[k] ?? 0) + v;
}

function inRange(day: string, from: string, to: string): boolean {
  return day >= from && day <= to;
}

/** In memory: tests, and the terminal when nothing is configured. */
export class MemoryInsights implements InsightsStore {
  protected data: Data = { days: {}, missed: [] };
  private memoryMarks: Marks = {};
  protected async change(f: (d: Data) => void): Promise<void> {
    f(this.data);
  }
  protected async snapshot(): Promise<Data> {
    return this.data;
  }
  async count(day: string, counts: Readonly<Record<string, number>>): Promise<void> {
    await this.change((d) => addCounts(d, day, counts));
  }
  async addMissed(m: MissedMessage): Promise<void> {
    await this.change((d) => {
      d.missed.push(m);
      if (d.missed.length > MAX_MISSED) d.missed.splice(0, d.missed.length - MAX_MISSED);
    });
  }
  async counts(from: string, to: string): Promise<Record<string, Record<string, number>>> {
    const d = await this.snapshot();
    return Object.fromEntries(Object.entries(d.days).filter(([day]) => inRange(day, from, to)));
  }
  async missed(): Promise<MissedMessage[]> {
    return withMarks([...(await this.snapshot()).missed].reverse(), await this.marks());
  }
  async markTaught(id: string, as: string, at: string): Promise<boolean> {
    const ids = new Set((await this.snapshot()).missed.map((m) => m.id));
    if (!ids.has(id)) return false;
    await this.changeMarks((marks) => {
      // marks of messages gone meanwhile (forgotten, pruned) are dropped here, by their only writer
      for (const k of Object.keys(marks)) if (!ids.has(k)) delete marks[k];
      marks[id] = { as, at };
    });
    return true;
  }
  /** The marks as kept. */
  protected async marks(): Promise<Marks> {
    return this.memoryMarks;
  }
  protected async changeMarks(f: (marks: Marks) => void): Promise<void> {
    f(this.memoryMarks);
  }
  async forgetConversation(conv: string): Promise<number> {
    let n = 0;
    await this.change((d) => {
      const kept = d.missed.filter((m) => m.conv !== conv);
      n = d.missed.length - kept.length;
      d.missed = kept;
    });
    return n;
  }
  async prune(day: string): Promise<void> {
    await this.change((d) => {
      for (const k of Object.keys(d.days)) if (k < day) delete d.days[k];
      d.missed = d.missed.filter((m) => m.day >= day);
    });
  }
  private key = randomBytes(32).toString("hex");
  async secret(): Promise<string> {
    return this.key;
  }
  async close(): Promise<void> {}
}

/**
 * Files beside the sessions (`<data>/insights/insights.json`), written with lowdb; each change is
 * read, applied and written in turn (one coach process per data folder, so one writer), and a
 * reader (the insights page, another process) reads the last complete file. The page's marks go to
 * `taught.json`, which only the page writes. Nothing is created until something is written: the
 * page, which only reads, leaves a data folder as it found it.
 */
export class LowdbInsights extends MemoryInsights {
  private readonly db: Low<Data>;
  private readonly marksDb: Low<Marks>;
  private readonly folder: string;
  private queue: Promise<unknown> = Promise.resolve();
  private marksQueue: Promise<unknown> = Promise.resolve();

  constructor(dir: string) {
    super();
    this.folder = join(dir, "insights");
    this.db = new Low<Data>(new JSONFile<Data>(join(this.folder, "insights.json")), { days: {}, missed: [] });
    this.marksDb = new Low<Marks>(new JSONFile<Marks>(join(this.folder, "taught.json")), {});
  }
  override async secret(): Promise<string> {
    const path = join(this.folder, "conversation-key");
    if (existsSync(path)) return readFileSync(path, "utf8").trim();
    mkdirSync(this.folder, { recursive: true });
    const made = randomBytes(32).toString("hex");
    writeFileSync(path, made, { mode: 0o600 });
    return made;
  }
  protected override async change(f: (d: Data) => void): Promise<void> {
    const next = this.queue.then(async () => {
      await this.db.read();
      this.db.data ??= { days: {}, missed: [] };
      f(this.db.data);
      mkdirSync(this.folder, { recursive: true });
      await this.db.write();
    });
    this.queue = next.catch(() => undefined);
    await next;
  }
  protected override async snapshot(): Promise<Data> {
    await this.queue;
    await this.db.read();
    return this.db.data ?? { days: {}, missed: [] };
  }
  protected override async marks(): Promise<Marks> {
    await this.marksQueue;
    await this.marksDb.read();
    return this.marksDb.data ?? {};
  }
  protected override async changeMarks(f: (marks: Marks) => void): Promise<void> {
    const next = this.marksQueue.then(async () => {
      await this.marksDb.read();
      this.marksDb.data ??= {};
      f(this.marksDb.data);
      mkdirSync(this.folder, { recursive: true });
      await this.marksDb.write();
    });
    this.marksQueue = next.catch(() => undefined);
    await next;
  }
}

/**
 * Redis: a hash of counters per day, one hash of missed messages and one of the reviewers' marks,
 * shared by every instance.
 */
export class RedisInsights implements InsightsStore {
  private constructor(
    private readonly client: ReturnType<typeof createClient>,
    private readonly prefix: string,
  ) {}

  static async connect(url: string, prefix = "coach"): Promise<RedisInsights> {
    const client = createClient({ url, socket: { reconnectStrategy: (n) => Math.min(2000, 50 * 2 ** n) } });
    client.on("error", () => undefined);
    await client.connect();
    return new RedisInsights(client, `${prefix}:insights`);
  }

  async count(day: string, counts: Readonly<Record<string, number>>): Promise<void> {
    const m = this.client.multi();
    for (const [k, v] of Object.entries(counts)) m.hIncrBy(`${this.prefix}:day:${day}`, k, v);
    m.sAdd(`${this.prefix}:days`, day);
    await m.exec();
  }
  async addMissed(msg: MissedMessage): Promise<void> {
    await this.client.hSet(`${this.prefix}:missed`, msg.id, JSON.stringify(msg));
  }
  async counts(from: string, to: string): Promise<Record<string, Record<string, number>>> {
    const days = (await this.client.sMembers(`${this.prefix}:days`)).filter((d) => inRange(d, from, to));
    const out: Record<string, Record<string, number>> = {};
    for (const d of days) {
      const h = await this.client.hGetAll(`${this.prefix}:day:${d}`);
      out[d] = Object.fromEntries(Object.entries(h).map(([k, v]) => [k, Number(v)]));
    }
    return out;
  }
  async missed(): Promise<MissedMessage[]> {
    const all = Object.values(await this.client.hGetAll(`${this.prefix}:missed`)).map((v) => JSON.parse(v) as MissedMessage);
    const marks = Object.fromEntries(Object.entries(await this.client.hGetAll(`${this.prefix}:taught`)).map(([k, v]) => [k, JSON.parse(v) as Marks[string]]));
    return withMarks(all, marks).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  }
  async markTaught(id: string, as: string, at: string): Promise<boolean> {
    // the mark goes to its own hash: writing the message back could revive one forgotten meanwhile
    if (!(await this.client.hExists(`${this.prefix}:missed`, id))) return false;
    await this.client.hSet(`${this.prefix}:taught`, id, JSON.stringify({ as, at }));
    return true;
  }
  async forgetConversation(conv: string): Promise<number> {
    const ids = (await this.missed()).filter((m) => m.conv === conv).map((m) => m.id);
    if (ids.length > 0) await this.client.multi().hDel(`${this.prefix}:missed`, ids).hDel(`${this.prefix}:taught`, ids).exec();
    return ids.length;
  }
  async prune(day: string): Promise<void> {
    const old = (await this.client.sMembers(`${this.prefix}:days`)).filter((d) => d < day);
    for (const d of old) await this.client.multi().del(`${this.prefix}:day:${d}`).sRem(`${this.prefix}:days`, d).exec();
    const stale = (await this.missed()).filter((m) => m.day < day).map((m) => m.id);
    if (stale.length > 0) await this.client.multi().hDel(`${this.prefix}:missed`, stale).hDel(`${this.prefix}:taught`, stale).exec();
  }
  async secret(): Promise<string> {
    const made = randomBytes(32).toString("hex");
    await this.client.set(`${this.prefix}:conversation-key`, made, { NX: true });
    return (await this.client.get(`${this.prefix}:conversation-key`)) ?? made;
  }
  async close(): Promise<void> {
    await this.client.quit().catch(() => undefined);
  }
}
