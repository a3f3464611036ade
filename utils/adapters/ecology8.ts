// 泛微 e-cology 8: JSP lists rendered by SplitPageTag (table.ListStyle) inside iframe#myFrame of /wui/main.jsp.
import { defineAdapter } from './adapter-spec';

const TITLE =
  'a[href*="ViewRequest"], a[href*="requestid" i], a[onclick*="requestid" i], a[onclick*="openFullWindowHaveBar"]';

export const ecology8 = defineAdapter({
  id: 'ecology8',
  product: '泛微 e-cology 8',
  priority: 80,
  urgency: 'ecology',
  url: ['/wui/main\\.jsp', '/workflow/(request|search)/\\w+\\.jsp'],
  dom: [
    'table.ListStyle a[href*="ViewRequest"]',
    'table.ListStyle a[onclick*="requestid" i]',
    // The /wui/main.jsp shell: the list frame (src wfTabFrame.jsp) has this class.
    'iframe.flowFrame',
  ],
  lists: [
    {
      root: 'table.ListStyle',
      header: ':scope > thead > tr > *, :scope > tbody > tr.HeaderForXtalbe > *, :scope > tbody > tr.header > *',
      row: ':scope > tbody > tr, :scope > tr',
      skip: '.HeaderForXtalbe, .Spacing, .Line, .header',
      title: TITLE,
      // ListStyle is every E8 list (documents, HR…): only request links make a task row.
      strictTitle: true,
      ids: [
        { sel: 'a[href*="requestid" i]', attr: 'href', param: 'requestid' },
        { sel: 'a[onclick*="requestid" i]', attr: 'onclick', param: 'requestid' },
      ],
    },
  ],
});
