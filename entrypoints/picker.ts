// 标注本页任务: injected on demand (scripting.executeScript / tabs.executeScript, never listed in the
// manifest) into every frame of the tab the user asked from the popup or the panel. Not part of the
// content script, whose budget is spent; it reads pages the way the content script does.
import { isToPicker } from '@/utils/messages/to-picker-guard';
import { Picker } from '@/utils/picker/picker';
import { getMessage, onMessage, runtimeId, sendMessage } from '@/utils/sensor/extension-api';

type Slot = { __rongheUiPicker?: Picker };

export default defineUnlistedScript(() => {
  const slot = globalThis as unknown as Slot;
  // Started again (a second click on 标注本页任务): the newer picker replaces the older one.
  slot.__rongheUiPicker?.end();
  const listener = (raw: unknown, sender: { id?: string }) => {
    if (!sender.id || sender.id !== runtimeId()) return;
    if (isToPicker(raw)) picker.handle(raw);
  };
  const picker: Picker = new Picker({
    doc: document,
    isTop: window === window.top,
    t: getMessage,
    async send(message) {
      try {
        const reply = (await sendMessage(message)) as { ok?: boolean } | undefined;
        return reply?.ok === true;
      } catch {
        return false; // the extension was reloaded: nothing to save to
      }
    },
    onEnd() {
      onMessage.removeListener(listener);
      if (slot.__rongheUiPicker === picker) delete slot.__rongheUiPicker;
    },
  });
  onMessage.addListener(listener);
  slot.__rongheUiPicker = picker;
});
