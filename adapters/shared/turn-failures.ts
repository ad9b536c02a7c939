/**
 * What an adapter says when a turn fails on the coach's side, shared by Slack and Discord: the
 * session store out of reach ("I can't reach my memory right now"), or an answer that was saved
 * but whose reply could not be posted ("it is saved, no need to send it again"). The sentences are
 * in dialogs/reliability.yaml.
 */
import type { Lang } from "../../src/content/schema.ts";
import { reliabilityTexts, type ReliabilityTexts } from "../../src/content/reliability-texts.ts";
import type { Reply } from "../../src/vocabulary/replies.ts";
import type { Logger } from "../../src/log.ts";
import { isStoreUnavailable } from "../../src/store/store-errors.ts";
import { wasNotSaved } from "../../src/turn-not-saved.ts";

/** The answer was saved, but neither its reply nor a second try at it could be posted. */
export class SavedButNotDelivered extends Error {
  constructor(cause: unknown) {
    super(`the answer was saved but its reply could not be posted (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
    this.name = "SavedButNotDelivered";
  }
}

/**
 * The sentence for a failed turn when it is one of the coach's own kinds of failure (store out of
 * reach, saved but not delivered); null for anything else (the adapter's own "something went wrong").
 * @example const text = failureText(err, lang) ?? dialog.text.failed[lang];
 */
export function failureText(err: unknown, lang: Lang, texts: ReliabilityTexts = reliabilityTexts()): string | null {
  if (isStoreUnavailable(err)) return texts.memoryUnavailable[lang];
  if (err instanceof SavedButNotDelivered) return texts.savedNotDelivered[lang];
  return null;
}

/**
 * Posts the replies of a turn that saved the person's answer. If posting fails, the person must
 * not be told to try again (resending the answer would then be refused, or taken for the next
 * question): the replies are posted once more after "Your answer is saved, but my reply didn't
 * reach you"; if that fails too, SavedButNotDelivered is thrown, whose failureText says the answer
 * is saved. A turn that saved nothing (the store was away) is posted as it is.
 */
export async function deliverSaved(
  outcome: { replies: readonly Reply[]; lang: Lang },
  deliver: (replies: readonly Reply[]) => Promise<void>,
  o: { log: Logger; texts?: ReliabilityTexts },
): Promise<void> {
  if (wasNotSaved(outcome)) return deliver(outcome.replies);
  try {
    await deliver(outcome.replies);
  } catch (first) {
    o.log.warn("the reply of a saved answer could not be posted; posting it again with a note", { error: first });
    const note: Reply = { kind: "text", text: (o.texts ?? reliabilityTexts()).savedNotShown[outcome.lang], choices: [] };
    try {
      await deliver([note, ...outcome.replies]);
    } catch (second) {
      throw new SavedButNotDelivered(second);
    }
  }
}
