/**
 * The channel threads where an interview runs (with SLACK_PLAN_IN=thread): which person's plan each
 * thread holds, so that their replies there go to their interview and other people's do not. Kept
 * in memory: after a restart, a person resumes by mentioning the coach with "plan" again.
 */

/** Who an interview thread belongs to. */
export interface ThreadOwner {
  team: string;
  user: string;
}

export class PlanThreads {
  private readonly threads = new Map<string, ThreadOwner & { at: number }>();

  constructor(
    private readonly ttlMs = 7 * 24 * 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Marks the thread `threadTs` of `channel` as `owner`'s interview. */
  open(channel: string, threadTs: string, owner: ThreadOwner): void {
    const key = `${channel}/${threadTs}`;
    this.threads.delete(key);
    this.threads.set(key, { ...owner, at: this.now() });
    for (const [k, v] of this.threads) {
      if (this.now() - v.at < this.ttlMs && this.threads.size <= 10_000) break;
      this.threads.delete(k);
    }
  }

  /** The owner of an interview thread, or undefined when the thread holds none. */
  ownerOf(channel: string, threadTs: string | undefined): ThreadOwner | undefined {
    if (threadTs === undefined) return undefined;
    const hit = this.threads.get(`${channel}/${threadTs}`);
    if (!hit || this.now() - hit.at >= this.ttlMs) return undefined;
    return { team: hit.team, user: hit.user };
  }
}
