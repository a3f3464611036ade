// Small builders for ledger tests.
import { countPhases, emptyPhases, type Event, type Phases, type Rule, type Tag, type Task } from '../../../utils/model';
import type { StoreDump } from '../../../utils/store/transfer';

export const T0 = new Date(2024, 5, 1, 9, 5).getTime(); // local 2024-06-01 09:05

export function task(key: string, over: Partial<Task> = {}): Task {
  return {
    key,
    origin: 'http://oa.example.gov.cn',
    product: 'seeyon',
    nativeId: key,
    title: `关于做好防汛应急工作的通知 ${key}`,
    fields: { sender: '办公室', receivedAt: '2024-06-01 09:00', urgency: 2 },
    firstSeen: T0,
    lastSeen: T0,
    ...over,
  };
}

export function tag(taskKey: string, over: Partial<Tag> = {}): Tag {
  const ph: Phases = over.phases ?? emptyPhases();
  const phaseCount = countPhases(ph);
  return {
    taskKey,
    origin: 'http://oa.example.gov.cn',
    category: 'emergency',
    action: 'commando-team',
    source: 'auto',
    confidence: 0.9,
    evidence: ['防汛'],
    ruleId: null,
    taggedAt: T0,
    updatedAt: T0,
    ...over,
    phases: ph,
    phaseCount,
    integrated: phaseCount === 4 ? 1 : 0,
  };
}

export function event(taskKey: string, at: number, over: Partial<Event> = {}): Event {
  return { id: `${taskKey}|tagged|${at}|`, taskKey, origin: 'http://oa.example.gov.cn', type: 'tagged', at, category: 'emergency', action: 'commando-team', ...over };
}

export function rule(id: string, over: Partial<Rule> = {}): Rule {
  return { id, title: '防汛值班安排', signature: '防汛值班安排', category: 'emergency', action: 'commando-team', createdAt: T0, source: 'user', ...over };
}

export function dump(over: Partial<StoreDump> = {}): StoreDump {
  return { tasks: [], tags: [], events: [], rules: [], details: [], ...over };
}

export function done(at: number, note = ''): Phases['plan'] {
  return { done: true, at, note };
}

export function phases(p: Partial<Phases>): Phases {
  return { ...emptyPhases(), ...p };
}
