// @vitest-environment happy-dom
// Diagnostics on the markup the real grid libraries rendered (tests/fixtures/grids-saved): the
// sensor's page/status names the rule that found each list and a class hint, and the panel turns
// the hint into the library's name.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectLists, detectProduct, extractRows, rowCount, taskKey } from '@/utils/adapters';
import { PageSensor, type PageStatusReport } from '@/utils/sensor/page-sensor';
import { guessLibrary, ruleKey } from '@/components/panel/grid-library';
import { describeRule, diagnosisLines, diagnosticsJson } from '@/components/panel/Diagnostics';
import { PageStatus } from '@/utils/messages/to-background';
import { useChineseMessages } from './helpers';

const SAVED = resolve(__dirname, '../../fixtures/grids-saved');
/** Saved page, the library the panel should name, the rule that finds its list. */
const CASES: Array<[string, string, string]> = [
  ['element-ui-todo.html', 'Element UI / Element Plus', 'grid:1tr'],
  ['element-plus-todo.html', 'Element UI / Element Plus', 'grid:1tr'],
  ['antdv-todo.html', 'Ant Design Vue', 'grid:1tr'],
  ['vxe-table-todo.html', 'vxe-table', 'grid:1tr'],
  ['vxe-table-todo.firefox.html', 'vxe-table', 'grid:1tr'],
  ['easyui-todo.html', 'jQuery EasyUI', 'grid:2tr'],
  // jqGrid is what 通达 OA is built on: its product adapter claims the list.
  ['jqgrid-todo.html', 'jqGrid', 'tongda'],
  ['layui-todo.html', 'layui', 'grid:1tr'],
  ['bootstrap-table-todo.html', 'bootstrap-table', 'grid:1tr'],
  ['datatables-todo.html', 'DataTables', 'grid:1tr'],
  ['view-design-todo.html', 'View Design (iView)', 'grid:1tr'],
  ['tabulator-todo.html', 'Tabulator', 'grid:1div'],
  ['ag-grid-todo.html', 'AG Grid', 'grid:1div'],
];

let sensor: PageSensor | null = null;
afterEach(() => {
  sensor?.destroy();
  sensor = null;
});

async function statusOf(file: string): Promise<PageStatusReport> {
  const doc = new DOMParser().parseFromString(readFileSync(join(SAVED, file), 'utf8'), 'text/html');
  document.body.replaceChildren(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
  const statuses: PageStatusReport[] = [];
  sensor = new PageSensor({
    doc: document,
    adapters: { detectLists, detectProduct, extractRows, rowCount, taskKey },
    report: async () => null,
    status: async (s) => (statuses.push(s), true),
    openPanel: vi.fn(),
    texts: { tooltip: () => '', unsure: '待确认' },
    setTimeout: (fn, ms) => window.setTimeout(fn, ms) as unknown as number,
    clearTimeout: (id) => window.clearTimeout(id),
  });
  sensor.start();
  await vi.waitFor(() => expect(statuses.length).toBeGreaterThan(0), { timeout: 5000 });
  return statuses.at(-1)!;
}

describe('diagnostics: library and rule', () => {
  it.each(CASES)('%s looks like %s, found by %s', async (file, library, rule) => {
    const status = await statusOf(file);
    expect(status.rules).toEqual([rule]);
    expect(guessLibrary(status.hint)).toBe(library);
    // The frame's message passes the contract's schema.
    expect(PageStatus.safeParse({ type: 'page/status', ...status }).success).toBe(true);
  });

  it('a page without grids reports no hint and no rule', async () => {
    const status = await statusOf('portal-home-layui.html');
    expect(status.hint).toBeUndefined();
    expect(status.rules.every((r) => !r.startsWith('grid:'))).toBe(true);
  });

  it('names rules in Chinese with the id beside, and says when nothing is known', () => {
    useChineseMessages();
    expect(ruleKey('grid:2tr')).toEqual({ key: 'panel_rule_gridSplit', arg: '2' });
    expect(describeRule('grid:2tr')).toBe('按表头识别、拆成 2 部分的表格（冻结列） (grid:2tr)');
    expect(describeRule('grid:1div')).toBe('按 ARIA 角色识别的 div 表格 (grid:1div)');
    expect(describeRule('ecology9')).toBe('OA 产品规则 ecology9 (ecology9)');
    expect(guessLibrary('my-list container')).toBeNull();
    expect(guessLibrary(undefined)).toBeNull();
    const frame = { product: '通用', rows: 0, lists: 0, path: '/oa/todo?id=3', adapterIds: [], rules: [], hint: 'el-table el-table--fit' };
    expect(diagnosisLines([frame])).toEqual(['列表看起来像 Element UI / Element Plus 表格。', '没有列表符合任何识别规则。']);
    expect(diagnosisLines([{ ...frame, hint: undefined }])[0]).toBe('没有认出表格组件。');
    const json = JSON.parse(diagnosticsJson([frame], '1')).frames[0];
    expect(json).toMatchObject({ rules: [], library: 'Element UI / Element Plus', classHint: 'el-table el-table--fit', path: '/oa/todo' });
  });
});
