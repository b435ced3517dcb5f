import type { Language } from './i18n.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A moment as people read it: "2026年11月21日 14:03" in Chinese,
 * "21 Nov 2026, 14:03" in English; with seconds where blocks are close together.
 */
export function formatTime(ms: number, language: Language, options: { seconds?: boolean } = {}): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return '—';
  const clock = `${pad(date.getHours())}:${pad(date.getMinutes())}${options.seconds === true ? `:${pad(date.getSeconds())}` : ''}`;
  if (language === 'zh-CN') return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日 ${clock}`;
  const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(date);
  return `${day}, ${clock}`;
}
