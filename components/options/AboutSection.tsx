// 关于: version, and where the data lives (only in this browser).
import { browser } from '@/utils/browser';
import { t } from '@/utils/i18n';
import { LanguageSetting } from './LanguageSetting';

function version(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return '';
  }
}

export function AboutSection() {
  return (
    <section aria-labelledby="about-title">
      <h2 id="about-title">{t('options_sectionAbout')}</h2>
      <LanguageSetting />
      <dl class="policy-list">
        <dt>{t('options_aboutVersion')}</dt>
        <dd>{version()}</dd>
        <dt>{t('options_aboutWhere')}</dt>
        <dd>{t('options_aboutWhereText')}</dd>
        <dt>{t('options_aboutPrivacy')}</dt>
        <dd>{t('options_aboutPrivacyText')}</dd>
        <dt>{t('options_aboutBackup')}</dt>
        <dd>{t('options_aboutBackupText')}</dd>
      </dl>
    </section>
  );
}
