// Writes test/fixtures/bahttext-libreoffice.json: amounts spelt by LibreOffice Calc's own BAHTTEXT, the
// reference that src/core/thai/bahttext.ts must match word for word (DESIGN §3 "Money").
//
// How: a flat ODF spreadsheet (.fods) gets one row per amount — the amount as text (the key), the amount
// as a number, and =BAHTTEXT(B) (stored as COM.MICROSOFT.BAHTTEXT, its ODF name) — and
//   libreoffice -env:UserInstallation=<temp profile> --headless --convert-to csv:…:44,34,76,1 bahttext.fods
// computes every formula on the way to CSV. Nothing here spells a number itself.
// LibreOffice and Google Sheets write "หนึ่ง" for a final 1 after a zero tens digit (101 หนึ่งร้อยหนึ่ง);
// Excel (and the dictionary) write "เอ็ด" there. The fixture records what the spreadsheet writes.
//
// Regenerate (LibreOffice must be installed; Debian: apt-get install libreoffice-calc):
//   node scripts/bahttext-reference.mjs            # writes the fixture
//   node scripts/bahttext-reference.mjs --check    # only compares LibreOffice's output with the fixture
// The amounts are fixed: hand-picked edge cases plus pseudo-random ones from a seeded generator, so a
// rerun with the same LibreOffice gives the same file.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'bahttext-libreoffice.json');
const SOFFICE = process.env.LIBREOFFICE ?? 'libreoffice';

// ---- amounts ---------------------------------------------------------------------------------------------

/** Edge cases of the spelling: เอ็ด/ยี่สิบ/สิบ, zeros inside blocks, the ล้าน blocks, satang, rounding, signs. */
function chosenAmounts() {
  const out = [];
  for (let n = 0; n <= 31; n++) out.push(n);
  out.push(40, 41, 50, 51, 61, 71, 81, 91, 99, 100, 101, 102, 110, 111, 112, 120, 121, 200, 201, 211, 221);
  out.push(999, 1000, 1001, 1010, 1011, 1021, 1100, 1101, 1111, 2001, 7200, 9999, 10000, 10001, 10010, 10011);
  out.push(11000, 11001, 20000, 21000, 77200, 99999, 100000, 100001, 101000, 110011, 999999);
  out.push(1000000, 1000001, 1000010, 1000011, 1000021, 1000100, 1001000, 1010000, 1100000, 1111111);
  out.push(2000000, 10000000, 10000001, 11000000, 11000011, 21000000, 21000021, 51000001, 100000000);
  out.push(101000101, 999999999, 1000000000, 5001000000, 10000000000, 100000000000, 1000000000000);
  out.push(1000000000001, 1000001000001, 1001001001001, 11111111111111, 100000000000000, 999999999999999);
  out.push(1000000000000000);
  // Satang: alone, with baht, เอ็ด in satang, one decimal written.
  out.push(0.01, 0.02, 0.1, 0.11, 0.2, 0.21, 0.25, 0.5, 0.99, 1.01, 1.1, 1.5);
  out.push(11.11, 21.21, 101.01, 1000000.01);
  out.push(77200.5, 1234.56, 2500.75, 999999.99, 1000000.5);
  // Rounding to satang: x.xx5 (half away from zero), just below half, thousandths, tiny values.
  out.push(0.005, 0.004, 0.015, 0.025, 0.045, 0.125, 0.995, 1.005, 1.015, 2.675, 10.005, 99.995, 999999.995);
  out.push(1.0049, 1.0051, 0.0049, 12345.675, 0.001, 1e-9);
  // Half a satang on large amounts, where the double is just below or above the half.
  out.push(74257493019.025, 300552129745.095, 37538719177.895, 39422154426.005, 99999999999.995);
  // Negatives.
  out.push(-1, -0.5, -0.01, -0.005, -0.004, -21, -101, -1000001, -77200, -1234.56, -1.005);
  return out;
}

