// Small helpers shared by the demo OA pages (host-page code, not part of the extension).
// window.__demoClicks counts clicks handled by the host page's own link handlers, so tests can
// check that the page keeps working with the extension present.

window.__demoClicks = window.__demoClicks || 0;

/** Record a host-page click and show a small in-page notice such as "opened request 13198747". */
export function hostOpened(text) {
  window.__demoClicks = (window.__demoClicks || 0) + 1;
  window.__demoLastOpened = text;
  let box = document.getElementById('demo-notice');
  if (!box) {
    box = document.createElement('div');
    box.id = 'demo-notice';
    box.setAttribute('role', 'status');
    box.style.cssText =
      'position:fixed;left:50%;bottom:24px;transform:translateX(-50%);z-index:99;background:rgba(0,0,0,.78);' +
      'color:#fff;padding:8px 16px;border-radius:4px;font:13px/1.5 "Microsoft YaHei",sans-serif;pointer-events:none';
    document.body.appendChild(box);
  }
  box.textContent = text;
  clearTimeout(hostOpened.timer);
  hostOpened.timer = setTimeout(() => box.remove(), 2500);
}

/** Create an element with attributes and children (strings become text nodes). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'className') el.className = v;
    else if (k === 'style') el.style.cssText = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? String(c) : c);
  }
  return el;
}
