/**
 * Least privilege and safe pages (issue 6, parts 4 and 7), on the bundle built from the current
 * sources: the manifest asks for exactly this spreadsheet and the UI and enables no advanced service,
 * no web app and no API executable; nothing in src/ or the built project can reach the network; and
 * every HTML page the add-in shows puts workbook text in as text, never as markup.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/workbooks';
import { buildBundle, removeBundle, type BuiltBundle } from './bundle';

const SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/script.container.ui',
];

/** Ways a script or a page reaches the network (services, browser APIs, external resources). */
const NETWORK = [
  /UrlFetchApp/,
  /\bfetch\s*\(/,
  /XMLHttpRequest/,
  /WebSocket/,
  /EventSource/,
  /sendBeacon/,
  /importScripts/,
  /https?:\/\//,
  /\/\/[a-z0-9-]+\.[a-z]{2,}\//i,
  /GmailApp|MailApp|DriveApp|CalendarApp|ContactsApp|UrlShortener|Jdbc|PropertiesService|CacheService/,
];

/** Ways a page turns a string into markup or code. */
const MARKUP = [
  /innerHTML/,
  /outerHTML/,
  /insertAdjacentHTML/,
  /document\.write/,
  /\beval\s*\(/,
  /new Function\s*\(/,
  /<\?!=/,
];

function files(dir: string, pattern: RegExp): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && pattern.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

let bundle: BuiltBundle;
beforeAll(() => {
  bundle = buildBundle();
});
afterAll(() => removeBundle(bundle));

describe('the manifest', () => {
  const manifest = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;

  test('asks for exactly these two scopes, in appsscript.json and in the built project', () => {
    expect(manifest(path.join(ROOT, 'appsscript.json')).oauthScopes).toEqual(SCOPES);
    expect(manifest(path.join(bundle.dir, 'dist', 'appsscript.json')).oauthScopes).toEqual(SCOPES);
  });

  test('enables no advanced service, web app, API executable or URL allow-list', () => {
    const m = manifest(path.join(ROOT, 'appsscript.json'));
    expect(Object.keys(m).sort()).toEqual(
      ['dependencies', 'exceptionLogging', 'oauthScopes', 'runtimeVersion', 'timeZone'].sort(),
    );
    expect(m.dependencies).toEqual({});
  });
});

describe('no network', () => {
  test.each(NETWORK.map((p) => [p.source, p]))('nothing in src/ matches %s', (_source, pattern) => {
    const hits = files(path.join(ROOT, 'src'), /\.(ts|html|js)$/)
      .filter((file) => pattern.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(ROOT, file));
    expect(hits).toEqual([]);
  });

  test.each(NETWORK.map((p) => [p.source, p]))(
    'nothing in the built Code.js or pages matches %s',
    (_source, pattern) => {
      expect(pattern.test(bundle.code)).toBe(false);
      for (const [name, html] of Object.entries(bundle.html))
        expect({ name, hit: pattern.test(html) }).toEqual({ name, hit: false });
    },
  );
});

describe('every page escapes workbook text', () => {
  test('the built pages exist (the sidebar among them) and are checked', () => {
    expect(Object.keys(bundle.html)).toContain('panel.html');
  });

  test.each(MARKUP.map((p) => [p.source, p]))('no page or its client code uses %s', (_source, pattern) => {
    for (const [name, html] of Object.entries(bundle.html))
      expect({ name, hit: pattern.test(html) }).toEqual({ name, hit: false });
    const sources = files(path.join(ROOT, 'src', 'gas'), /^panel.*\.(ts|html)$/);
    expect(sources.length).toBeGreaterThan(0);
    for (const file of sources) {
      expect({ file, hit: pattern.test(fs.readFileSync(file, 'utf8')) }).toEqual({ file, hit: false });
    }
  });

  test('pages come only from files (no HTML built from strings on the server)', () => {
    const built = files(path.join(ROOT, 'src'), /\.ts$/).filter((file) =>
      /createHtmlOutput\s*\(|createTemplate\s*\(/.test(fs.readFileSync(file, 'utf8')),
    );
    expect(built).toEqual([]);
  });
});
