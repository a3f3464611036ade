// The three packages, read from their built manifests (contract.md: build, build:e2e).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

type Manifest = Record<string, unknown> & { manifest_version: number; permissions?: string[] };
const read = (dir: string): Manifest => {
  const path = join('.output', dir, 'manifest.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build && npm run build:e2e`);
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
};

const BUILDS = ['chrome-mv3', 'firefox-mv3', 'chrome-mv2'] as const;

describe('built manifests', () => {
  it.each(BUILDS)('%s asks for no <all_urls> and no host access up front', (dir) => {
    const raw = readFileSync(join('.output', dir, 'manifest.json'), 'utf8');
    const manifest = read(dir);
    expect(raw).not.toContain('<all_urls>');
    expect(raw).not.toMatch(/"\*:\/\/\*\/\*"/);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.content_scripts).toBeUndefined(); // registered at runtime for enabled sites only
    for (const p of manifest.permissions ?? []) expect(p).not.toMatch(/:\/\//);
    const optional = (manifest.optional_host_permissions ?? manifest.optional_permissions) as string[];
    expect(optional).toEqual(['http://*/*', 'https://*/*']);
  });

  it.each(BUILDS)('%s names itself from the locale files, Chinese first, and has a managed-storage schema', (dir) => {
    const manifest = read(dir);
    expect(manifest.name).toBe('__MSG_extName__');
    expect(manifest.default_locale).toBe('zh_CN');
    for (const locale of ['zh_CN', 'en']) {
      const messages = JSON.parse(readFileSync(join('.output', dir, '_locales', locale, 'messages.json'), 'utf8'));
      expect(messages.extName.message).toBeTruthy();
    }
    const schemaPath = (manifest.storage as { managed_schema: string }).managed_schema;
    const schema = JSON.parse(readFileSync(join('.output', dir, schemaPath), 'utf8'));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['sites', 'catalog', 'settings', 'lockedSettings']));
  });

  it.each(BUILDS)('%s has no eval-friendly content security policy and frames only the panel', (dir) => {
    const manifest = read(dir);
    expect(JSON.stringify(manifest.content_security_policy ?? '')).not.toContain('unsafe-eval');
    expect(JSON.stringify(manifest.web_accessible_resources)).toContain('panel.html');
    expect(JSON.stringify(manifest.web_accessible_resources)).not.toMatch(/\.js"/);
  });

  it('chrome-mv3 is MV3 with a service worker, runtime scripting and the side panel', () => {
    const m = read('chrome-mv3');
    expect(m.manifest_version).toBe(3);
    expect(m.background).toMatchObject({ service_worker: 'background.js' });
    expect(m.permissions).toEqual(expect.arrayContaining(['storage', 'scripting']));
    expect(m.action).toBeTruthy();
    expect(m.commands).toHaveProperty('toggle-panel');
  });

  it('firefox-mv3 is MV3 with a gecko id', () => {
    const m = read('firefox-mv3');
    expect(m.manifest_version).toBe(3);
    expect(m.browser_specific_settings).toMatchObject({ gecko: { id: 'ronghe@ronghe.local' } });
  });

  it('chrome-mv2 (360 and other old Chromium) is MV2 with a browser action and per-frame injection', () => {
    const m = read('chrome-mv2');
    expect(m.manifest_version).toBe(2);
    expect(m.browser_action).toBeTruthy();
    expect(m.permissions).toEqual(expect.arrayContaining(['storage', 'webNavigation']));
  });

  it('the e2e build differs from production only by host access to 127.0.0.1 and localhost', () => {
    const prod = read('chrome-mv3');
    const e2e = read('chrome-mv3-e2e');
    expect(e2e.host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    expect(e2e.content_scripts).toEqual([
      { matches: ['http://127.0.0.1/*', 'http://localhost/*'], all_frames: true, match_about_blank: true, run_at: 'document_start', js: ['content-scripts/content.js'] },
    ]);
    const strip = (m: Manifest) => {
      const { host_permissions: _h, content_scripts: _c, ...rest } = m;
      return rest;
    };
    expect(strip(e2e)).toEqual(strip(prod));
  });
});

describe('the content script in every package', () => {
  // It runs in every frame of every enabled OA page: small, and none of the extension pages' code.
  it.each([...BUILDS, 'chrome-mv3-e2e'] as const)('%s: content script ≤ 16 KB gzipped, without zod or WXT’s context', (dir) => {
    const script = readFileSync(join('.output', dir, 'content-scripts', 'content.js'));
    expect(gzipSync(script).length).toBeLessThanOrEqual(16 * 1024);
    const text = script.toString('utf8');
    expect(text).not.toContain('ZodType');
    expect(text).not.toContain('wxt:content-script-started');
    expect(text).toContain('__rongheContentScript');
  });
});
