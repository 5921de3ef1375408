import { ApiError, type HallClient } from '@hallq/shared/client';

/** What the person typed: the password they hold now, and the new one twice. */
export interface OwnPasswordEntry {
  current: string;
  next: string;
  repeat: string;
}

/**
 * Why a password was not changed, in plain Chinese, beside the field it is about (null: the form as a whole), with
 * the server's own words (English, precise) when it answered.
 */
export interface OwnPasswordProblem {
  field: keyof OwnPasswordEntry | null;
  message: string;
  detail: string | null;
}

export type OwnPasswordResult = { ok: true } | { ok: false; problem: OwnPasswordProblem };

/** The hall's rule for a password (the NewPassword schema of the settings contract), as staff read it. */
export const PASSWORD_RULES =
  '新密码至少 8 个字符（最多 128 个），须同时含有数字和字母（或符号），且不能与原密码相同。';

/** The server's words for a refused new password (the NewPassword schema and the change route), in Chinese. */
const NEXT_REFUSALS: Record<string, string> = {
  'must be at least 8 characters': '新密码太短：至少 8 个字符',
  'must be at most 128 characters': '新密码太长：最多 128 个字符',
  'must mix digits with letters or signs': '新密码须同时含有数字和字母（或符号）',
  'must differ from the current password': '新密码不能与原密码相同',
};

const FIELDS: readonly string[] = ['current', 'next'];

function problemOf(error: unknown): OwnPasswordProblem {
  if (!(error instanceof ApiError)) {
    return { field: null, message: '无法连接服务器，密码未确认修改，请稍后再试', detail: null };
  }
  const detail = error.message;
  // The route checks the current password as a login does: a wrong one is refused 401, and counts towards a lockout.
  if (error.code === 'unauthorized') return { field: 'current', message: '原密码不正确', detail };
  if (error.code === 'too_many_requests') {
    const wait = error.retryAfterSeconds === null ? '' : `，请 ${error.retryAfterSeconds} 秒后再试`;
    return { field: 'current', message: `密码输错次数过多，暂时锁定${wait}`, detail };
  }
  const field = error.code === 'validation_failed' ? error.fields.find((f) => FIELDS.includes(f.path)) : undefined;
  if (field) {
    const message = field.path === 'next' ? (NEXT_REFUSALS[field.message] ?? '新密码不符合要求') : '请输入原密码';
    return { field: field.path as 'current' | 'next', message, detail: field.message };
  }
  return { field: null, message: '密码没有修改', detail };
}

/**
 * Changes the person's own password with their session's `token`. The two new entries must match before anything is
 * sent; whether the new one is strong enough is the server's to say (the same schema as its contract), so the form
 * shows the rule the server applied rather than a copy that could drift from it.
 */
export async function changeOwnPassword(
  client: HallClient,
  token: string | null,
  entry: OwnPasswordEntry,
): Promise<OwnPasswordResult> {
  if (entry.next !== entry.repeat) {
    return { ok: false, problem: { field: 'repeat', message: '两次输入的新密码不一致', detail: null } };
  }
  if (token === null) {
    return { ok: false, problem: { field: null, message: '登录已失效，请重新登录', detail: null } };
  }
  try {
    await client.call('changePassword', { body: { current: entry.current, next: entry.next }, token });
    return { ok: true };
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
}

/**
 * A login with a one-time password the manager set: its token serves only to choose the person's own password, typed
 * in place of the one-time one (kept here, never stored, so the person need not type it twice).
 */
export interface PasswordChoice<S extends { token: string }> {
  session: S;
  oneTime: string;
  sending: boolean;
  problem: OwnPasswordProblem | null;
}

/**
 * The steps of the "choose your own password" form, for a store that keeps the choice under its own key (`read`,
 * `write`). `choose` answers the session once the new password is the person's, and null while it is not.
 */
export function passwordChoiceSteps<S extends { token: string }>(
  client: HallClient,
  read: () => PasswordChoice<S> | null,
  write: (choice: PasswordChoice<S> | null) => void,
) {
  return {
    async choose(next: string, repeat: string): Promise<S | null> {
      const choice = read();
      if (!choice || choice.sending) return null;
      const sending = { ...choice, sending: true, problem: null };
      write(sending);
      const entry = { current: choice.oneTime, next, repeat };
      const result = await changeOwnPassword(client, choice.session.token, entry);
      // Left for the login form meanwhile: that session has been ended.
      if (read() !== sending) return null;
      if (!result.ok) {
        write({ ...choice, sending: false, problem: result.problem });
        return null;
      }
      write(null);
      return choice.session;
    },

    /** Back to the login form: the one-time session is ended now rather than left valid until it expires. */
    cancel(): void {
      const choice = read();
      write(null);
      if (choice) client.call('logout', { token: choice.session.token }).catch(() => undefined);
    },
  };
}
