import type { ReactNode } from 'react';

/** A calm placeholder for a page or table area: loading, empty, error or "coming soon". */
export function StatusPanel({ kind, title, children, action }: { kind: 'loading' | 'empty' | 'error' | 'info'; title?: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className={`status-panel status-panel--${kind}`} role={kind === 'error' ? 'alert' : 'status'} aria-busy={kind === 'loading' || undefined}>
      {kind === 'loading' && <span className="spinner" aria-hidden="true" />}
      {title && <p className="status-panel__title">{title}</p>}
      {children && <div className="status-panel__body">{children}</div>}
      {action && <div className="status-panel__action">{action}</div>}
    </div>
  );
}
