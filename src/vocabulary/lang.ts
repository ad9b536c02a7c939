import { z } from "zod";

/** The languages the coach speaks. */
export const LANGS = ["fr", "en"] as const;
export const Lang = z.enum(LANGS);
export type Lang = z.infer<typeof Lang>;
