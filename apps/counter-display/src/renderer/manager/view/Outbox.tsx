import { useEffect } from 'react';
import { useActions } from './manager-context';
import { Notices } from './Notices';
import { RatingUploads } from './RatingUploads';
import './outbox.css';

/**
 * 通知发件箱: the notices the hall's sender (短信猫, 短信网关, or the window) sends or failed to send, and the 好差评
 * uploads waiting for the province. Both hold what only the hall office may see: fetched when the page opens, then
 * reloaded as the feed reports changes.
 */
export function Outbox() {
  const { loadOutbox } = useActions();
  useEffect(() => {
    void loadOutbox();
  }, [loadOutbox]);
  return (
    <section className="mgr-outbox" data-testid="outbox">
      <Notices />
      <RatingUploads />
    </section>
  );
}
