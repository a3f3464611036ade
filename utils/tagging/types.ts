import type { CategoryId, TaskFields } from '../model';

export interface ClassifyInput {
  title: string;
  fields?: TaskFields;
}

export interface Classification {
  category: CategoryId;
  /** The catalog category's default action, or the matching rule's action. */
  action: string | null;
  /** 0..1; below 0.3 means "no real evidence, best guess". */
  confidence: number;
  /** The words or fields that decided it, e.g. "防汛", "流程:请假". */
  evidence: string[];
  ruleId: string | null;
  secondary: CategoryId | null;
  /** 待确认: the engine is not sure of this tag (calibrated, see classify-task.ts Tuning). */
  unsure: boolean;
}
