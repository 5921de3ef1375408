import { useEffect } from 'react';
import { BulletinDocument } from './BulletinDocument';
import { t, useActions, useManager } from './manager-context';
import { saveFile } from './save-file';
import './bulletin.css';

/** 月度通报: the month's bulletin as the office hands it over, printable on A4 and downloadable as Excel. */
export function Bulletin() {
  const month = useManager((s) => s.bulletinMonth);
  const status = useManager((s) => s.bulletinStatus);
  const workbook = useManager((s) => s.bulletinWorkbook);
  const hallLoaded = useManager((s) => s.hall !== null);
  const { openBulletin, chooseBulletinMonth, downloadBulletin } = useActions();
  useEffect(() => {
    if (hallLoaded) void openBulletin(new Date());
  }, [openBulletin, hallLoaded]);

  return (
    <section className="bulletin" data-testid="bulletin">
      <div className="bulletin-toolbar">
        <label>
          {t('bulletin.month')}
          <input
            type="month"
            data-testid="bulletin-month"
            value={month ?? ''}
            onChange={(e) => e.target.value && void chooseBulletinMonth(e.target.value)}
          />
        </label>
        <button
          type="button"
          data-testid="bulletin-print"
          disabled={status !== 'loaded'}
          onClick={() => window.print()}
        >
          {t('bulletin.print')}
        </button>
        <button
          type="button"
          data-testid="bulletin-download"
          disabled={status !== 'loaded' || workbook === 'downloading'}
          onClick={() => void downloadBulletin().then((file) => file && saveFile(file))}
        >
          {t(workbook === 'downloading' ? 'bulletin.downloading' : 'bulletin.download')}
        </button>
        {workbook === 'failed' && <span className="mgr-error">{t('bulletin.downloadFailed')}</span>}
      </div>
      {status === 'loading' && <p className="mgr-notice">{t('bulletin.loading')}</p>}
      {status === 'failed' && <p className="mgr-error">{t('bulletin.failed')}</p>}
      {status === 'loaded' && <BulletinDocument />}
    </section>
  );
}
