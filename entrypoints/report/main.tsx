// The 考评 report page (report.html): opened from the popup and the panel; prints the 融合台账.
import { render } from 'preact';
import { ReportApp } from '@/components/report/ReportApp';
import { t, uiLocale } from '@/utils/i18n';
import { applyUiLocale } from '@/utils/ui/locale';
import '@/components/report/report.css';

void applyUiLocale().then(() => {
  document.title = t('report_pageTitle');
  document.documentElement.lang = uiLocale();
  render(<ReportApp />, document.getElementById('app')!);
});
