#!/usr/bin/env node
// The ita-sheets command: runs build/cli.js under the V8 flags of node-flags.js, rebuilding it first
// when the sources are newer.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync, spawnSync } = require('node:child_process');
const NODE_FLAGS = require('./node-flags.js');

// Node takes heap flags only at start: without them, start again with them (once: the child has them).
if (!NODE_FLAGS.every((flag) => process.execArgv.includes(flag))) {
  const run = spawnSync(
    process.execPath,
    [...process.execArgv, ...NODE_FLAGS, __filename, ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  if (!run.error) {
    if (run.signal) process.kill(process.pid, run.signal);
    process.exit(run.status ?? 1);
  }
  // Could not start Node again: run here, with V8's defaults.
}

const root = path.join(__dirname, '..');
const built = path.join(root, 'build', 'cli.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const stale = !fs.existsSync(built) || fs.statSync(built).mtimeMs < newestSource(path.join(root, 'src'));
if (stale)
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-cli.mjs')], { stdio: 'inherit' });

require(built)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    console.error(`ita-sheets หยุดทำงานเพราะข้อผิดพลาดที่ไม่คาดคิด: ${error && error.stack ? error.stack : error}`);
    process.exitCode = 2;
  });
