// The zod schema of an adapter: where a product's task lists are and how to read a row.
// Tests parse every shipped adapter with it (a typo in a selector or regex fails CI), and options
// parse custom selectors with it. The content script doesn't load zod: its budget is 20 KB gzipped.
import * as z from 'zod/mini';

const validRegex = (s: string) => {
  try {
    return new RegExp(s) instanceof RegExp;
  } catch {
    return false;
  }
};
/** Selectors are checked where a DOM exists (tests, content script); elsewhere they pass. */
const validSelector = (s: string) => {
  if (typeof document === 'undefined') return true;
  try {
    document.createDocumentFragment().querySelector(s);
    return true;
  } catch {
    return false;
  }
};
const Selector = z.string().check(z.minLength(1), z.maxLength(600), z.refine(validSelector, 'invalid selector'));
const Pattern = z.string().check(z.minLength(1), z.maxLength(300), z.refine(validRegex, 'invalid regex'));
/** `selector` (its text) or `selector@attr` (that attribute); `@attr` alone reads the row. */
const ValueSource = z.string().check(
  z.minLength(2),
  z.refine((s) => {
    const at = s.lastIndexOf('@');
    return at < 0 ? validSelector(s) : /^[\w:-]+$/.test(s.slice(at + 1)) && (at === 0 || validSelector(s.slice(0, at)));
  }, 'invalid value source'),
);
const Field = z.enum(['title', 'workflow', 'sender', 'receivedAt', 'deadline', 'node', 'docMark', 'urgency']);

/** Where the product's own id of a row is: an attribute (of the row or `sel`), optionally a
 * URL/onclick parameter inside it (`param`) or the first group of `re`. `#text` reads text. */
export const IdSource = z.object({
  sel: z.optional(Selector),
  attr: z.string().check(z.minLength(1), z.maxLength(40)),
  param: z.optional(z.string().check(z.regex(/^\w+$/))),
  re: z.optional(Pattern),
});

export const ListSpec = z.object({
  /** List roots, document-wide; `rootClosest` climbs from each match to the real container. */
  root: Selector,
  rootClosest: z.optional(Selector),
  /** Keep a root only if the nearest heading above it matches / does not match. */
  heading: z.optional(Pattern),
  notHeading: z.optional(Pattern),
  /** Keep a root only if it contains a match of this (with `heading`: either evidence will do). */
  has: z.optional(Selector),
  /** Header cells, relative to the root (may be a separate table: columns map by index). */
  header: z.optional(Selector),
  row: Selector,
  /** Rows and header cells matching this are not content (fixed-column clones, placeholders). */
  skip: z.optional(Selector),
  /** The title element in a row; without it, the header's title column. */
  title: z.optional(Selector),
  /** Only `title` counts: rows without it are not tasks (e.g. e9 document lists share the grid). */
  strictTitle: z.optional(z.boolean()),
  ids: z.optional(z.array(IdSource)),
  fields: z.optional(z.partialRecord(Field, ValueSource)),
  /** No header: unlabelled cells are classified by shape (date → receivedAt, short name → sender). */
  infer: z.optional(z.boolean()),
});

export const AdapterSpec = z.object({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/)),
  product: z.string().check(z.minLength(1), z.maxLength(40)),
  /** Higher runs first; also breaks ties if two signatures ever match one document. */
  priority: z.number().check(z.int()),
  /** Regexes against pathname+search+hash, unanchored (sites live under prefixes like /oa/). */
  url: z.array(Pattern),
  /** Selectors distinctive enough to name the product on their own. */
  dom: z.array(Selector),
  urgency: z.optional(z.enum(['ecology', 'seeyon', 'whir'])),
  lists: z.array(ListSpec),
});
export type AdapterSpec = z.output<typeof AdapterSpec>;
export type AdapterSpecInput = z.input<typeof AdapterSpec>;
export type ListSpec = z.output<typeof ListSpec>;
export type IdSourceSpec = z.output<typeof IdSource>;
