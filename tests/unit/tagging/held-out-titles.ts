import { resolve } from 'node:path';
import { LABELLED_SETS, isHeldOut, readLabelled } from '../../../scripts/bench/accuracy';
import { CORPUS_SOURCES } from '../../../scripts/corpus';

/** Every title the model never trained on: held-out halves and held-out sources. */
export function heldOutTitles(root: string): string[] {
  const out: string[] = [];
  for (const set of LABELLED_SETS) for (const r of readLabelled(resolve(root, set.path))) if (isHeldOut(r.line, set.split)) out.push(r.title);
  for (const src of CORPUS_SOURCES) if (src.role === 'holdout') for (const r of readLabelled(resolve(root, src.path))) out.push(r.title);
  return out;
}
