// 标注本页任务: starts the picker in this panel's tab. The in-page panel then closes, so the page's
// list is free to click (the picker's toolbar sits at the top centre of the page).
import { useSignal } from '@preact/signals';
import { NOT_STARTED_KEY } from '@/utils/picker/not-started';
import type { PanelStore } from './store';
import { tellHost } from './host-bridge';
import { t } from './text';

export function PickTasks({ store }: { store: PanelStore }) {
  const note = useSignal('');
  const busy = useSignal(false);
  const start = async () => {
    busy.value = true;
    try {
      const reply = await store.startPicker();
      note.value = reply.started ? t('picker_started') : t(NOT_STARTED_KEY[reply.reason]);
      if (reply.started && store.mode === 'frame') tellHost('ronghe:close');
    } catch (error) {
      note.value = error instanceof Error ? error.message : String(error);
    } finally {
      busy.value = false;
    }
  };
  return (
    <div class="pick-tasks">
      <button type="button" class="secondary" disabled={busy.value} onClick={() => void start()}>
        {t('picker_label')}
      </button>
      <p class="pick-note" role="status" aria-live="polite">{note.value}</p>
    </div>
  );
}
