// Forged messages of every contract type (generated from the contract module) from every sender a
// hostile page can be: a content script of an enabled site (privileged types, another site's
// tasks), a content script in a frame of a site that isn't enabled, panel.html framed by a website
// without a token, with a wrong token, with another tab's token; and a foreign extension. The real
// router and frame tokens, services that record what reached them.
import { describe, expect, it, vi } from 'vitest';
import { createRouter, type RongheServices } from '@/utils/background/router';
import { createFrameTokens } from '@/utils/background/frame-token';
import { CONTENT_SCRIPT_MESSAGES, type ToBackground } from '@/utils/messages/to-background';
import { DEFAULT_SETTINGS } from '@/utils/model';
import { CONTRACT_TYPES, contractSamples } from './contract-samples';

const RUNTIME = 'ronghe-id';
const EXT = `chrome-extension://${RUNTIME}`;
const OA = 'http://oa.example.gov.cn';
const EVIL = 'http://evil.example';

function recordingServices() {
  const reached: string[] = [];
  const handler = {
    get(_: object, name: string) {
      if (name === 'isSiteEnabled') return async (origin: string) => origin === OA;
      if (name === 'taskOrigin') return async (key: string) => (key.startsWith('own') ? OA : key.startsWith('other') ? EVIL : null);
      if (name === 'siteConfig') return async () => ({ adapterOverride: null, selectors: null, panelWidth: 380, panelMode: 'overlay' });
      if (name === 'getSettings') return async () => { reached.push(name); return DEFAULT_SETTINGS; };
      if (name === 'tasksForTab' || name === 'tasksList') return async () => { reached.push(name); return { items: [], frames: [] }; };
      return vi.fn(async () => { reached.push(name); return {}; });
    },
  };
  return { services: new Proxy({}, handler) as RongheServices, reached };
}

function memoryKeys() {
  let key: string | null = null;
  return { get: async () => key, set: async (k: string) => void (key = k) };
}

describe('forged messages of every contract type', () => {
  it('the generator covers every type of the contract', () => {
    const samples = contractSamples({ taskKey: 'own-1', tabId: 7, origin: OA });
    expect(samples.map((m) => m.type)).toEqual(CONTRACT_TYPES);
    expect(CONTRACT_TYPES.length).toBeGreaterThanOrEqual(30);
  });

  it('refuses every one of them from every sender a hostile page can be', async () => {
    const tokens = createFrameTokens(memoryKeys());
    const { services, reached } = recordingServices();
    const route = createRouter(services, RUNTIME, EXT, tokens);
    const ownToken = await tokens.issue(7, OA);
    const otherTabToken = await tokens.issue(8, OA);

    const contentOA = { id: RUNTIME, url: `${OA}/list`, origin: OA, tab: { id: 7, url: `${OA}/list` }, frameId: 0 };
    const contentEvilFrame = { id: RUNTIME, url: `${EVIL}/ad`, origin: EVIL, tab: { id: 7, url: `${OA}/list` }, frameId: 4 };
    // panel.html in a website the extension has no access to: the browser gives no tab url.
    const framedInEvil = { id: RUNTIME, url: `${EXT}/panel.html?mode=tab`, origin: EXT, tab: { id: 9 }, frameId: 2 };
    // panel.html framed by a third-party frame inside an enabled OA page.
    const framedInOA = { id: RUNTIME, url: `${EXT}/panel.html?mode=tab`, origin: EXT, tab: { id: 7, url: `${OA}/list` }, frameId: 5 };
    const foreign = { id: 'another-extension', url: `chrome-extension://another-extension/x.html` };

    let sent = 0;
    let accepted = 0;
    const expectRefused = async (message: unknown, sender: object) => {
      sent++;
      const reply = await route(message, sender);
      if (reply.ok) accepted++;
      expect(reply, JSON.stringify(message).slice(0, 120)).toMatchObject({ ok: false });
    };

    const own = contractSamples({ taskKey: 'own-1', tabId: 7, origin: OA });
    const other = contractSamples({ taskKey: 'other-1', tabId: 8, origin: EVIL });
    for (const message of own) {
      // Privileged types from a content script of an enabled site.
      if (!CONTENT_SCRIPT_MESSAGES.has(message.type)) await expectRefused(message, contentOA);
      // Everything from a content script in a frame of a site that isn't enabled.
      await expectRefused(message, contentEvilFrame);
      // Everything from panel.html framed by a website: without a token, with a forged one, and
      // in an enabled page's third-party frame with another tab's token.
      await expectRefused(message, framedInEvil);
      await expectRefused({ ...message, host: ownToken }, framedInEvil);
      await expectRefused({ ...message, host: 'f'.repeat(64) }, framedInOA);
      await expectRefused({ ...message, host: otherTabToken }, framedInOA);
      await expectRefused(message, foreign);
    }
    for (const message of other) {
      // A content script of an enabled site acting on another site's task, or another tab.
      if ('taskKey' in message && message.taskKey) await expectRefused(message, contentOA);
      // The framed panel with its own valid token, reaching for another tab or another site.
      if (('taskKey' in message && message.taskKey) || (message.type === 'tasks/for-tab')) await expectRefused({ ...message, host: ownToken }, framedInOA);
    }
    expect(accepted).toBe(0);
    expect(sent).toBeGreaterThan(200);
    // Nothing reached a service except the harmless reads a refusal may need.
    expect(reached).toEqual([]);
    console.info(`[forged] ${sent} forged messages of ${CONTRACT_TYPES.length} types sent, ${accepted} accepted`);
  });

  it('our own framed panel, with its tab token, gets its own tab only', async () => {
    const tokens = createFrameTokens(memoryKeys());
    const { services, reached } = recordingServices();
    const route = createRouter(services, RUNTIME, EXT, tokens);
    const host = await tokens.issue(7, OA);
    const panel = { id: RUNTIME, url: `${EXT}/panel.html?host=${host}`, origin: EXT, tab: { id: 7, url: `${OA}/list` }, frameId: 5 };
    expect((await route({ type: 'tasks/for-tab', host } as ToBackground, panel)).ok).toBe(true);
    expect((await route({ type: 'task/set-phase', taskKey: 'own-1', phase: 'plan', done: true, host } as ToBackground, panel)).ok).toBe(true);
    expect((await route({ type: 'tasks/list', period: 'all', host } as ToBackground, panel)).ok).toBe(false);
    expect(reached).toEqual(['tasksForTab', 'setPhase']);
    // A token survives a restarted worker: same key store, new token object.
    const again = createRouter(services, RUNTIME, EXT, tokens);
    expect((await again({ type: 'settings/get', host } as ToBackground, panel)).ok).toBe(true);
  });

  it('the content script of the top frame learns its panel token; child frames do not', async () => {
    const tokens = createFrameTokens(memoryKeys());
    const { services } = recordingServices();
    const route = createRouter(services, RUNTIME, EXT, tokens);
    const top = { id: RUNTIME, url: `${OA}/list`, origin: OA, tab: { id: 7, url: `${OA}/list` }, frameId: 0 };
    const reply = (await route({ type: 'site/config' }, top)) as { ok: true; data: { panelToken?: string } };
    expect(await tokens.verify(reply.data.panelToken!, 7, OA)).toBe(true);
    const child = (await route({ type: 'site/config' }, { ...top, frameId: 3 })) as { ok: true; data: { panelToken?: string } };
    expect(child.data.panelToken).toBeUndefined();
  });
});
