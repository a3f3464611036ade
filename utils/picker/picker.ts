// 标注本页任务 in one frame: hover and keyboard candidates, the pick, the rows it would take (outlined),
// and, in the top frame, the toolbar (a small non-modal dialog at the top centre). Everything lives
// in one shadow root, so no page CSS reaches in and nothing of ours leaks out; `end()` removes it.
// Frames talk through the background (picker/report, picker/command; ToPicker back), never to
// each other: a page can't forge those.
import type { ExtractedRow } from '../adapters';
import type { ToPicker } from '../messages/to-content';
import type { SelectorOverride } from '../model';
import { shadowHost } from '../sensor/shadow-host';
import { inferFromPick, titleElementOf, type PickProblem } from './infer';

export const PICKER_NAME = 'ronghe-picker';

export interface PickerDeps {
  doc: Document;
  isTop: boolean;
  /** chrome.i18n: the browser's language (zh_CN first, en otherwise). */
  t(key: string, substitutions?: string[]): string;
  /** Sends to the background; resolves with its reply's ok. */
  send(message: PickerMessage): Promise<boolean>;
  /** Called once everything the picker added is gone. */
  onEnd(): void;
}

export type PickerMessage =
  | { type: 'picker/report'; pick: string; rows: number; problem: PickProblem | null }
  | { type: 'picker/command'; command: 'confirm' | 'repick' | 'cancel' }
  | { type: 'picker/save'; selectors: SelectorOverride; rows: number };

