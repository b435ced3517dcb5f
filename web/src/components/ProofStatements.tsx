import { useTranslation } from 'react-i18next';
import type { ProofVerdict, TransactionProof } from '@sdk';
import { currentLanguage } from '../i18n/i18n.ts';
import { describeDoesNotProve, describeProves } from '../verify/describe-verdict.ts';

/** What a verified proof shows and what it does not, in plain words. */
export function ProofStatements({ verdict, proof }: { verdict: ProofVerdict; proof: TransactionProof }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const proves = describeProves(t, language, verdict, proof);
  return (
    <div className="statements">
      {proves.length > 0 && (
        <div className="statement statement-proves">
          <h3>{t('verify.proves')}</h3>
          <ul>
            {proves.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="statement statement-not">
        <h3>{t('verify.doesNotProve')}</h3>
        <ul>
          {describeDoesNotProve(t, language, verdict).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
