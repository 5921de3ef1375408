import { ConsoleLoginForm } from '../../common/ConsoleLoginForm';
import { t, useActions, useManager } from './manager-context';

export function LoginForm() {
  const loggingIn = useManager((s) => s.loggingIn);
  const error = useManager((s) => s.loginError);
  const { login } = useActions();
  return (
    <ConsoleLoginForm
      page="manager"
      className="mgr-login"
      errorClassName="mgr-error"
      words={{
        title: t('login.title'),
        staffId: t('login.staffId'),
        password: t('login.password'),
        submit: t('login.submit'),
        submitting: t('login.submitting'),
      }}
      hint={<p className="mgr-notice">{t('login.hint')}</p>}
      loggingIn={loggingIn}
      error={error}
      login={(staffId, password) => void login(staffId, password)}
    />
  );
}
