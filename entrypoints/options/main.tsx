import { render } from 'preact';
import { OptionsApp } from '@/components/options/OptionsApp';
import { t } from '@/utils/i18n';
import '@/components/options/options.css';

document.title = t('options_pageTitle');
render(<OptionsApp />, document.getElementById('app')!);
