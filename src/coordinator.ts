/**
 * The coordinator: load the session, step the engine, save, in that order, one input at a time per
 * session. Adapters call it; it never knows which platform an input came from.
 */
import type { Content } from "./content/compile.ts";
import type { Lang } from "./content/schema.ts";
import { baseOf, migrateFromV1, printMode, SessionState, STATE_VERSION, PersistedSession, stepOf } from "./engine/state.ts";
import { step } from "./engine/step.ts";
import { buildPlan } from "./plan/build-plan.ts";
import { silentLogger, type Logger } from "./log.ts";
import { detectLanguage } from "./text/detect-language.ts";
import { fill } from "./text/template.ts";
import { reliabilityTexts, type ReliabilityTexts } from "./content/reliability-texts.ts";
import type { SessionStore } from "./store/session-store.ts";
import type { TurnObserver } from "./insights/recorder.ts";
import { isStoreUnavailable } from "./store/store-errors.ts";
import { markNotSaved } from "./turn-not-saved.ts";
import type { Answer } from "./vocabulary/answers.ts";
import type { Effect, TurnEvent } from "./vocabulary/effects.ts";
import type { Input } from "./vocabulary/inputs.ts";
import type { Plan } from "./vocabulary/plan-shape.ts";
import type { Reply } from "./vocabulary/replies.ts";

/** What one input produced, for the adapter to render. */
export interface TurnOutcome {
  replies: Reply[];
  lang: Lang;
  /** the id of the question being asked; null once the plan is written (or the user was forgotten) */
  step: string | null;
  /** where the conversation stands, printed ("asking(time)", "confirming(time) / asking(time)", "done") */
  mode: string;
  done: boolean;
  /** the finished plan, once the interview is over */
  plan: Plan | null;
  /** the answers saved so far (a reading waiting for a yes is not among them) */
  answers: Readonly<Record<string, Answer>>;
  /** the doubt answered during this turn, if any */
  objection: { id: string; confidence: number } | null;
  effects: Effect[];
  events: TurnEvent[];
  /** the person had a session before this input */
  known: boolean;
}

export interface CoordinatorOptions {
  content: Content;
  store: SessionStore;
  /** the clock; tests pass a fixed one */
  now?: () => Date;
  log?: Logger;
  /** sessions untouched for this many days are removed (default 30) */
  expireAfterDays?: number;
  /** inputs of one session waiting their turn beyond this are answered "slow down" (default 20) */
  maxQueuedPerSession?: number;
  /** dialogs/reliability.yaml, already loaded; read from disk when absent */
  reliability?: ReliabilityTexts;
  /**
   * Told of each turn kept and each person forgotten (insights, COACH_INSIGHTS=on); with one, a new
   * conversation is told, in one line, that messages the coach does not understand may be read.
   */
  observer?: TurnObserver;
}

/**
 * Why a session was started again: the content changed (`stale`), it expired, it could not be
 * read (`damaged`: set aside), or a newer coach wrote it (`newer`: set aside).
 */
type Reset = "stale" | "expired" | "damaged" | "newer";

type Loaded = { state: SessionState | undefined; reset: Reset | null; revision: string | null; place: string | null; raw: unknown };

/**
 * A write the store could not confirm (the connection broke while it was sent): it may have been
 * applied. The next turn of the session finds out, and if it was, shows where the person is
 * instead of applying their next message to a question they have not seen.
 */
interface UnconfirmedWrite {
  json: string;
  outcome: TurnOutcome;
}

/** At most this many unconfirmed writes are remembered (the oldest are forgotten first). */
const MAX_UNCONFIRMED = 10_000;

/** How many expired sessions the sweep handles at a time before it lets turns run. */
const SWEEP_BATCH = 100;

/** What an adapter may say about an input besides the input itself. */
export interface TurnOptions {
  /**
   * Where the conversation now takes place (an adapter's own name for a thread, a DM...), kept with
   * the session until another turn names another place; read back with `placeOf`.
   */
  place?: string;
}

/** How many times one input is retried when other instances keep writing its session. */
const MAX_ATTEMPTS = 8;

const DAY_MS = 24 * 60 * 60 * 1000;

export class Coordinator {
  private readonly content: Content;
  private readonly store: SessionStore;
  private readonly now: () => Date;
  private readonly log: Logger;
  private readonly queues = new Map<string, { tail: Promise<unknown>; depth: number }>();
  private readonly expireAfterMs: number;
  private readonly observer: TurnObserver | undefined;
  private readonly maxQueued: number;
  private readonly reliability: ReliabilityTexts;
  private readonly unconfirmed = new Map<string, UnconfirmedWrite>();

