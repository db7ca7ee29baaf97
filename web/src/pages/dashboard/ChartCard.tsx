import type { ReactNode } from 'react';
import { StatusPanel } from '../../components/StatusPanel';

/** One dashboard figure: a titled card with its chart, or a sentence when there is nothing to draw. */
export function ChartCard({ id, title, note, empty, emptyText, wide = false, children }: { id: string; title: string; note?: string; empty: boolean; emptyText: string; wide?: boolean; children: ReactNode }) {
  return (
    <section className={`card dashboard-card${wide ? ' dashboard-card--wide' : ''}`} aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`} className="card__title">{title}</h2>
      {note && <p className="dashboard-card__note muted">{note}</p>}
      {empty ? <StatusPanel kind="empty" title={emptyText} /> : <div className="dashboard-card__chart">{children}</div>}
    </section>
  );
}
