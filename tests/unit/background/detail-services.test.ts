// The 台账 fields through the router: extension pages only, defaults from the OA and settings,
// acknowledged after commit, carried by ledger/query and through a backup import.
import { describe, expect, it } from 'vitest';
import { createServices, type Effects } from '@/utils/background/services';
import { createRouter, ERRORS } from '@/utils/background/router';
import * as store from '@/utils/store';
import { freshDb } from '../store/helpers';
import { fakeEffects } from './fake-effects';

const OA = 'http://oa.example.gov.cn';
const EXT = 'chrome-extension://abc';
const page = { id: 'abc', url: `${EXT}/panel.html` };
const content = { id: 'abc', url: `${OA}/x`, origin: OA, tab: { id: 3 }, frameId: 0 };

function fx(): Effects {
  return fakeEffects({ broadcast: () => undefined });
}

describe('task/detail and task/set-detail', () => {
  it('reads defaults, saves a patch, refuses content scripts, and travels in ledger/query', async () => {
    const db = await freshDb();
    const services = createServices(db, fx(), () => 1_780_000_000_000);
    await services.ready;
    const route = createRouter(services, 'abc', EXT);
    const [view] = await services.reportRows({ kind: 'content', origin: OA, tabId: 3, frameId: 0 }, {
      type: 'rows/report', adapterId: 'seeyon', product: '致远', confidence: 'product',
      rows: [{ nativeId: '1', title: '关于做好防汛工作的通知', fields: { sender: '应急管理处', deadline: '2026-07-01' } }],
    });
    await services.settled();
    await route({ type: 'settings/set', settings: { personName: '张三', branch: '第一支部' } }, page);
    const key = view!.key;

    const first = await route({ type: 'task/detail', taskKey: key }, page);
    expect(first).toEqual({ ok: true, data: { fields: {}, updatedAt: null, defaults: { owner: '张三', ownerDept: '', branch: '第一支部', unit: '', leadDept: '应急管理处', deadline: '2026-07-01' } } });

    const saved = await route({ type: 'task/set-detail', taskKey: key, detail: { members: '李四、王五', evidence: [{ name: '支委会纪要', number: '〔2026〕3号', place: '党办' }] } }, page);
    expect(saved.ok).toBe(true);
    // Acknowledged means committed: a fresh read of the store has it.
    expect(await store.getDetail(db, key)).toMatchObject({ members: '李四、王五', origin: OA });

    expect(await route({ type: 'task/set-detail', taskKey: key, detail: { owner: 'x' } }, content)).toEqual({ ok: false, code: 'forbidden', error: ERRORS.pageOnly });
    expect(await route({ type: 'task/detail', taskKey: key }, content)).toEqual({ ok: false, code: 'forbidden', error: ERRORS.pageOnly });
    expect((await route({ type: 'task/set-detail', taskKey: key, detail: { deadline: 'x'.repeat(41) } }, page)).ok).toBe(false);
    expect(await route({ type: 'task/set-detail', taskKey: 'nope', detail: { owner: 'x' } }, page)).toEqual({ ok: false, code: 'not-found', error: ERRORS.notFound });

    const dump = (await route({ type: 'ledger/query' }, page)) as { ok: true; data: { details: unknown[]; profile: { personName: string } } };
    expect(dump.data.details).toHaveLength(1);
    expect(dump.data.profile.personName).toBe('张三');
  });
});
