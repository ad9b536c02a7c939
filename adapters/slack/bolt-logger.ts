/**
 * Bolt's logger interface over the coach's logger, so that Bolt's messages go through the same
 * secret scrubbing and JSON lines as everything else. Bolt's debug output is dropped unless asked.
 */
import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../src/log.ts";

const ORDER: Record<LogLevel, number> = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 };

function text(parts: unknown[]): string {
  return parts.map((p) => (p instanceof Error ? p.message : typeof p === "string" ? p : JSON.stringify(p))).join(" ");
}

/** A Bolt logger writing to `log`, at `level` and above. */
export function boltLogger(log: Logger, level: LogLevel = LogLevel.WARN): BoltLogger {
  let current = level;
  let name = "bolt";
  const at = (l: LogLevel) => ORDER[l] >= ORDER[current];
  return {
    debug: (...msg: unknown[]) => {
      if (at(LogLevel.DEBUG)) log.info(text(msg), { source: name, level: "debug" });
    },
    info: (...msg: unknown[]) => {
      if (at(LogLevel.INFO)) log.info(text(msg), { source: name });
    },
    warn: (...msg: unknown[]) => {
      if (at(LogLevel.WARN)) log.warn(text(msg), { source: name });
    },
    error: (...msg: unknown[]) => {
      if (at(LogLevel.ERROR)) log.error(text(msg), { source: name });
    },
    setLevel: (l: LogLevel) => {
      current = l;
    },
    getLevel: () => current,
    setName: (n: string) => {
      name = n;
    },
  };
}
