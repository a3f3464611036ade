// Loads the saved-page fixtures under tests/fixtures/oa/<adapter-id>/ with their expectations.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TaskFields } from '../../../utils/model';

export const FIXTURE_ROOT = resolve(__dirname, '../../fixtures/oa');

export interface ExpectedRow {
  title: string;
  nativeId: string | null;
  fields: TaskFields;
  url?: string;
}

export interface Fixture {
  dir: string;
  name: string;
  html: string;
  expected: { url: string; adapter: string | null; lists: number; count: number; rows: ExpectedRow[] };
}

export function loadFixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const dir of readdirSync(FIXTURE_ROOT).toSorted()) {
    for (const file of readdirSync(join(FIXTURE_ROOT, dir)).toSorted()) {
      if (!file.endsWith('.html')) continue;
      const name = file.slice(0, -5);
      out.push({
        dir,
        name,
        html: readFileSync(join(FIXTURE_ROOT, dir, file), 'utf8'),
        expected: JSON.parse(readFileSync(join(FIXTURE_ROOT, dir, `${name}.expected.json`), 'utf8')),
      });
    }
  }
  return out;
}

/** A saved page as the content script would see it at `url` (relative links resolve against it). */
export function parsePage(html: string, url: string): Document {
  // happy-dom would try (and loudly fail) to load frames and stylesheets: the pages are offline on
  // purpose, so those references are renamed. No adapter signature depends on them.
  const offline = html
    .replace(/<iframe\b([^>]*?)\ssrc=/gi, '<iframe$1 data-fixture-src=')
    .replace(/<iframe\b/gi, '<iframe srcdoc=" "')
    .replace(/rel="stylesheet"/gi, 'rel="x-stylesheet"');
  const doc = new DOMParser().parseFromString(offline, 'text/html');
  const base = doc.createElement('base');
  base.setAttribute('href', url);
  doc.head.prepend(base);
  return doc;
}
