/**
 * The line of one session's turns across every coach instance on a Redis: a message takes its
 * place when it arrives and is handled when its place comes up, so one person's messages are
 * handled in the order they arrived even when they reach different instances (Rasa's lock store
 * does the same with tickets). The revision check on every write still guarantees that no answer
 * is lost; the line adds the order.
 *
 * The line is a Redis list of tokens, with the head's lease in a key beside it. The head renews
 * its lease while it works; a head whose lease ran out (its instance died, or never came to take
 * its turn) is skipped by the next one, so a dead instance holds a person up for a few seconds at
 * most, never for good. Every step is one Lua script, so the line stays consistent whatever runs
 * at the same time.
 */
import { randomBytes } from "node:crypto";
import type { Logger } from "../log.ts";

/** Joins the line; returns 1 when the token is at its head (its turn is taken at once), else 0. */
const ENTER = `
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
if redis.call('LINDEX', KEYS[1], 0) == ARGV[1] then
  redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
`;

/**
 * 1 when it is the token's turn (its lease is then set), 0 to wait, -1 when the token is no longer
 * in line (the line expired). A head whose lease ran out is skipped first: then 2 to wait on, or 3
 * when that made it the token's turn.
 */
const POLL = `
local head = redis.call('LINDEX', KEYS[1], 0)
if head == ARGV[1] then
  redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
  return 1
end
if head == false then return -1 end
if redis.call('GET', KEYS[2]) ~= head then
  redis.call('LPOP', KEYS[1])
  local nextHead = redis.call('LINDEX', KEYS[1], 0)
  if nextHead == false then return -1 end
  redis.call('SET', KEYS[2], nextHead, 'PX', ARGV[3])
  if nextHead == ARGV[1] then
    redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
    return 3
  end
  return 2
end
return 0
`;

/** Keeps the lease while the turn runs. */
const RENEW = `
if redis.call('GET', KEYS[2]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[2], ARGV[2]) end
return 0
`;

/** Leaves the line: hands the turn to the next token (with a lease to start), or just drops out. */
const LEAVE = `
if redis.call('LINDEX', KEYS[1], 0) == ARGV[1] then
  redis.call('LPOP', KEYS[1])
  local nextHead = redis.call('LINDEX', KEYS[1], 0)
  if nextHead then redis.call('SET', KEYS[2], nextHead, 'PX', ARGV[2]) else redis.call('DEL', KEYS[2]) end
  return 1
end
redis.call('LREM', KEYS[1], 1, ARGV[1])
return 0
`;

export interface TurnLineOptions {
  /** runs one Redis command (EVAL ...) */
  run: (args: string[]) => Promise<unknown>;
  /** the line's keys for a session key */
  keysOf: (key: string) => { line: string; lease: string };
  log: Logger;
  /** how long the head holds its turn without renewing it (renewed every third of it) */
  workLeaseMs?: number;
  /** how long a new head has to come and take its turn */
  startLeaseMs?: number;
  /** after this long in line, a turn goes ahead anyway (logged): the revision check still holds */
  maxWaitMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class TurnLine {
  private readonly workLeaseMs: number;
  private readonly startLeaseMs: number;
  private readonly maxWaitMs: number;
  private readonly lineTtlMs: number;

  constructor(private readonly o: TurnLineOptions) {
    this.workLeaseMs = o.workLeaseMs ?? 10_000;
    this.startLeaseMs = o.startLeaseMs ?? 2_000;
    this.maxWaitMs = o.maxWaitMs ?? 60_000;
    this.lineTtlMs = Math.max(this.maxWaitMs * 2, 10 * 60_000);
  }

  /**
   * Takes a place for `key` now (the command leaves in the order of the calls), and resolves when
   * it is this place's turn with the function that leaves the line. Never rejects: if Redis cannot
   * be reached the turn goes ahead without the line, and finds out for itself.
   */
  enter(key: string): Promise<() => Promise<void>> {
    const token = `${process.pid}.${randomBytes(6).toString("hex")}`;
    const { line, lease } = this.o.keysOf(key);
    const eval_ = (script: string, ...args: (string | number)[]) => this.o.run(["EVAL", script, "2", line, lease, token, ...args.map(String)]);
    const entered = eval_(ENTER, this.workLeaseMs, this.lineTtlMs);
    return (async () => {
      let atHead: boolean;
      try {
        atHead = Number(await entered) === 1;
      } catch (err) {
        this.o.log.warn("could not take a place in a session's line; the turn goes ahead without it", { error: err });
        return async () => undefined;
      }
      const started = Date.now();
      let pause = 2;
      while (!atHead) {
        let answer: number;
        try {
          answer = Number(await eval_(POLL, this.workLeaseMs, this.startLeaseMs));
        } catch (err) {
          this.o.log.warn("lost a session's line while waiting; the turn goes ahead without it", { error: err });
          return async () => undefined;
        }
        if (answer === 2 || answer === 3) this.o.log.info("skipped a turn whose instance did not take it in time (stopped or crashed?)");
        if (answer === 1 || answer === 3) break;
        if (answer === -1) {
          this.o.log.warn("a session's line expired while a turn waited; the turn goes ahead");
          return async () => undefined;
        }
        if (Date.now() - started > this.maxWaitMs) {
          this.o.log.warn("waited too long in a session's line; the turn goes ahead without it", { waitedMs: Date.now() - started });
          await eval_(LEAVE, this.startLeaseMs).catch(() => undefined);
          return async () => undefined;
        }
        await sleep(pause);
        pause = Math.min(pause * 1.5, 50);
      }
      const renew = setInterval(() => void eval_(RENEW, this.workLeaseMs).catch(() => undefined), Math.floor(this.workLeaseMs / 3));
      renew.unref();
      return async () => {
        clearInterval(renew);
        // not waited for: the commands of this process leave on one connection in order, so the
        // next turn's POLL reaches Redis after this LEAVE, and the reply need not wait a round trip
        void eval_(LEAVE, this.startLeaseMs).catch((err: unknown) => {
          // the next one takes its turn when this lease runs out
          this.o.log.warn("could not hand a session's turn on; the next one waits for the lease to run out", { error: err });
        });
      };
    })();
  }
}
