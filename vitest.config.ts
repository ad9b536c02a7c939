/**
 * `npm test`: two projects that run side by side.
 *
 * - `fast`: tests that run in the test process itself (engine, stores on temp folders, adapters
 *   against the local fakes). They share their worker's modules (isolate: false), so the coaching
 *   content is loaded once per worker, not once per file.
 * - `slow`: tests that start processes (npm start, the terminal, redis-server), wait on purpose (a
 *   25 s Redis outage) or run for seconds (the fuzzing, 1,000 sessions at once), and the Discord
 *   bot tests (see SLOW). They start first (slow-first-sequencer.ts), so their waiting overlaps
 *   everything else, each file in a fresh module context.
 *
 * More workers (3) than cores: many of these tests wait on child processes and timers rather than
 * computing, and the run stays under 3 minutes on a busy 2-core machine (README, Performance).
 */
import { defineConfig } from "vitest/config";
import { SlowFirstSequencer } from "./test/helpers/slow-first-sequencer.ts";

/** Test files that start processes, wait on purpose, or compute for seconds. */
export const SLOW = [
  "test/reliability/redis-outage.test.ts",
  "test/adapters/main/npm-start.test.ts",
  "test/terminal/cli.test.ts",
  "test/reliability/hostile-input.test.ts",
  "test/reliability/secrets-in-output.test.ts",
  "test/reliability/no-lost-update.test.ts",
  "test/reliability/crash-safe.test.ts",
  "test/reliability/disk-errors.test.ts",
  "test/reliability/order-across-instances.test.ts",
  "test/adapters/discord/discord-shards.test.ts",
  "test/reliability/two-instances-redis.test.ts",
  "test/reliability/two-slack-apps-redis.test.ts",
  "test/reliability/expiry-sweep.test.ts",
  "test/store/store-conformance.test.ts",
  "test/terminal/plan-pdf.test.ts",
  "test/followup/reminders.test.ts",
  // a real browser (Chromium) drives the insights page
  "test/insights/insights-browser.test.ts",
  "test/insights/insights-redis.test.ts",
  "test/insights/insights-main.test.ts",
  // discord.js sends attachments through the undici package while the fake reads them with Node's
  // own: with modules shared between files, a FormData of one now and then reached the other
  // ("action is not a function"); these files get modules of their own
  "test/adapters/discord/discord-interview.test.ts",
  "test/adapters/discord/discord-platform-rules.test.ts",
  "test/adapters/discord/discord-reliability.test.ts",
  "test/adapters/discord/discord-platform.test.ts",
  "test/adapters/discord/fake-discord.test.ts",
  "test/adapters/discord/discord-listening.test.ts",
  "test/adapters/discord/discord-reminders.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    maxWorkers: 3,
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      // processes and servers start slowly on a busy machine: these wait longer before giving up
      { extends: true, test: { name: "slow", include: SLOW, isolate: true, testTimeout: 90_000, hookTimeout: 90_000 } },
      { extends: true, test: { name: "fast", include: ["test/**/*.test.ts"], exclude: SLOW, isolate: false } },
    ],
  },
});
