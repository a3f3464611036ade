// The printable 融合台账: a cover (单位、支部、期间、制表人、制表日期), then the table with the
// template's columns. On screen it is the print preview; window.print() prints only this (see
// report.css: A4 landscape, the header row on every page, page numbers in the page margin).
import type { LedgerRow } from '@/utils/ledger/ledger-rows';
import { TEMPLATE_COLUMNS } from '@/utils/ledger/columns';
import { t } from '@/utils/i18n';

export interface CoverInfo {
  unit: string;
  branch: string;
  period: string;
  preparedBy: string;
  preparedOn: string;
}

const PHASES = [
  ['plan', 'planAt', 'planNote'],
  ['deploy', 'deployAt', 'deployNote'],
  ['implement', 'implementAt', 'implementNote'],
  ['inspect', 'inspectAt', 'inspectNote'],
] as const;

function PhaseCell({ at, note }: { at: string; note: string }) {
  return (
    <td class="phase-cell">
      {at ? <span class="date">{at.slice(0, 10)}</span> : <span class="date muted">—</span>}
      {note && <span class="note">{note}</span>}
    </td>
  );
}

export function PrintLedger({ rows, cover }: { rows: LedgerRow[]; cover: CoverInfo }) {
  return (
    <section class="ledger-print" aria-labelledby="ledger-title">
      <div class="cover">
        <h1 id="ledger-title" class="cover-title">融合台账</h1>
        <p class="cover-sub">党建与业务工作同谋划、同部署、同落实、同检查</p>
        <dl class="cover-fields">
          <div><dt>单位</dt><dd>{cover.unit || '　'}</dd></div>
          <div><dt>支部</dt><dd>{cover.branch || '　'}</dd></div>
          <div><dt>期间</dt><dd>{cover.period}</dd></div>
          <div><dt>制表人</dt><dd>{cover.preparedBy || '　'}</dd></div>
          <div><dt>制表日期</dt><dd>{cover.preparedOn}</dd></div>
        </dl>
      </div>
      <div class="ledger-table-wrap" tabIndex={0} role="region" aria-label={t('report_ledgerTable')}>
        <table class="ledger-table">
          <caption>
            融合台账（{cover.period}）{cover.branch ? ` · ${cover.branch}` : ''} · 共 {rows.length} 项
          </caption>
          <thead>
            <tr>
              {TEMPLATE_COLUMNS.map((c) => (
                <th key={c.id} scope="col" class={`col-${c.id}`}>
                  {c.zh}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={TEMPLATE_COLUMNS.length} class="empty">{t('report_ledgerEmpty')}</td>
              </tr>
            ) : (
              rows.map((r) => (
                <tr key={r.taskKey}>
                  <td class="num">{r.seq}</td>
                  <td class="task-cell">{r.task}</td>
                  <td>{r.sender}</td>
                  <td>{r.leadDept}</td>
                  <td>{r.owner}</td>
                  <td>{r.action}</td>
                  <td>{r.members}</td>
                  {PHASES.map(([p, at, note]) => (
                    <PhaseCell key={p} at={r[at]} note={r[note]} />
                  ))}
                  <td>{r.dueDate}</td>
                  <td>{r.completedAt}</td>
                  <td>{r.outcome}</td>
                  <td class={r.status === '逾期' ? 'state overdue' : 'state'}>{r.status}</td>
                  <td>{r.evidence}</td>
                  <td>{r.remark}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
