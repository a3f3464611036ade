// Shared fixtures for the store tests: one fresh database per test.
import { afterEach } from 'vitest';
import { emptyPhases, type Tag, type Task } from '../../../utils/model';
import { deleteRongheDb, openRongheDb, type RongheDb } from '../../../utils/store';

const opened: { db: RongheDb; name: string }[] = [];
let counter = 0;

export function uniqueDbName(): string {
  counter += 1;
  return `ronghe-test-${Date.now()}-${counter}`;
}

export async function freshDb(): Promise<RongheDb> {
  const name = uniqueDbName();
  const db = await openRongheDb(name);
  opened.push({ db, name });
  return db;
}

afterEach(async () => {
  for (const { db, name } of opened.splice(0)) {
    db.close();
    await deleteRongheDb(name);
  }
});

export const ORIGIN_A = 'http://oa.a.gov.cn';
export const ORIGIN_B = 'http://10.0.0.8:8080';

export function task(key: string, over: Partial<Task> = {}): Task {
  return {
    key,
    origin: ORIGIN_A,
    product: 'seeyon',
    nativeId: key,
    title: `任务 ${key}`,
    fields: {},
    firstSeen: 1000,
    lastSeen: 1000,
    ...over,
  };
}

export function tag(taskKey: string, over: Partial<Tag> = {}): Tag {
  return {
    taskKey,
    origin: ORIGIN_A,
    category: 'meeting',
    action: 'branch-meeting',
    source: 'auto',
    confidence: 0.8,
    evidence: ['会议'],
    ruleId: null,
    phases: emptyPhases(),
    phaseCount: 0,
    integrated: 0,
    taggedAt: 1000,
    updatedAt: 1000,
    ...over,
  };
}
