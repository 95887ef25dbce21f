// Builds dist/ for clasp (DESIGN §5 "The bundle"):
//   dist/Code.js         esbuild IIFE of src/gas/entry.ts, then one real top-level `function` per export of
//                        the entry, delegating into the bundle (Apps Script only calls top-level functions:
//                        onOpen, menu handlers, google.script.run targets, custom functions);
//   dist/appsscript.json the manifest;
//   dist/*.html          every src/gas/**/*.html, flattened, with `<!-- inline: client.ts -->` replaced by the
//                        bundled script (sidebars cannot load files).
// The export list, parameter names and JSDoc come from the entry source through the TypeScript compiler,
// never from a hand-kept list. Usage: node scripts/build.mjs [--entry FILE] [--out DIR] [--define NAME=VALUE]...
import { build as esbuild } from 'esbuild';
import fs from 'node:fs/promises';
import { Buffer } from 'node:buffer';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import ts from 'typescript';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const GLOBAL_NAME = 'ITA_SHEETS';

class BuildError extends Error {}

const relative = (file) => path.relative(process.cwd(), file) || file;

// ---- exports of the entry ----------------------------------------------------------------------------

/** The function node behind an export: a function declaration, or a const bound to a function. */
function functionOf(declaration) {
  if (!declaration) return null;
  if (ts.isFunctionDeclaration(declaration)) return { fn: declaration, statement: declaration };
  if (ts.isVariableDeclaration(declaration) && declaration.initializer) {
    const init = declaration.initializer;
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) {
      return { fn: init, statement: declaration.parent.parent };
    }
  }
  return null;
}

/** The last JSDoc block (/** … *\/) right before a statement, as written. */
function jsDocOf(statement) {
  const text = statement.getSourceFile().getFullText();
  const ranges = ts.getLeadingCommentRanges(text, statement.getFullStart()) ?? [];
  const docs = ranges.map((r) => text.slice(r.pos, r.end)).filter((c) => c.startsWith('/**'));
  return docs.length ? docs[docs.length - 1] : null;
}

function parametersOf(fn) {
  return fn.parameters.map((p, i) => ({
    name: ts.isIdentifier(p.name) ? p.name.text : `arg${i}`,
    rest: Boolean(p.dotDotDotToken),
  }));
}

/**
 * Every runtime export of the entry (re-exports followed), with its parameters and JSDoc. Type-only
 * exports are skipped; anything else that is not a function fails the build.
 */
export function entryExports(entry, globalName = GLOBAL_NAME) {
  const program = ts.createProgram([entry], {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry));
  if (!moduleSymbol) {
    throw new BuildError(`${relative(entry)} exports nothing: Apps Script would see no function`);
  }
  const found = [];
  const problems = [];
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    const name = symbol.getName();
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    if (!(target.flags & ts.SymbolFlags.Value)) continue; // interfaces and types do not exist at run time
    const fn = functionOf(target.valueDeclaration ?? target.declarations?.[0]);
    if (name === 'default') {
      problems.push('a default export cannot be called by Apps Script: export it by name');
    } else if (name === globalName) problems.push(`export "${name}" clashes with the bundle's global name`);
    else if (!fn) {
      problems.push(`export "${name}" is not a function: Apps Script can only call top-level functions`);
    } else found.push({ name, params: parametersOf(fn.fn), jsDoc: jsDocOf(fn.statement) });
  }
  if (problems.length) throw new BuildError(`${relative(entry)}:\n  ${problems.join('\n  ')}`);
  if (!found.length) {
    throw new BuildError(`${relative(entry)} exports no function: Apps Script would see none`);
  }
  return found;
}

// ---- Code.js ------------------------------------------------------------------------------------------

async function bundle(entry, options) {
  const result = await esbuild({
    entryPoints: [entry],
    bundle: true,
    write: false,
    charset: 'utf8',
    minify: false,
    legalComments: 'none',
    logLevel: 'silent',
    ...options,
  });
  return result.outputFiles[0].text;
}

/** `function onEdit(e) { return ITA_SHEETS.onEdit(e); }`, under the export's own JSDoc. */
function wrapperOf({ name, params, jsDoc }, globalName) {
  const list = params.map((p) => `${p.rest ? '...' : ''}${p.name}`).join(', ');
  const body = `function ${name}(${list}) {\n  return ${globalName}.${name}(${list});\n}\n`;
  return jsDoc ? `${jsDoc}\n${body}` : body;
}

/** Fails unless Code.js is a classic script without import/export whose top level declares every export. */
export function checkScript(code, names, file = 'Code.js') {
  try {
    new vm.Script(code, { filename: file }); // compiles only; "import" outside a module is a SyntaxError
  } catch (error) {
    throw new BuildError(`${file} is not a valid Apps Script file: ${error.message}`);
  }
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  const problems = [];
  const declared = new Set();
  for (const statement of source.statements) {
    const line = source.getLineAndCharacterOfPosition(statement.getStart()).line + 1;
    const isModuleSyntax =
      ts.isImportDeclaration(statement) ||
      ts.isExportDeclaration(statement) ||
      ts.isExportAssignment(statement) ||
      (ts.canHaveModifiers(statement) &&
        (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword));
    if (isModuleSyntax) problems.push(`line ${line}: top-level import/export`);
    if (ts.isFunctionDeclaration(statement) && statement.name) declared.add(statement.name.text);
  }
  for (const name of names) if (!declared.has(name)) problems.push(`no top-level function ${name}`);
  if (problems.length) throw new BuildError(`${file}:\n  ${problems.join('\n  ')}`);
}

