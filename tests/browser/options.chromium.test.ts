// The options page in real Chromium with the e2e build: hostile ledger imports leave the store
// untouched, and sites set by a real administrator policy (managed storage) show up locked.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { toBackup } from '../../utils/ledger/json-backup';
import type { StoreDump } from '../../utils/store/transfer';
import { dump, event, rule, tag, task, T0 } from '../unit/ledger/fixtures';
import { CHROME_E2E_DIR, launchChromium, requireChromium, type ChromiumSession } from './harness';

const TIMEOUT = 180_000;
const CHINESE = /[\u4e00-\u9fff]/;

type Messages = Record<string, { message: string }>;
const LOCALES: Record<'zh_CN' | 'en', Messages> = {
  zh_CN: JSON.parse(readFileSync(join(CHROME_E2E_DIR, '_locales/zh_CN/messages.json'), 'utf8')) as Messages,
  en: JSON.parse(readFileSync(join(CHROME_E2E_DIR, '_locales/en/messages.json'), 'utf8')) as Messages,
};
/** The page's words in the browser's UI language (Debian's Chromium ships en-US only; a Chinese
 * build shows zh_CN). Background errors are bilingual either way, Chinese first. */
let messages: Messages = LOCALES.zh_CN;
const msg = (key: string, ...subs: string[]): string => (messages[key]?.message ?? key).replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');

async function useLocaleOf(page: Page): Promise<void> {
  const language = await page.evaluate(() => (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage());
  messages = language.toLowerCase().startsWith('zh') ? LOCALES.zh_CN : LOCALES.en;
}

async function openOptions(session: ChromiumSession, hash: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html#${hash}`);
  return page;
}

/** Sends a message to the background as the options page does (an extension page). */
function ask<T>(page: Page, message: object): Promise<T> {
  return page.evaluate(async (toSend) => {
    const { runtime } = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
    const reply = (await runtime.sendMessage(toSend)) as { ok: boolean; data?: unknown; error?: string };
    if (!reply.ok) throw new Error(reply.error);
    return reply.data;
  }, message) as Promise<T>;
}

describe('options: importing bad ledger files', () => {
  let session: ChromiumSession;
  let page: Page;
  let scratch: string;
  let valid: string;

  const seed: StoreDump = dump({
    tasks: [task('a1'), task('a2', { title: '关于召开安全生产工作会议的通知' })],
    tags: [tag('a1'), tag('a2')],
    events: [event('a1', T0), event('a2', T0 + 1)],
    rules: [rule('rule-seed')],
  });

  beforeAll(async () => {
    requireChromium();
    scratch = mkdtempSync(join(tmpdir(), 'ronghe-options-'));
    session = await launchChromium();
    page = await openOptions(session, 'data');
    await useLocaleOf(page);
    // A store with something in it, so "unchanged" means something.
    const seeded = await ask<{ ok: boolean }>(page, { type: 'ledger/import', text: await toBackup(seed), apply: true });
    expect(seeded.ok).toBe(true);
    valid = await toBackup(dump({ tasks: [task('b1')], tags: [tag('b1')], events: [event('b1', T0)] }));
  }, TIMEOUT);

  afterAll(async () => {
    await session?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  const badFiles = async (): Promise<Array<[string, { name: string; text?: string; path?: string }]>> => {
    const longTitle = await toBackup(dump({ tasks: [task('c1', { title: '长'.repeat(20_000) })] }));
    const invalidRecord = await toBackup(dump({ tags: [{ ...tag('d1'), category: 'nope' } as unknown as ReturnType<typeof tag>] }));
    const huge = join(scratch, 'huge.json');
    // Over 50 MB: refused by size before it is read.
    writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024 + 1024, 0x20));
    return [
      ['not JSON', { name: 'notes.json', text: '这不是 JSON {' }],
      ['empty', { name: 'empty.json', text: '' }],
      ['wrong format', { name: 'other.json', text: JSON.stringify({ format: 'something-else', version: 1, data: {} }) }],
      ['wrong version', { name: 'v3.json', text: valid.replace('"version": 2,', '"version": 3,') }],
      ['bad checksum', { name: 'edited.json', text: valid.replace('关于做好防汛应急工作的通知 b1', '关于做好防汛应急工作的通知 b2') }],
      ['truncated', { name: 'cut.json', text: valid.slice(0, Math.floor(valid.length / 2)) }],
      ['an invalid record', { name: 'invalid.json', text: invalidRecord }],
      ['too large', { name: 'huge.json', path: huge }],
      ['hostile __proto__ keys', { name: 'proto.json', text: valid.replace('{"key":"b1",', '{"__proto__":{"polluted":true},"key":"b1",') }],
      ['over-long strings', { name: 'long.json', text: longTitle }],
    ];
  };

  it(
    'each of ten kinds of bad file gives a Chinese error and leaves the store unchanged',
    async () => {
      const before = await ask(page, { type: 'ledger/query' });
      const files = await badFiles();
      expect(files).toHaveLength(10);
      const seen: string[] = [];
      for (const [kind, file] of files) {
        await page.reload();
        const input = page.getByLabel(msg('options_chooseBackup'));
        await input.waitFor({ state: 'attached', timeout: 30_000 });
        if (file.path) await input.setInputFiles(file.path);
        else await input.setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text ?? '', 'utf8') });
        const alert = page.getByRole('alert');
        await alert.waitFor({ timeout: 60_000 });
        const message = (await alert.textContent()) ?? '';
        seen.push(`${kind}: ${message}`);
        expect(message, kind).toMatch(CHINESE);
        expect(message, kind).toContain(' / '); // bilingual: Chinese first, then English
        expect(await page.getByRole('button', { name: msg('options_confirmImport') }).count(), kind).toBe(0);
        expect(await ask(page, { type: 'ledger/query' }), kind).toEqual(before);
      }
      // Each kind is told apart, not one generic message.
      expect(new Set(seen.map((s) => s.split(': ').slice(1).join(': '))).size).toBeGreaterThanOrEqual(8);
      // The hostile file polluted nothing in the background that parsed it.
      expect(await session.worker.evaluate(() => 'polluted' in ({} as object))).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'a good file is previewed first and merged only after confirmation',
    async () => {
      await page.reload();
      const before = await ask<StoreDump>(page, { type: 'ledger/query' });
      await page.getByLabel(msg('options_chooseBackup')).setInputFiles({ name: 'colleague.json', mimeType: 'application/json', buffer: Buffer.from(valid, 'utf8') });
      await page.getByText(msg('options_previewTitle', 'colleague.json')).waitFor({ timeout: 60_000 });
      expect(await ask(page, { type: 'ledger/query' })).toEqual(before);
      await page.getByRole('button', { name: msg('options_confirmImport') }).click();
      await page.getByText(msg('options_importDone', 'colleague.json', '3')).waitFor({ timeout: 60_000 });
      const after = await ask<StoreDump>(page, { type: 'ledger/query' });
      expect(after.tasks.map((t) => t.key)).toEqual(expect.arrayContaining(['a1', 'a2', 'b1']));
    },
    TIMEOUT,
  );
});

