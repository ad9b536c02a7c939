/**
 * The Slack adapter's settings, from the environment (and .env). Socket Mode by default
 * (`SLACK_BOT_TOKEN` + `SLACK_APP_TOKEN`, no public URL needed); HTTP mode when `SLACK_SIGNING_SECRET`
 * and `SLACK_PORT` are given instead. Errors name the variable, never its value.
 */
import { z } from "zod";
import { readSettings, SettingsError } from "../../src/config.ts";

/** Every variable the Slack adapter reads. */
export const SLACK_VARIABLES = ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_PORT", "SLACK_PLAN_IN", "SLACK_API_URL"] as const;

const present = (v: string | undefined) => v !== undefined && v.trim() !== "";
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);

const SlackEnv = z.object({
    SLACK_BOT_TOKEN: z.preprocess(
      blankToUndefined,
      z.string().regex(/^xoxb-[A-Za-z0-9-]+$/, "must be the bot token (Bot User OAuth Token, starts with xoxb-) from the app's OAuth & Permissions page"),
    ),
    SLACK_APP_TOKEN: z.preprocess(
      blankToUndefined,
      z.string().regex(/^xapp-[A-Za-z0-9-]+$/, "must be an app-level token (starts with xapp-) with the connections:write scope").optional(),
    ),
    SLACK_SIGNING_SECRET: z.preprocess(
      blankToUndefined,
      z.string().regex(/^[A-Za-z0-9]{16,}$/, "must be the Signing Secret from the app's Basic Information page (letters and digits)").optional(),
    ),
    SLACK_PORT: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^\d{1,5}$/, "must be a port number between 0 and 65535")
        .transform(Number)
        .refine((n) => n <= 65535, "must be a port number between 0 and 65535")
        .optional(),
    ),
    SLACK_PLAN_IN: z.preprocess(blankToUndefined, z.enum(["dm", "thread"], { error: 'must be "dm" or "thread"' }).default("dm")),
    /** Slack's Web API elsewhere: GovSlack (https://slack-gov.com/api/), a proxy, or a local fake in tests */
    SLACK_API_URL: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, "must be an http(s) address of Slack's Web API, like https://slack.com/api/")
        .refine((url) => !/^https?:\/\/[^/]*@/.test(url), "must not hold a user name or password (Slack's client refuses them): use a proxy that needs none, like https://slack.com/api/")
        .transform((url) => (url.endsWith("/") ? url : `${url}/`))
        .optional(),
    ),
  });

/** The variables the chosen mode still needs: Socket Mode by default, HTTP when its variables are set. */
function missingForMode(env: Record<string, string | undefined>): string[] {
  if (present(env["SLACK_APP_TOKEN"])) return [];
  if (!present(env["SLACK_SIGNING_SECRET"]) && !present(env["SLACK_PORT"])) {
    return ["SLACK_APP_TOKEN: is missing: set it for Socket Mode (the default), or set SLACK_SIGNING_SECRET and SLACK_PORT for HTTP mode"];
  }
  return (["SLACK_SIGNING_SECRET", "SLACK_PORT"] as const)
    .filter((name) => !present(env[name]))
    .map((name) => `${name}: is missing: HTTP mode needs both SLACK_SIGNING_SECRET and SLACK_PORT (or set SLACK_APP_TOKEN for Socket Mode)`);
}

/** Where a plan asked for in a channel is built: in a direct message, or in the thread. */
export type PlanPlace = "dm" | "thread";

/** How the adapter connects to Slack, and where plans are built. */
export type SlackSettings = (
  | { mode: "socket"; botToken: string; appToken: string; planIn: PlanPlace }
  | { mode: "http"; botToken: string; signingSecret: string; port: number; planIn: PlanPlace }
) & {
  /** the Web API's address when it is not Slack's own (SLACK_API_URL) */
  apiUrl?: string;
};

/**
 * The Slack settings in `env`: null when no SLACK_ variable is set (Slack is not used).
 * @throws SettingsError naming each missing or malformed variable
 * @example readSlackSettings({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }) // { mode: "socket", ... }
 */
export function readSlackSettings(env: Record<string, string | undefined>): SlackSettings | null {
  if (!SLACK_VARIABLES.some((name) => present(env[name]))) return null;
  const modeProblems = missingForMode(env);
  let s: z.infer<typeof SlackEnv>;
  try {
    s = readSettings(SlackEnv, env);
  } catch (err) {
    if (err instanceof SettingsError) throw new SettingsError([...err.problems, ...modeProblems]);
    throw err;
  }
  if (modeProblems.length > 0) throw new SettingsError(modeProblems);
  const apiUrl = s.SLACK_API_URL === undefined ? {} : { apiUrl: s.SLACK_API_URL };
  if (s.SLACK_APP_TOKEN !== undefined) {
    return { mode: "socket", botToken: s.SLACK_BOT_TOKEN, appToken: s.SLACK_APP_TOKEN, planIn: s.SLACK_PLAN_IN, ...apiUrl };
  }
  // missingForMode guarantees both are present here
  return { mode: "http", botToken: s.SLACK_BOT_TOKEN, signingSecret: s.SLACK_SIGNING_SECRET ?? "", port: s.SLACK_PORT ?? 0, planIn: s.SLACK_PLAN_IN, ...apiUrl };
}

/** The values that must never reach a log. */
export function slackSecrets(settings: SlackSettings): string[] {
  return settings.mode === "socket" ? [settings.botToken, settings.appToken] : [settings.botToken, settings.signingSecret];
}
