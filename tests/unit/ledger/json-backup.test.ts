import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BACKUP_CHARS, MAX_BACKUP_RECORDS, parseBackup, toBackup } from '../../../utils/ledger';
import { canonicalJson, sha256Hex } from '../../../utils/ledger/canonical';
import type { StoreDump } from '../../../utils/store/transfer';
import { dumpArb } from './arb';
import { done, dump, event, phases, rule, tag, task, T0 } from './fixtures';

const rich: StoreDump = dump({
  tasks: [
    task('a', { url: 'http://oa.example.gov.cn/x?id=1', fields: { workflow: '收文', docMark: '〔2024〕3号', deadline: '2024-06-03' } }),
    task('b', { nativeId: null, title: '“引号”, 逗号\n换行 \u2028 😀' }),
  ],
  tags: [tag('a', { phases: phases({ plan: done(T0, '支委会研究'), deploy: done(T0 + 1) }), source: 'user', ruleId: 'r1' }), tag('b', { category: 'admin', action: null })],
  events: [event('a', T0), event('a', T0 + 1, { id: 'a|phase-done|1|plan', type: 'phase-done', phase: 'plan', note: '支委会研究' })],
  rules: [rule('r1')],
});

/** Recomputes counts and checksum of a (possibly hostile) backup text, keeping its other bytes. */
async function reseal(text: string): Promise<string> {
  const root = JSON.parse(text) as { data: Record<string, unknown[]>; checksum: string };
  const sum = await sha256Hex(canonicalJson(root.data));
  let out = text.replace(root.checksum, sum);
  for (const [k, list] of Object.entries(root.data)) out = out.replace(new RegExp(`("${k}":\\s*)\\d+`), `$1${list.length}`);
  return out;
}

async function errorOf(text: string): Promise<{ code: string; message: string }> {
  const r = await parseBackup(text);
  if (r.ok) throw new Error('expected a failure');
  return r.error;
}

