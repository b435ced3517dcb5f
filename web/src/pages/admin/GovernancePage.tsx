import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { proposalStatuses, type Proposal, type ProposalStatus } from '../../admin/proposal.ts';
import { stateApi } from '../../api/state-api.ts';
import { useAsync } from '../../api/use-async.ts';
import { AsyncView } from '../../components/AsyncView.tsx';
import { Section } from '../../components/Section.tsx';
import { AdminLayout } from './AdminLayout.tsx';
import { ProposalCard } from './ProposalCard.tsx';
import { ProposeForm } from './ProposeForm.tsx';

/** Governance on the ledger: proposals by status, approvals with their policy, and new proposals. */
export function GovernancePage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ProposalStatus>('open');
  const [version, setVersion] = useState(0);
  const proposals = useAsync(
    () => stateApi.query<Proposal>('governance.proposals', 'byStatus', [status]).then((docs) => docs.map((d) => d.doc).reverse()),
    `${status}-${version}`,
  );
  const changed = () => setVersion((v) => v + 1);
  return (
    <AdminLayout title={t('admin.governance.title')} subtitle={t('admin.governance.subtitle')}>
      <Section title={t('admin.governance.proposals')}>
        <div className="segmented" role="group" aria-label={t('common.status')}>
          {proposalStatuses.map((s) => (
            <button key={s} type="button" className={s === status ? 'segment active' : 'segment'} aria-pressed={s === status} data-status-filter={s} onClick={() => setStatus(s)}>
              {t(`admin.governance.status.${s}`)}
            </button>
          ))}
        </div>
        <AsyncView state={proposals}>
          {(list) =>
            list.length === 0 ? (
              <p className="empty">{t('admin.governance.none')}</p>
            ) : (
              <ul className="proposals" data-testid="proposals">
                {list.map((proposal) => (
                  <ProposalCard key={proposal.id} proposal={proposal} onChanged={changed} />
                ))}
              </ul>
            )
          }
        </AsyncView>
      </Section>
      <Section title={t('admin.propose.title')} hint={t('admin.propose.hint')}>
        <ProposeForm
          onProposed={() => {
            setStatus('open');
            changed();
          }}
        />
      </Section>
    </AdminLayout>
  );
}
