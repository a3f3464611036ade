// The panel framed in an OA page may send only FRAMED_PANEL_MESSAGES (router.ts, the framing
// guard). Every message the panel's code sends must be on that list, or the in-page panel is refused
// the moment a feature is added (台账信息 and 确认 were, once): read from the panel's own sources.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAMED_PANEL_MESSAGES } from '@/utils/background/router';

/** Sent only in the full-tab mode, which is never framed. */
const TAB_MODE_ONLY = new Set(['tasks/list']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('messages of the framed panel', () => {
  it('every message type the panel sends is allowed for a framed panel', () => {
    const files = [...sources('components/panel'), ...sources('entrypoints/panel'), 'entrypoints/panel-boot.ts'];
    const sent = new Set(files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/type: '([a-z-]+\/[a-z-]+)'/g)].map((m) => m[1]!)));
    expect(sent.size).toBeGreaterThan(5);
    const refused = [...sent].filter((type) => !TAB_MODE_ONLY.has(type) && !FRAMED_PANEL_MESSAGES.has(type as never));
    expect(refused).toEqual([]);
  });
});
