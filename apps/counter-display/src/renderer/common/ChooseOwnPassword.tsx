import { type FormEvent, useState } from 'react';
import { type OwnPasswordEntry, type OwnPasswordProblem, PASSWORD_RULES } from './own-password';
import './own-password.css';

/** A refusal in the page's error look, with the server's own words below it when it gave them. */
export function PasswordProblem(props: { page: string; problem: OwnPasswordProblem; className: string }) {
  const { problem } = props;
  return (
    <p className={props.className} role="alert" data-testid={`${props.page}-password-error-${problem.field ?? 'form'}`}>
      {problem.message}
      {problem.detail && <span className="own-pw-detail">服务器：{problem.detail}</span>}
    </p>
  );
}

/**
 * The new password twice, with the rule in words and the refusal of either beside it; a problem about anything else
 * (the current password, the server) is the caller's to show.
 */
export function NewPasswordFields(props: {
  page: string;
  errorClassName: string;
  problem: OwnPasswordProblem | null;
  next: string;
  repeat: string;
  onNext(value: string): void;
  onRepeat(value: string): void;
}) {
  const { page, problem } = props;
  const problemOf = (field: keyof OwnPasswordEntry) =>
    problem?.field === field && <PasswordProblem page={page} problem={problem} className={props.errorClassName} />;
  return (
    <>
      <p className="own-pw-rules">{PASSWORD_RULES}</p>
      <label>
        新密码
        <input
          data-testid={`${page}-new-password`}
          type="password"
          value={props.next}
          autoComplete="new-password"
          onChange={(e) => props.onNext(e.target.value)}
          aria-invalid={problem?.field === 'next'}
        />
      </label>
      {problemOf('next')}
      <label>
        再次输入新密码
        <input
          data-testid={`${page}-repeat-password`}
          type="password"
          value={props.repeat}
          autoComplete="new-password"
          onChange={(e) => props.onRepeat(e.target.value)}
          aria-invalid={problem?.field === 'repeat'}
        />
      </label>
      {problemOf('repeat')}
    </>
  );
}

/**
 * What a person logged in with a one-time password (one the manager set) sees instead of their page: they choose
 * their own, and the page goes on. `className` and `errorClassName` give it the look of the page's login form.
 */
export function ChooseOwnPassword(props: {
  page: string;
  className: string;
  errorClassName: string;
  name: string;
  sending: boolean;
  problem: OwnPasswordProblem | null;
  choose(next: string, repeat: string): void;
  cancel(): void;
}) {
  const { page, problem } = props;
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.choose(next, repeat);
  };
  const elsewhere = problem && problem.field !== 'next' && problem.field !== 'repeat';
  return (
    <form className={props.className} onSubmit={submit} data-testid={`${page}-choose-password`}>
      <h1>请设置您自己的密码</h1>
      <p>{props.name}，您用的是管理员设置的一次性密码，请换成只有您自己知道的密码。</p>
      <NewPasswordFields
        page={page}
        errorClassName={props.errorClassName}
        problem={problem}
        next={next}
        repeat={repeat}
        onNext={setNext}
        onRepeat={setRepeat}
      />
      {elsewhere && <PasswordProblem page={page} problem={problem} className={props.errorClassName} />}
      <div className="own-pw-buttons">
        <button type="button" onClick={props.cancel} disabled={props.sending}>
          返回登录
        </button>
        <button
          type="submit"
          className="primary"
          data-testid={`${page}-choose-password-submit`}
          disabled={props.sending || !next || !repeat}
        >
          {props.sending ? '正在保存…' : '保存并继续'}
        </button>
      </div>
    </form>
  );
}
