// Static server for the bundled demo OA site (demo/site). node:http only, no dependencies.
//
// URL → file mapping (query strings are ignored unless a route below names one):
//   1. QUERY_ROUTES: a path plus one query parameter value picks a file, for products that
//      serve different pages from one endpoint (Seeyon main.do?method=main / ?method=portal).
//   2. Otherwise the path itself: a trailing "/" serves that folder's index.html, and the
//      server-side extensions of real OA products (.jsp .do .php .action) are served from the
//      sibling .html file, e.g. /e8/wui/main.jsp → demo/site/e8/wui/main.html,
//      /defaultroot/wfdealwith!dealwithList.action → demo/site/defaultroot/wfdealwith!dealwithList.html.
// Directories are never listed; paths with "..", backslashes or NUL are refused with 400.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const SITE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../demo/site');

interface QueryRoute {
  path: string;
  param: string;
  value: string;
  file: string;
}

const QUERY_ROUTES: readonly QueryRoute[] = [
  { path: '/seeyon/main.do', param: 'method', value: 'portal', file: 'seeyon/portal.html' },
];

const DYNAMIC_EXTENSIONS = new Set(['.jsp', '.do', '.php', '.action']);

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

const MODULES_ROOT = path.resolve(SITE_ROOT, '../../node_modules');
/** Packages (devDependencies) whose files the demo serves under /node_modules/, nothing else. */
const DEMO_PACKAGES = new Set(['vue', 'element-plus', 'jquery-easyui']);
/** The grid-library demo pages are two of the test fixtures (tests/fixtures/grids/), served as they are. */
const GRIDS_ROOT = path.resolve(SITE_ROOT, '../../tests/fixtures/grids');
const DEMO_GRID_FILES: Record<string, string> = {
  '/grids/element-plus.html': 'element-plus/todo.html',
  '/grids/easyui.html': 'easyui/todo.html',
  '/grids/_shared/tasks.js': '_shared/tasks.js',
};

type Resolution = { status: 200; file: string } | { status: 400 | 404 };

/** Map a request target (path + query) to a file under SITE_ROOT, or a refusal status. */
export function resolveRequest(target: string): Resolution {
  let url: URL;
  try {
    url = new URL(target, 'http://demo.invalid');
  } catch {
    return { status: 400 };
  }
  // WHATWG URL parsing already collapses literal "/../"; the raw target is checked too.
  const rawPath = target.split(/[?#]/, 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { status: 400 };
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return { status: 400 };
  if (decoded.split('/').some((seg) => seg === '..' || seg === '.')) return { status: 400 };

  const grid = DEMO_GRID_FILES[decoded];
  if (grid) return { status: 200, file: path.join(GRIDS_ROOT, grid) };
  // The grid-library demo pages load these devDependencies' browser builds.
  const mod = /^\/node_modules\/([\w.-]+)\/./.exec(decoded);
  if (mod) {
    if (!DEMO_PACKAGES.has(mod[1]!)) return { status: 404 };
    const root = path.resolve(MODULES_ROOT, mod[1]!);
    const file = path.resolve(MODULES_ROOT, `.${path.posix.normalize(decoded.slice('/node_modules'.length))}`);
    return file.startsWith(root + path.sep) ? { status: 200, file } : { status: 400 };
  }
  const route = QUERY_ROUTES.find((r) => r.path === decoded && url.searchParams.get(r.param) === r.value);
  let relative: string;
  if (route) {
    relative = route.file;
  } else if (decoded.endsWith('/')) {
    relative = `${decoded}index.html`;
  } else {
    const ext = path.posix.extname(decoded);
    relative = DYNAMIC_EXTENSIONS.has(ext) ? `${decoded.slice(0, -ext.length)}.html` : decoded;
  }
  const file = path.resolve(SITE_ROOT, `.${path.posix.normalize(`/${relative}`)}`);
  if (file !== SITE_ROOT && !file.startsWith(SITE_ROOT + path.sep)) return { status: 400 };
  return { status: 200, file };
}

function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    sendText(res, 405, 'Method Not Allowed');
    return;
  }
  const resolved = resolveRequest(req.url ?? '/');
  if (resolved.status !== 200) {
    sendText(res, resolved.status, resolved.status === 400 ? 'Bad Request' : 'Not Found');
    return;
  }
  try {
    const info = await stat(resolved.file);
    if (!info.isFile()) {
      sendText(res, 404, 'Not Found');
      return;
    }
    const body = await readFile(resolved.file);
    res.writeHead(200, {
      'Content-Type': contentTypeOf(resolved.file),
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    sendText(res, 404, 'Not Found');
  }
}

export async function startDemoServer(opts: { port?: number; host?: string } = {}): Promise<{ origin: string; close(): Promise<void> }> {
  const host = opts.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('demo server: no TCP address');
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    origin: `http://${hostPart}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

function parseArgs(argv: readonly string[]): { port?: number; host?: string } {
  const opts: { port?: number; host?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--port' && value !== undefined) {
      opts.port = Number(value);
      i++;
    } else if (arg === '--host' && value !== undefined) {
      opts.host = value;
      i++;
    }
  }
  return opts;
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(path.resolve(entry)).href) {
  const { origin } = await startDemoServer(parseArgs(process.argv.slice(2)));
  console.log(`Demo OA site: ${origin}/index.html`);
}
