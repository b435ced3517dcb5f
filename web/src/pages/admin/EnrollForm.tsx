import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi, type Enrolled } from '../../api/admin-api.ts';
import { useAsync } from '../../api/use-async.ts';
import { loadNetwork } from '../../api/use-organizations.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';

/** `prison=JS-07, unit=district-3` → attributes. */
function parseAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const part of text.split(/[,\n]/)) {
    const [key, ...value] = part.split('=');
    if (key !== undefined && key.trim() !== '' && value.length > 0) attributes[key.trim()] = value.join('=').trim();
  }
  return attributes;
}

export function EnrollForm({ onEnrolled }: { onEnrolled: (enrolled: Enrolled) => void }) {
  const { t } = useTranslation();
  const network = useAsync(loadNetwork, 'network');
  const roles = network.status === 'done' ? (network.value.genesis.roles ?? []) : [];
  const [memberId, setMemberId] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [attributes, setAttributes] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState(true);
  const [validForDays, setValidForDays] = useState('365');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const parsed = parseAttributes(attributes);
      const enrolled = await adminApi.enroll({
        memberId: memberId.trim(),
        roles: chosen,
        password,
        totp,
        validForDays: Number(validForDays),
        ...(Object.keys(parsed).length > 0 ? { attributes: parsed } : {}),
      });
      setMemberId('');
      setChosen([]);
      setAttributes('');
      setPassword('');
      onEnrolled(enrolled);
    } catch (caught: unknown) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} data-testid="enroll-form">
      <label className="label" htmlFor="enroll-member">
        {t('admin.members.memberId')}
      </label>
      <input id="enroll-member" name="memberId" value={memberId} onChange={(event) => setMemberId(event.target.value)} required pattern="[a-z0-9][a-z0-9._-]*" maxLength={128} />
      <fieldset className="checkboxes">
        <legend className="label">{t('admin.members.roles')}</legend>
        {roles.map((role) => (
          <label key={role.name} className="checkbox">
            <input
              type="checkbox"
              name="roles"
              value={role.name}
              checked={chosen.includes(role.name)}
              onChange={(event) => setChosen(event.target.checked ? [...chosen, role.name] : chosen.filter((r) => r !== role.name))}
            />
            <span>
              {t(`roles.${role.name}`, { defaultValue: role.title })} <code className="muted">{role.name}</code>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="label" htmlFor="enroll-attributes">
        {t('admin.enroll.attributes')}
      </label>
      <input id="enroll-attributes" name="attributes" placeholder="prison=JS-07, unit=district-3" value={attributes} onChange={(event) => setAttributes(event.target.value)} />
      <label className="label" htmlFor="enroll-password">
        {t('admin.enroll.password')}
      </label>
      <input id="enroll-password" name="password" type="password" autoComplete="new-password" minLength={8} value={password} onChange={(event) => setPassword(event.target.value)} required />
      <label className="label" htmlFor="enroll-days">
        {t('admin.enroll.validForDays')}
      </label>
      <input id="enroll-days" name="validForDays" type="number" min={1} max={3650} value={validForDays} onChange={(event) => setValidForDays(event.target.value)} required />
      <label className="checkbox">
        <input type="checkbox" name="totp" checked={totp} onChange={(event) => setTotp(event.target.checked)} />
        <span>{t('admin.enroll.totp')}</span>
      </label>
      {error !== null && <ErrorNotice error={error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={busy || chosen.length === 0}>
          {busy ? t('common.working') : t('admin.enroll.submit')}
        </button>
      </div>
    </form>
  );
}
