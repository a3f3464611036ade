// The background behaviour with a real (fake-indexeddb) store and recorded effects.
import { describe, expect, it, vi } from 'vitest';
import { createServices, type Effects } from '@/utils/background/services';
import { taskKey } from '@/utils/adapters/task-key';
import type { TagView } from '@/utils/messages/to-content';
import type { RowReport } from '@/utils/model';
import * as store from '@/utils/store';
import { toBackup } from '@/utils/ledger/json-backup';
import { freshDb } from '../store/helpers';
import { classify } from '@/utils/tagging';
import { DEFAULT_CATALOG } from '@/utils/catalog/default-catalog';
import type { Catalog } from '@/utils/model';
import { fakeEffects } from './fake-effects';

const OA = 'http://oa.example.gov.cn';

function effects(overrides: Partial<Effects> = {}) {
  const broadcasts: TagView[][] = [];
  const fx = fakeEffects({ broadcast: (views) => void broadcasts.push(views), testSelectors: vi.fn(async () => 3), ...overrides });
  return { fx, broadcasts };
}

const caller = { kind: 'content' as const, origin: OA, tabId: 3, frameId: 0 };
const row = (nativeId: string, title: string, fields: RowReport['fields'] = {}): RowReport => ({ nativeId, title, fields });
const report = (rows: RowReport[]) => ({ type: 'rows/report' as const, adapterId: 'ecology9', product: '泛微 e-cology 9', confidence: 'product' as const, rows });

async function setup(overrides: Partial<Effects> = {}) {
  const db = await freshDb();
  let clock = 1_700_000_000_000;
  const { fx, broadcasts } = effects(overrides);
  const services = createServices(db, fx, () => ++clock);
  await services.ready;
  return { db, services, fx, broadcasts };
}

