/**
 * A small structured logger: one JSON line per event on stderr (stdout belongs to the terminal
 * chat). Values of fields whose name looks secret are never written.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const SECRET_FIELD = /token|secret|password|authorization|cookie/i;

export function createLogger(write: (line: string) => void = (l) => process.stderr.write(l + "\n"), secrets: readonly string[] = []): Logger {
  const scrub = (s: string) => secrets.reduce((acc, sec) => (sec.length >= 6 ? acc.split(sec).join("[redacted]") : acc), s);
  const emit = (level: string, message: string, fields: Record<string, unknown> = {}) => {
    const clean: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) clean[k] = SECRET_FIELD.test(k) ? "[redacted]" : v instanceof Error ? v.message : v;
    write(scrub(JSON.stringify({ time: new Date().toISOString(), level, message, ...clean })));
  };
  return {
    info: (m, f) => emit("info", m, f),
    warn: (m, f) => emit("warn", m, f),
    error: (m, f) => emit("error", m, f),
  };
}

/** A logger that drops everything (tests, and the terminal chat unless asked). */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
