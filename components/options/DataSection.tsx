// 数据: backup reminder, importing a ledger backup (preview, then merge), clearing everything.
import { useEffect, useState } from 'preact/hooks';
import { MAX_BACKUP_CHARS } from '@/utils/ledger/json-backup';
import type { MergePreview } from '@/utils/ledger/merge';
import { send } from '@/utils/ui/client';
import { t } from '@/utils/i18n';
import { ErrorLine, StatusLine, errorText, formatTime } from './feedback';
import { ImportPreview } from './ImportPreview';

interface BackupStatus {
  lastExportAt: number | null;
  changes: number;
  due: boolean;
}

type ImportReply = { ok: true; applied: boolean; preview: MergePreview } | { ok: false; error: { code: string; message: string } };

const CLEAR_WORD = '清空';

export function DataSection() {
  const [backup, setBackup] = useState<BackupStatus | null>(null);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [pending, setPending] = useState<{ name: string; text: string; preview: MergePreview } | null>(null);
  const [busy, setBusy] = useState(false);
  const [typed, setTyped] = useState('');

  const loadBackup = async () => {
    try {
      setBackup(await send<BackupStatus>({ type: 'backup/status' }));
    } catch (e) {
      setError(errorText(e));
    }
  };
  useEffect(() => void loadBackup(), []);

  // Several colleagues' files at once (a branch secretary's merge): previewed and merged one by
  // one, each preview against the store as the previous merge left it.
  const [queue, setQueue] = useState<File[]>([]);

  const chooseFile = async (input: HTMLInputElement) => {
    setError('');
    setStatus('');
    setPending(null);
    const [file, ...rest] = [...(input.files ?? [])];
    input.value = '';
    setQueue(rest);
    if (!file) return;
    await previewFile(file);
  };

  const next = async () => {
    const [file, ...rest] = queue;
    setQueue(rest);
    if (file) await previewFile(file);
  };

  const previewFile = async (file: File) => {
    // Checked before reading: the background refuses it anyway, but a huge file shouldn't be read.
    if (file.size > MAX_BACKUP_CHARS) {
      setError(t('options_backupTooLarge'));
      return;
    }
    setBusy(true);
    try {
      const text = await file.text();
      const reply = await send<ImportReply>({ type: 'ledger/import', text, apply: false });
      if (reply.ok) setPending({ name: file.name, text, preview: reply.preview });
      else setError(reply.error.message);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!pending) return;
    setBusy(true);
    setError('');
    try {
      const reply = await send<ImportReply>({ type: 'ledger/import', text: pending.text, apply: true });
      if (reply.ok) {
        setStatus(t('options_importDone', [pending.name, String(reply.preview.writes)]));
        setPending(null);
        void loadBackup();
        void next();
      } else {
        setError(reply.error.message);
      }
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const clearAll = async () => {
    if (typed !== CLEAR_WORD) return;
    setError('');
    try {
      await send({ type: 'data/clear', confirm: CLEAR_WORD });
      setTyped('');
      setPending(null);
      setStatus(t('options_clearDone'));
      void loadBackup();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <section aria-labelledby="data-title">
      <h2 id="data-title">{t('options_sectionData')}</h2>
      <ErrorLine text={error} />
      {status ? <StatusLine text={status} /> : null}

      <h3>{t('options_backupTitle')}</h3>
      {backup === null ? (
        <p>{t('options_loading')}</p>
      ) : (
        <div class={backup.due ? 'notice warn' : 'notice'}>
          <p>{t('options_backupLast', [formatTime(backup.lastExportAt), String(backup.changes)])}</p>
          {backup.due ? <p class="strong">{t('options_backupDue')}</p> : <p>{t('options_backupOk')}</p>}
          <p class="hint">{t('options_backupRule')}</p>
        </div>
      )}

      <h3>{t('options_importTitle')}</h3>
      <p class="hint">{t('options_importIntro')}</p>
      <p class="hint">{t('options_importSeveral')}</p>
      <label class="file-button">
        {t('options_chooseBackup')}
        <input type="file" multiple accept=".json,application/json" class="visually-hidden-file" disabled={busy} onChange={(e) => void chooseFile(e.currentTarget as HTMLInputElement)} />
      </label>
      {busy ? <StatusLine text={t('options_working')} /> : null}
      {pending ? (
        <div class="preview" aria-labelledby="preview-title">
          <h4 id="preview-title">{t('options_previewTitle', [pending.name])}</h4>
          {queue.length > 0 && <p class="hint">{t('options_importQueued', [String(queue.length)])}</p>}
          <ImportPreview preview={pending.preview} />
          <div class="actions">
            <button type="button" class="primary" disabled={busy} onClick={() => void apply()}>
              {t('options_confirmImport')}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                setPending(null);
                void next();
              }}
            >
              {t('options_cancel')}
            </button>
          </div>
        </div>
      ) : null}

      <h3>{t('options_clearTitle')}</h3>
      <p class="hint">{t('options_clearIntro')}</p>
      <div class="field">
        <label for="clear-confirm">{t('options_clearTypeLabel', [CLEAR_WORD])}</label>
        <div class="row-controls">
          <input id="clear-confirm" type="text" autocomplete="off" value={typed} onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value)} />
          <button type="button" class="danger" disabled={typed !== CLEAR_WORD} onClick={() => void clearAll()}>
            {t('options_clearButton')}
          </button>
        </div>
      </div>
    </section>
  );
}
