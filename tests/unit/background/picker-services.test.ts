// 标注本页任务 behind the router: the picker starts only on an enabled site we can read; a frame's
// pick is relayed to its tab; a confirmed pick is saved for the picking frame's own origin, applied
// to that frame at once, and kept in the store.
import { describe, expect, it, vi } from 'vitest';
import { createServices } from '@/utils/background/services';
import { createRouter } from '@/utils/background/router';
import * as store from '@/utils/store';
import { freshDb } from '../store/helpers';
import { fakeEffects } from './fake-effects';

const OA = 'http://oa.example.gov.cn';
const FRAMED = 'http://10.1.2.3:8080';
const EXT = 'chrome-extension://abc';
const popup = { id: 'abc', url: `${EXT}/popup.html` };
const SELECTORS = { listRoot: '#flowBox', row: ':scope > div.flow-card', title: 'span.flow-name' };

async function setup(urls: Record<number, string>) {
  const db = await freshDb();
  const effects = fakeEffects({ broadcast: () => undefined, tabUrl: vi.fn(async (tabId: number) => urls[tabId] ?? null) });
  const services = createServices(db, effects, () => 1_780_000_000_000);
  await services.ready;
  const route = createRouter(services, 'abc', EXT);
  await route({ type: 'site/enable', origin: OA }, popup);
  await route({ type: 'site/enable', origin: FRAMED }, popup);
  return { db, effects, route };
}

describe('picker services', () => {
  it('starts only in a tab whose site is enabled and readable', async () => {
    const { effects, route } = await setup({ 1: `${OA}/list`, 2: 'http://elsewhere.example/', 3: 'chrome://newtab/' });
    expect(await route({ type: 'picker/start', tabId: 1 }, popup)).toEqual({ ok: true, data: { started: true } });
    expect(effects.injectPicker).toHaveBeenCalledWith(1);
    expect(await route({ type: 'picker/start', tabId: 2 }, popup)).toEqual({ ok: true, data: { started: false, reason: 'disabled' } });
    expect(await route({ type: 'picker/start', tabId: 3 }, popup)).toEqual({ ok: true, data: { started: false, reason: 'not-web' } });
    expect(await route({ type: 'picker/start', tabId: 4 }, popup)).toEqual({ ok: true, data: { started: false, reason: 'not-web' } });
    vi.mocked(effects.hasHostAccess).mockResolvedValueOnce(false);
    expect(await route({ type: 'picker/start', tabId: 1 }, popup)).toEqual({ ok: true, data: { started: false, reason: 'no-access' } });
    expect(effects.injectPicker).toHaveBeenCalledTimes(1);
  });

  it('relays a pick and the toolbar commands to every frame of the tab', async () => {
    const { effects, route } = await setup({ 5: `${OA}/shell` });
    const frame = { id: 'abc', url: `${FRAMED}/list.html`, origin: FRAMED, tab: { id: 5 }, frameId: 2 };
    await route({ type: 'picker/report', pick: 'p1', rows: 4, problem: null }, frame);
    expect(effects.toPicker).toHaveBeenLastCalledWith(5, { type: 'picker/status', pick: 'p1', rows: 4, problem: null });
    await route({ type: 'picker/command', command: 'repick' }, frame);
    expect(effects.toPicker).toHaveBeenLastCalledWith(5, { type: 'picker/status', pick: null, rows: 0, problem: null });
    await route({ type: 'picker/command', command: 'confirm' }, frame);
    expect(effects.toPicker).toHaveBeenLastCalledWith(5, { type: 'picker/confirm' });
    await route({ type: 'picker/command', command: 'cancel' }, frame);
    expect(effects.toPicker).toHaveBeenLastCalledWith(5, { type: 'picker/end', saved: null });
  });

  it("saves a confirmed pick for the picking frame's own site, tells that frame, and ends the pick", async () => {
    const { db, effects, route } = await setup({ 5: `${OA}/shell` });
    const frame = { id: 'abc', url: `${FRAMED}/list.html`, origin: FRAMED, tab: { id: 5 }, frameId: 2 };
    const reply = await route({ type: 'picker/save', selectors: SELECTORS, rows: 5 }, frame);
    expect(reply.ok).toBe(true);
    // The port doesn't matter to a site (host permissions don't see ports); the shell's site is untouched.
    expect((await store.getSite(db, 'http://10.1.2.3'))?.selectors).toEqual(SELECTORS);
    expect((await store.getSite(db, OA))?.selectors).toBeNull();
    expect(effects.applySelectors).toHaveBeenCalledWith(5, 2, SELECTORS);
    expect(effects.toPicker).toHaveBeenLastCalledWith(5, { type: 'picker/end', saved: 5 });
    // What the content script of that site learns at its next start.
    const config = await route({ type: 'site/config' }, frame);
    expect(config).toMatchObject({ ok: true, data: { selectors: SELECTORS } });
  });
});
