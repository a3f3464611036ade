// 台账归属: whose ledger this is (姓名, 处室/部门, 所属支部, 单位). Every export carries it, so a
// branch secretary who merges colleagues' files sees whose rows are whose. Policy may preset and
// lock 单位 or 支部.
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { Settings } from '@/utils/model';
import { send } from '@/utils/ui/client';
import { ErrorLine, LockedNote, StatusLine, errorText } from './feedback';
import { policyState } from './policy-state';

const FIELDS = [
  { id: 'personName', label: 'options_profileName', max: 40, autocomplete: 'name' },
  { id: 'department', label: 'options_profileDepartment', max: 60, autocomplete: 'organization-title' },
  { id: 'branch', label: 'options_profileBranch', max: 60, autocomplete: 'off' },
  { id: 'unit', label: 'options_profileUnit', max: 100, autocomplete: 'organization' },
] as const;

type ProfileKey = (typeof FIELDS)[number]['id'];

export function ProfileSection() {
  const [values, setValues] = useState<Record<ProfileKey, string> | null>(null);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const locked = new Set<string>(policyState.value.policy.lockedSettings ?? []);

  useEffect(() => {
    send<Settings>({ type: 'settings/get' }).then(
      (s) => setValues({ personName: s.personName, department: s.department, branch: s.branch, unit: s.unit }),
      (e: unknown) => setError(errorText(e)),
    );
  }, []);

  const save = async (e: Event) => {
    e.preventDefault();
    if (!values) return;
    setError('');
    setStatus('');
    const patch: Partial<Settings> = {};
    for (const f of FIELDS) if (!locked.has(f.id)) patch[f.id] = values[f.id].trim();
    try {
      const saved = await send<Settings>({ type: 'settings/set', settings: patch });
      setValues({ personName: saved.personName, department: saved.department, branch: saved.branch, unit: saved.unit });
      setStatus(t('options_profileSaved'));
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <section aria-labelledby="profile-title">
      <h2 id="profile-title">{t('options_sectionProfile')}</h2>
      <p class="hint">{t('options_profileHint')}</p>
      <form onSubmit={(e) => void save(e)}>
        {FIELDS.map((f) => (
          <p key={f.id}>
            <label for={`profile-${f.id}`}>{t(f.label)}</label>{' '}
            <input
              id={`profile-${f.id}`}
              type="text"
              maxLength={f.max}
              autoComplete={f.autocomplete}
              value={values?.[f.id] ?? ''}
              disabled={values === null || locked.has(f.id)}
              aria-describedby={locked.has(f.id) ? `profile-${f.id}-locked` : undefined}
              onInput={(e) => values && setValues({ ...values, [f.id]: (e.currentTarget as HTMLInputElement).value })}
            />
            {locked.has(f.id) && <LockedNote id={`profile-${f.id}-locked`} />}
          </p>
        ))}
        <p>
          <button type="submit" disabled={values === null}>
            {t('options_profileSave')}
          </button>
        </p>
      </form>
      <StatusLine text={status} />
      <ErrorLine text={error} />
    </section>
  );
}
