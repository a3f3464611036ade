// Strips the noise OA systems add around a task title, so that scanning and rule signatures
// see only the business subject. Each step is cheap and guarded by a quick test because
// this runs on the hot path (tens of thousands of titles per second).

export interface NormalizedTitle {
  /** The business subject, with system prefixes, 文号, dates and 关于…的通知 framing removed. */
  core: string;
  /** Text the OA system added that still hints at the kind of task (e.g. "会议通知" from a [会议通知] tag). */
  hint: string;
}

// Bracketed tags at the start: 【急】 [会议通知] 〖待阅〗 (…) — bounded so a real title in brackets survives.
const LEADING_TAG = /^\s*[【[〖［(（]([^】\]〗］)）]{1,12})[】\]〗］)）]\s*/;
// Urgency and status words inside leading tags carry no subject.
const NOISE_TAG = /^(特急|特提|加急|急件|紧急|急|重要|一般|普通|置顶|新|待办|待阅|待审批|已读|未读|催办|转|阅|办|传阅|会签|置顶公告|请阅|请办|退回|被退回|撤回|\d+)$/;
// EKP: 请审批[运维中心]张凯旋提交的流程：阿里云大数据架构探讨
const EKP_REVIEW = /^请(?:审批|审核|处理|阅读|签收)\s*[[［【]([^\]］】]{0,40})[\]］】]\s*(.{0,30}?)提交的(?:流程|文档|公文|申请)\s*[：:]\s*/;
// EKP meeting invitation: 邀请您参加会议：QuickBi会议
const EKP_MEETING = /^(?:邀请您参加会议|会议邀请|会议通知|您有新的会议)\s*[：:]\s*/;
// Generic todo framings: 待办：… / 您有一条待办：… / 请您审批：…
const TODO_PREFIX = /^(?:您有(?:一|1)?(?:条|个|份)?新?的?(?:待办|待阅|待审批)(?:事项|任务|流程)?|待办事项|待办|待阅|待审批|请您?(?:审批|审核|处理|阅示|批示|阅知|核稿|签发)|请审阅)\s*[：:]\s*/;
// Document-handling kind before the subject: 收文登记：… 发文稿纸：… 签报：… — a hint, not the subject.
const LEADING_KIND = /^(收文登记|收文办理|收文|发文稿纸|发文审批|发文|签报|呈批件|阅件|传阅件|会签单|会签)\s*[：:]\s*(?=\S{2})/;
// Tongda / ezOFFICE running numbers: No.1234 / 编号：2024-0311
const RUN_NO_PREFIX = /^(?:No\.?|NO\.?|编号[：:]?)\s*[\dA-Za-z-]+\s*/;
// e-cology default name: 流程名-创建人-2024-05-01 (optionally with a time); creator is 1-12 chars.
const ECOLOGY_DEFAULT = /^(.{2,60}?)\s*[-－—_]\s*[^-－—_\d\s]{1,12}\s*[-－—_]\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$/;
// 文号: 某发〔2024〕12号, [2024]12号, (2024)12号, 第12号.
const DOC_MARK = /[\u4e00-\u9fa5A-Za-z]{0,12}[〔[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*第?\s*\d{1,5}\s*号/g;
// Seeyon/Landray list rows may append the person: …（发起人：张三） / (创建人:李四).
const TRAILING_PERSON = /\s*[（(](?:发起人|创建人|申请人|拟稿人|经办人|提交人|发送人)\s*[：:][^）)]{1,20}[）)]\s*$/;
// Trailing dates and serials: （2024-0311） (2024-05-01 10:20) 2024年5月1日 20240501
const TRAILING_DATE = /\s*[（(]?\s*(?:(?:19|20)\d{2}(?:[-/.年]\s*\d{1,2}(?:[-/.月]\s*\d{1,2}日?)?|-?\d{2,8}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s*[)）]?\s*$/;
// 转发《…》的通知 / 转发省政府关于…的通知的通知: take the inner title. A 《…》 may contain
// quotes (《生态保护“十五五”规划》), so it is matched up to its own closing 》. A bare “…” is
// the inner title only when it closes the title (转发“…”的通知), not a quoted word inside a
// longer subject (印发“十四五”就业促进规划的通知).
const FORWARD_BOOK = /转发[^《“"]{0,30}《([^》]{2,120})》/;
const FORWARD_QUOTE = /转发[^《“"]{0,30}[“"]([^”"]{2,120})[”"](?:的通知)*$/;
const ISSUE_BOOK = /印发\s*《([^》]{2,120})》/;
const ISSUE_QUOTE = /印发\s*[“"]([^”"]{2,120})[”"](?:的通知)*$/;
// Gazette listings put the order before the subject: 中华人民共和国商务部令（2022年第1号） 商务部行政处罚实施办法.
// Joint orders list several organs separated by spaces.
const ORDER_PREFIX = /^(?:(?!关于)[^（(]){2,90}?令\s*[（(][^）)]{0,16}号[）)]\s*(?=\S{2})/;
const FORWARD_PLAIN = /^(?:.{0,40}?关于)?(?:印发|转发)(.{4,200}?)(?:的通知)+$/;
// Org + 关于 + topic + 的 + 文种 (GB/T 9704 title shape).
// The issuing organs may be a long list of co-issuers (九部门: 人力资源社会保障部 中共中央组织部 …),
// hence the generous prefix bound; the prefix stops at the first 关于, so a title is tried once.
const ABOUT_FRAME = /^(?:(?!关于).){0,160}关于(.{2,300}?)的(?:紧急|补充|再)?(?:通知|请示|报告|意见|实施意见|指导意见|批复|复函|函|通报|决定|方案|公告|通告|决议|纪要|报告单)$/;
// The issuing organ before 关于 once the 文种 is gone: 市应急局关于做好… → 做好…
const ABOUT_PREFIX = /^(?:(?!关于).){0,160}关于(?=.{2})/;
const TRAILING_KIND = /(?:的)?(?:通知|请示|报告|批复|复函|函)$/;
const WHITESPACE = /[\s\u3000\u00a0]+/g;
// Control characters and the replacement char from bad decoding: drop them.
// oxlint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd\ufeff]/g;

/** Lengths beyond this carry no more subject; capping keeps pathological lines cheap. */
const MAX_LEN = 300;

export function normalizeTitle(raw: string): NormalizedTitle {
  let s = raw.length > MAX_LEN * 2 ? raw.slice(0, MAX_LEN * 2) : raw;
  if (CONTROL.test(s)) s = s.replace(CONTROL, '');
  CONTROL.lastIndex = 0;
  s = s.replace(WHITESPACE, ' ').trim();
  let hint = '';

  // Leading tags, repeatedly: 【特急】[会议通知] …
  for (let i = 0; i < 4; i++) {
    const m = LEADING_TAG.exec(s);
    if (!m) break;
    const tag = m[1] ?? '';
    if (m[0].length >= s.length) break; // the whole title is bracketed: keep it
    if (!NOISE_TAG.test(tag)) hint += tag + ' ';
    s = s.slice(m[0].length);
  }

  const first = s.charCodeAt(0);
  if (first === 0x8bf7 /* 请 */) {
    const m = EKP_REVIEW.exec(s);
    if (m) s = s.slice(m[0].length);
  }
  if (first === 0x9080 /* 邀 */ || first === 0x4f1a /* 会 */ || first === 0x60a8 /* 您 */) {
    const m = EKP_MEETING.exec(s);
    if (m) {
      hint += '会议 ';
      s = s.slice(m[0].length);
    }
  }
  if (s.length > 3 && (s.indexOf('：') > 0 || s.indexOf(':') > 0)) {
    const m = TODO_PREFIX.exec(s);
    if (m) s = s.slice(m[0].length);
  }
  if (first === 0x4e || first === 0x7f16 /* 编 */) s = s.replace(RUN_NO_PREFIX, '');
  {
    const c = s.charCodeAt(0);
    if (c === 0x6536 /* 收 */ || c === 0x53d1 /* 发 */ || c === 0x7b7e /* 签 */ || c === 0x5448 /* 呈 */ || c === 0x9605 /* 阅 */ || c === 0x4f20 /* 传 */ || c === 0x4f1a /* 会 */) {
      const k = LEADING_KIND.exec(s);
      if (k && k[1]) {
        hint += k[1] + ' ';
        s = s.slice(k[0].length);
      }
    }
  }

  // e-cology default requestname: keep the workflow name only.
  const e = ECOLOGY_DEFAULT.exec(s);
  if (e && e[1]) s = e[1];

  if (s.indexOf('令') > 0) {
    const o = ORDER_PREFIX.exec(s);
    if (o) s = s.slice(o[0].length);
  }
  const last = s.charCodeAt(s.length - 1);
  if ((last === 0xff09 /* ） */ || last === 0x29) && s.indexOf('人') > 0) {
    s = s.replace(TRAILING_PERSON, '');
  }
  if (s.indexOf('号') > 0) s = s.replace(DOC_MARK, ' ');
  s = s.replace(TRAILING_DATE, '');

  if (s.indexOf('转发') >= 0) {
    const b = FORWARD_BOOK.exec(s) ?? FORWARD_QUOTE.exec(s);
    if (b && b[1]) s = b[1];
    else {
      const p = FORWARD_PLAIN.exec(s);
      if (p && p[1]) s = p[1].replace(ABOUT_PREFIX, '');
    }
  } else if (s.indexOf('印发') >= 0) {
    const b = ISSUE_BOOK.exec(s) ?? ISSUE_QUOTE.exec(s);
    if (b && b[1]) s = b[1];
  }
  // Nested: the inner title may itself be 关于…的通知.
  for (let i = 0; i < 2 && s.indexOf('关于') >= 0; i++) {
    const a = ABOUT_FRAME.exec(s);
    if (!a || !a[1]) break;
    s = a[1];
  }
  if (s.length > 4) s = s.replace(TRAILING_KIND, '');
  s = s.trim();
  if (s.length > MAX_LEN) s = s.slice(0, MAX_LEN);
  return { core: s, hint: hint.trim() };
}

// Numbers, dates, periods and ordinals vary between otherwise identical recurring tasks
// (第三季度 / 第四季度, 2024年 / 2025年, 第5期): a signature drops them.
const PERIOD_NOISE =
  /(?:(?:19|20)\d{2}\s*(?:[-~—至到]\s*(?:19|20)?\d{2,4})?\s*年?度?)|(?:第?[一二三四1-4１-４]季度)|(?:[上下]半年)|(?:[一二三四五六七八九十\d]{1,3}月份?)|(?:\d{1,2}日)|(?:第[一二三四五六七八九十百\d]{1,4}(?:期|批|次|号|届|周|轮|季|阶段))|(?:[（(][^）)]{0,20}[）)])|\d+|[.\-_/、，,。：:;；!！?？“”"'‘’《》<>【】[\]〔〕\s]/g;

/** What a learned Rule stores in `signature`: the normalised subject without numbers, dates or periods. */
export function ruleSignature(title: string): string {
  const { core } = normalizeTitle(title);
  return core.replace(PERIOD_NOISE, '').slice(0, 200);
}

// A series prefix names a family of tasks: 「市政府督办单〔2024〕第12号：…」, 「12345热线工单：…」,
// 「【市长信箱转办件】…」. Only prefixes that name a series (a kind of 单/件/简报, a hotline or mailbox)
// count: 收文登记：… or 请阅：… say nothing about the subject and are not families.
const SERIES_PREFIX = /^\s*(?:[【[〖]([^】\]〗]{2,24})[】\]〗]|([^：:]{2,30})[：:])/;
const SERIES_WORD = /工单|督办单|督办件|督办函|督查件|交办单|交办件|转办单|转办件|催办单|信访件|投诉件|举报件|咨询件|提案|建议办理|简报|专报|快报|动态|热线|信箱|留言/;

/** The family a title belongs to by its series prefix (numbers and periods dropped), or ''. */
export function familyKey(title: string): string {
  const m = SERIES_PREFIX.exec(title);
  const raw = m ? (m[1] ?? m[2] ?? '') : '';
  if (raw === '' || !SERIES_WORD.test(raw)) return '';
  const key = raw.replace(PERIOD_NOISE, '');
  return key.length >= 2 ? key.slice(0, 40) : '';
}

// A workflow name (fields.workflow: e-cology workflowname, Seeyon 模板名, EKP fdModelName) names a
// family when it names a kind of business (督办事项办理, 政务信息报送, 企业服务直通车). The generic
// document-handling workflows (公文处理-收文, 发文, 签报, 通用审批) carry every subject and are not
// families: one corrected 收文 says nothing about the next.
const WORKFLOW_NOISE = /公文处理|公文|收文|发文|来文|办文|签报|呈批件?|阅件|传阅|会签|拟稿|核稿|登记|办理|处理|审批|审核|申请|流程|通用|一般|普通|日常|文件|事项|单|表|[\d\s\-－—_·.、/()（）[\]【】:：]+/g;
const WORKFLOW_SPACE = /\s+/g;

/** The family a task belongs to by its workflow name (whitespace and periods dropped), or '' when
 * the workflow is missing or generic (WORKFLOW_NOISE leaves fewer than two characters). */
export function workflowKey(workflow: string | undefined): string {
  if (typeof workflow !== 'string' || workflow.length === 0) return '';
  const name = workflow.replace(WORKFLOW_SPACE, '').replace(PERIOD_NOISE, '').slice(0, 60);
  return name.replace(WORKFLOW_NOISE, '').length >= 2 ? name : '';
}
