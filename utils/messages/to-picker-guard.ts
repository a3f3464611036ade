// The picker's check of what the background tells it: the ToPicker zod schema in to-content.ts,
// written out (a property test holds them equal), so the on-demand picker script ships no zod.
import type { ToPicker } from './to-content';

const PROBLEMS = new Set(['header', 'nav', 'single', 'few', 'empty']);
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isCount = (x: unknown) => Number.isSafeInteger(x) && (x as number) >= 0;

export function isToPicker(x: unknown): x is ToPicker {
  if (!isObject(x)) return false;
  switch (x.type) {
    case 'picker/status':
      return (
        (x.pick === null || (typeof x.pick === 'string' && x.pick.length <= 40)) &&
        isCount(x.rows) &&
        (x.problem === null || (typeof x.problem === 'string' && PROBLEMS.has(x.problem)))
      );
    case 'picker/confirm':
      return true;
    case 'picker/end':
      return x.saved === null || isCount(x.saved);
    default:
      return false;
  }
}
