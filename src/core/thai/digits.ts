/** Thai digits and the odd spaces that come with text pasted from Word or the web. */

const THAI_ZERO = 0x0e50;

/** ๐–๙ → 0–9; everything else unchanged. */
export function toArabicDigits(text: string): string {
  return text.replace(/[๐-๙]/g, (ch) => String(ch.charCodeAt(0) - THAI_ZERO));
}

/** 0–9 → ๐–๙; everything else unchanged. */
export function toThaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (ch) => String.fromCharCode(THAI_ZERO + Number(ch)));
}

/** True for ๐–๙ and 0–9. */
export function isDigitChar(ch: string): boolean {
  return /^[0-9๐-๙]$/.test(ch);
}

/**
 * NBSP, zero-width space, tabs and newlines become one space; the text is trimmed. Joiners and the BOM
 * are dropped instead: they sit inside words, not between them.
 */
export function normalizeSpaces(text: string): string {
  return text
    .replace(/\u200C|\u200D|\u2060|\uFEFF|\u00AD/g, '')
    .replace(/[\s\u200B\u180E]+/g, ' ')
    .trim();
}
