import { describe, expect, it, vi } from 'vitest';
import { createRouter, ERRORS, type RongheServices } from '@/utils/background/router';
import { CONTENT_SCRIPT_MESSAGES, ToBackground } from '@/utils/messages/to-background';
import { DEFAULT_SETTINGS } from '@/utils/model';
import { DEFAULT_CATALOG } from '@/utils/catalog/default-catalog';

const RUNTIME_ID = 'ronghe-test-id';
const EXT = 'chrome-extension://ronghe-test-id';
const OA = 'http://oa.example.gov.cn';

function fakeServices(overrides: Partial<RongheServices> = {}): RongheServices {
  return {
    isSiteEnabled: vi.fn(async (origin: string) => origin === OA),
    taskOrigin: vi.fn(async (key: string) => (key.startsWith('own') ? OA : key.startsWith('other') ? 'http://evil.example' : null)),
    reportRows: vi.fn(async () => []),
    pageStatus: vi.fn(async () => ({ tasks: 0 })),
    setPhase: vi.fn(async () => ({}) as never),
    correct: vi.fn(async () => []),
    openPanel: vi.fn(async () => undefined),
    tasksForTab: vi.fn(async () => ({ items: [], frames: [] })),
    progress: vi.fn(async () => ({})),
    getSettings: vi.fn(async () => DEFAULT_SETTINGS),
    setSettings: vi.fn(async () => DEFAULT_SETTINGS),
    listRules: vi.fn(async () => []),
    deleteRule: vi.fn(async () => undefined),
    clearAll: vi.fn(async () => undefined),
    enableSite: vi.fn(async () => ({}) as never),
    listSites: vi.fn(async () => []),
    uncorrect: vi.fn(async () => []),
    confirm: vi.fn(async () => ({}) as never),
    tasksList: vi.fn(async () => ({ items: [], frames: [] })),
    putRule: vi.fn(async () => undefined),
    getCatalog: vi.fn(async () => ({}) as never),
    setCatalog: vi.fn(async () => ({}) as never),
    setSite: vi.fn(async () => ({}) as never),
    removeSite: vi.fn(async () => undefined),
    tabStatus: vi.fn(async () => ({})),
    policy: vi.fn(async () => ({})),
    ledgerQuery: vi.fn(async () => ({})),
    ledgerImport: vi.fn(async () => ({})),
    ledgerExported: vi.fn(async () => DEFAULT_SETTINGS),
    backupStatus: vi.fn(async () => ({})),
    getDetail: vi.fn(async () => ({})),
    setDetail: vi.fn(async () => ({ taskKey: 'k', origin: 'http://a', updatedAt: 1 })),
    knownViews: vi.fn(async () => []),
    siteConfig: vi.fn(async () => ({ adapterOverride: null, selectors: null, panelWidth: 380, panelMode: 'overlay' as const })),
    testSelectors: vi.fn(async () => ({ rows: 0 })),
    startPicker: vi.fn(async () => ({ started: true as const })),
    pickerReport: vi.fn(async () => undefined),
    pickerCommand: vi.fn(async () => undefined),
    pickerSave: vi.fn(async () => ({}) as never),
    ...overrides,
  };
}

const content = { id: RUNTIME_ID, url: `${OA}/wui/index.html`, origin: OA, tab: { id: 7 }, frameId: 0 };
const page = { id: RUNTIME_ID, url: `${EXT}/popup.html` };

