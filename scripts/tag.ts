// `npm run tag -- FILE`: classify task titles in bulk with the default catalog (no rules).
// One output line per input line, in order: title<TAB>category<TAB>action<TAB>score<TAB>review,
// review being 1 when the product would show the tag as 待确认 (unsure), else 0.
// Input is one title a line; for a TSV the first column is the title. `-` reads stdin.
import { readFileSync, statSync } from 'node:fs';
import { DEFAULT_CATALOG } from '../utils/catalog/default-catalog';
import { createMatcher } from '../utils/tagging';

const USAGE = `用法 / Usage: npm run tag -- FILE   (FILE 为 - 时读取标准输入 / use - for stdin)
每行一个标题（TSV 取第一列），输出：标题<TAB>类别<TAB>党建动作<TAB>置信度<TAB>待确认(1/0)
One title a line (a TSV's first column); prints: title<TAB>category<TAB>action<TAB>score<TAB>review (1 = unsure)`;

function fail(zh: string, en: string, code: number): never {
  process.stderr.write(`错误：${zh} / Error: ${en}\n`);
  process.exit(code);
}

function readInput(arg: string): Buffer {
  if (arg === '-') return readFileSync(0);
  let isFile = false;
  try {
    isFile = statSync(arg).isFile();
  } catch {
    fail(`找不到文件 ${arg}`, `file not found: ${arg}`, 1);
  }
  if (!isFile) fail(`不是普通文件 ${arg}`, `not a regular file: ${arg}`, 1);
  try {
    return readFileSync(arg);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    fail(`无法读取文件 ${arg}（${reason}）`, `cannot read file: ${arg} (${reason})`, 1);
  }
}

/** Splits into lines: LF or CRLF, a UTF-8 BOM dropped, a final newline not making an extra line. */
export function splitLines(text: string): string[] {
  if (text.length === 0) return [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

function main(argv: string[]): void {
  const arg = argv[0];
  if (arg === undefined || arg === '') {
    process.stderr.write(USAGE + '\n');
    process.exit(2);
  }
  if (arg === '-h' || arg === '--help') {
    process.stdout.write(USAGE + '\n');
    return;
  }
  // Piped into `head`: the reader went away, which is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });

  const text = new TextDecoder('utf-8', { fatal: false }).decode(readInput(arg));
  const match = createMatcher(DEFAULT_CATALOG, []);
  const out: string[] = [];
  const flush = () => {
    if (out.length === 0) return;
    process.stdout.write(out.join(''));
    out.length = 0;
  };
  for (const line of splitLines(text)) {
    const tab = line.indexOf('\t');
    const title = tab >= 0 ? line.slice(0, tab) : line;
    const result = match({ title });
    out.push(`${title}\t${result.category}\t${result.action ?? 'none'}\t${result.confidence.toFixed(3)}\t${result.unsure ? 1 : 0}\n`);
    if (out.length >= 2000) flush();
  }
  flush();
}

main(process.argv.slice(2));