/** mulberry32: a tiny seeded generator, so the "random" amounts never change between runs. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random amounts: whole baht of every magnitude, baht with satang, thousandths (rounding) and negatives. */
function randomAmounts() {
  const random = generator(2566);
  const digits = (max) => Math.floor(random() * 10 ** (1 + Math.floor(random() * max)));
  const out = [];
  for (let i = 0; i < 120; i++) out.push(digits(15)); // up to 15 digits of whole baht
  for (let i = 0; i < 80; i++) out.push(digits(11) + Math.floor(random() * 100) / 100); // up to 11 + 2 decimals
  for (let i = 0; i < 40; i++) out.push(Number((digits(7) + Math.floor(random() * 1000) / 1000).toFixed(3)));
  for (let i = 0; i < 20; i++)
    out.push(Number((digits(6) + Math.floor(random() * 200) / 200 + 0.005).toFixed(3)));
  for (let i = 0; i < 30; i++) out.push(-Number((digits(9) + Math.floor(random() * 100) / 100).toFixed(2)));
  for (let i = 0; i < 30; i++) {
    const large = Math.floor(1e9 + random() * 1e12); // half satang where doubles are coarse
    out.push(Number((large + Math.floor(random() * 100) / 100 + 0.005).toFixed(3)));
  }
  return out;
}

function amounts() {
  const seen = new Set();
  const out = [];
  for (const n of [...chosenAmounts(), ...randomAmounts()]) {
    const key = String(n);
    if (!Number.isFinite(n) || seen.has(key)) continue;
    seen.add(key);
    out.push(n);
  }
  return out;
}

// ---- LibreOffice -----------------------------------------------------------------------------------------

const xml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function fods(values) {
  const rows = values.map((n, i) => {
    const key = String(n);
    return (
      `<table:table-row><table:table-cell office:value-type="string"><text:p>${xml(key)}</text:p></table:table-cell>` +
      `<table:table-cell office:value-type="float" office:value="${xml(key)}"/>` +
      `<table:table-cell table:formula="of:=COM.MICROSOFT.BAHTTEXT([.B${i + 1}])"/></table:table-row>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
  office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet><table:table table:name="bahttext">
${rows.join('\n')}
</table:table></office:spreadsheet></office:body></office:document>
`;
}

/** Minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') field += text[++i];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += ch;
  }
  if (field || row.length) endRow();
  return rows;
}

function libreOfficeVersion() {
  return execFileSync(SOFFICE, ['--version'], { encoding: 'utf8' }).trim();
}

/** Spells every amount with LibreOffice; a private profile keeps it apart from any running instance. */
function spellWithLibreOffice(values) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bahttext-'));
  try {
    const input = path.join(dir, 'bahttext.fods');
    fs.writeFileSync(input, fods(values));
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1', // comma, double quote, UTF-8, from line 1
        '--outdir',
        dir,
        input,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120000 },
    );
    const csv = path.join(dir, 'bahttext.csv');
    if (!fs.existsSync(csv)) throw new Error('LibreOffice wrote no CSV');
    const rows = parseCsv(fs.readFileSync(csv, 'utf8'));
    if (rows.length !== values.length) throw new Error(`expected ${values.length} rows, got ${rows.length}`);
    return rows.map(([key, , text], i) => {
      if (key !== String(values[i])) throw new Error(`row ${i + 1}: key ${key} is not ${values[i]}`);
      if (!/^[\u0E00-\u0E7F]+$/.test(text)) throw new Error(`row ${i + 1}: ${key} gave "${text}"`);
      return { amount: values[i], text };
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Laid out by the repository's Prettier, so `prettier --check .` accepts the file as written. */
async function fixtureText(fixture) {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(FIXTURE)) ?? {};
  return prettier.format(JSON.stringify(fixture), { ...options, filepath: FIXTURE });
}

async function main(args) {
  const cases = spellWithLibreOffice(amounts());
  const fixture = {
    source: 'LibreOffice Calc =BAHTTEXT(amount), computed by scripts/bahttext-reference.mjs',
    libreoffice: libreOfficeVersion(),
    count: cases.length,
    cases,
  };
  const text = await fixtureText(fixture);
  if (args.includes('--check')) {
    const same = fs.existsSync(FIXTURE) && fs.readFileSync(FIXTURE, 'utf8') === text;
    console.log(
      same ? `fixture matches LibreOffice (${cases.length} amounts)` : 'fixture differs from LibreOffice',
    );
    process.exitCode = same ? 0 : 1;
    return;
  }
  fs.mkdirSync(path.dirname(FIXTURE), { recursive: true });
  fs.writeFileSync(FIXTURE, text);
  console.log(
    `wrote ${path.relative(ROOT, FIXTURE)}: ${cases.length} amounts spelt by ${fixture.libreoffice}`,
  );
}

await main(process.argv.slice(2));
