import { DiscordAPIError, RESTJSONErrorCodes } from "discord.js";

/** True for Discord's "Unknown interaction": the 3 seconds (or the token's 15 minutes) ran out. */
export function isExpiredInteraction(err: unknown): boolean {
  return err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.UnknownInteraction;
}

/** True when another process (a second instance on the same token) answered the interaction first. */
export function isAlreadyAcknowledged(err: unknown): boolean {
  return err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged;
}
