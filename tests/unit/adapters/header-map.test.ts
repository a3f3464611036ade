// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { headerField, keyField } from '../../../utils/adapters/header-map';

const field = (t: string) => headerField(t)?.[0] ?? null;

describe('headerField', () => {
  it.each([
    ['标题', 'title'], ['请求标题', 'title'], ['主题', 'title'], ['事项', 'title'], ['文件标题', 'title'],
    ['公文标题', 'title'], ['流程标题', 'title'], ['工作名称/文号', 'title'], ['事项名称', 'title'],
    ['创建人', 'sender'], ['发起人', 'sender'], ['来文单位', 'sender'], ['拟稿人', 'sender'], ['提交人', 'sender'],
    ['发送人', 'sender'], ['提交单位', 'sender'], ['发文机关', 'sender'],
    ['接收时间', 'receivedAt'], ['到达时间', 'receivedAt'], ['创建日期', 'receivedAt'], ['发起时间', 'receivedAt'],
    ['收文日期', 'receivedAt'], ['时间', 'receivedAt'], ['日期', 'receivedAt'],
    ['紧急程度', 'urgency'], ['缓急', 'urgency'], ['重要程度', 'urgency'],
    ['工作流', 'workflow'], ['流程类型', 'workflow'], ['类型', 'workflow'], ['分类', 'workflow'], ['模块', 'workflow'],
    ['模块名称', 'workflow'], ['事项类型', 'workflow'], ['公文种类', 'workflow'], ['流程名称', 'workflow'],
    ['办理期限', 'deadline'], ['处理期限', 'deadline'], ['办理剩余时间', 'deadline'],
    ['当前节点', 'node'], ['办理状态', 'node'], ['我经办的步骤', 'node'],
    ['文号', 'docMark'], ['公文文号', 'docMark'],
  ])('%s → %s', (text, expected) => expect(field(text)).toBe(expected));

  it('tolerates whitespace, sort arrows, required marks and colons', () => {
    expect(field(' 请求 标题 ↑')).toBe('title');
    expect(field('*紧急程度：')).toBe('urgency');
    expect(field('接收\u00a0时间▼')).toBe('receivedAt');
  });

  it.each(['未操作者', '当前处理人', '序号', '操作', '密级', '内部文号', '催办次数', '', '电话', '一'])(
    'ignores %s',
    (text) => expect(field(text)).toBeNull(),
  );

  it('ignores long text (a data cell is not a header)', () => {
    expect(field('关于开展2024年度安全生产大检查工作的通知')).toBeNull();
  });

  it('ranks a receive time above a creation date', () => {
    expect(headerField('接收时间')?.[1]).toBe(0);
    expect(headerField('创建日期')?.[1]).toBe(1);
  });
});

describe('keyField', () => {
  it.each([
    ['requestname', 'title'], ['subject', 'title'], ['fdSubject', 'title'], ['gridTable_run_name', 'title'],
    ['_workTitle', 'title'], ['workflowname', 'workflow'], ['gridTable_begin_user', 'sender'],
    ['receiveTimeAll', 'receivedAt'], ['docMark', 'docMark'], ['_huanji_str', 'urgency'], ['gridTable_prcs_name', 'node'],
  ])('%s → %s', (key, expected) => expect(keyField(key)?.[0]).toBe(expected));

  it('returns null for unknown keys', () => {
    expect(keyField('gridTable_rn')).toBeNull();
    expect(keyField(null)).toBeNull();
    expect(keyField('id')).toBeNull();
  });
});
