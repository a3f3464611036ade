// One correction in the panel re-tags the whole series family on the site at once (correct() →
// the new rule → retagFollowers), while an unrelated task keeps its tag.
import { describe, expect, it } from 'vitest';
import { createServices, type Effects } from '@/utils/background/services';
import type { RowReport } from '@/utils/model';
import { freshDb } from '../store/helpers';
import { fakeEffects } from './fake-effects';

const OA = 'http://oa.example.gov.cn';
const caller = { kind: 'content' as const, origin: OA, tabId: 3, frameId: 0 };
const row = (nativeId: string, title: string): RowReport => ({ nativeId, title, fields: {} });
const report = (rows: RowReport[]) => ({ type: 'rows/report' as const, adapterId: 'ecology9', product: '泛微 e-cology 9', confidence: 'product' as const, rows });
const fx = (): Effects => fakeEffects();

describe('a correction teaches the series family', () => {
  it('every 工单 of the site follows one correction; an unrelated task does not', async () => {
    const db = await freshDb();
    let clock = 1_700_000_000_000;
    const services = createServices(db, fx(), () => ++clock);
    await services.ready;
    const views = await services.reportRows(caller, report([
      row('1', '12345热线工单（编号20241001）：A小区电梯频繁故障物业不管'),
      row('2', '12345热线工单（编号20241002）：XX路何时能通公交'),
      row('3', '12345热线工单（编号20241003）：请求解决安置房产权证问题'),
      row('4', '关于编制2025年部门预算的通知'),
    ]));
    await services.settled();
    const changed = await services.correct(views[0]!.key, 'service', 'service-brand');
    const byKey = new Map(changed.map((v) => [v.key, v]));
    expect(byKey.get(views[1]!.key)?.category).toBe('service');
    expect(byKey.get(views[2]!.key)?.category).toBe('service');
    expect(byKey.has(views[3]!.key)).toBe(false);
    const again = await services.reportRows(caller, report([row('5', '12345热线工单（编号20241005）：建议增设校车')]));
    expect(again[0]!.category).toBe('service');
  });

  it('every task of the corrected task’s workflow follows (other titles, the same 督办事项办理); other workflows and generic 收文 do not', async () => {
    const db = await freshDb();
    let clock = 1_700_000_000_000;
    const services = createServices(db, fx(), () => ++clock);
    await services.ready;
    const inWorkflow = (nativeId: string, title: string, workflow: string): RowReport => ({ nativeId, title, fields: { workflow } });
    const views = await services.reportRows(caller, report([
      inWorkflow('1', '关于做好防汛工作的通知', '企业服务直通车'),
      inWorkflow('2', '关于请求解决厂区门口道路积水问题的函', '企业服务直通车'),
      inWorkflow('3', '关于开展2024年度职称评审工作的通知', '企业服务直通车'),
      inWorkflow('4', '关于开展2024年度职称评审工作的通知的附件', '干部任免审批'),
      inWorkflow('5', '关于编制2025年部门预算的通知', '公文处理-收文'),
    ]));
    await services.settled();
    const changed = await services.correct(views[0]!.key, 'economy', 'vanguard-post');
    const byKey = new Map(changed.map((v) => [v.key, v]));
    expect(byKey.get(views[1]!.key)?.category).toBe('economy');
    expect(byKey.get(views[2]!.key)?.category).toBe('economy');
    expect(byKey.has(views[3]!.key)).toBe(false);
    expect(byKey.has(views[4]!.key)).toBe(false);
    // A task of the workflow seen later takes the rule too; a generic 收文 with the corrected title's
    // workflow elsewhere does not.
    const again = await services.reportRows(caller, report([
      inWorkflow('6', '关于组织申报2025年省级专精特新企业的通知', '企业服务直通车'),
      inWorkflow('7', '关于编制2026年部门预算的通知', '公文处理-收文'),
    ]));
    expect(again[0]!.category).toBe('economy');
    expect(again[1]!.category).toBe('finance');
    // Undoing the correction releases the family: each task is back to its own tag.
    const undone = await services.uncorrect(views[0]!.key);
    expect(undone.find((v) => v.key === views[2]!.key)?.category).toBe(views[2]!.category);
    expect(undone.find((v) => v.key === views[2]!.key)?.source).toBe('auto');
    expect(undone.find((v) => v.key === views[2]!.key)?.evidence.some((e) => e.startsWith('规则:'))).toBe(false);
  });
});