describe('background services', () => {
  it('tags reported rows, keys them by the sender origin, and stores them', async () => {
    const { db, services } = await setup();
    const views = await services.reportRows(caller, report([row('1', '关于做好2024年防汛抗旱工作的通知'), row('2', '公务用车使用申请')]));
    expect(views.map((v) => [v.category, v.action, v.phases])).toEqual([
      ['emergency', 'commando-team', 0],
      ['admin', null, 0],
    ]);
    expect(views[0]!.key).toBe(taskKey(OA, 'ecology9', row('1', '')));
    await services.settled();
    const stored = await store.getTask(db, views[0]!.key);
    expect(stored?.origin).toBe(OA);
    expect((await store.getTag(db, views[0]!.key))?.category).toBe('emergency');
  });

  it('a re-scan neither duplicates nor overwrites progress', async () => {
    const { db, services } = await setup();
    const [first] = await services.reportRows(caller, report([row('1', '关于召开全市防汛工作会议的通知')]));
    await services.settled();
    await services.setPhase(first!.key, 'plan', true, '已纳入支部会议议题');
    const [again] = await services.reportRows(caller, report([row('1', '关于召开全市防汛工作会议的通知')]));
    expect(again!.phases).toBe(1);
    await services.settled();
    expect((await store.exportAll(db)).tasks).toHaveLength(1);
  });

  it('setPhase updates the tag, the event log and broadcasts the new view', async () => {
    const { db, services, broadcasts } = await setup();
    const [view] = await services.reportRows(caller, report([row('1', '关于开展食品安全专项执法检查的通知')]));
    const updated = await services.setPhase(view!.key, 'deploy', true, undefined);
    expect(updated.phases).toBe(1);
    expect(broadcasts.at(-1)).toEqual([updated]);
    const events = await store.listEvents(db, { taskKey: view!.key });
    expect(events.map((e) => e.type)).toContain('phase-done');
  });

  it('a correction teaches: similar tasks follow at once, unrelated ones do not, undo restores', async () => {
    const { services, broadcasts } = await setup();
    const views = await services.reportRows(
      caller,
      report([
        row('1', '关于报送第三季度机关节能降耗台账的通知'),
        row('2', '关于报送第四季度机关节能降耗台账的通知'),
        row('3', '关于做好2024年防汛抗旱工作的通知'),
      ]),
    );
    await services.settled();
    const changed = await services.correct(views[0]!.key, 'finance', 'integrity-education');
    expect(changed.map((v) => v.key).sort()).toEqual([views[0]!.key, views[1]!.key].sort());
    expect(changed.every((v) => v.category === 'finance')).toBe(true);
    expect(broadcasts.at(-1)).toEqual(changed);
    // Later pages follow the rule too.
    const [later] = await services.reportRows(caller, report([row('9', '关于报送第一季度机关节能降耗台账的通知')]));
    expect(later!.category).toBe('finance');
    // Undo: the rule goes, and the tasks that followed it are tagged afresh.
    const undone = await services.uncorrect(views[0]!.key);
    expect(undone.length).toBeGreaterThanOrEqual(2);
    expect(await services.listRules()).toEqual([]);
    expect(undone.find((v) => v.key === views[1]!.key)?.source).toBe('auto');
  });

  it('counts progress from the store for the badge', async () => {
    const { services } = await setup();
    const [view] = await services.reportRows(caller, report([row('1', '关于举办全市统计业务培训班的通知'), row('2', '督查通报（第5期）')]));
    for (const phase of ['plan', 'deploy', 'implement', 'inspect'] as const) await services.setPhase(view!.key, phase, true, undefined);
    await services.settled();
    const progress = (await services.progress('all', undefined)) as { tagged: number; integrated: number };
    expect(progress).toMatchObject({ tagged: 2, integrated: 1 });
    // Without a period: the settings' period, and the reply says which, with the UI locale.
    expect(await services.progress(undefined, undefined)).toMatchObject({ tagged: 2, integrated: 1, period: 'year', locale: 'auto' });
  });

  it('policy sites are enabled and locked; policy catalog and settings are locked', async () => {
    const { services } = await setup({
      readPolicy: async () => ({ policy: { sites: ['http://oa.policy.gov.cn:8080'], lockedSettings: ['period'] }, error: null }),
    });
    expect(await services.isSiteEnabled('http://oa.policy.gov.cn:9999')).toBe(true);
    await expect(services.setSite('http://oa.policy.gov.cn', { enabled: false })).rejects.toThrow();
    await expect(services.removeSite('http://oa.policy.gov.cn')).rejects.toThrow();
    await expect(services.setSettings({ period: 'week' })).rejects.toThrow();
    await expect(services.setSettings({ panelWidth: 420 })).resolves.toMatchObject({ panelWidth: 420 });
  });

  it('enabling a site registers it and starts tagging in the tab', async () => {
    const { services, fx } = await setup();
    const site = await services.enableSite('http://10.1.2.3:8080', null, 12);
    expect(site.origin).toBe('http://10.1.2.3');
    expect(fx.registerSite).toHaveBeenCalledWith(site);
    expect(fx.injectNow).toHaveBeenCalledWith(12);
    expect(await services.isSiteEnabled('http://10.1.2.3:8080')).toBe(true);
  });

  it('names the catalog without its lexicon for pages that only need names', async () => {
    const { services } = await setup();
    const full = await services.getCatalog(true);
    const named = await services.getCatalog(false);
    expect(full.lexicon.length).toBeGreaterThan(1000);
    expect(named.lexicon).toEqual([]);
    expect(named.categories).toEqual(full.categories);
    expect(named.actions).toEqual(full.actions);
  });

  it('answers progress from memory only until the next write: every write path shows at once', async () => {
    const { db, services } = await setup();
    const fresh = async () => {
      await services.settled();
      const all = (await services.progress('all', undefined)) as store.Progress;
      expect(all).toEqual(await store.progressByDay(db, {}));
      return all;
    };
    expect((await fresh()).tagged).toBe(0);
    const views = await services.reportRows(caller, report([row('1', '关于做好2024年防汛抗旱工作的通知'), row('2', '关于做好2024年防汛抗旱工作的补充通知')]));
    expect((await fresh()).tagged).toBe(2);
    await services.setPhase(views[0]!.key, 'plan', true, undefined);
    expect((await fresh()).byPhase.plan).toBe(1);
    await services.correct(views[0]!.key, 'finance', 'integrity-education');
    expect((await fresh()).byCategory.finance).toBeGreaterThanOrEqual(1);
    await services.uncorrect(views[0]!.key);
    expect((await fresh()).byCategory.finance ?? 0).toBe(0);
    const text = await toBackup((await services.ledgerQuery()) as store.StoreDump);
    await services.clearAll();
    expect((await fresh()).tagged).toBe(0);
    expect(await services.ledgerImport(text, true)).toMatchObject({ ok: true, applied: true });
    expect((await fresh()).tagged).toBe(2);
  });
  it('answers a page before a slow policy is read, then re-tags those rows with the policy catalog', async () => {
    const db = await freshDb();
    let release: (policy: { policy: { catalog: Catalog }; error: null }) => void = () => {};
    const policyRead = new Promise<{ policy: { catalog: Catalog }; error: null }>((resolve) => (release = resolve));
    const { fx, broadcasts } = effects({ readPolicy: () => policyRead });
    const services = createServices(db, fx, () => 1_700_000_000_000);
    // Right after install the managed policy takes seconds: the rows don't wait for it.
    const [view] = await services.reportRows(caller, report([row('1', '公务用车使用申请')]));
    const task = { title: '公务用车使用申请', fields: {} };
    expect(view!.category).toBe(classify(task, DEFAULT_CATALOG, []).category);
    const catalog: Catalog = { ...DEFAULT_CATALOG, lexicon: [['公务用车', 'party', 60]] };
    const expected = classify(task, catalog, []);
    expect(expected.category).not.toBe(view!.category);
    release({ policy: { catalog }, error: null });
    await services.ready;
    await services.settled();
    expect((await store.getTag(db, view!.key))?.category).toBe(expected.category);
    expect(broadcasts.flat().find((v) => v.key === view!.key)?.category).toBe(expected.category);
  });
});
