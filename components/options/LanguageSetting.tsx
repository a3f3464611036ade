// 界面语言: follow the browser, or pin Chinese or English for every Ronghe page.
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { Settings } from '@/utils/model';
import { send } from '@/utils/ui/client';

type Locale = Settings['locale'];

export function LanguageSetting() {
  const [locale, setLocale] = useState<Locale | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    send<Settings>({ type: 'settings/get' }).then((s) => setLocale(s.locale), (e: Error) => setError(e.message));
  }, []);

  const choose = async (next: Locale) => {
    try {
      await send({ type: 'settings/set', settings: { locale: next } });
      location.reload(); // every string is chosen at start
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <p>
      <label for="ui-locale">{t('options_language')}</label>{' '}
      <select id="ui-locale" value={locale ?? 'auto'} disabled={locale === null} onChange={(e) => void choose(e.currentTarget.value as Locale)}>
        <option value="auto">{t('options_languageAuto')}</option>
        <option value="zh-CN">中文（简体）</option>
        <option value="en">English</option>
      </select>
      {error && <span role="alert"> {error}</span>}
    </p>
  );
}
