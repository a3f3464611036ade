// 蓝凌 EKP: 统一待办 (sys/notify) ListView column tables and portal notify portlets.
import { defineAdapter } from './adapter-spec';

const LINK = 'a.lui_notify_list_link, a[data-href*="fdId" i], a[href*="fdId" i]';
const IDS = [
  { attr: 'kmss_fdId' },
  { sel: 'a[data-href*="fdId" i]', attr: 'data-href', param: 'fdId' },
  { sel: 'a[href*="fdId" i]', attr: 'href', param: 'fdId' },
];
const SUBMITTED = /^请审批\[(.+?)\](.+?)提交的(?:流程|文档|申请)?[：:]/;

export const landrayEkp = defineAdapter(
  {
    id: 'landray-ekp',
    product: '蓝凌 EKP',
    priority: 80,
    url: ['/sys/notify/', '/km/(review|imeeting|smissive|supervise)/'],
    dom: ['table.lui_listview_columntable_table', 'tr[kmss_fdId]', 'a.lui_notify_list_link'],
    lists: [
      {
        root: 'table.lui_listview_columntable_table',
        header: ':scope > thead th',
        row: ':scope > tbody > tr',
        title: `${LINK}, [data-lui-mark="column.subject"]`,
        ids: IDS,
      },
      {
        root: 'a.lui_notify_list_link',
        rootClosest: 'ul, table',
        row: 'li, tr',
        title: 'a.lui_notify_list_link',
        ids: IDS,
        infer: true,
      },
    ],
  },
  {
    // The subject carries the submitter when the row has no creator column.
    refine(report) {
      const m = SUBMITTED.exec(report.title);
      if (m && !report.fields.sender) report.fields.sender = m[2]!.slice(0, 100);
      if (!report.fields.workflow && /^邀请您参加会议[：:]/.test(report.title)) report.fields.workflow = '会议';
    },
  },
);
