// 致远 Seeyon A8/A6/G6: ajaxgrid (flexigrid) lists — 协同待办, 更多待办, G6 公文 — and portal 待办 sections.
import { defineAdapter } from './adapter-spec';

const AFFAIR_LINK = 'a[onclick*="affairId" i], a[href*="affairId" i]';

export const seeyon = defineAdapter({
  id: 'seeyon',
  product: '致远 A8/G6',
  priority: 85,
  urgency: 'seeyon',
  url: ['/seeyon/'],
  dom: ['.multiRowVariableColumn', 'a.cellContentText', '.bDiv [onclick*="affairId" i]', '.bDiv [affairId]'],
  lists: [
    {
      // Header and body are separate tables: columns map by index (and by td/th abbr = column name).
      root: '.bDiv table[id^="list"], .bDiv table[id*="Pending"], .bDiv table#moreList, .bDiv [affairId], .bDiv ' +
        AFFAIR_LINK.replace(', ', ', .bDiv '),
      rootClosest: '.flexigrid',
      header: '.hDiv th',
      row: '.bDiv tbody > tr',
      title: `td[abbr="subject"] ${AFFAIR_LINK.replace(', ', ', td[abbr="subject"] ')}, td[abbr="subject"] .text_overflow, td[abbr="subject"] > div, ${AFFAIR_LINK}`,
      ids: [
        { attr: 'affairId' },
        { sel: '[affairId]', attr: 'affairId' },
        { sel: 'a[onclick*="affairId" i]', attr: 'onclick', param: 'affairId' },
        { sel: 'a[href*="affairId" i]', attr: 'href', param: 'affairId' },
      ],
      fields: { urgency: '[class*="importance_"]@class' },
    },
    {
      // One template serves every portal section; news/bulletin sections are not tasks.
      root: '.multiRowVariableColumn',
      notHeading: '新闻|公告|公示|文档|知识|调查|讨论|图片|规章',
      // Sections are renamed freely (信息发布, 领导讲话…): a task section says so in its heading
      // or links to affairs; anything else is news.
      heading: '待办|待阅|待处理|待审|待签|待批|公文|收文|发文|协同|督办|跟踪|审批|事项|会议',
      has: `${AFFAIR_LINK}, a[onclick*="listPending" i], a[href*="listPending" i]`,
      row: 'tbody > tr',
      title: 'span.titleText, a.cellContentText',
      ids: [
        { sel: 'a.cellContentText', attr: 'href', param: 'affairId' },
        { sel: 'a.cellContentText', attr: 'onclick', param: 'affairId' },
        { sel: 'a.cellContentText', attr: 'onclick', param: 'id' },
      ],
      fields: { urgency: '[class*="importance_"]@class' },
      infer: true,
    },
  ],
});
