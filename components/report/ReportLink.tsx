// The 考评报告 button of the popup and the panel.
import { t } from '@/utils/i18n';
import { openReport } from './open-report';

export function ReportLink({ class: className = 'report-link', closeAfter = false }: { class?: string; closeAfter?: boolean }) {
  return (
    <button
      type="button"
      class={className}
      onClick={() =>
        void openReport().then(() => {
          if (closeAfter) window.close();
        })
      }
    >
      {t('report_open')}
    </button>
  );
}
