/**
 * Turn outcomes that saved nothing because the session store could not be used (the coordinator
 * answered "I can't reach my memory right now"). An adapter that would otherwise mark a question
 * as answered (Slack replaces the pressed buttons with "Your choice: ...") checks this first, so
 * the person can press again once the store is back.
 */
const notSaved = new WeakSet<object>();

/** Marks `outcome` as one that saved nothing; returns it. */
export function markNotSaved<T extends object>(outcome: T): T {
  notSaved.add(outcome);
  return outcome;
}

/**
 * True when `outcome` saved nothing (see markNotSaved).
 * @example if (!wasNotSaved(outcome)) await client.chat.update(...)
 */
export function wasNotSaved(outcome: object): boolean {
  return notSaved.has(outcome);
}
