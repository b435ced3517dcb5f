import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../../components/Spinner.tsx';
import { getQrDetector } from '../../verify/qr-detector.ts';

/** Live camera view that stops as soon as it reads a QR code (or is closed). */
export function CameraScanner({ onText, onClose }: { onText: (text: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer = 0;
    let stopped = false;
    const start = async () => {
      try {
        if (navigator.mediaDevices?.getUserMedia === undefined) throw new Error(window.isSecureContext ? 'no camera API' : 'this page needs HTTPS for the camera');
        const detector = await getQrDetector();
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
        if (stopped || video.current === null) return;
        video.current.srcObject = stream;
        await video.current.play();
        setReady(true);
        const tick = async () => {
          if (stopped || video.current === null) return;
          const text = video.current.readyState >= 2 ? await detector.detect(video.current).catch(() => null) : null;
          if (text !== null && !stopped) onText(text);
          else timer = window.setTimeout(() => void tick(), 250);
        };
        void tick();
      } catch (error) {
        if (!stopped) setProblem(error instanceof Error ? error.message : String(error));
      }
    };
    void start();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [onText]);

  return (
    <div className="scanner">
      {problem !== null ? (
        <p className="notice notice-error" role="alert">
          {t('verify.scanUnavailable', { reason: problem })}
        </p>
      ) : (
        <>
          {!ready && <Spinner />}
          <video ref={video} className="scanner-video" muted playsInline />
          <p className="hint">{t('verify.scanHint')}</p>
        </>
      )}
      <button type="button" className="button button-secondary" onClick={onClose}>
        {t('verify.stopScan')}
      </button>
    </div>
  );
}
