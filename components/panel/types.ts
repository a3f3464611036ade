// The shapes the panel receives from the background (see utils/background/services.ts).
import type { Catalog, Settings, Tag, Task } from '@/utils/model';
import type { TagView } from '@/utils/messages/to-content';

/** One task as the panel lists it (the background cuts it with `panelItem`); the list travels
 * packed (utils/messages/task-list.ts). */
export type { PanelItem, TaskList as TasksReply } from '@/utils/messages/task-list';

/** What one frame of the tab found (page/status), for diagnostics. */
export type { FrameStatus } from '@/utils/messages/to-background';

/** frame: inside <ronghe-panel>; side: the browser's side panel; tab: a full tab of all tasks;
 * blank: renders nothing (the benchmark's baseline). */
export type PanelMode = 'frame' | 'side' | 'tab' | 'blank';

export type GroupBy = 'action' | 'category';
export type ProgressFilter = 'all' | 'none' | 'partial' | 'done';

export type { Catalog, Settings, Tag, Task, TagView };
