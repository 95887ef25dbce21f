/**
 * Builds the sidebar with the real scripts/build.mjs into a temporary directory: a temporary entry
 * re-exporting src/gas/panel.ts (as src/gas/entry.ts does) and every src/gas/**\/*.html, so panel.html
 * gets its client inlined exactly as in dist/. Building apart keeps these tests off the shared dist/ and
 * always on the current sources.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers/workbooks';

export const PANEL_EXPORTS = ['panelLoad', 'panelSelect', 'showPanel'];

export interface PanelBuild {
  dir: string;
  /** dist/Code.js of the temporary entry. */
  code: string;
  /** dist/panel.html, client inlined. */
  html: string;
  functions: string[];
  htmlFiles: string[];
}

export function buildPanel(): PanelBuild {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ita-panel-'));
  const panel = JSON.stringify(path.join(ROOT, 'src', 'gas', 'panel').split(path.sep).join('/'));
  fs.writeFileSync(path.join(dir, 'entry.ts'), `export { ${PANEL_EXPORTS.join(', ')} } from ${panel};\n`);
  const options = {
    entry: path.join(dir, 'entry.ts'),
    outDir: path.join(dir, 'dist'),
    htmlDir: path.join(ROOT, 'src', 'gas'),
  };
  // jest runs CommonJS; the build script is ESM: call its build() in a child process.
  const script = `const { build } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'scripts', 'build.mjs')).href)});
    process.stdout.write(JSON.stringify(await build(${JSON.stringify(options)})));`;
  const result = JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' }),
  ) as { functions: string[]; html: string[] };
  return {
    dir,
    code: fs.readFileSync(path.join(options.outDir, 'Code.js'), 'utf8'),
    html: fs.readFileSync(path.join(options.outDir, 'panel.html'), 'utf8'),
    functions: result.functions,
    htmlFiles: result.html,
  };
}

export function removeBuild(build: PanelBuild | undefined): void {
  if (build) fs.rmSync(build.dir, { recursive: true, force: true });
}
