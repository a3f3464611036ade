// Messages the background pushes to content scripts. Kept on zod/mini: this module ships in the
// content script, whose whole budget is 20 KB gzipped.
import * as z from 'zod/mini';

/** A task as row tags and the panel show it; display strings come from the catalog. */
export const TagView = z.object({
  key: z.string().check(z.maxLength(200)),
  category: z.string().check(z.maxLength(20)),
  action: z.nullable(z.string().check(z.maxLength(64))),
  categoryName: z.string(),
  /** The action's short name, or the category name when it has no action. */
  label: z.string(),
  actionName: z.nullable(z.string()),
  phases: z.number().check(z.int(), z.minimum(0), z.maximum(4)),
  confidence: z.number(),
  /** 待确认: an automatic tag the engine was unsure of, not yet confirmed or corrected. */
  unsure: z.optional(z.boolean()),
  source: z.string(),
  evidence: z.array(z.string()),
});

/** A site's custom selectors as the content script reads them. */
const Selectors = z.object({
  listRoot: z.optional(z.string()),
  row: z.string(),
  title: z.string(),
  nativeId: z.optional(z.string()),
});

export const ToContent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('tags/updated'), tags: z.array(TagView) }),
  z.object({ type: z.literal('panel/open'), taskKey: z.optional(z.string()) }),
  z.object({ type: z.literal('page/has-tasks'), count: z.number() }),
  /** A restarted background asks each frame to send its page/status again. */
  z.object({ type: z.literal('page/report') }),
  z.object({ type: z.literal('selectors/test'), selectors: Selectors }),
  /** The frame's site has new custom selectors (标注本页任务 saved them): read the page with them now. */
  z.object({ type: z.literal('site/selectors'), selectors: Selectors }),
]);
export type TagView = z.infer<typeof TagView>;

export type ToContent = z.infer<typeof ToContent>;

/** What the background tells the picker (utils/picker) in each frame of a tab. `picker/status`:
 * the frame whose pick is `pick` holds the proposal (others drop theirs; the top frame's toolbar
 * shows it); pick null: nobody does (重选). */
export const ToPicker = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('picker/status'),
    pick: z.nullable(z.string().check(z.maxLength(40))),
    rows: z.number().check(z.int(), z.minimum(0)),
    problem: z.nullable(z.enum(['header', 'nav', 'single', 'few', 'empty'])),
  }),
  /** 确认: the frame holding the proposal saves it. */
  z.object({ type: z.literal('picker/confirm') }),
  /** Picking is over (取消, Esc, or saved with `saved` rows): every frame removes what it added. */
  z.object({ type: z.literal('picker/end'), saved: z.nullable(z.number().check(z.int(), z.minimum(0))) }),
]);
export type ToPicker = z.infer<typeof ToPicker>;

/** What the background broadcasts to extension pages (panel, popup, options). */
export const ToPages = z.discriminatedUnion('type', [
  z.object({ type: z.literal('tags/updated'), tags: z.array(TagView) }),
  z.object({ type: z.literal('tab/changed'), tabId: z.number() }),
]);
export type ToPages = z.infer<typeof ToPages>;
