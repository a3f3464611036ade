// The page matched an OA product but no rows were found: say so, and offer a report to copy that
// holds no task data (product, path without query, counts, adapter ids).
import { useState } from 'preact/hooks';
import type { FrameStatus } from './types';
import { t } from './text';
import { guessLibrary, ruleKey } from './grid-library';

/** A rule id in words, the id beside it for support. */
export function describeRule(rule: string): string {
  const { key, arg } = ruleKey(rule);
  return `${t(key, arg === undefined ? undefined : [arg])} (${rule})`;
}

/** Which library the frames' lists look like, and which rules found them. */
export function diagnosisLines(frames: FrameStatus[]): string[] {
  const libs = [...new Set(frames.map((f) => guessLibrary(f.hint)).filter((l): l is string => !!l))];
  const rules = [...new Set(frames.flatMap((f) => f.rules ?? []))];
  return [
    libs.length ? t('panel_diagLibrary', [libs.join('、')]) : t('panel_diagNoLibrary'),
    rules.length ? t('panel_diagRules', [rules.map(describeRule).join('；')]) : t('panel_diagNoRule'),
  ];
}

export function diagnosticsJson(frames: FrameStatus[], version: string): string {
  return JSON.stringify(
    {
      ronghe: version,
      frames: frames.map((f) => ({
        product: f.product,
        path: f.path.split('?')[0],
        rows: f.rows,
        lists: f.lists,
        adapterIds: f.adapterIds,
        ...(f.rules ? { rules: f.rules } : {}),
        ...(f.hint ? { library: guessLibrary(f.hint), classHint: f.hint } : {}),
        // The page defined our element names itself: tags and handle are stand-ins there.
        ...(f.conflicts?.length ? { elementConflicts: f.conflicts } : {}),
      })),
    },
    null,
    2,
  );
}

/** Clipboard API first; the old copy command as a fallback (no clipboard permission in frames). */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    doc.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = doc.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

export function Diagnostics({ frames, allFrames, version }: { frames: FrameStatus[]; allFrames: FrameStatus[]; version: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const json = diagnosticsJson(allFrames, version);
  const products = [...new Set(frames.map((f) => f.product))].join('、');
  return (
    <section class="diagnostics" aria-labelledby="diag-h">
      <h2 id="diag-h">{t('panel_diagTitle')}</h2>
      <p>{t('panel_diagText', [products])}</p>
      {diagnosisLines(frames).map((line) => (
        <p class="small" key={line}>
          {line}
        </p>
      ))}
      <button type="button" onClick={async () => setState((await copyText(json)) ? 'copied' : 'failed')}>
        {t('panel_diagCopy')}
      </button>
      <p role="status" class="small">
        {state === 'copied' ? t('panel_diagCopied') : state === 'failed' ? t('panel_diagCopyFailed') : ''}
      </p>
      {state === 'failed' && (
        <label class="field">
          <span>{t('panel_diagManual')}</span>
          <textarea readOnly rows={6} value={json} />
        </label>
      )}
    </section>
  );
}
