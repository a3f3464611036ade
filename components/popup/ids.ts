// Period and phase ids for the popup, without loading the zod model into the popup's bundle
// (that alone costs more than the popup's whole open budget). A test keeps them equal to the model.
import type { Period, PhaseId } from '@/utils/model';
import type { ToBackground } from '@/utils/messages/to-background';

export const PERIODS: readonly Period[] = ['week', 'month', 'quarter', 'year', 'all'];
export const PHASES: readonly PhaseId[] = ['plan', 'deploy', 'implement', 'inspect'];

/** The popup's one request before its first render: numbers, period and language (settings'). */
export const POPUP_START = { type: 'progress/get' } as const satisfies ToBackground;
