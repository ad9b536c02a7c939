/**
 * Cuts a text to a platform's length limit (a button label, a notification text), on a word
 * boundary when one is near, ending with "…". The result is never longer than `max`.
 *
 * @example truncate("Faire connaître l'entreprise (notoriété)", 20) // "Faire connaître…"
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const space = room.lastIndexOf(" ");
  return (space > max / 2 ? room.slice(0, space) : room).trimEnd() + "…";
}
