import { type FormEvent, type ReactNode, useState } from 'react';

/** The words of a console's login form, in the console's language. */
export interface LoginWords {
  title: string;
  staffId: string;
  password: string;
  submit: string;
  submitting: string;
}

/**
 * The staff id and password form of the consoles (manager console, guide desk). `page` names its test ids
 * (`<page>-login-staff` …) and `className` its look; what a refusal says is the console's own.
 */
export function ConsoleLoginForm(props: {
  page: string;
  className: string;
  errorClassName: string;
  words: LoginWords;
  hint?: ReactNode;
  loggingIn: boolean;
  error: string | null;
  login(staffId: string, password: string): void;
}) {
  const { page, words } = props;
  const [staffId, setStaffId] = useState('');
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.login(staffId, password);
  };
  return (
    <form className={props.className} onSubmit={submit}>
      <h1>{words.title}</h1>
      {props.hint}
      <label>
        {words.staffId}
        <input
          data-testid={`${page}-login-staff`}
          value={staffId}
          autoComplete="username"
          onChange={(e) => setStaffId(e.target.value)}
        />
      </label>
      <label>
        {words.password}
        <input
          data-testid={`${page}-login-password`}
          type="password"
          value={password}
          autoComplete="current-password"
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {props.error && (
        <p className={props.errorClassName} data-testid={`${page}-login-error`} role="alert">
          {props.error}
        </p>
      )}
      <button type="submit" data-testid={`${page}-login-submit`} disabled={props.loggingIn || !staffId || !password}>
        {props.loggingIn ? words.submitting : words.submit}
      </button>
    </form>
  );
}
