import { ChangeOwnPassword } from '../../common/ChangeOwnPassword';
import { ChooseOwnPassword } from '../../common/ChooseOwnPassword';
import { ConsoleLoginForm } from '../../common/ConsoleLoginForm';
import { useActions, useGuide, useWords } from './guide-context';

export function LoginForm() {
  const { t } = useWords();
  const loggingIn = useGuide((s) => s.loggingIn);
  const problem = useGuide((s) => s.loginProblem);
  const choice = useGuide((s) => s.passwordChoice);
  const { login, chooseOwnPassword, cancelPasswordChoice } = useActions();
  if (choice) {
    return (
      <ChooseOwnPassword
        page="guide"
        className="gd-login"
        errorClassName="gd-error"
        name={choice.session.staff.name}
        sending={choice.sending}
        problem={choice.problem}
        choose={(next, repeat) => void chooseOwnPassword(next, repeat)}
        cancel={cancelPasswordChoice}
      />
    );
  }
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

/** 修改密码 for the desk's header, beside 退出 (`.gd-header` gives it the look of its buttons). */
export function OwnPasswordButton() {
  const { changeOwnPassword } = useActions();
  return <ChangeOwnPassword page="guide" change={changeOwnPassword} />;
}
