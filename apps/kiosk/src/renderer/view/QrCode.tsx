import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** The status page's QR code, drawn locally (the hall LAN is offline). */
export function QrCode(props: { url: string; label: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(props.url, { margin: 1, width: 320, errorCorrectionLevel: 'M' })
      .then((data) => live && setSrc(data))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [props.url]);
  return src ? <img className="qr" src={src} alt={props.label} data-testid="ticket-qr" /> : null;
}
