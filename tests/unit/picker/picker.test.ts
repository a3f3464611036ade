// @vitest-environment happy-dom
// The picker in one frame, on a page with its own click handlers: what it sends, what it draws,
// and that Esc and 取消 leave the page as it was.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Picker, PICKER_NAME, type PickerMessage } from '../../../utils/picker/picker';

const TITLES = ['关于报送2026年度部门预算编制情况的通知', '关于开展安全生产大检查的紧急通知', '市政府办公室关于防汛抗旱工作的督办函'];

const started: Picker[] = [];
afterEach(() => {
  for (const p of started.splice(0)) p.end();
});

function setup(isTop = true) {
  document.body.replaceChildren();
  const list = document.createElement('div');
  list.className = 'todo-list';
  for (const t of TITLES) {
    const row = document.createElement('div');
    row.className = 'todo-item';
    const title = document.createElement('span');
    title.className = 'todo-subject';
    title.textContent = t;
    row.append(title);
    list.append(row);
  }
  document.body.append(list);
  const pageClicks = vi.fn();
  list.addEventListener('click', pageClicks);
  const sent: PickerMessage[] = [];
  const onEnd = vi.fn();
  const picker = new Picker({
    doc: document,
    isTop,
    t: (key, subs) => (subs ? `${key}:${subs.join(',')}` : key),
    send: async (m) => {
      sent.push(m);
      return true;
    },
    onEnd,
  });
  started.push(picker);
  const root = () => document.querySelector(PICKER_NAME)?.shadowRoot ?? null;
  return { picker, sent, pageClicks, onEnd, root, title: (i: number) => list.children[i]!.firstElementChild as HTMLElement };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the picker in a frame', () => {
  it('a click picks (the page never sees it), outlines the rows, reports the count, and 确认 saves', async () => {
    const { picker, sent, pageClicks, root, title } = setup();
    expect(root()!.querySelector('[role=dialog] [role=status]')!.textContent).toBe('picker_prompt');
    title(1).click();
    expect(pageClicks).not.toHaveBeenCalled();
    expect(root()!.querySelectorAll('.box.row')).toHaveLength(3);
    expect(sent[0]).toMatchObject({ type: 'picker/report', rows: 3, problem: null });
    expect(root()!.querySelector('[role=status]')!.textContent).toContain('picker_count:3');
    const confirm = [...root()!.querySelectorAll('button')].find((b) => b.textContent === 'picker_confirm')!;
    expect(confirm.hidden).toBe(false);
    confirm.click();
    expect(sent.at(-1)).toEqual({ type: 'picker/command', command: 'confirm' });
    // The background relays 确认 to every frame: the one holding the proposal saves it.
    picker.handle({ type: 'picker/confirm' });
    await flush();
    expect(sent.at(-1)).toEqual({ type: 'picker/save', rows: 3, selectors: { listRoot: 'div.todo-list', row: ':scope > div.todo-item', title: 'span.todo-subject' } });
    picker.handle({ type: 'picker/end', saved: 3 });
    expect(document.querySelectorAll(PICKER_NAME)).toHaveLength(1); // only the 已标注 note, which goes by itself
    expect(root()!.querySelector('[role=status]')!.textContent).toBe('picker_saved:3');
  });

  it('another frame holding the proposal clears this one; 重选 clears every frame', () => {
    const { picker, root, title } = setup(false);
    expect(root()!.querySelector('[role=dialog]')).toBeNull(); // the toolbar is the top frame's
    title(0).click();
    expect(root()!.querySelectorAll('.box.row')).toHaveLength(3);
    picker.handle({ type: 'picker/status', pick: 'elsewhere', rows: 4, problem: null });
    expect(root()!.querySelectorAll('.box.row')).toHaveLength(0);
    title(0).click();
    picker.handle({ type: 'picker/status', pick: null, rows: 0, problem: null });
    expect(root()!.querySelectorAll('.box.row')).toHaveLength(0);
  });

  it('a late relay of an earlier pick of this frame does not drop the newer one', () => {
    const { picker, sent, root, title } = setup();
    title(0).click();
    const first = (sent[0] as { pick: string }).pick;
    title(1).click();
    picker.handle({ type: 'picker/status', pick: first, rows: 3, problem: null });
    expect(root()!.querySelectorAll('.box.row')).toHaveLength(3);
  });

  it('Esc anywhere cancels every frame and removes all it added', () => {
    const { sent, onEnd, title } = setup();
    title(2).click();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(sent.at(-1)).toEqual({ type: 'picker/command', command: 'cancel' });
    expect(document.querySelectorAll(PICKER_NAME)).toHaveLength(0);
    expect(onEnd).toHaveBeenCalledOnce();
    // The page's handlers work again.
    const clicks = vi.fn();
    title(0).addEventListener('click', clicks);
    title(0).click();
    expect(clicks).toHaveBeenCalledOnce();
  });

  it('a wrong pick says why and offers no 确认', () => {
    const { root, sent } = setup();
    const nav = document.createElement('nav');
    for (const t of ['首页', '公文']) nav.append(Object.assign(document.createElement('a'), { href: '#', textContent: t }));
    document.body.prepend(nav);
    (nav.firstElementChild as HTMLElement).click();
    expect(sent.at(-1)).toMatchObject({ type: 'picker/report', rows: 0, problem: 'nav' });
    expect(root()!.querySelector('[role=status]')!.textContent).toBe('picker_problem_nav');
    expect([...root()!.querySelectorAll('button')].find((b) => b.textContent === 'picker_confirm')!.hidden).toBe(true);
    expect(location.hash).toBe('');
  });
});
