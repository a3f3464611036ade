import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Rule, type Site } from '../../../utils/model';
import { DEFAULT_CATALOG } from '../../../utils/catalog/default-catalog';
import {
  deleteRule, deleteSite, getCatalog, getSettings, getSite, listRules, listSites, putCatalog, putRule, putSettings, putSite, resetCatalog,
} from '../../../utils/store';
import { freshDb, ORIGIN_A } from './helpers';

const rule: Rule = { id: 'r1', title: '防汛', signature: '防汛', category: 'emergency', action: 'commando-team', createdAt: 1, source: 'user' };
const site: Site = { origin: ORIGIN_A, enabled: true, source: 'user', adapterOverride: null, selectors: null, addedAt: 1 };

describe('settings', () => {
  it('defaults when absent, merges a patch, validates input', async () => {
    const db = await freshDb();
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
    expect(await putSettings(db, { panelMode: 'push' })).toEqual({ ...DEFAULT_SETTINGS, panelMode: 'push' });
    expect(await getSettings(db)).toMatchObject({ panelMode: 'push', locale: 'auto' });
    await expect(putSettings(db, { panelWidth: 5 })).rejects.toThrow();
    expect((await getSettings(db)).panelWidth).toBe(DEFAULT_SETTINGS.panelWidth);
  });

  it('falls back to defaults on corrupt data instead of throwing', async () => {
    const db = await freshDb();
    await db.put('kv', 'garbage', 'settings');
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
    await db.put('kv', { locale: 'en', panelWidth: 'wide', period: 'decade', changesSinceExport: -1 }, 'settings');
    // Field by field: the valid locale survives, the corrupt ones fall back.
    expect(await getSettings(db)).toEqual({ ...DEFAULT_SETTINGS, locale: 'en' });
    expect(await putSettings(db, { period: 'month' })).toEqual({ ...DEFAULT_SETTINGS, locale: 'en', period: 'month' });
  });
});

describe('rules, sites, catalog', () => {
  it('puts, lists and deletes rules and sites', async () => {
    const db = await freshDb();
    await putRule(db, rule);
    await putRule(db, rule);
    expect(await listRules(db)).toEqual([rule]);
    await deleteRule(db, 'r1');
    expect(await listRules(db)).toEqual([]);
    await expect(putRule(db, { ...rule, category: 'nope' } as unknown as Rule)).rejects.toThrow();

    await putSite(db, site);
    expect(await getSite(db, ORIGIN_A)).toEqual(site);
    expect(await listSites(db)).toEqual([site]);
    await deleteSite(db, ORIGIN_A);
    expect(await getSite(db, ORIGIN_A)).toBeUndefined();
  });

  it('catalog is undefined until customised, validated, and undefined again when corrupt or reset', async () => {
    const db = await freshDb();
    expect(await getCatalog(db)).toBeUndefined();
    await putCatalog(db, DEFAULT_CATALOG);
    expect(await getCatalog(db)).toEqual(DEFAULT_CATALOG);
    await expect(putCatalog(db, { ...DEFAULT_CATALOG, actions: [] })).rejects.toThrow();
    await db.put('kv', { version: 'x' }, 'catalog');
    expect(await getCatalog(db)).toBeUndefined();
    await putCatalog(db, DEFAULT_CATALOG);
    await resetCatalog(db);
    expect(await getCatalog(db)).toBeUndefined();
  });
});
