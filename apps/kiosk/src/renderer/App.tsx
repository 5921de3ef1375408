import { loadHallAndQueues } from '@hallq/shared';
import { usePolling } from './use-polling';
import { tileTexts } from './tile-text';

const REFRESH_MS = 5000;

export function App() {
  const { data, error } = usePolling(loadHallAndQueues, REFRESH_MS);

  if (!data) {
    return (
      <main className="kiosk">
        <p className="notice">{error ? '暂时无法连接服务器，正在重试…' : '正在加载…'}</p>
      </main>
    );
  }

  const tiles = tileTexts(data.hall.windowTypes, data.queues.queues, data.hall.timeZone);
  return (
    <main className="kiosk">
      <h1 className="hall-name">{data.hall.name.zh}</h1>
      {error && <p className="notice">网络不稳定，显示的可能不是最新信息</p>}
      <ul className="tiles">
        {tiles.map((tile) => (
          <li key={tile.code} className={tile.open ? 'tile' : 'tile closed'}>
            <h2 className="tile-name">{tile.name}</h2>
            <p className="tile-waiting">{tile.waiting}</p>
            <p className="tile-status">{tile.status}</p>
          </li>
        ))}
      </ul>
    </main>
  );
}
