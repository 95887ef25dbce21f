// Bundles the Node CLI (and the benchmark) into build/. exceljs stays a runtime dependency.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

const entries = { cli: 'src/cli/main.ts', bench: 'bench/bench.ts' };
const entryPoints = Object.fromEntries(
  Object.entries(entries).filter(([, file]) => existsSync(path.join(root, file))),
);

await build({
  absWorkingDir: root,
  entryPoints,
  outdir: 'build',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  charset: 'utf8',
  sourcemap: true,
  external: ['exceljs'],
  logLevel: 'warning',
});
