import { ChangeOwnPassword } from '../../common/ChangeOwnPassword';
import { ConsoleLoginForm } from '../../common/ConsoleLoginForm';
import { type LoginLook, OneTimePasswordChoice } from '../../common/OneTimePasswordChoice';
import { useActions, useGuide, useWords } from './guide-context';

const LOOK: LoginLook = { page: 'guide', className: 'gd-login', errorClassName: 'gd-error' };

export function LoginForm() {
  const { t } = useWords();
  const loggingIn = useGuide((s) => s.loggingIn);
  const problem = useGuide((s) => s.loginProblem);
  const choice = useGuide((s) => s.passwordChoice);
  const actions = useActions();
  if (choice) return <OneTimePasswordChoice look={LOOK} choice={choice} actions={actions} />;
  const words = {
    title: t('login.title'),
    staffId: t('login.staffId'),
    password: t('login.password'),
    submit: t('login.submit'),
    submitting: t('login.submitting'),
  };
  return (
    <ConsoleLoginForm
      {...LOOK}
      words={words}
      loggingIn={loggingIn}
      error={problem && t(`login.${problem}`)}
      login={(staffId, password) => void actions.login(staffId, password)}
    />
  );
}

/** 修改密码 for the desk's header, beside 退出 (`.gd-header` gives it the look of its buttons). */
export function OwnPasswordButton() {
  const { changeOwnPassword } = useActions();
  return <ChangeOwnPassword page="guide" change={changeOwnPassword} />;
}
