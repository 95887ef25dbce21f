/**
 * The Apps Script bundle built from the current sources into a temporary directory with the real
 * scripts/build.mjs (the shared dist/ stays untouched), loaded into a bare node:vm context over the
 * strict fake, as Apps Script runs it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { installFakeGlobals, type FakeGas, type FakeOptions } from '../fakes/spreadsheet-app';
import { ROOT } from '../helpers/workbooks';

export interface BuiltBundle {
  dir: string;
  code: string;
  /** Every .html page of dist/, by file name. */
  html: Record<string, string>;
}

export function buildBundle(): BuiltBundle {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ita-robust-'));
  const outDir = path.join(dir, 'dist');
  // jest runs CommonJS; the build script is ESM: call its build() in a child process.
  const script = `const { build } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'scripts', 'build.mjs')).href)});
    process.stdout.write(JSON.stringify(await build(${JSON.stringify({ outDir })})));`;
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  const html: Record<string, string> = {};
  for (const name of fs.readdirSync(outDir).filter((n) => n.endsWith('.html'))) {
    html[name] = fs.readFileSync(path.join(outDir, name), 'utf8');
  }
  return { dir, code: fs.readFileSync(path.join(outDir, 'Code.js'), 'utf8'), html };
}

export function removeBundle(bundle: BuiltBundle | undefined): void {
  if (bundle) fs.rmSync(bundle.dir, { recursive: true, force: true });
}

export type BundleGlobals = Record<string, (...args: unknown[]) => unknown>;

/** A fresh context with the fake installed and the bundle loaded. */
export function loadBundle(
  bundle: BuiltBundle,
  options: FakeOptions,
): { gas: FakeGas; globals: BundleGlobals } {
  const context = vm.createContext({});
  // HtmlService finds the pages by name without ".html", as in the Apps Script project.
  const htmlFiles = Object.fromEntries(
    Object.entries(bundle.html).map(([n, h]) => [n.replace(/\.html$/, ''), h]),
  );
  const gas = installFakeGlobals(context, { htmlFiles, ...options });
  vm.runInContext(bundle.code, context, { filename: 'Code.js' });
  return { gas, globals: context as unknown as BundleGlobals };
}
