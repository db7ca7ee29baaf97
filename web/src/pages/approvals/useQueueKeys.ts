import { useEffect, useState } from 'react';
import type { Decision } from './DecisionBar';

/** What the queue's keys act on: the rows in order, and what x, a and r do. */
export interface QueueKeyActions {
  keys: string[];
  onToggle: (key: string) => void;
  onDecide: (decision: Decision, current: string | undefined) => void;
}

function typing(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

/** j/k move the current row, x selects it, a/r approve or reject; keys typed into a field stay with the field. */
export function useQueueKeys({ keys, onToggle, onDecide }: QueueKeyActions): string | undefined {
  const [current, setCurrent] = useState<string | undefined>();
  const index = current === undefined ? -1 : keys.indexOf(current);
  const active = index >= 0 ? current : undefined;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      const move = (step: number) => {
        if (keys.length === 0) return;
        const next = index < 0 ? 0 : Math.min(keys.length - 1, Math.max(0, index + step));
        setCurrent(keys[next]);
        document.querySelector(`[data-task="${CSS.escape(keys[next])}"]`)?.scrollIntoView({ block: 'nearest' });
      };
      if (event.key === 'j') move(1);
      else if (event.key === 'k') move(-1);
      else if (event.key === 'x' && active) onToggle(active);
      else if (event.key === 'a') onDecide('approve', active);
      else if (event.key === 'r') onDecide('reject', active);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keys, index, active, onToggle, onDecide]);

  return active;
}
