// The `npm run tag` CLI, spawned as a real process on temp files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');
let dir = '';

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(tsx, ['scripts/tag.ts', ...args], { cwd: root, input, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** Output lines (the final newline does not make an extra line). */
function lines(stdout: string): string[] {
  const l = stdout.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ronghe-tag-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('tag CLI', { timeout: 60_000 }, () => {
  it('prints one line per input line with the exact first column', () => {
    const input = ['关于做好防汛工作的通知', '', '公务用车申请\tadmin', '  带空格的标题 ', 'hello world'];
    const r = run([file('a.tsv', input.join('\n') + '\n')]);
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out).toHaveLength(input.length);
    const cols = out.map((l) => l.split('\t'));
    expect(cols.map((c) => c[0])).toEqual(['关于做好防汛工作的通知', '', '公务用车申请', '  带空格的标题 ', 'hello world']);
    for (const c of cols) {
      expect(c).toHaveLength(5);
      expect(c[3]).toMatch(/^\d\.\d{2,3}$/);
      expect(c[4]).toMatch(/^[01]$/);
    }
    expect(cols[0]!.slice(1, 3)).toEqual(['emergency', 'commando-team']);
    expect(cols[2]!.slice(1, 3)).toEqual(['admin', 'none']);
    expect(Number(cols[1]![3])).toBeLessThan(0.3);
    // An empty line and a title with no recognisable word are guesses: 待确认. A clear one is not.
    expect(cols[1]![4]).toBe('1');
    expect(cols[4]![4]).toBe('1');
    expect(cols[0]![4]).toBe('0');
  });

  it('the fifth column is the engine\'s own unsure flag, line for line', async () => {
    const { createMatcher } = await import('../../utils/tagging');
    const { DEFAULT_CATALOG } = await import('../../utils/catalog/default-catalog');
    const match = createMatcher(DEFAULT_CATALOG, []);
    const titles = ['关于召开防汛工作会议的通知', 'A小区电梯频繁故障物业不管', '请求解决安置房产权证问题', '关于报送2024年部门预算的通知', '事项'];
    const r = run(['-'], titles.join('\n') + '\n');
    expect(r.code).toBe(0);
    const flags = lines(r.stdout).map((l) => l.split('\t')[4]);
    expect(flags).toEqual(titles.map((title) => (match({ title }).unsure ? '1' : '0')));
    expect(flags).toContain('0');
    expect(flags).toContain('1');
  });

  it('handles CRLF, a BOM and a missing final newline', () => {
    const r = run([file('b.txt', '\ufeff关于收缴党费的通知\r\n督查通报\r\n年休假申请')]);
    const out = lines(r.stdout);
    expect(out.map((l) => l.split('\t')[0])).toEqual(['关于收缴党费的通知', '督查通报', '年休假申请']);
    expect(out.map((l) => l.split('\t')[1])).toEqual(['party', 'supervision', 'admin']);
  });

  it('reads stdin with -', () => {
    const r = run(['-'], '12345热线工单：市民反映噪音\n关于编制部门预算的通知\n');
    expect(r.code).toBe(0);
    expect(lines(r.stdout).map((l) => l.split('\t')[1])).toEqual(['petition', 'finance']);
  });

  it('reports a missing file in Chinese and English, exit 1', () => {
    const r = run([join(dir, 'nope.txt')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('找不到文件');
    expect(r.stderr).toContain('file not found');
  });

  it('prints usage without an argument, exit 2', () => {
    const r = run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Usage/);
  });

  it('survives binary input', () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + 7) % 256;
    const newlines = bytes.filter((b) => b === 0x0a).length;
    const r = run([file('bin.dat', bytes)]);
    expect(r.code).toBe(0);
    const expected = bytes[bytes.length - 1] === 0x0a ? newlines : newlines + 1;
    expect(lines(r.stdout)).toHaveLength(expected);
  });

  it('survives a 100k-character line and non-Chinese text', () => {
    const long = '防'.repeat(50_000) + 'x'.repeat(50_000);
    const r = run([file('long.txt', `${long}\nСлужебная записка\n`)]);
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out).toHaveLength(2);
    expect(out[0]!.split('\t')[0]).toBe(long);
  });
});
