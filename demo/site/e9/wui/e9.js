// Demo e-cology 9 workflow center: hash routes, WeaTable-like list rendered late, pager.
import { ecology9 } from '/shared/data.js';
import { hostOpened, h } from '/shared/demo.js';

const ROUTES = {
  '/main/workflow/listDoing': { title: '待办事宜', key: 'listDoing', rows: ecology9.doing },
  '/main/workflow/listDone': { title: '已办事宜', key: 'listDone', rows: ecology9.done },
};
const COLUMNS = ['请求标题', '工作流', '创建人', '创建日期', '接收时间', '当前节点', '未操作者'];
const LOAD_DELAY_MS = 300; // as if rows came from /api/ec/dev/table/datas

// Host-page globals that the row markup calls, as in E9.
window.openSPA4Single = (url, requestid) => hostOpened(`opened request ${requestid}`);
window.openFullWindowHaveBarForWFList = (url, requestid) => hostOpened(`opened request ${requestid}`);
window.openhrm = (userid) => hostOpened(`opened hrm card ${userid}`);
window.pointerXY = (e) => { window.__pointer = e ? [e.clientX, e.clientY] : null; };

document.getElementById('doingCount').textContent = String(ecology9.doing.length);

let renderToken = 0;

function rowFor(r) {
  const titleLink = h('a', {
    href: 'javascript:void(0)',
    onclick: `openSPA4Single('/main/workflow/req?requestid=${r.requestid}',${r.requestid})`,
    title: r.requestname,
  }, r.requestname);
  return h('tr', { className: 'ant-table-row  ant-table-row-level-0', 'data-row-key': r.requestid },
    h('td', { className: 'ant-table-selection-column' }, h('span', {}, h('label', { className: 'ant-checkbox-wrapper' }, h('input', { type: 'checkbox', className: 'ant-checkbox-input', value: r.requestid })))),
    h('td', { className: `wea-url-name requestlevel-${r.requestlevel}` }, h('div', { className: 'wea-url-name' }, titleLink, r.viewtype === 0 ? h('i', { className: 'icon-coms-New-Flow new-flag', title: '新流程' }) : null)),
    h('td', {}, h('span', { title: r.workflowname }, r.workflowname)),
    h('td', {}, h('a', { href: `javaScript:openhrm(${r.creater});`, onclick: 'pointerXY(event);' }, r.creatername)),
    h('td', {}, r.createdate),
    h('td', {}, `${r.receivedate} ${r.receivetime}`),
    h('td', {}, r.currentnodename),
    h('td', {}, h('span', { className: 'wea-unoperators' }, r.unoperators)),
  );
}

function tbodyFor(rows) {
  const tbody = h('tbody', { className: 'ant-table-tbody' });
  for (const r of rows) tbody.append(rowFor(r));
  return tbody;
}

function pagerFor(route, page, onPage) {
  const pages = Math.max(1, Math.ceil(route.rows.length / ecology9.pageSize));
  const ul = h('ul', { className: 'ant-pagination', unselectable: 'unselectable' });
  ul.append(h('li', { className: 'ant-pagination-total-text' }, `共 ${route.rows.length} 条`));
  const prev = h('li', { title: '上一页', className: `ant-pagination-prev${page <= 1 ? ' ant-pagination-disabled' : ''}` }, h('a', {}, '‹'));
  prev.addEventListener('click', () => page > 1 && onPage(page - 1));
  ul.append(prev);
  for (let p = 1; p <= pages; p++) {
    const li = h('li', { title: String(p), className: `ant-pagination-item ant-pagination-item-${p}${p === page ? ' ant-pagination-item-active' : ''}` }, h('a', {}, String(p)));
    li.addEventListener('click', () => p !== page && onPage(p));
    ul.append(li);
  }
  const next = h('li', { title: '下一页', className: `ant-pagination-next${page >= pages ? ' ant-pagination-disabled' : ''}` }, h('a', {}, '›'));
  next.addEventListener('click', () => page < pages && onPage(page + 1));
  ul.append(next);
  return ul;
}

function renderList(route) {
  const token = ++renderToken;
  const host = document.getElementById('tableHost');
  host.replaceChildren();
  const thead = h('thead', { className: 'ant-table-thead' },
    h('tr', {}, h('th', { className: 'ant-table-selection-column' }, h('input', { type: 'checkbox', className: 'ant-checkbox-input' })),
      COLUMNS.map((c) => h('th', {}, h('span', {}, c)))));
  const table = h('table', {}, h('colgroup', {}, h('col', { style: 'width:40px' }), h('col', { style: 'width:34%' })), thead, h('tbody', { className: 'ant-table-tbody' }));
  const spin = h('div', { className: 'ant-spin ant-spin-spinning' }, '数据加载中…');
  const pagerBox = h('div', { className: 'wea-table-pagination' });
  host.append(h('div', { className: 'wea-new-table' },
    h('div', { className: 'ant-table-wrapper' }, h('div', { className: 'ant-spin-nested-loading' }, spin,
      h('div', { className: 'ant-spin-container' },
        h('div', { className: 'ant-table ant-table-large ant-table-scroll-position-left' },
          h('div', { className: 'ant-table-content' }, h('div', { className: 'ant-table-body' }, table))),
        pagerBox)))));

  const showPage = (page, delay) => {
    spin.hidden = false;
    setTimeout(() => {
      if (token !== renderToken) return; // route changed meanwhile
      const start = (page - 1) * ecology9.pageSize;
      const rows = route.rows.slice(start, start + ecology9.pageSize);
      // The whole tbody is replaced, as React does when the dataKey's page changes.
      table.querySelector('tbody').replaceWith(tbodyFor(rows));
      pagerBox.replaceChildren(pagerFor(route, page, (p) => showPage(p, 150)));
      spin.hidden = true;
      window.__demoPage = page;
    }, delay);
  };
  showPage(1, LOAD_DELAY_MS);
}

function route() {
  const path = location.hash.replace(/^#/, '').split('?')[0] || '/main/workflow/listDoing';
  const r = ROUTES[path];
  for (const li of document.querySelectorAll('.e9left li')) li.classList.toggle('active', !!r && li.dataset.route === r.key);
  document.getElementById('routeTitle').textContent = r ? r.title : '流程中心';
  if (r) {
    renderList(r);
  } else {
    renderToken++;
    document.getElementById('tableHost').replaceChildren(h('div', { className: 'ant-table-placeholder' }, '演示站未提供该页面，请使用左侧“待办事宜”或“已办事宜”。'));
  }
}

window.addEventListener('hashchange', route);
if (!location.hash) history.replaceState(null, '', '#/main/workflow/listDoing');
route();
