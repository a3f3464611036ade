#!/usr/bin/env node
// `npm run demo`: set up what's missing (dependencies, the e2e build), then hand over to run.ts.
// Plain Node on purpose: it must work before `npm ci` has installed tsx.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!existsSync('node_modules/.bin/tsx')) {
  console.log('demo: 安装依赖 / installing dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}
console.log('demo: 构建扩展 / building the extension (npm run build:e2e)…');
run('npm', ['run', '--silent', 'build:e2e']);
run('npx', ['tsx', 'scripts/demo/run.ts', ...process.argv.slice(2)]);
