import type { NoticeKind } from '@hallq/shared/domain';
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { WordedNotice } from './notice-words';
import './notice.css';

/**
 * One notice on one A4 sheet: the hall, the title, the table of facts, what the notice says, and the department's
 * seal with the date at the foot, right-aligned. Sizes are in print units, so the preview is the paper, scaled.
 */
export function NoticePage(props: { notice: WordedNotice; kind: NoticeKind }) {
  const { notice } = props;
  return (
    <article className="notice-page" data-kind={props.kind}>
      <header>
        <p className="notice-hall">{notice.hallName}</p>
        <h1 className="notice-title">{notice.title}</h1>
      </header>
      <table className="notice-rows">
        <tbody>
          {notice.rows.map((row) => (
            <tr key={row.name} data-field={row.name}>
              <th scope="row">{row.label}</th>
              <td>{row.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="notice-body">
        {notice.sections.map((section, i) =>
          section.type === 'list' ? (
            <ol key={i} className="notice-list">
              {section.items.map((item, j) => (
                <li key={j}>{item}</li>
              ))}
            </ol>
          ) : (
            <p key={i} className={section.stress ? 'stress' : undefined}>
              {section.text}
            </p>
          ),
        )}
      </div>
      <footer className="notice-seal">
        <div className="notice-seal-place">{notice.seal.place}</div>
        <p>
          {notice.seal.department}
          {notice.seal.mark}
        </p>
        <p>{notice.seal.date}</p>
      </footer>
    </article>
  );
}

/**
 * What the printer gets: a layer straight under <body>, hidden on screen, and when printing the only thing shown
 * (notice.css), so neither the panel nor the dialog over it ever reaches the paper.
 */
export function NoticePrintLayer(props: { children: ReactNode }) {
  return createPortal(
    <div className="notice-print" data-testid="notice-print">
      {props.children}
    </div>,
    document.body,
  );
}