/** One valid example of every message type. */
const EXAMPLES: Record<ToBackground['type'], ToBackground> = {
  'rows/report': { type: 'rows/report', adapterId: 'ecology9', product: '泛微 e-cology 9', confidence: 'product', rows: [{ nativeId: '1', title: '关于做好防汛工作的通知', fields: {} }] },
  'page/status': { type: 'page/status', product: null, adapterIds: [], rows: 0, lists: 0, path: '/', keys: [] },
  'task/set-phase': { type: 'task/set-phase', taskKey: 'own-1', phase: 'plan', done: true },
  'task/correct': { type: 'task/correct', taskKey: 'own-1', category: 'emergency', action: 'commando-team' },
  'panel/open': { type: 'panel/open', taskKey: 'own-1' },
  'tasks/for-tab': { type: 'tasks/for-tab', tabId: 7 },
  'progress/get': { type: 'progress/get', period: 'year' },
  'settings/get': { type: 'settings/get' },
  'settings/set': { type: 'settings/set', settings: { panelWidth: 400 } },
  'rules/list': { type: 'rules/list' },
  'rules/delete': { type: 'rules/delete', id: 'r1' },
  'data/clear': { type: 'data/clear', confirm: '清空' },
  'site/enable': { type: 'site/enable', origin: 'http://10.0.0.8:8080' },
  'sites/list': { type: 'sites/list' },
  'tasks/list': { type: 'tasks/list', period: 'month' },
  'task/uncorrect': { type: 'task/uncorrect', taskKey: 'own-1' },
  'task/confirm': { type: 'task/confirm', taskKey: 'own-1' },
  'catalog/get': { type: 'catalog/get' },
  'catalog/set': { type: 'catalog/set', catalog: DEFAULT_CATALOG },
  'catalog/reset': { type: 'catalog/reset' },
  'rules/put': { type: 'rules/put', rule: { id: 'r1', title: '关于报送安全台账的通知', signature: '报送安全台账', category: 'emergency', action: 'commando-team', createdAt: 1, source: 'user' } },
  'tab/status': { type: 'tab/status', tabId: 7, url: 'http://oa.example.gov.cn/x' },
  'site/set': { type: 'site/set', origin: 'http://10.0.0.8:8080', enabled: false },
  'site/remove': { type: 'site/remove', origin: 'http://10.0.0.8:8080' },
  'policy/get': { type: 'policy/get' },
  'ledger/query': { type: 'ledger/query' },
  'ledger/import': { type: 'ledger/import', text: '{}', apply: false },
  'ledger/exported': { type: 'ledger/exported' },
  'backup/status': { type: 'backup/status' },
  'site/config': { type: 'site/config', path: '/todo' },
  'selectors/test': { type: 'selectors/test', tabId: 7, selectors: { row: 'tr', title: 'a' } },
  'task/detail': { type: 'task/detail', taskKey: 'own-1' },
  'task/set-detail': { type: 'task/set-detail', taskKey: 'own-1', detail: { owner: '张三', deadline: '2026-06-30' } },
  'picker/start': { type: 'picker/start', tabId: 7 },
  'picker/report': { type: 'picker/report', pick: 'p1', rows: 12, problem: null },
  'picker/command': { type: 'picker/command', command: 'confirm' },
  'picker/save': { type: 'picker/save', selectors: { listRoot: '#list > tbody', row: ':scope > tr', title: 'a' }, rows: 12 },
};


