import { useTranslation } from 'react-i18next';
import { formatTime } from '../i18n/format-time.ts';
import { currentLanguage } from '../i18n/i18n.ts';

export function TimeText({ ms, seconds = false }: { ms: number; seconds?: boolean }) {
  useTranslation(); // re-render on language change
  return (
    <time dateTime={new Date(ms).toISOString()} title={new Date(ms).toISOString()}>
      {formatTime(ms, currentLanguage(), { seconds })}
    </time>
  );
}
