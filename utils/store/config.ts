// Configuration: learned rules, enabled sites, settings and the customised catalog.
// Values coming from options pages or policy are validated on the way in; settings and
// catalog are also validated on the way out, because a corrupt record must not brick startup.
import { Catalog, DEFAULT_SETTINGS, Rule, Settings, Site } from '../model';
import { KV_CATALOG, KV_SETTINGS, type RongheDb } from './schema';
import { inWriteTx, queue } from './tx';

export async function putRule(db: RongheDb, rule: Rule): Promise<void> {
  const valid = Rule.parse(rule);
  await inWriteTx(db, ['rules'], (tx) => queue(tx.objectStore('rules').put(valid)));
}

export async function deleteRule(db: RongheDb, id: string): Promise<void> {
  await inWriteTx(db, ['rules'], (tx) => queue(tx.objectStore('rules').delete(id)));
}

export async function listRules(db: RongheDb): Promise<Rule[]> {
  return db.getAll('rules');
}

export async function putSite(db: RongheDb, site: Site): Promise<void> {
  const valid = Site.parse(site);
  await inWriteTx(db, ['sites'], (tx) => queue(tx.objectStore('sites').put(valid)));
}

export async function getSite(db: RongheDb, origin: string): Promise<Site | undefined> {
  return db.get('sites', origin);
}

export async function listSites(db: RongheDb): Promise<Site[]> {
  return db.getAll('sites');
}

export async function deleteSite(db: RongheDb, origin: string): Promise<void> {
  await inWriteTx(db, ['sites'], (tx) => queue(tx.objectStore('sites').delete(origin)));
}

/**
 * Field by field: a field that is missing (written by an older version) or invalid falls back
 * to its default, so one corrupt value doesn't reset the others and reading never throws.
 */
export function settingsFrom(stored: unknown): Settings {
  if (typeof stored !== 'object' || stored === null) return { ...DEFAULT_SETTINGS };
  const record = stored as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const parsed = Settings.shape[key].safeParse(record[key]);
    out[key] = parsed.success ? parsed.data : DEFAULT_SETTINGS[key];
  }
  return out as Settings;
}

export async function getSettings(db: RongheDb): Promise<Settings> {
  return settingsFrom(await db.get('kv', KV_SETTINGS));
}

/** Merges `patch` into the stored settings (validated; throws on invalid input). */
export async function putSettings(db: RongheDb, patch: Partial<Settings>): Promise<Settings> {
  return inWriteTx(db, ['kv'], async (tx) => {
    const next = Settings.parse({ ...settingsFrom(await tx.objectStore('kv').get(KV_SETTINGS)), ...patch });
    queue(tx.objectStore('kv').put(next, KV_SETTINGS));
    return next;
  });
}

/** The customised catalog, or undefined when never customised (or corrupt): use the default. */
export async function getCatalog(db: RongheDb): Promise<Catalog | undefined> {
  const stored = await db.get('kv', KV_CATALOG);
  if (stored === undefined) return undefined;
  const parsed = Catalog.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

/** Validated; throws a ZodError on an invalid catalog. */
export async function putCatalog(db: RongheDb, catalog: Catalog): Promise<void> {
  const valid = Catalog.parse(catalog);
  await inWriteTx(db, ['kv'], (tx) => queue(tx.objectStore('kv').put(valid, KV_CATALOG)));
}

/** Back to the factory catalog. */
export async function resetCatalog(db: RongheDb): Promise<void> {
  await inWriteTx(db, ['kv'], (tx) => queue(tx.objectStore('kv').delete(KV_CATALOG)));
}
