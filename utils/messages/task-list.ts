// The panel's task list as it travels from the background (tasks/for-tab, tasks/list). A page of
// 5,000 tasks is one message, and Chromium's messaging takes time in proportion to its size
// (3.3 MB of objects took ~800 ms to arrive, a JSON string of them longer still): so each task
// travels once as a row of values, what many tasks share (origin, the tag's names) once in a
// table, and untouched phases not at all. `unpackTaskList` gives back exactly what was packed.
import { countPhases, emptyPhases } from '../domain';
import type { Phases, Task } from '../model';
import type { FrameStatus } from './to-background';
import type { TagView } from './to-content';

/** One task as the panel lists it: only what the panel shows. */
export interface PanelItem {
  task: Pick<Task, 'key' | 'origin' | 'title' | 'fields'>;
  tag: { phases: Phases; phaseCount: number };
  view: TagView;
}

export interface TaskList {
  items: PanelItem[];
  frames: FrameStatus[];
}

type Names = Pick<TagView, 'category' | 'action' | 'categoryName' | 'label' | 'actionName'>;

/** [key, origin index, title, fields, names index, confidence, source, evidence, unsure (1/0), phases (0: none touched)] */
type Row = [string, number, string, Task['fields'], number, number, string, string[], 0 | 1, Phases | 0];

export interface PackedTaskList {
  origins: string[];
  names: Names[];
  rows: Row[];
  frames: FrameStatus[];
}

const untouched = (phases: Phases) =>
  Object.values(phases).every((p) => !p.done && p.at === null && p.note === '');

export function packTaskList(list: TaskList): PackedTaskList {
  const origins: string[] = [];
  const originIndex = new Map<string, number>();
  const names: Names[] = [];
  const nameIndex = new Map<string, number>();
  const rows = list.items.map(({ task, tag, view }): Row => {
    let o = originIndex.get(task.origin);
    if (o === undefined) originIndex.set(task.origin, (o = origins.push(task.origin) - 1));
    // One catalog names every view of a reply: the category and action decide the names.
    const nameKey = `${view.category}\u0000${view.action ?? ''}`;
    let n = nameIndex.get(nameKey);
    if (n === undefined) {
      const { category, action, categoryName, label, actionName } = view;
      nameIndex.set(nameKey, (n = names.push({ category, action, categoryName, label, actionName }) - 1));
    }
    return [task.key, o, task.title, task.fields, n, view.confidence, view.source, view.evidence, view.unsure ? 1 : 0, untouched(tag.phases) ? 0 : tag.phases];
  });
  return { origins, names, rows, frames: list.frames };
}

export function unpackTaskList(list: PackedTaskList): TaskList {
  const items = list.rows.map(([key, o, title, fields, n, confidence, source, evidence, unsure, touched]): PanelItem => {
    const phases = touched || emptyPhases();
    const phaseCount = countPhases(phases);
    return {
      task: { key, origin: list.origins[o]!, title, fields },
      tag: { phases, phaseCount },
      view: { key, ...list.names[n]!, phases: phaseCount, confidence, ...(unsure ? { unsure: true } : {}), source, evidence },
    };
  });
  return { items, frames: list.frames };
}
