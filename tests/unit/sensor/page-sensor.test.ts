// @vitest-environment happy-dom
// The sensor against a live DOM: one tag per row, incremental re-scans, pagination, removal.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectLists, detectProduct, extractRows, rowCount, taskKey } from '@/utils/adapters';
import { PageSensor, type AdapterApi, type RowBatch, type SensorDeps } from '@/utils/sensor/page-sensor';
import type { TagView } from '@/utils/messages/to-content';

function table(ids: number[]): string {
  const rows = ids
    .map((id) => `<tr><td><a onclick="openSPA4Single('/main/workflow/req?requestid=${id}',${id})">关于做好第${id}批防汛工作的通知</a></td><td>应急局</td><td>2024-05-0${(id % 9) + 1}</td></tr>`)
    .join('');
  return `<div class="wea-new-table"><div class="ant-table"><table><thead class="ant-table-thead"><tr><th>请求标题</th><th>创建人</th><th>接收时间</th></tr></thead><tbody class="ant-table-tbody">${rows}</tbody></table></div></div>`;
}

function view(key: string): TagView {
  return { key, category: 'emergency', action: 'commando-team', categoryName: '应急与安全', label: '党员突击队', actionName: '党员突击队（急难险重打头阵）', phases: 0, confidence: 0.9, source: 'auto', evidence: ['防汛'] };
}

let sensor: PageSensor | null = null;
afterEach(() => sensor?.destroy());

/** A sensor on this document, with the real adapters unless the test swaps some; not started. */
function makeSensor(report: SensorDeps['report'], adapters: Partial<AdapterApi> = {}, status: SensorDeps['status'] = vi.fn(async () => true)): PageSensor {
  sensor = new PageSensor({
    doc: document,
    adapters: { detectLists, detectProduct, extractRows, rowCount, taskKey, ...adapters },
    report,
    status,
    openPanel: vi.fn(),
    texts: { tooltip: (v) => v.categoryName, unsure: '待确认' },
    setTimeout: (fn, ms) => window.setTimeout(fn, ms) as unknown as number,
    clearTimeout: (id) => window.clearTimeout(id),
  });
  return sensor;
}

function start() {
  const batches: RowBatch[] = [];
  const report = vi.fn(async (batch: RowBatch) => {
    batches.push(batch);
    return batch.rows.map((row) => view(taskKey(location.origin, batch.adapterId, row)));
  });
  makeSensor(report).start();
  return { batches, report };
}

const tags = () => [...document.querySelectorAll('ronghe-tag')];
const settle = () => new Promise((resolve) => setTimeout(resolve, 120));

