// The shapes the panel receives from the background (see utils/background/services.ts).
import type { Catalog, Settings, Tag, Task } from '@/utils/model';
import type { TagView } from '@/utils/messages/to-content';
import type { panelItem } from '@/utils/background/tag-view';

/** One task as the panel lists it: only what the panel shows (the background cuts it with
 * `panelItem`), since a page of hundreds of tasks travels in one message to the first paint. */
export type PanelItem = ReturnType<typeof panelItem>;

/** What one frame of the tab found (page/status), for diagnostics. */
export type { FrameStatus } from '@/utils/messages/to-background';
import type { FrameStatus } from '@/utils/messages/to-background';

export interface TasksReply {
  items: PanelItem[];
  frames: FrameStatus[];
}

/** frame: inside <ronghe-panel>; side: the browser's side panel; tab: a full tab of all tasks;
 * blank: renders nothing (the benchmark's baseline). */
export type PanelMode = 'frame' | 'side' | 'tab' | 'blank';

export type GroupBy = 'action' | 'category';
export type ProgressFilter = 'all' | 'none' | 'partial' | 'done';

export type { Catalog, Settings, Tag, Task, TagView };
