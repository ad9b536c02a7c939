/**
 * The language of a Slack user, from their Slack locale (`users.info` with `include_locale`), kept
 * for a while so that each message does not cost an API call. When Slack does not say (no
 * `users:read` scope, an error, a locale the coach does not speak), the answer is undefined and the
 * engine follows the language the person writes in.
 */
import type { webApi } from "@slack/bolt";
import type { Lang } from "../../src/content/schema.ts";
import { langFromLocale } from "../shared/lang-from-locale.ts";
import type { Logger } from "../../src/log.ts";


/** Looks up and remembers each user's language. */
export class UserLocales {
  private readonly cache = new Map<string, { lang: Lang | undefined; at: number }>();
  private warned = false;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly log: Logger,
    private readonly ttlMs = 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The user's language per their Slack locale, or undefined when Slack does not tell. */
  async langOf(userId: string): Promise<Lang | undefined> {
    const hit = this.cache.get(userId);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.lang;
    let lang: Lang | undefined;
    try {
      const res = await this.client.users.info({ user: userId, include_locale: true });
      lang = langFromLocale(res.user?.locale);
    } catch (err) {
      if (!this.warned) this.log.warn("users.info failed; following the language users write in", { error: err instanceof Error ? err.message : String(err) });
      this.warned = true;
    }
    this.cache.set(userId, { lang, at: this.now() });
    if (this.cache.size > 10_000) {
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    return lang;
  }
}
