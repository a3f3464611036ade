// The options page: one section at a time, chosen from the side navigation (or the URL hash).
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { AboutSection } from './AboutSection';
import { CatalogSection } from './CatalogSection';
import { DataSection } from './DataSection';
import { PolicySection } from './PolicySection';
import { ProfileSection } from './ProfileSection';
import { SitesSection } from './SitesSection';
import { loadPolicy, policyState } from './policy-state';

export const SECTIONS = ['sites', 'catalog', 'data', 'profile', 'policy', 'about'] as const;
export type SectionId = (typeof SECTIONS)[number];

const TITLE_KEY: Record<SectionId, string> = {
  sites: 'options_sectionSites',
  catalog: 'options_sectionCatalog',
  data: 'options_sectionData',
  profile: 'options_sectionProfile',
  policy: 'options_sectionPolicy',
  about: 'options_sectionAbout',
};

const fromHash = (): SectionId => {
  const id = location.hash.slice(1);
  return (SECTIONS as readonly string[]).includes(id) ? (id as SectionId) : 'sites';
};

export function OptionsApp() {
  const [section, setSection] = useState<SectionId>(fromHash);
  const [policyReady, setPolicyReady] = useState(false);

  useEffect(() => {
    void loadPolicy().then(() => setPolicyReady(true));
    const onHash = () => setSection(fromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  const choose = (id: SectionId) => {
    setSection(id);
    history.replaceState(null, '', `#${id}`);
  };
  const hasPolicy = Object.keys(policyState.value.policy).length > 0;

  return (
    <div class="options-layout">
      <a class="skip-link" href="#options-main">
        {t('options_skipToContent')}
      </a>
      <header class="options-header">
        <h1>{t('options_title')}</h1>
        {hasPolicy ? <p class="managed-banner">{t('options_managedBanner')}</p> : null}
      </header>
      <nav class="options-nav" aria-label={t('options_navLabel')}>
        <ul>
          {SECTIONS.map((id) => (
            <li key={id}>
              <button type="button" aria-current={id === section ? 'page' : undefined} onClick={() => choose(id)}>
                {t(TITLE_KEY[id])}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main id="options-main" class="options-main" tabIndex={-1}>
        {/* Sections that lock controls wait for the policy, so nothing is editable before it is known. */}
        {!policyReady ? (
          <p>{t('options_loading')}</p>
        ) : section === 'sites' ? (
          <SitesSection />
        ) : section === 'catalog' ? (
          <CatalogSection />
        ) : section === 'data' ? (
          <DataSection />
        ) : section === 'profile' ? (
          <ProfileSection />
        ) : section === 'policy' ? (
          <PolicySection />
        ) : (
          <AboutSection />
        )}
      </main>
    </div>
  );
}
