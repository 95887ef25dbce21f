/**
 * scripts/build.mjs on a fixture entry: dist has no module syntax, every export is a real top-level
 * function (custom functions keep their JSDoc), HTML gets its client script inlined, and the bundle
 * loads in a bare node:vm context without touching a service, then delegates correctly.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import ts from 'typescript';
import { installFakeGlobals } from '../fakes/spreadsheet-app';

const ROOT = path.join(__dirname, '..', '..');
const BUILD_SCRIPT = path.join(ROOT, 'scripts', 'build.mjs');
const FIXTURES = path.join(__dirname, 'fixtures');

/** Calls the module's build() in a child process (jest here runs CommonJS; the script is ESM). */
function buildModule(options: Record<string, string>): { functions: string[]; html: string[] } {
  const script = `const { build } = await import(${JSON.stringify(pathToFileURL(BUILD_SCRIPT).href)});
    process.stdout.write(JSON.stringify(await build(${JSON.stringify(options)})));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out) as { functions: string[]; html: string[] };
}

function runCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BUILD_SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function topLevel(code: string): { functions: string[]; moduleSyntax: number } {
  const source = ts.createSourceFile('Code.js', code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  const functions: string[] = [];
  let moduleSyntax = 0;
  for (const st of source.statements) {
    if (ts.isFunctionDeclaration(st) && st.name) functions.push(st.name.text);
    const exported = ts.canHaveModifiers(st) && (ts.getModifiers(st) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (ts.isImportDeclaration(st) || ts.isExportDeclaration(st) || ts.isExportAssignment(st) || exported) moduleSyntax++;
  }
  return { functions, moduleSyntax };
}

const EXPORTS = ['onOpen', 'runValidate', 'THAIDIGITS', 'JOIN', 'showHelp'];

describe('build of a fixture entry', () => {
  let outDir: string;
  let code: string;
  let result: { functions: string[]; html: string[] };

  beforeAll(() => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ita-build-'));
    result = buildModule({ entry: path.join(FIXTURES, 'entry.ts'), outDir });
    code = fs.readFileSync(path.join(outDir, 'Code.js'), 'utf8');
  });

  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  test('writes Code.js, the manifest and the HTML files', () => {
    expect(fs.readdirSync(outDir).sort()).toEqual(['Code.js', 'appsscript.json', 'sidebar.html']);
    expect(fs.readFileSync(path.join(outDir, 'appsscript.json'), 'utf8')).toBe(fs.readFileSync(path.join(ROOT, 'appsscript.json'), 'utf8'));
    expect(result.html).toEqual(['sidebar.html']);
  });

  test('no top-level import/export; every runtime export is a top-level function, types are not', () => {
    const { functions, moduleSyntax } = topLevel(code);
    expect(moduleSyntax).toBe(0);
    expect(() => new vm.Script(code)).not.toThrow();
    expect(functions.sort()).toEqual([...EXPORTS].sort());
    expect(result.functions.sort()).toEqual([...EXPORTS].sort());
    expect(code).not.toMatch(/FixtureOnly/);
  });

  test('wrappers keep parameter names and the JSDoc of each export, @customfunction included', () => {
    const doc = code.indexOf('/**\n * Writes a number with Thai digits.');
    const wrapper = code.indexOf('function THAIDIGITS(value) {\n  return ITA_SHEETS.THAIDIGITS(value);\n}');
    expect(doc).toBeGreaterThan(code.lastIndexOf('})();'));
    expect(code.slice(doc, wrapper)).toMatch(/@customfunction\n \*\/\n$/);
    expect(code).toContain('/** Joins values with a separator. */\nfunction JOIN(separator, ...values) {');
    expect(code).toContain('/** Opens the help sidebar (a re-exported handler: the build must follow the alias). */\nfunction showHelp() {');
    expect(code).toContain('function onOpen(_e) {\n  return ITA_SHEETS.onOpen(_e);\n}');
  });

  test('HTML gets the client script inlined, with "</script" escaped inside it', () => {
    const html = fs.readFileSync(path.join(outDir, 'sidebar.html'), 'utf8');
    expect(html).not.toContain('<!-- inline:');
    expect(html).toContain('<script>');
    expect(html).toContain('สวัสดี ${name} <\\/script>');
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).not.toMatch(/\bimport\b|\bexport\b/);
  });

  test('loads in a bare node:vm context without a service call, then each wrapper delegates', () => {
    const context = vm.createContext({});
    const gas = installFakeGlobals(context, {
      htmlFiles: { sidebar: fs.readFileSync(path.join(outDir, 'sidebar.html'), 'utf8') },
    });
    vm.runInContext(code, context, { filename: 'Code.js' });
    expect(gas.counter.total).toBe(0);

    const global = context as Record<string, (...args: unknown[]) => unknown>;
    global.onOpen({ authMode: 'FULL' });
    expect(gas.ui.menus).toEqual([
      {
        caption: 'ITA Sheets',
        items: [
          { kind: 'item', caption: 'ตรวจสอบข้อมูล', functionName: 'runValidate' },
          { kind: 'item', caption: 'ช่วยเหลือ', functionName: 'showHelp' },
        ],
      },
    ]);
    // Every menu item names a top-level function, as Apps Script requires.
    for (const name of gas.ui.menuFunctions()) expect(typeof global[name]).toBe('function');
    global.runValidate();
    expect(gas.state.toasts).toEqual([{ message: 'ตรวจแล้ว', title: 'ITA Sheets', timeoutSeconds: 5 }]);
    global.showHelp();
    expect(gas.ui.sidebars[0]).toMatchObject({ title: 'ช่วยเหลือ' });
    expect(gas.ui.sidebars[0].content).toContain('สวัสดี');
    expect(global.THAIDIGITS(2566)).toBe('๒๕๖๖');
    expect(global.JOIN('-', 1, 2, 3)).toBe('1-2-3');
  });
});

describe('build failures', () => {
  test('an export that is not a function fails the build with a clear message', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ita-build-bad-'));
    const { status, stderr } = runCli(['--entry', path.join(FIXTURES, 'bad', 'entry.ts'), '--out', out]);
    expect(status).toBe(1);
    expect(stderr).toContain('export "VERSION" is not a function');
    expect(fs.readdirSync(out)).toEqual([]);
    fs.rmSync(out, { recursive: true, force: true });
  });

  test('a missing entry fails the build', () => {
    const { status, stderr } = runCli(['--entry', path.join(FIXTURES, 'nope.ts'), '--out', os.tmpdir()]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/build failed: entry not found: .*nope\.ts/);
  });
});
