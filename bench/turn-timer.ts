/**
 * Times conversation turns: every turn's duration for the percentiles, and the wall time of the
 * whole batch for the throughput.
 */
import { percentile } from "./stats.ts";

/** One run of many turns. Durations are in milliseconds. */
export interface TurnRun {
  turns: number;
  turnsPerSec: number;
  p50: number;
  p99: number;
  /** every turn's duration, for callers that split them further */
  samples: Float64Array;
}

function summarize(samples: Float64Array, elapsedMs: number): TurnRun {
  const list = Array.from(samples);
  return { turns: samples.length, turnsPerSec: samples.length / (elapsedMs / 1000), p50: percentile(list, 0.5), p99: percentile(list, 0.99), samples };
}

/**
 * Runs `conversations` conversations of `turnsEach` synchronous turns; `turn(c, t)` plays turn t of
 * conversation c.
 */
export function timeSyncTurns(conversations: number, turnsEach: number, turn: (c: number, t: number) => void): TurnRun {
  const samples = new Float64Array(conversations * turnsEach);
  let n = 0;
  const start = performance.now();
  for (let c = 0; c < conversations; c++) {
    for (let t = 0; t < turnsEach; t++) {
      const t0 = performance.now();
      turn(c, t);
      samples[n++] = performance.now() - t0;
    }
  }
  return summarize(samples, performance.now() - start);
}

/** Same as timeSyncTurns for turns that return a promise; turns run one after the other. */
export async function timeAsyncTurns(conversations: number, turnsEach: number, turn: (c: number, t: number) => Promise<unknown>): Promise<TurnRun> {
  const samples = new Float64Array(conversations * turnsEach);
  let n = 0;
  const start = performance.now();
  for (let c = 0; c < conversations; c++) {
    for (let t = 0; t < turnsEach; t++) {
      const t0 = performance.now();
      await turn(c, t);
      samples[n++] = performance.now() - t0;
    }
  }
  return summarize(samples, performance.now() - start);
}