describe('PageSensor', () => {
  it('puts exactly one tag per row, and a re-scan adds none', async () => {
    history.replaceState(null, '', '/spa/workflow/static/index.html#/main/workflow/listDoing');
    document.body.replaceChildren();
    document.body.insertAdjacentHTML('beforeend', table([101, 102, 103]));
    const { report } = start();
    await vi.waitFor(() => expect(tags()).toHaveLength(3));
    expect(tags().map((t) => t.getAttribute('data-task-key'))).toEqual(['ecology9:101@localhost:3000', 'ecology9:102@localhost:3000', 'ecology9:103@localhost:3000']);
    expect(tags()[0]!.getAttribute('data-phases')).toBe('0');
    sensor!.navigated();
    await settle();
    expect(tags()).toHaveLength(3);
    expect(report).toHaveBeenCalledTimes(1);
  });

  it('asked to report again (a restarted worker), reports every row once more and keeps the same tags', async () => {
    history.replaceState(null, '', '/spa/workflow/static/index.html#/main/workflow/listDoing');
    document.body.replaceChildren();
    document.body.insertAdjacentHTML('beforeend', table([111, 112, 113]));
    const { report, batches } = start();
    await vi.waitFor(() => expect(tags()).toHaveLength(3));
    const before = tags();
    sensor!.reportAgain();
    await settle();
    expect(report).toHaveBeenCalledTimes(2);
    expect(batches[1]!.rows.map((r) => r.nativeId)).toEqual(['111', '112', '113']);
    // The same elements: nothing re-inserted into the table.
    expect(tags()).toEqual(before);
    // Only once: the next scan asks nothing.
    sensor!.navigated();
    await settle();
    expect(report).toHaveBeenCalledTimes(2);
  });

  it('tags rows at once from the views this page showed last time, still reports them, and takes the answer', async () => {
    history.replaceState(null, '', '/spa/workflow/static/index.html#/main/workflow/listDoing');
    document.body.replaceChildren();
    document.body.insertAdjacentHTML('beforeend', table([201, 202]));
    const keys = ['ecology9:201@localhost:3000', 'ecology9:202@localhost:3000'];
    let answer: (views: TagView[]) => void = () => {};
    const report = vi.fn((batch: RowBatch) => {
      expect(batch.rows.map((r) => r.nativeId)).toEqual(['201', '202']);
      return new Promise<TagView[] | null>((resolve) => (answer = resolve));
    });
    sensor = makeSensor(report);
    // Only one of the two rows was on the page last time.
    sensor.prime([{ ...view(keys[0]!), phases: 1 }]);
    sensor.start();
    // In the scan itself: no answer needed for the known row.
    expect(tags().map((t) => [t.getAttribute('data-task-key'), t.getAttribute('data-phases')])).toEqual([[keys[0], '1']]);
    // Both rows are reported all the same (their sightings), and the answer is what stays.
    expect(report).toHaveBeenCalledTimes(1);
    answer([{ ...view(keys[0]!), phases: 3 }, view(keys[1]!)]);
    await vi.waitFor(() => expect(tags()).toHaveLength(2));
    expect(tags().map((t) => t.getAttribute('data-phases'))).toEqual(['3', '0']);
    // Confirmed: a re-scan asks nothing again.
    sensor.navigated();
    await settle();
    expect(report).toHaveBeenCalledTimes(1);
    expect(tags()).toHaveLength(2);
  });

  it('asks again for rows and a status that went unanswered (the worker stopped meanwhile)', async () => {
    history.replaceState(null, '', '/spa/workflow/static/index.html#/main/workflow/listDoing');
    document.body.replaceChildren();
    document.body.insertAdjacentHTML('beforeend', table([401, 402]));
    const keys = ['ecology9:401@localhost:3000', 'ecology9:402@localhost:3000'];
    let reports = 0;
    const report = vi.fn(async (batch: RowBatch) => (++reports === 1 ? null : batch.rows.map((row) => view(taskKey(location.origin, batch.adapterId, row)))));
    const statuses: string[][] = [];
    const status = vi.fn(async (s: { keys: string[] }) => (statuses.push(s.keys), statuses.length > 1));
    sensor = makeSensor(report, {}, status);
    // The first row, known from last time, is tagged at once; its sighting is in the lost report too.
    sensor.prime([view(keys[0]!)]);
    sensor.start();
    await vi.waitFor(() => expect(tags()).toHaveLength(2), { timeout: 3000 });
    expect(report).toHaveBeenCalledTimes(2);
    expect(report.mock.calls[1]![0].rows.map((r) => r.nativeId)).toEqual(['401', '402']);
    // The undelivered status is sent again, the same keys and then both.
    await vi.waitFor(() => expect(statuses.at(-1)).toEqual(keys), { timeout: 3000 });
    const sent = statuses.length;
    // Delivered: nothing more is sent, and nothing is asked again.
    sensor.navigated();
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(statuses).toHaveLength(sent);
    expect(report).toHaveBeenCalledTimes(2);
  });

  it('views that arrive after the rows were asked about tag them at once, without waiting for the answer', () => {
    history.replaceState(null, '', '/spa/workflow/static/index.html#/main/workflow/listDoing');
    document.body.replaceChildren();
    document.body.insertAdjacentHTML('beforeend', table([301, 302]));
    const report = vi.fn(() => new Promise<TagView[] | null>(() => {}));
    sensor = makeSensor(report);
    sensor.start();
    expect(report).toHaveBeenCalledTimes(1);
    expect(tags()).toHaveLength(0);
    sensor.prime([view('ecology9:302@localhost:3000')]);
    expect(tags().map((t) => t.getAttribute('data-task-key'))).toEqual(['ecology9:302@localhost:3000']);
  });

  it('reads a long list in slices, yielding to the page between them, one tag per row', async () => {
    history.replaceState(null, '', '/spa/workflow/static/index.html#/main/workflow/listDoing');
    document.body.replaceChildren();
    document.body.insertAdjacentHTML('beforeend', table(Array.from({ length: 1300 }, (_, i) => 1000 + i)));
    // A clock that moves 5 ms per 100 rows read: until the frame has tags, a 30-ms slice reads 600
    // rows; after that, a 12-ms slice reads 300, then yields.
    let now = 1_000_000;
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => now);
    const batches: RowBatch[] = [];
    sensor = makeSensor(async (batch) => (batches.push(batch), batch.rows.map((row) => view(taskKey(location.origin, batch.adapterId, row)))), { extractRows: (m, from, to) => ((now += 5), extractRows(m, from, to)) });
    try {
      sensor.start();
      // The first slice is read at once (its first 100 rows reported at once, so the background
      // starts on them while the rest are read); the rest waits for the next task.
      expect(batches.map((b) => b.rows.length)).toEqual([100, 500]);
      await vi.waitFor(() => expect(tags()).toHaveLength(1300), { timeout: 3000 });
      expect(batches.map((b) => b.rows.length)).toEqual([100, 500, 600, 100]);
      // More rows once the page has tags: short slices.
      batches.length = 0;
      now += 1000;
      const more = document.createElement('div');
      more.insertAdjacentHTML('beforeend', table(Array.from({ length: 650 }, (_, i) => 5000 + i)));
      document.querySelector('tbody')!.append(...more.querySelectorAll('tbody > tr'));
      await vi.waitFor(() => expect(tags()).toHaveLength(1950), { timeout: 3000 });
      // The re-scan reads all 1,950 rows in 300-row slices; the 1,300 tagged ones are not asked again.
      expect(batches.map((b) => b.rows.length)).toEqual([200, 300, 150]);
      expect(new Set(batches.flatMap((b) => b.rows.map((r) => r.nativeId))).size).toBe(650);
    } finally {
      clock.mockRestore();
    }
  });

  it('builds many new tags over several short tasks, then puts them all into the rows at once', async () => {
    history.replaceState(null, '', '/spa/workflow/static/index.html#/main/workflow/listDoing');
    document.body.replaceChildren();
    document.body.insertAdjacentHTML('beforeend', table(Array.from({ length: 1300 }, (_, i) => 1000 + i)));
    // A clock that moves 1 ms each time it is read: the writer reads it every 32 tags, so 1,300 new
    // tags take more than one 30-ms task.
    let now = 2_000_000;
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => now++);
    const inserted: number[] = [];
    const watch = new MutationObserver((records) => {
      const n = records.reduce((sum, r) => sum + [...r.addedNodes].filter((x) => x.nodeName === 'RONGHE-TAG').length, 0);
      if (n) inserted.push(n);
    });
    watch.observe(document.body, { childList: true, subtree: true });
    const spans: number[] = [];
    sensor = new PageSensor({
      doc: document,
      adapters: { detectLists, detectProduct, extractRows, rowCount, taskKey },
      report: async (batch) => batch.rows.map((row) => view(taskKey(location.origin, batch.adapterId, row))),
      status: vi.fn(async () => true),
      openPanel: vi.fn(),
      texts: { tooltip: (v) => v.categoryName, unsure: '待确认' },
      // Each task of the sensor's, timed on the same clock.
      setTimeout: (fn, ms) => window.setTimeout(() => { const at = now; fn(); spans.push(now - at); }, ms) as unknown as number,
      clearTimeout: (id) => window.clearTimeout(id),
    });
    try {
      sensor.start();
      await vi.waitFor(() => expect(tags()).toHaveLength(1300), { timeout: 3000 });
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(inserted).toEqual([1300]);
      // (41 clock reads: a 30-ms task, then one for the rest.)
      expect(spans.filter((ms) => ms >= 10).length).toBeGreaterThan(1);
      expect(Math.max(...spans)).toBeLessThanOrEqual(40);
    } finally {
      watch.disconnect();
      clock.mockRestore();
    }
  });

  it('follows pagination that replaces the tbody, and rows that go take their tags', async () => {
    history.replaceState(null, '', '/spa/workflow/static/index.html#/main/workflow/listDoing');
    document.body.replaceChildren();
    document.body.insertAdjacentHTML('beforeend', table([1, 2, 3, 4]));
    start();
    await vi.waitFor(() => expect(tags()).toHaveLength(4));
    const tbody = document.querySelector('tbody')!;
    // The OA renders the next page off-screen and swaps the whole tbody in.
    const scratch = document.createElement('div');
    scratch.insertAdjacentHTML('beforeend', table([5, 6]));
    const next = scratch.querySelector('tbody')!;
    tbody.replaceWith(next);
    await vi.waitFor(() => expect(tags().map((t) => t.getAttribute('data-task-key'))).toEqual(['ecology9:5@localhost:3000', 'ecology9:6@localhost:3000']));
    next.firstElementChild!.remove();
    expect(tags()).toHaveLength(1);
  });

  it('updates tags in place when the background pushes new views', async () => {
    history.replaceState(null, '', '/spa/workflow/static/index.html#/main/workflow/listDoing');
    document.body.replaceChildren();
    document.body.insertAdjacentHTML('beforeend', table([7]));
    start();
    await vi.waitFor(() => expect(tags()).toHaveLength(1));
    sensor!.applyViews([{ ...view('ecology9:7@localhost:3000'), phases: 2, category: 'meeting', action: 'branch-meeting' }]);
    const [tag] = tags();
    expect(tag!.getAttribute('data-phases')).toBe('2');
    expect(tag!.getAttribute('data-category')).toBe('meeting');
    expect(tags()).toHaveLength(1);
  });

  it('removes a copied tag that a host framework cloned into a new row', async () => {
    history.replaceState(null, '', '/spa/workflow/static/index.html#/main/workflow/listDoing');
    document.body.replaceChildren();
    document.body.insertAdjacentHTML('beforeend', table([8]));
    start();
    await vi.waitFor(() => expect(tags()).toHaveLength(1));
    const row = document.querySelector('tbody tr')!;
    const clone = row.cloneNode(true) as Element;
    clone.querySelector('a')!.setAttribute('onclick', "openSPA4Single('/main/workflow/req?requestid=9',9)");
    row.after(clone);
    await vi.waitFor(() => expect(tags().map((t) => t.getAttribute('data-task-key'))).toEqual(['ecology9:8@localhost:3000', 'ecology9:9@localhost:3000']));
    expect(new Set(tags().map((t) => t.closest('tr'))).size).toBe(2);
  });
});
