// 通达 OA: jqGrid #gridTable work lists (/general/workflow/list/, 审批中心); the portal holds them in tab iframes.
import { defineAdapter } from './adapter-spec';

// jqGrid names cells after the colModel; newer modules (审批中心) use the upper-case database names.
const RUN_NAME = 'td[aria-describedby$="_run_name" i]';

export const tongda = defineAdapter({
  id: 'tongda',
  product: '通达 OA',
  priority: 70,
  url: ['/general/'],
  dom: [`#gridTable ${RUN_NAME}`, 'iframe#workflow-data-list', 'iframe[id^="tabs_"][id$="_iframe"]'],
  lists: [
    {
      // Cells name their column (aria-describedby="gridTable_run_name"), header or not.
      root: '.ui-jqgrid, table#gridTable',
      header: '.ui-jqgrid-htable th',
      row: 'tr.jqgrow, tbody > tr[role="row"]',
      skip: '.jqgfirstrow',
      title: `${RUN_NAME} a, ${RUN_NAME}`,
      // Every Tongda module uses jqGrid (address book, news…): only work-name cells are tasks.
      strictTitle: true,
      ids: [
        { sel: 'a[href*="RUN_ID" i]', attr: 'href', param: 'RUN_ID' },
        { sel: 'a[onclick*="RUN_ID" i]', attr: 'onclick', param: 'RUN_ID' },
        { sel: 'a[onclick*="handle_work"]', attr: 'onclick', re: "handle_work\\(\\s*['\"][^'\"]*['\"]\\s*,\\s*['\"]?(\\d+)" },
        { sel: 'td[aria-describedby$="_run_id" i]', attr: '#text', re: '^(\\d+)$' },
      ],
    },
  ],
});
