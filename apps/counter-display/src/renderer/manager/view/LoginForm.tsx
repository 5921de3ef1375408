import { type FormEvent, useState } from 'react';
import { t, useActions, useManager } from './manager-context';

export function LoginForm() {
  const [staffId, setStaffId] = useState('');
  const [password, setPassword] = useState('');
  const loggingIn = useManager((s) => s.loggingIn);
  const error = useManager((s) => s.loginError);
  const { login } = useActions();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void login(staffId, password);
  };
  return (
    <form className="mgr-login" onSubmit={submit}>
      <h1>{t('login.title')}</h1>
      <p className="mgr-notice">{t('login.hint')}</p>
      <label>
        {t('login.staffId')}
        <input
          data-testid="manager-login-staff"
          value={staffId}
          autoComplete="username"
          onChange={(e) => setStaffId(e.target.value)}
        />
      </label>
      <label>
        {t('login.password')}
        <input
          data-testid="manager-login-password"
          type="password"
          value={password}
          autoComplete="current-password"
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {error && (
        <p className="mgr-error" data-testid="manager-login-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" data-testid="manager-login-submit" disabled={loggingIn || !staffId || !password}>
        {loggingIn ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
