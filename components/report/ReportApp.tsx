// The 考评 report: the period's numbers, the year's trend, reminders, what each task still lacks,
// and the printable 融合台账. Everything is computed in this page from one ledger/query answer.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { PHASE_IDS, type Catalog, type PhaseId, type Profile } from '@/utils/model';
import type { StoreDump } from '@/utils/store/transfer';
import { ledgerRows, type LedgerRow } from '@/utils/ledger/ledger-rows';
import { EMPTY_PROFILE } from '@/utils/ledger/detail';
import { DEFAULT_WARNING_RULES } from '@/utils/ledger/status';
import { gaps, gapCount, indicators, rateOf, reportItems, trend, type ItemFilter, type Slice } from '@/utils/report/indicators';
import { REPORT_PERIODS, reportRange, shanghaiDate, type ReportPeriod, type ReportRange } from '@/utils/report/period';
import { send } from '@/utils/ui/client';
import { PrintLedger } from './PrintLedger';
import { TrendChart } from './TrendChart';
import { exportBranchLedger } from './export-report';

export type ReportDump = StoreDump & { catalog: Catalog; profile?: Profile };

const ALL = '\u0000all';

export function ReportApp({ now = Date.now() }: { now?: number }) {
  const [dump, setDump] = useState<ReportDump | null>(null);
  const [error, setError] = useState('');
  const params = new URLSearchParams(location.search);
  const [period, setPeriod] = useState<ReportPeriod>(((REPORT_PERIODS as readonly string[]).includes(params.get('period') ?? '') ? params.get('period') : 'year') as ReportPeriod);
  const [custom, setCustom] = useState({ from: shanghaiDate(now - 30 * 86_400_000), to: shanghaiDate(now) });
  const [owner, setOwner] = useState(ALL);
  const [branch, setBranch] = useState(ALL);
  const [status, setStatus] = useState('');
  const [staleDays, setStaleDays] = useState(DEFAULT_WARNING_RULES.staleDays);

  useEffect(() => {
    send<ReportDump>({ type: 'ledger/query' }).then(setDump, (e: Error) => setError(e.message));
  }, []);

  const range: ReportRange | null = reportRange(period, now, custom);
  const profile = dump?.profile ?? EMPTY_PROFILE;
  const filter: ItemFilter = { ...(owner === ALL ? {} : { owner }), ...(branch === ALL ? {} : { branch }) };

  const view = useMemo(() => {
    if (!dump || !range) return null;
    const items = reportItems(dump, profile, range, filter);
    const everyone = reportItems(dump, profile, range);
    const rows = filterRows(ledgerRows(dump, dump.catalog, { from: range.from, to: range.to - 1 }, { profile, now }), filter);
    return {
      items,
      numbers: indicators(items, dump.catalog),
      owners: [...new Set(everyone.map((i) => i.detail.owner))].sort(),
      branches: [...new Set(everyone.map((i) => i.detail.branch))].sort(),
      points: trend(dump, range.year, profile, filter),
      gaps: gaps(items, now, { ...DEFAULT_WARNING_RULES, staleDays }),
      rows,
    };
  }, [dump, range?.from, range?.to, owner, branch, staleDays]);

  const periodText = range ? `${range.fromDate} 至 ${range.toDate}` : '';
  useEffect(() => {
    document.documentElement.dataset.ready = view ? '1' : '';
  }, [view]);

  const doExport = async (kind: 'xlsx' | 'csv') => {
    if (!dump || !view) return;
    setStatus('');
    try {
      const file = await exportBranchLedger(kind, view.rows, dump, view.items.map((i) => i.tag.taskKey));
      setStatus(t('report_exported', [file.name, String(view.rows.length)]));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <div class="report">
      <div class="screen-only">
        <header class="report-head">
          <h1>{t('report_title')}</h1>
          <p class="who">{[profile.unit, profile.branch, profile.department, profile.personName].filter(Boolean).join(' · ') || t('report_noProfile')}</p>
        </header>
        <form class="controls" onSubmit={(e) => e.preventDefault()} aria-label={t('report_controls')}>
          <label>
            {t('report_period')}{' '}
            <select value={period} onChange={(e) => setPeriod((e.currentTarget as HTMLSelectElement).value as ReportPeriod)}>
              {REPORT_PERIODS.map((p) => (
                <option key={p} value={p}>
                  {t(`report_period_${p}`)}
                </option>
              ))}
            </select>
          </label>
          {period === 'custom' && (
            <>
              <label>
                {t('report_from')} <input type="date" value={custom.from} onInput={(e) => setCustom({ ...custom, from: (e.currentTarget as HTMLInputElement).value })} />
              </label>
              <label>
                {t('report_to')} <input type="date" value={custom.to} onInput={(e) => setCustom({ ...custom, to: (e.currentTarget as HTMLInputElement).value })} />
              </label>
            </>
          )}
          {view && view.branches.length > 1 && (
            <label>
              {t('report_branch')}{' '}
              <select value={branch} onChange={(e) => setBranch((e.currentTarget as HTMLSelectElement).value)}>
                <option value={ALL}>{t('report_all')}</option>
                {view.branches.map((b) => (
                  <option key={b} value={b}>{b || t('report_unnamed')}</option>
                ))}
              </select>
            </label>
          )}
          {view && view.owners.length > 1 && (
            <label>
              {t('report_owner')}{' '}
              <select value={owner} onChange={(e) => setOwner((e.currentTarget as HTMLSelectElement).value)}>
                <option value={ALL}>{t('report_all')}</option>
                {view.owners.map((o) => (
                  <option key={o} value={o}>{o || t('report_unnamed')}</option>
                ))}
              </select>
            </label>
          )}
          <label>
            {t('report_staleDays')}{' '}
            <input
              type="number"
              min={1}
              max={365}
              value={staleDays}
              class="days"
              onInput={(e) => {
                const n = Number((e.currentTarget as HTMLInputElement).value);
                if (Number.isInteger(n) && n >= 1 && n <= 365) setStaleDays(n);
              }}
            />
          </label>
          <span class="period-text">{periodText}</span>
        </form>
        <div class="actions">
          <button type="button" class="primary" onClick={() => window.print()} disabled={!view}>
            {t('report_print')}
          </button>
          <button type="button" onClick={() => void doExport('xlsx')} disabled={!view}>
            {t('report_exportXlsx')}
          </button>
          <button type="button" onClick={() => void doExport('csv')} disabled={!view}>
            {t('report_exportCsv')}
          </button>
          <a href="/options.html#data" target="_blank" rel="noopener">
            {t('report_importColleagues')}
          </a>
        </div>
        <p role="status" aria-live="polite" class="status">{status}</p>
        {error && <p role="alert" class="error">{error}</p>}
        {!range && <p role="alert" class="error">{t('report_badRange')}</p>}
        {!dump && !error && <p aria-busy="true">{t('report_loading')}</p>}
        {view && dump && (
          <main>
            <section aria-labelledby="kpi-title">
              <h2 id="kpi-title">{t('report_kpiTitle')}</h2>
              <dl class="kpis">
                <div><dt>{t('report_tasks')}</dt><dd data-testid="report-tasks">{view.numbers.tasks}</dd></div>
                <div><dt>{t('report_integrated')}</dt><dd data-testid="report-integrated">{view.numbers.integrated}</dd></div>
                <div><dt>{t('report_rate')}</dt><dd data-testid="report-rate">{view.numbers.rate}%</dd></div>
                {PHASE_IDS.map((p) => (
                  <div key={p}>
                    <dt>{t(`report_phase_${p}`)}</dt>
                    <dd data-testid={`report-phase-${p}`}>
                      {view.numbers.byPhase[p]}
                      <small> / {view.numbers.tasks}（{rateOf(view.numbers.byPhase[p], view.numbers.tasks)}%）</small>
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
            <section aria-labelledby="trend-h">
              <h2 id="trend-h">{t('report_trendHeading')}</h2>
              <TrendChart points={view.points} year={range!.year} />
            </section>
            <div class="breakdowns">
              <Breakdown id="by-action" title={t('report_byAction')} slices={view.numbers.byAction} emptyName={t('report_noAction')} />
              <Breakdown id="by-category" title={t('report_byCategory')} slices={view.numbers.byCategory} />
              <Breakdown id="by-owner" title={t('report_byOwner')} slices={view.numbers.byOwner} />
              <Breakdown id="by-branch" title={t('report_byBranch')} slices={view.numbers.byBranch} />
            </div>
            <p class="hint">{t('report_noRanking')}</p>
            <Reminders gaps={view.gaps} />
            <Missing gaps={view.gaps} />
          </main>
        )}
      </div>
      {view && dump && (
        <PrintLedger
          rows={view.rows}
          cover={{
            unit: profile.unit,
            branch: branch !== ALL ? branch : view.branches.filter(Boolean).join('、') || profile.branch,
            period: `${t(`report_period_${period}`)}（${periodText}）`,
            preparedBy: profile.personName,
            preparedOn: shanghaiDate(now),
          }}
        />
      )}
    </div>
  );
}

function filterRows(rows: LedgerRow[], filter: ItemFilter): LedgerRow[] {
  const kept = rows.filter((r) => (filter.owner === undefined || r.owner === filter.owner) && (filter.branch === undefined || r.branch === filter.branch));
  return kept.map((r, i) => ({ ...r, seq: String(i + 1) }));
}

function Breakdown({ id, title, slices, emptyName = t('report_unnamed') }: { id: string; title: string; slices: Slice[]; emptyName?: string }) {
  return (
    <section aria-labelledby={id} class="breakdown">
      <h3 id={id}>{title}</h3>
      {slices.length === 0 ? (
        <p class="muted">{t('report_none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('report_name')}</th>
              <th scope="col">{t('report_tasks')}</th>
              <th scope="col">{t('report_integrated')}</th>
              {PHASE_IDS.map((p) => (
                <th scope="col" key={p}>{t(`report_phase_${p}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {slices.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.name || emptyName}</th>
                <td>{s.tasks}</td>
                <td>{s.integrated}</td>
                {PHASE_IDS.map((p) => (
                  <td key={p}>{s.byPhase[p]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const phaseList = (ps: PhaseId[]) => ps.map((p) => t(`report_phase_${p}`)).join('、');

function Reminders({ gaps: all }: { gaps: ReturnType<typeof gaps> }) {
  const warned = all.filter((g) => g.warnings.length > 0);
  const order = (g: (typeof warned)[number]) => (g.warnings.some((w) => w.level === 'red') ? 0 : 1);
  const sorted = [...warned].sort((a, b) => order(a) - order(b));
  return (
    <section aria-labelledby="reminders-title">
      <h2 id="reminders-title">{t('report_reminders', [String(warned.length)])}</h2>
      {sorted.length === 0 ? (
        <p class="muted">{t('report_noReminders')}</p>
      ) : (
        <ul class="reminders">
          {sorted.map((g) => (
            <li key={g.item.tag.taskKey} class={g.warnings.some((w) => w.level === 'red') ? 'red' : 'yellow'}>
              <span class="light" aria-hidden="true" />
              <span class="title">{g.item.task?.title ?? g.item.tag.taskKey}</span>
              {g.warnings.map((w, i) => (
                <span key={i} class="why">
                  {w.kind === 'overdue'
                    ? t('report_warnOverdue', [g.item.detail.deadline, String(w.daysLate), phaseList(w.missing)])
                    : w.kind === 'due-soon'
                      ? t('report_warnDueSoon', [g.item.detail.deadline, String(w.daysLeft), phaseList(w.missing)])
                      : t('report_warnStale', [String(w.daysSinceTagged)])}
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const MISSING_SHOWN = 20;

function Missing({ gaps: all }: { gaps: ReturnType<typeof gaps> }) {
  const [showAll, setShowAll] = useState(false);
  // Most to do first (the reminders' tasks among them), then in ledger order.
  const lacking = all.filter((g) => gapCount(g) > 0).sort((a, b) => Number(b.warnings.length > 0) - Number(a.warnings.length > 0) || gapCount(b) - gapCount(a));
  const shown = showAll ? lacking : lacking.slice(0, MISSING_SHOWN);
  return (
    <section aria-labelledby="missing-title">
      <h2 id="missing-title">{t('report_missing', [String(lacking.length)])}</h2>
      {lacking.length === 0 ? (
        <p class="muted">{t('report_nothingMissing')}</p>
      ) : (
        <table class="missing">
          <thead>
            <tr>
              <th scope="col">{t('report_taskCol')}</th>
              <th scope="col">{t('report_owner')}</th>
              <th scope="col">{t('report_whatMissing')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((g) => {
              const parts: string[] = [];
              if (g.missingPhases.length) parts.push(t('report_missPhases', [phaseList(g.missingPhases)]));
              if (g.phasesWithoutNote.length) parts.push(t('report_missNotes', [phaseList(g.phasesWithoutNote)]));
              if (g.noEvidence) parts.push(t('report_missEvidence'));
              if (g.noDeadline) parts.push(t('report_missDeadline'));
              if (g.noOwner) parts.push(t('report_missOwner'));
              return (
                <tr key={g.item.tag.taskKey}>
                  <th scope="row">{g.item.task?.title ?? g.item.tag.taskKey}</th>
                  <td>{g.item.detail.owner || t('report_unnamed')}</td>
                  <td>{parts.join('；')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {lacking.length > MISSING_SHOWN && (
        <button type="button" class="link-button" aria-expanded={showAll ? 'true' : 'false'} onClick={() => setShowAll(!showAll)}>
          {showAll ? t('report_showFewer') : t('report_showAll', [String(lacking.length)])}
        </button>
      )}
    </section>
  );
}
