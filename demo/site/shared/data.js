// Demo dataset of the bundled OA site. Every product page draws its rows from here, and
// tests import it in Node to check demo/site/expected.json (see buildExpected()).
// Deterministic: no Math.random, no clock; native ids are derived from list positions.
// Each task lists its acceptable category ids (taxonomy.md), primary first.

/** Fixed reference time of the demo: Monday 2024-05-06, office hours 08:30-17:30. */
const BASE_DAY = Date.UTC(2024, 4, 6);
const DAY_START = 8 * 60 + 30;
const WORKDAY_MINUTES = 9 * 60;
const DAY_MS = 86400000;

const pad = (n) => String(n).padStart(2, '0');
const isWeekend = (ms) => [0, 6].includes(new Date(ms).getUTCDay());
const fmtDate = (ms) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

/**
 * 'YYYY-MM-DD HH:mm' for an offset in *office* minutes from Monday 08:30 (negative = earlier),
 * so that demo times fall on weekdays within office hours.
 */
export function stamp(minutes) {
  const days = Math.floor(minutes / WORKDAY_MINUTES);
  const inDay = DAY_START + (minutes - days * WORKDAY_MINUTES);
  let day = BASE_DAY;
  for (let left = Math.abs(days); left > 0; ) {
    day += Math.sign(days) * DAY_MS;
    if (!isWeekend(day)) left--;
  }
  return `${fmtDate(day)} ${pad(Math.floor(inDay / 60))}:${pad(inDay % 60)}`;
}
/** Calendar date `days` after the reference Monday (deadlines). */
export const calendarDate = (days) => fmtDate(BASE_DAY + days * DAY_MS);
export const dateOf = (minutes) => stamp(minutes).slice(0, 10);
export const timeOf = (minutes) => stamp(minutes).slice(11);

