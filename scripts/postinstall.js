#!/usr/bin/env node
// After `npm install`, build once and prepare a migrated embedded database, so `npm start` serves
// within seconds on a fresh clone.
// Skipped where the sources are not there yet (a Docker layer that installs before copying them).
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
if (!existsSync(join(root, 'apps', 'api', 'src', 'main.ts')) || process.env.CIVIC_SKIP_BUILD === 'true') {
  process.exit(0);
}
const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  process.exit(build.status ?? 1);
}
const template = spawnSync(process.execPath, [join(__dirname, 'prepare-embedded-template.js')], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(template.status ?? 1);
