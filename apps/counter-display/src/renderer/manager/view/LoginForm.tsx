import { ChangeOwnPassword } from '../../common/ChangeOwnPassword';
import { ChooseOwnPassword } from '../../common/ChooseOwnPassword';
import { ConsoleLoginForm } from '../../common/ConsoleLoginForm';
import { t, useActions, useManager } from './manager-context';

export function LoginForm() {
  const loggingIn = useManager((s) => s.loggingIn);
  const error = useManager((s) => s.loginError);
  const choice = useManager((s) => s.passwordChoice);
  const { login, chooseOwnPassword, cancelPasswordChoice } = useActions();
  if (choice) {
    return (
      <ChooseOwnPassword
        page="manager"
        className="mgr-login"
        errorClassName="mgr-error"
        name={choice.session.staff.name}
        sending={choice.sending}
        problem={choice.problem}
        choose={(next, repeat) => void chooseOwnPassword(next, repeat)}
        cancel={cancelPasswordChoice}
      />
    );
  }
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

/** 修改密码 for the console's header, beside 退出 (in `.mgr-user`, whose buttons it takes the look of). */
export function OwnPasswordButton() {
  const { changeOwnPassword } = useActions();
  return <ChangeOwnPassword page="manager" change={changeOwnPassword} />;
}
