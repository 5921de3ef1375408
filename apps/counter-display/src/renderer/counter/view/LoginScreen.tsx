import { type FormEvent, useState } from 'react';
import { OneTimePasswordChoice } from '../../common/OneTimePasswordChoice';
import { useActions, useCounter } from './counter-context';

export function LoginScreen() {
  const choice = useCounter((s) => s.passwordChoice);
  const actions = useActions();
  if (!choice) return <LoginForm />;
  return (
    <main className="login">
      <OneTimePasswordChoice
        look={{ page: 'counter', className: 'login-card', errorClassName: 'form-error' }}
        choice={choice}
        actions={actions}
      />
    </main>
  );
}

function LoginForm() {
  const hall = useCounter((s) => s.hall);
  const hallStatus = useCounter((s) => s.hallStatus);
  const windowNumber = useCounter((s) => s.windowNumber);
  const sending = useCounter((s) => s.loginStatus === 'sending');
  const error = useCounter((s) => s.loginError);
  const canMove = useCounter((s) => s.loginCanMove);
  const notice = useCounter((s) => s.sessionNotice);
  const { login, chooseWindow, loadHall } = useActions();
  const [staffId, setStaffId] = useState('');
  const [password, setPassword] = useState('');
  const [takeOver, setTakeOver] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void login(staffId.trim(), password, { takeOver });
  };

  return (
    <main className="login">
      <form className="login-card" onSubmit={submit}>
        <h1>窗口登录</h1>
        {hall && <p className="login-hall">{hall.name.zh}</p>}
        {notice && (
          <p className="login-notice" role="status">
            {notice}
          </p>
        )}
        <label>
          窗口
          <select
            data-testid="login-window"
            value={windowNumber ?? ''}
            onChange={(e) => chooseWindow(Number(e.target.value))}
            required
          >
            <option value="" disabled>
              {hallStatus === 'failed' ? '无法读取窗口列表' : '请选择窗口'}
            </option>
            {/* Before the hall loads, a window from ?window= or the last login still shows. */}
            {!hall && windowNumber !== null && <option value={windowNumber}>{windowNumber}号窗口</option>}
            {hall?.windows.map((w) => (
              <option key={w.number} value={w.number}>
                {w.name.zh}（{w.zone}）
              </option>
            ))}
          </select>
        </label>
        <label>
          工号
          <input
            data-testid="login-staff"
            value={staffId}
            onChange={(e) => setStaffId(e.target.value)}
            autoComplete="username"
            autoFocus
            required
          />
        </label>
        <label>
          密码
          <input
            data-testid="login-password"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            required
          />
        </label>
        <label className="login-take-over">
          <input
            type="checkbox"
            data-testid="login-take-over"
            checked={takeOver}
            onChange={(e) => setTakeOver(e.target.checked)}
          />
          原值守人员已离开：立即接岗，含正在办理的号
        </label>
        {error && (
          <p className="form-error" role="alert" data-testid="login-error">
            {error.message}
          </p>
        )}
        {canMove && (
          <button
            type="button"
            data-testid="login-move"
            disabled={sending}
            onClick={() => void login(staffId.trim(), password, { move: true, takeOver })}
          >
            离开原窗口，在本窗口登录
          </button>
        )}
        <button type="submit" className="primary" data-testid="login-submit" disabled={sending}>
          {sending ? '正在登录…' : '登录'}
        </button>
        {hallStatus === 'failed' && (
          <button type="button" onClick={() => void loadHall()}>
            重新读取窗口列表
          </button>
        )}
      </form>
    </main>
  );
}
