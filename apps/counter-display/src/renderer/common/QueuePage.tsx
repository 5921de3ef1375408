import { loadHallAndQueues } from '@hallq/shared';
import { queueRows } from './queue-rows';
import { usePolling } from './use-polling';

const REFRESH_MS = 5000;

export interface QueuePageProps {
  /** What this screen is: 柜台, 大厅显示屏 or 管理端. */
  title: string;
  size: 'normal' | 'large';
}

export function QueuePage({ title, size }: QueuePageProps) {
  const { data, error } = usePolling(loadHallAndQueues, REFRESH_MS);
  const rows = data ? queueRows(data.hall.windowTypes, data.queues) : [];

  return (
    <main className={`page ${size}`}>
      <header className="page-header">
        <h1>{title}</h1>
        {data && <p className="hall-name">{data.hall.name.zh}</p>}
      </header>
      {error && <p className="notice">{data ? '连接中断，显示的可能不是最新信息' : '暂时无法连接服务器，正在重试…'}</p>}
      {!data && !error && <p className="notice">正在加载…</p>}
      {data && (
        <table className="queues">
          <thead>
            <tr>
              <th>业务类型</th>
              <th>等候人数</th>
              <th>预计等待</th>
              <th>最长等待</th>
              <th>办理窗口</th>
              <th>今日取号</th>
              <th>状态</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code} className={r.emptyPost ? 'empty-post' : r.open ? undefined : 'closed'}>
                <td>{r.name}</td>
                <td className="num">{r.waiting}</td>
                <td>{r.estimatedWait}</td>
                <td>{r.longestWait}</td>
                <td>{r.windows}</td>
                <td className="num">{r.issued}</td>
                <td>{r.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
