import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { explainProposal, hasApproved, isProposer, type Proposal } from '../../admin/proposal.ts';
import { useSigner } from '../../app/signing-store.ts';
import { useOrganizations } from '../../api/use-organizations.ts';
import { Link } from '../../app/router.tsx';
import { useSignedInMember } from '../../app/session.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';

export function ProposalCard({ proposal, onChanged }: { proposal: Proposal; onChanged: () => void }) {
  const { t } = useTranslation();
  const signer = useSigner();
  const member = useSignedInMember();
  const { name } = useOrganizations();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const explanation = explainProposal(proposal);
  const act = async (fn: 'approve' | 'withdraw') => {
    setBusy(true);
    setError(null);
    try {
      await signer.submit({ contract: 'governance', fn, args: { proposal: proposal.id } });
      onChanged();
    } catch (caught: unknown) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const open = proposal.status === 'open';
  const canApprove = open && member !== null && !hasApproved(proposal, member);
  const canWithdraw = open && member !== null && isProposer(proposal, member);
  return (
    <li className="proposal card" data-proposal={proposal.id} data-status={proposal.status}>
      <div className="proposal-head">
        <strong className="proposal-title">{proposal.title}</strong>
        <span className={`badge badge-${proposal.status}`} data-testid="proposal-status">
          {t(`admin.governance.status.${proposal.status}`)}
        </span>
      </div>
      <p className="muted">
        {t(`admin.governance.actions.${proposal.action}`, { defaultValue: proposal.action })} · {t('admin.governance.proposedBy', { member: proposal.proposer.id, org: name(proposal.proposer.org), height: proposal.createdHeight })}{' '}
        · <Link to={`/tx/${proposal.id}`}>{t('admin.governance.transaction')}</Link>
      </p>
      <details>
        <summary>{t('admin.governance.payload')}</summary>
        <pre className="json">{JSON.stringify(proposal.payload, null, 2)}</pre>
      </details>
      <p>
        {t('admin.governance.policy')}: <code data-testid="proposal-policy">{proposal.policy}</code>
      </p>
      <p>{t('admin.governance.approvals')}:</p>
      <ul className="approvals" data-testid="approvals">
        {proposal.approvals.map((a) => (
          <li key={`${a.org}/${a.id}`}>
            ✓ {a.id} · {name(a.org)} <span className="muted">({t('common.height')} {a.height})</span>
          </li>
        ))}
      </ul>
      {explanation !== null && (
        <p className={explanation.satisfied ? 'check-ok' : 'muted'} data-testid="still-needed">
          {explanation.satisfied
            ? proposal.effectiveFrom === undefined
              ? t('admin.governance.met')
              : t('admin.governance.inForce', { height: proposal.effectiveFrom })
            : t('admin.governance.needs', { has: explanation.has, needed: explanation.needed, clause: explanation.clause })}
        </p>
      )}
      {error !== null && <ErrorNotice error={error} />}
      {(canApprove || canWithdraw) && (
        <div className="actions">
          {canApprove && (
            <button type="button" className="button" disabled={busy} onClick={() => void act('approve')} data-action="approve">
              {t('admin.governance.approve')}
            </button>
          )}
          {canWithdraw && (
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => void act('withdraw')} data-action="withdraw">
              {t('admin.governance.withdraw')}
            </button>
          )}
        </div>
      )}
      {open && <p className="hint">{t('auth.signingHint')}</p>}
    </li>
  );
}
