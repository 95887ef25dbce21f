/**
 * Colours between the port ('#rrggbb') and exceljs (ARGB, theme or indexed). Files saved by Excel often
 * colour cells with theme or palette colours; the port can only carry '#rrggbb', so those are resolved
 * against Excel's default theme and palette (close to what the user sees, and valid to write back).
 */
import type { Color } from 'exceljs';

/** Excel's default (Office 2013+) theme, in SpreadsheetML theme index order (lt1, dk1, lt2, dk2, ...). */
const THEME = [
  'FFFFFF',
  '000000',
  'E7E6E6',
  '44546A',
  '4472C4',
  'ED7D31',
  'A5A5A5',
  'FFC000',
  '5B9BD5',
  '70AD47',
  '0563C1',
  '954F72',
];

/** The legacy indexed palette (indexes 0-63). */
const INDEXED = (
  '000000FFFFFFFF000000FF000000FFFFFF00FF00FF00FFFF000000FFFFFFFF000000FF000000FFFFFF00FF00FF00FFFF' +
  '800000008000000080808000800080008080C0C0C0808080' +
  '9999FF993366FFFFCCCCFFFF660066FF8080' +
  '0066CCCCCCFF000080FF00FFFFFF0000FFFF800080800000008080' +
  '0000FF00CCFFCCFFFFCCFFCCFFFF99' +
  '99CCFFFF99CCCC99FFFFCC993366FF33CCCC99CC00FFCC00FF9900FF6600666699969696003366339966003300333300993300993366333399333333'
).match(/.{6}/g) as string[];

/** 'FF336699' → '#336699'; null for anything else. */
export function argbToHex(argb: string | undefined): string | null {
  if (!argb || !/^[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/.test(argb)) return null;
  return `#${argb.slice(-6).toLowerCase()}`;
}

/** '#336699' or '#369' → 'FF336699'. */
export function hexToArgb(hex: string): string {
  let digits = hex.trim().replace(/^#/, '');
  if (digits.length === 3) digits = digits.replace(/./g, (d) => d + d);
  if (!/^[0-9a-fA-F]{6}$/.test(digits)) throw new RangeError(`not a #rrggbb colour: ${hex}`);
  return `FF${digits.toUpperCase()}`;
}

/** The colour an exceljs colour object shows, as '#rrggbb' (null when it names none). */
export function colorToHex(
  color: (Partial<Color> & { indexed?: number; tint?: number }) | undefined,
): string | null {
  if (!color) return null;
  if (color.argb) return argbToHex(color.argb);
  let base: string | undefined;
  if (color.theme !== undefined) base = THEME[color.theme];
  else if (color.indexed !== undefined) base = INDEXED[color.indexed];
  if (!base) return null;
  return `#${applyTint(base, color.tint ?? 0).toLowerCase()}`;
}

/** Excel's tint: lightens (tint > 0) or darkens (tint < 0) the HSL luminance. */
function applyTint(rgb: string, tint: number): string {
  if (!tint) return rgb;
  const [h, s, l] = rgbToHsl(rgb);
  const lum = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  return hslToRgb(h, s, lum);
}

function rgbToHsl(rgb: string): [number, number, number] {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  let h: number;
  if (max === r) h = (g - b) / d + (g < b ? 6 : 0);
  else if (max === g) h = (b - r) / d + 2;
  else h = (r - g) / d + 4;
  return [h / 6, s, l];
}

function hslToRgb(h: number, s: number, l: number): string {
  const hue = (p: number, q: number, t: number): number => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (u < 1 / 6) return p + (q - p) * 6 * u;
    if (u < 1 / 2) return q;
    if (u < 2 / 3) return p + (q - p) * (2 / 3 - u) * 6;
    return p;
  };
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channels = s === 0 ? [l, l, l] : [hue(p, q, h + 1 / 3), hue(p, q, h), hue(p, q, h - 1 / 3)];
  return channels
    .map((v) =>
      Math.round(Math.min(1, Math.max(0, v)) * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('');
}
