// V8 flags the ita-sheets command runs under (bin/ita-sheets.js starts Node again with them when they
// are missing; `npm run bench` measures `run all` under them too).
//
// A fixed 64 MB young generation: `run all` on a large workbook makes millions of short-lived objects
// (exceljs's cell models and XML fragments, the commands' readings) next to a heap of gigabytes. V8's
// default semi-spaces (growing to 16 MB) collect them over a thousand times, copying whatever is still
// live each time. Measured at 100,000 plan rows (bench/): about 46 s instead of 49 s, and a lower peak
// (3.1 GB instead of 3.5 GB). exceljs alone (the benchmark's floor) is not faster with them.
'use strict';
module.exports = ['--min-semi-space-size=64', '--max-semi-space-size=64'];
