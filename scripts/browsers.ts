// Where the system browsers and the e2e builds are, shared by the demo, the benchmarks and tests.
import { resolve } from 'node:path';

export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const CHROME_E2E_DIR = resolve('.output/chrome-mv3-e2e');
export const FIREFOX_E2E_DIR = resolve('.output/firefox-mv3-e2e');

/** Flags that keep Chromium off the (closed) network: no background, sync or update traffic. */
export const QUIET_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];
