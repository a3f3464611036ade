import type { Catalog, Tag } from '../model';
import type { TagView } from '../messages/to-content';

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
    source: tag.source,
    evidence: tag.evidence,
  };
}
