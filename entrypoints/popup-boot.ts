// The popup's first script, a classic one in its <head>: it asks for the numbers while the popup's
// modules load (see utils/ui/early.ts).
import { startEarly } from '@/utils/ui/early';
import { POPUP_START } from '@/components/popup/ids';

export default defineUnlistedScript(() => {
  startEarly([POPUP_START]);
});
