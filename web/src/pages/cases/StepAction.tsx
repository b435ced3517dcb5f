import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepDefinition } from '@custos/procedures/definition.ts';
import { useSigner } from '../../app/signing-store.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { emptyValue, SchemaForm, toFormData, type FieldSchema, type FormValue } from '../../procedures/SchemaForm.tsx';

/** One step this member may take: its form (from the step's JSON Schema), evidence hashes, and the button. */
export function StepAction({ caseId, step, onDone }: { caseId: string; step: StepDefinition; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const signer = useSigner();
  const zh = i18n.language === 'zh-CN';
  const schema = (step.form ?? { type: 'object', properties: {} }) as FieldSchema;
  const [value, setValue] = useState<FormValue>(emptyValue(schema));
  const [evidence, setEvidence] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const form = toFormData(schema, value);
      const refs = Object.entries(evidence)
        .filter(([, hash]) => hash.trim() !== '')
        .map(([type, hash]) => ({ type, hash: hash.trim() }));
      await signer.submit({
        contract: 'procedures',
        fn: 'act',
        args: { caseId, action: { kind: step.approvals === undefined ? 'step' : 'approve', step: step.id, ...(step.form === undefined ? {} : { form }), ...(refs.length > 0 ? { evidence: refs } : {}) } },
      });
      onDone();
    } catch (caught: unknown) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="step-action" onSubmit={(event) => void submit(event)} data-step={step.id}>
      <h3>{zh ? step.title.zh : step.title.en}</h3>
      {step.approvals !== undefined && <p className="hint">{t('cases.needsApprovals', { count: step.approvals.distinct })}</p>}
      {step.form !== undefined && <SchemaForm schema={schema} value={value} onChange={setValue} idPrefix={`step-${step.id}`} />}
      {(step.evidence ?? []).map((requirement) => (
        <div key={requirement.type}>
          <label className="label" htmlFor={`evidence-${step.id}-${requirement.type}`}>
            {t('cases.evidenceHash', { type: requirement.title === undefined ? requirement.type : zh ? requirement.title.zh : requirement.title.en })}
          </label>
          <input id={`evidence-${step.id}-${requirement.type}`} className="mono" value={evidence[requirement.type] ?? ''} onChange={(event) => setEvidence({ ...evidence, [requirement.type]: event.target.value })} />
        </div>
      ))}
      {error !== null && <ErrorNotice error={error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={busy} data-testid={`take-${step.id}`}>
          {busy ? t('common.working') : step.approvals === undefined ? t('cases.take') : t('cases.approve')}
        </button>
      </div>
    </form>
  );
}
