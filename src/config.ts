/**
 * Core settings, read from the environment (and a .env file) and validated with zod. An error names
 * the variable and what would work, never its value.
 */
import { z } from "zod";

/** An empty line in .env (`REDIS_URL=`) means "not set". */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A redis:// or rediss:// URL the client can use: a host, and a port from 1 to 65535 if one is given. */
const redisUrl = z
  .string()
  .trim()
  .regex(/^rediss?:\/\/\S+$/, "must look like redis://host:6379 (or rediss:// for TLS)")
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "is not a valid URL: it must look like redis://host:6379 (or redis://:password@host:6379)" });
      return;
    }
    if (url.hostname === "") ctx.addIssue({ code: "custom", message: "has no host: it must look like redis://host:6379" });
  });

export const CoreSettings = z.object({
  /** where the lowdb session files live */
  COACH_DATA_DIR: z.string().min(1).default("data"),
  /** sessions untouched for this many days are deleted */
  COACH_SESSION_TTL_DAYS: z.coerce.number().positive("must be a number of days above 0, e.g. 30").default(30),
  /** on: keep counts and the messages the coach did not understand, for whoever runs it (npm run insights) */
  COACH_INSIGHTS: z.enum(["on", "off"], "must be on or off").default("off"),
  /** insights older than this many days are deleted */
  COACH_INSIGHTS_DAYS: z.coerce.number().int().min(1, "must be a number of days, 1 or more, e.g. 90").default(90),
  /** how often the coach looks for pilot reviews that came due, to write first (Slack, Discord) */
  COACH_REMINDER_MINUTES: z.coerce.number().min(1, "must be a number of minutes, 1 or more, e.g. 15").default(15),
  /** when set, sessions live in Redis (shared by several instances) instead of lowdb files */
  REDIS_URL: z.preprocess(blankToUndefined, redisUrl.optional()),
  /**
   * `fsync`: each lowdb write is flushed to the disk (file and folder) before the answer is
   * acknowledged, so a power cut or an OS crash loses nothing acknowledged; with Redis, the coach
   * checks that Redis keeps an append-only file synced every second. `off` (the default): the OS
   * writes when it likes (a killed process still loses nothing).
   */
  COACH_DURABLE: z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim().toLowerCase()) : v),
    z.enum(["fsync", "off"], { error: 'must be "fsync" (flush every write to the disk) or "off"' }).default("off"),
  ),
});
export type CoreSettings = z.infer<typeof CoreSettings>;

/** A setting that is missing or malformed; the message names variables only. */
export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration problem(s):\n  ${problems.join("\n  ")}`);
    this.name = "SettingsError";
  }
}

/**
 * Validates `env` with a schema whose keys are variable names. Messages say which variable is wrong
 * and what it should look like; the value itself is never repeated.
 */
export function readSettings<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new SettingsError(
    result.error.issues.map((i) => {
      const name = i.path.length ? i.path.map(String).join(".") : "(settings)";
      const detail = i.code === "invalid_type" && i.input === undefined ? "is missing" : i.message;
      return `${name}: ${detail}`;
    }),
  );
}
