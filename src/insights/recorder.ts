/**
 * What a turn tells whoever runs the coach, when they turned insights on (COACH_INSIGHTS=on): counts
 * per day (interviews started, each question answered, plans finished, reviews done, doubts by rule
 * and language, confirmations and questions asked again, the hours and budgets given, in ranges),
 * and the text of a message the coach did not understand, with the question it was asked at and its
 * language, under a pseudonymous conversation id: a keyed hash of the session key, whose key is a
 * random value kept with the insights (no user id is stored, and the id cannot be turned back into one).
 */
import { createHmac, randomUUID } from "node:crypto";
import type { TurnOutcome } from "../coordinator.ts";
import type { Logger } from "../log.ts";
import type { Input } from "../vocabulary/inputs.ts";
import type { InsightsStore, MissedMessage } from "./insights-store.ts";

/** The upper bounds of the ranges hours (a month) and budgets (money a month) are counted in. */
export const HOURS_RANGES: readonly number[] = [0, 4, 9, 19, 39];
export const BUDGET_RANGES: readonly number[] = [0, 49, 99, 249, 499];

/** "10-19" for 12 with bounds [0, 4, 9, 19, 39]; "40+" above the last. */
export function rangeOf(value: number, bounds: readonly number[]): string {
  let low = 0;
  for (const b of bounds) {
    if (value <= b) return low === b ? String(b) : `${low}-${b}`;
    low = Math.floor(b) + 1;
  }
  return `${low}+`;
}

export const dayOf = (iso: string) => iso.slice(0, 10);

/** A turn observer: the coordinator tells it each turn it kept, and each person it forgot. */
export interface TurnObserver {
  turn(key: string, input: Input, outcome: TurnOutcome, at: Date): void;
  forgot(key: string): void;
}

/** How many conversations' readings awaiting a yes are remembered (in memory only) at most. */
const MAX_PENDING = 1000;

export class InsightsRecorder implements TurnObserver {
  private work: Promise<unknown> = Promise.resolve();
  /**
   * The message each conversation's reading awaiting a yes came from, in memory only: when the owner
   * says no, that message (not the "no") is the one the coach misread.
   */
  private readonly pending = new Map<string, string>();

  constructor(
    private readonly store: InsightsStore,
    private readonly secret: string,
    private readonly log: Logger,
  ) {}

  /** The conversation id of a session key: the same for one person, not theirs. */
  conversationOf(key: string): string {
    return createHmac("sha256", this.secret).update(key).digest("hex").slice(0, 16);
  }

  turn(key: string, input: Input, outcome: TurnOutcome, at: Date): void {
    const day = dayOf(at.toISOString());
    const counts: Record<string, number> = {};
    const add = (k: string) => (counts[k] = (counts[k] ?? 0) + 1);
    if (!outcome.known && (input.kind === "open" || input.kind === "text")) add("started");
    let missed: MissedMessage["why"] | null = null;
    let confirming = false;
    for (const e of outcome.events) {
      switch (e.kind) {
        case "saved":
          if (e.how === "changed") break;
          add(`answered:${e.step}`);
          if (e.step === "time" && outcome.answers["time"]?.type === "hours") add(`hours:${rangeOf(outcome.answers["time"].hoursPerMonth, HOURS_RANGES)}`);
          if (e.step === "budget" && outcome.answers["budget"]?.type === "money") add(`budget:${rangeOf(outcome.answers["budget"].amountPerMonth, BUDGET_RANGES)}`);
          break;
        case "confirming":
          add(`confirm:${e.step}`);
          confirming = true;
          break;
        case "reasked":
          add(`reask:${e.step}`);
          if (e.why === "unreadable") missed = "unreadable";
          else if (e.why === "question") missed = "question";
          else if (e.why === "declined") missed = "declined";
          break;
        case "doubt":
          add(`doubt:${e.rule}:${outcome.lang}`);
          break;
        case "not-understood":
          add("not-understood");
          missed = "not-understood";
          break;
        case "plan-finished":
          add("plan");
          break;
        case "review-finished":
          add("review");
          break;
        case "review-booked":
          if (e.months > 0) add("review-booked");
          break;
        default:
          break;
      }
    }
    const said = "text" in input && typeof input.text === "string" ? input.text : null;
    // a declined reading: the message misread is the one the reading came from
    const text = missed === "declined" ? (this.pending.get(key) ?? null) : said;
    this.pending.delete(key);
    if (confirming && said !== null) {
      this.pending.set(key, said.slice(0, 2000));
      if (this.pending.size > MAX_PENDING) this.pending.delete(this.pending.keys().next().value!);
    }
    const record: MissedMessage | null =
      missed && text !== null
        ? {
            id: randomUUID(),
            conv: this.conversationOf(key),
            at: at.toISOString(),
            day,
            step: input.kind === "ask" ? "ask" : (outcome.step ?? "plan"),
            lang: outcome.lang,
            why: missed,
            text: text.slice(0, 2000),
          }
        : null;
    if (Object.keys(counts).length === 0 && !record) return;
    this.enqueue(async () => {
      if (Object.keys(counts).length > 0) await this.store.count(day, counts);
      if (record) await this.store.addMissed(record);
    });
  }

  forgot(key: string): void {
    this.pending.delete(key);
    const conv = this.conversationOf(key);
    this.enqueue(async () => {
      await this.store.forgetConversation(conv);
    });
  }

  /** Resolves when everything recorded so far is written (tests, shutdown). */
  async idle(): Promise<void> {
    await this.work;
  }

  private enqueue(f: () => Promise<void>): void {
    this.work = this.work.then(f).catch((err: unknown) => this.log.warn("insights: could not record a turn", { error: err instanceof Error ? err.message : String(err) }));
  }
}
