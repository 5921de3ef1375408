import { ConsoleLoginForm } from '../../common/ConsoleLoginForm';
import { useActions, useGuide, useWords } from './guide-context';

export function LoginForm() {
  const { t } = useWords();
  const loggingIn = useGuide((s) => s.loggingIn);
  const problem = useGuide((s) => s.loginProblem);
  const { login } = useActions();
  const words = {
    title: t('login.title'),
    staffId: t('login.staffId'),
    password: t('login.password'),
    submit: t('login.submit'),
    submitting: t('login.submitting'),
  };
  return (
    <ConsoleLoginForm
      page="guide"
      className="gd-login"
      errorClassName="gd-error"
      words={words}
      loggingIn={loggingIn}
      error={problem && t(`login.${problem}`)}
      login={(staffId, password) => void login(staffId, password)}
    />
  );
}
