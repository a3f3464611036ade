// @vitest-environment happy-dom
// Regression guard for the unseen OA renditions (tests/fixtures/unseen, written from the field
// guide only): every frame document that is static HTML (no script renders it) yields exactly
// the rows the browser test expects. The scripted pages are covered by the Chromium test.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLists, extractRows } from '../../../utils/adapters';
import { parsePage } from './fixtures';

const ROOT = resolve(__dirname, '../../fixtures/unseen');
interface Frame { url: string; count: number; titles: string[] }
const site: { routes: Record<string, string>; pages: Array<{ name: string; url: string; frames: Frame[] }> } = JSON.parse(
  readFileSync(join(ROOT, 'expected.json'), 'utf8'),
);
const ORIGIN = 'http://127.0.0.1:8080';

function fileOf(target: string): string | undefined {
  const u = new URL(target, ORIGIN);
  return site.routes[u.pathname + u.search] ?? site.routes[u.pathname];
}

const cases = site.pages.flatMap((page) =>
  page.frames.map((frame) => {
    const url = frame.url === 'top' ? page.url : frame.url;
    const file = fileOf(url)!;
    return { name: `${page.name} — ${file}`, url: ORIGIN + url, html: readFileSync(join(ROOT, file), 'utf8'), frame };
  }),
).filter((c) => !/<script\b(?![^>]*>\s*(var Com_Parameter|\$ = undefined))/i.test(c.html));

describe.each(cases)('$name', ({ url, html, frame }) => {
  it('yields exactly the expected task titles', () => {
    const doc = parsePage(html, url);
    const rows = detectLists(doc, new URL(url)).flatMap((m) => extractRows(m));
    const titles = rows.map((r) => r.report.title);
    expect(titles).toHaveLength(frame.count);
    for (const t of frame.titles) expect(titles.filter((x) => x.startsWith(t.slice(0, 14)) || x.includes(t.slice(0, 14)))).toHaveLength(1);
    expect(new Set(rows.map((r) => r.row)).size).toBe(rows.length);
  });
});

it('covers a fair share of the unseen frames statically', () => {
  expect(cases.length).toBeGreaterThanOrEqual(12);
});
