// Our two elements' hosts, made safely on a hostile page. A page may define its own `ronghe-tag`
// or `ronghe-panel` custom element (by accident or to fight us): its constructor runs when we
// create ours, and if it attaches a shadow root first, ours throws. Then a plain element stands in
// (marked data-ronghe-tag / data-ronghe-panel), tagging goes on, and the page's diagnostics say so.

/** Element names a page had taken on this frame (reported with page/status). */
export const elementConflicts = new Set<string>();

export function shadowHost(name: string, mode: 'open' | 'closed', fallback: 'span' | 'div'): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement(name);
  try {
    return { host, root: host.attachShadow({ mode }) };
  } catch {
    // Diagnostics (page/status) say so.
    elementConflicts.add(name);
    const stand = document.createElement(fallback);
    stand.setAttribute(`data-${name}`, '');
    return { host: stand, root: stand.attachShadow({ mode }) };
  }
}
