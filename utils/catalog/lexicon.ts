import type { LexiconEntry } from '../model';

// Placeholder: the tagging engine's lexicon is written in utils/catalog/lexicon.ts.
export const DEFAULT_LEXICON: LexiconEntry[] = [];
