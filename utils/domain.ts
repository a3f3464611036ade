// The domain's plain constants and helpers, without zod: extension pages and the content script
// import these without loading the schemas (model.ts builds its schemas from them).
import type { Phase, Phases, Settings } from './model';

export const CATEGORY_IDS = [
  'meeting', 'supervision', 'petition', 'project', 'finance', 'personnel', 'emergency', 'research',
  'training', 'enforcement', 'service', 'publicity', 'economy', 'livelihood', 'party', 'admin',
] as const;
export const PHASE_IDS = ['plan', 'deploy', 'implement', 'inspect'] as const;

export const DEFAULT_SETTINGS: Settings = {
  locale: 'auto',
  panelMode: 'overlay',
  panelWidth: 380,
  period: 'year',
  lastExportAt: null,
  personName: '',
  department: '',
  branch: '',
  unit: '',
};

export function emptyPhases(): Phases {
  const phase = (): Phase => ({ done: false, at: null, note: '' });
  return { plan: phase(), deploy: phase(), implement: phase(), inspect: phase() };
}

export function countPhases(phases: Phases): number {
  return PHASE_IDS.reduce((n, p) => n + (phases[p].done ? 1 : 0), 0);
}
