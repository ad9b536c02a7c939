/**
 * The insights page's settings (`npm run insights`), from the environment (and .env), besides the
 * coach's own (COACH_DATA_DIR or REDIS_URL: where the insights are; COACH_INSIGHTS_DAYS: how long
 * they are kept). Errors name the variable, never its value.
 */
import { resolve } from "node:path";
import { z } from "zod";
import { CoreSettings, readSettings } from "../../src/config.ts";
import { DEFAULT_INBOX_DIR } from "./inbox-files.ts";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);

export const InsightsPageEnv = z.object({
  /** where the page listens: this machine only by default; 0.0.0.0 to open it from a phone on the same network */
  COACH_INSIGHTS_HOST: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9.:-]+$/, "must be a host name or an IP address to listen on, like 127.0.0.1 (this machine only) or 0.0.0.0 (every network)")
      .default("127.0.0.1"),
  ),
  COACH_INSIGHTS_PORT: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{1,5}$/, "must be a port number between 0 and 65535, like 8787")
      .transform(Number)
      .refine((n) => n <= 65535, "must be a port number between 0 and 65535, like 8787")
      .default(8787),
  ),
  /** the page's access token; a random one is made at each start when it is not set */
  COACH_INSIGHTS_TOKEN: z.preprocess(
    blankToUndefined,
    z.string().regex(/^[A-Za-z0-9_-]{20,}$/, "must be at least 20 letters, digits, - or _ (or leave it unset: a random token is made at each start)").optional(),
  ),
  /** where taught messages are written (review files), relative to the current folder */
  COACH_INBOX_DIR: z.preprocess(blankToUndefined, z.string().optional()),
});

export interface InsightsPageSettings {
  core: CoreSettings;
  host: string;
  port: number;
  token: string | undefined;
  inboxDir: string;
}

/**
 * The page's settings and the coach's, from `env`.
 * @throws SettingsError naming every variable that is wrong
 */
export function readInsightsPageSettings(env: Record<string, string | undefined>): InsightsPageSettings {
  const core = readSettings(CoreSettings, env);
  const page = readSettings(InsightsPageEnv, env);
  return {
    core,
    host: page.COACH_INSIGHTS_HOST,
    port: page.COACH_INSIGHTS_PORT,
    token: page.COACH_INSIGHTS_TOKEN,
    inboxDir: page.COACH_INBOX_DIR === undefined ? DEFAULT_INBOX_DIR : resolve(page.COACH_INBOX_DIR),
  };
}
