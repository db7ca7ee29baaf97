import { localizeLintMessage, type LintIssue } from '@dealerflow/designer';
import { useTranslation } from 'react-i18next';

/** The lint findings of the diagram, errors first; choosing one selects its element. */
export function LintIssueList({ issues, labelOf, onSelect }: { issues: LintIssue[]; labelOf: (id: string) => string; onSelect: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const errors = issues.filter((issue) => issue.category === 'error').length;
  return (
    <section className="lint-issues" aria-labelledby="lint-issues-title" data-testid="lint-issues">
      <header className="lint-issues__header">
        <h2 id="lint-issues-title" className="lint-issues__title">
          {t('designer.issues.title')}
        </h2>
        <span className={`lint-issues__summary ${errors ? 'lint-issues__summary--error' : 'lint-issues__summary--ok'}`} data-testid="lint-summary">
          {t('designer.issues.summary', { errors, warnings: issues.length - errors })}
        </span>
        {errors > 0 && <span className="lint-issues__note">{t('designer.issues.blocking')}</span>}
      </header>
      {issues.length === 0 ? (
        <p className="lint-issues__empty">{t('designer.issues.none')}</p>
      ) : (
        <ul className="lint-issues__list">
          {issues.map((issue, index) => (
            <li key={`${issue.rule}:${issue.id}:${index}`}>
              <button
                type="button"
                className={`lint-issue lint-issue--${issue.category}`}
                data-rule={issue.rule}
                data-element={issue.id}
                title={t('designer.issues.show', { element: labelOf(issue.id) })}
                onClick={() => onSelect(issue.id)}
              >
                <span className="lint-issue__badge">{t(`designer.issues.${issue.category}`)}</span>
                <span className="lint-issue__element">{labelOf(issue.id)}</span>
                <span className="lint-issue__message">{localizeLintMessage(issue.message, i18n.language)}</span>
                <span className="lint-issue__rule">{t(`designer.rules.${issue.rule}`, { defaultValue: issue.rule })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