  constructor(options: CoordinatorOptions) {
    this.content = options.content;
    this.store = options.store;
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? silentLogger;
    this.expireAfterMs = (options.expireAfterDays ?? 30) * DAY_MS;
    this.maxQueued = options.maxQueuedPerSession ?? 20;
    this.reliability = options.reliability ?? reliabilityTexts();
    this.observer = options.observer;
  }

  /**
   * Runs one input of one session. Inputs of the same session run one after the other, in the
   * order they arrived; different sessions run side by side.
   */
  handle(key: string, input: Input, options: TurnOptions = {}): Promise<TurnOutcome> {
    const queued = this.queues.get(key)?.depth ?? 0;
    if (queued >= this.maxQueued) return Promise.resolve(this.throttled(input));
    return this.serialize(key, () => this.turn(key, input, options.place));
  }

  /** Where the session's conversation last took place (`TurnOptions.place`), or null. */
  async placeOf(key: string): Promise<string | null> {
    const loaded = await this.load(key);
    return loaded.state ? loaded.place : null;
  }

  /**
   * True when the session's pilot review has come due and the coach has not written for it yet
   * (a read only: the `remind` turn is what claims it, once, whichever instance gets there first).
   */
  async reviewDue(key: string): Promise<boolean> {
    const { state } = await this.load(key);
    const f = state?.followUp;
    return f !== undefined && f.status === "booked" && f.remindedAt === null && f.dueAt !== null && Date.parse(f.dueAt) <= this.now().getTime();
  }

