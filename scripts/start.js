#!/usr/bin/env node
// `npm start`: build if needed, then run api + worker in one process. With no DATABASE_URL the
// embedded PostgreSQL starts under ./data, and sandbox channels feed a live inbox.
const { spawnSync, spawn } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const main = join(root, 'dist', 'apps', 'api', 'src', 'main.js');
if (!existsSync(main) || process.env.CIVIC_REBUILD === 'true') {
  console.log('Building civic-inbox (first start)…');
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    process.exit(build.status ?? 1);
  }
}
const child = spawn(process.execPath, [main], {
  cwd: root,
  stdio: 'inherit',
  env: { RUN_WORKER_IN_API: 'true', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code) => process.exit(code ?? 0));
