// Urgency on one scale: 0 一般 < 1 加急 < 2 急件 < 3 特急 < 4 特提 (field guide §1.8).
// Products number it differently, so a bare number is read in the product's own scale.

/** e-cology requestlevel 0 正常/1 重要/2 紧急; Seeyon importance 1–5; ezOFFICE _huanji_str 0–4. */
export type UrgencyScale = 'ecology' | 'seeyon' | 'whir';

const SCALES: Record<UrgencyScale | 'plain', readonly number[]> = {
  ecology: [0, 1, 3],
  seeyon: [0, 0, 1, 2, 3, 4],
  whir: [0, 1, 2, 3, 4],
  plain: [0, 1, 2, 3, 4],
};

// Order matters: 特急 before 急, 加急/平急/较急 before 急, 非常重要 is not 重要.
const WORDS: ReadonlyArray<readonly [RegExp, number]> = [
  [/特提/, 4],
  [/特急|紧急|非常紧急/, 3],
  [/加急|平急|(?<!非常)重要|较急/, 1],
  [/急件|非常重要|急/, 2],
  [/一般|普通|正常|平件|常规|无/, 0],
];

export function normalizeUrgency(raw: string | null | undefined, scale?: UrgencyScale): number | undefined {
  if (!raw) return undefined;
  const s = raw.trim();
  if (!s) return undefined;
  // A number, alone or in a class/attr like `importance_3`.
  const num = /^(\d)$/.exec(s) ?? /(?:importance|level|huanji|urgent)\D{0,3}(\d)/i.exec(s);
  if (num) {
    const v = SCALES[scale ?? 'plain'][Number(num[1])];
    return v === undefined ? undefined : v;
  }
  for (const [re, v] of WORDS) if (re.test(s)) return v;
  return undefined;
}

/** System prefixes such as 【特急】 or [急] that some OAs prepend to the title. */
export function titleUrgency(title: string): number | undefined {
  const m = /^\s*[【[〔(（]\s*(特提|特急|急件|加急|平急|紧急|急)\s*[】\]〕)）]/.exec(title);
  return m ? normalizeUrgency(m[1]) : undefined;
}
