// Shared set-up for the options page tests: Chinese locale strings, a scripted background.
export { useChineseMessages } from '../ui-messages';
import { fireEvent } from '@testing-library/preact';
import type { ToBackground } from '@/utils/messages/to-background';
import { DEFAULT_CATALOG } from '@/utils/catalog/default-catalog';
import type { Site } from '@/utils/model';
import { policyLoadError, policyState } from '@/components/options/policy-state';
import { background } from './mock-client';

type Handler = (msg: never) => unknown;
export type Script = Partial<Record<ToBackground['type'], Handler>>;

/** Replies by message type; every message sent is recorded. A handler may throw (a refusal). */
export function scriptBackground(script: Script): { calls: ToBackground[]; sent(type: ToBackground['type']): ToBackground[] } {
  const calls: ToBackground[] = [];
  const defaults: Script = {
    'policy/get': () => ({ policy: {}, error: null }),
    'sites/list': () => [],
    'catalog/get': () => DEFAULT_CATALOG,
    'rules/list': () => [],
    'backup/status': () => ({ lastExportAt: null, changes: 0, due: false }),
  };
  background.send = async (msg) => {
    calls.push(msg);
    const handler = script[msg.type] ?? defaults[msg.type];
    if (!handler) throw new Error(`unscripted message ${msg.type}`);
    return (handler as (m: ToBackground) => unknown)(msg);
  };
  return { calls, sent: (type) => calls.filter((c) => c.type === type) };
}

export function resetPolicy(): void {
  policyState.value = { policy: {}, error: null };
  policyLoadError.value = '';
}

export const site = (origin: string, extra: Partial<Site> = {}): Site => ({
  origin,
  enabled: true,
  source: 'user',
  adapterOverride: null,
  selectors: null,
  addedAt: 1_700_000_000_000,
  ...extra,
});

export function chooseFile(input: HTMLElement, file: File): void {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

export function typeInto(input: HTMLElement, value: string): void {
  fireEvent.input(input, { target: { value } });
}