describe('router', () => {
  it('has a valid example for every message type', () => {
    for (const example of Object.values(EXAMPLES)) expect(ToBackground.safeParse(example).success).toBe(true);
  });

  it('refuses every privileged message from a content script, without calling a service', async () => {
    const services = fakeServices();
    const route = createRouter(services, RUNTIME_ID, EXT);
    const privileged = Object.values(EXAMPLES).filter((m) => !CONTENT_SCRIPT_MESSAGES.has(m.type));
    expect(privileged.length).toBeGreaterThanOrEqual(9);
    for (const message of privileged) {
      expect(await route(message, content)).toEqual({ ok: false, code: 'forbidden', error: ERRORS.pageOnly });
    }
    for (const fn of ['confirm', 'clearAll', 'setSettings', 'deleteRule', 'enableSite', 'listRules', 'progress', 'tasksForTab', 'ledgerQuery', 'ledgerImport', 'setCatalog', 'setSite', 'removeSite', 'putRule', 'getDetail', 'setDetail'] as const) {
      expect(services[fn]).not.toHaveBeenCalled();
    }
  });

  it("site/config gives a frame the known views of its own origin's page, never another's", async () => {
    const known = [{ key: 'own-1', category: 'emergency', action: null, categoryName: '应急', label: '应急', actionName: null, phases: 1, confidence: 1, source: 'auto', evidence: [] }];
    const services = fakeServices({ knownViews: vi.fn(async () => known) });
    const route = createRouter(services, RUNTIME_ID, EXT);
    const reply = (await route({ type: 'site/config', path: '/todo' }, content)) as { ok: true; data: { known?: unknown } };
    expect(reply.data.known).toEqual(known);
    expect(services.knownViews).toHaveBeenCalledWith(OA, '/todo');
    expect(await route({ type: 'site/config', path: '/todo' }, { ...content, url: 'http://evil.example/todo', origin: 'http://evil.example' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(services.knownViews).toHaveBeenCalledTimes(1);
  });

  it('accepts content messages about its own origin and passes the sender, not the payload', async () => {
    const services = fakeServices();
    const route = createRouter(services, RUNTIME_ID, EXT);
    expect(await route(EXAMPLES['rows/report'], content)).toEqual({ ok: true, data: [] });
    expect(services.reportRows).toHaveBeenCalledWith({ kind: 'content', origin: OA, tabId: 7, frameId: 0 }, EXAMPLES['rows/report']);
    expect((await route(EXAMPLES['task/set-phase'], content)).ok).toBe(true);
  });

  it("refuses a content script acting on another origin's task", async () => {
    const services = fakeServices();
    const route = createRouter(services, RUNTIME_ID, EXT);
    const reply = await route({ type: 'task/set-phase', taskKey: 'other-1', phase: 'plan', done: true }, content);
    expect(reply).toEqual({ ok: false, code: 'forbidden', error: ERRORS.otherOrigin });
    expect(services.setPhase).not.toHaveBeenCalled();
  });

  it('refuses content scripts of sites that are not enabled', async () => {
    const route = createRouter(fakeServices(), RUNTIME_ID, EXT);
    const stranger = { ...content, url: 'http://other.example/x', origin: 'http://other.example' };
    expect(await route(EXAMPLES['rows/report'], stranger)).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('refuses rows reported by an extension page (rows describe a page frame)', async () => {
    const services = fakeServices();
    const route = createRouter(services, RUNTIME_ID, EXT);
    expect(await route(EXAMPLES['rows/report'], page)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(services.reportRows).not.toHaveBeenCalled();
  });

  it('accepts privileged messages from extension pages', async () => {
    const services = fakeServices();
    const route = createRouter(services, RUNTIME_ID, EXT);
    expect((await route(EXAMPLES['data/clear'], page)).ok).toBe(true);
    expect(services.clearAll).toHaveBeenCalledOnce();
    expect((await route(EXAMPLES['site/enable'], page)).ok).toBe(true);
    expect(services.enableSite).toHaveBeenCalledWith('http://10.0.0.8:8080', null, null);
  });

  it('refuses other extensions and opaque origins', async () => {
    const route = createRouter(fakeServices(), RUNTIME_ID, EXT);
    expect(await route(EXAMPLES['settings/get'], { ...page, id: 'someone-else' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await route(EXAMPLES['page/status'], { ...content, url: 'about:blank', origin: 'null' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await route(EXAMPLES['page/status'], { ...content, tab: undefined })).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('answers malformed and unknown messages with an error, never a throw', async () => {
    const route = createRouter(fakeServices(), RUNTIME_ID, EXT);
    const bad: unknown[] = [
      null, undefined, 42, 'rows/report', [], {}, { type: 'nope' }, { type: '__proto__' },
      { type: 'rows/report', rows: 'x' },
      { ...EXAMPLES['rows/report'], rows: Array.from({ length: 2001 }, () => ({ nativeId: null, title: 'x', fields: {} })) },
      { type: 'task/set-phase', taskKey: 'own-1', phase: 'celebrate', done: true },
      { type: 'data/clear', confirm: 'yes' },
      { type: 'task/correct', taskKey: 'own-1', category: 'cooking', action: null },
      { type: 'rows/report', adapterId: 'x', product: '', confidence: 'product', rows: [{ nativeId: null, title: 'x'.repeat(501), fields: {} }] },
    ];
    for (const message of bad) {
      expect(await route(message, page)).toEqual({ ok: false, code: 'invalid', error: ERRORS.invalid });
    }
  });

  it('turns a failing service into an error reply', async () => {
    const route = createRouter(fakeServices({ listRules: async () => { throw new Error('disk full'); } }), RUNTIME_ID, EXT);
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await route(EXAMPLES['rules/list'], page)).toEqual({ ok: false, code: 'failed', error: ERRORS.failed });
    spy.mockRestore();
  });
});

describe('标注本页任务: who may start, report and save a pick', () => {
  const subframe = { id: RUNTIME_ID, url: `${OA}/list/frame.html`, origin: OA, tab: { id: 7 }, frameId: 3 };
  const tokens = { issue: async () => 'tok', verify: async (token: string, tabId: number, origin: string) => token === 'tok' && tabId === 7 && origin === OA };
  const framedPanel = { id: RUNTIME_ID, url: `${EXT}/panel.html?host=tok`, tab: { id: 7, url: `${OA}/wui/index.html` }, frameId: 5 };

  it('the popup starts it in the tab it names; the side panel must name one', async () => {
    const services = fakeServices();
    const route = createRouter(services, RUNTIME_ID, EXT);
    expect(await route({ type: 'picker/start', tabId: 9 }, page)).toEqual({ ok: true, data: { started: true } });
    expect(services.startPicker).toHaveBeenCalledWith(9);
    expect(await route({ type: 'picker/start' }, page)).toEqual({ ok: true, data: { started: false, reason: 'no-tab' } });
    expect(services.startPicker).toHaveBeenCalledTimes(1);
  });

  it('the framed panel starts it only in its own tab, with its token', async () => {
    const services = fakeServices();
    const route = createRouter(services, RUNTIME_ID, EXT, tokens);
    expect(await route({ type: 'picker/start', host: 'tok' }, framedPanel)).toEqual({ ok: true, data: { started: true } });
    expect(services.startPicker).toHaveBeenLastCalledWith(7);
    expect(await route({ type: 'picker/start', tabId: 8, host: 'tok' }, framedPanel)).toEqual({ ok: false, code: 'forbidden', error: ERRORS.framed });
    expect(await route({ type: 'picker/start', host: 'forged' }, framedPanel)).toEqual({ ok: false, code: 'forbidden', error: ERRORS.framed });
    expect(services.startPicker).toHaveBeenCalledTimes(1);
  });

  it('a page script may not start the picker', async () => {
    const services = fakeServices();
    const route = createRouter(services, RUNTIME_ID, EXT);
    expect(await route({ type: 'picker/start', tabId: 7 }, content)).toEqual({ ok: false, code: 'forbidden', error: ERRORS.pageOnly });
    expect(services.startPicker).not.toHaveBeenCalled();
  });

  it("a frame saves selectors for its own origin only (the sender's), on an enabled site only", async () => {
    const services = fakeServices();
    const route = createRouter(services, RUNTIME_ID, EXT);
    const save = EXAMPLES['picker/save'];
    expect((await route({ ...save, origin: 'http://evil.example' }, subframe)).ok).toBe(true);
    expect(services.pickerSave).toHaveBeenCalledWith({ kind: 'content', origin: OA, tabId: 7, frameId: 3 }, (save as { selectors: unknown }).selectors, 12);
    const stranger = { ...subframe, url: 'http://other.example/x', origin: 'http://other.example' };
    expect(await route(save, stranger)).toEqual({ ok: false, code: 'forbidden', error: ERRORS.siteDisabled });
    expect(await route(EXAMPLES['picker/report'], stranger)).toEqual({ ok: false, code: 'forbidden', error: ERRORS.siteDisabled });
    expect(await route(EXAMPLES['picker/command'], stranger)).toEqual({ ok: false, code: 'forbidden', error: ERRORS.siteDisabled });
    expect(services.pickerSave).toHaveBeenCalledTimes(1);
  });

  it('reports and commands come from a frame of the tab they act on', async () => {
    const services = fakeServices();
    const route = createRouter(services, RUNTIME_ID, EXT);
    await route(EXAMPLES['picker/report'], subframe);
    expect(services.pickerReport).toHaveBeenCalledWith({ kind: 'content', origin: OA, tabId: 7, frameId: 3 }, EXAMPLES['picker/report']);
    await route({ type: 'picker/command', command: 'cancel' }, content);
    expect(services.pickerCommand).toHaveBeenCalledWith({ kind: 'content', origin: OA, tabId: 7, frameId: 0 }, 'cancel');
  });

  it('extension pages (the framed panel too) can neither report, command nor save a pick', async () => {
    const services = fakeServices();
    const route = createRouter(services, RUNTIME_ID, EXT, tokens);
    for (const type of ['picker/report', 'picker/command', 'picker/save'] as const) {
      expect(await route(EXAMPLES[type], page)).toEqual({ ok: false, code: 'forbidden', error: ERRORS.contentOnly });
      expect(await route({ ...EXAMPLES[type], host: 'tok' }, framedPanel)).toEqual({ ok: false, code: 'forbidden', error: ERRORS.framed });
    }
    expect(services.pickerSave).not.toHaveBeenCalled();
    expect(services.pickerReport).not.toHaveBeenCalled();
    expect(services.pickerCommand).not.toHaveBeenCalled();
  });

  it('refuses malformed picks: bad selectors, unknown problems, unknown commands', async () => {
    const route = createRouter(fakeServices(), RUNTIME_ID, EXT);
    for (const bad of [
      { type: 'picker/save', selectors: { row: '', title: 'a' }, rows: 2 },
      { type: 'picker/save', selectors: { row: 'tr', title: 'a'.repeat(301) }, rows: 2 },
      { type: 'picker/report', pick: 'p', rows: 2, problem: 'menu' },
      { type: 'picker/report', pick: '', rows: 2, problem: null },
      { type: 'picker/command', command: 'save' },
    ]) {
      expect(await route(bad, content)).toEqual({ ok: false, code: 'invalid', error: ERRORS.invalid });
    }
  });
});
