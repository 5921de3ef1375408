import { noticeOffer } from '../store/slices/notices/selectors';
import type { CounterState } from '../store/types';
import { useActions } from '../view/counter-context';
import { Modal } from '../view/Dialogs';
import { NoticePage, NoticePrintLayer } from './NoticePage';
import { noticeLanguage, wordNotice } from './notice-words';

/**
 * The print offer after a finish that needs a notice, or a reprint from 今日通知书: the notice as it will print, the
 * applicant's name for it, 打印 (Enter) and 跳过 (Esc). The same page is in the print layer, which is what prints.
 */
export function NoticeDialog(props: { state: CounterState }) {
  const { editNoticeName, printNotice, skipNotice } = useActions();
  const offer = noticeOffer(props.state);
  if (!offer) return null;
  const { draft, notice } = offer;
  const worded = wordNotice(notice, noticeLanguage(notice));
  const page = <NoticePage notice={worded} kind={notice.kind} />;

  return (
    <>
      <Modal
        title={`打印${worded.title}（${notice.ticketNumber}）`}
        testId="notice-dialog"
        onSubmit={() => void printNotice()}
        onClose={skipNotice}
        footer={
          <>
            <button type="button" data-testid="notice-skip" onClick={skipNotice} disabled={draft.printing}>
              跳过（Esc）
            </button>
            <button type="submit" className="primary" data-testid="notice-confirm" disabled={draft.printing}>
              {draft.printing ? '正在打印…' : '打印（Enter）'}
            </button>
          </>
        }
      >
        <div className="notice-offer">
          <div className="notice-sheet" data-testid="notice-sheet" data-kind={notice.kind}>
            {page}
          </div>
          <div className="fields">
            <label>
              申请人姓名（可选）
              {/* Focused on opening: the clerk types the name, or presses Enter to print without one. */}
              <input
                data-testid="notice-applicant"
                value={draft.applicantName}
                maxLength={50}
                autoFocus
                disabled={draft.printing}
                onChange={(e) => editNoticeName(e.target.value)}
              />
            </label>
            <p className="muted">姓名只以“张*”的形式印在通知书上，不上传、不保存。</p>
            {draft.error && (
              <p className="form-error" role="alert" data-testid="notice-error">
                {draft.error}
              </p>
            )}
          </div>
        </div>
      </Modal>
      <NoticePrintLayer>{page}</NoticePrintLayer>
    </>
  );
}
