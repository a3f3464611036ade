// 台账信息: a task's ledger fields (责任人, 牵头处室, 参与党员, 完成时限, 实际完成时间, 完成情况,
// 佐证材料, 备注), collapsed under the phases. Loaded when opened; saved with one message and shown
// as saved only once the background has committed it. Empty fields show their defaults (the OA's
// sender and deadline, the settings' name) as placeholders, and exports use those defaults.
import { useState } from 'preact/hooks';
import type { EvidenceItem, TaskDetailFields } from '@/utils/model';
import { send } from '@/utils/ui/client';
import { t } from './text';
import './ledger-info.css';

interface DetailReply {
  fields: TaskDetailFields;
  updatedAt: number | null;
  defaults: { owner: string; leadDept: string; deadline: string };
}

type TextField = 'owner' | 'leadDept' | 'members' | 'deadline' | 'completedAt' | 'outcome' | 'remark';

const FIELDS: ReadonlyArray<{ id: TextField; label: string; max: number; kind: 'text' | 'date' | 'area' }> = [
  { id: 'owner', label: 'panel_ledgerOwner', max: 40, kind: 'text' },
  { id: 'leadDept', label: 'panel_ledgerLeadDept', max: 100, kind: 'text' },
  { id: 'members', label: 'panel_ledgerMembers', max: 500, kind: 'text' },
  { id: 'deadline', label: 'panel_ledgerDeadline', max: 40, kind: 'date' },
  { id: 'completedAt', label: 'panel_ledgerCompletedAt', max: 40, kind: 'date' },
  { id: 'outcome', label: 'panel_ledgerOutcome', max: 2000, kind: 'area' },
  { id: 'remark', label: 'panel_ledgerRemark', max: 2000, kind: 'area' },
];

type Draft = Record<TextField, string> & { evidence: EvidenceItem[] };

function draftOf(fields: TaskDetailFields): Draft {
  return {
    owner: fields.owner ?? '',
    leadDept: fields.leadDept ?? '',
    members: fields.members ?? '',
    deadline: fields.deadline ?? '',
    completedAt: fields.completedAt ?? '',
    outcome: fields.outcome ?? '',
    remark: fields.remark ?? '',
    evidence: (fields.evidence ?? []).map((e) => ({ ...e })),
  };
}

const trimmed = (d: Draft): string =>
  JSON.stringify({ ...Object.fromEntries(FIELDS.map((f) => [f.id, d[f.id].trim()])), evidence: d.evidence.map((e) => [e.name.trim(), e.number.trim(), e.place.trim()]) });
const sameFields = (a: Draft, b: Draft): boolean => trimmed(a) === trimmed(b);

