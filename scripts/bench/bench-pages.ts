// Pages the tagging benchmarks load: the demo OA site, plus a list whose rows are in the HTML
// itself (server-rendered, as most OA lists are), generated here from the demo's big-list rows.
import { createServer } from 'node:http';
import { startDemoServer } from '../demo/server';
// @ts-expect-error the demo dataset is plain JavaScript without types
import { bigRow, BIG_MAX_ROWS } from '../../demo/site/shared/data.js';

interface BigRow { requestid: number; requestname: string; workflowname: string; creatername: string; createdate: string; receivedate: string; currentnodename: string }

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The big list (demo/site/big/list.html) with its rows in the HTML: no page script at all. */
export function staticListHtml(rows: number, cssHref: string): string {
  const body: string[] = [];
  for (let i = 0; i < rows; i++) {
    const r = (bigRow as (i: number) => BigRow)(i);
    body.push(
      `<tr class="ant-table-row  ant-table-row-level-0" data-row-key="${r.requestid}">` +
        `<td><div class="wea-url-name"><a href="javascript:void(0)" title="${esc(r.requestname)}" onclick="openSPA4Single('/main/workflow/req?requestid=${r.requestid}',${r.requestid})">${esc(r.requestname)}</a></div></td>` +
        `<td>${esc(r.workflowname)}</td><td><a href="javaScript:openhrm(${3000 + (i % 6)});">${esc(r.creatername)}</a></td>` +
        `<td>${esc(r.createdate)}</td><td>${esc(r.receivedate)}</td><td>${esc(r.currentnodename)}</td><td>刘建国</td></tr>`,
    );
  }
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>待办事宜（静态 ${rows} 条）- e-cology</title>
<link rel="stylesheet" href="${cssHref}"></head><body><div class="e9content">
<div class="wea-new-top"><div class="wea-new-top-title">待办事宜</div><div id="rowInfo">共 ${rows} 条</div></div>
<div class="wea-new-table"><div class="ant-table ant-table-large"><div class="ant-table-content"><div class="ant-table-body"><table>
<thead class="ant-table-thead"><tr><th>请求标题</th><th>工作流</th><th>创建人</th><th>创建日期</th><th>接收时间</th><th>当前节点</th><th>未操作者</th></tr></thead>
<tbody class="ant-table-tbody">${body.join('\n')}</tbody></table></div></div></div></div></div>
<script>function openSPA4Single(){} function openhrm(){}</script></body></html>`;
}

export interface BenchPages {
  /** The demo site's origin (its /big/list.html inserts rows by script). */
  demo: string;
  /** `${static}?rows=N`: N rows in the HTML. */
  staticList: string;
  close(): Promise<void>;
}

export async function startBenchPages(): Promise<BenchPages> {
  const demo = await startDemoServer({ port: 0 });
  const pages = new Map<number, string>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench.invalid');
    const rows = Math.min(Number(url.searchParams.get('rows') ?? 1000) || 0, BIG_MAX_ROWS as number);
    if (url.pathname !== '/bench/static.html') {
      res.writeHead(404).end();
      return;
    }
    let html = pages.get(rows);
    if (!html) pages.set(rows, (html = staticListHtml(rows, `${demo.origin}/e9/wui/e9.css`)));
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('bench: no TCP address');
  return {
    demo: demo.origin,
    staticList: `http://127.0.0.1:${address.port}/bench/static.html`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await demo.close();
    },
  };
}
