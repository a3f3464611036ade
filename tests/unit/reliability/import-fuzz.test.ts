// 10,000+ malformed and hostile backup files through the real import path: the router (as the
// options page sends ledger/import), the services, parseBackup, the merge and the store on
// fake-indexeddb, with apply: true. Every one is answered (no throw, no "internal error"), every
// refusal carries a Chinese and an English message, and a refused import leaves the store exactly
// as it was (no partial write).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRouter } from '@/utils/background/router';
import { createServices, type Effects } from '@/utils/background/services';
import { toBackup } from '@/utils/ledger';
import { canonicalJson, sha256Hex } from '@/utils/ledger/canonical';
import * as store from '@/utils/store';
import { freshDb } from '../store/helpers';
import { done, dump, event, phases, rule, tag, task, T0 } from '../ledger/fixtures';
import { fakeEffects } from '../background/fake-effects';

const RUNTIME = 'ronghe-id';
const EXT = `chrome-extension://${RUNTIME}`;
const options = { id: RUNTIME, url: `${EXT}/options.html`, origin: EXT };

const effects: Effects = fakeEffects();

const valid = dump({
  tasks: [task('a'), task('b', { title: '“引号”, 逗号\n😀' })],
  tags: [tag('a', { phases: phases({ plan: done(T0, '支委会研究') }), source: 'user', ruleId: 'r1' }), tag('b', { category: 'admin', action: null })],
  events: [event('a', T0)],
  rules: [rule('r1')],
});

/** Recomputes the checksum and counts of a backup whose data was changed: hostile but sealed. */
async function seal(root: { data: Record<string, unknown[]>; counts?: unknown; checksum?: unknown }): Promise<string> {
  root.checksum = `sha256-${await sha256Hex(canonicalJson(root.data))}`;
  if (root.counts && typeof root.counts === 'object') for (const [k, v] of Object.entries(root.data)) (root.counts as Record<string, unknown>)[k] = Array.isArray(v) ? v.length : 0;
  return JSON.stringify(root);
}

const HOSTILE_STRINGS = ['__proto__', 'constructor', 'prototype', 'toString', '<img src=x onerror=alert(1)>', '=HYPERLINK("http://x")', '\u200b=1+1', '\ud800', '\u0000', 'x'.repeat(10_001), '😀'.repeat(3)];
const hostileValue = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(null, true, -1, Number.MAX_VALUE, Number.MAX_SAFE_INTEGER + 2, 0.5, [], {}),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.anything({ maxDepth: 2 }),
);