// --- A real administrator policy ---------------------------------------------------------------
// Chromium reads managed storage for an extension from /etc/chromium/policies/managed/*.json,
// keyed by the extension id. An unpacked extension's id comes from its path, so a COPY of the e2e
// build gets a `key` (and with it a stable id); the production manifest is never touched.

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_SITE = 'http://oa-policy.example.gov.cn';
const canWritePolicy = process.platform === 'linux' && typeof process.getuid === 'function' && process.getuid() === 0;

function keyedCopy(dir: string): { extensionDir: string; id: string } {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  // Chromium's id: the first 128 bits of SHA-256(public key), hex digits 0–f written a–p.
  const id = createHash('sha256').update(der).digest('hex').slice(0, 32).replace(/[0-9a-f]/g, (c) => String.fromCharCode(97 + parseInt(c, 16)));
  const extensionDir = join(dir, 'extension');
  cpSync(CHROME_E2E_DIR, extensionDir, { recursive: true });
  const manifestPath = join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, key: der.toString('base64') }));
  return { extensionDir, id };
}

describe.skipIf(!canWritePolicy)('options: sites set by a real administrator policy', () => {
  let session: ChromiumSession | undefined;
  let scratch: string;
  let policyFile: string;
  /** The first directory this test created on the way to POLICY_DIR, removed afterwards. */
  let createdDir: string | undefined;
  let extensionId: string;

  beforeAll(async () => {
    requireChromium();
    scratch = mkdtempSync(join(tmpdir(), 'ronghe-policy-'));
    const copy = keyedCopy(scratch);
    extensionId = copy.id;
    createdDir = mkdirSync(POLICY_DIR, { recursive: true });
    policyFile = join(POLICY_DIR, `ronghe-e2e-${copy.id}.json`);
    const policy = { sites: [POLICY_SITE], settings: { period: 'month' }, lockedSettings: ['period'] };
    writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [copy.id]: policy } } }));
    session = await launchChromium(copy.extensionDir);
  }, TIMEOUT);

  afterAll(async () => {
    await session?.close();
    if (policyFile) rmSync(policyFile, { force: true });
    // Remove only directories this test created, and only while they hold nothing else.
    const top = createdDir;
    if (top) {
      for (let dir = POLICY_DIR; dir.startsWith(top); dir = dirname(dir)) {
        if (!existsSync(dir) || readdirSync(dir).length > 0) break;
        rmdirSync(dir);
      }
    }
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it(
    'the policy site is listed, enabled and locked',
    async () => {
      expect(session!.extensionId).toBe(extensionId);
      const page = await openOptions(session!, 'sites');
      await useLocaleOf(page);
      const toggle = page.getByRole('checkbox', { name: msg('options_enableSite', POLICY_SITE) });
      await toggle.waitFor({ timeout: 60_000 });
      expect(await toggle.isChecked()).toBe(true);
      expect(await toggle.isDisabled()).toBe(true);
      const revoke = page.getByRole('button', { name: msg('options_revokeSite', POLICY_SITE) });
      expect(await revoke.isDisabled()).toBe(true);
      expect(await page.locator('tr', { has: toggle }).textContent()).toContain(msg('options_lockedByPolicy'));
      expect(msg('options_lockedByPolicy')).toContain('由管理员策略设定');
      expect(await page.getByText(msg('options_managedBanner')).count()).toBe(1);
      // The e2e sites (not from policy) stay editable.
      expect(await page.getByRole('checkbox', { name: msg('options_enableSite', 'http://127.0.0.1') }).isDisabled()).toBe(false);

      // The background refuses the change too, whatever a page sends.
      const refused = await page.evaluate(
        (origin) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'site/set', origin, enabled: false }),
        POLICY_SITE,
      );
      expect(refused).toMatchObject({ ok: false, code: 'forbidden' });

      await page.getByRole('button', { name: msg('options_sectionPolicy'), exact: true }).click();
      await page.getByText(POLICY_SITE).waitFor({ timeout: 30_000 });
      expect(await page.locator('main').textContent()).toContain('"month"');
    },
    TIMEOUT,
  );
});
