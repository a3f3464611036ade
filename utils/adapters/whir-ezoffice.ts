// 万户 ezOFFICE: listTable rendered from whir-options (待办/待阅/已办, 公文收文); portal content in #mainFrame.
import { defineAdapter } from './adapter-spec';

export const whirEzoffice = defineAdapter({
  id: 'whir-ezoffice',
  product: '万户 ezOFFICE',
  priority: 70,
  urgency: 'whir',
  url: ['/defaultroot/'],
  dom: ['tbody#itemContainer', 'thead#headerContainer', 'table.listTable a[onclick*="openWorkFlow"]'],
  lists: [
    {
      root: 'table.listTable',
      header: ':scope > thead > tr > *',
      row: ':scope > tbody > tr',
      skip: '.listTableHead',
      // _workTitle is an openWorkFlow(...) link; overdue titles are wrapped in red <font>/<span>.
      title: 'a[onclick*="openWorkFlow"], a[onclick*="openwork" i], a[href*="workId" i]',
      ids: [
        { sel: 'a[onclick*="openWorkFlow"]', attr: 'onclick', re: "openWorkFlow\\(\\s*['\"]?([\\w-]+)" },
        { sel: 'a[href*="workId" i]', attr: 'href', param: 'workId' },
      ],
    },
  ],
});
