import { CATEGORY_IDS, type CategoryId } from '../model';

// Scores live in fixed-size arrays indexed by the model's category order.
export const CATEGORY_COUNT = CATEGORY_IDS.length;

export const CATEGORY_INDEX: Readonly<Record<CategoryId, number>> = Object.fromEntries(
  CATEGORY_IDS.map((id, i) => [id, i]),
) as Record<CategoryId, number>;

/**
 * Tie-break priority (lower wins). Content categories come before the "frame" categories
 * meeting and admin, because the taxonomy says content wins over form; among content
 * categories the more specific, action-bearing ones come first. Fixed, so results never
 * depend on Map or object iteration order.
 */
const PRIORITY: readonly CategoryId[] = [
  'emergency', 'petition', 'supervision', 'enforcement', 'finance', 'personnel', 'project', 'service',
  'training', 'research', 'publicity', 'economy', 'livelihood', 'party', 'meeting', 'admin',
];

export const TIE_RANK: Readonly<Int8Array> = (() => {
  const rank = new Int8Array(CATEGORY_COUNT);
  PRIORITY.forEach((id, i) => {
    rank[CATEGORY_INDEX[id]] = i;
  });
  return rank;
})();

export const MEETING = CATEGORY_INDEX.meeting;
export const ADMIN = CATEGORY_INDEX.admin;
