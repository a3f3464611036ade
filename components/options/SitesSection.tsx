// 站点: the OA sites Ronghe runs on, their detection overrides and custom selectors.
import { useEffect, useState } from 'preact/hooks';
import { browser } from '@/utils/browser';
import { PRODUCT_ADAPTERS } from '@/utils/adapters/registry';
import { PRODUCT_NAMES } from '@/utils/ledger/labels';
import { sitePattern } from '@/utils/background/site-key';
import type { Site } from '@/utils/model';
import { send } from '@/utils/ui/client';
import { t } from '@/utils/i18n';
import { ErrorLine, LockedNote, StatusLine, errorText } from './feedback';
import { SelectorEditor } from './SelectorEditor';

const SOURCE_KEY: Record<Site['source'], string> = { user: 'options_sourceUser', policy: 'options_sourcePolicy', e2e: 'options_sourceE2e' };

export function SitesSection() {
  const [sites, setSites] = useState<Site[] | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  const load = async () => {
    try {
      const list = await send<Site[]>({ type: 'sites/list' });
      // A fresh copy sorted in place (toSorted needs Chromium 110).
      // oxlint-disable-next-line unicorn/no-array-sort
      setSites([...list].sort((a, b) => a.origin.localeCompare(b.origin)));
    } catch (e) {
      setError(errorText(e));
    }
  };
  useEffect(() => void load(), []);

  const replace = (site: Site) => setSites((list) => (list ?? []).map((s) => (s.origin === site.origin ? site : s)));

  const update = async (site: Site, patch: { enabled?: boolean; adapterOverride?: string | null }) => {
    setError('');
    try {
      replace(await send<Site>({ type: 'site/set', origin: site.origin, ...patch }));
      setStatus(t('options_siteSaved', [site.origin]));
    } catch (e) {
      setError(errorText(e));
    }
  };

  const revoke = async (site: Site) => {
    setError('');
    try {
      await send({ type: 'site/remove', origin: site.origin });
      setSites((list) => (list ?? []).filter((s) => s.origin !== site.origin));
      if (editing === site.origin) setEditing(null);
      setStatus(t('options_siteRevoked', [site.origin]));
    } catch (e) {
      setError(errorText(e));
      return;
    }
    try {
      await browser.permissions.remove({ origins: [sitePattern(site.origin)] });
    } catch {
      // Access granted by the manifest (e2e build) can't be revoked at runtime: the site is gone anyway.
    }
  };

  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">{t('options_sectionSites')}</h2>
      <p class="intro">{t('options_sitesIntro')}</p>
      <ErrorLine text={error} />
      {status ? <StatusLine text={status} /> : null}
      {sites === null ? (
        <p>{t('options_loading')}</p>
      ) : sites.length === 0 ? (
        <p>{t('options_noSites')}</p>
      ) : (
        <table class="data-table">
          <caption class="visually-hidden">{t('options_sectionSites')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('options_colSite')}</th>
              <th scope="col">{t('options_colSource')}</th>
              <th scope="col">{t('options_colEnabled')}</th>
              <th scope="col">{t('options_colAdapter')}</th>
              <th scope="col">{t('options_colSelectors')}</th>
              <th scope="col">{t('options_colRevoke')}</th>
            </tr>
          </thead>
          <tbody>
            {sites.map((site) => {
              const locked = site.source === 'policy';
              const lockId = `lock-${site.origin.replace(/[^a-z0-9]+/gi, '-')}`;
              return (
                <tr key={site.origin} data-origin={site.origin}>
                  <th scope="row">
                    <span class="origin">{site.origin}</span>
                    {locked ? <LockedNote id={lockId} /> : null}
                  </th>
                  <td>{t(SOURCE_KEY[site.source])}</td>
                  <td>
                    <label class="inline">
                      <input
                        type="checkbox"
                        checked={site.enabled}
                        disabled={locked}
                        aria-describedby={locked ? lockId : undefined}
                        aria-label={t('options_enableSite', [site.origin])}
                        onChange={(e) => void update(site, { enabled: (e.currentTarget as HTMLInputElement).checked })}
                      />
                      <span aria-hidden="true">{site.enabled ? t('options_on') : t('options_off')}</span>
                    </label>
                  </td>
                  <td>
                    <select
                      aria-label={t('options_adapterFor', [site.origin])}
                      value={site.adapterOverride ?? ''}
                      onChange={(e) => {
                        const value = (e.currentTarget as HTMLSelectElement).value;
                        void update(site, { adapterOverride: value || null });
                      }}
                    >
                      <option value="">{t('options_adapterAuto')}</option>
                      {PRODUCT_ADAPTERS.map((adapter) => (
                        <option key={adapter.id} value={adapter.id}>
                          {PRODUCT_NAMES[adapter.id] ?? adapter.product}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button
                      type="button"
                      aria-expanded={editing === site.origin}
                      aria-label={t('options_editSelectorsFor', [site.origin])}
                      onClick={() => setEditing(editing === site.origin ? null : site.origin)}
                    >
                      {site.selectors ? t('options_selectorsCustom') : t('options_selectorsNone')}
                    </button>
                  </td>
                  <td>
                    <button
                      type="button"
                      class="danger"
                      disabled={locked}
                      aria-describedby={locked ? lockId : undefined}
                      aria-label={t('options_revokeSite', [site.origin])}
                      onClick={() => void revoke(site)}
                    >
                      {t('options_revoke')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {sites?.filter((s) => s.origin === editing).map((site) => (
        <SelectorEditor key={site.origin} site={site} onSaved={replace} />
      ))}
    </section>
  );
}
