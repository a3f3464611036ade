// 策略: what the administrator's policy (managed storage) sets and locks, read-only.
import { t } from '@/utils/i18n';
import { ErrorLine } from './feedback';
import { policyLoadError, policyState } from './policy-state';

export function PolicySection() {
  const { policy, error } = policyState.value;
  const settings = Object.entries(policy.settings ?? {});
  const locked = policy.lockedSettings ?? [];
  const empty = !policy.sites?.length && !policy.catalog && settings.length === 0 && locked.length === 0;
  return (
    <section aria-labelledby="policy-title">
      <h2 id="policy-title">{t('options_sectionPolicy')}</h2>
      <p class="intro">{t('options_policyIntro')}</p>
      <ErrorLine text={policyLoadError.value} />
      <ErrorLine text={error ?? ''} />
      {empty ? (
        <p class="notice">{t('options_policyNone')}</p>
      ) : (
        <dl class="policy-list">
          <dt>{t('options_policySites')}</dt>
          <dd>
            {policy.sites?.length ? (
              <ul>
                {policy.sites.map((site) => (
                  <li key={site}>
                    <span class="origin">{site}</span> <span class="badge-locked">{t('options_lockedShort')}</span>
                  </li>
                ))}
              </ul>
            ) : (
              t('options_policyNotSet')
            )}
          </dd>
          <dt>{t('options_policyCatalog')}</dt>
          <dd>
            {policy.catalog
              ? t('options_policyCatalogSet', [String(policy.catalog.version), String(policy.catalog.actions.length)])
              : t('options_policyNotSet')}
          </dd>
          <dt>{t('options_policySettings')}</dt>
          <dd>
            {settings.length ? (
              <ul>
                {settings.map(([key, value]) => (
                  <li key={key}>
                    <code>{key}</code> = <code>{JSON.stringify(value)}</code>
                    {locked.includes(key as never) ? <span class="badge-locked"> {t('options_lockedShort')}</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              t('options_policyNotSet')
            )}
          </dd>
          <dt>{t('options_policyLocked')}</dt>
          <dd>{locked.length ? locked.map((k) => <code key={k}>{k} </code>) : t('options_policyNotSet')}</dd>
        </dl>
      )}
      <p class="hint">{t('options_policyHow')}</p>
    </section>
  );
}
