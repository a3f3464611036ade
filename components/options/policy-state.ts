// The administrator's policy as the background read it: shared by every section that locks controls.
import { signal } from '@preact/signals';
import type { PolicyState } from '@/utils/background/policy';
import { send } from '@/utils/ui/client';
import { errorText } from './feedback';

export const policyState = signal<PolicyState>({ policy: {}, error: null });
export const policyLoadError = signal<string>('');

export async function loadPolicy(): Promise<void> {
  try {
    policyState.value = await send<PolicyState>({ type: 'policy/get' });
    policyLoadError.value = '';
  } catch (error) {
    policyLoadError.value = errorText(error);
  }
}

export const catalogLocked = (): boolean => policyState.value.policy.catalog !== undefined;
