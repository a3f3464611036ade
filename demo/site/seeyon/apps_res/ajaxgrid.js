// Demo stand-in for Seeyon's jQuery ajaxgrid/flexigrid: the header and the body are separate
// tables (div.hDiv table / div.bDiv table), as flexigrid renders them.
import { h } from '/shared/demo.js';

/**
 * @param {HTMLElement} host
 * @param {{ id: string, title: string, columns: {name: string, display: string, width: string}[],
 *   rows: { rowId: string, affairId: string, bold?: boolean, cells: Record<string, Node|string> }[] }} grid
 */
export function renderAjaxGrid(host, grid) {
  const cols = [{ name: 'id', display: '', width: '30px' }, ...grid.columns];
  const colgroup = () => h('colgroup', {}, cols.map((c) => h('col', { style: `width:${c.width}` })));
  const headRow = h('tr', {}, cols.map((c, i) =>
    h('th', { abbr: c.name, axis: `col${i}` }, h('div', {}, c.name === 'id' ? h('input', { type: 'checkbox', className: 'noClick' }) : c.display))));
  const tbody = h('tbody', {});
  grid.rows.forEach((r, i) => {
    tbody.append(h('tr', { id: `row${r.rowId}`, className: i % 2 ? 'erow' : '' },
      h('td', { abbr: 'id', align: 'center' }, h('div', {}, h('input', { type: 'checkbox', name: 'id', value: r.affairId, affairId: r.affairId, className: 'noClick' }))),
      grid.columns.map((c) => h('td', { abbr: c.name }, h('div', { className: c.name === 'subject' && r.bold ? 'font_bold' : '' }, r.cells[c.name] ?? '')))));
  });
  host.append(h('div', { className: 'flexigrid', id: `${grid.id}_flexigrid` },
    h('div', { className: 'mDiv' }, h('div', { className: 'ftitle' }, grid.title)),
    h('div', { className: 'tDiv' }, h('span', {}, '处理'), h('span', {}, '转发'), h('span', {}, '导出Excel'), h('span', {}, '查询')),
    h('div', { className: 'hDiv' }, h('div', { className: 'hDivBox' }, h('table', { cellpadding: 0, cellspacing: 0 }, colgroup(), h('thead', {}, headRow)))),
    h('div', { className: 'bDiv' }, h('table', { id: grid.id, className: 'flexme3', cellpadding: 0, cellspacing: 0, border: 0 }, colgroup(), tbody)),
    h('div', { className: 'pDiv' }, `共 ${grid.rows.length} 条　每页 20 条　第 1 页`)));
}

export const IMPORTANCE = ['', '普通', '重要', '非常重要', '特急', '特提'];
