// Shown when backup/status says a JSON backup is due (many changes, or a week since the last).
import { t } from '@/utils/i18n';
import type { BackupStatusData } from './popup-state';

export function BackupReminder({ backup }: { backup: BackupStatusData }) {
  if (!backup.due) return null;
  return (
    <p class="reminder" role="note" data-testid="backup-reminder">
      {backup.lastExportAt === null ? t('popup_backup_never') : t('popup_backup_due', [String(backup.changes)])}
    </p>
  );
}
