import type { Catalog, Tag, Task } from '../model';
import type { TagView } from '../messages/to-content';
import type { PanelItem } from '../messages/task-list';

/** The display shape of a tag, with names from the (possibly customised) catalog. */
export function tagView(tag: Tag, catalog: Catalog): TagView {
  const category = catalog.categories.find((c) => c.id === tag.category);
  const action = tag.action ? catalog.actions.find((a) => a.id === tag.action) : undefined;
  const categoryName = category?.name ?? tag.category;
  return {
    key: tag.taskKey,
    category: tag.category,
    action: tag.action,
    categoryName,
    label: action?.short ?? categoryName,
    actionName: action?.name ?? null,
    phases: tag.phaseCount,
    confidence: tag.confidence,
    ...(tag.unsure && tag.source === 'auto' ? { unsure: true } : {}),
    source: tag.source,
    evidence: tag.evidence,
  };
}

/** One task as the panel lists it (utils/messages/task-list.ts PanelItem): only what the panel
 * shows, since a page of thousands of tasks travels to it in one message. */
export function panelItem(task: Task, tag: Tag, catalog: Catalog): PanelItem {
  return {
    task: { key: task.key, origin: task.origin, title: task.title, fields: task.fields },
    tag: { phases: tag.phases, phaseCount: tag.phaseCount },
    view: tagView(tag, catalog),
  };
}
