import { useTranslation } from 'react-i18next';
import type { Checkpoint } from '../../api/node-api.ts';
import { Fields } from '../../components/Fields.tsx';
import { HashText } from '../../components/HashText.tsx';

export function CheckpointList({ checkpoints }: { checkpoints: Checkpoint[] }) {
  const { t } = useTranslation();
  if (checkpoints.length === 0) return <p className="empty">{t('common.none')}</p>;
  return (
    <>
      {checkpoints.map((checkpoint) => (
        <Fields
          key={checkpoint.signer}
          rows={[
            [t('common.signer'), <HashText value={checkpoint.signer} />],
            [t('block.resultsRoot'), <HashText value={checkpoint.resultsRoot} />],
            [t('block.stateRoot'), <HashText value={checkpoint.stateRoot} />],
          ]}
        />
      ))}
    </>
  );
}
