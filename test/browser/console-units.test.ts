import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canSee, everyone } from '../../web/src/app/audience.ts';
import { activeNavItem, navItems, visibleNavItems, type NavItem } from '../../web/src/app/nav-items.ts';
import { formatTime } from '../../web/src/i18n/format-time.ts';
import { en } from '../../web/src/i18n/en.ts';
import { zhCN } from '../../web/src/i18n/zh-CN.ts';

// Pure parts of the console, without a browser.
process.env['TZ'] = 'Asia/Shanghai';

test('formatTime: Chinese dates read 2026年11月21日 14:03; English 21 Nov 2026, 14:03', () => {
  const moment = Date.UTC(2026, 10, 21, 6, 3, 9); // 14:03:09 in Beijing
  const rows: [string, string, boolean, string][] = [
    ['zh, minutes', 'zh-CN', false, '2026年11月21日 14:03'],
    ['zh, seconds', 'zh-CN', true, '2026年11月21日 14:03:09'],
    ['en, minutes', 'en', false, '21 Nov 2026, 14:03'],
    ['en, seconds', 'en', true, '21 Nov 2026, 14:03:09'],
  ];
  for (const [name, language, seconds, expected] of rows) {
    assert.equal(formatTime(moment, language as 'zh-CN' | 'en', { seconds }), expected, name);
  }
  assert.equal(formatTime(Number.NaN, 'zh-CN'), '—');
});

test('navigation is data: public items for everyone, member items only for their roles', () => {
  const ids = (roles: string[] | null) => visibleNavItems(navItems, { member: roles === null ? null : { name: 'someone', organization: 'Org', roles } }).map((item) => item.id);
  assert.deepEqual(ids(null), ['explorer', 'verify', 'network']);
  assert.deepEqual(ids(['prison.officer']), ['explorer', 'verify', 'network', 'prison-scores', 'prison-cases', 'cases'], 'an officer scores and sees prison cases');
  assert.deepEqual(ids(['bureau.official']), ['explorer', 'verify', 'network', 'prison-dashboard', 'prison-cases', 'cases']);
  assert.deepEqual(ids(['procuratorate.prosecutor']), ['explorer', 'verify', 'network', 'inbox', 'cases']);
  assert.deepEqual(ids(['court.judge']), ['explorer', 'verify', 'network', 'inbox', 'cases']);
  assert.deepEqual(ids(['admin']), ['explorer', 'verify', 'network', 'prison-dashboard', 'cases', 'admin'], 'administration only for the admin role; admins see the dashboard too');
  const extra: NavItem = { id: 'any', path: '/any', labelKey: 'nav.inbox', audience: { kind: 'member', roles: [] } };
  assert.deepEqual(visibleNavItems([extra], { member: { name: 'x', organization: 'Org', roles: ['charity.staff'] } }).map((i) => i.id), ['any'], 'no roles listed: any member');
  assert.equal(canSee(everyone, { member: null }), true);
});

test('the active nav item follows the path; explorer pages belong to the explorer', () => {
  const rows: [string, string | undefined][] = [
    ['/', 'explorer'],
    [`/tx/${'a'.repeat(64)}`, 'explorer'],
    ['/blocks/3', 'explorer'],
    ['/verify', 'verify'],
    ['/network', 'network'],
    ['/prison', 'prison-dashboard'],
    ['/prison/scores', 'prison-scores'],
    ['/prison/cases', 'prison-cases'],
    ['/nowhere', undefined],
  ];
  for (const [path, expected] of rows) assert.equal(activeNavItem(navItems, path)?.id, expected, path);
});

test('every nav label and both languages have the same keys', () => {
  const keys = (value: unknown, prefix = ''): string[] =>
    typeof value === 'object' && value !== null ? Object.entries(value).flatMap(([k, v]) => keys(v, prefix === '' ? k : `${prefix}.${k}`)) : [prefix];
  assert.deepEqual(keys(en).sort(), keys(zhCN).sort());
  const zhKeys = new Set(keys(zhCN));
  for (const item of navItems) assert.ok(zhKeys.has(item.labelKey), `${item.id} has a label`);
});
