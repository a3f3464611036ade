// The panel's writes through a worker that stops at random: before a message arrives ("Could not
// establish connection"), or after it did its work and before it answered ("message channel
// closed"). Each stop starts a new background over the same IndexedDB and session storage, as a
// restarted MV3 worker would. The real client (utils/ui/client.ts), router, services and panel
// store: no acknowledged tick is lost and nothing is shown failed that the store saved.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRouter } from '@/utils/background/router';
import { createServices, type Effects, type Services } from '@/utils/background/services';
import type { TabMemory } from '@/utils/background/services/tab-pages';
import { send, setTransport } from '@/utils/ui/client';
import { createPanelStore } from '@/components/panel/store';
import { PHASE_IDS, type PhaseId, type RowReport } from '@/utils/model';
import type { ToBackground } from '@/utils/messages/to-background';
import * as store from '@/utils/store';
import { freshDb } from '../store/helpers';
import { fakeEffects } from '../background/fake-effects';

const RUNTIME = 'ronghe-id';
const EXT = `chrome-extension://${RUNTIME}`;
const OA = 'http://oa.example.gov.cn';
const TAB = 5;
const contentSender = { id: RUNTIME, url: `${OA}/list`, origin: OA, tab: { id: TAB, url: `${OA}/list` }, frameId: 0 };
const pageSender = { id: RUNTIME, url: `${EXT}/panel.html?mode=side`, origin: EXT };

function sessionArea(): TabMemory {
  const data = new Map<string, string>();
  return {
    async get(key) {
      const v = data.get(key);
      return v === undefined ? {} : { [key]: JSON.parse(v) as unknown };
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, JSON.stringify(v));
    },
    async remove(key) {
      data.delete(key);
    },
  };
}

function effects(tabMemory: TabMemory | undefined, rowTags: Map<string, number>, askFrames?: (tabId: number) => void): Effects {
  return fakeEffects({
    ...(askFrames ? { askFrames } : {}),
    // The row tags of the page: what the content script would show after a broadcast.
    broadcast: (views) => void views.forEach((v) => rowTags.set(v.key, v.phases)),
    ...(tabMemory ? { tabMemory } : {}),
  });
}

afterEach(() => setTransport(null));

// With session storage (Chromium 102+, Firefox 115+), and without it (MV2, older Chromium): then
// the restarted worker asks the tab's frames, and the page's content script reports again.
describe.each([
  { memory: 'storage.session', session: true },
  { memory: 'frames asked again', session: false },
])('writes through a worker that stops at random ($memory)', ({ session: withSession }) => {
  it('loses no acknowledged tick, shows none failed that was saved, and the panel never empties', async () => {
    const db = await freshDb();
    await store.putSite(db, { origin: OA, enabled: true, source: 'user', adapterOverride: null, selectors: null, addedAt: 1 });
    const session = withSession ? sessionArea() : undefined;
    const rowTags = new Map<string, number>();
    let services!: Services;
    let route!: ReturnType<typeof createRouter>;
    let kills = 0;
    let onPage: string[] = [];
    // The page's content script: answers page/report with its page/status (entrypoints/content.ts).
    const askFrames = (tabId: number) => {
      expect(tabId).toBe(TAB);
      queueMicrotask(() => void route({ type: 'page/status', product: 'e9', adapterIds: ['ecology9'], rows: onPage.length, lists: 1, path: '/list', keys: onPage }, contentSender));
    };
    const start = async () => {
      services = createServices(db, effects(session, rowTags, askFrames));
      route = createRouter(services, RUNTIME, EXT);
      await services.ready;
    };
    await start();

    // The page reports its rows once, to the first worker.
    const rows: RowReport[] = Array.from({ length: 8 }, (_, i) => ({ nativeId: String(i), title: `关于做好第${i}批防汛物资调拨工作的通知`, fields: {} }));
    const views = (await route({ type: 'rows/report', adapterId: 'ecology9', product: 'e9', confidence: 'product', rows }, contentSender)) as { ok: true; data: Array<{ key: string }> };
    const keys = views.data.map((v) => v.key);
    onPage = keys;
    await route({ type: 'page/status', product: 'e9', adapterIds: ['ecology9'], rows: 8, lists: 1, path: '/list', keys }, contentSender);
    await services.settled();

    // From here on each message may meet a stopped worker, or stop it mid-answer.
    const fate = fc.sample(fc.constantFrom<'ok' | 'before' | 'after'>('ok', 'ok', 'before', 'after'), { numRuns: 4000, seed: 13 });
    let n = 0;
    setTransport(async (message: ToBackground) => {
      const f = fate[n++ % fate.length];
      if (f === 'before') {
        kills++;
        await start();
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }
      const reply = await route(structuredClone(message), pageSender);
      if (f === 'after') {
        kills++;
        await start();
        throw new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received');
      }
      return structuredClone(reply);
    }, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

    const panel = createPanelStore({ send, mode: 'side', tabId: TAB });
    await panel.load();
    expect(panel.items.value).toHaveLength(8);

    const ticks = fc.sample(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.constantFrom<PhaseId>(...PHASE_IDS), fc.boolean()), { numRuns: 120, seed: 7 });
    const acknowledged = new Map<string, boolean>();
    let shownFailedButSaved = 0;
    for (const [i, phase, done] of ticks) {
      const key = keys[i]!;
      await panel.setPhase(key, phase, done);
      const stored = (await store.getTag(db, key))!.phases[phase].done;
      if (panel.error.value === null) acknowledged.set(`${key}|${phase}`, done);
      else if (stored === done) shownFailedButSaved++;
      // The panel never empties while the page shows its rows, and it shows what the store holds.
      expect(panel.items.value).toHaveLength(8);
      const shown = panel.items.value.find((x) => x.task.key === key)!;
      expect(shown.tag.phases[phase].done).toBe(stored);
    }
    for (const [id, done] of acknowledged) {
      const [key, phase] = id.split('|') as [string, PhaseId];
      expect((await store.getTag(db, key))!.phases[phase].done).toBe(done);
    }
    // Every row tag follows its task's stored phases.
    for (const key of keys) expect(rowTags.get(key) ?? 0).toBe((await store.getTag(db, key))!.phaseCount);
    expect(shownFailedButSaved).toBe(0);
    expect(kills).toBeGreaterThanOrEqual(50);
  }, 30_000);
});
