import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getQrDetector } from '../../verify/qr-detector.ts';

/** Reads a QR code from a photo or a saved picture (on a phone this can open the camera app). */
export function QrImageInput({ onText }: { onText: (text: string) => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const read = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file === undefined) return;
    setProblem(null);
    try {
      const bitmap = await createImageBitmap(file);
      const text = await (await getQrDetector()).detect(bitmap);
      bitmap.close();
      if (text === null) setProblem(t('verify.noQrFound'));
      else onText(text);
    } catch (error) {
      setProblem(t('verify.scanUnavailable', { reason: error instanceof Error ? error.message : String(error) }));
    }
  };
  return (
    <>
      <label className="button button-secondary file-button">
        {t('verify.scanImage')}
        <input type="file" accept="image/*" capture="environment" onChange={(event) => void read(event)} data-testid="qr-image-input" />
      </label>
      {problem !== null && (
        <p className="notice notice-info" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
