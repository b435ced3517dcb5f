import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/** A QR code of `text`, drawn in the browser. */
export function QrCode({ text, label, size = 180 }: { text: string; label: string; size?: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    QRCode.toDataURL(text, { margin: 1, width: size, errorCorrectionLevel: 'M' }).then(
      (url) => current && setSrc(url),
      () => current && setSrc(null),
    );
    return () => {
      current = false;
    };
  }, [text, size]);
  return src === null ? null : <img className="qr" src={src} width={size} height={size} alt={label} data-qr-text={text} />;
}
