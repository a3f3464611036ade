// 待确认 end to end in the background: the engine's unsure flag reaches the stored tag and its view;
// 确认 clears it without changing the tag; a correction clears it; undoing the correction brings
// the machine's own (unsure) tag back. A restarted worker reads the same from the store.
import { describe, expect, it } from 'vitest';
import { createServices, type Effects } from '@/utils/background/services';
import { createMatcher } from '@/utils/tagging';
import { DEFAULT_CATALOG } from '@/utils/catalog/default-catalog';
import type { TagView } from '@/utils/messages/to-content';
import type { RowReport } from '@/utils/model';
import * as store from '@/utils/store';
import { freshDb } from '../store/helpers';
import { fakeEffects } from './fake-effects';

const OA = 'http://oa.example.gov.cn';
const caller = { kind: 'content' as const, origin: OA, tabId: 3, frameId: 0 };
const row = (nativeId: string, title: string): RowReport => ({ nativeId, title, fields: {} });
const report = (rows: RowReport[]) => ({ type: 'rows/report' as const, adapterId: 'ecology9', product: '泛微 e-cology 9', confidence: 'product' as const, rows });

const VAGUE = '关于有关事项的通知';
const CLEAR = '关于做好2024年防汛抗旱工作的通知';

function effects(broadcasts: TagView[][]): Effects {
  return fakeEffects({ broadcast: (views) => void broadcasts.push(views) });
}

async function setup() {
  const db = await freshDb();
  let clock = 1_700_000_000_000;
  const broadcasts: TagView[][] = [];
  const services = createServices(db, effects(broadcasts), () => ++clock);
  await services.ready;
  return { db, services, broadcasts, restart: async () => {
    const again = createServices(db, effects(broadcasts), () => ++clock);
    await again.ready;
    return again;
  } };
}

describe('待确认 in the background', () => {
  it('the engine flags the vague title and not the clear one (the premise of these tests)', () => {
    const match = createMatcher(DEFAULT_CATALOG, []);
    expect(match({ title: VAGUE }).unsure).toBe(true);
    expect(match({ title: CLEAR }).unsure).toBe(false);
  });

  it('stores the flag with the tag and shows it in the view; a restarted worker sees it too', async () => {
    const { db, services, restart } = await setup();
    const [vague, clear] = await services.reportRows(caller, report([row('1', VAGUE), row('2', CLEAR)]));
    expect(vague!.unsure).toBe(true);
    expect(clear!.unsure).toBeUndefined();
    await services.settled();
    expect((await store.getTag(db, vague!.key))?.unsure).toBe(true);
    // The stored record of a sure tag has no unsure field at all (no migration, no bigger records).
    expect('unsure' in (await store.getTag(db, clear!.key))!).toBe(false);
    const again = await restart();
    const [seen] = await again.reportRows(caller, report([row('1', VAGUE)]));
    expect(seen!.unsure).toBe(true);
  });

  it('确认 clears the flag, keeps the tag, broadcasts the view and survives a restart', async () => {
    const { db, services, broadcasts, restart } = await setup();
    const [vague] = await services.reportRows(caller, report([row('1', VAGUE)]));
    await services.settled();
    const before = await store.getTag(db, vague!.key);
    const confirmed = await services.confirm(vague!.key);
    expect(confirmed.unsure).toBeUndefined();
    expect([confirmed.category, confirmed.action, confirmed.source]).toEqual([vague!.category, vague!.action, 'auto']);
    expect(broadcasts.at(-1)).toEqual([confirmed]);
    const after = await store.getTag(db, vague!.key);
    expect(after?.unsure).toBeUndefined();
    expect({ ...after, updatedAt: 0 }).toEqual({ ...before, unsure: undefined, updatedAt: 0 });
    // No 'retagged' event: nothing about the tag changed but the flag.
    expect((await store.listEvents(db, { taskKey: vague!.key })).map((e) => e.type)).not.toContain('retagged');
    const again = await restart();
    const [seen] = await again.reportRows(caller, report([row('1', VAGUE)]));
    expect(seen!.unsure).toBeUndefined();
    // Confirming twice is harmless.
    expect((await again.confirm(vague!.key)).unsure).toBeUndefined();
  });

  it('a correction clears it; undoing the correction brings the machine tag back, unsure again', async () => {
    const { db, services } = await setup();
    const [vague] = await services.reportRows(caller, report([row('1', VAGUE)]));
    await services.settled();
    const [corrected] = await services.correct(vague!.key, 'research', 'joint-planning');
    expect(corrected!.unsure).toBeUndefined();
    expect((await store.getTag(db, vague!.key))?.unsure).toBeUndefined();
    const [undone] = await services.uncorrect(vague!.key);
    expect(undone!.unsure).toBe(true);
    expect(undone!.source).toBe('auto');
  });

  it('confirming an unknown task is a not-found error', async () => {
    const { services } = await setup();
    await expect(services.confirm('http://oa.example.gov.cn|ecology9|nope')).rejects.toThrow();
  });
});
