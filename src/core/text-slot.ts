/**
 * Direct-mapped caches of texts: a text's slot comes from its length and three of its characters, with
 * no scan of the text. A text repeated down a sheet is usually the very same string, so checking a
 * slot is one comparison; a text that lost its slot to another is simply worked out again. Used where
 * a Map's lookups would cost as much as the work they save (100,000-row sheets in bench/).
 */

/** The slot of a text among `slots` (a power of two). */
export function textSlot(text: string, slots: number): number {
  const n = text.length;
  if (n === 0) return 0;
  return (
    (n * 31 + text.charCodeAt(0) * 7 + text.charCodeAt(n >> 1) * 3 + text.charCodeAt(n - 1)) & (slots - 1)
  );
}
