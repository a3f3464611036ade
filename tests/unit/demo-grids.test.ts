// The demo server hands out the grid demo pages' library builds, and nothing else from node_modules.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveRequest } from '../../scripts/demo/server';

describe('demo server: /node_modules/ for the grid demo pages', () => {
  it('serves an allowed package file', () => {
    const r = resolveRequest('/node_modules/vue/dist/vue.global.prod.js');
    expect(r.status).toBe(200);
    if (r.status === 200) expect(r.file).toMatch(/node_modules[\\/]vue[\\/]dist[\\/]vue\.global\.prod\.js$/);
  });
  it('refuses other packages and escapes', () => {
    expect(resolveRequest('/node_modules/zod/package.json').status).toBe(404);
    expect(resolveRequest('/node_modules/vue/../zod/package.json').status).toBe(400);
    expect(resolveRequest('/node_modules/vue/%2e%2e/zod/package.json').status).toBe(400);
  });
  it('serves the grid demo pages', () => {
    expect(resolveRequest('/grids/element-plus.html').status).toBe(200);
    expect(resolveRequest('/grids/easyui.html').status).toBe(200);
    // The pages are the test fixtures themselves, with the task data they load.
    for (const target of ['/grids/element-plus.html', '/grids/easyui.html', '/grids/_shared/tasks.js']) {
      const r = resolveRequest(target);
      expect(r.status === 200 && existsSync(r.file)).toBe(true);
    }
  });
});