describe('JSON backup', () => {
  it('round-trips exactly, with meta', async () => {
    const text = await toBackup(rich, { exportedAt: T0, appVersion: '0.1.0' });
    const r = await parseBackup(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.dump).toStrictEqual(rich);
    expect(r.meta).toMatchObject({ format: 'ronghe-ledger', version: 2, exportedAt: T0, appVersion: '0.1.0', counts: { tasks: 2, tags: 2, events: 2, rules: 1 } });
    expect(r.meta.checksum).toMatch(/^sha256-[0-9a-f]{64}$/);
    const head = JSON.parse(text) as Record<string, unknown>;
    expect(head).toMatchObject({ format: 'ronghe-ledger', version: 2, origin: 'ronghe' });
  });

  it('property: any dump round-trips, and re-indenting keeps the checksum valid', async () => {
    await fc.assert(
      fc.asyncProperty(dumpArb, async (d) => {
        const text = await toBackup(d, { exportedAt: T0 });
        const r = await parseBackup(text);
        expect(r.ok && r.dump).toStrictEqual(JSON.parse(JSON.stringify(d)));
        const reindented = await parseBackup(`\uFEFF${JSON.stringify(JSON.parse(text), null, 4)}`);
        expect(reindented.ok).toBe(true);
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  it('an empty ledger is a valid backup', async () => {
    const r = await parseBackup(await toBackup(dump()));
    expect(r.ok && r.dump).toEqual(dump());
  });

  describe('rejects bad files with the right code and a bilingual message', () => {
    it('1 not JSON', async () => {
      const e = await errorOf('{"format": oops');
      expect(e.code).toBe('not-json');
      expect(e.message).toMatch(/^文件不是有效的 JSON.* \/ The file is not valid JSON/);
    });

    it('2 empty', async () => {
      for (const t of ['', '   \n', '\uFEFF']) expect((await errorOf(t)).code).toBe('empty');
    });

    it('3 wrong format', async () => {
      for (const t of ['[]', '42', '{"format":"other","version":1}', JSON.stringify(rich), 'null']) expect((await errorOf(t)).code).toBe('wrong-format');
      const good = JSON.parse(await toBackup(rich)) as Record<string, unknown>;
      delete good.counts;
      expect((await errorOf(JSON.stringify(good))).code).toBe('wrong-format');
    });

    it('4 wrong version', async () => {
      const text = (await toBackup(rich)).replace('"version": 2', '"version": 3');
      const e = await errorOf(text);
      expect(e.code).toBe('wrong-version');
      expect(e.message).toContain('不支持的备份版本 3');
    });

    it('5 bad checksum (a record altered)', async () => {
      const text = (await toBackup(rich)).replace('支委会研究', '支委会研究（改）');
      expect((await errorOf(text)).code).toBe('bad-checksum');
    });

    it('6 truncated: cut text, or records removed', async () => {
      const text = await toBackup(rich);
      const cut = await errorOf(text.slice(0, Math.floor(text.length / 2)));
      expect(cut.code).toBe('not-json');
      expect(cut.message).toContain('截断');
      const parsed = JSON.parse(text) as { data: { events: unknown[] } };
      parsed.data.events.pop();
      expect((await errorOf(JSON.stringify(parsed))).code).toBe('bad-checksum');
      const head = JSON.parse(text) as { counts: { events: number }; data: { events: unknown[] } };
      head.data.events.pop();
      head.counts.events = 1; // counts fixed by hand, checksum not
      expect((await errorOf(JSON.stringify(head))).code).toBe('bad-checksum');
    });

    it('7 invalid record: says which kind and index', async () => {
      const text = await reseal((await toBackup(rich)).replace('"category":"admin"', '"category":"bogus"'));
      const e = await errorOf(text);
      expect(e.code).toBe('invalid');
      expect(e.message).toContain('第 2 条标注记录无效');
      expect(e.message).toContain('tags[1].category');
    });

    it('8 too large: text over 50 MB, or over 200,000 records', async () => {
      expect((await errorOf(' '.repeat(MAX_BACKUP_CHARS + 1))).code).toBe('too-large');
      const many = `{"format":"ronghe-ledger","version":1,"exportedAt":"x","counts":{"tasks":0,"tags":0,"events":0,"rules":0},"checksum":"sha256-${'0'.repeat(64)}","data":{"tasks":[],"tags":[],"events":[${'{},'.repeat(MAX_BACKUP_RECORDS)}{}],"rules":[]}}`;
      const e = await errorOf(many);
      expect(e.code).toBe('too-large');
      expect(e.message).toContain('200000');
    }, 30_000);

    it('9 hostile keys (__proto__, constructor) never pollute anything', async () => {
      const base = await toBackup(rich);
      for (const key of ['__proto__', 'constructor', 'prototype']) {
        const hostile = await reseal(base.replace('"key":"a"', `"${key}":{"polluted":true,"isAdmin":true},"key":"a"`));
        const e = await errorOf(hostile);
        expect(e.code).toBe('invalid');
        expect(e.message).toContain(key);
      }
      const topLevel = await errorOf(`{"__proto__":{"polluted":true},"format":"ronghe-ledger","version":1}`);
      expect(topLevel.code).toBe('invalid');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    });

    it('10 duplicate keys, duplicate records and over-long strings', async () => {
      const base = await toBackup(rich);
      const dupKey = await errorOf(await reseal(base.replace('"key":"a"', '"key":"a","key":"a"')));
      expect(dupKey.code).toBe('invalid');
      expect(dupKey.message).toContain('重复的键 "key"');

      const parsed = JSON.parse(base) as { data: { tasks: unknown[] } };
      parsed.data.tasks.push(parsed.data.tasks[0]);
      const dupRecord = await errorOf(await reseal(JSON.stringify(parsed)));
      expect(dupRecord.code).toBe('invalid');
      expect(dupRecord.message).toContain('第 3 条任务记录与第 1 条重复');

      const long = await errorOf(await reseal(base.replace('支委会研究', 'x'.repeat(20_000))));
      expect(long.code).toBe('invalid');
      expect(long.message).toContain('过长');

      const justTooLongForTheModel = await errorOf(await reseal(base.replace('支委会研究', 'x'.repeat(2001))));
      expect(justTooLongForTheModel.code).toBe('invalid');
      expect(justTooLongForTheModel.message).toContain('note');
    });
  });
});
