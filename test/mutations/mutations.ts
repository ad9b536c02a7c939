/**
 * The mutations `npm run mutations` applies: for each promise of the README's Reliability table,
 * the safeguard removed, as a text edit of the source, and the test that must then go red.
 */
export interface Mutation {
  name: string;
  /** what the edit breaks, in words */
  what: string;
  edits: { file: string; find: string; replace: string }[];
  /** the test files to run (vitest filters) */
  tests: string[];
  /** only the tests whose name matches */
  testName?: string;
  env?: Record<string, string>;
}

export const MUTATIONS: Mutation[] = [
  {
    name: "io-error-as-damaged",
    what: "any read error of a session file is taken for a damaged file (set aside, the user restarted)",
    edits: [{ file: "src/store/lowdb-store.ts", find: "if (!(err instanceof DamagedFileError)) throw err;", replace: "if (!(err instanceof Error)) throw err;" }],
    tests: ["test/reliability/disk-errors.test.ts"],
    testName: "a disk that refuses",
  },
  {
    name: "shared-temp-name",
    what: "every write of a file uses the same temp name (lowdb's steno default)",
    edits: [{ file: "src/store/session-file.ts", find: "`.${basename(this.path)}.${process.pid}-${++writes}-${randomBytes(4).toString(\"hex\")}.tmp`", replace: "`.${basename(this.path)}.tmp${String(++writes).slice(0, 0)}${randomBytes(0).toString(\"hex\")}`" }],
    tests: ["test/reliability/disk-errors.test.ts"],
    testName: "temp file of their own",
  },
  {
    name: "long-key-not-hashed",
    what: "a key too long for a file name is used as it is (ENAMETOOLONG)",
    edits: [{ file: "src/store/lowdb-store.ts", find: "if (escaped.length + \".json\".length <= MAX_NAME_BYTES) return `${escaped}.json`;", replace: "if (escaped.length >= 0) return `${escaped}.json`;" }],
    tests: ["test/reliability/disk-errors.test.ts"],
    testName: "very long user name",
  },
  {
    name: "damaged-told-as-stale",
    what: "a damaged session is announced as 'the questions changed'",
    edits: [{ file: "src/coordinator.ts", find: ": reset === \"damaged\" ? this.reliability.damaged[lang]", replace: ": reset === \"damaged\" ? t.sessionReset[lang]" }],
    tests: ["test/reliability/disk-errors.test.ts"],
    testName: "not a session",
  },
  {
    name: "redis-gives-up",
    what: "the Redis client gives up reconnecting after 20 tries (about 21 s), as it did before",
    edits: [{ file: "src/store/redis-store.ts", find: "return Math.min(100 * 2 ** Math.min(retries, 10), maxDelay) + Math.floor(Math.random() * 100);", replace: "return retries > 20 ? new Error(\"Redis unreachable\") : Math.min((retries + 1) * 100, maxDelay);" }],
    tests: ["test/reliability/redis-outage.test.ts"],
  },
  {
    name: "slack-repeat-check-fails-closed",
    what: "Slack's repeat check lets its store error through (Redis away: the event is dropped, the user sees nothing)",
    edits: [{ file: "adapters/slack/slack-platform.ts", find: "seen: failOpen(store, log)", replace: "seen: store" }],
    tests: ["test/reliability/redis-outage.test.ts"],
  },
  {
    name: "redis-logs-every-try",
    what: "every failed reconnection try is logged",
    edits: [{ file: "src/store/redis-store.ts", find: "if (connected && downSince === null) {", replace: "if (connected) {" }],
    tests: ["test/reliability/redis-outage.test.ts"],
  },
  {
    name: "slack-replays-handled",
    what: "signed slash commands and clicks are not de-duplicated (only events are)",
    edits: [{ file: "adapters/slack/delivery-id.ts", find: "if (\"trigger_id\" in body && typeof body.trigger_id === \"string\" && body.trigger_id !== \"\")", replace: "if (Number.isNaN(0))" }],
    tests: ["test/adapters/slack/slack-reliability.test.ts"],
    testName: "replayed signed request",
  },
  {
    name: "slack-replay-not-acked",
    what: "a replayed command is dropped without an acknowledgement (left to time out)",
    edits: [{ file: "adapters/slack/slack-adapter.ts", find: "else await acknowledgeReplay(rest);", replace: "else void rest;" }],
    tests: ["test/adapters/slack/slack-reliability.test.ts"],
    testName: "replayed signed request",
  },
  {
    name: "slack-saved-says-try-again",
    what: "when the reply of a saved answer cannot be posted, the person is told to try again",
    edits: [{ file: "adapters/slack/slack-adapter.ts", find: "await deliverSaved(outcome, (replies) => this.poster.deliver(replies, place, { kind: \"turn\", owner }, outcome.lang), { log: this.o.log });", replace: "await this.poster.deliver(outcome.replies, place, { kind: \"turn\", owner }, outcome.lang);" }],
    tests: ["test/adapters/slack/slack-reliability.test.ts"],
    testName: "cannot be posted",
  },
  {
    name: "slack-unsaved-click-marked",
    what: "a click the coach could not save still replaces the buttons with 'Your choice: ...'",
    edits: [{ file: "adapters/slack/slack-adapter.ts", find: "if (!message?.ts || wasNotSaved(outcome)) return;", replace: "if (!message?.ts || (wasNotSaved(outcome) && false)) return;" }],
    tests: ["test/adapters/slack/slack-reliability.test.ts"],
    testName: "out of reach",
  },
  {
    name: "slack-outage-generic-text",
    what: "a question to the coach while its memory is away gets the generic 'something went wrong'",
    edits: [{ file: "adapters/slack/slack-adapter.ts", find: "await this.poster.say(escapeSlack(failureText(err, said) ?? this.dialog.text.failed[said]), place)", replace: "await this.poster.say(escapeSlack(this.dialog.text.failed[said]), place)" }],
    tests: ["test/adapters/slack/slack-reliability.test.ts"],
    testName: "out of reach",
  },
  {
    name: "discord-outage-generic-text",
    what: "on Discord, a command while the coach's memory is away gets the generic 'something went wrong'",
    edits: [{ file: "adapters/discord/discord-adapter.ts", find: "const content = failureText(err, discordLang(i.locale)) ?? notice(", replace: "const content = notice(" }],
    tests: ["test/adapters/discord/discord-reliability.test.ts"],
  },
  {
    name: "unconfirmed-write-forgotten",
    what: "a write whose reply was lost is forgotten: the answer sent again is applied to the next question",
    edits: [{ file: "src/coordinator.ts", find: "if (isStoreUnavailable(err) && err.maybeApplied) this.rememberUnconfirmed(", replace: "if (isStoreUnavailable(err) && err.maybeApplied && Number.isNaN(0)) this.rememberUnconfirmed(" }],
    tests: ["test/reliability/unconfirmed-write.test.ts"],
  },
  {
    name: "no-turn-line",
    what: "turns of one session wait in no line across instances (only the in-process queue and the revision check)",
    edits: [{ file: "src/coordinator.ts", find: "const turnInLine = this.store.enterTurn?.(key);", replace: "const turnInLine = undefined as Promise<() => Promise<void>> | undefined;" }],
    tests: ["test/reliability/order-across-instances.test.ts"],
    testName: "order they arrived",
  },
  {
    name: "turn-lease-never-expires",
    what: "a turn held by a crashed instance is never skipped (its lease is not checked)",
    edits: [{ file: "src/store/redis-turn-line.ts", find: "if redis.call('GET', KEYS[2]) ~= head then", replace: "if false then" }],
    tests: ["test/reliability/order-across-instances.test.ts"],
    testName: "crashed",
  },
  {
    name: "no-startup-sweep",
    what: "the expiry sweep does not run after start-up (only daily)",
    edits: [{ file: "src/store/expiry-schedule.ts", find: "const first = setTimeout(run, o.firstAfterMs ?? 2000);", replace: "const first = setTimeout(() => undefined, o.firstAfterMs ?? 2000);" }],
    tests: ["test/reliability/expiry-sweep.test.ts", "test/adapters/main/npm-start.test.ts"],
    testName: "sweep",
  },
  {
    name: "no-daily-sweep",
    what: "the expiry sweep runs at start-up only, never again",
    edits: [{ file: "src/store/expiry-schedule.ts", find: "const daily = setInterval(run, o.everyMs ?? DAY_MS);", replace: "const daily = setInterval(() => undefined, o.everyMs ?? DAY_MS);" }],
    tests: ["test/reliability/expiry-sweep.test.ts"],
  },
  {
    name: "sweeps-not-scheduled",
    what: "npm start does not schedule the expiry sweeps at all",
    edits: [{ file: "adapters/start-platforms.ts", find: "const sweeps = scheduleExpirySweeps(() => coordinator.sweepExpired(), { log });", replace: "const sweeps = { stop: () => undefined, idle: async () => undefined }; void scheduleExpirySweeps;" }],
    tests: ["test/adapters/main/npm-start.test.ts"],
    testName: "sweeps expired",
  },
  {
    name: "sweep-before-start",
    what: "npm start sweeps every stored session before the platforms start (the first message waits for it)",
    edits: [{ file: "adapters/start-platforms.ts", find: "const sweeps = scheduleExpirySweeps(() => coordinator.sweepExpired(), { log });", replace: "await coordinator.sweepExpired();\n  const sweeps = scheduleExpirySweeps(() => coordinator.sweepExpired(), { log, firstAfterMs: 24 * 60 * 60 * 1000 });" }],
    tests: ["test/adapters/main/npm-start.test.ts"],
    testName: "sweeps expired",
  },
  {
    name: "aside-copies-never-expire",
    what: "copies set aside are never removed by expiry",
    edits: [{ file: "src/coordinator.ts", find: "const copies = await this.store.pruneAside(before);", replace: "const copies = 0;" }],
    tests: ["test/reliability/expiry-sweep.test.ts"],
  },
  {
    name: "stray-file-crashes-sweep",
    what: "a stray file name in the sessions folder (notes-50%off.json) is decoded without a guard",
    edits: [{ file: "src/store/lowdb-store.ts", find: "  try {\n    key = decodeURIComponent(fileName.slice(0, -\".json\".length));\n  } catch {\n    return null;\n  }", replace: "  key = decodeURIComponent(fileName.slice(0, -\".json\".length));" }],
    tests: ["test/reliability/expiry-sweep.test.ts", "test/adapters/main/npm-start.test.ts"],
    testName: "sweep",
  },
  {
    name: "no-folder-lock",
    what: "a second process may open the same lowdb data folder",
    edits: [{ file: "src/store/open-store.ts", find: "  await store.lockFolder();\n", replace: "" }],
    tests: ["test/adapters/main/npm-start.test.ts"],
    testName: "second coach",
  },
  {
    name: "log-keeps-url-credentials",
    what: "log lines keep the user and password of a URL nobody listed as a secret",
    edits: [{ file: "src/log.ts", find: "  return scrubUrls(blanked);", replace: "  return blanked;" }],
    tests: ["test/reliability/privacy-and-expiry.test.ts"],
    testName: "secrets",
  },
  {
    name: "redis-error-names-url",
    what: "the Redis store's start-up error repeats REDIS_URL (with its password)",
    edits: [{ file: "src/store/redis-store.ts", find: "throw new StoreStartError(`Cannot reach Redis at ${where} (${why});", replace: "throw new StoreStartError(`Cannot reach Redis at ${where} ${options.url} (${why});" }],
    tests: ["test/reliability/secrets-in-output.test.ts"],
  },
  {
    name: "redis-url-not-checked",
    what: "REDIS_URL is not checked as a URL (a port out of range reaches the Redis client)",
    edits: [{ file: "src/config.ts", find: "    if (url.hostname === \"\") ctx.addIssue(", replace: "    return; if (url.hostname === \"\") ctx.addIssue(" }, { file: "src/config.ts", find: "    let url: URL;\n    try {\n      url = new URL(value);\n    } catch {\n      ctx.addIssue(", replace: "    let url: URL;\n    try {\n      url = new URL(value);\n    } catch {\n      return; ctx.addIssue(" }],
    tests: ["test/reliability/secrets-in-output.test.ts"],
  },
  {
    name: "no-lowdb-revision-check",
    what: "lowdb writes do not check the revision they read (a concurrent writer overwrites)",
    edits: [{ file: "src/store/lowdb-store.ts", find: "    if ((current === null ? null : String(current)) !== revision) return false;\n    const next = (current ?? 0) + 1;", replace: "    const next = (current ?? 0) + 1;" }],
    tests: ["test/reliability/no-lost-update.test.ts"],
    testName: "two coordinators",
  },
  {
    name: "plain-write-no-rename",
    what: "a session file is rewritten in place (no temp file, no rename)",
    edits: [
      { file: "src/store/session-file.ts", find: "const file = await this.io.open(temp, \"wx\");", replace: "const file = await this.io.open(this.path, \"w\");" },
      { file: "src/store/session-file.ts", find: "      await this.io.rename(temp, this.path);\n", replace: "" },
    ],
    tests: ["test/reliability/crash-safe.test.ts"],
    testName: "half-way",
  },
  {
    name: "forget-keeps-aside-copies",
    what: "forget me deletes the session but not the copies of it set aside",
    edits: [{ file: "src/store/lowdb-store.ts", find: "      await rm(this.asideDirOf(key), { recursive: true, force: true });\n", replace: "" }],
    tests: ["test/reliability/privacy-and-expiry.test.ts"],
    testName: "forget me",
  },
  {
    name: "slack-text-not-escaped",
    what: "text the coach echoes on Slack is not escaped (<!channel> typed by a user would ping everyone)",
    edits: [{ file: "adapters/slack/slack-text.ts", find: "  return text.replace(/&/g, \"&amp;\").replace(/</g, \"&lt;\").replace(/>/g, \"&gt;\");", replace: "  return text;" }],
    tests: ["test/reliability/hostile-input.test.ts"],
    env: { FUZZ_RUNS: "10000" },
  },
  {
    name: "session-keys-collide",
    what: "colons inside a part of a session key are not escaped (two users can share a session)",
    edits: [{ file: "src/store/session-store.ts", find: "const part = (s: string) => s.replace(/%/g, \"%25\").replace(/:/g, \"%3A\");", replace: "const part = (s: string) => s;" }],
    tests: ["test/store/store-conformance.test.ts"],
    testName: "keeps keys apart",
  },
  {
    name: "no-flood-limit",
    what: "one user's messages wait in an unbounded queue (no 'slow down')",
    edits: [{ file: "src/coordinator.ts", find: "if (queued >= this.maxQueued) return Promise.resolve(this.throttled(input));", replace: "if (queued < 0) return Promise.resolve(this.throttled(input));" }],
    tests: ["test/reliability/privacy-and-expiry.test.ts"],
    testName: "floods",
  },
  {
    name: "redis-write-unconditional",
    what: "the Redis write does not check the revision it read (two instances overwrite each other)",
    edits: [{ file: "src/store/redis-store.ts", find: "if (cur == false and ARGV[1] ~= '') or (cur ~= false and cur ~= ARGV[1]) then return 0 end", replace: "" }],
    // the line of turns keeps two instances from writing at once in the two-instance test: the
    // revision check is proved on the store itself, as the line's fallback
    tests: ["test/store/store-conformance.test.ts"],
    testName: "writes only at the revision",
  },
  {
    name: "slack-retries-answered",
    what: "a Slack event delivered again (a retry) is handled again",
    edits: [{ file: "adapters/slack/slack-adapter.ts", find: "if (first && !((context.retryNum ?? 0) > 0 && context.retryReason === \"http_timeout\")) return true;", replace: "if (!Number.isNaN(0)) return true;" }],
    tests: ["test/adapters/slack/slack-platform-rules.test.ts", "test/reliability/two-slack-apps-redis.test.ts"],
  },  {
    name: "slack-reminder-at-night",
    what: "the Slack reminder is sent whatever the hour where the person is (the 9:00-19:00 window from users.info dropped)",
    edits: [{ file: "adapters/slack/slack-reminders.ts", find: "return hour >= o.between[0] && hour < o.between[1];", replace: "return hour >= 0;" }],
    tests: ["test/adapters/slack/slack-reminders.test.ts"],
    testName: "22:00 in Bangkok",
  },
  {
    name: "reminder-not-claimed-once",
    what: "the remind turn does not check that the review is still unclaimed (a second instance looking at the same moment writes again)",
    edits: [{ file: "src/engine/review-flow.ts", find: "if (!isDue(f, t.now) || f.remindedAt !== null || t.mode.is !== \"done\") {", replace: "if (!isDue(f, t.now)) {" }],
    tests: ["test/adapters/slack/slack-reminders.test.ts"],
    testName: "second instance",
  },
  {
    name: "reminder-failure-not-kept",
    what: "a reminder Slack will not deliver is not marked undelivered (the review is not offered at the next /plan)",
    edits: [{ file: "src/followup/reminders.ts", find: "await this.o.coordinator.handle(key, { kind: \"undelivered\" });", replace: "void key;" }],
    tests: ["test/adapters/slack/slack-reminders.test.ts"],
    testName: "will not let the coach write",
  },
  {
    name: "reminder-pass-stops-at-one",
    what: "a session whose reminder cannot be looked at (users.info fails) stops the pass: the reminders after it are never sent",
    edits: [{ file: "src/followup/reminders.ts", find: "await this.remindOne(key, delivery, out);\n      } catch (err) {", replace: "await this.remindOne(key, delivery, out);\n      } catch (err) {\n        throw err;" }],
    tests: ["test/adapters/slack/slack-reminders.test.ts"],
    testName: "time zone cannot be read",
  },
  {
    name: "discord-dm-review-not-offered",
    what: "after the Discord DM, the review is not kept for /plan (the DM says /plan starts it, and /plan does not offer it)",
    edits: [{ file: "adapters/discord/discord-reminders.ts", find: "await o.coordinator.handle(key, { kind: \"undelivered\" });", replace: "void o.coordinator;" }],
    tests: ["test/adapters/discord/discord-reminders.test.ts"],
    testName: "one DM saying",
  },
  {
    name: "discord-closed-dm-lost",
    what: "a Discord DM refused with 50007 is not marked undelivered, by the adapter nor by the reminders: the review is not offered at the next /plan",
    edits: [
      { file: "adapters/discord/discord-reminders.ts", find: "await o.coordinator.handle(key, { kind: \"undelivered\" });", replace: "void o.coordinator;" },
      { file: "src/followup/reminders.ts", find: "await this.o.coordinator.handle(key, { kind: \"undelivered\" });", replace: "void key;" },
    ],
    tests: ["test/adapters/discord/discord-reminders.test.ts"],
    testName: "DMs are closed",
  },
  {
    name: "review-offer-dropped-on-open",
    what: "the review's offer left unanswered is dropped when the owner runs /plan (the reminder's buttons then answer 'an earlier question')",
    edits: [{ file: "src/engine/step.ts", find: "if (offerPending && base.is === \"done\") return offerReview(t);", replace: "void offerPending;" }],
    tests: ["test/adapters/slack/slack-reminders.test.ts"],
    testName: "instead of pressing a button",
  },
];
