import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { JsonObject } from '@custos/procedures/case-document.ts';
import type { ProcedureDefinition } from '@custos/procedures/definition.ts';
import { useSigner } from '../app/signing-store.ts';
import { useAsync } from '../api/use-async.ts';
import { navigate } from '../app/router.tsx';
import { useSignedInMember } from '../app/session.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { mayOpen } from './openable.ts';
import { procedureApi } from './procedure-api.ts';

/** The active procedures the signed-in member may open on this subject (none for a visitor or while loading). */
export function useOpenableProcedures(subject: { type: string; id: string; facts: JsonObject }): ProcedureDefinition[] {
  const member = useSignedInMember();
  const state = useAsync(async () => (member === null ? [] : procedureApi.activeDefinitions()), member === null ? 'public' : `${member.org}/${member.memberId}`);
  if (member === null || state.status !== 'done') return [];
  const actor = { memberId: member.memberId, org: member.org, roles: member.roles, attributes: member.attributes };
  return state.value.filter((definition) => mayOpen(definition, actor, subject));
}

/**
 * Opens a case (`procedures.openCase`, signed for the member) on one of the
 * given procedures and goes to the new case's page (the case id is the
 * opening transaction's id).
 */
export function OpenCaseForm({ definitions, subject, testId }: { definitions: readonly ProcedureDefinition[]; subject: { type: string; id: string }; testId: string }) {
  const { t, i18n } = useTranslation();
  const signer = useSigner();
  const zh = i18n.language === 'zh-CN';
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (definitions.length === 0) return null;
  const procedure = definitions.find((d) => d.id === chosen) ?? definitions[0];
  if (procedure === undefined) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const committed = await signer.submit({ contract: 'procedures', fn: 'openCase', args: { procedure: procedure.id, version: procedure.version, subject: { type: subject.type, id: subject.id } } });
      const value = committed.value as { caseId?: string } | null;
      navigate(`/cases/${value?.caseId ?? committed.txId}`);
    } catch (caught: unknown) {
      setError(caught);
      setBusy(false);
    }
  };
  return (
    <form className="step-action open-case" data-testid={testId} data-procedure={procedure.id} onSubmit={(event) => void submit(event)}>
      {definitions.length === 1 ? (
        <h3>{zh ? procedure.title.zh : procedure.title.en}</h3>
      ) : (
        <>
          <label className="label" htmlFor={`${testId}-procedure`}>
            {t('cases.open.procedure')}
          </label>
          <select id={`${testId}-procedure`} name="procedure" value={procedure.id} onChange={(event) => setChosen(event.target.value)}>
            {definitions.map((d) => (
              <option key={d.id} value={d.id}>
                {zh ? d.title.zh : d.title.en}
              </option>
            ))}
          </select>
        </>
      )}
      {procedure.description !== undefined && <p className="hint">{zh ? procedure.description.zh : procedure.description.en}</p>}
      <p className="hint">{t('cases.open.hint', { subject: `${subject.type} ${subject.id}` })}</p>
      {error !== null && <ErrorNotice error={error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={busy} data-testid={`${testId}-submit`}>
          {busy ? t('common.working') : t('cases.open.submit')}
        </button>
      </div>
    </form>
  );
}
