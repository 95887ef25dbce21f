/**
 * Money in Thai words, spelt exactly as the spreadsheet built-in BAHTTEXT spells it, so a printed total
 * reads the same from the Google Sheets host and the offline host. The reference is LibreOffice Calc's
 * BAHTTEXT (test/fixtures/bahttext-libreoffice.json, made by scripts/bahttext-reference.mjs); Google
 * Sheets spells the same way as far as published data shows (jojoee/bahttext's cases, exported from a
 * Sheet: 201 สองร้อยหนึ่ง, 51,000,001 ห้าสิบเอ็ดล้านหนึ่ง). Its rules, which differ from the dictionary and Excel:
 *   - a final 1 is "เอ็ด" only after a non-zero tens digit: 11 สิบเอ็ด, 21 ยี่สิบเอ็ด, 111 หนึ่งร้อยสิบเอ็ด,
 *     but 101 หนึ่งร้อยหนึ่ง and 1,000,001 หนึ่งล้านหนึ่ง;
 *   - six-digit blocks joined by ล้าน, repeated for millions of millions (1e12 หนึ่งล้านล้าน);
 *   - rounded to satang half away from zero (1.005 → หนึ่งบาทหนึ่งสตางค์); no satang → "ถ้วน";
 *     satang alone → "ห้าสิบสตางค์" (no ศูนย์บาท); negatives start with "ลบ", even when the
 *     amount rounds to zero ("ลบศูนย์บาทถ้วน" for -0.004, as LibreOffice writes it).
 */
import { formatBaht } from './numbers';

const DIGIT_WORDS = ['', 'หนึ่ง', 'สอง', 'สาม', 'สี่', 'ห้า', 'หก', 'เจ็ด', 'แปด', 'เก้า'];
const PLACE_WORDS = ['', 'สิบ', 'ร้อย', 'พัน', 'หมื่น', 'แสน'];
const MILLION = 1000000n;

/** 1…999,999 in words. */
function spellBlock(n: number): string {
  const digits = String(n).padStart(6, '0').split('').map(Number).reverse(); // digits[p] is 10^p
  let text = '';
  for (let p = 5; p >= 2; p--) if (digits[p]) text += DIGIT_WORDS[digits[p]] + PLACE_WORDS[p];
  const [ones, tens] = digits;
  if (tens) text += (tens === 1 ? '' : tens === 2 ? 'ยี่' : DIGIT_WORDS[tens]) + 'สิบ';
  if (ones) text += ones === 1 && tens ? 'เอ็ด' : DIGIT_WORDS[ones];
  return text;
}

/** Whole baht in words: blocks of six digits, each followed by ล้าน when a lower block follows. */
function spellWhole(baht: bigint): string {
  let text = '';
  for (let rest = baht, lowest = true; rest > 0n; rest /= MILLION, lowest = false) {
    const block = Number(rest % MILLION);
    text = (block ? spellBlock(block) : '') + (lowest ? '' : 'ล้าน') + text;
  }
  return text;
}

/**
 * |amount| as whole baht and satang, rounded as LibreOffice's BAHTTEXT rounds: satang =
 * floor(approx(|amount| × 100 + 0.5)) in doubles, then split off the baht. approx() takes the sum to 15
 * significant digits first, so 1.005 (stored as 1.00499999…) gives 101 satang; past 2^41 it leaves the
 * double alone (74257493019.025 → 2 satang, as LibreOffice). Whole amounts skip the doubles: ×100 is
 * inexact past 2^53 / 100, and the exact digits are what a document needs.
 */
function split(abs: number): { baht: bigint; satang: number } {
  if (Number.isInteger(abs)) return { baht: BigInt(abs), satang: 0 };
  const total = Math.floor(approxValue(abs * 100 + 0.5));
  const baht = Math.floor(approxValue(total / 100));
  return { baht: BigInt(baht), satang: Math.trunc(total - baht * 100 + 0.5) };
}

const APPROX_LIMIT = 2 ** 41; // beyond it a double keeps at most 11 fraction bits: nothing to clean up

/** LibreOffice's rtl::math::approxValue for v ≥ 0: v to 15 significant digits, unless whole, large or short. */
function approxValue(v: number): number {
  if (v === 0 || !Number.isFinite(v) || v > APPROX_LIMIT || Number.isInteger(v) || fractionBits(v) <= 11) {
    return v;
  }
  const scale = Number(`1e${14 - Math.floor(Math.log10(v))}`); // parsed, so the power of ten is exact
  const rounded = Math.round(v * scale) / scale;
  return Number.isFinite(rounded) ? rounded : v;
}

/** Binary digits after the point (0.5 → 1, 0.1 → 55): doubling is exact, so count until whole. */
function fractionBits(v: number): number {
  let bits = 0;
  for (let x = v; !Number.isInteger(x); x *= 2) bits++;
  return bits;
}

/** 77200 → "เจ็ดหมื่นเจ็ดพันสองร้อยบาทถ้วน", 0.5 → "ห้าสิบสตางค์", -1 → "ลบหนึ่งบาทถ้วน". */
export function bahtText(amount: number): string {
  if (!Number.isFinite(amount)) throw new RangeError(`bahtText needs a finite number, got ${amount}`);
  const { baht, satang } = split(Math.abs(amount));
  let text = baht > 0n ? `${spellWhole(baht)}บาท` : satang === 0 ? 'ศูนย์บาท' : '';
  text += satang === 0 ? 'ถ้วน' : `${spellBlock(satang)}สตางค์`;
  return amount < 0 ? `ลบ${text}` : text;
}

/** The amount rounded to satang as BAHTTEXT rounds it (never -0). */
export function roundToSatang(amount: number): number {
  if (!Number.isFinite(amount)) return amount;
  const { baht, satang } = split(Math.abs(amount));
  const rounded = Number(`${baht}.${String(satang).padStart(2, '0')}`); // parsed: the nearest double
  return rounded === 0 ? 0 : Math.sign(amount) * rounded;
}

/**
 * The figure and the words, as official documents print a total: "77,200 บาท (เจ็ดหมื่นเจ็ดพันสองร้อยบาทถ้วน)".
 * Both come from the same rounded amount, so the figure never disagrees with the words.
 */
export function bahtWithWords(amount: number, options: { digits?: 'thai' | 'arabic' } = {}): string {
  const rounded = roundToSatang(amount);
  return `${formatBaht(rounded, { digits: options.digits })} บาท (${bahtText(rounded)})`;
}