async function buildCode(entry, globalName, define) {
  const exported = entryExports(entry, globalName);
  const iife = await bundle(entry, {
    format: 'iife',
    globalName,
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    define,
  });
  const code = [
    `// Generated by scripts/build.mjs from ${path.relative(ROOT, entry).split(path.sep).join('/')}: do not edit.`,
    iife,
    '// Top-level functions Apps Script can call (menus, triggers, google.script.run, custom functions).',
    ...exported.map((e) => wrapperOf(e, globalName)),
  ].join('\n');
  checkScript(
    code,
    exported.map((e) => e.name),
  );
  return { code, names: exported.map((e) => e.name) };
}

// ---- HTML ---------------------------------------------------------------------------------------------

async function htmlFiles(dir) {
  if (!existsSync(dir)) return [];
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

const INLINE = /<!--\s*inline:\s*(\S+?)\s*-->/g;

/** Replaces each `<!-- inline: x.ts -->` (path relative to the HTML file) with the bundled script. */
async function inlineScripts(file, html) {
  const parts = [];
  let last = 0;
  for (const match of html.matchAll(INLINE)) {
    const source = path.resolve(path.dirname(file), match[1]);
    if (!existsSync(source)) throw new BuildError(`${relative(file)}: inline script not found: ${match[1]}`);
    const js = await bundle(source, { format: 'iife', target: 'es2020', platform: 'browser' });
    // "</script" inside the code would end the element early.
    parts.push(
      html.slice(last, match.index),
      `<script>\n${js.replace(/<\/script/gi, '<\\/script')}</script>`,
    );
    last = match.index + match[0].length;
  }
  parts.push(html.slice(last));
  return parts.join('');
}

async function buildHtml(dir) {
  const out = new Map();
  for (const file of await htmlFiles(dir)) {
    const name = path.basename(file);
    if (out.has(name)) {
      throw new BuildError(
        `two HTML files flatten to ${name}: ${relative(out.get(name).file)} and ${relative(file)}`,
      );
    }
    out.set(name, { file, html: await inlineScripts(file, await fs.readFile(file, 'utf8')) });
  }
  return out;
}

// ---- dist ---------------------------------------------------------------------------------------------

/** Removes what an earlier build wrote (scripts, pages, manifest), so deleted files do not linger. */
async function cleanOutDir(outDir) {
  await fs.mkdir(outDir, { recursive: true });
  for (const name of await fs.readdir(outDir)) {
    if (/\.(js|gs|html)$/.test(name) || name === 'appsscript.json') await fs.rm(path.join(outDir, name));
  }
}

async function readManifest(file) {
  const text = await fs.readFile(file, 'utf8').catch(() => {
    throw new BuildError(`manifest not found: ${relative(file)}`);
  });
  try {
    JSON.parse(text);
  } catch (error) {
    throw new BuildError(`${relative(file)} is not valid JSON: ${error.message}`);
  }
  return text;
}

/**
 * Builds the Apps Script project. `entry` defaults to src/gas/entry.ts, `outDir` to dist/, `htmlDir` to the
 * entry's folder, `manifest` to appsscript.json at the repository root; `define` is esbuild's (compile-time
 * constants such as { ITA_ADDON_BUILD: 'true' }).
 */
export async function build({
  entry = path.join(ROOT, 'src/gas/entry.ts'),
  outDir = path.join(ROOT, 'dist'),
  manifest = path.join(ROOT, 'appsscript.json'),
  htmlDir,
  globalName = GLOBAL_NAME,
  define = {},
} = {}) {
  const entryFile = path.resolve(entry);
  if (!existsSync(entryFile)) throw new BuildError(`entry not found: ${relative(entryFile)}`);
  const { code, names } = await buildCode(entryFile, globalName, define);
  const pages = await buildHtml(path.resolve(htmlDir ?? path.dirname(entryFile)));
  const manifestText = await readManifest(path.resolve(manifest));
  const dir = path.resolve(outDir);
  await cleanOutDir(dir);
  await fs.writeFile(path.join(dir, 'Code.js'), code);
  await fs.writeFile(path.join(dir, 'appsscript.json'), manifestText);
  for (const [name, { html }] of pages) await fs.writeFile(path.join(dir, name), html);
  return { outDir: dir, functions: names, html: [...pages.keys()], bytes: Buffer.byteLength(code) };
}

function argValue(args, flag) {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
}

/** Every `--define NAME=VALUE`. */
function defines(args) {
  const out = {};
  args.forEach((arg, i) => {
    if (arg !== '--define') return;
    const [name, ...value] = (args[i + 1] ?? '').split('=');
    if (!name || !value.length) throw new BuildError(`--define needs NAME=VALUE, got "${args[i + 1] ?? ''}"`);
    out[name] = value.join('=');
  });
  return out;
}

async function main(args) {
  try {
    const result = await build({
      entry: argValue(args, '--entry'),
      outDir: argValue(args, '--out'),
      define: defines(args),
    });
    const kb = (result.bytes / 1024).toFixed(1);
    console.log(
      `built ${relative(result.outDir)}/Code.js (${kb} KB): ${result.functions.length} functions: ${result.functions.join(', ')}`,
    );
    if (result.html.length) console.log(`  HTML: ${result.html.join(', ')}`);
  } catch (error) {
    // esbuild's own errors carry a readable message (file:line: ERROR: …); anything else is a bug here.
    const known = error instanceof BuildError || Array.isArray(error?.errors);
    console.error(`build failed: ${known ? error.message : (error?.stack ?? error)}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2));
}
