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
];
