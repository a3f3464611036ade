// <ronghe-panel>: the only element Ronghe adds to the top document besides row tags. A shadow
// root holds the 融合助手 handle and, once opened, an iframe of the extension's panel page: styles
// can't cross either way, and the page can't read the panel's (cross-origin) content.
export const PANEL_NAME = 'ronghe-panel';

const CSS = `
:host{all:initial}
.handle{position:fixed;right:0;top:42%;z-index:2147483646;writing-mode:vertical-rl;letter-spacing:2px;
 padding:10px 4px;border:0;border-radius:6px 0 0 6px;background:#b91c1c;color:#fff;cursor:pointer;
 font:13px/1.2 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;box-shadow:0 1px 4px rgba(0,0,0,.25);opacity:.92}
.handle:hover,.handle:focus-visible{opacity:1}
.handle:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
.frame{position:fixed;top:0;right:0;height:100vh;z-index:2147483647;border:0;border-left:1px solid #d4d4d4;
 background:#fff;box-shadow:-2px 0 8px rgba(0,0,0,.12);color-scheme:light}
.notice{position:fixed;right:28px;top:42%;z-index:2147483646;max-width:220px;padding:8px 10px;border-radius:6px;
 background:#fef2f2;color:#991b1b;border:1px solid #fecaca;font:13px/1.4 system-ui,"Microsoft YaHei",sans-serif}
`;

export interface PanelHostOptions {
  panelUrl(taskKey?: string): string;
  label: string;
  width: number;
}

export class PanelHost {
  private readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly handle: HTMLButtonElement;
  private frame: HTMLIFrameElement | null = null;
  private readonly onMessage = (event: MessageEvent) => {
    // Only our own iframe may ask to close; the message carries no data.
    if (this.frame && event.source === this.frame.contentWindow && event.data === 'ronghe:close') this.close();
  };

  constructor(private readonly options: PanelHostOptions) {
    this.host = document.createElement(PANEL_NAME);
    // Open, so assistive tech and tests find the 融合助手 button; task data lives in the
    // cross-origin extension iframe, which the host page can't read either way.
    this.root = this.host.attachShadow({ mode: 'open' });
    this.root.append(Object.assign(document.createElement('style'), { textContent: CSS }));
    this.handle = document.createElement('button');
    this.handle.type = 'button';
    this.handle.className = 'handle';
    this.handle.textContent = options.label;
    this.handle.setAttribute('aria-expanded', 'false');
    this.handle.addEventListener('click', () => this.toggle());
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

  open(taskKey?: string): void {
    this.show();
    if (this.frame) {
      if (taskKey) this.frame.src = this.options.panelUrl(taskKey);
      this.frame.focus();
      return;
    }
    const frame = document.createElement('iframe');
    frame.className = 'frame';
    frame.title = this.options.label;
    frame.style.width = `${this.options.width}px`;
    frame.src = this.options.panelUrl(taskKey);
    frame.addEventListener('load', () => frame.focus(), { once: true });
    this.frame = frame;
    this.root.append(frame);
    this.handle.setAttribute('aria-expanded', 'true');
    this.handle.hidden = true;
  }

  close(): void {
    this.frame?.remove();
    this.frame = null;
    this.handle.hidden = false;
    this.handle.setAttribute('aria-expanded', 'false');
    this.handle.focus();
  }

  toggle(taskKey?: string): void {
    if (this.isOpen && !taskKey) this.close();
    else this.open(taskKey);
  }

  /** The extension was updated or reloaded: this page's script is orphaned. Say so. */
  invalidate(message: string): void {
    this.frame?.remove();
    this.frame = null;
    this.handle.hidden = true;
    const notice = document.createElement('div');
    notice.className = 'notice';
    notice.setAttribute('role', 'status');
    notice.textContent = message;
    this.root.append(notice);
  }

  destroy(): void {
    window.removeEventListener('message', this.onMessage);
    this.host.remove();
  }
}