describe('fuzzed imports', () => {
  it('10,000+ malformed and hostile files: 0 crashes, 0 partial writes, clear Chinese + English errors', async () => {
    const db = await freshDb();
    const services = createServices(db, effects, () => T0 + 10);
    const route = createRouter(services, RUNTIME, EXT);
    await services.ready;
    // The store holds a ledger already: a refused import must leave it exactly so.
    await store.applyImport(db, dump({ tasks: [task('held')], tags: [tag('held')], events: [event('held', T0)], rules: [] }));
    const snapshot = async () => JSON.stringify([await store.exportAll(db), await store.changesSinceExport(db), await store.progressByDay(db, {})]);

    const text = await toBackup(valid, { exportedAt: T0, appVersion: '0.1.0' });
    const kinds = ['tasks', 'tags', 'events', 'rules'] as const;

    // 1. Bytes: truncated, spliced, flipped, wrapped, or not JSON at all.
    const bytes = fc.oneof(
      fc.integer({ min: 0, max: text.length }).map((n) => text.slice(0, n)),
      fc.tuple(fc.integer({ min: 0, max: text.length }), fc.string({ maxLength: 8 })).map(([at, s]) => text.slice(0, at) + s + text.slice(at)),
      fc.tuple(fc.integer({ min: 0, max: text.length - 1 }), fc.integer({ min: 0, max: 0xffff })).map(([at, c]) => text.slice(0, at) + String.fromCharCode(c) + text.slice(at + 1)),
      fc.constantFrom('', '\uFEFF', 'null', '[]', '"ronghe-ledger"', '{"format":"ronghe-ledger"}', '{"format":"ronghe-ledger","version":2}', `${'['.repeat(50_000)}${']'.repeat(50_000)}`, `{"format":"ronghe-ledger","version":1,"data":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`),
      fc.anything().map((x) => JSON.stringify(x) ?? ''),
      fc.string({ maxLength: 200 }),
    );
    // 2. Sealed: a valid envelope and checksum around hostile data (wrong types, hostile keys and
    //    values, records of one kind in another's list, extra and missing fields).
    const sealed = fc
      .tuple(fc.constantFrom(...kinds), fc.integer({ min: 0, max: 3 }), fc.string({ maxLength: 12 }), hostileValue, fc.constantFrom<'set' | 'delete' | 'swap' | 'wrap' | 'proto'>('set', 'delete', 'swap', 'wrap', 'proto'))
      .map(([kind, index, field, value, how]) => {
        const root = JSON.parse(text) as { data: Record<string, unknown[]> };
        const list = root.data[kind]!;
        const record = (list[index % Math.max(1, list.length)] ?? {}) as Record<string, unknown>;
        const keys = Object.keys(record);
        const name = keys.length && field.length % 2 === 0 ? keys[field.length % keys.length]! : field;
        if (how === 'set') record[name] = value;
        else if (how === 'delete') delete record[name];
        else if (how === 'swap') root.data[kind] = root.data[kinds[(kinds.indexOf(kind) + 1) % 4]!]!;
        else if (how === 'wrap') root.data[kind] = value as unknown[];
        else return { root, raw: JSON.stringify(root).replace(`"${kind}":[{`, `"${kind}":[{"__proto__":{"polluted":1},`) };
        if (list.length === 0) list.push(record);
        return { root, raw: null };
      });

    let cases = 0;
    let refused = 0;
    let appliedCount = 0;
    const codes = new Map<string, number>();
    let before = await snapshot();
    const check = async (file: string) => {
      cases++;
      const reply = await route({ type: 'ledger/import', text: file, apply: true }, options);
      // Answered: never an internal error, never a throw.
      expect(reply.ok, file.slice(0, 200)).toBe(true);
      const result = (reply as { ok: true; data: { ok: boolean; applied?: boolean; error?: { message: string } } }).data;
      if (result.ok) {
        // A file that is still a valid backup (a spliced space, an untouched slice) merges: the
        // reference moves on.
        appliedCount++;
        before = await snapshot();
        return;
      }
      refused++;
      const code = (result.error as { code?: string }).code ?? '?';
      codes.set(code, (codes.get(code) ?? 0) + 1);
      expect(result.error!.message).toMatch(/[\u4e00-\u9fff].* \/ .*[A-Za-z]/s);
      // Cheap check every time; the whole store compared every 25th refusal.
      if (refused % 25 === 0) expect(await snapshot()).toBe(before);
    };

    await fc.assert(fc.asyncProperty(bytes, async (file) => check(file)), { numRuns: 6000, seed: 13 });
    await fc.assert(
      fc.asyncProperty(sealed, async ({ root, raw }) => check(raw ?? (await seal(root as never)))),
      { numRuns: 4500, seed: 13 },
    );
    expect(await snapshot()).toBe(before);
    console.info(`[import-fuzz] ${cases} files: ${refused} refused with a bilingual error, ${appliedCount} valid and applied, 0 crashes; refusals by code ${JSON.stringify(Object.fromEntries(codes))}`);
    // The sealed files get past the checksum to the record validation.
    expect(codes.get('invalid') ?? 0).toBeGreaterThan(500);
    expect(cases).toBeGreaterThanOrEqual(10_000);
    expect({}.constructor.prototype).not.toHaveProperty('polluted');
    expect(Object.prototype).not.toHaveProperty('polluted');
  }, 180_000);
});
