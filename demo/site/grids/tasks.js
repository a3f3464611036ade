// (Copy of tests/fixtures/grids/_shared/tasks.js for the demo site.)
// Shared task data for the grid-library fixtures: realistic OA 待办 rows and what a person would
// call their 业务类别. Loaded by the pages as window.OA, and by make-expected.cjs in a vm context.
(function (root) {
  var T = [
    ['关于报送2025年度部门预算编制情况的通知', '财政局', '收文', 'finance'],
    ['市委督查室关于重点工作推进情况的督办单', '市委督查室', '督办', 'supervision'],
    ['关于做好2025年汛期防汛抗旱工作的紧急通知', '应急管理局', '收文', 'emergency'],
    ['张某某反映小区噪音扰民问题的信访件', '信访局', '信访', 'petition'],
    ['关于召开全市安全生产工作推进会的通知', '市政府办公室', '会议', 'meeting|emergency'],
    ['关于开展机关干部业务能力提升培训班的通知', '组织部', '收文', 'training'],
    ['城东片区棚户区改造项目建设进度报告', '住建局', '签报', 'project'],
    ['关于申请追加专项工作经费的请示', '办公室', '签报', 'finance'],
    ['关于开展食品安全专项整治行动的实施方案', '市场监管局', '发文', 'enforcement'],
    ['12345热线转办：群众反映道路积水问题', '12345热线', '工单', 'petition'],
    ['关于印发2025年度干部考核评优工作方案的通知', '组织部', '收文', 'personnel'],
    ['关于开展主题党日活动的通知', '机关党委', '收文', 'party'],
    ['关于优化营商环境推进一网通办的实施意见', '政务服务中心', '收文', 'service'],
    ['关于报送第一季度政务信息的通知', '市委办公室', '收文', 'publicity'],
    ['关于开展乡村振兴驻村帮扶工作情况调研的方案', '农业农村局', '发文', 'research|livelihood'],
    ['关于2024年度部门决算公开的报告', '财政局', '签报', 'finance'],
    ['省审计厅审计发现问题整改情况督办', '审计局', '督办', 'supervision|finance'],
    ['关于做好森林防火期值班值守工作的通知', '林业局', '收文', 'emergency'],
    ['关于组织参加党纪学习教育专题讲座的通知', '机关党委', '收文', 'training|party'],
    ['重点招商引资项目签约落地情况汇报', '商务局', '签报', 'economy|project'],
    ['关于做好高校毕业生就业服务工作的通知', '人社局', '收文', 'livelihood'],
    ['关于开展行政执法案卷评查工作的通知', '司法局', '收文', 'enforcement'],
    ['政府采购项目验收报告审批', '采购中心', '审批', 'finance'],
    ['关于召开局党组理论学习中心组学习会议的通知', '局办公室', '会议', 'meeting|training|party'],
    ['关于推荐优秀共产党员和先进基层党组织的通知', '组织部', '收文', 'party|personnel'],
    ['李某某来信反映拖欠农民工工资问题的处理意见', '信访局', '信访', 'petition'],
    ['关于开展汛前安全隐患大排查的督办通知', '防汛办', '督办', 'emergency|supervision'],
    ['关于征求《十五五规划纲要（草案）》意见的函', '发改委', '收文', 'research|economy'],
    ['社区养老服务中心建设项目资金申请', '民政局', '签报', 'livelihood|finance|project'],
    ['关于做好2025年度公务员招录面试工作的通知', '人社局', '收文', 'personnel'],
    ['关于报送巡察整改进展情况的函', '巡察办', '督办', 'supervision'],
    ['关于开展文明城市创建志愿服务活动的通知', '文明办', '收文', 'livelihood'],
    ['市场主体帮扶政策落实情况专题调研报告', '工信局', '签报', 'research|economy'],
    ['关于召开防汛工作调度会的通知', '防汛办', '会议', 'meeting|emergency'],
    ['窗口服务质量提升专项行动方案审批', '政务服务中心', '审批', 'service'],
    ['关于开展党员发展对象培训的通知', '机关党委', '收文', 'party|training']
  ];
  var NODES = ['部门负责人审核', '分管领导审批', '办公室拟办', '主要领导签批', '承办科室办理'];
  var PEOPLE = ['王建国', '李晓燕', '张伟', '刘芳', '陈志强', '赵敏', '孙丽', '周杰'];
  var URG = ['一般', '一般', '加急', '一般', '特急', '一般'];
  function pad(n) { return n < 10 ? '0' + n : '' + n; }
  /** n tasks starting at `from` (wrapping, with a numbered suffix past the list). */
  function tasks(n, from, prefix) {
    var out = [];
    for (var i = 0; i < n; i++) {
      var k = (from || 0) + i;
      var base = T[k % T.length];
      var round = Math.floor(k / T.length);
      var title = (prefix || '') + base[0] + (round ? '（' + (round + 1) + '）' : '');
      var day = 1 + (k * 7) % 28;
      out.push({
        id: String(880100 + k),
        title: title,
        unit: base[1],
        type: base[2],
        categories: base[3].split('|'),
        sender: PEOPLE[k % PEOPLE.length],
        received: '2025-' + pad(1 + (k % 11)) + '-' + pad(day) + ' ' + pad(8 + (k % 9)) + ':' + pad((k * 13) % 60),
        deadline: '2025-' + pad(2 + (k % 10)) + '-' + pad(day),
        node: NODES[k % NODES.length],
        urgency: URG[k % URG.length]
      });
    }
    return out;
  }
  var OA = { tasks: tasks, all: T.length };
  root.OA = OA;
})(this);
