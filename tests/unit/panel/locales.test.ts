// Every panel_ key the panel uses exists in both locale files, and the contract names stay Chinese.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EN, ZH } from './helpers';

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (/\.(ts|tsx)$/.test(name)) yield path;
  }
}

const used = new Set<string>();
for (const file of [...sources('components/panel'), ...sources('entrypoints/panel')]) {
  for (const m of readFileSync(file, 'utf8').matchAll(/['`](panel_[A-Za-z0-9_]+)(\$\{[^}]+\})?/g)) used.add(m[1]!);
}
const expanded = [...used].flatMap((key) => {
  if (key === 'panel_phase_') return ['plan', 'deploy', 'implement', 'inspect'].flatMap((p) => [`panel_phase_${p}`, `panel_phase_${p}_gloss`]);
  if (key === 'panel_urgency') return [0, 1, 2, 3, 4].map((n) => `panel_urgency${n}`);
  return [key];
});

describe('panel locale keys', () => {
  it('finds the keys the panel uses', () => {
    expect(expanded.length).toBeGreaterThan(40);
  });
  it.each(expanded)('%s is in zh_CN and en', (key) => {
    expect(ZH[key]?.message, `zh_CN ${key}`).toBeTruthy();
    expect(EN[key]?.message, `en ${key}`).toBeTruthy();
  });
  it('keeps the contract names in every locale', () => {
    for (const messages of [ZH, EN]) {
      expect(['plan', 'deploy', 'implement', 'inspect'].map((p) => messages[`panel_phase_${p}`]!.message)).toEqual(['同谋划', '同部署', '同落实', '同检查']);
      expect(messages.panel_categoryLabel!.message).toBe('业务类别');
      expect(messages.panel_actionLabel!.message).toBe('党建动作');
      expect(messages.panel_diagCopy!.message).toBeTruthy();
    }
    expect(ZH.panel_diagCopy!.message).toBe('复制诊断信息');
  });
});
