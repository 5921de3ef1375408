import { type FormEvent, useState } from 'react';
import { useActions, useGuide, useWords } from './guide-context';

export function LoginForm() {
  const { t } = useWords();
  const [staffId, setStaffId] = useState('');
  const [password, setPassword] = useState('');
  const loggingIn = useGuide((s) => s.loggingIn);
  const problem = useGuide((s) => s.loginProblem);
  const { login } = useActions();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void login(staffId, password);
  };
  return (
    <form className="gd-login" onSubmit={submit}>
      <h1>{t('login.title')}</h1>
      <label>
        {t('login.staffId')}
        <input
          data-testid="guide-login-staff"
          value={staffId}
          autoComplete="username"
          onChange={(e) => setStaffId(e.target.value)}
        />
      </label>
      <label>
        {t('login.password')}
        <input
          data-testid="guide-login-password"
          type="password"
          value={password}
          autoComplete="current-password"
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {problem && (
        <p className="gd-error" data-testid="guide-login-error" role="alert">
          {t(`login.${problem}`)}
        </p>
      )}
      <button type="submit" data-testid="guide-login-submit" disabled={loggingIn || !staffId || !password}>
        {loggingIn ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
