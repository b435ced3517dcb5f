import { useTranslation } from 'react-i18next';
import type { SignedTransaction } from '@sdk';
import { Fields } from '../../components/Fields.tsx';
import { HashText } from '../../components/HashText.tsx';
import { Section } from '../../components/Section.tsx';

/** For a notary anchor: the document whose hash the transaction recorded. */
export function AnchoredDocument({ tx }: { tx: SignedTransaction }) {
  const { t } = useTranslation();
  if (tx.contract !== 'notary' || tx.fn !== 'anchor') return null;
  const { hash, title, type } = tx.args;
  return (
    <Section title={t('tx.document')}>
      <Fields
        rows={[
          typeof title === 'string' && [t('tx.documentTitle'), <strong>{title}</strong>],
          typeof type === 'string' && [t('tx.documentType'), <code>{type}</code>],
          typeof hash === 'string' && [t('tx.documentHash'), <HashText value={hash} />],
        ]}
      />
    </Section>
  );
}
