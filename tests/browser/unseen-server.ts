// Serves the unseen OA renditions (tests/fixtures/unseen) by the route table in their
// expected.json: request path + query first, then the path alone. node:http only.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const UNSEEN_ROOT = path.resolve('tests/fixtures/unseen');

export interface UnseenFrame { url: string; count: number; titles: string[] }
export interface UnseenStep { click?: string; hash?: string; frames: UnseenFrame[] }
export interface UnseenPage { name: string; product: string; url: string; frames: UnseenFrame[]; steps?: UnseenStep[] }
export interface UnseenSite { routes: Record<string, string>; pages: UnseenPage[] }

export const UNSEEN: UnseenSite = JSON.parse(readFileSync(path.join(UNSEEN_ROOT, 'expected.json'), 'utf8'));

export function resolveUnseen(target: string): string | null {
  const url = new URL(target, 'http://unseen.invalid');
  const file = UNSEEN.routes[url.pathname + url.search] ?? UNSEEN.routes[url.pathname];
  if (!file) return null;
  const full = path.resolve(UNSEEN_ROOT, file);
  return full.startsWith(UNSEEN_ROOT + path.sep) ? full : null;
}

export async function startUnseenServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const file = resolveUnseen(req.url ?? '/');
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not Found');
      return;
    }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('unseen server: no TCP address');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