export function LedgerInfo({ taskKey, domId }: { taskKey: string; domId: string }) {
  const [open, setOpen] = useState(false);
  const [reply, setReply] = useState<DetailReply | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const id = `${domId}-ledger`;

  const load = async () => {
    setError('');
    try {
      const r = await send<DetailReply>({ type: 'task/detail', taskKey });
      setReply(r);
      setDraft(draftOf(r.fields));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (next && !reply) void load();
  };

  const save = async (e: Event) => {
    e.preventDefault();
    if (!draft) return;
    setSaving(true);
    setStatus('');
    setError('');
    const evidence = draft.evidence.map((x) => ({ name: x.name.trim(), number: x.number.trim(), place: x.place.trim() })).filter((x) => x.name !== '');
    const patch: TaskDetailFields = { ...draft, evidence };
    try {
      await send({ type: 'task/set-detail', taskKey, detail: patch });
      setStatus(t('panel_ledgerSaved'));
      const r = await send<DetailReply>({ type: 'task/detail', taskKey }).catch(() => null);
      if (r) {
        setReply(r);
        setDraft(draftOf(r.fields));
      }
    } catch (err) {
      // The write may have committed although its answer was lost (the worker stopped): the store
      // decides. Saved: say so. Not saved: keep what was typed, and say why.
      const r = await send<DetailReply>({ type: 'task/detail', taskKey }).catch(() => null);
      if (r && sameFields(draftOf(r.fields), { ...draft, evidence })) {
        setReply(r);
        setDraft(draftOf(r.fields));
        setStatus(t('panel_ledgerSaved'));
      } else setError((err as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const set = (field: TextField, value: string) => draft && setDraft({ ...draft, [field]: value });
  const setEvidence = (i: number, patch: Partial<EvidenceItem>) =>
    draft && setDraft({ ...draft, evidence: draft.evidence.map((x, j) => (j === i ? { ...x, ...patch } : x)) });

  return (
    <div class="ledger-info">
      <button type="button" class="link" aria-expanded={open ? 'true' : 'false'} aria-controls={id} onClick={toggle}>
        {t('panel_ledgerInfo')}
      </button>
      <div id={id} hidden={!open}>
        {open && draft && reply && (
          <form class="ledger-form" onSubmit={(e) => void save(e)} aria-label={t('panel_ledgerInfo')}>
            {FIELDS.map((f) => {
              const inputId = `${id}-${f.id}`;
              const placeholder = f.id === 'owner' || f.id === 'leadDept' || f.id === 'deadline' ? reply.defaults[f.id] : '';
              return (
                <div class="ledger-field" key={f.id}>
                  <label for={inputId}>{t(f.label)}</label>
                  {f.kind === 'area' ? (
                    <textarea id={inputId} rows={2} maxLength={f.max} value={draft[f.id]} onInput={(e) => set(f.id, (e.currentTarget as HTMLTextAreaElement).value)} />
                  ) : f.kind === 'date' ? (
                    <input id={inputId} type="date" value={draft[f.id]} onInput={(e) => set(f.id, (e.currentTarget as HTMLInputElement).value)} />
                  ) : (
                    <input id={inputId} type="text" maxLength={f.max} value={draft[f.id]} placeholder={placeholder} onInput={(e) => set(f.id, (e.currentTarget as HTMLInputElement).value)} />
                  )}
                  {f.kind === 'date' && placeholder && !draft[f.id] && <span class="ledger-default">{t('panel_ledgerDefault', [placeholder])}</span>}
                </div>
              );
            })}
            <fieldset class="ledger-evidence">
              <legend>{t('panel_ledgerEvidence')}</legend>
              {draft.evidence.map((x, i) => (
                <div class="evidence-row" key={i} role="group" aria-label={t('panel_ledgerEvidenceItem', [String(i + 1)])}>
                  <input aria-label={t('panel_ledgerEvidenceName')} placeholder={t('panel_ledgerEvidenceName')} maxLength={200} value={x.name} onInput={(e) => setEvidence(i, { name: (e.currentTarget as HTMLInputElement).value })} />
                  <input aria-label={t('panel_ledgerEvidenceNumber')} placeholder={t('panel_ledgerEvidenceNumber')} maxLength={100} value={x.number} onInput={(e) => setEvidence(i, { number: (e.currentTarget as HTMLInputElement).value })} />
                  <input aria-label={t('panel_ledgerEvidencePlace')} placeholder={t('panel_ledgerEvidencePlace')} maxLength={200} value={x.place} onInput={(e) => setEvidence(i, { place: (e.currentTarget as HTMLInputElement).value })} />
                  <button type="button" class="link" onClick={() => setDraft({ ...draft, evidence: draft.evidence.filter((_, j) => j !== i) })}>
                    {t('panel_ledgerEvidenceRemove', [String(i + 1)])}
                  </button>
                </div>
              ))}
              {draft.evidence.length < 50 && (
                <button type="button" class="link" onClick={() => setDraft({ ...draft, evidence: [...draft.evidence, { name: '', number: '', place: '' }] })}>
                  {t('panel_ledgerEvidenceAdd')}
                </button>
              )}
            </fieldset>
            <div class="ledger-actions">
              <button type="submit" disabled={saving}>
                {t('panel_ledgerSave')}
              </button>
              <span role="status" aria-live="polite">{status}</span>
            </div>
          </form>
        )}
        {open && !draft && !error && <p class="small">{t('panel_ledgerLoading')}</p>}
        {error && <p class="small error" role="alert">{error}</p>}
      </div>
    </div>
  );
}
