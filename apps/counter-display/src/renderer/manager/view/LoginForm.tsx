import { ChangeOwnPassword } from '../../common/ChangeOwnPassword';
import { ConsoleLoginForm } from '../../common/ConsoleLoginForm';
import { type LoginLook, OneTimePasswordChoice } from '../../common/OneTimePasswordChoice';
import { t, useActions, useManager } from './manager-context';

const LOOK: LoginLook = { page: 'manager', className: 'mgr-login', errorClassName: 'mgr-error' };

export function LoginForm() {
  const loggingIn = useManager((s) => s.loggingIn);
  const error = useManager((s) => s.loginError);
  const choice = useManager((s) => s.passwordChoice);
  const actions = useActions();
  if (choice) return <OneTimePasswordChoice look={LOOK} choice={choice} actions={actions} />;
  return (
    <ConsoleLoginForm
      {...LOOK}
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
      login={(staffId, password) => void actions.login(staffId, password)}
    />
  );
}

/** 修改密码 for the console's header, beside 退出 (in `.mgr-user`, whose buttons it takes the look of). */
export function OwnPasswordButton() {
  const { changeOwnPassword } = useActions();
  return <ChangeOwnPassword page="manager" change={changeOwnPassword} />;
}
