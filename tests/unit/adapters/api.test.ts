// @vitest-environment happy-dom
// The public API as the content script uses it: rescans after tagging, rebuilt matches,
// per-site overrides, and the cost of a 1,000-row list.
import { describe, expect, it } from 'vitest';
import { adapterFromSelectors, customLists, detectLists, detectProduct, extractRows, taskKey } from '../../../utils/adapters';
import { parsePage } from './fixtures';

const E9 = 'http://oa.example.cn/spa/workflow/static/index.html#/main/workflow/listDoing';

const e9Row = (i: number) =>
    `<tr class="ant-table-row"><td><a href="javascript:void(0)" onclick="openSPA4Single('/main/workflow/req?requestid=${1000 + i}',${1000 + i})">关于第${i}项重点工作推进情况的报告</a></td><td>督查督办</td><td>王${i}</td><td>2024-05-06 09:${String(i % 60).padStart(2, '0')}</td></tr>`;

function e9Page(rows: number): string {
  return `<div class="wea-new-table"><div class="ant-table-wrapper"><table><thead class="ant-table-thead"><tr><th>请求标题</th><th>工作流</th><th>创建人</th><th>接收时间</th></tr></thead><tbody class="ant-table-tbody">${Array.from({ length: rows }, (_, i) => e9Row(i)).join('')}</tbody></table></div></div>`;
}

describe('content-script API', () => {
  it('re-reads a list identically after tags were put into the title cells', () => {
    const doc = parsePage(e9Page(3), E9);
    const url = new URL(E9);
    const [match] = detectLists(doc, url);
    const first = extractRows(match!);
    for (const r of first) r.titleCell.append(doc.createElement('ronghe-tag'));
    const again = extractRows(detectLists(doc, url)[0]!);
    expect(again.map((r) => r.report)).toEqual(first.map((r) => r.report));
    expect(again.map((r) => r.titleCell)).toEqual(first.map((r) => r.titleCell));
    expect(first[0]!.titleCell.localName).toBe('td');
  });

  it('extracts from a match rebuilt by the caller', () => {
    const doc = parsePage(e9Page(2), E9);
    const m = detectLists(doc, new URL(E9))[0]!;
    expect(extractRows({ ...m }).map((r) => r.report.nativeId)).toEqual(['1000', '1001']);
  });

  it('keys rows by the product id', () => {
    const doc = parsePage(e9Page(1), E9);
    const m = detectLists(doc, new URL(E9))[0]!;
    expect(taskKey('http://oa.example.cn', m.adapterId, extractRows(m)[0]!.report)).toBe('ecology9:1000@oa.example.cn');
  });

  it('names the product of a frame shell with no list', () => {
    const doc = parsePage('<iframe id="mainFrame" name="mainFrame"></iframe>', 'http://oa.example.cn/defaultroot/portal.do');
    const url = new URL('http://oa.example.cn/defaultroot/portal.do');
    expect(detectLists(doc, url)).toEqual([]);
    expect(detectProduct(doc, url)).toEqual({ adapterId: 'whir-ezoffice', product: '万户 ezOFFICE' });
  });

  it('falls back to generic lists on a known product page whose list it does not recognise', () => {
    const html = `<h3>待办事项</h3><table><thead><tr><th>标题</th><th>发起人</th><th>接收时间</th></tr></thead>
      <tbody><tr><td><a href="view?id=5">关于开展节能宣传周活动的通知</a></td><td>后勤中心</td><td>2024-06-01</td></tr></tbody></table>`;
    const url = new URL('http://oa.example.cn/seeyon/custom/todo.jsp');
    const lists = detectLists(parsePage(html, url.href), url);
    expect(lists.map((l) => [l.adapterId, l.confidence, l.product])).toEqual([['generic', 'generic', '致远 A8/G6']]);
  });

  it('honours a forced adapter and custom selectors for an unknown OA', () => {
    const html = `<div id="todo"><div class="item" data-key="T1"><span class="t">关于做好汛期安全工作的通知</span><em>2024-06-01</em></div>
      <div class="item" data-key="T2"><span class="t">关于报送半年工作总结的通知</span></div></div>`;
    const url = new URL('http://intranet.example.cn/app/');
    const doc = parsePage(html, url.href);
    expect(detectLists(doc, url)).toEqual([]);
    const lists = detectLists(doc, url, { selectors: { listRoot: '#todo', row: '.item', title: '.t', nativeId: '@data-key' } });
    expect(lists).toHaveLength(1);
    expect(lists[0]!.adapterId).toBe('custom');
    const rows = extractRows(lists[0]!);
    expect(rows.map((r) => [r.report.title, r.report.nativeId])).toEqual([
      ['关于做好汛期安全工作的通知', 'T1'],
      ['关于报送半年工作总结的通知', 'T2'],
    ]);
    expect(adapterFromSelectors({ row: 'div[[', title: '.t' })).toBeNull();
    expect(detectLists(parsePage(e9Page(2), E9), new URL(E9), { adapterOverride: 'generic' })[0]?.adapterId).toBe('generic');
  });

  it("a site's custom selectors read the page they were taught on; its other pages are read as usual", () => {
    const selectors = { listRoot: '#todo', row: '.item', title: '.t' };
    const doc = parsePage(e9Page(2), E9);
    // This page has no #todo: the product adapter finds its list, as without the rule.
    expect(detectLists(doc, new URL(E9), { selectors }).map((m) => m.adapterId)).toEqual(['ecology9']);
    // Testing the rule itself (options, the picker) counts only what the rule finds.
    expect(customLists(doc, selectors)).toEqual([]);
  });

  it('reads a 1,000-row list in one pass', () => {
    const doc = parsePage(e9Page(1000), E9);
    const url = new URL(E9);
    const t0 = performance.now();
    const rows = extractRows(detectLists(doc, url)[0]!);
    const elapsed = performance.now() - t0;
    expect(rows).toHaveLength(1000);
    expect(new Set(rows.map((r) => r.report.nativeId)).size).toBe(1000);
    expect(rows[999]!.report.fields).toEqual({ workflow: '督查督办', sender: '王999', receivedAt: '2024-05-06 09:39' });
    expect(elapsed).toBeLessThan(2000); // happy-dom is far slower than a browser; this only catches quadratic work
  });
});
