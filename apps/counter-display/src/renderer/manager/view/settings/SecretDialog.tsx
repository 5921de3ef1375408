import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import type { ShownSecret } from '../../store/slices/settings/state';
import { useActions, useManager } from '../manager-context';
import { ModalDialog } from './ModalDialog';
import { st } from './settings-context';

/** Why the last password reset or key issue failed, above the rows whose buttons start them. */
export function CredentialFailure() {
  const credential = useManager((s) => s.settingsCredential);
  if (credential.status !== 'failed') return null;
  return (
    <p className="mgr-error" role="alert">
      {st('secret.failed', { message: credential.message })}
    </p>
  );
}

/**
 * A one-time password or a device key, shown once in a modal dialog: large, as text (and, for a key, as a QR code the
 * device's setup scans). Closing it forgets the secret; nothing else keeps it.
 */
export function SecretDialog({ secret }: { secret: ShownSecret }) {
  const { closeSecret } = useActions();
  const staff = useManager((s) => s.settingsView?.hall.staff);
  const [qr, setQr] = useState<string | null>(null);

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
    <ModalDialog
      className="set-secret"
      testId="settings-secret"
      labelledBy="settings-secret-title"
      onClose={closeSecret}
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
    </ModalDialog>
  );
}
