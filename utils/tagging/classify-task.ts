// The classifier: lexicon scan over the normalised title and the task's other fields,
// character back-off for unseen words, learned rules on top. createMatcher precompiles
// everything once; the returned function is the hot path and reuses its scratch buffers.
import { CATEGORY_IDS, type Catalog, type CategoryId, type Rule } from '../model';
import type { Classification, ClassifyInput } from './types';
import { ADMIN, CATEGORY_COUNT, CATEGORY_INDEX, MEETING, TIE_RANK } from './category-order';
import { familyKey, normalizeTitle, ruleSignature, workflowKey } from './normalize-title';
import { buildTrie, createMatchBuffer, scanTerms, type TermTrie } from './term-trie';
import { buildBackoff, type Backoff } from './char-backoff';
import { buildRuleIndex, matchRule } from './rule-match';
import { charModel, featureKeys, featureOf, isBigram, type CharModel } from './char-model';
import TUNING_DATA from './char-model-tuning.json';

/** How much each source counts relative to the title's own words. */
const SOURCE_WEIGHT = { title: 1, hint: 1, workflow: 1.2, module: 0.7, docType: 0.5 } as const;
const SOURCE_LABEL = { title: '', hint: '标记:', workflow: '流程:', module: '模块:', docType: '类型:' } as const;
type Source = keyof typeof SOURCE_WEIGHT;

/** Extra terms of a category add less than the first: many weak words should not outvote one decisive word. */
const EXTRA_TERM_FACTOR = 0.4;
/** Meeting is a frame: when the title has another subject, the meeting words count less (taxonomy "content over form"). */
const MEETING_FRAME_FACTOR = 0.6;
const CONTENT_PRESENT = 2;
/** Back-off: per specific character, and a cap so it never outweighs a real lexicon term. */
const BACKOFF_WEIGHT = 0.3;
const BACKOFF_CAP = 1.5;
/** Secondary category: must be a real signal, not noise. */
const SECONDARY_MIN = 1.5;
const SECONDARY_RATIO = 0.35;
const MAX_SCAN = 300;
/** Words inside brackets annotate the title (新闻稿审核（局长调研乡村振兴）): they count less. */
const BRACKET_FACTOR = 0.6;
const MAX_MATCHES = 128;
const MAX_EVIDENCE = 6;

/**
 * Blend of the learned model (char-model.ts) with the lexicon, and the 待确认 (unsure) rule: a
 * small logistic model of "this tag is wrong" over UNSURE_FEATURES, flagged at or above
 * `unsureAt`. All numbers are chosen by `npm run train` (scripts/calibrate.ts) out of fold by
 * source, on the examples the model trains on: every labelled title for the committed (shipped)
 * model, the training sources only for the evaluation model (scripts/eval-model.ts).
 */
export interface Tuning {
  /** The model's probability for a category, times this, is added to its lexicon score. */
  modelWeight: number;
  /** The same for an official document's title (FORMAL_DOCUMENT): the lexicon's subject words read a
   * 关于…的通知 better than the model learned from citizens' messages does. Default: modelWeight. */
  formalModelWeight?: number;
  /** Weights of the unsure features (UNSURE_FEATURES order), then the bias. */
  unsureWeights: readonly number[];
  /** P(wrong) at or above which a tag shows as 待确认. */
  unsureAt: number;
  /** The learned model; default: the committed (shipped) one. Calibration passes one trained on a fold,
   * the reports the evaluation model (scripts/eval-model.ts). */
  model?: CharModel;
  /** Calibration only: receives the unsure features of every lexical classification. */
  observe?: (features: Float64Array) => void;
}

/**
 * An official document's title (GB/T 9704 shape: …关于…的通知/批复/请示, 印发/转发…, a 部令) is not a
 * citizen's message (taxonomy: petition is citizens' messages and complaints): the model, which learned
 * petition from citizens' wording (问题, 解决, 建设), does not vote petition there; the lexicon's
 * petition words (信访, 投诉, 接诉即办) still do. Found on the training sources' out-of-fold misses
 * (ministry-ndrc: 关于…城市轨道交通建设规划的批复 read as a complaint).
 */