/** Deterministic 32-hex id (EKP fdId style) from a seed string (FNV-1a, four rounds). */
export function hexId(seed) {
  let out = '';
  for (let round = 0; round < 4; round++) {
    let h = 0x811c9dc5;
    for (const ch of `${round}:${seed}`) {
      h ^= ch.codePointAt(0);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

const cats = (s) => s.split('|');

// ---------------------------------------------------------------- e-cology 9
// [title, categories, workflowname, creator, currentnode, requestlevel(0 正常/1 重要/2 紧急), unoperators]
const E9_DOING = [
  ['请假申请-张三-2024-05-01', 'admin', '请假申请', '张三', '部门负责人审批', 0, '刘建国'],
  ['关于召开全市防汛抗旱工作视频会议的通知', 'emergency|meeting', '会议通知审批', '陈晓东', '分管领导审批', 2, '刘建国'],
  ['市政府督办单：关于老旧小区改造进度滞后问题的督办', 'supervision', '督查督办流程', '周敏', '承办科室办理', 1, '刘建国、孙丽'],
  ['12345热线工单：市民反映城南大道路灯不亮', 'petition', '12345工单办理', '热线平台', '承办人办理', 1, '刘建国'],
  ['关于申报2025年省级重点建设项目的请示', 'project', '项目申报审批', '黄志强', '计划科审核', 0, '刘建国'],
  ['关于编制2025年部门预算的通知', 'finance', '收文办理', '财务科', '办公室拟办', 0, '刘建国'],
  ['关于王某某等同志职务任免的请示', 'personnel', '干部任免审批', '组织人事科', '主要领导审批', 1, '刘建国'],
  ['关于开展基层减负情况专题调研的工作方案', 'research', '调研方案审批', '政策研究室', '分管领导审批', 0, '刘建国'],
  ['关于举办全市安全生产执法人员业务培训班的通知', 'training|emergency|enforcement', '培训审批', '宣教科', '科室会签', 0, '刘建国、马超'],
  ['关于开展食品安全专项执法检查的通知', 'enforcement', '发文审批', '执法支队', '核稿', 1, '刘建国'],
  ['行政许可申请审批：食品经营许可证（城西某某餐饮有限公司）', 'service', '行政许可审批', '政务服务窗口', '审核', 0, '刘建国'],
  ['关于报送2024年5月政务信息的通知', 'publicity', '收文办理', '办公室', '承办', 0, '刘建国'],
  ['关于赴粤港澳大湾区开展招商引资活动的请示', 'economy', '出差审批', '投资促进科', '分管领导审批', 0, '刘建国'],
  ['关于做好2024年乡村振兴驻村帮扶工作的通知', 'livelihood', '收文办理', '农业农村科', '拟办', 0, '刘建国'],
  ['关于开展“七一”主题党日活动的通知', 'party', '党务工作流程', '机关党委', '支部书记审核', 0, '刘建国'],
  ['公务用车申请-李四-2024-04-29', 'admin', '公务用车申请', '李四', '车管员派车', 0, '刘建国'],
  ['差旅费报销-王五-2024-04-29', 'finance', '差旅费报销', '王五', '财务审核', 0, '刘建国'],
  ['关于做好汛期地质灾害隐患排查工作的紧急通知', 'emergency', '收文办理', '应急管理科', '领导批示', 2, '刘建国'],
  ['2024年度公开招聘事业单位工作人员实施方案', 'personnel', '发文审批', '组织人事科', '会签', 0, '刘建国'],
  ['关于2023年度部门决算公开的报告', 'finance|publicity', '签报', '财务科', '分管领导审批', 0, '刘建国'],
  ['局长办公会议纪要（2024年第9期）', 'meeting', '会议纪要审批', '办公室', '主要领导审批', 0, '刘建国'],
  ['关于城东污水处理厂二期工程招标文件的审核意见', 'project', '合同审批', '项目建设科', '法规科审核', 0, '刘建国'],
  ['用印申请-赵六-2024-04-30', 'admin', '用印申请', '赵六', '印章管理员', 0, '刘建国'],
  ['关于开展“最美窗口”服务品牌创建活动的通知', 'service|party', '发文审批', '行政审批科', '核稿', 0, '刘建国'],
];
const E9_DONE = [
  ['关于开展2024年春季森林防火督查的通知', 'emergency|supervision', '发文审批', '应急管理科', '归档', 0, ''],
  ['请假申请-孙丽-2024-04-28', 'admin', '请假申请', '孙丽', '归档', 0, ''],
  ['关于报送一季度经济运行分析材料的通知', 'economy', '收文办理', '发展规划科', '归档', 0, ''],
  ['关于组织收看法治专题讲座的通知', 'training', '收文办理', '法规科', '归档', 0, ''],
  ['12345热线工单：反映某小区电梯长期故障', 'petition', '12345工单办理', '热线平台', '办结', 0, ''],
  ['关于推荐2024年度优秀共产党员人选的通知', 'party|personnel', '党务工作流程', '机关党委', '归档', 0, ''],
  ['办公用品领用申请-陈晓东-2024-04-25', 'admin', '办公用品领用', '陈晓东', '归档', 0, ''],
  ['全市重点项目建设进度周报（第17周）', 'project', '信息报送', '项目建设科', '归档', 0, ''],
];

function e9Rows(list, idBase, minuteBase) {
  return list.map(([title, c, workflowname, creatername, currentnodename, requestlevel, unoperators], i) => {
    const created = minuteBase - i * 173 - 1440;
    // A default title (工作流名称-创建人-日期) carries the creation date.
    const titleDate = /-(\d{4}-\d{2}-\d{2})$/.exec(title)?.[1];
    return {
      requestid: idBase - i * 37,
      workflowid: 100 + (workflowname.length * 7 + i) % 60,
      requestname: title,
      categories: cats(c),
      workflowname,
      creatername,
      creater: 2100 + i * 3,
      createdate: titleDate ?? dateOf(created),
      createtime: timeOf(created),
      receivedate: titleDate && titleDate > dateOf(created + 95) ? titleDate : dateOf(created + 95),
      receivetime: timeOf(created + 95),
      currentnodename,
      requestlevel,
      unoperators,
      viewtype: i % 3 === 0 ? 0 : 1, // 0 = unread (shown with a "new" mark)
    };
  });
}
export const ecology9 = {
  doing: e9Rows(E9_DOING, 13198747, 0),
  done: e9Rows(E9_DONE, 13196021, -4000),
  pageSize: 10,
};

// ---------------------------------------------------------------- e-cology 8
// [title, categories, workflowname, creator, requestlevel]
const E8_DOING = [
  ['关于召开2024年度森林防火工作部署会的通知', 'emergency|meeting', '会议通知', '林业站', 1],
  ['关于李某某同志试用期满考核情况的报告', 'personnel', '人事事项呈批', '组织人事科', 0],
  ['关于拨付2024年第二批农村公路养护资金的请示', 'finance|project', '资金拨付审批', '财务科', 1],
  ['县委巡察反馈问题整改落实情况督办单', 'supervision', '督查督办', '督查室', 2],
  ['关于开展城乡环境卫生专项整治行动的实施方案', 'enforcement', '发文审批', '城管执法局', 0],
  ['信访事项转办单（2024-0311）：反映拖欠农民工工资问题', 'petition', '信访件办理', '信访办', 2],
  ['关于召开5月份局机关月度例会的通知', 'meeting', '会议通知', '办公室', 0],
  ['关于报送2024年度重点课题研究成果的通知', 'research', '收文办理', '政策研究室', 0],
  ['请假申请-刘建国-2024-05-07', 'admin', '请假申请', '刘建国', 0],
  ['关于做好2024年高校毕业生就业服务工作的通知', 'livelihood', '收文办理', '人社局', 0],
  ['关于举办党务干部能力提升培训班的通知', 'training|party', '培训审批', '机关党委', 0],
  ['关于帮助中小微企业纾困解难的若干措施（征求意见稿）', 'economy', '会签', '工信局', 1],
  ['不动产登记办件超期情况通报', 'service|supervision', '发文审批', '不动产登记中心', 0],
  ['IT设备报修申请-机房空调故障', 'admin', 'IT报修', '信息中心', 0],
];
export const ecology8 = {
  doing: E8_DOING.map(([title, c, workflowname, creatername, requestlevel], i) => {
    const created = -i * 211 - 600;
    return {
      requestid: 882451 - i * 13,
      requestname: title,
      categories: cats(c),
      workflowname,
      creatername,
      creater: 310 + i,
      createdate: dateOf(created),
      createtime: timeOf(created),
      receivedate: dateOf(created + 42),
      receivetime: timeOf(created + 42),
      requestlevel,
    };
  }),
};

// ---------------------------------------------------------------- Seeyon A8 协同 / G6 公文
// [subject, categories, startUserName, categoryLabel, importance(1-5), deadline]
const SEEYON_PENDING = [
  ['关于召开全市安全生产工作调度会的通知', 'emergency|meeting', '陈晓东', '协同', 3, '2024-05-09 17:00'],
  ['关于开展政府采购领域专项检查的通知', 'finance|enforcement', '财政局', '协同', 2, '2024-05-15 17:00'],
  ['12345热线工单：群众反映农贸市场占道经营', 'petition|enforcement', '热线平台', '协同', 2, '2024-05-08 12:00'],
  ['市重点项目建设进度周报（第18周）', 'project', '发改委', '协同', 1, ''],
  ['关于推荐中级职称评审委员会人选的函', 'personnel', '人社局', '协同', 1, '2024-05-20 17:00'],
  ['关于开展营商环境专题调研的通知', 'research|service', '政研室', '协同', 1, ''],
  ['关于报送政务公开年度报告编制材料的通知', 'publicity', '政务公开办', '协同', 1, '2024-05-12 17:00'],
  ['关于组织参加全省招商引资推介会的通知', 'economy|meeting', '商务局', '协同', 2, '2024-05-10 17:00'],
  ['关于收缴2024年第二季度党费的通知', 'party', '机关党委', '协同', 1, ''],
  ['网络安全知识线上考试通知', 'training', '网信办', '协同', 1, '2024-05-17 17:00'],
  ['关于调整城乡居民养老保险待遇的方案（送审稿）', 'livelihood', '人社局', '协同', 2, ''],
  ['会议室使用申请（5月9日上午）', 'admin', '办公室', '协同', 1, ''],
  ['关于做好“五一”后防汛备汛检查的紧急通知', 'emergency', '应急管理局', '协同', 4, '2024-05-07 12:00'],
  ['关于审计发现问题整改情况的报告', 'supervision|finance', '审计局', '协同', 2, '2024-05-31 17:00'],
  ['关于开展“我为群众办实事”进社区活动的通知', 'livelihood|party', '机关工委', '协同', 1, ''],
];
// [subject, categories, docMark, urgentLevel, secretLevel, startUserName, govdocType(1 发文/2 收文/3 签报)]
const SEEYON_GOVDOC = [
  ['关于做好2024年防汛抗旱工作的通知', 'emergency', '某政发〔2024〕12号', '特急', '普通', '市政府办公室', 2],
  ['关于加快推进高铁站片区开发建设的请示', 'project', '某发改〔2024〕35号', '急件', '普通', '张立新', 3],
  ['关于印发《重点工作督查督办办法》的通知', 'supervision', '某办发〔2024〕8号', '平件', '普通', '督查室', 1],
  ['关于李某某同志任职的通知', 'personnel', '某组干〔2024〕21号', '平件', '内部', '市委组织部', 2],
  ['关于开展违法建设专项整治行动的方案', 'enforcement', '某政办发〔2024〕17号', '加急', '普通', '城管局', 1],
  ['关于2024年一季度全市经济运行情况的报告', 'economy', '某统〔2024〕6号', '平件', '普通', '统计局', 2],
  ['关于优化政务服务窗口工作流程的通知', 'service', '某政服〔2024〕4号', '平件', '普通', '政务服务中心', 1],
  ['关于开展第二批主题教育专题学习的通知', 'party|training', '某直工〔2024〕3号', '平件', '普通', '机关工委', 2],
  ['关于申请追加2024年度信息化建设经费的签报', 'finance', '', '急件', '普通', '信息中心', 3],
  ['关于召开全市乡村振兴工作推进会的通知', 'livelihood|meeting', '某农办〔2024〕15号', '急件', '普通', '农业农村局', 2],
  ['关于开展“最美公务员”典型宣传的通知', 'publicity', '某宣通〔2024〕9号', '平件', '普通', '宣传部', 2],
  ['关于开展2024年度统计执法检查的通知', 'enforcement', '某统发〔2024〕11号', '平件', '普通', '统计局', 1],
];
export const seeyon = {
  pending: SEEYON_PENDING.map(([subject, c, startUserName, categoryLabel, importance, deadline], i) => {
    const start = -i * 157 - 300;
    return {
      affairId: `-${7812345678901234 + i * 9731}`, // Seeyon ids are long signed numbers
      summaryId: `${5512345678901234 + i * 4417}`,
      subject,
      categories: cats(c),
      startUserName,
      startTime: stamp(start),
      receiveTime: stamp(start + 11),
      deadline,
      importance,
      categoryLabel,
      subState: i % 4 === 0 ? 11 : 12, // 11 = 未读 (bold)
    };
  }),
  govdoc: SEEYON_GOVDOC.map(([subject, c, docMark, urgentLevel, secretLevel, startUserName, govdocType], i) => {
    const start = -i * 233 - 700;
    return {
      affairId: `${3300112233445566 + i * 7771}`,
      subject,
      categories: cats(c),
      docMark,
      urgentLevel,
      secretLevel,
      startUserName,
      startTime: stamp(start),
      govdocType,
    };
  }),
};
/** The portal 待办 section shows the newest affairs of both lists. */
export const seeyonPortal = [
  ...seeyon.pending.slice(0, 5).map((r) => ({ ...r, app: '协同', link: 'collaboration' })),
  ...seeyon.govdoc.slice(0, 3).map((r) => ({
    affairId: r.affairId, subject: r.subject, categories: r.categories, startUserName: r.startUserName,
    receiveTime: r.startTime, categoryLabel: ['', '发文', '收文', '签报'][r.govdocType], app: '公文', link: 'govdoc', subState: 12,
  })),
].sort((a, b) => b.receiveTime.localeCompare(a.receiveTime));
export const seeyonBulletins = [
  ['关于2024年劳动节放假安排的通知', '2024-04-26'],
  ['机关食堂5月份菜谱公示', '2024-04-30'],
  ['关于更换办公网络准入客户端的公告', '2024-05-04'],
];

// ---------------------------------------------------------------- Landray EKP 统一待办
// [fdSubject, categories, fdType(1 处理类/2 阅读类), fdModelName, docCreatorName, fdLevel(1 紧急/2 急/3 一般)]
const EKP_TODO = [
  ['请审批[运维中心]张凯旋提交的流程：关于机房UPS电源更换的采购申请', 'finance|admin', 1, '流程管理', '张凯旋', 3],
  ['邀请您参加会议：全市防汛应急演练筹备会', 'emergency|meeting', 1, '会议管理', '赵海峰', 2],
  ['请审批[行政审批科]刘芳提交的流程：关于推行“一网通办”帮办代办服务的实施方案', 'service', 1, '流程管理', '刘芳', 3],
  ['请审批[综合科]孙国庆提交的流程：关于报送2024年5月政务信息的函', 'publicity', 1, '流程管理', '孙国庆', 3],
  ['督办任务：关于市领导批示件办理情况的督办（第23号）', 'supervision', 1, '督办管理', '督查室', 1],
  ['邀请您参加会议：2024年第二季度经济运行分析会', 'economy|meeting', 1, '会议管理', '发展规划科', 3],
  ['请审批[人力资源部]周文提交的流程：关于2024年度新录用公务员入职培训的请示', 'training|personnel', 1, '流程管理', '周文', 3],
  ['请审批[执法大队]吴刚提交的流程：行政处罚决定书审批（渣土运输违规）', 'enforcement', 1, '流程管理', '吴刚', 2],
  ['请审批[规划科]郑丽提交的流程：关于开展城市更新课题研究的请示', 'research|project', 1, '流程管理', '郑丽', 3],
  ['请审批[第一党支部]何平提交的流程：关于召开2024年度组织生活会的请示', 'party|meeting', 1, '流程管理', '何平', 3],
  ['请审批[运维中心]张凯旋提交的流程：年休假审批单（张凯旋）', 'admin', 1, '流程管理', '张凯旋', 3],
  ['请审批[社区工作科]钱敏提交的流程：关于创建全国文明城市志愿服务工作的方案', 'livelihood', 1, '流程管理', '钱敏', 3],
];
const EKP_READ = [
  ['关于印发《2024年全市政务公开工作要点》的通知', 'publicity', 2, '公文管理', '办公室', 3],
  ['关于开展安全生产大排查大整治的紧急通知', 'emergency|enforcement', 2, '公文管理', '安委办', 1],
  ['督查通报（第5期）', 'supervision', 2, '督办管理', '督查室', 3],
  ['关于做好发展党员工作的通知', 'party', 2, '公文管理', '机关党委', 3],
  ['城乡居民医保参保缴费工作进展通报', 'livelihood', 2, '公文管理', '医保局', 3],
  ['机关内部通讯录更新通知', 'admin', 2, '公文管理', '办公室', 3],
];
const ekpRows = (list, minuteBase) =>
  list.map(([fdSubject, c, fdType, fdModelName, docCreatorName, fdLevel], i) => ({
    fdId: hexId(`ekp:${fdType}:${i}`),
    fdSubject,
    categories: cats(c),
    fdType,
    fdModelName,
    docCreatorName,
    fdLevel,
    fdCreateTime: stamp(minuteBase - i * 97),
  }));
export const ekp = { pending: ekpRows(EKP_TODO, -120), read: ekpRows(EKP_READ, -900) };

// ---------------------------------------------------------------- Tongda OA
// [run_name, categories, flow_name, begin_user, step]
const TONGDA_TODO = [
  ['关于召开全县秸秆禁烧工作部署会的通知', 'enforcement|meeting', '会议通知审批', '张建军', '第2步：办公室核稿'],
  ['2024年第一季度党费收缴情况报告', 'party', '党务审批', '李红梅', '第3步：支部书记审核'],
  ['关于申请安全生产专项经费的请示', 'emergency|finance', '经费申请', '王志刚', '第2步：财务科审核'],
  ['12345热线工单：居民反映小区违章搭建', 'petition|enforcement', '热线工单办理', '热线中心', '第2步：承办单位办理'],
  ['关于开展2024年度职称评审推荐工作的通知', 'personnel', '收文办理', '人社局', '第1步：拟办'],
  ['县重点项目“三个一批”推进情况督查通报', 'supervision|project', '督查通报', '督查室', '第2步：领导审签'],
  ['关于开展农村饮水安全情况摸底调查的方案', 'research|livelihood', '发文审批', '水利局', '第3步：会签'],
  ['关于组织开展全县应急救援队伍培训的通知', 'training|emergency', '培训审批', '应急局', '第2步：分管领导审批'],
  ['企业开办“一件事一次办”实施方案', 'service', '发文审批', '行政审批局', '第4步：主要领导签发'],
  ['关于报送招商引资项目签约情况的通知', 'economy', '收文办理', '招商局', '第1步：拟办'],
  ['政府网站内容保障工作自查报告', 'publicity', '信息报送', '信息中心', '第2步：科室负责人审核'],
  ['公务用车使用申请（赴乡镇调研）', 'admin', '用车申请', '刘洋', '第2步：办公室派车'],
];
export const tongda = {
  todo: TONGDA_TODO.map(([run_name, c, flow_name, begin_user, step], i) => ({
    run_id: 20431 - i * 7,
    prcs_key_id: 118802 - i * 19,
    flow_id: 40 + (i * 5) % 23,
    prcs_id: Number(step.match(/第(\d+)步/)[1]),
    flow_prcs: Number(step.match(/第(\d+)步/)[1]) + 1,
    run_name,
    categories: cats(c),
    flow_name,
    begin_user,
    step,
    prcs_time: stamp(-i * 131 - 45),
  })),
};

// ---------------------------------------------------------------- Whir ezOFFICE
// [_workTitle, categories, huanji(0-4), submitOrg, activity, deadlineOffsetDays]
const WHIR_WAITING = [
  ['关于做好汛期值班值守工作的紧急通知', 'emergency', 4, '市应急管理局', '办公室主任阅批', -1],
  ['关于上报2024年上半年督查事项办理情况的通知', 'supervision', 2, '市委督查室', '科室承办', 3],
  ['关于张某某来信反映拖欠工资问题的处理意见', 'petition', 3, '市信访局', '分管领导审批', -2],
  ['关于下达2024年中央预算内投资计划的通知', 'project|finance', 1, '市发改委', '拟办', 8],
  ['关于做好2025年部门预算编制工作的通知', 'finance', 1, '市财政局', '拟办', 12],
  ['关于开展年度考核评优工作的通知', 'personnel', 0, '市委组织部', '科室承办', 15],
  ['关于开展“双随机、一公开”联合执法检查的通知', 'enforcement', 2, '市市场监管局', '科室承办', 5],
  ['关于举办全市信息报送工作业务培训的通知', 'training|publicity', 0, '市政府办公室', '拟办', 6],
  ['关于加强重点企业包联服务工作的通知', 'economy', 1, '市工信局', '分管领导审批', 9],
  ['关于做好2024年清洁取暖改造工作的通知', 'livelihood', 0, '市住建局', '拟办', 20],
  ['关于开展党风廉政建设宣传教育月活动的通知', 'party', 0, '市纪委监委', '拟办', 10],
  ['关于召开2024年度工作务虚会的通知', 'meeting', 3, '局办公室', '主要领导阅批', 1],
  ['关于开展基层政务服务便民热线运行情况调研的函', 'research|service', 0, '市政务服务局', '拟办', 14],
  ['关于规范公文用印管理的通知', 'admin', 0, '局办公室', '拟办', 30],
];
const HUANJI = ['一般', '加急', '急件', '特急', '特提'];
export const whir = {
  huanjiNames: HUANJI,
  waitingDeal: WHIR_WAITING.map(([title, c, huanji, submitOrg, activity, dueDays], i) => {
    const submitted = -i * 187 - 200;
    return {
      workId: 560312 - i * 11,
      processId: 9000 + i,
      _workTitle: title,
      categories: cats(c),
      _huanji: huanji,
      _huanji_str: HUANJI[huanji],
      submitOrg,
      workSubmitTime: stamp(submitted),
      _curDisActivityName: activity,
      _curDisEmpName: '刘建国',
      _banliqixian: calendarDate(dueDays),
      _overDate: dueDays < 0 ? 1 : 0,
    };
  }),
};

// ---------------------------------------------------------------- unknown OA
// [文件标题, categories, 来文单位]
const UNKNOWN_TODO = [
  ['关于印发《2024年全区防汛应急预案》的通知', 'emergency', '区应急管理局'],
  ['关于上报第一季度信访积案化解情况的函', 'petition', '区信访局'],
  ['关于开展2024年度预算执行情况审计的通知', 'finance|supervision', '区审计局'],
  ['关于申报2024年度市级重大科研课题的通知', 'research', '区科技局'],
  ['关于转发《全市重点项目建设攻坚行动方案》的通知', 'project', '区发改局'],
  ['关于做好2024年征兵工作的通知', 'personnel', '区人武部'],
  ['关于开展第二季度食品安全抽检工作的通知', 'enforcement', '区市场监管局'],
  ['关于组织参加全市党支部书记轮训的通知', 'training|party', '区委组织部'],
  ['关于进一步做好社区养老服务工作的意见', 'livelihood', '区民政局'],
  ['关于报送2024年上半年政务信息的通知', 'publicity', '区政府办'],
];
export const unknownOa = {
  todo: UNKNOWN_TODO.map(([title, c, org], i) => ({
    id: `SW2024${pad(31 - i)}`,
    title,
    categories: cats(c),
    org,
    date: dateOf(-i * 1440 - 100),
  })),
  // 我的待办 portal box: [title, categories]
  portalTodo: [
    ['关于召开全区河长制工作推进会的通知', 'enforcement|meeting'],
    ['区委督查室督办单（2024第15号）', 'supervision'],
    ['关于报送2024年招商引资项目库的通知', 'economy'],
    ['关于开展消防安全隐患排查整治的紧急通知', 'emergency'],
    ['关于做好2024年退役军人就业服务工作的通知', 'livelihood'],
    ['关于组织开展五月份主题党日活动的通知', 'party'],
    ['差旅费报销审批单（李明）', 'finance'],
  ].map(([title, c], i) => ({ id: `todo-${701 + i}`, title, categories: cats(c), date: dateOf(-i * 1440) })),
  // 通知公告: news, not tasks.
  news: [
    ['区政府召开第21次常务会议', '2024-05-06'],
    ['我区举办2024年“书香机关”读书分享会', '2024-05-05'],
    ['关于“五一”期间机关食堂就餐安排的公告', '2024-04-29'],
    ['区领导督导检查节日期间安全生产工作', '2024-04-28'],
    ['我区荣获省级文明城区称号', '2024-04-25'],
    ['关于机关大院停车管理的通知', '2024-04-22'],
  ].map(([title, date]) => ({ title, date })),
};

// ---------------------------------------------------------------- big list (benchmark)
const ALL_BASE = [
  ...ecology9.doing.map((r) => [r.requestname, r.categories, r.workflowname]),
  ...ecology8.doing.map((r) => [r.requestname, r.categories, r.workflowname]),
  ...seeyon.pending.map((r) => [r.subject, r.categories, '协同办理']),
  ...seeyon.govdoc.map((r) => [r.subject, r.categories, '公文办理']),
  ...tongda.todo.map((r) => [r.run_name, r.categories, r.flow_name]),
  ...whir.waitingDeal.map((r) => [r._workTitle, r.categories, '收文办理']),
];
export const BIG_MAX_ROWS = 5000;
export const BIG_DEFAULT_ROWS = 1000;
/** Clamp the ?rows= value of the big list page. */
export function bigRowCount(param) {
  const n = Number.parseInt(String(param ?? ''), 10);
  if (!Number.isFinite(n) || n < 0) return BIG_DEFAULT_ROWS;
  return Math.min(n, BIG_MAX_ROWS);
}
/** Row i of the big list: a base title cycled, with a batch suffix to keep titles distinct. */
export function bigRow(i) {
  const base = ALL_BASE[i % ALL_BASE.length];
  const batch = Math.floor(i / ALL_BASE.length);
  const created = -i * 7;
  return {
    requestid: 20000001 + i,
    requestname: batch === 0 ? base[0] : `${base[0]}（第${batch + 1}批）`,
    categories: base[1],
    workflowname: base[2],
    creatername: ['张三', '李四', '王五', '赵六', '孙丽', '周敏'][i % 6],
    createdate: dateOf(created),
    receivedate: `${dateOf(created + 30)} ${timeOf(created + 30)}`,
    currentnodename: ['部门负责人审批', '分管领导审批', '承办', '会签'][i % 4],
  };
}

// ---------------------------------------------------------------- expected.json
const uniq = (xs) => [...new Set(xs)].sort();
function frame(url, tasks) {
  return {
    url,
    count: tasks.length,
    categories: uniq(tasks.map((t) => t.categories[0])),
    tasks,
  };
}
const task = (nativeId, title, categories) => ({ nativeId: String(nativeId), title, categories });
const e9Task = (r) => task(r.requestid, r.requestname, r.categories);
const seeyonTask = (r) => task(r.affairId, r.subject, r.categories);

const E8_FRAME = '/e8/workflow/search/wfTabFrame.jsp?viewScope=doing&complete=0';
const SEEYON_LIST = '/seeyon/collaboration/collaboration.do?method=listPending';
const TONGDA_LIST = '/general/workflow/list/';
const TONGDA_TODO_URL = '/general/workflow/list/todo.php?pageType=todo';
const WHIR_LIST = '/defaultroot/wfdealwith!dealwithList.action?openType=waitingDeal';

/**
 * What tests should find on each page: per frame URL, the rows that are tasks. `list` says
 * which kind of list it is (pending/done/read/portal/none); `nativeId` is the id the product
 * itself uses (requestid, affairId, kmss_fdId, run_id, workId, or the demo's own id).
 */
export function buildExpected() {
  const e9 = ecology9;
  const pages = [
    {
      url: '/e9/wui/index.html#/main/workflow/listDoing', product: 'ecology9', list: 'pending',
      frames: [frame('/e9/wui/index.html#/main/workflow/listDoing', e9.doing.slice(0, e9.pageSize).map(e9Task))],
      pagination: { pageSize: e9.pageSize, total: e9.doing.length, pages: Math.ceil(e9.doing.length / e9.pageSize) },
      allPages: e9.doing.map(e9Task),
    },
    {
      url: '/e9/wui/index.html#/main/workflow/listDone', product: 'ecology9', list: 'done',
      frames: [frame('/e9/wui/index.html#/main/workflow/listDone', e9.done.map(e9Task))],
    },
    {
      url: '/e8/wui/main.jsp', product: 'ecology8', list: 'pending',
      frames: [frame('/e8/wui/main.jsp', []), frame(E8_FRAME, ecology8.doing.map(e9Task))],
    },
    { url: E8_FRAME, product: 'ecology8', list: 'pending', frames: [frame(E8_FRAME, ecology8.doing.map(e9Task))] },
    {
      url: '/seeyon/main.do?method=main', product: 'seeyon', list: 'pending',
      frames: [frame('/seeyon/main.do?method=main', []), frame(SEEYON_LIST, seeyon.pending.map(seeyonTask))],
    },
    { url: SEEYON_LIST, product: 'seeyon', list: 'pending', frames: [frame(SEEYON_LIST, seeyon.pending.map(seeyonTask))] },
    {
      url: '/seeyon/govdoc/govdoc.do?method=index&listType=listPendingAllRoot', product: 'seeyon', list: 'pending',
      frames: [frame('/seeyon/govdoc/govdoc.do?method=index&listType=listPendingAllRoot', seeyon.govdoc.map(seeyonTask))],
    },
    {
      url: '/seeyon/main.do?method=portal', product: 'seeyon', list: 'portal',
      frames: [frame('/seeyon/main.do?method=portal', seeyonPortal.map(seeyonTask))],
    },
    {
      url: '/ekp/sys/notify/index.jsp#/pending', product: 'ekp', list: 'pending',
      frames: [frame('/ekp/sys/notify/index.jsp#/pending', ekp.pending.map((r) => task(r.fdId, r.fdSubject, r.categories)))],
    },
    {
      url: '/ekp/sys/notify/index.jsp#/read', product: 'ekp', list: 'read',
      frames: [frame('/ekp/sys/notify/index.jsp#/read', ekp.read.map((r) => task(r.fdId, r.fdSubject, r.categories)))],
    },
    {
      url: '/general/index.php', product: 'tongda', list: 'pending',
      frames: [
        frame('/general/index.php', []),
        frame(TONGDA_LIST, []),
        frame('about:blank', []), // iframe#workflow-form-frame, empty until a work is opened
        frame(TONGDA_TODO_URL, tongda.todo.map((r) => task(r.run_id, r.run_name, r.categories))),
      ],
    },
    {
      url: TONGDA_TODO_URL, product: 'tongda', list: 'pending',
      frames: [frame(TONGDA_TODO_URL, tongda.todo.map((r) => task(r.run_id, r.run_name, r.categories)))],
    },
    {
      url: '/defaultroot/portal.html', product: 'ezoffice', list: 'pending',
      frames: [
        frame('/defaultroot/portal.html', []),
        frame(`${WHIR_LIST}&noTreatment=0`, whir.waitingDeal.map((r) => task(r.workId, r._workTitle, r.categories))),
      ],
    },
    {
      url: WHIR_LIST, product: 'ezoffice', list: 'pending',
      frames: [frame(WHIR_LIST, whir.waitingDeal.map((r) => task(r.workId, r._workTitle, r.categories)))],
    },
    {
      url: '/unknown/todo.html', product: 'unknown', list: 'pending',
      frames: [frame('/unknown/todo.html', unknownOa.todo.map((r) => task(r.id, r.title, r.categories)))],
    },
    {
      url: '/unknown/portal.html', product: 'unknown', list: 'portal',
      frames: [frame('/unknown/portal.html', unknownOa.portalTodo.map((r) => task(r.id, r.title, r.categories)))],
    },
    { url: '/negative/contacts.html', product: 'none', list: 'none', frames: [frame('/negative/contacts.html', [])] },
  ];
  const bigCount = BIG_DEFAULT_ROWS;
  const bigTasks = Array.from({ length: bigCount }, (_, i) => bigRow(i));
  const categoryCounts = {};
  for (const r of bigTasks) categoryCounts[r.categories[0]] = (categoryCounts[r.categories[0]] ?? 0) + 1;
  pages.push({
    url: `/big/list.html?rows=${bigCount}`, product: 'ecology9', list: 'pending',
    // Tasks are omitted for size: row i is bigRow(i) in shared/data.js.
    frames: [{ url: `/big/list.html?rows=${bigCount}`, count: bigCount, categories: uniq(Object.keys(categoryCounts)), categoryCounts }],
  });
  return {
    version: 1,
    note: 'Generated from demo/site/shared/data.js (buildExpected; regenerate: node -e "import(\'./demo/site/shared/data.js\').then(m=>console.log(JSON.stringify(m.buildExpected(),null,2)))" > demo/site/expected.json). Frame URLs are path+query(+hash) as loaded; count = rows that must carry exactly one <ronghe-tag>; categories[0] is the primary category, the rest are also acceptable.',
    pages,
  };
}
