import { describe, expect, it } from 'vitest';
import { PERIODS, PHASES } from '@/components/popup/ids';
import { Period, PHASE_IDS } from '@/utils/model';

describe('popup ids', () => {
  it('are the model’s periods and phases, in order', () => {
    expect(PERIODS).toEqual(Period.options);
    expect(PHASES).toEqual(PHASE_IDS);
  });
});
