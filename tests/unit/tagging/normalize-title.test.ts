import { describe, expect, it } from 'vitest';
import { normalizeTitle, ruleSignature } from '../../../utils/tagging';

const core = (t: string) => normalizeTitle(t).core;

describe('normalizeTitle strips OA noise', () => {
  it.each([
    ['【急】关于做好防汛工作的通知', '做好防汛工作'],
    ['【特急】【重要】关于开展安全检查的紧急通知', '开展安全检查'],
    ['请审批[运维中心]张凯旋提交的流程：阿里云大数据架构探讨', '阿里云大数据架构探讨'],
    ['邀请您参加会议：QuickBi会议', 'QuickBi会议'],
    ['请假申请-张三-2024-05-01', '请假申请'],
    ['公务用车申请-欧阳小明-2024-5-1 10:30', '公务用车申请'],
    ['市应急管理局关于做好汛期安全防范工作的通知', '做好汛期安全防范工作'],
    ['关于转发《省财政厅关于加强预算绩效管理的通知》的通知', '加强预算绩效管理'],
    ['转发市应急局关于做好汛期安全防范工作的通知的通知', '做好汛期安全防范工作'],
    ['关于印发《机关印章管理办法》的通知', '机关印章管理办法'],
    ['某政办发〔2024〕12号 关于调整值班安排的通知', '调整值班安排'],
    ['信访事项转办单（2024-0311）', '信访事项转办单'],
    ['待办：年休假审批', '年休假审批'],
  ])('%s → %s', (input, expected) => {
    expect(core(input)).toBe(expected);
  });

  it('keeps informative bracket tags as a hint', () => {
    const n = normalizeTitle('[会议通知] 关于召开工作例会的通知');
    expect(n.hint).toBe('会议通知');
    expect(n.core).toBe('召开工作例会');
  });

  it('a title that is only a bracket is kept', () => {
    expect(core('【防汛】')).toBe('【防汛】');
  });

  it('rule signatures drop periods and numbers', () => {
    expect(ruleSignature('关于报送第三季度安全台账的通知')).toBe(ruleSignature('关于报送第四季度安全台账的通知'));
    expect(ruleSignature('2024年5月工作简报（第12期）')).toBe(ruleSignature('2025年6月工作简报（第3期）'));
  });
});