  /**
   * Removes every session untouched for longer than the expiry (and the copies set aside from
   * them), and returns how many sessions went. The store lists the candidates a batch at a time
   * without reading them; each is removed in its session's turn, only if still untouched, and the
   * sweep lets turns run between batches, so people are answered while it runs. Scheduled at
   * start-up and daily by the composition root (src/store/expiry-schedule.ts).
   */
  async sweepExpired(): Promise<number> {
    const before = new Date(this.now().getTime() - this.expireAfterMs);
    let removed = 0;
    for await (const batch of this.store.untouchedSince(before, SWEEP_BATCH)) {
      for (const key of batch) if (await this.serialize(key, () => this.store.deleteIfUntouchedSince(key, before))) removed++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const copies = await this.store.pruneAside(before);
    if (removed > 0 || copies > 0) this.log.info("expired sessions removed", { removed, copiesRemoved: copies });
    return removed;
  }

  /** The answer to an input that arrived while too many of the same session's were waiting. */
  private throttled(input: Input): TurnOutcome {
    const lang = input.locale ?? this.content.messages.defaultLang;
    return {
      replies: [{ kind: "text", text: this.content.messages.text.throttled[lang], choices: [] }],
      lang, step: null, mode: "throttled", done: false, plan: null, answers: {}, objection: null, effects: [], events: [], known: true,
    };
  }

  private serialize<T>(key: string, work: () => Promise<T>): Promise<T> {
    const entry = this.queues.get(key) ?? { tail: Promise.resolve(), depth: 0 };
    // the place in the line shared with other instances is taken now, in the order inputs arrive
    const turnInLine = this.store.enterTurn?.(key);
    const run = async () => {
      const leaveLine = turnInLine ? await turnInLine : undefined;
      try {
        return await work();
      } finally {
        await leaveLine?.();
        entry.depth--;
        if (entry.depth === 0 && this.queues.get(key) === entry) this.queues.delete(key);
      }
    };
    const next = entry.tail.then(run, run);
    entry.tail = next.catch(() => undefined);
    entry.depth++;
    this.queues.set(key, entry);
    return next;
  }

  private async turn(key: string, input: Input, newPlace: string | undefined): Promise<TurnOutcome> {
    try {
      return await this.tryTurn(key, input, newPlace);
    } catch (err) {
      // the store is out of reach or the disk refused: say so, nothing of this input was kept
      if (!isStoreUnavailable(err)) throw err;
      this.log.warn("a turn could not reach the session store; the user was asked to try again", { kind: err.kind, code: err.code ?? null, error: err.message });
      return this.unavailable(input);
    }
  }

  private async tryTurn(key: string, input: Input, newPlace: string | undefined): Promise<TurnOutcome> {
    // optimistic concurrency: if another instance wrote this session meanwhile, read again and redo
    for (let attempt = 1; ; attempt++) {
      const { state, reset, revision, place: oldPlace, raw } = await this.load(key);
      const unconfirmed = this.unconfirmed.get(key);
      if (unconfirmed) {
        this.unconfirmed.delete(key);
        if (raw !== undefined && JSON.stringify(raw) === unconfirmed.json) {
          // the write the person was told had failed went through: show where they are, take nothing
          this.log.info("a write that looked lost had been applied; the user is shown where they are");
          const notice = { kind: "text" as const, text: this.reliability.savedAfterAll[unconfirmed.outcome.lang], choices: [] };
          return { ...unconfirmed.outcome, replies: [notice, ...unconfirmed.outcome.replies] };
        }
      }
      const place = newPlace ?? oldPlace;
      const result = step(state, input, this.content, this.now().toISOString());
      const forget = result.effects.some((e) => e.kind === "forget-user");
      const t = this.content.messages.text;
      const lang = result.state.lang;
      const notice =
        reset === "stale" ? t.sessionReset[lang]
        : reset === "expired" ? fill(t.expired[lang], { days: this.expireAfterMs / DAY_MS }, lang)
        : reset === "damaged" ? this.reliability.damaged[lang]
        : reset === "newer" ? this.reliability.newerVersion[lang]
        : null;
      const withNotice = notice && result.save ? [{ kind: "text" as const, text: notice, choices: [] }, ...result.replies] : result.replies;
      // a new conversation, with insights on: one line says what may be read, after the welcome
      const replies = this.observer && state === undefined && result.save && withNotice.length > 0
        ? [withNotice[0]!, { kind: "text" as const, text: t.insightsNotice[lang], choices: [] }, ...withNotice.slice(1)]
        : withNotice;
      const base = baseOf(result.state.mode);
      const done = !forget && base.is === "done";
      const doubt = result.events.find((e) => e.kind === "doubt");
      const content = this.content;
      const answers = forget ? {} : result.state.answers;
      let plan: Plan | null | undefined;
      const outcome: TurnOutcome = {
        replies,
        lang,
        step: forget ? null : stepOf(base),
        mode: forget ? "forgotten" : printMode(result.state.mode),
        done,
        // built when asked for (the test mode's JSON, tests): most turns never need it
        get plan() {
          plan ??= done ? buildPlan(content, answers, lang, forget ? [] : result.state.mentioned) : null;
          return plan;
        },
        answers,
        objection: doubt ? { id: doubt.rule, confidence: doubt.confidence } : null,
        effects: result.effects,
        events: result.events,
        known: state !== undefined,
      };
      if (forget) {
        await this.store.delete(key);
        this.log.info("session forgotten at the user's request");
        this.observer?.forgot(key);
        return outcome;
      }
      const now = this.now();
      if (!result.save) {
        // a question asked outside the interview (a mention, /ask): nothing kept, but counted
        this.observer?.turn(key, input, outcome, now);
        return outcome;
      }
      const value = { version: STATE_VERSION, state: result.state, ...(place !== null ? { place } : {}) };
      let written: boolean;
      try {
        // a booked review keeps the session until it is due (then the usual time without a visit)
        const keptFrom = keptFromOf(result.state, now.getTime());
        written = await this.store.writeIf(key, value, revision, (keptFrom - now.getTime() + this.expireAfterMs) / 1000, new Date(keptFrom));
      } catch (err) {
        if (isStoreUnavailable(err) && err.maybeApplied) this.rememberUnconfirmed(key, { json: JSON.stringify(value), outcome });
        throw err;
      }
      if (!written) {
        if (attempt >= MAX_ATTEMPTS) throw new Error(`session changed ${MAX_ATTEMPTS} times while one input was handled`);
        this.log.info("session written by another instance meanwhile; handling the input again", { attempt });
        continue;
      }
      for (const e of result.events) if (e.kind === "doubt" || e.kind === "confirming" || e.kind === "reasked" || e.kind === "not-understood") this.log.info(`turn: ${e.kind}`, { ...e });
      this.observer?.turn(key, input, outcome, now);
      return outcome;
    }
  }

  private rememberUnconfirmed(key: string, write: UnconfirmedWrite): void {
    this.unconfirmed.delete(key);
    this.unconfirmed.set(key, write);
    if (this.unconfirmed.size > MAX_UNCONFIRMED) {
      const oldest = this.unconfirmed.keys().next();
      if (!oldest.done) this.unconfirmed.delete(oldest.value);
    }
  }

  /** The answer to an input whose session could not be read or written: try again in a minute. */
  private unavailable(input: Input): TurnOutcome {
    const lang = input.locale ?? (input.kind === "text" ? detectLanguage(input.text, this.content.languageHints) : null) ?? this.content.messages.defaultLang;
    return markNotSaved({
      replies: [{ kind: "text", text: this.reliability.memoryUnavailable[lang], choices: [] }],
      lang, step: null, mode: "unavailable", done: false, plan: null, answers: {}, objection: null, effects: [], events: [], known: false,
    });
  }

  /** Reads and checks a stored session; one that no longer fits is dropped (and the user told). */
  private async load(key: string): Promise<Loaded> {
    const { value: raw, revision, setAside } = await this.store.read(key);
    if (setAside) {
      // the store could not read it as a document (not JSON): it kept a copy aside
      this.log.warn("stored session could not be read; kept aside, the user starts again", { copy: setAside.copy, reason: setAside.reason });
      return { state: undefined, reset: "damaged", revision: null, place: null, raw: undefined };
    }
    if (raw === undefined) return { state: undefined, reset: null, revision, place: null, raw };
    const envelope = PersistedSession.safeParse(raw);
    if (!envelope.success || envelope.data.version > STATE_VERSION) {
      // written by a newer coach, or not a session at all: keep it, never overwrite it
      const newer = envelope.success;
      const copy = await this.store.setAside(key, newer ? `version-${envelope.data.version}` : "unreadable");
      if (newer) this.log.warn("stored session written by a newer coach kept aside; starting the user again", { copy, version: envelope.data.version });
      else this.log.warn("stored document is not a session; kept aside, the user starts again", { copy, reason: envelope.error.issues[0]?.message ?? "invalid" });
      return { state: undefined, reset: newer ? "newer" : "damaged", revision: null, place: null, raw: undefined };
    }
    let stateData = envelope.data.state;
    if (envelope.data.version < STATE_VERSION) {
      // version 1 kept nullable fields (pending, confirm, offer) where today there is a mode
      // version 2 had no list of the networks mentioned, version 3 no pilot review: they start empty
      const migrated = envelope.data.version === 1 ? migrateFromV1(stateData) : envelope.data.version === 2 || envelope.data.version === 3 ? stateData : undefined;
      if (migrated === undefined) {
        this.log.info("session of an older shape; starting it again", { version: envelope.data.version });
        return { state: undefined, reset: "stale", revision, place: null, raw };
      }
      stateData = migrated;
    }
    const parsed = SessionState.safeParse(stateData);
    if (!parsed.success) {
      // the current version's shape, with fields that do not fit it: damaged (by hand, or a bug), kept aside
      const copy = await this.store.setAside(key, "invalid");
      this.log.warn("stored session does not fit the session schema; kept aside, the user starts again", { copy, reason: parsed.error.issues[0]?.message ?? "invalid" });
      return { state: undefined, reset: "damaged", revision: null, place: null, raw: undefined };
    }
    if (!fitsContent(parsed.data, this.content)) {
      this.log.warn("stored session no longer fits the content; starting it again");
      return { state: undefined, reset: "stale", revision, place: null, raw };
    }
    if (this.now().getTime() - keptFromOf(parsed.data, Date.parse(parsed.data.updatedAt)) > this.expireAfterMs) return { state: undefined, reset: "expired", revision, place: null, raw };
    return { state: parsed.data, reset: null, revision, place: envelope.data.place ?? null, raw };
  }
}

/** The longest a booked review may hold a session past its last visit: a little more than the longest booking. */
const MAX_KEEP_FOR_REVIEW_MS = 400 * DAY_MS;

/**
 * When a session's time without a visit starts to count: its last write, or, while a pilot review is
 * booked, the review's date (the owner asked the coach to come back; it keeps the session until then).
 */
export function keptFromOf(state: SessionState, lastWrite: number): number {
  const f = state.followUp;
  const due = f.status === "booked" && f.dueAt !== null ? Date.parse(f.dueAt) : NaN;
  return Number.isFinite(due) ? Math.max(lastWrite, Math.min(due, lastWrite + MAX_KEEP_FOR_REVIEW_MS)) : lastWrite;
}

/** True when every answer, the question being asked and the topics offered still exist in the content. */
export function fitsContent(state: SessionState, content: Content): boolean {
  const stepIds = new Set(content.steps.map((s) => s.id));
  const reviewIds = new Set(content.reviewSteps.map((s) => s.id));
  const m = state.mode;
  const base = baseOf(m);
  if (base.is === "reviewing" ? !reviewIds.has(base.step) : base.is !== "done" && !stepIds.has(base.step)) return false;
  if (base.is === "editing" && base.resume !== null && !stepIds.has(base.resume)) return false;
  if (m.is === "confirming" && !stepIds.has(m.step) && !reviewIds.has(m.step)) return false;
  if (!Object.keys(state.reviewAnswers).every((id) => reviewIds.has(id))) return false;
  if (m.is === "choosingTopic" && !m.rules.every((id) => content.rules.has(id))) return false;
  for (const [id, answer] of Object.entries(state.answers)) {
    const s = content.steps.find((x) => x.id === id);
    if (!s) return false;
    if (answer.type === "choice" && (s.kind !== "choice" || !s.choices.some((c) => c.id === answer.id))) return false;
    if ((answer.type === "hours" || answer.type === "money") && s.kind !== "quantity") return false;
  }
  return true;
}
