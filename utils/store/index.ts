// Public API of the IndexedDB store. Every function takes the open database first.
export { RONGHE_DB_NAME, RONGHE_DB_VERSION, STORES, type RongheDb, type RongheDB, type TagRecord } from './schema';
export { openRongheDb, deleteRongheDb } from './open-db';
export { MIGRATIONS } from './migrations';
export { upsertTasks, mergeTask, getTask, getTasks, listTasksByOrigin, listTasksSeenSince } from './tasks';
export { getTag, getTags, listTags, listTagsByOrigin, putTagsIfAbsent, retagTask, confirmTag, setPhase, TagNotFoundError, type Retag } from './tags';
export { eventId, makeEvent, putEvents, listEvents, countEvents, type EventInput, type EventQuery } from './events';
export { progress, progressByDay, changesSinceExport, markExported, type Progress, type ProgressQuery, type DayProgressQuery } from './progress';
export { dayOf } from './counters';
export {
  putRule, deleteRule, listRules, putSite, getSite, listSites, deleteSite,
  getSettings, putSettings, settingsFrom, getCatalog, putCatalog, resetCatalog,
} from './config';
export { exportAll, applyImport, clearAll, ImportData, type StoreDump } from './transfer';
export { getDetail, listDetails, setDetail, compactDetail } from './details';
