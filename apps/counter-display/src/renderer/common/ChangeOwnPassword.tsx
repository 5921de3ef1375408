import { type FormEvent, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { NewPasswordFields, PasswordProblem } from './ChooseOwnPassword';
import type { OwnPasswordEntry, OwnPasswordProblem, OwnPasswordResult } from './own-password';
import './own-password.css';

const EMPTY: OwnPasswordEntry = { current: '', next: '', repeat: '' };

/**
 * 修改密码: a button for a page's header, opening a form that asks the current password and the new one twice. The
 * session goes on after the change. `change` is the page's store action; `className` gives the button the header's look.
 */
export function ChangeOwnPassword(props: {
  page: string;
  className?: string;
  change(entry: OwnPasswordEntry): Promise<OwnPasswordResult>;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={props.className}
        data-testid={`${props.page}-change-password`}
        onClick={() => setOpen(true)}
      >
        修改密码
      </button>
      {/* On the page's body: a header's own button styles must not reach the form's buttons. */}
      {open && createPortal(<ChangeDialog {...props} close={() => setOpen(false)} />, document.body)}
    </>
  );
}

function ChangeDialog(props: {
  page: string;
  change(entry: OwnPasswordEntry): Promise<OwnPasswordResult>;
  close(): void;
}) {
  const { page, close } = props;
  const [entry, setEntry] = useState(EMPTY);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<OwnPasswordProblem | null>(null);
  const [done, setDone] = useState(false);

  useEffect(() => {
    // While the form is open its fields take the typing: a page's function keys (the counter's F1…F8) do nothing,
    // and still never reach the browser (F5 must not reload the page).
    const onKey = (e: KeyboardEvent) => {
      if (/^F\d{1,2}$/.test(e.key)) {
        e.preventDefault();
        e.stopPropagation();
      }
      if (e.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [close]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (sending) return;
    setSending(true);
    setProblem(null);
    const result = await props.change(entry);
    setSending(false);
    if (result.ok) {
      setEntry(EMPTY);
      setDone(true);
    } else {
      setProblem(result.problem);
    }
  };
  const field = (key: keyof OwnPasswordEntry) => (value: string) => setEntry((old) => ({ ...old, [key]: value }));

  return (
    <div className="own-pw-backdrop">
      <form
        className="own-pw-dialog"
        role="dialog"
        aria-label="修改密码"
        data-testid={`${page}-change-password-dialog`}
        onSubmit={(e) => void submit(e)}
      >
        <h2>修改密码</h2>
        {done ? (
          <p className="own-pw-done" role="status">
            密码已修改。下次登录请用新密码；在其他电脑上的登录已失效。
          </p>
        ) : (
          <>
            <label>
              原密码
              <input
                data-testid={`${page}-current-password`}
                type="password"
                value={entry.current}
                autoComplete="current-password"
                onChange={(e) => field('current')(e.target.value)}
                aria-invalid={problem?.field === 'current'}
                autoFocus
              />
            </label>
            {problem?.field === 'current' && <PasswordProblem page={page} problem={problem} className="own-pw-error" />}
            <NewPasswordFields
              page={page}
              errorClassName="own-pw-error"
              problem={problem}
              next={entry.next}
              repeat={entry.repeat}
              onNext={field('next')}
              onRepeat={field('repeat')}
            />
            {problem?.field === null && <PasswordProblem page={page} problem={problem} className="own-pw-error" />}
          </>
        )}
        <div className="own-pw-buttons">
          <button type="button" onClick={close} disabled={sending}>
            {done ? '关闭' : '取消'}
          </button>
          {!done && (
            <button
              type="submit"
              className="primary"
              data-testid={`${page}-change-password-submit`}
              disabled={sending || !entry.current || !entry.next || !entry.repeat}
            >
              {sending ? '正在保存…' : '保存新密码'}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
