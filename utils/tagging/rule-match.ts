// Learned rules (user corrections) apply to *similar* titles: the Dice coefficient over
// character bigrams of rule signatures (normalised subject without numbers, dates and
// periods). "报送第三季度安全台账" and "报送第四季度安全台账" share every bigram; an
// unrelated title shares almost none. An inverted index keeps lookups cheap with many rules.
import type { Rule } from '../model';
import { familyKey, ruleSignature, workflowKey } from './normalize-title';

/** Similarity at or above which a rule applies. Tuned so that one changed word in a short subject still matches. */
export const RULE_THRESHOLD = 0.7;

export interface RuleIndex {
  rules: Rule[];
  sizes: Int32Array; // unique bigram count per rule
  signatures: string[];
  postings: Map<number, number[]>; // bigram -> rule indices
  families: Map<string, number[]>; // series family (familyKey) -> rule indices
  workflows: Map<string, number[]>; // workflow family (workflowKey of the corrected task's workflow) -> rule indices
  overlap: Int32Array; // scratch, one slot per rule
  touched: Int32Array; // scratch list of rules with overlap > 0
}

export interface RuleHit {
  rule: Rule;
  similarity: number;
}

/** Unique character bigrams of a signature, as numeric keys, in first-seen order. */
function bigramKeys(sig: string, out: number[]): number[] {
  out.length = 0;
  for (let i = 0; i + 1 < sig.length; i++) {
    const key = sig.charCodeAt(i) * 65536 + sig.charCodeAt(i + 1);
    if (out.indexOf(key) < 0) out.push(key);
  }
  return out;
}

export function buildRuleIndex(rules: readonly Rule[]): RuleIndex {
  const list = rules.slice();
  const sizes = new Int32Array(list.length);
  const signatures: string[] = [];
  const postings = new Map<number, number[]>();
  const families = new Map<string, number[]>();
  const workflows = new Map<string, number[]>();
  const keys: number[] = [];
  list.forEach((rule, r) => {
    const family = familyKey(rule.title);
    if (family) families.set(family, [...(families.get(family) ?? []), r]);
    const workflow = workflowKey(rule.workflow);
    if (workflow) workflows.set(workflow, [...(workflows.get(workflow) ?? []), r]);
    const sig = rule.signature.length > 0 ? rule.signature : ruleSignature(rule.title);
    signatures.push(sig);
    bigramKeys(sig, keys);
    sizes[r] = keys.length;
    for (const key of keys) {
      let post = postings.get(key);
      if (!post) postings.set(key, (post = []));
      post.push(r);
    }
  });
  return {
    rules: list,
    sizes,
    signatures,
    postings,
    families,
    workflows,
    overlap: new Int32Array(list.length),
    touched: new Int32Array(list.length),
  };
}

const scratchKeys: number[] = [];

/**
 * The most similar rule at or above the threshold, or null. Ties: newer rule, then smaller id.
 * A title of the same series family as a rule (familyKey: the same 督办单 or 工单 prefix) matches
 * it at the threshold even when the subjects differ: one correction teaches the whole series.
 * Then a task of the same workflow as a rule's corrected task (workflowKey: the same 督办事项办理 or
 * 政务信息报送, not a generic 收文) matches it the same way. Similar titles come first: a rule
 * learned from this very subject beats one learned from its series or its workflow.
 */
export function matchRule(index: RuleIndex, signature: string, family = '', workflow = ''): RuleHit | null {
  if (index.rules.length === 0) return null;
  const hit = signature.length > 0 ? matchSignature(index, signature) : null;
  if (hit) return hit;
  return newestOf(index, family === '' ? undefined : index.families.get(family)) ?? newestOf(index, workflow === '' ? undefined : index.workflows.get(workflow));
}

/** The newest of a family's rules (then the smallest id), at the threshold's similarity. */
function newestOf(index: RuleIndex, members: number[] | undefined): RuleHit | null {
  if (!members) return null;
  let best: Rule | null = null;
  for (const r of members) {
    const rule = index.rules[r]!;
    if (!best || rule.createdAt > best.createdAt || (rule.createdAt === best.createdAt && rule.id < best.id)) best = rule;
  }
  return best ? { rule: best, similarity: RULE_THRESHOLD } : null;
}

function matchSignature(index: RuleIndex, signature: string): RuleHit | null {
  const keys = bigramKeys(signature, scratchKeys);
  const { overlap, touched, postings, sizes, rules, signatures } = index;
  let touchedCount = 0;
  for (const key of keys) {
    const post = postings.get(key);
    if (!post) continue;
    for (const r of post) {
      if (overlap[r] === 0) touched[touchedCount++] = r;
      overlap[r]!++;
    }
  }
  let best: RuleHit | null = null;
  const consider = (r: number, similarity: number) => {
    const rule = rules[r]!;
    if (
      !best ||
      similarity > best.similarity ||
      (similarity === best.similarity &&
        (rule.createdAt > best.rule.createdAt || (rule.createdAt === best.rule.createdAt && rule.id < best.rule.id)))
    ) {
      best = { rule, similarity };
    }
  };
  for (let t = 0; t < touchedCount; t++) {
    const r = touched[t]!;
    const similarity = (2 * overlap[r]!) / (keys.length + sizes[r]!);
    overlap[r] = 0;
    if (similarity >= RULE_THRESHOLD) consider(r, similarity);
  }
  // Signatures too short to have bigrams only match exactly.
  if (keys.length === 0) {
    for (let r = 0; r < rules.length; r++) if (signatures[r] === signature) consider(r, 1);
  }
  return best;
}
