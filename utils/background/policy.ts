// Administrator policy (managed storage): preset OA sites, the catalog and locked settings for a
// whole organisation. Read at every start; the options page shows what it sets and locks.
import { z } from 'zod';
import { Catalog, Settings } from '../model';
import { browser } from '../browser';

export const ManagedPolicy = z.object({
  /** OA origins enabled for everyone, e.g. "http://oa.example.gov.cn" or "http://10.1.2.3:8080". */
  sites: z.array(z.string().url().max(300)).max(200).optional(),
  /** The organisation's catalog; when set, users can't edit it. */
  catalog: Catalog.optional(),
  /** Settings preset by IT. */
  settings: Settings.partial().optional(),
  /** Names of settings users may not change. */
  lockedSettings: z.array(Settings.keyof()).optional(),
});
export type ManagedPolicy = z.infer<typeof ManagedPolicy>;

export interface PolicyState {
  policy: ManagedPolicy;
  /** Why the raw policy was ignored, if it was. */
  error: string | null;
}

export function parsePolicy(raw: unknown): PolicyState {
  if (!raw || (typeof raw === 'object' && Object.keys(raw).length === 0)) return { policy: {}, error: null };
  const parsed = ManagedPolicy.safeParse(raw);
  return parsed.success
    ? { policy: parsed.data, error: null }
    : { policy: {}, error: `策略格式无效，已忽略 / Invalid policy ignored: ${parsed.error.issues[0]?.message ?? ''}` };
}

/** Browsers without managed storage (or without a policy) give an empty policy. */
export async function readPolicy(): Promise<PolicyState> {
  try {
    const managed = (browser.storage as unknown as { managed?: { get(): Promise<unknown> } }).managed;
    return parsePolicy(managed ? await managed.get() : {});
  } catch {
    return { policy: {}, error: null };
  }
}
