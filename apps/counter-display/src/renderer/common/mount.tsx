import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueuePage, type QueuePageProps } from './QueuePage';
import './styles.css';

/** Renders one page of the counter-display build into #root. */
export function mount(props: QueuePageProps): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('missing #root element');
  createRoot(root).render(
    <StrictMode>
      <QueuePage {...props} />
    </StrictMode>,
  );
}
