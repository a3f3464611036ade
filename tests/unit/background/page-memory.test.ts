// The tasks each page showed last: its next load is tagged from them before its rows are asked
// about (site/config carries their views). Kept where a stopped worker finds them again.
import { describe, expect, it } from 'vitest';
import { createServices } from '@/utils/background/services';
import { MAX_PAGES, PageMemory } from '@/utils/background/services/page-memory';
import type { TabMemory } from '@/utils/background/services/tab-pages';
import type { RowReport } from '@/utils/model';
import { freshDb } from '../store/helpers';
import { fakeEffects } from './fake-effects';

/** storage.session as a Map, counting writes. */
function sessionMemory() {
  const items = new Map<string, unknown>();
  let writes = 0;
  const memory: TabMemory = {
    get: async (key) => (items.has(key) ? { [key]: structuredClone(items.get(key)) } : {}),
    set: async (patch) => {
      writes++;
      for (const [k, v] of Object.entries(patch)) items.set(k, structuredClone(v));
    },
    remove: async (key) => void items.delete(key),
  };
  return { memory, items, writes: () => writes };
}

describe('PageMemory', () => {
  it('gives a restarted worker the keys each page showed, and writes nothing when they are unchanged', async () => {
    const session = sessionMemory();
    const pages = new PageMemory(session.memory);
    await pages.remember('http://oa.example', '/todo', ['a', 'b']);
    await pages.remember('http://oa.example', '/todo', ['a', 'b']);
    expect(session.writes()).toBe(1);
    const restarted = new PageMemory(session.memory);
    expect(await restarted.keys('http://oa.example', '/todo')).toEqual(['a', 'b']);
    expect(await restarted.keys('http://oa.example', '/other')).toEqual([]);
  });

  it(`keeps the ${MAX_PAGES} pages shown last and drops the stored keys of older ones`, async () => {
    const session = sessionMemory();
    const pages = new PageMemory(session.memory);
    for (let i = 0; i <= MAX_PAGES; i++) await pages.remember('http://oa.example', `/p${i}`, [`k${i}`]);
    const restarted = new PageMemory(session.memory);
    expect(await restarted.keys('http://oa.example', '/p0')).toEqual([]);
    expect(await restarted.keys('http://oa.example', `/p${MAX_PAGES}`)).toEqual([`k${MAX_PAGES}`]);
    expect([...session.items.keys()].filter((k) => k.startsWith('page:'))).toHaveLength(MAX_PAGES);
  });

  it('ignores what it cannot read', async () => {
    const session = sessionMemory();
    session.items.set('pages', ['http://oa.example/todo']);
    session.items.set('page:http://oa.example/todo', [1, 2]);
    expect(await new PageMemory(session.memory).keys('http://oa.example', '/todo')).toEqual([]);
  });
});

describe('site/config carries the views of the tasks a page showed last', () => {
  const OA = 'http://oa.example.gov.cn';
  const caller = { kind: 'content' as const, origin: OA, tabId: 3, frameId: 0 };
  const row = (nativeId: string, title: string): RowReport => ({ nativeId, title, fields: {} });

  it('after a reload and after a worker restart, with the current phases; only for that origin and path', async () => {
    const db = await freshDb();
    const session = sessionMemory();
    let clock = 1_700_000_000_000;
    const services = createServices(db, fakeEffects({ tabMemory: session.memory }), () => ++clock);
    await services.ready;
    const views = await services.reportRows(caller, { type: 'rows/report', adapterId: 'ecology9', product: '泛微 e-cology 9', confidence: 'product', rows: [row('1', '关于做好2024年防汛抗旱工作的通知'), row('2', '公务用车使用申请')] });
    const keys = views.map((v) => v.key);
    await services.pageStatus(caller, { type: 'page/status', product: 'ecology9', adapterIds: ['ecology9'], rows: 2, lists: 1, path: '/todo', keys });
    await services.settled();
    await services.setPhase(keys[0]!, 'plan', true, undefined);

    const known = await services.knownViews(OA, '/todo');
    expect(known.map((v) => [v.key, v.phases])).toEqual([[keys[0], 1], [keys[1], 0]]);
    expect(await services.knownViews(OA, '/done')).toEqual([]);
    expect(await services.knownViews('http://evil.example', '/todo')).toEqual([]);

    // The worker stopped: a new one on the same store and session storage.
    const restarted = createServices(db, fakeEffects({ tabMemory: session.memory }), () => ++clock);
    await restarted.ready;
    expect((await restarted.knownViews(OA, '/todo')).map((v) => [v.key, v.category, v.phases])).toEqual([
      [keys[0], 'emergency', 1],
      [keys[1], 'admin', 0],
    ]);
  });
});
