import { render } from 'preact';
import { OptionsApp } from '@/components/options/OptionsApp';
import { t } from '@/utils/i18n';
import { applyUiLocale } from '@/utils/ui/locale';
import '@/components/options/options.css';

void applyUiLocale().then(() => {
  document.title = t('options_pageTitle');
  render(<OptionsApp />, document.getElementById('app')!);
});
