// @vitest-environment happy-dom
// <ronghe-panel>: a pointer or focus on 融合助手 starts the panel hidden; the click shows that same
// frame (no second load); without a hover the click starts it visible.
import { afterEach, describe, expect, it } from 'vitest';
import { PanelHost } from '@/utils/sensor/panel-host';

let host: PanelHost | null = null;
afterEach(() => {
  host?.destroy();
  host = null;
});

function mount() {
  host = new PanelHost({ panelUrl: (key) => `about:blank${key ? `#task=${key}` : ''}`, label: '融合助手', width: 380 });
  host.show();
  const root = document.querySelector('ronghe-panel')!.shadowRoot!;
  const handle = root.querySelector('button')!;
  const frames = () => [...root.querySelectorAll('iframe')];
  return { panel: host, handle, frames };
}

describe('PanelHost', () => {
  it('hover starts the panel hidden; the click shows the same frame', () => {
    const { panel, handle, frames } = mount();
    handle.dispatchEvent(new PointerEvent('pointerenter'));
    expect(frames()).toHaveLength(1);
    const [prepared] = frames();
    expect(prepared!.hidden).toBe(true);
    expect(panel.isOpen).toBe(false);
    expect(handle.getAttribute('aria-expanded')).toBe('false');

    handle.dispatchEvent(new FocusEvent('focus'));
    expect(frames()).toHaveLength(1);

    handle.click();
    expect(frames()).toEqual([prepared]);
    expect(prepared!.hidden).toBe(false);
    expect(panel.isOpen).toBe(true);
    expect(handle.hidden).toBe(true);
    expect(handle.getAttribute('aria-expanded')).toBe('true');
  });

  it('a click without a hover opens a visible panel; closing drops it (focus back on 融合助手 starts none), a new hover prepares anew', async () => {
    const { panel, handle, frames } = mount();
    handle.click();
    expect(frames()).toHaveLength(1);
    expect(frames()[0]!.hidden).toBe(false);
    panel.close();
    expect(panel.isOpen).toBe(false);
    expect(document.querySelector('ronghe-panel')!.shadowRoot!.activeElement).toBe(handle);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(frames()).toHaveLength(0);
    handle.dispatchEvent(new PointerEvent('pointerenter'));
    expect(frames().map((f) => f.hidden)).toEqual([true]);
  });

  it('opening for a task loads that task into the prepared frame', () => {
    const { panel, handle, frames } = mount();
    handle.dispatchEvent(new PointerEvent('pointerenter'));
    panel.open('k1');
    expect(frames()).toHaveLength(1);
    expect(frames()[0]!.getAttribute('src')).toBe('about:blank#task=k1');
  });
});
