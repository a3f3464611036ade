// <ronghe-panel>: the only element Ronghe adds to the top document besides row tags. A shadow
// root holds the 融合助手 handle and, once opened, an iframe of the extension's panel page: styles
// can't cross either way, and the page can't read the panel's (cross-origin) content.
import { shadowHost } from './shadow-host';

export const PANEL_NAME = 'ronghe-panel';
/** The handle's accessible name is fixed by the contract in every locale. */
const HANDLE_NAME = '融合助手';
const MIN_WIDTH = 280;
const MAX_WIDTH = 720;

// The handle is a slim tab in the bottom-right corner, above where a horizontal scrollbar would be:
// 18px wide so it stays in the margin OA pages leave at the right edge at 1366×768.
const CSS =
  ':host{all:initial}.handle{position:fixed;right:0;bottom:64px;z-index:2147483646;writing-mode:vertical-rl;letter-spacing:1px;width:18px;padding:6px 0;border:0;border-radius:4px 0 0 4px;background:#b91c1c;color:#fff;cursor:pointer;font:12px/18px system-ui,"Microsoft YaHei",sans-serif;box-shadow:0 1px 3px rgba(0,0,0,.25);opacity:.9}.handle:hover,.handle:focus-visible{opacity:1}.handle:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}.frame{position:fixed;top:0;right:0;height:100vh;z-index:2147483647;border:0;border-left:1px solid #d4d4d4;background:#fff;box-shadow:-2px 0 8px rgba(0,0,0,.12);color-scheme:light;max-width:calc(100vw - 40px)}.notice{position:fixed;right:28px;bottom:64px;z-index:2147483646;max-width:220px;padding:8px 10px;border-radius:6px;background:#fef2f2;color:#991b1b;border:1px solid #fecaca;font:13px/1.4 system-ui,"Microsoft YaHei",sans-serif}';

export interface PanelHostOptions {
  panelUrl(taskKey?: string): string;
  label: string;
  width: number;
}

type Layout = { ronghe: 'resize'; width: number } | { ronghe: 'mode'; mode: 'overlay' | 'push' };

function layoutMessage(data: unknown): Layout | null {
  if (!data || typeof data !== 'object') return null;
  const m = data as Record<string, unknown>;
  if (m.ronghe === 'resize' && typeof m.width === 'number' && Number.isFinite(m.width)) return { ronghe: 'resize', width: m.width };
  if (m.ronghe === 'mode' && (m.mode === 'overlay' || m.mode === 'push')) return { ronghe: 'mode', mode: m.mode };
  return null;
}

export class PanelHost {
  private readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly handle: HTMLButtonElement;
  private frame: HTMLIFrameElement | null = null;
  /** A hidden panel, started when the pointer or the focus reaches the handle: people point at a
   * button before they click it, so the click shows a panel that has already loaded. */
  private prepared: HTMLIFrameElement | null = null;
  private readonly loaded = new WeakSet<HTMLIFrameElement>();
  private returningFocus = false;
  private width: number;
  private push = false;
  /** The page's own inline margin-right, restored when the panel stops pushing it. */
  private savedMargin: [string, string] | null = null;
  private readonly onMessage = (event: MessageEvent) => {
    // Only our own iframe may talk to the host; its messages carry layout, never task data.
    const own = this.frame ?? this.prepared;
    if (!own || event.source !== own.contentWindow) return;
    if (event.data === 'ronghe:close') return this.close();
    const layout = layoutMessage(event.data);
    if (layout?.ronghe === 'resize') this.resize(layout.width);
    else if (layout?.ronghe === 'mode') this.setPush(layout.mode === 'push');
  };

  constructor(private readonly options: PanelHostOptions) {
    this.width = options.width;
    // Open, so assistive tech and tests find the 融合助手 button; task data lives in the
    // cross-origin extension iframe, which the host page can't read either way.
    ({ host: this.host, root: this.root } = shadowHost(PANEL_NAME, 'open', 'div'));
    this.root.append(Object.assign(document.createElement('style'), { textContent: CSS }));
    this.handle = document.createElement('button');
    this.handle.type = 'button';
    this.handle.className = 'handle';
    this.handle.textContent = HANDLE_NAME;
    if (options.label !== HANDLE_NAME) this.handle.title = options.label;
    this.handle.setAttribute('aria-expanded', 'false');
    this.handle.addEventListener('click', () => this.toggle());
    this.handle.addEventListener('pointerenter', () => this.prepare());
    this.handle.addEventListener('focus', () => {
      if (!this.returningFocus) this.prepare();
    });
    this.root.append(this.handle);
    window.addEventListener('message', this.onMessage);
  }

