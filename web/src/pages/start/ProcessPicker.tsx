import { useTranslation } from 'react-i18next';
import type { StartableProcess } from '../../api/types';
import { formTitle } from '../../forms/localizeSchema';

/** The processes the user may start, one button each. */
export function ProcessPicker({ processes, chosen, onChoose }: { processes: StartableProcess[]; chosen: string | null; onChoose: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (
    <nav className="card process-picker" aria-label={t('start.processes')}>
      <ul>
        {processes.map((process) => (
          <li key={process.bpmnProcessId}>
            <button type="button" className="process-picker__item" aria-pressed={process.bpmnProcessId === chosen} data-process={process.bpmnProcessId} onClick={() => onChoose(process.bpmnProcessId)}>
              <span>{process.startForm ? formTitle(process.startForm.title, language) : process.name}</span>
              <span className="muted mono">
                {process.bpmnProcessId} · v{process.version}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
