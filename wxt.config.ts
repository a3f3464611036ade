import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { SENSOR_PRIVATE_NAMES } from './scripts/sensor-private-names';

// Host access is never requested up front: OA origins are optional and granted per site
// at runtime ("在此站点启用") or preset by policy. The e2e build (E2E=1) is the one exception
// and is documented in contract.md.
const e2e = process.env.RONGHE_E2E === '1';
// 360 安全浏览器 and 360极速浏览器 13 run Chromium 86, the newest engine without MV3.
const MV2_TARGET = 'chrome86';
const e2eHosts = ['http://127.0.0.1/*', 'http://localhost/*'];

/** The content script's placeholder match: production registers it at runtime per enabled site. */
const RUNTIME_ONLY = 'http://ronghe.invalid/*';

export default defineConfig({
  hooks: {
    // WXT lists a runtime-registered script's matches as host access; Ronghe asks for none up front.
    'build:manifestGenerated': (_wxt, manifest) => {
      const m = manifest as { host_permissions?: string[]; permissions?: string[]; content_scripts?: unknown[] };
      if (m.host_permissions) m.host_permissions = m.host_permissions.filter((p) => p !== RUNTIME_ONLY);
      if (m.permissions) m.permissions = m.permissions.filter((p) => p !== RUNTIME_ONLY);
      if (m.host_permissions?.length === 0) delete m.host_permissions;
      if (m.content_scripts?.length === 0) delete m.content_scripts;
    },
  },
  // One zip per package: the MV2 build would otherwise overwrite the MV3 one (both are 'chrome').
  zip: { artifactTemplate: '{{name}}-{{version}}-{{browser}}-{{manifestVersion}}.zip' },
  outDirTemplate: e2e ? '{{browser}}-mv{{manifestVersion}}-e2e' : '{{browser}}-mv{{manifestVersion}}',
  vite: ({ browser, manifestVersion }) => ({
    plugins: [preact()],
    // WXT's entry wrapper builds its ContentScriptContext (2 KB) into the content script; ours is
    // the subset the sensor uses (utils/sensor/script-context.ts): the 15 KB budget needs it.
    resolve: {
      alias: { 'wxt/utils/content-script-context': fileURLToPath(new URL('./utils/sensor/script-context.ts', import.meta.url)) },
    },
    // Syntax for the oldest browsers each package is for: MV3 needs Chromium 88 / Firefox 128;
    // the MV2 package is for old Chromium such as 360's (APIs beyond syntax: scripts/lint-guards.ts).
    build: {
      target: manifestVersion === 2 ? MV2_TARGET : browser === 'firefox' ? 'firefox128' : 'chrome88',
      // Terser's second pass takes ~2% more off the content script than esbuild's minifier.
      minify: 'terser',
      terserOptions: {
        ecma: 2020,
        compress: { passes: 2 },
        mangle: { properties: { regex: new RegExp(`^(${SENSOR_PRIVATE_NAMES.join('|')})$`) } },
      },
    },
    define: { 'import.meta.env.RONGHE_E2E': JSON.stringify(e2e ? '1' : '0') },
  }),
  manifest: ({ manifestVersion, browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: [
      'storage',
      'unlimitedStorage',
      // MV3 registers content scripts at runtime; MV2 (old Chromium) injects per frame on navigation.
      ...(manifestVersion === 3 ? ['scripting'] : ['webNavigation']),
      ...(manifestVersion === 3 && browser !== 'firefox' ? ['sidePanel'] : []),
      // MV2 has no host_permissions key: the e2e build's hosts go here.
      ...(e2e && manifestVersion === 2 ? e2eHosts : []),
    ],
    // The same panel page, in the browser's own side panel where it has one (Chrome 114+, Firefox).
    ...(manifestVersion === 3 && browser !== 'firefox' ? { side_panel: { default_path: 'panel.html' } } : {}),
    ...(browser === 'firefox' ? { sidebar_action: { default_panel: 'panel.html', default_title: '__MSG_extName__' } } : {}),
    ...(manifestVersion === 3
      ? { host_permissions: e2e ? e2eHosts : [], optional_host_permissions: ['http://*/*', 'https://*/*'] }
      : { optional_permissions: ['http://*/*', 'https://*/*'] }),
    storage: { managed_schema: 'managed-schema.json' },
    // The panel is an extension page framed by <ronghe-panel>; the content script only runs on
    // enabled sites, and the panel shows nothing but its own tab's tasks.
    web_accessible_resources:
      manifestVersion === 3
        ? [{ resources: ['panel.html'], matches: ['http://*/*', 'https://*/*'] }]
        : ['panel.html'],
    commands: {
      'toggle-panel': { suggested_key: { default: 'Alt+Shift+R' }, description: '__MSG_cmdTogglePanel__' },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'ronghe@ronghe.local', strict_min_version: '128.0' } } }
      : {}),
  }),
});
