import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'react';
import type { ShownSecret } from '../../store/slices/settings/state';
import { useActions, useManager } from '../manager-context';
import { st } from './settings-context';

/**
 * A one-time password or a device key, shown once in a modal dialog: large, as text (and, for a key, as a QR code the
 * device's setup scans). Closing it forgets the secret; nothing else keeps it.
 */
export function SecretDialog({ secret }: { secret: ShownSecret }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { closeSecret } = useActions();
  const staff = useManager((s) => s.settingsView?.hall.staff);
  const [qr, setQr] = useState<string | null>(null);

  useEffect(() => {
    const element = dialog.current!;
    element.showModal();
    return () => element.close();
  }, []);
  useEffect(() => {
    if (secret.kind !== 'deviceKey') return;
    let live = true;
    void QRCode.toDataURL(secret.secret, { margin: 1, width: 240, errorCorrectionLevel: 'M' }).then((url) => {
      if (live) setQr(url);
    });
    return () => {
      live = false;
    };
  }, [secret]);

  const password = secret.kind === 'password';
  const title = password
    ? st('secret.passwordTitle', { name: staff?.find((s) => s.id === secret.staffId)?.name ?? secret.staffId })
    : st('secret.keyTitle', { device: secret.deviceId });
  return (
    <dialog
      ref={dialog}
      className="set-secret"
      data-testid="settings-secret"
      aria-labelledby="settings-secret-title"
      onClose={() => closeSecret()}
    >
      <h3 id="settings-secret-title">{title}</h3>
      <p className="mgr-dialog-warning">{st(password ? 'secret.passwordHint' : 'secret.keyHint')}</p>
      <div className="set-secret-body">
        <output className={password ? 'set-secret-text large' : 'set-secret-text'} data-testid="settings-secret-text">
          {secret.secret}
        </output>
        {qr && (
          <img
            src={qr}
            alt={st('secret.keyTitle', { device: secret.kind === 'deviceKey' ? secret.deviceId : '' })}
            data-testid="settings-secret-qr"
            width={240}
            height={240}
          />
        )}
      </div>
      <div className="mgr-dialog-actions">
        <button type="button" data-testid="settings-secret-close" onClick={() => closeSecret()}>
          {st('secret.close')}
        </button>
      </div>
    </dialog>
  );
}
