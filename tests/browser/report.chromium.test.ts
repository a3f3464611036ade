// The 考评 report page in real Chromium with the e2e build: its numbers equal the popup's for the
// same period; the printed 融合台账 is A4 landscape with the header row on every page; its Excel
// export is set up for printing; three colleagues' exports merged show three people; axe finds
// nothing serious.
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemoServer } from '../../scripts/demo/server';
import { toBackup } from '../../utils/ledger/json-backup';
import { emptyPhases, type Profile, type Tag, type Task } from '../../utils/model';
import { axeViolations, launchChromium, seriousOrCritical, type ChromiumSession } from './harness';
import { EXPECTED, readTags } from './demo-expectations';

type Reply<T> = { ok: true; data: T } | { ok: false; error: string };
type ChromeApi = { runtime: { sendMessage(message: unknown): Promise<unknown> } };

let demo: Awaited<ReturnType<typeof startDemoServer>>;
let session: ChromiumSession;
let base: string;

async function sendFrom<T>(page: Page, message: object): Promise<T> {
  const reply = await page.evaluate((m) => (globalThis as unknown as { chrome: ChromeApi }).chrome.runtime.sendMessage(m) as Promise<Reply<unknown>>, message);
  if (!reply?.ok) throw new Error(`${JSON.stringify(message).slice(0, 80)}: ${reply ? reply.error : 'no reply'}`);
  return reply.data as T;
}

async function openTagged(url: string, count: number): Promise<string[]> {
  const page = await session.context.newPage();
  await page.goto(url);
  // beforeAll can't use expect.poll: wait for the row tags by hand.
  await page.waitForFunction((n) => document.querySelectorAll('ronghe-tag').length >= n, count, { timeout: 30_000 });
  const keys = (await page.evaluate(readTags)).map((t) => t.key);
  await page.close();
  return keys;
}

/** pdf.js gives back some glyphs as CJK radicals or compatibility forms (the font's ToUnicode
 * map): NFKC folds the Kangxi radicals, the few supplement radicals CJK text meets are mapped. */
const RADICALS: Record<string, string> = { '⻚': '页', '⻓': '长', '⻔': '门', '⻝': '食', '⻅': '见', '⻛': '风', '⻢': '马', '⻋': '车', '⻉': '贝', '⻘': '青', '⻜': '飞' };
const plainText = (s: string): string => s.normalize('NFKC').replace(/[\u2e80-\u2eff]/g, (c) => RADICALS[c] ?? c).replace(/\s+/g, '');

async function openPage(path: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`${base}/${path}`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === '1', undefined, { timeout: 30_000 });
  return page;
}

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  session = await launchChromium();
  base = `chrome-extension://${session.extensionId}`;
  const setup = await session.context.newPage();
  await setup.goto(`${base}/options.html`);
  await sendFrom(setup, { type: 'settings/set', settings: { locale: 'zh-CN', personName: '王晓明', department: '办公室', branch: '机关第一党支部', unit: '某市发展改革委' } });
  // Enough tasks for the printed ledger to run over several pages.
  const keys: string[] = [];
  // Lists in the top document (readTags reads that one): e-cology 9, e-cology 8's list, 致远.
  const lists = EXPECTED.pages.filter((x) => x.frames.length === 1 && x.frames[0]!.count > 0 && !x.url.startsWith('/big/')).slice(0, 4);
  for (const p of lists) keys.push(...(await openTagged(demo.origin + p.url, p.frames[0]!.count)));
  for (const key of keys.slice(0, 3)) for (const phase of ['plan', 'deploy', 'implement', 'inspect']) await sendFrom(setup, { type: 'task/set-phase', taskKey: key, phase, done: true });
  for (const key of keys.slice(3, 6)) await sendFrom(setup, { type: 'task/set-phase', taskKey: key, phase: 'plan', done: true, note: '支委会研究' });
  await sendFrom(setup, { type: 'task/set-detail', taskKey: keys[3], detail: { deadline: '2020-01-01', evidence: [{ name: '会议纪要', number: 'HY-1', place: '档案室' }] } });
  await setup.close();
}, 120_000);

afterAll(async () => {
  await session?.close();
  await demo?.close();
});