const FORMAL_DOCUMENT = /关于.{2,}的(?:紧急|补充)?(?:通知|请示|报告|意见|实施意见|指导意见|批复|复函|函|通报|决定|方案|公告|通告|决议|纪要|备忘录)$|印发|转发|[部院局委府]令|(?:通知|批复|复函|请示|决定|公告|通告)$/;
const PETITION = CATEGORY_INDEX.petition;
/** The model's petition probability is checked against FORMAL_DOCUMENT only above this (keeps the regex off the hot path). */
const FORMAL_CHECK_AT = 0.05;

/** With no lexicon word, the model's answer counts as evidence only at or above this probability. */
const MODEL_SURE = 0.8;

/** Below this confidence a tag is a best guess (types.ts): always 待确认, whatever the fitted rule says. */
export const GUESS_BELOW = 0.3;

/** What the unsure rule looks at, in order. */
const UNSURE_BASE = [
  'confidence', 'modelProbability', 'lexiconAgrees', 'modelAgrees', 'hasLexiconWord', 'margin', 'logScore',
  'modelDisagreement', 'modelOverride',
  // The model's own margin (its best minus its second probability), the lexicon's own margin, and
  // the share of the title's characters no lexicon word covered (a title of unknown words).
  'modelMargin', 'lexiconMargin', 'uncovered',
  // The strongest single lexicon word of the tag's category (a decisive word or only weak hints),
  // and how many categories the lexicon found any evidence for.
  'topWord', 'lexiconCategories',
] as const;
/** Then one indicator per category of the tag: some categories are guessed wrong more often than others. */
export const UNSURE_FEATURES: readonly string[] = [...UNSURE_BASE, ...CATEGORY_IDS.map((id) => `is:${id}`)];
const UNSURE_CATEGORY_AT = UNSURE_BASE.length;

export const DEFAULT_TUNING: Tuning = {
  modelWeight: TUNING_DATA.modelWeight,
  formalModelWeight: TUNING_DATA.formalModelWeight,
  unsureWeights: TUNING_DATA.unsureWeights,
  unsureAt: TUNING_DATA.unsureAt,
};

interface Compiled {
  trie: TermTrie;
  backoff: Backoff;
  actions: (string | null)[];
}

/** Compiled catalogs: a catalog object is never changed, only replaced. */
const compiledCatalogs = new WeakMap<Catalog, Compiled>();

function compileCatalog(catalog: Catalog): Compiled {
  const known = compiledCatalogs.get(catalog);
  if (known) return known;
  const trie = buildTrie(catalog.lexicon);
  const actions: (string | null)[] = CATEGORY_IDS.map(
    (id) => catalog.categories.find((c) => c.id === id)?.defaultAction ?? null,
  );
  const compiled = { trie, backoff: buildBackoff(trie), actions };
  compiledCatalogs.set(catalog, compiled);
  return compiled;
}

/** Index of the first opening bracket after the start of the title, or -1. */
function firstBracket(s: string): number {
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0xff08 /* （ */ || c === 0x28 /* ( */) return i;
  }
  return -1;
}

