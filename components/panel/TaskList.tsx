// The tasks, grouped. A short list renders whole (the first screenful at once, the rest in idle
// slices). A long one is windowed: only the cards near the viewport are in the DOM, between two
// spacers sized from the measured card height, so 5,000 tasks open as fast as 20 and scroll
// without long tasks. Every card keeps its real controls (同谋划…, 业务类别, 党建动作) while shown;
// Tab moves through the shown cards and the window follows the focus as the page scrolls to it.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PanelStore, TaskGroup } from './store';
import { TaskCard, domId, type TaskActions } from './TaskCard';
import { t } from './text';
import { WINDOW_FROM } from './list-window';

const FIRST_SLICE = 4;
const NEXT_SLICE = 24;
/** Cards rendered beyond each edge of the viewport. */
const OVERSCAN = 6;
/** Until measured: a card's and a group heading's height (px). */
const CARD_GUESS = 170;
const HEAD_GUESS = 34;

interface Range {
  from: number;
  to: number;
}

const markComplete = () => {
  if (!document.documentElement.dataset.complete) performance.mark('ronghe-panel-complete');
  document.documentElement.dataset.complete = '1';
};

export function TaskList({ store }: { store: PanelStore }) {
  const groups = store.groups.value;
  const total = groups.reduce((n, g) => n + g.items.length, 0);
  const selected = store.selectedKey.value;
  const [limit, setLimit] = useState(FIRST_SLICE);
  const windowed = total > WINDOW_FROM;
  const list = useRef<HTMLDivElement>(null);
  const [sizes, setSizes] = useState({ card: CARD_GUESS, head: HEAD_GUESS });
  const [range, setRange] = useState<Range>({ from: 0, to: 12 });
  const actions = useMemo<TaskActions>(
    () => ({
      setPhase: (key, phase, done, note) => void store.setPhase(key, phase, done, note),
      correct: (key, category, action) => void store.correct(key, category, action),
      uncorrect: (key) => void store.uncorrect(key),
      confirm: (key) => void store.confirm(key),
    }),
    [store],
  );

  // Where each group starts in the flat order of tasks.
  const starts = useMemo(() => {
    const out: number[] = [];
    let n = 0;
    for (const g of groups) {
      out.push(n);
      n += g.items.length;
    }
    return out;
  }, [groups]);

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

  /** Estimated offset (px, from the list's top) of the task at flat index i. */
  const offsetOf = (i: number) => {
    let g = 0;
    while (g + 1 < starts.length && starts[g + 1]! <= i) g++;
    return (g + 1) * sizes.head + i * sizes.card;
  };

  // Windowed: the range follows the viewport.
  useEffect(() => {
    if (!windowed) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const el = list.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top;
      const perCard = sizes.card + (groups.length * sizes.head) / Math.max(1, total);
      const first = Math.max(0, Math.floor(-top / perCard) - OVERSCAN);
      const count = Math.ceil(window.innerHeight / sizes.card) + 2 * OVERSCAN;
      const next = { from: Math.min(first, Math.max(0, total - count)), to: Math.min(total, first + count) };
      setRange((r) => (r.from === next.from && r.to === next.to ? r : next));
    };
    const soon = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    markComplete();
    window.addEventListener('scroll', soon, { passive: true });
    window.addEventListener('resize', soon);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', soon);
      window.removeEventListener('resize', soon);
    };
  }, [windowed, total, groups.length, sizes]);

  // Windowed: measure what is rendered, so the spacers (and the scrollbar) match the cards.
  useLayoutEffect(() => {
    if (!windowed || !list.current) return;
    const cards = list.current.querySelectorAll<HTMLElement>('li.task');
    if (!cards.length) return;
    let sum = 0;
    for (const c of cards) sum += c.offsetHeight;
    const card = Math.round(sum / cards.length);
    const section = list.current.querySelector<HTMLElement>('section.group');
    const ul = section?.querySelector<HTMLElement>('ul');
    const head = section && ul ? Math.max(0, section.offsetHeight - ul.offsetHeight + parseFloat(getComputedStyle(section).marginTop)) : sizes.head;
    if (Math.abs(card - sizes.card) > sizes.card * 0.1 || Math.abs(head - sizes.head) > 4) setSizes({ card, head: Math.round(head) });
  });

  // Not windowed: the rest of the list streams in idle slices.
  useEffect(() => {
    if (windowed) return;
    if (shown >= total) {
      markComplete();
      return;
    }
    const timer = setTimeout(() => setLimit((n) => n + NEXT_SLICE), 16);
    return () => clearTimeout(timer);
  }, [shown, total, windowed]);

  // A selected task: bring it into the window, then into view, its first checkbox focused.
  useEffect(() => {
    if (!selected) return;
    if (windowed && selectedIndex >= 0 && (selectedIndex < range.from || selectedIndex >= range.to) && list.current) {
      const top = list.current.getBoundingClientRect().top + window.scrollY;
      window.scrollTo(0, top + offsetOf(selectedIndex));
      setRange({ from: Math.max(0, selectedIndex - OVERSCAN), to: Math.min(total, selectedIndex + OVERSCAN * 3) });
      return;
    }
    const el = document.getElementById(domId(selected));
    el?.scrollIntoView({ block: 'start' });
    el?.querySelector<HTMLElement>('input[type=checkbox]')?.focus({ preventScroll: true });
  }, [selected, selectedIndex >= 0, windowed && selectedIndex >= range.from && selectedIndex < range.to]);

  if (total === 0) return <p class="empty">{store.items.value.length ? t('panel_noMatch') : t('panel_noTasks')}</p>;

  const catalog = store.catalog.value;
  const busy = store.busy.value;
  const showOrigin = store.mode === 'tab';
  const from = windowed ? range.from : 0;
  const to = windowed ? range.to : shown;
  const sections = [];
  let lastGroup = -1;
  for (let g = 0; g < groups.length; g++) {
    const group: TaskGroup = groups[g]!;
    const start = starts[g]!;
    const end = start + group.items.length;
    if (end <= from || start >= to) continue;
    lastGroup = g;
    const slice = group.items.slice(Math.max(0, from - start), Math.min(group.items.length, to - start));
    const offset = Math.max(0, from - start);
    sections.push(
      <section key={group.id} class="group" aria-labelledby={`g-${group.id}`}>
        <h2 id={`g-${group.id}`} class="group-name">
          {group.name} <span class="count">{t('panel_groupCount', [String(group.items.length)])}</span>
        </h2>
        <ul class="tasks">
          {slice.map((item, i) => (
            <TaskCard
              key={item.task.key}
              item={item}
              catalog={catalog}
              busy={busy.has(item.task.key)}
              selected={item.task.key === selected}
              showOrigin={showOrigin}
              actions={actions}
              {...(windowed ? { pos: offset + i + 1, setSize: group.items.length } : {})}
            />
          ))}
        </ul>
      </section>,
    );
  }
  if (!windowed) return <div class="groups">{sections}</div>;
  // Spacers: what is above and below the window, estimated from the measured sizes (the first
  // shown group's heading is rendered above its first shown card).
  const above = Math.max(0, offsetOf(from) - sizes.head);
  const below = (groups.length - 1 - lastGroup) * sizes.head + (total - to) * sizes.card;
  return (
    <div class="groups" ref={list} data-window={`${from}-${to}`}>
      <div aria-hidden="true" style={{ height: `${above}px` }} />
      {sections}
      <div aria-hidden="true" style={{ height: `${below}px` }} />
    </div>
  );
}
