import { ChooseOwnPassword } from './ChooseOwnPassword';
import type { PasswordChoice } from './own-password';

/**
 * A page's login look: `page` names the test ids (`<page>-login-staff`, `<page>-choose-password` …), the classes give
 * the form and its refusals the look of the page. The login form and the choice of an own password share it.
 */
export interface LoginLook {
  page: string;
  className: string;
  errorClassName: string;
}

/** The choice's two steps, as every page's session store names them. */
export interface PasswordChoiceActions {
  chooseOwnPassword(next: string, repeat: string): Promise<void>;
  cancelPasswordChoice(): void;
}

/** After a login with a one-time password: the person chooses their own, in the look of the page's login form. */
export function OneTimePasswordChoice(props: {
  look: LoginLook;
  choice: PasswordChoice<{ token: string; staff: { name: string } }>;
  actions: PasswordChoiceActions;
}) {
  const { choice, actions } = props;
  return (
    <ChooseOwnPassword
      {...props.look}
      name={choice.session.staff.name}
      sending={choice.sending}
      problem={choice.problem}
      choose={(next, repeat) => void actions.chooseOwnPassword(next, repeat)}
      cancel={actions.cancelPasswordChoice}
    />
  );
}
