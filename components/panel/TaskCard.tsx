// One task: what the OA says about it, why it got its tag, the four phases, and corrections.
import { Component } from 'preact';
import { useState } from 'preact/hooks';
import type { CategoryId, PhaseId } from '@/utils/model';
import type { Catalog, PanelItem } from './types';
import { CorrectionControls } from './CorrectionControls';
import { PhaseChecklist, PhaseNotes } from './PhaseChecklist';
import { LedgerInfo } from './LedgerInfo';
import { percent, t } from './text';

export interface TaskActions {
  setPhase(key: string, phase: PhaseId, done: boolean, note?: string): void;
  correct(key: string, category: CategoryId, action: string | null): void;
  uncorrect(key: string): void;
  /** Clears 待确认: the tag is right as it is. */
  confirm(key: string): void;
}

interface Props {
  item: PanelItem;
  catalog: Catalog | null;
  busy: boolean;
  selected: boolean;
  showOrigin: boolean;
  actions: TaskActions;
  /** In a windowed list: the card's position in its group and the group's size (aria-posinset/-setsize). */
  pos?: number;
  setSize?: number;
}

/** Stable, attribute-safe ids from task keys (which may hold any character). */
function domId(key: string): string {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  return `task-${(h >>> 0).toString(36)}`;
}

function TaskCardView({ item, catalog, busy, selected, showOrigin, actions, pos, setSize }: Props) {
  const { task, tag, view } = item;
  const [open, setOpen] = useState(selected);
  const id = domId(task.key);
  const f = task.fields;
  const meta: Array<[string, string]> = [];
  if (f.sender) meta.push([t('panel_fieldSender'), f.sender]);
  if (f.receivedAt) meta.push([t('panel_fieldReceived'), f.receivedAt]);
  if (f.urgency !== undefined) meta.push([t('panel_fieldUrgency'), t(`panel_urgency${f.urgency}`)]);
  if (showOrigin) meta.push([t('panel_fieldSite'), task.origin]);
  const expanded = open || selected;

  return (
    <li class={selected ? 'task selected' : 'task'} data-task-key={task.key} id={id} aria-posinset={pos} aria-setsize={setSize}>
      <div role="group" aria-labelledby={`${id}-title`} class="task-body">
        <div class="task-head">
          <h3 id={`${id}-title`} class="title">{task.title}</h3>
          <span class={`progress p${tag.phaseCount}`}>{t('panel_phaseCount', [String(tag.phaseCount)])}</span>
        </div>
        <p class="tagline">
          {view.unsure && (
            <span class="unsure" title={t('panel_unsureHint')}>
              {`? ${t('panel_unsure')}`}
            </span>
          )}
          <span class="badge">{view.label}</span>
          <span class="cat">{view.categoryName}</span>
          <span class="conf">{t('panel_confidence', [String(percent(view.confidence, 1))])}</span>
          {view.source === 'user' && <span class="src">{t('panel_sourceUser')}</span>}
          {view.source === 'policy' && <span class="src">{t('panel_sourcePolicy')}</span>}
        </p>
        {view.evidence.length > 0 && <p class="evidence">{t('panel_evidence', [view.evidence.join('、')])}</p>}
        {meta.length > 0 && (
          <dl class="meta">
            {meta.map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        )}
        <PhaseChecklist phases={tag.phases} busy={busy} onToggle={(phase, done) => actions.setPhase(task.key, phase, done)} />
        <LedgerInfo taskKey={task.key} domId={id} />
        {catalog && (
          <CorrectionControls
            catalog={catalog}
            category={view.category}
            action={view.action}
            busy={busy}
            onCorrect={(category, action) => actions.correct(task.key, category, action)}
          />
        )}
        <div class="task-foot">
          <button type="button" class="link" aria-expanded={expanded ? 'true' : 'false'} aria-controls={`${id}-more`} onClick={() => setOpen(!expanded)}>
            {expanded ? t('panel_hideDetails') : t('panel_showDetails')}
          </button>
          {view.unsure && (
            <button type="button" class="link" disabled={busy} title={t('panel_confirmHint')} onClick={() => actions.confirm(task.key)}>
              {t('panel_confirm')}
            </button>
          )}
          {view.source === 'user' && (
            <button type="button" class="link" disabled={busy} onClick={() => actions.uncorrect(task.key)}>
              {t('panel_undoCorrection')}
            </button>
          )}
        </div>
        <div id={`${id}-more`} hidden={!expanded} class="more">
          {expanded && (
            <>
              {f.workflow && <p class="small">{t('panel_fieldWorkflow')}：{f.workflow}</p>}
              {f.deadline && <p class="small">{t('panel_fieldDeadline')}：{f.deadline}</p>}
              <PhaseNotes phases={tag.phases} onNote={(phase, note) => actions.setPhase(task.key, phase, tag.phases[phase].done, note)} />
            </>
          )}
        </div>
      </div>
    </li>
  );
}

/** Re-renders only when its own task (or the catalog, busy or selected state) changed: a tick
 * re-renders one card of hundreds. (preact/compat's memo would also switch inputs to React's
 * onChange semantics, so this is a plain class.) */
export class TaskCard extends Component<Props> {
  override shouldComponentUpdate(next: Props): boolean {
    const now = this.props;
    return (Object.keys(next) as Array<keyof Props>).some((k) => next[k] !== now[k]);
  }
  override render() {
    return <TaskCardView {...this.props} />;
  }
}

export { domId };
