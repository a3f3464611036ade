import { render } from 'preact';
import { Popup } from '@/components/popup/Popup';
import type { PopupStart } from '@/components/popup/popup-state';
import '@/components/popup/popup.css';
import { setUiLocale, uiLocale } from '@/utils/i18n';
import type { Settings } from '@/utils/model';
import { send } from '@/utils/ui/client';
import { POPUP_START } from '@/components/popup/ids';

// One round trip before the first render: the numbers, their period and the UI language.
async function main() {
  performance.mark('ronghe-popup-start');
  // ?blank: this page and its modules, loaded, doing nothing (the benchmark's floor).
  if (new URLSearchParams(location.search).has('blank')) {
    document.documentElement.dataset.ready = '1';
    performance.mark('ronghe-popup-ready');
    return;
  }
  let start: PopupStart | undefined;
  try {
    const reply = await send<PopupStart['progress'] & { period: PopupStart['period']; locale: Settings['locale'] }>(POPUP_START);
    await setUiLocale(reply.locale);
    start = { period: reply.period, progress: reply };
    performance.mark('ronghe-popup-data');
  } catch {
    await setUiLocale('auto'); // the popup still opens and shows the error itself
  }
  document.documentElement.lang = uiLocale();
  render(<Popup start={start} />, document.getElementById('app')!);
}

void main();
