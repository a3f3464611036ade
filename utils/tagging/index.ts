// Public API of the tagging engine.
export type { ClassifyInput, Classification } from './types';
export { createMatcher, prepareTagging, classify, DEFAULT_TUNING, GUESS_BELOW, UNSURE_FEATURES, type Tuning } from './classify-task';
export { ruleSignature, normalizeTitle, workflowKey, type NormalizedTitle } from './normalize-title';
export { RULE_THRESHOLD } from './rule-match';
