import { useTranslation } from 'react-i18next';
import { currentLanguage, languages, setLanguage } from '../i18n/i18n.ts';

/** 中文 | English, remembered in this browser. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const active = currentLanguage();
  return (
    <div className="language" role="group" aria-label={t('language.label')}>
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className={language === active ? 'language-option active' : 'language-option'}
          aria-pressed={language === active}
          onClick={() => void setLanguage(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
