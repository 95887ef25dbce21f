// Builds the Apps Script bundle and the CLI once before the tests that load them.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

module.exports = async function globalSetup() {
  // Parallel workers on one checkout set ITA_SKIP_BUILD=1 and run only suites that don't load dist/.
  if (process.env.ITA_SKIP_BUILD === '1') return;
  const root = path.join(__dirname, '..');
  for (const script of ['scripts/build.mjs', 'scripts/build-cli.mjs']) {
    if (fs.existsSync(path.join(root, script))) {
      execFileSync(process.execPath, [script], { cwd: root, stdio: 'inherit' });
    }
  }
};
