import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSigner } from '../../app/signing-store.ts';
import { useAsync } from '../../api/use-async.ts';
import { loadNetwork } from '../../api/use-organizations.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';

type Kind = 'setPolicy' | 'addOrganization';

/** Proposes a policy change or a new organization; the proposer's approval counts at once. */
export function ProposeForm({ onProposed }: { onProposed: () => void }) {
  const { t } = useTranslation();
  const signer = useSigner();
  const network = useAsync(loadNetwork, 'network');
  const policies = network.status === 'done' ? network.value.genesis.policies ?? {} : {};
  const [kind, setKind] = useState<Kind>('setPolicy');
  const [title, setTitle] = useState('');
  const [policyName, setPolicyName] = useState('');
  const [policy, setPolicy] = useState('');
  const [orgId, setOrgId] = useState('');
  const [nameZh, setNameZh] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [caCertificate, setCaCertificate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const payload = kind === 'setPolicy' ? { name: policyName.trim(), policy: policy.trim() } : { id: orgId.trim(), name: { zh: nameZh.trim(), en: nameEn.trim() }, caCertificate: caCertificate.trim() };
      await signer.submit({ contract: 'governance', fn: 'propose', args: { action: kind, title: title.trim(), payload } });
      setTitle('');
      onProposed();
    } catch (caught: unknown) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} data-testid="propose-form">
      <label className="label" htmlFor="propose-kind">
        {t('admin.propose.kind')}
      </label>
      <select id="propose-kind" name="action" value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
        <option value="setPolicy">{t('admin.governance.actions.setPolicy')}</option>
        <option value="addOrganization">{t('admin.governance.actions.addOrganization')}</option>
      </select>
      <label className="label" htmlFor="propose-title">
        {t('admin.propose.proposalTitle')}
      </label>
      <input id="propose-title" name="title" value={title} onChange={(event) => setTitle(event.target.value)} required maxLength={300} />
      {kind === 'setPolicy' ? (
        <>
          <label className="label" htmlFor="propose-policy-name">
            {t('admin.propose.policyName')}
          </label>
          <input id="propose-policy-name" name="policyName" list="policy-names" value={policyName} onChange={(event) => {
            setPolicyName(event.target.value);
            const current = policies[event.target.value];
            if (current !== undefined && policy === '') setPolicy(current);
          }} required />
          <datalist id="policy-names">
            {Object.keys(policies).sort().map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
          {policies[policyName] !== undefined && (
            <p className="hint">
              {t('admin.propose.currentPolicy')}: <code>{policies[policyName]}</code>
            </p>
          )}
          <label className="label" htmlFor="propose-policy">
            {t('admin.propose.newPolicy')}
          </label>
          <input id="propose-policy" name="policy" className="mono" placeholder="2 OF (admin@PrisonBureau, admin@Court, admin@Procuratorate)" value={policy} onChange={(event) => setPolicy(event.target.value)} required />
        </>
      ) : (
        <>
          <label className="label" htmlFor="propose-org-id">
            {t('admin.organizations.id')}
          </label>
          <input id="propose-org-id" name="orgId" value={orgId} onChange={(event) => setOrgId(event.target.value)} required />
          <label className="label" htmlFor="propose-org-zh">
            {t('admin.propose.nameZh')}
          </label>
          <input id="propose-org-zh" name="nameZh" value={nameZh} onChange={(event) => setNameZh(event.target.value)} required />
          <label className="label" htmlFor="propose-org-en">
            {t('admin.propose.nameEn')}
          </label>
          <input id="propose-org-en" name="nameEn" value={nameEn} onChange={(event) => setNameEn(event.target.value)} required />
          <label className="label" htmlFor="propose-org-ca">
            {t('admin.propose.caCertificate')}
          </label>
          <textarea id="propose-org-ca" name="caCertificate" rows={6} placeholder="-----BEGIN CERTIFICATE-----" value={caCertificate} onChange={(event) => setCaCertificate(event.target.value)} required />
        </>
      )}
      {error !== null && <ErrorNotice error={error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('common.working') : t('admin.propose.submit')}
        </button>
      </div>
      <p className="hint">{t('auth.signingHint')}</p>
    </form>
  );
}
