import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi, type MemberListing } from '../../api/admin-api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { TimeText } from '../../components/TimeText.tsx';
import { daysLeft, expiryWarningDays, ExpiryBadge } from './ExpiryBadge.tsx';

export function MemberTable({ members, onChanged }: { members: readonly MemberListing[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const sorted = [...members].sort((a, b) => a.memberId.localeCompare(b.memberId));
  const expiring = members.filter((m) => m.revokedFrom === null && daysLeft(m.notAfter) <= expiryWarningDays).length;
  return (
    <>
      {expiring > 0 && (
        <p className="notice notice-warn" data-testid="expiry-warning">
          {t('admin.members.expiringCount', { count: expiring, days: expiryWarningDays })}
        </p>
      )}
      <div className="table-scroll">
        <table className="table" data-testid="member-table">
          <thead>
            <tr>
              <th>{t('admin.members.memberId')}</th>
              <th>{t('admin.members.roles')}</th>
              <th>{t('admin.members.serial')}</th>
              <th>{t('admin.members.notAfter')}</th>
              <th>{t('common.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {sorted.map((member) => (
              <MemberRow key={member.publicKey} member={member} onChanged={onChanged} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function MemberRow({ member, onChanged }: { member: MemberListing; onChanged: () => void }) {
  const { t } = useTranslation();
  const [revoking, setRevoking] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const revoked = member.revokedFrom !== null;
  const soon = !revoked && daysLeft(member.notAfter) <= expiryWarningDays;
  const revoke = async () => {
    setBusy(true);
    setError(null);
    try {
      const outcome = await adminApi.revoke(member.serial, reason.trim());
      if (outcome.result !== undefined && outcome.result.status !== 'ok') throw new Error(`${outcome.result.code ?? ''} ${outcome.result.message ?? ''}`);
      setRevoking(false);
      onChanged();
    } catch (caught: unknown) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <tr data-member={member.memberId} className={soon ? 'row-warn' : revoked ? 'row-revoked' : undefined}>
        <td>
          <strong>{member.memberId}</strong>
          {Object.keys(member.attributes).length > 0 && (
            <div className="muted small">
              {Object.entries(member.attributes)
                .map(([k, v]) => `${k}=${v}`)
                .join(' · ')}
            </div>
          )}
        </td>
        <td>{member.roles.map((role) => t(`roles.${role}`, { defaultValue: role })).join('、')}</td>
        <td>
          <code>{member.serial.slice(0, 12)}</code>
        </td>
        <td>
          <TimeText ms={member.notAfter} /> <ExpiryBadge notAfter={member.notAfter} />
        </td>
        <td data-status={revoked ? 'revoked' : 'active'}>{revoked ? t('admin.members.revokedFrom', { height: member.revokedFrom }) : t('admin.members.active')}</td>
        <td>
          {!revoked && !revoking && (
            <button type="button" className="button button-secondary button-small" onClick={() => setRevoking(true)}>
              {t('admin.revoke.button')}
            </button>
          )}
        </td>
      </tr>
      {revoking && (
        <tr className="row-form">
          <td colSpan={6}>
            <form
              className="inline-form"
              onSubmit={(event) => {
                event.preventDefault();
                void revoke();
              }}
            >
              <label className="label" htmlFor={`reason-${member.serial}`}>
                {t('admin.revoke.reason', { member: member.memberId })}
              </label>
              <input id={`reason-${member.serial}`} name="reason" value={reason} onChange={(event) => setReason(event.target.value)} required maxLength={500} />
              <p className="hint">{t('admin.revoke.hint')}</p>
              {error !== null && <ErrorNotice error={error} />}
              <div className="actions">
                <button type="submit" className="button button-danger" disabled={busy || reason.trim() === ''}>
                  {busy ? t('common.working') : t('admin.revoke.confirm')}
                </button>
                <button type="button" className="button button-secondary" onClick={() => setRevoking(false)}>
                  {t('common.cancel')}
                </button>
              </div>
            </form>
          </td>
        </tr>
      )}
    </>
  );
}
