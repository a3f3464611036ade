// Serves the unseen OA renditions (tests/fixtures/unseen) by the route table in their
// expected.json: request path + query first, then the path alone. node:http only.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const UNSEEN_ROOT = path.resolve('tests/fixtures/unseen');
/** Pages built on the real grid libraries (tests/fixtures/grids), served under /grids/. */
export const GRIDS_ROOT = path.resolve('tests/fixtures/grids');
const MODULES_ROOT = path.resolve('node_modules');
/** The only packages whose files the server hands out (their browser builds, for the grid pages). */
export const GRID_PACKAGES = new Set([
  'layui', 'element-ui', 'vue', 'vue2', 'element-plus', 'ant-design-vue', 'dayjs', 'vxe-table', '@vxe-ui/core', 'xe-utils',
  'jquery-easyui', 'free-jqgrid', 'jquery', 'bootstrap-table', 'datatables.net', 'datatables.net-dt', 'view-design',
  'tabulator-tables', 'ag-grid-community',
]);
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.gif': 'image/gif',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.eot': 'application/vnd.ms-fontobject',
};

/** A file under `root` for a URL path below it, or null (no `..`, no absolute escapes). */
function inside(root: string, rel: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rel);
  } catch {
    return null;
  }
  const full = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  return full.startsWith(root + path.sep) ? full : null;
}

/** `/node_modules/<pkg>/…` of an allowed package, or `/grids/…`; null for anything else. */
export function resolveStatic(target: string): string | null {
  const { pathname } = new URL(target, 'http://unseen.invalid');
  if (pathname.startsWith('/grids/')) return inside(GRIDS_ROOT, pathname.slice('/grids/'.length));
  const m = /^\/node_modules\/((?:@[\w.-]+\/)?[\w.-]+)\/(.+)$/.exec(pathname);
  if (!m || !GRID_PACKAGES.has(m[1]!)) return null;
  const pkgRoot = path.join(MODULES_ROOT, m[1]!);
  const file = inside(pkgRoot, m[2]!);
  return file && file.startsWith(pkgRoot + path.sep) ? file : null;
}

export interface UnseenFrame { url: string; count: number; titles: string[] }
export interface UnseenStep { click?: string; hash?: string; frames: UnseenFrame[] }
export interface UnseenPage { name: string; product: string; url: string; frames: UnseenFrame[]; steps?: UnseenStep[] }
export interface UnseenSite { routes: Record<string, string>; pages: UnseenPage[] }

export const UNSEEN: UnseenSite = JSON.parse(readFileSync(path.join(UNSEEN_ROOT, 'expected.json'), 'utf8'));

export interface GridStep { click?: string; scroll?: string; to?: number; count: number | 'rows'; same?: boolean }
export interface GridPage {
  lib: string; url: string; saved: string; n: number; from: number; count: number | 'rows'; rows?: string;
  steps: GridStep[]; tasks: Array<{ title: string; categories: string[] }>;
}
export const GRIDS: { pages: GridPage[] } = JSON.parse(readFileSync(path.join(GRIDS_ROOT, 'expected.json'), 'utf8'));

export function resolveUnseen(target: string): string | null {
  const url = new URL(target, 'http://unseen.invalid');
  const file = UNSEEN.routes[url.pathname + url.search] ?? UNSEEN.routes[url.pathname];
  if (!file) return null;
  const full = path.resolve(UNSEEN_ROOT, file);
  return full.startsWith(UNSEEN_ROOT + path.sep) ? full : null;
}

export async function startUnseenServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const file = resolveUnseen(req.url ?? '/') ?? resolveStatic(req.url ?? '/');
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not Found');
      return;
    }
    try {
      const body = readFileSync(file);
      const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
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
