// A tab's list reaches session storage once per burst of changes, and what is stored is the latest.
import { describe, expect, it } from 'vitest';
import { TabPages, type TabMemory } from '@/utils/background/services/tab-pages';

function memory() {
  const items = new Map<string, unknown>();
  const writes: string[] = [];
  const store: TabMemory = {
    get: async (key) => (items.has(key) ? { [key]: items.get(key) } : {}),
    set: async (record) => {
      for (const [k, v] of Object.entries(record)) {
        items.set(k, structuredClone(v));
        writes.push(k);
      }
    },
    remove: async (key) => void items.delete(key),
  };
  return { store, items, writes };
}

describe('tab pages in session storage', () => {
  it('a page reporting 50 batches is written a few times, ending with all its keys', async () => {
    const m = memory();
    const tabs = new TabPages(m.store);
    for (let batch = 0; batch < 50; batch++) {
      tabs.addTasks(7, 0, 'http://oa.local', Array.from({ length: 100 }, (_, i) => `k${batch * 100 + i}`));
    }
    await tabs.saved();
    expect(m.writes.length).toBeLessThanOrEqual(2);
    const stored = m.items.get('tab:7') as Record<string, { keys: string[] }>;
    expect(stored['0']!.keys).toHaveLength(5000);

    // A change after the write started is written too.
    tabs.addTasks(7, 0, 'http://oa.local', ['late']);
    await tabs.saved();
    expect((m.items.get('tab:7') as Record<string, { keys: string[] }>)['0']!.keys).toContain('late');
  });
});
