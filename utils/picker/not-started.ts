// Why 标注本页任务 could not start in a tab, as locale keys (popup and panel say the same).
import type { PickerStartReply } from '../background/router';

export const NOT_STARTED_KEY = {
  disabled: 'picker_notStarted_disabled',
  'no-access': 'picker_notStarted_noAccess',
  'not-web': 'picker_notStarted_notWeb',
  'no-tab': 'picker_notStarted_noTab',
} as const satisfies Record<Extract<PickerStartReply, { started: false }>['reason'], string>;
