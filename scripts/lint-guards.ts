// Project tripwires the generic linter doesn't know: the security promises of the README.
// Scans extension source (not the demo site, which plays the host page).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOTS = ['entrypoints', 'components', 'utils'];
const GUARDS: Array<[RegExp, string]> = [
  [/\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write\(/, 'HTML injection API (render page text as text)'],
  [/\beval\(|new Function\(|setTimeout\(\s*['"`]/, 'code from strings'],
  [/<all_urls>/, '<all_urls> host access'],
  [/\bfetch\(|XMLHttpRequest|WebSocket\(|EventSource\(|navigator\.sendBeacon/, 'network request from an extension context'],
  [/\blocalStorage\b|\bsessionStorage\b|document\.cookie/, "page-origin storage (our data lives in the extension origin)"],
  [/\.innerText\b/, 'innerText (forces layout; use textContent)'],
  // The MV2 package runs on Chromium 86 (360 browsers): no APIs newer than that.
  [/\.(toSorted|toReversed|toSpliced|findLast|findLastIndex)\(|\.at\(-?\d|structuredClone\(|Object\.hasOwn\(|\.with\(\d/, 'an API newer than Chromium 86 (the MV2 package for 360 browsers)'],
];

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ts|tsx|js|mjs|html|json)$/.test(name)) yield path;
  }
}

const problems: string[] = [];
for (const root of ROOTS) {
  for (const file of files(root)) {
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      if (/^\s*(\/\/|\*)/.test(line)) return; // comments may name what they forbid
      for (const [pattern, why] of GUARDS) if (pattern.test(line)) problems.push(`${file}:${i + 1}: ${why}\n    ${line.trim()}`);
    });
  }
}
const manifestSource = readFileSync('wxt.config.ts', 'utf8');
if (manifestSource.includes('<all_urls>')) problems.push('wxt.config.ts: <all_urls> host access');

if (problems.length) {
  console.error(`lint-guards: ${problems.length} problem(s)\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('lint-guards: ok');
