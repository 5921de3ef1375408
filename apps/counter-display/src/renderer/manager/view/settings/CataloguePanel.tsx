import type { CataloguePreview } from '@hallq/shared/contracts';
import { useId, useRef, useState } from 'react';
import { useActions, useManager } from '../manager-context';
import { saveFile } from '../save-file';
import { st } from './settings-context';

/** The file's bytes in base64, as the preview and the import carry them. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
}

/**
 * 事项清单: the catalogue as a spreadsheet out, and a spreadsheet in — previewed first (its problems by row and
 * column, what it adds and changes), imported only once it has no problem.
 */
export function CataloguePanel() {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const catalogue = useManager((s) => s.catalogue);
  const manager = useManager((s) => s.session?.staff.role === 'manager');
  const { previewCatalogue, importCatalogue, clearCatalogue, downloadSettingsFile } = useActions();
  const [problem, setProblem] = useState<string | null>(null);

  const choose = async (file: File | undefined) => {
    setProblem(null);
    if (!file) return;
    const format = /\.xlsx$/i.test(file.name) ? 'xlsx' : /\.csv$/i.test(file.name) ? 'csv' : null;
    if (!format) {
      setProblem(st('catalogue.badType'));
      return;
    }
    await previewCatalogue({ name: file.name, format, content: await readBase64(file) });
  };
  const download = async (name: 'catalogueXlsx' | 'catalogueCsv' | 'hallFile') => {
    const file = await downloadSettingsFile(name);
    if (file) saveFile(file);
    else setProblem(st('catalogue.downloadFailed'));
  };
  const cancel = () => {
    clearCatalogue();
    if (input.current) input.current.value = '';
  };

  return (
    <section className="set-catalogue" data-testid="settings-catalogue" aria-labelledby={`${id}-title`}>
      <div className="set-section-head">
        <h3 id={`${id}-title`}>{st('catalogue.title')}</h3>
        <div className="set-section-tools">
          <button type="button" className="secondary" onClick={() => void download('catalogueXlsx')}>
            {st('catalogue.xlsx')}
          </button>
          <button type="button" className="secondary" onClick={() => void download('catalogueCsv')}>
            {st('catalogue.csv')}
          </button>
          {manager && (
            <button type="button" className="secondary" onClick={() => void download('hallFile')}>
              {st('catalogue.hallFile')}
            </button>
          )}
        </div>
      </div>
      <div className="set-file">
        {/* The browser's own file button speaks the PC's language: a label in the console's words opens it. */}
        <input
          ref={input}
          id={id}
          type="file"
          accept=".xlsx,.csv"
          className="set-visually-hidden"
          data-testid="settings-catalogue-file"
          onChange={(e) => void choose(e.target.files?.[0])}
        />
        <label htmlFor={id} className="set-file-button">
          {st('catalogue.choose')}
        </label>
        {catalogue.file && <span>{catalogue.file.name}</span>}
      </div>
      {problem && <p className="mgr-error">{problem}</p>}
      {catalogue.status === 'previewing' && <p className="mgr-notice">{st('catalogue.reading')}</p>}
      {catalogue.error && (
        <p className="mgr-error" role="alert">
          {st('catalogue.failed', { message: catalogue.error })}
        </p>
      )}
      {catalogue.preview && (
        <Preview
          preview={catalogue.preview}
          importing={catalogue.status === 'importing'}
          onImport={async () => {
            if (await importCatalogue()) cancel();
          }}
          onCancel={cancel}
        />
      )}
    </section>
  );
}

function Preview(props: { preview: CataloguePreview; importing: boolean; onImport(): void; onCancel(): void }) {
  const { preview } = props;
  return (
    <div className="set-preview" data-testid="settings-catalogue-preview">
      <p>
        {st('catalogue.rows', {
          rows: preview.rows,
          added: preview.added.length,
          changed: preview.changed.length,
          unchanged: preview.unchanged,
        })}
      </p>
      {preview.problems.length > 0 && (
        <>
          <p className="mgr-error">{st('catalogue.problems', { count: preview.problems.length })}</p>
          <table className="set-table" data-testid="settings-catalogue-problems">
            <thead>
              <tr>
                <th scope="col">{st('catalogue.row')}</th>
                <th scope="col">{st('catalogue.column')}</th>
                <th scope="col">{st('catalogue.message')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.problems.map((p, i) => (
                <tr key={i} data-testid={`settings-catalogue-problem-${p.row}`}>
                  <td>{p.row === 0 ? st('catalogue.problemFile') : st('catalogue.problemRow', { row: p.row })}</td>
                  <td>{p.column}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {(preview.added.length > 0 || preview.changed.length > 0) && (
        <ul className="set-changes" data-testid="settings-catalogue-changes">
          {preview.added.map((a) => (
            <li key={a.code}>
              <span className="set-tag added">{st('catalogue.added')}</span> {a.code} {a.name}
            </li>
          ))}
          {preview.changed.map((c) => (
            <li key={c.code}>
              <span className="set-tag changed">{st('catalogue.changed')}</span> {c.code} {c.name}（
              {c.fields.join('、')}）
            </li>
          ))}
        </ul>
      )}
      {preview.absent.length > 0 && (
        <details className="mgr-notice">
          <summary>{st('catalogue.absent', { count: preview.absent.length })}</summary>
          {preview.absent.join('、')}
        </details>
      )}
      <div className="mgr-dialog-actions">
        <button type="button" className="secondary" onClick={props.onCancel}>
          {st('catalogue.cancel')}
        </button>
        <button
          type="button"
          data-testid="settings-catalogue-import"
          disabled={preview.problems.length > 0 || props.importing}
          onClick={props.onImport}
        >
          {props.importing ? st('catalogue.importing') : st('catalogue.import')}
        </button>
      </div>
    </div>
  );
}
