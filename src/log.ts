/**
 * A small structured logger: one JSON line per event on stderr (stdout belongs to the terminal
 * chat). Values of fields whose name looks secret are never written, the secrets it is given
 * (tokens, the passwords of URL settings) are blanked wherever they appear, and so are the
 * credentials of any URL (`redis://user:password@host` becomes `redis://[redacted]@host`).
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const SECRET_FIELD = /token|secret|password|authorization|cookie/i;

/**
 * Any `scheme://user:password@` in a text, with the credentials taken out.
 * @example scrubUrls("redis://:hunter2@db:6379") // "redis://[redacted]@db:6379"
 */
export function scrubUrls(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*@/gi, "$1[redacted]@");
}

/** `text` with every secret (6 characters or more) blanked, and URL credentials taken out. */
export function redact(text: string, secrets: readonly string[]): string {
  // each secret as it is, and as it reads inside a JSON string (quotes and backslashes escaped)
  const forms = secrets.filter((s) => s.length >= 6).flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]);
  const blanked = forms.reduce((acc, sec) => acc.split(sec).join("[redacted]"), text);
  return scrubUrls(blanked);
}

/**
 * The parts of a URL setting that must never be printed: its password and user name, raw and
 * percent-decoded, and the whole URL when it has any.
 * @example urlSecrets("redis://coach:hunter2@db:6379") // ["redis://coach:hunter2@db:6379", "hunter2", "coach"]
 */
export function urlSecrets(url: string | undefined): string[] {
  if (!url) return [];
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#@]*)@/i.exec(url);
  if (!m) return [];
  const [user = "", password = ""] = m[1]!.split(":");
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  return [...new Set([url, password, decode(password), user, decode(user)])].filter((s) => s.length > 0);
}

export function createLogger(write: (line: string) => void = (l) => process.stderr.write(l + "\n"), secrets: readonly string[] = []): Logger {
  const emit = (level: string, message: string, fields: Record<string, unknown> = {}) => {
    const clean: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) clean[k] = SECRET_FIELD.test(k) ? "[redacted]" : v instanceof Error ? v.message : v;
    write(redact(JSON.stringify({ time: new Date().toISOString(), level, message, ...clean }), secrets));
  };
  return {
    info: (m, f) => emit("info", m, f),
    warn: (m, f) => emit("warn", m, f),
    error: (m, f) => emit("error", m, f),
  };
}

/** A logger that drops everything (tests, and the terminal chat unless asked). */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
