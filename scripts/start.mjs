// npm start: the main job on the sample workbook. Runs every command ("run all") on
// sheets-templates/ita-sample.xlsx, writes out/ita-sample-result.xlsx and out/ita-sample-result.json,
// and prints a short summary. Findings in the data are results, not failures: exit 0 when the run worked.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [path.join(root, 'scripts', 'build-cli.mjs')], { stdio: 'inherit' });
const { main } = createRequire(import.meta.url)(path.join(root, 'build', 'cli.js'));

const input = path.join(root, 'sheets-templates', 'ita-sample.xlsx');
const outDir = path.join(root, 'out');
const outXlsx = path.join(outDir, 'ita-sample-result.xlsx');
const outJson = path.join(outDir, 'ita-sample-result.json');
mkdirSync(outDir, { recursive: true });

console.log('ITA Sheets: ทำทุกคำสั่งกับไฟล์ตัวอย่าง (run all on the sample workbook)');
let json = '';
const code = await main(['run', 'all', input, '--out', outXlsx, '--json'], {
  out: (text) => (json += text),
  err: (text) => console.log(`- ${text}`),
});
if (code === 2) process.exit(2);
writeFileSync(outJson, json + '\n');
console.log(`ผลลัพธ์ (results): ${path.relative(root, outXlsx)}, ${path.relative(root, outJson)}`);