/** Whether position `at` is inside a (…) or （…） pair (depth counted from the start). */
function insideBracket(s: string, at: number): boolean {
  let depth = 0;
  for (let i = 0; i < at; i++) {
    const c = s.charCodeAt(i);
    if (c === 0xff08 || c === 0x28) depth++;
    else if ((c === 0xff09 || c === 0x29) && depth > 0) depth--;
  }
  return depth > 0;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Compiles the catalog and decodes the model ahead of the first classification (right after
 * install, the first page's rows arrive as the worker starts: they need not wait for this). */
export function prepareTagging(catalog: Catalog): void {
  compileCatalog(catalog);
  charModel();
}

export function createMatcher(
  catalog: Catalog,
  rules: Rule[],
  tuning: Tuning = DEFAULT_TUNING,
): (input: ClassifyInput) => Classification {
  const { trie, backoff, actions } = compileCatalog(catalog);
  const ruleIndex = buildRuleIndex(rules);
  // The learned model is decoded on the first classification, not when the matcher is built: a
  // worker that starts to answer a popup never pays for it.
  let model: CharModel | null = null;
  const formalWeight = tuning.formalModelWeight ?? tuning.modelWeight;
  const wantModel = tuning.modelWeight > 0 || formalWeight > 0;
  const prob = new Float64Array(CATEGORY_COUNT);
  const lexScore = new Float64Array(CATEGORY_COUNT);
  const unsureFeatures = new Float64Array(UNSURE_FEATURES.length);
  const featureScratch: number[] = [];
  /** Features of the last title the model read: index, or -1 - index for a bigram. */
  const found: number[] = [];

  // Scratch state, reused by every call (JS is single-threaded; the matcher is not re-entrant).
  const maxW = new Float64Array(CATEGORY_COUNT);
  const sumW = new Float64Array(CATEGORY_COUNT);
  const negW = new Float64Array(CATEGORY_COUNT);
  const boW = new Float64Array(CATEGORY_COUNT);
  const score = new Float64Array(CATEGORY_COUNT);
  const matches = createMatchBuffer(MAX_MATCHES, MAX_SCAN);
  const covered = new Uint8Array(MAX_SCAN + 1);
  // Evidence candidates: term index, source, effective weight per category (filtered at the end).
  const evTerm: number[] = [];
  const evSource: Source[] = [];
  const evChars: string[] = [];
  const evCharCat: number[] = [];
  /** CJK characters of the title, and those no lexicon term covered. */
  let titleChars = 0;
  let titleUncovered = 0;

  function scanSource(text: string, source: Source): void {
    if (text.length === 0) return;
    const s = text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text;
    covered.fill(0, 0, s.length);
    const sourceFactor = SOURCE_WEIGHT[source];
    const count = scanTerms(trie, s, matches, covered);
    const bracketStart = source === 'title' ? firstBracket(s) : -1;
    for (let m = 0; m < count; m++) {
      const info = trie.terms[matches.term[m]!]!;
      const factor = bracketStart > 0 && matches.start[m]! > bracketStart && insideBracket(s, matches.start[m]!)
        ? sourceFactor * BRACKET_FACTOR
        : sourceFactor;
      let positive = false;
      for (let k = 0; k < info.cats.length; k++) {
        const cat = info.cats[k]!;
        const w = info.weights[k]! * factor;
        if (w > 0) {
          sumW[cat]! += w;
          if (w > maxW[cat]!) maxW[cat] = w;
          positive = true;
        } else if (w < 0) negW[cat]! += w;
      }
      if (positive) {
        evTerm.push(matches.term[m]!);
        evSource.push(source);
      }
    }
    // Back-off over what the lexicon did not cover (titles and workflow names only).
    if (source !== 'title' && source !== 'workflow') return;
    const isTitle = source === 'title';
    for (let i = 0; i < s.length; i++) {
      const code = s.charCodeAt(i);
      if (isTitle && code >= 0x3400) titleChars++;
      if (covered[i]) continue;
      if (code < 0x3400) continue;
      if (isTitle) titleUncovered++;
      let dist: Float32Array | undefined;
      if (i + 1 < s.length && !covered[i + 1]) dist = backoff.bigrams.get(code * 65536 + s.charCodeAt(i + 1));
      if (dist === undefined) dist = backoff.chars.get(code);
      if (dist === undefined) continue;
      let bestCat = -1;
      let bestVal = 0;
      for (let c = 0; c < CATEGORY_COUNT; c++) {
        const v = dist[c]!;
        if (v > 0) boW[c]! += v * BACKOFF_WEIGHT * sourceFactor;
        if (v > bestVal) {
          bestVal = v;
          bestCat = c;
        }
      }
      if (bestCat >= 0 && evChars.length < 16) {
        evChars.push(s[i]!);
        evCharCat.push(bestCat);
      }
    }
  }

  // A list's rows share a few workflow names: their keys are remembered (bounded).
  const workflowKeys = new Map<string, string>();
  function workflowOf(workflow: string | undefined): string {
    if (typeof workflow !== 'string' || workflow === '') return '';
    let key = workflowKeys.get(workflow);
    if (key === undefined) {
      if (workflowKeys.size >= 256) workflowKeys.clear();
      workflowKeys.set(workflow, (key = workflowKey(workflow)));
    }
    return key;
  }

  function ruleResult(input: ClassifyInput, lexical: Classification): Classification | null {
    if (ruleIndex.rules.length === 0) return null;
    const hit = matchRule(ruleIndex, ruleSignature(input.title), familyKey(input.title), ruleIndex.workflows.size > 0 ? workflowOf(input.fields?.workflow) : '');
    if (!hit) return null;
    const { rule, similarity } = hit;
    const label = rule.title.length > 60 ? rule.title.slice(0, 60) + '…' : rule.title;
    return {
      category: rule.category,
      action: rule.action,
      confidence: round3(Math.min(1, 0.6 + 0.4 * similarity)),
      evidence: [`规则:${label}`, `相似度:${similarity.toFixed(2)}`],
      ruleId: rule.id,
      secondary: lexical.category !== rule.category && lexical.confidence >= 0.3 ? lexical.category : null,
      // A person taught this family: it is not a guess.
      unsure: false,
    };
  }

  function lexicalClassify(input: ClassifyInput): Classification {
    maxW.fill(0);
    sumW.fill(0);
    negW.fill(0);
    boW.fill(0);
    evTerm.length = 0;
    evSource.length = 0;
    evChars.length = 0;
    evCharCat.length = 0;
    titleChars = 0;
    titleUncovered = 0;

    if (wantModel && model === null) model = tuning.model ?? charModel();
    const title = typeof input.title === 'string' ? input.title : '';
    const { core, hint } = normalizeTitle(title);
    scanSource(core, 'title');
    scanSource(hint, 'hint');
    const f = input.fields;
    if (f) {
      if (typeof f.workflow === 'string') scanSource(normalizeTitle(f.workflow).core, 'workflow');
      if (typeof f.module === 'string') scanSource(f.module, 'module');
      if (typeof f.docType === 'string') scanSource(f.docType, 'docType');
    }

    let lexicalTotal = 0;
    let contentPresent = false;
    for (let c = 0; c < CATEGORY_COUNT; c++) {
      const s = maxW[c]! + EXTRA_TERM_FACTOR * (sumW[c]! - maxW[c]!) + negW[c]!;
      score[c] = s;
      lexicalTotal += maxW[c]!;
      if (c !== MEETING && c !== ADMIN && s >= CONTENT_PRESENT) contentPresent = true;
    }
    if (contentPresent) score[MEETING]! *= MEETING_FRAME_FACTOR;
    for (let c = 0; c < CATEGORY_COUNT; c++) score[c]! += Math.min(BACKOFF_CAP, boW[c]!);
    let lexBest = -1;
    for (let c = 0; c < CATEGORY_COUNT; c++) if (score[c]! > 0 && (lexBest < 0 || better(c, lexBest))) lexBest = c;
    lexScore.set(score);
    let modelBest = model ? modelProbabilities(model, core) : -1;
    // Only tested when it matters: the two weights differ, or the model sees a petition.
    const formal = model !== null && (formalWeight !== tuning.modelWeight || prob[PETITION]! >= FORMAL_CHECK_AT) && FORMAL_DOCUMENT.test(title);
    const modelWeight = formal ? formalWeight : tuning.modelWeight;
    if (model && formal && prob[PETITION]! >= FORMAL_CHECK_AT && lexScore[PETITION]! <= 0) {
      // Not a citizen's message: the model's petition share goes to its other categories.
      const rest = 1 - prob[PETITION]!;
      prob[PETITION] = 0;
      modelBest = 0;
      for (let c = 0; c < CATEGORY_COUNT; c++) {
        if (rest > 0) prob[c]! /= rest;
        if (prob[c]! > prob[modelBest]!) modelBest = c;
      }
    }
    if (model) for (let c = 0; c < CATEGORY_COUNT; c++) score[c]! += modelWeight * prob[c]!;

    let best = -1;
    let second = -1;
    for (let c = 0; c < CATEGORY_COUNT; c++) {
      if (score[c]! <= 0) continue;
      if (best < 0 || better(c, best)) {
        second = best;
        best = c;
      } else if (second < 0 || better(c, second)) second = c;
    }

    if (best < 0) {
      // Nothing recognisable: a low-confidence admin guess, never an exception.
      return { category: 'admin', action: actions[ADMIN] ?? null, confidence: 0.05, evidence: [], ruleId: null, secondary: null, unsure: true };
    }
    const s1 = score[best]!;
    const s2 = second >= 0 ? score[second]! : 0;
    let confidence = (1 - Math.exp(-s1 / 2.5)) * (0.55 + (0.45 * (s1 - s2)) / s1);
    // Back-off only: a guess. (The model's own confident answer is not back-off.)
    if (lexicalTotal === 0 && !(model && prob[best]! >= MODEL_SURE)) confidence = Math.min(0.28, confidence * 0.5);
    const secondary = secondaryOf(best);
    const rounded = round3(Math.max(0, Math.min(1, confidence)));
    const evidence = collectEvidence(best);
    // The model decided (the lexicon alone would have said otherwise, or had nothing): name its features.
    if (model && (best !== lexBest || evidence.length === 0)) addModelEvidence(model, best, evidence);
    const uf = unsureFeatures;
    uf[0] = rounded;
    uf[1] = model ? prob[best]! : 0.5;
    uf[2] = lexBest === best ? 1 : 0;
    uf[3] = !model || modelBest === best ? 1 : 0;
    uf[4] = lexicalTotal > 0 ? 1 : 0;
    uf[5] = (s1 - s2) / s1;
    uf[6] = Math.log1p(s1);
    uf[7] = model && modelBest !== best ? prob[modelBest]! : 0;
    uf[8] = model && lexBest !== best ? prob[best]! : 0;
    uf[9] = model ? modelMargin() : 0;
    uf[10] = lexMargin(lexBest);
    uf[11] = titleChars > 0 ? titleUncovered / titleChars : 1;
    uf[12] = maxW[best]! / 4;
    let cats = 0;
    for (let c = 0; c < CATEGORY_COUNT; c++) if (lexScore[c]! > 0) cats++;
    uf[13] = cats / 4;
    for (let c = 0; c < CATEGORY_COUNT; c++) uf[UNSURE_CATEGORY_AT + c] = c === best ? 1 : 0;
    tuning.observe?.(uf);
    const uw = tuning.unsureWeights;
    let z = uw[UNSURE_FEATURES.length] ?? 0;
    for (let i = 0; i < UNSURE_FEATURES.length; i++) z += (uw[i] ?? 0) * uf[i]!;
    const unsure = rounded < GUESS_BELOW || 1 / (1 + Math.exp(-z)) >= tuning.unsureAt;
    return {
      category: CATEGORY_IDS[best]!,
      action: actions[best] ?? null,
      confidence: rounded,
      evidence,
      ruleId: null,
      secondary,
      unsure,
    };
  }

  /** The model's best probability minus its second best. */
  function modelMargin(): number {
    let p1 = 0;
    let p2 = 0;
    for (let c = 0; c < CATEGORY_COUNT; c++) {
      const p = prob[c]!;
      if (p > p1) {
        p2 = p1;
        p1 = p;
      } else if (p > p2) p2 = p;
    }
    return p1 - p2;
  }

  /** The lexicon's own margin: (best - second) / best of its scores, 0 when it has none. */
  function lexMargin(lexBest: number): number {
    if (lexBest < 0) return 0;
    const l1 = lexScore[lexBest]!;
    let l2 = 0;
    for (let c = 0; c < CATEGORY_COUNT; c++) if (c !== lexBest && lexScore[c]! > l2) l2 = lexScore[c]!;
    return l1 > 0 ? (l1 - Math.max(0, l2)) / l1 : 0;
  }

  /** The second category comes from the lexicon's words only: the model says what the title is, not what else. */
  function secondaryOf(best: number): CategoryId | null {
    let second = -1;
    for (let c = 0; c < CATEGORY_COUNT; c++) {
      if (c === best || lexScore[c]! <= 0) continue;
      if (second < 0 || lexScore[c]! > lexScore[second]! || (lexScore[c] === lexScore[second] && TIE_RANK[c]! < TIE_RANK[second]!)) second = c;
    }
    if (second < 0) return null;
    const s2 = lexScore[second]!;
    return s2 >= SECONDARY_MIN && s2 >= SECONDARY_RATIO * Math.max(lexScore[best]!, s2) ? CATEGORY_IDS[second]! : null;
  }

  /** Fills prob with the model's softmax over the title's features; returns its best category.
   * Remembers the features found, for addModelEvidence. */
  function modelProbabilities(m: CharModel, text: string): number {
    const keys = featureKeys(text, featureScratch, MAX_SCAN);
    for (let c = 0; c < CATEGORY_COUNT; c++) prob[c] = m.bias[c]!;
    found.length = 0;
    for (let i = 0; i < keys.length; i++) {
      const f = featureOf(m, keys[i]!);
      if (f < 0) continue;
      found.push(isBigram(keys[i]!) ? -1 - f : f);
      for (let j = m.starts[f]!, end = m.starts[f + 1]!; j < end; j++) prob[m.cols[j]!]! += m.vals[j]!;
    }
    let max = -Infinity;
    let arg = 0;
    for (let c = 0; c < CATEGORY_COUNT; c++) if (prob[c]! > max) max = prob[(arg = c)]!;
    let sum = 0;
    for (let c = 0; c < CATEGORY_COUNT; c++) sum += prob[c] = Math.exp(prob[c]! - max);
    for (let c = 0; c < CATEGORY_COUNT; c++) prob[c]! /= sum;
    return arg;
  }

  /** The model's two strongest features for a category in this title, as 模型:xx evidence. */
  function addModelEvidence(m: CharModel, cat: number, out: string[]): void {
    let first = -1;
    let firstW = 0;
    let second = -1;
    let secondW = 0;
    for (let i = 0; i < found.length; i++) {
      const bigram = found[i]! < 0;
      const f = bigram ? -1 - found[i]! : found[i]!;
      // A two-character feature names a word (何时, 物业): it is preferred over a single character.
      const w = m.weights[f * CATEGORY_COUNT + cat]! * (bigram ? 1.5 : 1);
      if (w > firstW) {
        second = first;
        secondW = firstW;
        first = f;
        firstW = w;
      } else if (w > secondW) {
        second = f;
        secondW = w;
      }
    }
    for (const f of [first, second]) {
      if (f < 0 || out.length >= MAX_EVIDENCE) continue;
      out.push(`模型:${m.labels[f]!}`);
    }
  }

  function better(a: number, b: number): boolean {
    const d = score[a]! - score[b]!;
    if (Math.abs(d) > 1e-9) return d > 0;
    return TIE_RANK[a]! < TIE_RANK[b]!;
  }

  function collectEvidence(cat: number): string[] {
    const out: string[] = [];
    // Strongest terms first; equal weights keep their order of appearance (stable sort).
    const picked: { label: string; w: number }[] = [];
    for (let e = 0; e < evTerm.length; e++) {
      const info = trie.terms[evTerm[e]!]!;
      const k = info.cats.indexOf(cat);
      if (k < 0 || info.weights[k]! <= 0) continue;
      const source = evSource[e]!;
      const label = SOURCE_LABEL[source] + info.term;
      if (picked.some((p) => p.label === label)) continue;
      picked.push({ label, w: info.weights[k]! * SOURCE_WEIGHT[source] });
    }
    picked.sort((a, b) => b.w - a.w);
    for (const p of picked) {
      if (out.length >= MAX_EVIDENCE) break;
      out.push(p.label);
    }
    if (out.length === 0) {
      for (let i = 0; i < evChars.length && out.length < 3; i++) {
        if (evCharCat[i] === cat) out.push(`字:${evChars[i]}`);
      }
    }
    return out;
  }

  return function classifyTask(input: ClassifyInput): Classification {
    const lexical = lexicalClassify(input);
    return ruleResult(input, lexical) ?? lexical;
  };
}

// Matchers cached per catalog and rules identity: compiling the trie costs milliseconds.
const cache = new WeakMap<Catalog, WeakMap<Rule[], (input: ClassifyInput) => Classification>>();

export function classify(input: ClassifyInput, catalog: Catalog, rules: Rule[]): Classification {
  let byRules = cache.get(catalog);
  if (!byRules) cache.set(catalog, (byRules = new WeakMap()));
  let matcher = byRules.get(rules);
  if (!matcher) byRules.set(rules, (matcher = createMatcher(catalog, rules)));
  return matcher(input);
}


