// The thin sensor that runs in every frame of an enabled OA origin.
import { customLists, detectLists, detectProduct, extractRows, rowCount, taskKey } from '@/utils/adapters';
import type { TagView } from '@/utils/messages/to-content';
import { isToContent } from '@/utils/messages/to-content-guard';
import type { Reply, SiteConfigReply, ToBackground } from '@/utils/messages/to-background';
import { PageSensor, type RowBatch } from '@/utils/sensor/page-sensor';
import { PANEL_NAME, PanelHost } from '@/utils/sensor/panel-host';
import { elementConflicts } from '@/utils/sensor/shadow-host';
import { getMessage as t, getURL, onMessage as onRuntimeMessage, runtimeId, sendMessage } from '@/utils/sensor/extension-api';

const e2e = import.meta.env.RONGHE_E2E === '1';

export default defineContentScript({
  // Production builds register this script at runtime, only for the origins the user (or policy)
  // enabled. The e2e build is the documented exception: 127.0.0.1 and localhost, any port.
  matches: e2e ? ['http://127.0.0.1/*', 'http://localhost/*'] : ['http://ronghe.invalid/*'], // see wxt.config.ts
  registration: e2e ? 'manifest' : 'runtime',
  allFrames: true,
  matchAboutBlank: true,
  // document_start: the worker is woken (site/config) while the page still parses, rows in the
  // HTML are read as they are parsed, and the rest in our DOMContentLoaded listener, before the
  // page's own handlers and first layout.
  runAt: 'document_start',
  main(ctx) {
    const isTop = window === window.top;
    let panel: PanelHost | null = null;
    let layout: { panelWidth: number; panelMode: 'overlay' | 'push' } | null = null;
    let panelToken = '';
    const ensurePanel = () => {
      if (panel) return panel;
      panel = new PanelHost({
        label: t('panelHandle'),
        width: 380,
        // The token the background gave this tab's top frame: the panel shows data only with it.
        panelUrl: (key) => getURL('/panel.html') + (panelToken ? `?host=${panelToken}` : '') + (key ? `#task=${encodeURIComponent(key)}` : ''),
      });
      if (layout) panel.setLayout(layout.panelWidth, layout.panelMode === 'push');
      // The page took <ronghe-panel> for itself: a stand-in hosts the handle; diagnostics say so.
      if (elementConflicts.has(PANEL_NAME)) sensor.reportAgain();
      return panel;
    };

    const send = async <T>(message: ToBackground): Promise<T | null> => {
      if (!ctx.isValid) return null;
      try {
        const reply = (await sendMessage(message)) as Reply<T> | undefined;
        return reply && reply.ok ? reply.data : null;
      } catch {
        return null; // The background restarted or the extension was reloaded: onInvalidated handles it.
      }
    };

    const sensor = new PageSensor({
      doc: document,
      adapters: { detectLists, extractRows, rowCount, taskKey, detectProduct },
      report: (batch: RowBatch) => send<TagView[]>({ type: 'rows/report', ...batch }),
      status: (status) =>
        send<{ tasks: number }>({ type: 'page/status', ...status }).then((reply) => {
          if (isTop && reply && reply.tasks > 0) void configured.then(() => ensurePanel().show());
          return reply !== null;
        }),
      openPanel: (key) => void send({ type: 'panel/open', taskKey: key }),
      texts: {
        tooltip: (view) =>
          (view.unsure ? t('tagUnsure') + '\n' : '') +
          view.categoryName +
          (view.actionName ? ` → ${view.actionName}` : '') +
          (view.evidence.length ? '\n' + t('tagEvidence', [view.evidence.join('、')]) : '') +
          (view.source === 'user' ? '\n' + t('tagCorrected') : '') +
          '\n' +
          t('tagPhasesDone', [String(view.phases)]),
        unsure: t('tagUnsureWord'),
      },
      setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
      clearTimeout: (id) => clearTimeout(id),
    });

    const onMessage = (raw: unknown, sender: { id?: string }, sendResponse: (reply: unknown) => void) => {
      if (!sender.id || sender.id !== runtimeId()) return;
      if (!isToContent(raw)) return;
      const msg = raw;
      if (msg.type === 'selectors/test') {
        // Only frames that find rows answer; the first answer wins.
        const found = customLists(document, msg.selectors).reduce((n, m) => n + extractRows(m).length, 0);
        if (found > 0) sendResponse({ rows: found });
        return;
      }
      if (msg.type === 'tags/updated') sensor.applyViews(msg.tags);
      else if (msg.type === 'site/selectors') sensor.configure(msg); // saved by 标注本页任务
      else if (msg.type === 'page/report') sensor.reportAgain();
      else if (isTop && msg.type === 'page/has-tasks' && msg.count > 0) void configured.then(() => ensurePanel().show());
      else if (isTop && msg.type === 'panel/open') void configured.then(() => ensurePanel().toggle(msg.taskKey));
    };
    onRuntimeMessage.addListener(onMessage);

    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && panel && panel.isOpen) panel.close();
    };
    if (isTop) ctx.addEventListener(window, 'keydown', onKey);
    ctx.addEventListener(window, 'hashchange', () => sensor.navigated());
    ctx.addEventListener(window, 'popstate', () => sensor.navigated());
    ctx.addEventListener(window, 'wxt:locationchange', () => sensor.navigated());

    ctx.onInvalidated(() => {
      sensor.destroy();
      onRuntimeMessage.removeListener(onMessage);
      if (panel) panel.invalidate(t('reloadPage'));
    });

    // The panel's frame needs the token from site/config: the handle waits for the answer, asked
    // again while the worker that should give it is stopping (send answers null then).
    const askConfig = async (): Promise<SiteConfigReply | null> => {
      for (const wait of [0, 100, 400, 1500, 3000, 6000]) {
        if (wait) await new Promise<void>((resolve) => ctx.setTimeout(() => resolve(), wait));
        const config = await send<SiteConfigReply>({ type: 'site/config', path: location.pathname });
        if (config || !ctx.isValid) return config;
      }
      return null;
    };
    const configured = askConfig().then((config) => {
      if (!config) return;
      layout = config;
      if (config.known) sensor.prime(config.known);
      if (typeof config.panelToken === 'string') panelToken = encodeURIComponent(config.panelToken);
      if (panel) panel.setLayout(config.panelWidth, config.panelMode === 'push');
      if (config.adapterOverride || config.selectors) sensor.configure(config);
    });
    if (document.readyState === 'loading') {
      sensor.parse();
      ctx.addEventListener(document, 'DOMContentLoaded', () => sensor.start());
    } else sensor.start();
  },
});
