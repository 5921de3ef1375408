import { useHallTime, useManager } from './manager-context';

/**
 * 好差评上报: the ratings waiting for the provincial 好差评 system, the one the sender is stuck on and why (it keeps
 * their order, so it retries the oldest), and when the province last took one.
 */
export function RatingUploads() {
  const { dateTime } = useHallTime();
  const uploads = useManager((s) => s.ratingUploads);
  if (!uploads) return null;
  const { configured, pending, oldestPendingAt, failing, nextAttemptAt, lastAcceptedAt } = uploads;
  return (
    <section className="mgr-uploads" data-testid="rating-uploads" data-pending={pending}>
      <h2>好差评数据上报</h2>
      {!configured ? (
        <p className="mgr-notice">
          未配置省级好差评系统接口：评价暂存于本地（{pending} 条待上报），可在“统计”中按期间导出后报送。
        </p>
      ) : (
        <p className="mgr-notice" data-testid="rating-uploads-summary">
          {pending === 0 ? '全部评价已上报。' : `待上报 ${pending} 条，最早一条生成于 ${dateTime(oldestPendingAt!)}。`}
          {lastAcceptedAt && ` 最近一次上报成功：${dateTime(lastAcceptedAt)}。`}
        </p>
      )}
      {failing.length > 0 && (
        <div className="mgr-error" role="alert" data-testid="rating-uploads-failing">
          <p>
            上报失败 {failing.length} 条（按顺序重试{nextAttemptAt ? `，下次 ${dateTime(nextAttemptAt)}` : ''}）：
          </p>
          <ul>
            {failing.slice(0, 5).map((f) => (
              <li key={f.ratingId}>
                {f.hallDay} · 已尝试 {f.attempts} 次 · {f.lastError}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
