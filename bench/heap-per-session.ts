/**
 * Section 5, heap: bytes of heap per active session. Run in its own process with `--expose-gc`
 * (bench/memory-bench.ts starts it): many sessions are brought mid-interview (open, the business, goal, time: the
 * budget question pending) in a MemoryStore through the Coordinator, and the heap after a full GC is
 * compared with the heap before (the marginal cost: see `marginal`). The same is done for the botbuilder-dialogs interview on its
 * MemoryStorage (fewer conversations: it is two orders of magnitude slower). Prints one JSON line:
 * { sessions, botbuilderSessions, ours: number[], botbuilder: number[], jsonBytes }.
 *
 *   node --expose-gc --import tsx bench/heap-per-session.ts [sessions] [botbuilderSessions] [runs]
 */
import { loadContent } from "../src/content/load.ts";
import type { Content } from "../src/content/compile.ts";
import { Coordinator } from "../src/coordinator.ts";
import { MemoryStore } from "../src/store/memory-store.ts";
import { createBotbuilderInterview } from "./botbuilder-interview.ts";
import { INTERVIEW, INTERVIEW_TEXTS, MID_INTERVIEW_TURNS } from "./interview-script.ts";

/**
 * The heap in use after collecting everything collectable; the pauses let V8's concurrent sweeper
 * finish, else heapUsed still counts some of the garbage.
 */
async function settledHeap(gc: () => void): Promise<number> {
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return process.memoryUsage().heapUsed;
}

/**
 * The marginal heap of one more session: the heap is read (after a full GC) once `first` sessions
 * exist and again once `sessions` exist, and the difference is divided by the sessions in between,
 * so that one-time growth (lazily built tables, the first allocations of a Map) is not counted.
 */
async function marginal(sessions: number, gc: () => void, addSession: (i: number) => Promise<void>): Promise<number> {
  const first = Math.floor(sessions / 5);
  for (let i = 0; i < first; i++) await addSession(i);
  const before = await settledHeap(gc);
  for (let i = first; i < sessions; i++) await addSession(i);
  const after = await settledHeap(gc);
  return (after - before) / (sessions - first);
}

/** Heap bytes per session of our coordinator on MemoryStore, and the session's JSON size. */
async function ours(content: Content, sessions: number, gc: () => void): Promise<{ perSession: number; jsonBytes: number }> {
  const store = new MemoryStore();
  const coordinator = new Coordinator({ content, store });
  const key = (i: number) => `slack:T0001:U${String(i).padStart(9, "0")}`;
  const perSession = await marginal(sessions, gc, async (i) => {
    for (const input of INTERVIEW.slice(0, MID_INTERVIEW_TURNS)) await coordinator.handle(key(i), input);
  });
  // the store is still referenced here, so it was alive when the heap was read
  if ((await store.keys()).length !== sessions) throw new Error("heap: sessions missing from the store");
  return { perSession, jsonBytes: Buffer.byteLength(JSON.stringify((await store.read(key(0))).value)) };
}

/** Heap bytes per conversation of the botbuilder-dialogs interview on MemoryStorage. */
async function botbuilder(content: Content, sessions: number, gc: () => void): Promise<number> {
  const bot = createBotbuilderInterview(content, "fr");
  const perSession = await marginal(sessions, gc, async (i) => {
    for (const text of INTERVIEW_TEXTS.slice(0, MID_INTERVIEW_TURNS)) await bot.turn(`c-${i}`, text);
  });
  if (bot.storage === undefined) throw new Error("unreachable: keeps the bot alive until the heap has been read");
  return perSession;
}

async function main(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with node --expose-gc");
  const sessions = Number(process.argv[2] ?? 20000);
  const botbuilderSessions = Number(process.argv[3] ?? 1000);
  const runs = Number(process.argv[4] ?? 5);
  const content = loadContent();
  const result = { sessions, botbuilderSessions, ours: [] as number[], botbuilder: [] as number[], jsonBytes: 0 };
  for (let r = 0; r < runs; r++) {
    const o = await ours(content, sessions, gc);
    result.ours.push(o.perSession);
    result.jsonBytes = o.jsonBytes;
    result.botbuilder.push(await botbuilder(content, botbuilderSessions, gc));
  }
  process.stdout.write(JSON.stringify(result) + "\n");
}

await main();
