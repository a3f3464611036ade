// The tasks, grouped. The first screenful renders at once; the rest follows in idle slices so a
// page of hundreds of tasks opens the panel without a long task.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PanelStore, TaskGroup } from './store';
import { TaskCard, domId, type TaskActions } from './TaskCard';
import { t } from './text';

const FIRST_SLICE = 4;
const NEXT_SLICE = 24;

export function TaskList({ store }: { store: PanelStore }) {
  const groups = store.groups.value;
  const total = groups.reduce((n, g) => n + g.items.length, 0);
  const selected = store.selectedKey.value;
  const [limit, setLimit] = useState(FIRST_SLICE);
  const actions = useMemo<TaskActions>(
    () => ({
      setPhase: (key, phase, done, note) => void store.setPhase(key, phase, done, note),
      correct: (key, category, action) => void store.correct(key, category, action),
      uncorrect: (key) => void store.uncorrect(key),
      confirm: (key) => void store.confirm(key),
    }),
    [store],
  );

  // A selected task beyond the rendered slice pulls the slice out to it.
  const selectedIndex = useMemo(() => {
    if (!selected) return -1;
    let i = 0;
    for (const g of groups) for (const item of g.items) {
      if (item.task.key === selected) return i;
      i++;
    }
    return -1;
  }, [groups, selected]);
  const shown = Math.max(limit, selectedIndex + 1);

  useEffect(() => {
    if (shown >= total) {
      if (!document.documentElement.dataset.complete) performance.mark('ronghe-panel-complete');
      document.documentElement.dataset.complete = '1';
      return;
    }
    const timer = setTimeout(() => setLimit((n) => n + NEXT_SLICE), 16);
    return () => clearTimeout(timer);
  }, [shown, total]);

  useEffect(() => {
    if (!selected) return;
    const el = document.getElementById(domId(selected));
    el?.scrollIntoView({ block: 'start' });
    el?.querySelector<HTMLElement>('input[type=checkbox]')?.focus({ preventScroll: true });
  }, [selected, selectedIndex >= 0]);

  if (total === 0) return <p class="empty">{store.items.value.length ? t('panel_noMatch') : t('panel_noTasks')}</p>;

  let budget = shown;
  const catalog = store.catalog.value;
  const busy = store.busy.value;
  const showOrigin = store.mode === 'tab';
  return (
    <div class="groups">
      {groups.map((group: TaskGroup) => {
        if (budget <= 0) return null;
        const slice = group.items.slice(0, budget);
        budget -= slice.length;
        return (
          <section key={group.id} class="group" aria-labelledby={`g-${group.id}`}>
            <h2 id={`g-${group.id}`} class="group-name">
              {group.name} <span class="count">{t('panel_groupCount', [String(group.items.length)])}</span>
            </h2>
            <ul class="tasks">
              {slice.map((item) => (
                <TaskCard
                  key={item.task.key}
                  item={item}
                  catalog={catalog}
                  busy={busy.has(item.task.key)}
                  selected={item.task.key === selected}
                  showOrigin={showOrigin}
                  actions={actions}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
