import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_ROOT, resolveRequest, startDemoServer } from '../../scripts/demo/server';

interface ExpectedFrame {
  url: string;
  count: number;
  categories: string[];
  tasks?: { nativeId: string; title: string; categories: string[] }[];
}
interface ExpectedPage {
  url: string;
  product: string;
  list: string;
  frames: ExpectedFrame[];
}
interface Expected {
  version: number;
  pages: ExpectedPage[];
}

const CATEGORY_IDS = new Set([
  'meeting', 'supervision', 'petition', 'project', 'finance', 'personnel', 'emergency', 'research',
  'training', 'enforcement', 'service', 'publicity', 'economy', 'livelihood', 'party', 'admin',
]);

/** Raw GET that sends the target exactly as written (fetch would normalise "/../"). */
function rawGet(origin: string, target: string): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: target, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const withoutHash = (url: string): string => url.split('#')[0] ?? url;

let server: Awaited<ReturnType<typeof startDemoServer>>;
let expected: Expected;

beforeAll(async () => {
  server = await startDemoServer({ port: 0 });
  expected = JSON.parse(await readFile(path.join(SITE_ROOT, 'expected.json'), 'utf8')) as Expected;
});
afterAll(async () => {
  await server.close();
});

describe('demo server', () => {
  it('binds 127.0.0.1 on a random port', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.origin).not.toMatch(/:0$/);
  });

  it('serves the landing page', async () => {
    const res = await rawGet(server.origin, '/index.html');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('演示');
  });

  it('serves every page and frame in expected.json as text/html', async () => {
    const urls = new Set<string>();
    for (const page of expected.pages) {
      urls.add(withoutHash(page.url));
      for (const frame of page.frames) if (frame.url.startsWith('/')) urls.add(withoutHash(frame.url));
    }
    expect(urls.size).toBeGreaterThan(10);
    for (const url of urls) {
      const res = await rawGet(server.origin, url);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      expect(res.type, url).toBe('text/html; charset=utf-8');
      expect(res.body, url).toMatch(/<!DOCTYPE html>/i);
    }
  });

  it('serves the shared data module as JavaScript', async () => {
    const res = await rawGet(server.origin, '/shared/data.js');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/javascript; charset=utf-8');
  });

  it('picks Seeyon main.do pages by their method parameter', async () => {
    const main = await rawGet(server.origin, '/seeyon/main.do?method=main');
    const portal = await rawGet(server.origin, '/seeyon/main.do?method=portal');
    expect(main.body).toContain('id="main"');
    expect(portal.body).toContain('multiRowVariableColumn');
  });

  it.each([
    '/../package.json',
    '/..%2fpackage.json',
    '/%2e%2e/package.json',
    '/%2E%2E%2Fpackage.json',
    '/e9/../../package.json',
    '/e9/%2e%2e/%2e%2e/package.json',
    '/..%5cpackage.json',
    '/%252e%252e/package.json',
    '/shared/data.js%00.html',
  ])('refuses traversal %s', async (target) => {
    const res = await rawGet(server.origin, target);
    expect([400, 404]).toContain(res.status);
    expect(res.body).not.toContain('"devDependencies"');
  });

  it('answers 404 for unknown paths and directories without an index', async () => {
    expect((await rawGet(server.origin, '/no/such/page.html')).status).toBe(404);
    expect((await rawGet(server.origin, '/nothing.jsp')).status).toBe(404);
    expect((await rawGet(server.origin, '/shared/')).status).toBe(404);
    expect((await rawGet(server.origin, '/shared')).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const { hostname, port } = new URL(server.origin);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ hostname, port, path: '/index.html', method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(405);
  });
});

describe('route mapping', () => {
  it.each([
    ['/e8/wui/main.jsp', 'e8/wui/main.html'],
    ['/seeyon/main.do?method=main', 'seeyon/main.html'],
    ['/seeyon/main.do?method=portal', 'seeyon/portal.html'],
    ['/general/index.php', 'general/index.html'],
    ['/general/workflow/list/', 'general/workflow/list/index.html'],
    ['/defaultroot/wfdealwith!dealwithList.action?openType=waitingDeal', 'defaultroot/wfdealwith!dealwithList.html'],
    ['/big/list.html?rows=1000', 'big/list.html'],
  ])('%s → %s', (target, file) => {
    expect(resolveRequest(target)).toEqual({ status: 200, file: path.join(SITE_ROOT, file) });
  });
});

describe('expected.json', () => {
  it('is what shared/data.js builds', async () => {
    const data = (await import(pathToFileURL(path.join(SITE_ROOT, 'shared/data.js')).href)) as { buildExpected(): unknown };
    expect(expected).toEqual(data.buildExpected());
  });

  it('uses taxonomy ids, counts that match the task lists, and unique native ids per frame', () => {
    for (const page of expected.pages) {
      expect(page.frames[0]?.url, page.url).toBe(page.url);
      for (const frame of page.frames) {
        for (const c of frame.categories) expect(CATEGORY_IDS.has(c), `${frame.url}: ${c}`).toBe(true);
        if (!frame.tasks) continue;
        expect(frame.tasks).toHaveLength(frame.count);
        expect(new Set(frame.tasks.map((t) => t.nativeId)).size).toBe(frame.count);
        for (const t of frame.tasks) {
          expect(t.categories.length).toBeGreaterThan(0);
          for (const c of t.categories) expect(CATEGORY_IDS.has(c), `${t.title}: ${c}`).toBe(true);
        }
      }
    }
  });

  it('covers every business category and includes a negative page', () => {
    const seen = new Set(expected.pages.flatMap((p) => p.frames.flatMap((f) => f.categories)));
    expect([...CATEGORY_IDS].filter((c) => !seen.has(c))).toEqual([]);
    expect(expected.pages.some((p) => p.frames.every((f) => f.count === 0))).toBe(true);
  });
});
