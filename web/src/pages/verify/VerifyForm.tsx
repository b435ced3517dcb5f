import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CameraScanner } from './CameraScanner.tsx';
import { QrImageInput } from './QrImageInput.tsx';

/** The input: paste, type, scan with the camera, or read a QR code from a picture. */
export function VerifyForm({ initial, busy, onVerify }: { initial: string; busy: boolean; onVerify: (text: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const [scanning, setScanning] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onVerify(text);
  };
  const scanned = useCallback(
    (value: string) => {
      setScanning(false);
      setText(value);
      onVerify(value);
    },
    [onVerify],
  );
  const closeScanner = useCallback(() => setScanning(false), []);
  return (
    <form className="card verify-form" onSubmit={submit}>
      <label htmlFor="verify-input" className="label">
        {t('verify.inputLabel')}
      </label>
      <textarea
        id="verify-input"
        name="proof"
        rows={5}
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={t('verify.inputPlaceholder')}
        spellCheck={false}
        autoCorrect="off"
        autoCapitalize="off"
      />
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('verify.verifying') : t('verify.verify')}
        </button>
        {!scanning && (
          <button type="button" className="button button-secondary" onClick={() => setScanning(true)}>
            {t('verify.scan')}
          </button>
        )}
        <QrImageInput onText={scanned} />
      </div>
      {scanning && <CameraScanner onText={scanned} onClose={closeScanner} />}
    </form>
  );
}