describe('the report page in Chromium', () => {
  it('shows the popup\'s numbers for 本年, a trend chart, and a red reminder; axe: nothing serious', async () => {
    const popup = await openPage('popup.html');
    await sendFrom(popup, { type: 'settings/set', settings: { period: 'year' } });
    await popup.reload();
    await popup.waitForFunction(() => document.documentElement.dataset.ready === '1', undefined, { timeout: 30_000 });
    const percent = await popup.getByTestId('ring-percent').textContent();
    const caption = (await popup.locator('.ring-caption').textContent()) ?? '';
    await expect.poll(async () => popup.getByRole('button', { name: '考评报告', exact: true }).count()).toBe(1);

    const report = await openPage('report.html?period=year');
    const tasks = await report.getByTestId('report-tasks').textContent();
    const integrated = await report.getByTestId('report-integrated').textContent();
    expect(caption).toContain(`${integrated} / ${tasks}`);
    expect(Number(tasks)).toBeGreaterThan(20);
    expect(Number(integrated)).toBe(3);
    expect(percent).toBe(`${Math.round((3 / Number(tasks)) * 100)}%`);
    expect(await report.getByTestId('report-phase-plan').textContent()).toMatch(/^6/);
    expect(await report.getByRole('img', { name: /各月标注任务数与已融合任务数/ }).count()).toBe(1);
    expect(await report.locator('.reminders li.red').count()).toBeGreaterThanOrEqual(1);
    expect(await report.getByRole('heading', { name: /缺什么/ }).count()).toBe(1);
    expect(seriousOrCritical(await axeViolations(report.mainFrame()))).toEqual([]);
    await popup.close();
    await report.close();
  });

  it('the panel\'s 台账信息 opens from the keyboard, saves, and has no serious axe violations', async () => {
    const panel = await session.context.newPage();
    await panel.goto(`${base}/panel.html?mode=tab`);
    await panel.waitForFunction(() => document.documentElement.dataset.ready !== undefined && document.querySelectorAll('li.task').length > 0, undefined, { timeout: 30_000 });
    const card = panel.locator('li.task').first();
    const toggle = card.getByRole('button', { name: '台账信息', exact: true });
    await toggle.focus();
    await panel.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await card.getByLabel('完成情况', { exact: true }).fill('已按要求完成');
    await card.getByRole('button', { name: '保存台账信息', exact: true }).click();
    await card.getByText('已保存', { exact: true }).waitFor({ timeout: 10_000 });
    // The phases keep their contract names next to it.
    for (const name of ['同谋划', '同部署', '同落实', '同检查']) expect(await card.getByRole('checkbox', { name, exact: true }).count()).toBe(1);
    expect(seriousOrCritical(await axeViolations(panel.mainFrame()))).toEqual([]);
    const key = await card.getAttribute('data-task-key');
    const detail = await sendFrom<{ fields: { outcome?: string } }>(panel, { type: 'task/detail', taskKey: key });
    expect(detail.fields.outcome).toBe('已按要求完成');
    await panel.close();
  });

  it('prints the 融合台账 as A4 landscape with the header row on every page and page numbers', async () => {
    const report = await openPage('report.html?period=year');
    const rows = await report.locator('.ledger-table tbody tr').count();
    const pdf = await report.pdf({ preferCSSPageSize: true, printBackground: true });
    await report.close();
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
    expect(doc.numPages).toBeGreaterThanOrEqual(3);
    const texts: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const [x0, y0, x1, y1] = page.view;
      // A4 landscape: 297 × 210 mm = 841.9 × 595.3 pt.
      expect(Math.abs(x1! - x0! - 841.9), `page ${i} width`).toBeLessThan(2);
      expect(Math.abs(y1! - y0! - 595.3), `page ${i} height`).toBeLessThan(2);
      // pdf.js returns CJK compatibility forms for some glyphs; NFKC maps them back.
      texts.push(plainText((await page.getTextContent()).items.map((x) => ('str' in x ? x.str : '')).join('')));
    }
    expect(texts[0]).toContain('融合台账');
    for (const field of ['单位', '支部', '期间', '制表人', '制表日期']) expect(texts[0]!.replace(/\s/g, '')).toContain(field);
    expect(texts[0]).toContain('王晓明');
    for (let i = 1; i < texts.length; i++) {
      for (const header of ['序号', '业务工作任务', '任务来源/来文单位', '牵头处室', '责任人', '党建动作', '参与党员', '同谋划', '同部署', '同落实', '同检查', '完成时限', '实际完成时间', '完成情况', '状态', '佐证材料', '备注']) {
        expect(texts[i], `page ${i + 1}: ${header}`).toContain(header);
      }
      expect(texts[i]).toContain(`第${i + 1}页共${doc.numPages}页`);
    }
    // Every row of the table reached the paper: the last 序号 is printed.
    expect(texts.join('')).toContain('逾期');
    expect(rows).toBeGreaterThan(20);
  });

  it('exports the Excel ledger with its print setup, read back', async () => {
    const report = await openPage('report.html?period=year');
    const [file] = await Promise.all([report.waitForEvent('download', { timeout: 30_000 }), report.getByRole('button', { name: '导出 Excel 台账', exact: true }).click()]);
    const bytes = readFileSync(await file.path());
    await report.close();
    const files = unzipSync(new Uint8Array(bytes));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    const workbook = strFromU8(files['xl/workbook.xml']!);
    const shared = strFromU8(files['xl/sharedStrings.xml']!);
    expect(sheet).toMatch(/<pageSetUpPr fitToPage="1"\s*\/>/);
    expect(sheet).toMatch(/<pageSetup [^>]*orientation="landscape"[^>]*\/>/);
    expect(sheet).toMatch(/<pageSetup [^>]*fitToWidth="1"[^>]*\/>/);
    expect(sheet).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*\/>/);
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'融合台账'!$1:$1</definedName>`);
    for (const header of ['序号', '业务工作任务', '同谋划', '同检查', '责任人', '完成时限', '佐证材料', '所属支部']) expect(shared).toContain(`>${header}<`);
    expect(shared).toContain('会议纪要（HY-1，档案室）');
  });

  it('merges three colleagues\' exports: the report shows each person and branch, and the branch ledger', async () => {
    const colleague = (profile: Profile, n: number) => {
      const origin = 'http://oa.colleague.gov.cn';
      const now = Date.now();
      const tasks: Task[] = Array.from({ length: n }, (_, i) => ({
        key: `colleague.gov.cn|seeyon|${profile.personName}-${i}`, origin, product: 'seeyon', nativeId: `${profile.personName}-${i}`,
        title: `关于${profile.personName}负责的第${i + 1}项工作的通知`, fields: { sender: '市委办公室' }, firstSeen: now, lastSeen: now,
      }));
      const tags: Tag[] = tasks.map((t) => ({
        taskKey: t.key, origin, category: 'meeting', action: 'branch-meeting', source: 'auto', confidence: 0.9, evidence: [], ruleId: null,
        phases: emptyPhases(), phaseCount: 0, integrated: 0, taggedAt: now, updatedAt: now,
      }));
      const details = tags.map((t) => ({ taskKey: t.taskKey, origin, updatedAt: now, owner: profile.personName, ownerDept: profile.department, branch: profile.branch, unit: profile.unit }));
      return toBackup({ tasks, tags, events: [], rules: [], details }, { profile });
    };
    const files = await Promise.all([
      colleague({ personName: '张三', department: '综合处', branch: '机关第一党支部', unit: '某市发展改革委' }, 2),
      colleague({ personName: '李四', department: '规划处', branch: '机关第二党支部', unit: '某市发展改革委' }, 3),
      colleague({ personName: '赵六', department: '财务处', branch: '机关第二党支部', unit: '某市发展改革委' }, 1),
    ]);
    const options = await session.context.newPage();
    await options.goto(`${base}/options.html`);
    for (const text of files) {
      const preview = await sendFrom<{ ok: boolean; preview: { from?: Profile } }>(options, { type: 'ledger/import', text, apply: false });
      expect(preview.ok).toBe(true);
      expect(preview.preview.from?.personName).toBeTruthy();
      expect((await sendFrom<{ ok: boolean }>(options, { type: 'ledger/import', text, apply: true })).ok).toBe(true);
    }
    await options.close();
    const report = await openPage('report.html?period=year');
    const owners = await report.locator('#by-owner + table tbody th').allTextContents();
    for (const name of ['张三', '李四', '赵六', '王晓明']) expect(owners).toContain(name);
    const branches = await report.locator('#by-branch + table tbody th').allTextContents();
    expect(branches).toEqual(expect.arrayContaining(['机关第一党支部', '机关第二党支部']));
    // The branch view: 机关第二党支部 only, its ledger holds 李四's and 赵六's rows.
    await report.getByRole('combobox', { name: '支部', exact: true }).selectOption('机关第二党支部');
    await expect.poll(() => report.getByTestId('report-tasks').textContent()).toBe('4');
    expect(new Set(await report.locator('.ledger-table tbody tr td:nth-child(5)').allTextContents())).toEqual(new Set(['李四', '赵六']));
    await report.close();
  });
});
