import { useTranslation } from 'react-i18next';
import type { TransactionProof } from '@sdk';
import { nodeApi } from '../../api/node-api.ts';
import { Link } from '../../app/router.tsx';
import { QrCode } from '../../components/QrCode.tsx';
import { Section } from '../../components/Section.tsx';
import { verificationUrl } from '../../verify/read-input.ts';

/** A QR code that opens the public verification page for this transaction, and the proof to download. */
export function VerificationCode({ proof }: { proof: TransactionProof }) {
  const { t } = useTranslation();
  const url = verificationUrl(nodeApi.origin, proof.txId);
  const download = `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(proof, null, 2))}`;
  return (
    <Section title={t('tx.verificationCode')} hint={t('tx.verificationCodeHint')} className="verification-code">
      <div className="qr-row">
        <QrCode text={url} label={t('tx.verificationCode')} />
        <div className="qr-actions">
          <Link to={`/verify?tx=${proof.txId}`} className="button">
            {t('tx.openVerify')}
          </Link>
          <a className="button button-secondary" href={download} download={`proof-${proof.txId.slice(0, 16)}.json`}>
            {t('tx.downloadProof')}
          </a>
        </div>
      </div>
    </Section>
  );
}
