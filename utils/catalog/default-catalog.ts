// The default catalog from taxonomy.md: categories, their default 党建动作, the four phases.
// Organisations edit a copy in options; this constant is the factory default.
import type { Catalog, CatalogAction, CatalogCategory } from '../model';
import { DEFAULT_LEXICON } from './lexicon';

const actions: CatalogAction[] = [
  { id: 'branch-meeting', name: '三会一课（业务议题纳入支部会议）', short: '三会一课' },
  { id: 'joint-inspection', name: '党建与业务同督查同考核', short: '同督查' },
  { id: 'duty-post', name: '党员责任岗（群众诉求办理）', short: '党员责任岗' },
  { id: 'vanguard-post', name: '党员先锋岗（重点项目攻坚、服务企业）', short: '党员先锋岗' },
  { id: 'integrity-education', name: '廉政教育与风险防控', short: '廉政教育' },
  { id: 'cadre-evaluation', name: '党建实绩纳入干部考评', short: '干部考评' },
  { id: 'commando-team', name: '党员突击队（急难险重打头阵）', short: '党员突击队' },
  { id: 'joint-planning', name: '党建与业务同谋划（专题调研）', short: '同谋划调研' },
  { id: 'study-session', name: '中心组学习 / 党课', short: '中心组学习' },
  { id: 'model-post', name: '党员示范岗（廉洁执法）', short: '党员示范岗' },
  { id: 'service-brand', name: '党建品牌（窗口服务品牌）', short: '党建品牌' },
  { id: 'media-fusion', name: '媒体聚合（党建与业务同平台宣传）', short: '媒体聚合' },
  { id: 'volunteer-service', name: '党员志愿服务（机关进社区双结对）', short: '志愿服务' },
  { id: 'theme-day', name: '主题党日（与业务工作结合）', short: '主题党日' },
];

const categories: CatalogCategory[] = [
  { id: 'meeting', name: '会议活动', description: '会议、座谈会、会议纪要、活动组织', defaultAction: 'branch-meeting' },
  { id: 'supervision', name: '督查督办', description: '督办单、督查通报、整改、巡察/审计整改', defaultAction: 'joint-inspection' },
  { id: 'petition', name: '信访与群众诉求', description: '信访件、12345 工单、群众来信来访、投诉', defaultAction: 'duty-post' },
  { id: 'project', name: '重点项目建设', description: '重点项目、项目申报/建设进度、招投标、重点工程', defaultAction: 'vanguard-post' },
  { id: 'finance', name: '财务预算', description: '预算/决算、经费、报销、政府采购、资产、审计配合', defaultAction: 'integrity-education' },
  { id: 'personnel', name: '人事干部', description: '任免、招录、考核评优、职称、干部培养', defaultAction: 'cadre-evaluation' },
  { id: 'emergency', name: '应急与安全', description: '防汛、森林防火、安全生产、疫情防控、值班值守、突发事件', defaultAction: 'commando-team' },
  { id: 'research', name: '调查研究', description: '调研方案/报告、课题、专题研究、情况摸底', defaultAction: 'joint-planning' },
  { id: 'training', name: '学习培训', description: '培训班、讲座、理论学习、业务培训、考试', defaultAction: 'study-session' },
  { id: 'enforcement', name: '执法监管', description: '执法检查、专项整治、市场/环保/食品监管、行政处罚', defaultAction: 'model-post' },
  { id: 'service', name: '政务服务与审批', description: '行政审批、办件、窗口服务、一网通办、营商环境', defaultAction: 'service-brand' },
  { id: 'publicity', name: '宣传信息', description: '信息报送、新闻稿、政务公开、网站与新媒体、典型宣传', defaultAction: 'media-fusion' },
  { id: 'economy', name: '经济发展', description: '招商引资、经济运行、企业服务与帮扶、产业政策', defaultAction: 'vanguard-post' },
  { id: 'livelihood', name: '民生与基层', description: '乡村振兴、社区、就业、养老、教育医疗民生、文明创建', defaultAction: 'volunteer-service' },
  { id: 'party', name: '党务工作', description: '三会一课、主题党日、党费、发展党员、组织生活会、党建品牌', defaultAction: 'theme-day' },
  { id: 'admin', name: '日常事务', description: '用车、用印、办公用品、请休假、通讯录、IT 报修', defaultAction: null },
];

// A plain constant, not parsed here: parsing its 2,800 lexicon entries cost a starting worker
// ~30 ms before its first answer. tests/unit/model.test.ts checks that the schema accepts it as is.
export const DEFAULT_CATALOG: Catalog = {
  version: 1,
  categories,
  actions,
  phases: [
    { id: 'plan', name: '同谋划' },
    { id: 'deploy', name: '同部署' },
    { id: 'implement', name: '同落实' },
    { id: 'inspect', name: '同检查' },
  ],
  lexicon: DEFAULT_LEXICON,
};
