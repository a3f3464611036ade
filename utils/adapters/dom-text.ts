// Small DOM readers shared by the adapters. textContent only: innerText forces layout, and a
// 1,000-row list must cost little more than reading it.

export const text = (el: Element | null | undefined): string =>
  el ? (el.textContent ?? '').replace(/\s+/g, ' ').trim() : '';

/** The first `max` UTF-16 units, one fewer where the cut would split a surrogate pair (an emoji
 * or a rare CJK character outside the BMP): never a lone half, which exports turn into U+FFFD. */
export const clip = (s: string, max: number): string => {
  if (s.length <= max) return s;
  const last = s.charCodeAt(max - 1);
  return s.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
};

/** The short text just above an element (a portlet header, an <h3>, a tab strip), up to 4 levels. */
export function nearestHeading(el: Element): string {
  let cur: Element | null = el;
  for (let depth = 0; cur && depth < 5; depth++, cur = cur.parentElement) {
    let sib = cur.previousElementSibling;
    for (let n = 0; sib && n < 3; n++, sib = sib.previousElementSibling) {
      if (sib.localName === 'script' || sib.localName === 'style') continue;
      const t = text(sib);
      if (t && t.length <= 40) return t;
    }
  }
  return '';
}

/** Trailing date of portal list items: 2024-05-01, 2024/5/1 10:20, [05-01], (05-01). */
export const TRAILING_DATE =
  /[[(（]?(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}[-/月]\d{1,2}日?(?:\s+\d{1,2}:\d{2})?)[\])）]?$/;
/** A cell that is only a date/time. */
export const DATE_CELL = /^(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}[-/]\d{1,2})(\s+\d{1,2}:\d{2}(:\d{2})?)?$/;
