// The panel page's first script, a classic one in its <head>: it asks for the first render's data
// while the page's modules load (see utils/ui/early.ts).
import { startEarly } from '@/utils/ui/early';
import { knownMode, startMessages } from '@/components/panel/start';

export default defineUnlistedScript(() => {
  startEarly(startMessages(knownMode(location.search)));
});
