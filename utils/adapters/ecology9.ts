// 泛微 e-cology 9: Ant Design "WeaTable" lists (待办/已办/我的请求, 公文, 督办) and portal 待办 elements.
import { defineAdapter } from './adapter-spec';

// Request links only: the same grid also lists documents, meetings and HR records.
const TITLE =
  'a[onclick*="openSPA4Single"], a[onclick*="openFullWindowHaveBar"], a[href*="requestid" i], a[onclick*="requestid" i]';
const IDS = [
  { sel: 'a[onclick*="requestid" i]', attr: 'onclick', param: 'requestid' },
  { sel: 'a[href*="requestid" i]', attr: 'href', param: 'requestid' },
  { sel: 'a[onclick*="openSPA4Single"], a[onclick*="openFullWindowHaveBar"]', attr: 'onclick', re: ",\\s*['\"]?(\\d+)['\"]?\\s*\\)" },
];

export const ecology9 = defineAdapter({
  id: 'ecology9',
  product: '泛微 e-cology 9',
  priority: 90,
  urgency: 'ecology',
  url: ['/spa/(workflow|odoc|govern|portal)/', '/wui/(index|engine)\\.html', '#/main/(workflow|odoc)/'],
  dom: ['.wea-new-table', '.wea-new-idx-content', 'a[onclick*="openSPA4Single"]'],
  lists: [
    {
      root: '.wea-new-table, .ant-table-wrapper',
      header: '.ant-table-thead > tr > th',
      row: '.ant-table-tbody > tr',
      // Fixed columns are rendered as a second copy of the table: read the scrolling one only.
      skip: '.ant-table-fixed-left *, .ant-table-fixed-right *, .ant-table-placeholder, .ant-table-expanded-row',
      title: TITLE,
      strictTitle: true,
      ids: IDS,
    },
    {
      root: '.wea-new-idx-content',
      notHeading: '新闻|公告|公示|知识|文档|图片|通讯录|日程',
      row: 'tbody > tr, li',
      title: TITLE,
      strictTitle: true,
      ids: IDS,
      infer: true,
    },
  ],
});
