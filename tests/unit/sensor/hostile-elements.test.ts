// @vitest-environment happy-dom
// A page that defines its own <ronghe-tag> and <ronghe-panel> (constructors that attach a shadow
// root first) must not make the content script throw: stand-ins host our tags and handle, and the
// frame's page/status names the conflict for the diagnostics.
import { describe, expect, it, vi } from 'vitest';
import { createRowTag } from '@/utils/sensor/row-tag';
import { PanelHost } from '@/utils/sensor/panel-host';
import { PageSensor, type PageStatusReport } from '@/utils/sensor/page-sensor';
import { elementConflicts } from '@/utils/sensor/shadow-host';
import { diagnosticsJson } from '@/components/panel/Diagnostics';
import type { TagView } from '@/utils/messages/to-content';

class Hostile extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'closed' });
  }
}
customElements.define('ronghe-tag', class extends Hostile {});
customElements.define('ronghe-panel', class extends Hostile {});

const view = (key: string): TagView => ({ key, category: 'emergency', action: 'commando-team', categoryName: '应急', label: '突击队', actionName: '党员突击队', phases: 1, confidence: 0.9, source: 'auto', evidence: [] });

describe('a page that defines our element names', () => {
  it('row tags and the panel host fall back to stand-ins instead of throwing', () => {
    const tag = createRowTag(view('k1'), { tooltip: () => '', unsure: '待确认' }, () => {});
    expect(tag.localName).toBe('span');
    expect(tag.hasAttribute('data-ronghe-tag')).toBe(true);
    expect(tag.getAttribute('data-phases')).toBe('1');
    const host = new PanelHost({ panelUrl: () => 'about:blank', label: '融合助手', width: 380 });
    host.show();
    const stand = document.querySelector('[data-ronghe-panel]') as HTMLElement;
    expect(stand.localName).toBe('div');
    expect(stand.shadowRoot!.querySelector('button')!.textContent).toBe('融合助手');
    host.destroy();
    expect([...elementConflicts].sort()).toEqual(['ronghe-panel', 'ronghe-tag']);
  });

  it('the sensor tags rows with stand-ins, reports the conflict, and does not rescan its own tags', async () => {
    document.body.innerHTML = '<table id="l"><tr><td class="t">关于防汛的通知</td></tr></table>';
    const statuses: PageStatusReport[] = [];
    const titleCell = document.querySelector('td.t')!;
    const sensor = new PageSensor({
      doc: document,
      adapters: {
        detectLists: () => [{ adapterId: 'generic', product: 'x', confidence: 'generic', root: document.getElementById('l')! } as never],
        extractRows: () => [{ row: titleCell.parentElement!, titleCell, report: { nativeId: '1', title: '关于防汛的通知', fields: {} } } as never],
        taskKey: () => 'k1',
        rowCount: () => 1,
        detectProduct: () => null,
      },
      report: async () => [view('k1')],
      status: async (s) => (statuses.push(s), true),
      openPanel: () => {},
      texts: { tooltip: () => '', unsure: '待确认' },
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      clearTimeout: (id) => window.clearTimeout(id),
    });
    sensor.start();
    // The status follows a burst of replies (coalesced): wait for the one that names the tagged key.
    await vi.waitFor(() => expect(statuses.at(-1)?.keys).toEqual(['k1']));
    expect(document.querySelectorAll('[data-ronghe-tag]')).toHaveLength(1);
    expect(statuses.at(-1)!.conflicts).toContain('ronghe-tag');
    expect(statuses.at(-1)!.keys).toEqual(['k1']);
    expect(diagnosticsJson([{ product: 'x', rows: 1, lists: 1, path: '/', adapterIds: ['generic'], conflicts: statuses.at(-1)!.conflicts }], '0.1.0')).toContain('elementConflicts');
    sensor.destroy();
  });
});
