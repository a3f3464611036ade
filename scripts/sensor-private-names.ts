// Members private to the content script's classes (utils/sensor/*), renamed short by terser in
// every bundle (wxt.config.ts): property names survive plain minification, and in a 15-KB script
// they add up to about 220 bytes gzipped. Only names no other code uses belong here: a stored
// record's key or a message field renamed in one bundle would no longer match the other.
// tests/unit/sensor/private-names.test.ts checks that they appear nowhere else.
export const SENSOR_FILES = ['utils/sensor/page-sensor.ts', 'utils/sensor/panel-host.ts', 'utils/sensor/script-context.ts', 'utils/sensor/row-tag.ts'];

export const SENSOR_PRIVATE_NAMES = [
  'tagsByKey', 'lastStatusBase', 'applyPush', 'statusTimer', 'settleTimer', 'flushTimer', 'savedMargin', 'settleUntil',
  'returningFocus', 'rescanAfterReply', 'ownTags', 'lastStatus', 'statusSoon', 'shownKeys', 'setPush', 'sendStatus',
  'lastScanAt', 'lastRowCount', 'flushSoon', 'flushNow', 'firstDirtyAt', 'dropClosing', 'createFrame', 'watchLocation',
  'isOwnMutation', 'observing', 'flushing', 'watching', 'writeTags', 'primed', 'destroyed', 'controller', 'observer',
  'inScan', 'readyRows', 'scanGen', 'resend', 'inParse', 'parsedRows', 'buildQueue', 'buildTimer', 'keyTag', 'unplaced',
  'awaiting', 'scheduleScan', 'trackRow', 'watchRoots', 'scanTimer', 'viewsByKey', 'watchedRoots', 'sensorDeps',
  'statusMisses', 'reportAgainLater',
];
