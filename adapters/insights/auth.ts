/**
 * Who may use the insights page: whoever holds the token printed when `npm run insights` started.
 * The token comes once in the URL (`?token=…`); the page then keeps it in a cookie (HttpOnly,
 * SameSite=Strict) and sends the browser to the same URL without it, so that it stays out of the
 * history. A form posted must also carry the page's CSRF value (a keyed hash of the token), which
 * another site cannot read.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

export const COOKIE = "coach_insights";

/** A new random token: 32 bytes, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Equal strings, compared in a time that does not depend on where they differ. */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = createHmac("sha256", "compare").update(given).digest();
  const b = createHmac("sha256", "compare").update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/** The value every form of the page posts (and the `x-csrf` header may carry). */
export function csrfOf(token: string): string {
  return createHmac("sha256", token).update("insights-csrf").digest("base64url");
}

/** The token the request's cookie carries. */
export function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === COOKIE) return decodeURIComponent(value.join("="));
  }
  return undefined;
}

/** The cookie that keeps the token after the first load. */
export function tokenCookie(token: string): string {
  return `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
}
