/**
 * The coordinator: load the session, step the engine, save, in that order, one input at a time per
 * session. Adapters call it; it never knows which platform an input came from.
 */
import type { Content } from "./content/compile.ts";
import type { Lang } from "./content/schema.ts";
import type { Effect, Input, Reply } from "./engine/replies.ts";
import { SessionState, STATE_VERSION, PersistedSession } from "./engine/state.ts";
import { step } from "./engine/step.ts";
import { buildPlan, type Plan } from "./plan/build-plan.ts";
import { renderPlanMarkdown } from "./plan/render-markdown.ts";
import { ask, type AskResult } from "./rules/answer-objection.ts";
import { silentLogger, type Logger } from "./log.ts";
import type { SessionStore } from "./store/session-store.ts";

/** What one input produced, for the adapter to render. */
export interface TurnOutcome {
  replies: Reply[];
  lang: Lang;
  /** the id of the question now pending; null once the interview is over (or the user was forgotten) */
  step: string | null;
  done: boolean;
  /** the finished plan, once the interview is over */
  plan: Plan | null;
  objection: { id: string; confidence: number } | null;
  effects: Effect[];
}

export interface CoordinatorOptions {
  content: Content;
  store: SessionStore;
  /** the clock; tests pass a fixed one */
  now?: () => Date;
  log?: Logger;
}

type Loaded = { state: SessionState | undefined; reset: boolean };

export class Coordinator {
  private readonly content: Content;
  private readonly store: SessionStore;
  private readonly now: () => Date;
  private readonly log: Logger;
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(options: CoordinatorOptions) {
    this.content = options.content;
    this.store = options.store;
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? silentLogger;
  }

  /**
   * Runs one input of one session. Inputs of the same session run one after the other, in the
   * order they arrived; different sessions run side by side.
   */
  handle(key: string, input: Input): Promise<TurnOutcome> {
    return this.serialize(key, () => this.turn(key, input));
  }

  /** A one-shot question to the rule base; uses the user's plan figures when `key` has a session. */
  async ask(text: string, options: { key?: string; lang?: Lang } = {}): Promise<AskResult> {
    const loaded = options.key ? await this.load(options.key) : undefined;
    const lang = options.lang ?? (loaded?.state?.langSource !== "default" ? loaded?.state?.lang : undefined);
    return ask(this.content, text, lang, loaded?.state?.answers ?? {});
  }

  /** The user's plan so far as data and Markdown, or null when they have no session. */
  async plan(key: string): Promise<{ plan: Plan; markdown: string; done: boolean } | null> {
    const { state } = await this.load(key);
    if (!state) return null;
    const plan = buildPlan(this.content, state.answers, state.lang);
    return { plan, markdown: renderPlanMarkdown(this.content, plan, state.answers), done: state.pending === null };
  }

  private serialize<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return next;
  }

  private async turn(key: string, input: Input): Promise<TurnOutcome> {
    const { state, reset } = await this.load(key);
    const result = step(state, input, this.content, this.now().toISOString());
    const replies = reset
      ? [{ kind: "text" as const, text: this.content.messages.text.sessionReset[result.state.lang], choices: [] }, ...result.replies]
      : result.replies;
    const forget = result.effects.some((e) => e.type === "forget-user");
    if (forget) {
      await this.store.delete(key);
      this.log.info("session forgotten at the user's request");
    } else {
      await this.store.set(key, { version: STATE_VERSION, state: result.state });
    }
    const done = !forget && result.state.pending === null;
    return {
      replies,
      lang: result.state.lang,
      step: forget ? null : result.state.pending,
      done,
      plan: done ? buildPlan(this.content, result.state.answers, result.state.lang) : null,
      objection: result.objection,
      effects: result.effects,
    };
  }

  /** Reads and checks a stored session; one that no longer fits is dropped (and the user told). */
  private async load(key: string): Promise<Loaded> {
    const raw = await this.store.get(key);
    if (raw === undefined) return { state: undefined, reset: false };
    const envelope = PersistedSession.safeParse(raw);
    if (!envelope.success || envelope.data.version !== STATE_VERSION) {
      this.log.warn("stored session unreadable or of another version; starting it again", {
        version: envelope.success ? envelope.data.version : null,
      });
      return { state: undefined, reset: true };
    }
    const parsed = SessionState.safeParse(envelope.data.state);
    if (!parsed.success || !fitsContent(parsed.data, this.content)) {
      this.log.warn("stored session no longer fits the content; starting it again");
      return { state: undefined, reset: true };
    }
    return { state: parsed.data, reset: false };
  }
}

/** True when every answer and the pending question still exist in the content. */
export function fitsContent(state: SessionState, content: Content): boolean {
  if (state.pending !== null && !content.steps.some((s) => s.id === state.pending)) return false;
  for (const [id, answer] of Object.entries(state.answers)) {
    const s = content.steps.find((x) => x.id === id);
    if (!s) return false;
    if (answer.type === "choice" && (s.kind !== "choice" || !s.choices.some((c) => c.id === answer.id))) return false;
    if ((answer.type === "hours" || answer.type === "money") && s.kind !== "quantity") return false;
  }
  return (state.offer ?? []).every((id) => content.rules.has(id));
}