  /** Attach once the page (any frame) has tasks. */
  show(): void {
    if (!this.host.isConnected) document.documentElement.append(this.host);
  }

  get isOpen(): boolean {
    return this.frame !== null;
  }

  /** Starts loading the panel, hidden, so that opening it is only showing it. */
  prepare(): void {
    if (this.frame || this.prepared) return;
    const frame = this.createFrame();
    // Not displayed: out of the focus order and the accessibility tree, and it paints nothing.
    frame.hidden = true;
    this.prepared = frame;
    this.root.append(frame);
  }

  open(taskKey?: string): void {
    this.show();
    this.dropClosing();
    if (this.frame) {
      if (taskKey) this.frame.src = this.options.panelUrl(taskKey);
      this.frame.focus();
      return;
    }
    let frame = this.prepared;
    this.prepared = null;
    if (frame) {
      if (taskKey) frame.src = this.options.panelUrl(taskKey);
      // The panel sees itself get a size (see PanelApp): focus moves in then.
      frame.hidden = false;
    } else {
      frame = this.createFrame(taskKey);
      this.root.append(frame);
    }
    this.frame = frame;
    // Focus moves into the panel now if it has loaded, else when it has.
    if (this.loaded.has(frame) && !taskKey) frame.focus();
    this.handle.setAttribute('aria-expanded', 'true');
    this.handle.hidden = true;
    this.applyPush();
  }

  private createFrame(taskKey?: string): HTMLIFrameElement {
    const frame = document.createElement('iframe');
    frame.className = 'frame';
    frame.title = this.options.label;
    frame.allow = 'clipboard-write';
    frame.style.width = `${this.width}px`;
    frame.src = this.options.panelUrl(taskKey);
    frame.addEventListener('load', () => {
      this.loaded.add(frame);
      if (this.frame === frame) frame.focus();
    });
    return frame;
  }

  close(): void {
    const frame = this.frame;
    this.frame = null;
    this.applyPush();
    this.handle.hidden = false;
    this.handle.setAttribute('aria-expanded', 'false');
    // Focus leaves the panel first; the frame goes a moment later, so the rest of the key press
    // that closed it (Esc's keyup) lands in this document rather than in a vanished frame. Focus
    // given back like this doesn't start a new hidden panel: the user has just closed one.
    this.returningFocus = true;
    this.handle.focus();
    this.returningFocus = false;
    if (frame) {
      frame.hidden = true;
      this.closing = frame;
      setTimeout(() => this.dropClosing(), 50);
    }
  }

  /** The frame a close left behind for a moment; gone at once if the panel reopens first. */
  private closing: HTMLIFrameElement | null = null;
  private dropClosing(): void {
    this.closing?.remove();
    this.closing = null;
  }

  toggle(taskKey?: string): void {
    if (this.isOpen && !taskKey) this.close();
    else this.open(taskKey);
  }

  /** The saved layout (settings), known before the panel page loads: no visible jump on open. */
  setLayout(width: number, push: boolean): void {
    this.resize(width);
    this.setPush(push);
  }

  private resize(width: number): void {
    this.width = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)));
    for (const frame of [this.frame, this.prepared]) if (frame) frame.style.width = `${this.width}px`;
    this.applyPush();
  }

  private setPush(on: boolean): void {
    this.push = on;
    this.applyPush();
  }

  /** Push mode shifts the page left by the panel's width; closing puts the page's margin back. */
  private applyPush(): void {
    const style = document.documentElement.style;
    if (this.push && this.frame) {
      this.savedMargin ??= [style.getPropertyValue('margin-right'), style.getPropertyPriority('margin-right')];
      style.setProperty('margin-right', `${Math.min(this.width, window.innerWidth - 40)}px`, 'important');
    } else if (this.savedMargin) {
      const [value, priority] = this.savedMargin;
      this.savedMargin = null;
      if (value) style.setProperty('margin-right', value, priority);
      else style.removeProperty('margin-right');
    }
  }

  /** The extension was updated or reloaded: this page's script is orphaned. Say so. */
  invalidate(message: string): void {
    this.frame?.remove();
    this.frame = null;
    this.prepared?.remove();
    this.prepared = null;
    this.applyPush();
    this.handle.hidden = true;
    const notice = document.createElement('div');
    notice.className = 'notice';
    notice.setAttribute('role', 'status');
    notice.textContent = message;
    this.root.append(notice);
  }

  destroy(): void {
    window.removeEventListener('message', this.onMessage);
    this.frame = null;
    this.prepared = null;
    this.applyPush();
    this.host.remove();
  }
}