const CSS = `
:host{all:initial !important}
.box{position:fixed;pointer-events:none;z-index:2147483646;box-sizing:border-box}
.hover{outline:2px dashed #1d4ed8;outline-offset:1px;background:rgba(29,78,216,.08)}
.row{outline:2px solid #b91c1c;outline-offset:-1px;background:rgba(185,28,28,.07)}
.bar{position:fixed;top:6px;left:50%;transform:translateX(-50%);z-index:2147483647;display:flex;align-items:center;gap:8px;
 max-width:min(640px,calc(100vw - 16px));box-sizing:border-box;padding:6px 10px;border-radius:6px;background:#fff;color:#1f2937;
 border:1px solid #b91c1c;box-shadow:0 2px 8px rgba(0,0,0,.18);font:13px/1.4 system-ui,"PingFang SC","Microsoft YaHei",sans-serif}
.bar:focus{outline:none}.bar:focus-visible{outline:3px solid #1d4ed8}
.title{font-weight:600;color:#b91c1c;white-space:nowrap}
.status{margin:0;flex:1 1 auto;min-width:0}
.status.problem{color:#991b1b}
button{font:inherit;white-space:nowrap;padding:3px 10px;border-radius:4px;border:1px solid #9ca3af;background:#f9fafb;color:#111827;cursor:pointer}
button.primary{background:#b91c1c;border-color:#b91c1c;color:#fff}
button:focus-visible{outline:3px solid #1d4ed8;outline-offset:1px}
button[hidden]{display:none}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

/** Elements the keyboard moves among: links, frames and any element with text of its own. */
const CANDIDATES = 'body *:not(script,style,noscript,template,option,title)';
const MAX_CANDIDATES = 5000;
const MAX_ROWS_SHOWN = 400;
/** Pointer and mouse events the page must not see while picking (its own click handlers). */
const SWALLOWED = ['click', 'dblclick', 'auxclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'contextmenu', 'submit'];

const ownText = (el: Element) => [...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim());

export class Picker {
  private readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly hoverBox: HTMLElement;
  private readonly rowLayer: HTMLElement;
  private bar: HTMLElement | null = null;
  private status: HTMLElement | null = null;
  /** Read out with the toolbar, not shown: how to go on (keys, what 确认 does). */
  private hint: HTMLElement | null = null;
  private buttons: { confirm: HTMLButtonElement; repick: HTMLButtonElement; cancel: HTMLButtonElement } | null = null;
  private hovered: Element | null = null;
  private proposal: { pick: string; selectors: SelectorOverride; rows: ExtractedRow[] } | null = null;
  private candidates: Element[] = [];
  private cursor = -1;
  private ended = false;
  /** This frame's picks, the newest last: a late relay of an older one is ignored. */
  private readonly ownPicks = new Set<string>();
  private lastPick: string | null = null;
  private frame = 0;
  private readonly returnFocus: Element | null;
  private readonly listeners: Array<[EventTarget, string, EventListener]> = [];

  constructor(private readonly deps: PickerDeps) {
    const { doc } = deps;
    this.returnFocus = doc.activeElement;
    // A page that defined <ronghe-picker> itself gets a plain <div data-ronghe-picker> instead.
    ({ host: this.host, root: this.root } = shadowHost(PICKER_NAME, 'open', 'div'));
    this.root.append(Object.assign(doc.createElement('style'), { textContent: CSS }));
    this.hoverBox = this.box('hover');
    this.hoverBox.hidden = true;
    this.rowLayer = doc.createElement('div');
    this.root.append(this.hoverBox, this.rowLayer);
    if (deps.isTop) this.buildBar();
    else {
      // A frame below has no toolbar: its keyboard candidates are read out from a hidden live region.
      this.status = doc.createElement('p');
      this.status.className = 'sr';
      this.status.setAttribute('role', 'status');
      this.status.setAttribute('aria-live', 'polite');
      this.root.append(this.status);
    }
    (doc.body ?? doc.documentElement).append(this.host);
    this.listen();
    if (this.bar) this.bar.focus();
  }

  /** What the background relays from the other frames (and from this one). */
  handle(msg: ToPicker): void {
    if (this.ended) return;
    if (msg.type === 'picker/end') return this.end(msg.saved);
    if (msg.type === 'picker/confirm') {
      if (!this.proposal) return;
      const { selectors, rows } = this.proposal;
      if (this.deps.isTop) this.say(this.deps.t('picker_saving'));
      void this.deps.send({ type: 'picker/save', selectors, rows: rows.length }).then((ok) => {
        if (!ok) this.showProblemText(this.deps.t('picker_saveFailed'));
      });
      return;
    }
    // picker/status: the frame whose pick this is holds the proposal; the others drop theirs. The
    // relay of an earlier pick of this frame, overtaken by a newer one, changes nothing.
    if (msg.pick !== null && msg.pick !== this.lastPick && this.ownPicks.has(msg.pick)) return;
    if (this.proposal && this.proposal.pick !== msg.pick) this.clearProposal();
    if (!this.deps.isTop) return;
    if (msg.pick === null) this.showPrompt();
    else if (msg.problem) this.showProblemText(this.deps.t(`picker_problem_${msg.problem}`));
    else this.showCount(msg.rows);
  }

  /** Removes everything this picker added; `saved`: rows tagged (the top frame says so briefly). */
  end(saved: number | null = null): void {
    if (this.ended) return;
    this.ended = true;
    for (const [target, type, fn] of this.listeners) target.removeEventListener(type, fn, true);
    this.host.remove();
    if (this.deps.isTop && saved !== null) this.announceSaved(saved);
    const back = this.returnFocus as HTMLElement | null;
    if (this.deps.isTop && back?.isConnected && typeof back.focus === 'function') back.focus();
    this.deps.onEnd();
  }

  // --- the page's events -------------------------------------------------------------------

  private listen(): void {
    const { doc } = this.deps;
    const win = doc.defaultView!;
    const on = (target: EventTarget, type: string, fn: (e: Event) => void) => {
      target.addEventListener(type, fn as EventListener, true);
      this.listeners.push([target, type, fn as EventListener]);
    };
    on(win, 'mousemove', (e) => {
      const target = this.pageTarget(e);
      if (target) this.hover(titleElementOf(target));
    });
    for (const type of SWALLOWED) {
      on(win, type, (e) => {
        if (!this.pageTarget(e)) return; // our own toolbar
        e.preventDefault();
        e.stopImmediatePropagation();
        if (type === 'click') this.pick(this.pageTarget(e)!);
      });
    }
    on(win, 'keydown', (e) => this.onKey(e as KeyboardEvent));
    // Started from the in-page panel, which then closes and hands the focus to 融合助手's handle:
    // the toolbar takes it back once the host is done.
    if (this.deps.isTop) on(win, 'message', (e) => (e as MessageEvent).data === 'ronghe:close' && setTimeout(() => this.bar?.focus(), 0));
    on(win, 'scroll', () => this.repositionSoon());
    on(win, 'resize', () => this.repositionSoon());
  }

  /** The page element an event is about, or null when it is on our own elements. */
  private pageTarget(e: Event): Element | null {
    const target = e.composedPath()[0];
    if (!target || (target as Node).nodeType !== 1) return null;
    const el = target as Element;
    if (el === this.host || this.host.contains(el) || this.root.contains(el)) return null;
    // The 融合助手 handle and panel stay usable; a row tag stands for its row's title.
    if (el.closest('ronghe-panel,[data-ronghe-panel]')) return null;
    const tag = el.closest('ronghe-tag,[data-ronghe-tag]');
    return tag ? (tag.parentElement ?? el) : el;
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopImmediatePropagation();
      void this.deps.send({ type: 'picker/command', command: 'cancel' });
      this.end();
      return;
    }
    // In the toolbar, Tab and Enter work its buttons as usual.
    if (this.root.activeElement && this.root.activeElement !== this.bar) return;
    const forward = e.key === 'ArrowDown' || e.key === 'ArrowRight' || (e.key === 'Tab' && !e.shiftKey);
    const backward = e.key === 'ArrowUp' || e.key === 'ArrowLeft' || (e.key === 'Tab' && e.shiftKey);
    if (forward || backward) {
      e.preventDefault();
      e.stopImmediatePropagation();
      this.move(forward ? 1 : -1);
    } else if ((e.key === 'Enter' || e.key === ' ') && this.candidates[this.cursor]) {
      e.preventDefault();
      e.stopImmediatePropagation();
      const el = this.candidates[this.cursor]!;
      if (el.localName === 'iframe' || el.localName === 'frame') {
        // Into the frame: its own picker takes the keys from there.
        (el as HTMLIFrameElement).focus();
        (el as HTMLIFrameElement).contentWindow?.focus();
      }
      else this.pick(el);
    }
  }

  /** Moves the keyboard candidate among the page's visible text-bearing elements. */
  private move(by: number): void {
    if (!this.candidates.length || !this.candidates.every((c) => c.isConnected)) {
      const all = this.deps.doc.querySelectorAll(CANDIDATES);
      this.candidates = [];
      for (const el of all) {
        if (this.candidates.length >= MAX_CANDIDATES) break;
        if (el.closest(`${PICKER_NAME},[data-${PICKER_NAME}],ronghe-tag,ronghe-panel,[data-ronghe-tag],[data-ronghe-panel]`)) continue;
        const isFrame = el.localName === 'iframe' || el.localName === 'frame';
        if (!isFrame && !ownText(el) && !(el.matches('a,[role=link]') && (el.textContent ?? '').trim())) continue;
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.height > 0) this.candidates.push(el);
      }
      this.cursor = -1;
    }
    if (!this.candidates.length) return;
    this.cursor = (this.cursor + by + this.candidates.length) % this.candidates.length;
    const el = this.candidates[this.cursor]!;
    el.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    this.hover(el);
    const frame = el.localName === 'iframe' || el.localName === 'frame';
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    this.say(frame ? this.deps.t('picker_frame') : this.deps.t('picker_candidate', [text]));
  }

  private hover(el: Element | null): void {
    this.hovered = el;
    this.place(this.hoverBox, el);
  }

  // --- the pick ------------------------------------------------------------------------------

  private pick(target: Element): void {
    const result = inferFromPick(target);
    const pick = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    this.ownPicks.add(pick);
    this.lastPick = pick;
    this.clearProposal();
    if (result.ok) {
      this.proposal = { pick, selectors: result.selectors, rows: result.rows };
      this.drawRows();
    }
    const report = { type: 'picker/report', pick, rows: result.ok ? result.rows.length : 0, problem: result.ok ? null : result.problem } as const;
    // The top frame shows its own pick at once; the background tells the others (and the toolbar
    // when the pick is in a frame below).
    if (this.deps.isTop) this.handle({ type: 'picker/status', pick, rows: report.rows, problem: report.problem });
    // Refused (this frame's site is not enabled): nothing here can be saved, so nothing stays outlined.
    void this.deps.send(report).then((ok) => {
      if (!ok && this.proposal?.pick === pick) this.clearProposal();
    });
  }

  private clearProposal(): void {
    this.proposal = null;
    this.rowLayer.replaceChildren();
  }

  private drawRows(): void {
    this.rowLayer.replaceChildren();
    for (const row of this.proposal?.rows.slice(0, MAX_ROWS_SHOWN) ?? []) {
      const box = this.box('row');
      this.place(box, row.row);
      this.rowLayer.append(box);
    }
  }

  private repositionSoon(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (this.ended) return;
      this.place(this.hoverBox, this.hovered);
      if (this.proposal) this.drawRows();
    });
  }

  private box(kind: 'hover' | 'row'): HTMLElement {
    const box = this.deps.doc.createElement('div');
    box.className = `box ${kind}`;
    return box;
  }

  private place(box: HTMLElement, el: Element | null): void {
    if (!el || !el.isConnected) {
      box.hidden = true;
      return;
    }
    const r = el.getBoundingClientRect();
    box.hidden = false;
    Object.assign(box.style, { left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
  }

  // --- the toolbar (top frame) ----------------------------------------------------------------

  private buildBar(): void {
    const { doc, t } = this.deps;
    const bar = doc.createElement('div');
    bar.className = 'bar';
    bar.setAttribute('role', 'dialog');
    bar.setAttribute('aria-label', t('picker_label'));
    bar.tabIndex = -1;
    const title = doc.createElement('span');
    title.className = 'title';
    title.textContent = t('picker_label');
    const status = doc.createElement('p');
    status.className = 'status';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    const hint = doc.createElement('span');
    hint.className = 'sr';
    hint.textContent = t('picker_keys');
    this.hint = hint;
    const button = (key: string, command: 'confirm' | 'repick' | 'cancel', primary = false) => {
      const b = doc.createElement('button');
      b.type = 'button';
      b.textContent = t(key);
      if (primary) b.className = 'primary';
      b.addEventListener('click', () => {
        void this.deps.send({ type: 'picker/command', command });
        if (command === 'cancel') this.end();
      });
      return b;
    };
    this.buttons = { confirm: button('picker_confirm', 'confirm', true), repick: button('picker_repick', 'repick'), cancel: button('picker_cancel', 'cancel') };
    bar.append(title, status, hint, this.buttons.confirm, this.buttons.repick, this.buttons.cancel);
    this.bar = bar;
    this.status = status;
    this.root.append(bar);
    this.showPrompt();
  }

  private say(text: string, problem = false): void {
    if (!this.status) return;
    this.status.textContent = text;
    this.status.classList.toggle('problem', problem);
  }

  private showPrompt(): void {
    this.say(this.deps.t('picker_prompt'));
    if (this.hint) this.hint.textContent = this.deps.t('picker_keys');
    if (this.buttons) this.buttons.confirm.hidden = this.buttons.repick.hidden = true;
    if (this.root.activeElement && this.root.activeElement !== this.bar) this.bar?.focus();
  }

  private showProblemText(text: string): void {
    this.say(text, true);
    if (this.buttons) this.buttons.confirm.hidden = this.buttons.repick.hidden = true;
    if (this.root.activeElement && this.root.activeElement !== this.bar) this.bar?.focus();
  }

  private showCount(rows: number): void {
    this.say(this.deps.t('picker_count', [String(rows)]));
    if (this.hint) this.hint.textContent = this.deps.t('picker_countHint');
    if (!this.buttons) return;
    this.buttons.confirm.hidden = this.buttons.repick.hidden = false;
    this.buttons.confirm.focus();
  }

  /** 已标注 N 项任务: a status line that removes itself, read out by screen readers. */
  private announceSaved(rows: number): void {
    const { doc, t } = this.deps;
    const { host, root } = shadowHost(PICKER_NAME, 'open', 'div');
    const note = doc.createElement('p');
    note.className = 'bar';
    note.setAttribute('role', 'status');
    note.textContent = t('picker_saved', [String(rows)]);
    root.append(Object.assign(doc.createElement('style'), { textContent: CSS }), note);
    (doc.body ?? doc.documentElement).append(host);
    setTimeout(() => host.remove(), 4000);
  }
}
