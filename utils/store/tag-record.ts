// Conversion between the model's Tag and the stored TagRecord (derived fields + index keys).
import { countPhases, PHASE_IDS, type Phases, type Tag } from '../model';
import { ALL_ORIGINS, type TagIndexKeys, type TagRecord } from './schema';

/** A task is integrated (融合完成) when all four phases are done (taxonomy.md). */
export function integratedOf(phaseCount: number): 0 | 1 {
  return phaseCount === PHASE_IDS.length ? 1 : 0;
}

export function tagIndexKeys(tag: Pick<Tag, 'origin' | 'taggedAt'>): TagIndexKeys {
  return { at: [ALL_ORIGINS, tag.origin].map((s): [string, number] => [s, tag.taggedAt]) };
}

/** Recomputes the derived fields so a caller can never store an inconsistent count. */
export function toTagRecord(tag: Tag): TagRecord {
  const phaseCount = countPhases(tag.phases);
  return { ...stripIx(tag), phaseCount, integrated: integratedOf(phaseCount), ix: tagIndexKeys(tag) };
}

/** Returns the plain model Tag (index keys are an internal detail, never exported). */
export function fromTagRecord(record: TagRecord): Tag {
  return stripIx(record);
}

function stripIx(record: Tag | TagRecord): Tag {
  if (!('ix' in record)) return record;
  const { ix: _ix, ...tag } = record;
  return tag;
}

export function clonePhases(phases: Phases): Phases {
  return {
    plan: { ...phases.plan },
    deploy: { ...phases.deploy },
    implement: { ...phases.implement },
    inspect: { ...phases.inspect },
  };
}
