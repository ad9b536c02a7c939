/**
 * Run by first-message-bench.ts: the coach's composition root (adapters/start-platforms.ts, as
 * `npm start` runs it: settings, content, the lowdb store on COACH_DATA_DIR, the coordinator, the
 * scheduled expiry sweep) around one bench platform whose adapter, once started, sends the first
 * message of a new user. Prints, as JSON, how long after this process started the reply came, then
 * stops the coach.
 */
import type { PlatformModule } from "../adapters/platform.ts";
import { platformEntry } from "../adapters/shared/platform-entry.ts";
import { startPlatforms, type RunningPlatforms } from "../adapters/start-platforms.ts";

let running: RunningPlatforms | null = null;
const bench: PlatformModule<Record<string, never>> = {
  name: "bench",
  settings: () => ({}),
  secrets: () => [],
  create: async (_settings, { coordinator }) => ({
    name: "bench",
    start: async () => {
      setImmediate(() => {
        const sent = performance.now();
        void coordinator.handle("bench:first-user", { kind: "open", locale: "fr" }).then((outcome) => {
          const answered = performance.now();
          process.stdout.write(JSON.stringify({ answeredMs: answered, turnMs: answered - sent, step: outcome.step }) + "\n");
          void running?.stop("bench done");
        });
      });
    },
    stop: async () => undefined,
  }),
};

running = await startPlatforms([platformEntry(bench)], async () => {
  throw new Error("the bench platform is always configured");
});
