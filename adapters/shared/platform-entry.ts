import type { PlatformModule } from "../platform.ts";

/**
 * A platform module as an entry of the composition root's list, which holds modules of different
 * settings types. The cast is safe because adapters/main.ts only ever hands a module the settings
 * that the same module's `settings()` returned.
 *
 * @example const PLATFORMS: PlatformModule<never>[] = [platformEntry(discord)];
 */
export function platformEntry<S>(module: PlatformModule<S>): PlatformModule<never> {
  return module as PlatformModule<never>;
}
