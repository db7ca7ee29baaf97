import { useTranslation } from 'react-i18next';

/** One problem the server found in the file, by decision, rule or entry id. */
export interface DecisionProblem {
  field: string;
  message: string;
}

/** The problems of the last deploy, each naming the element it is about. */
export function DecisionProblems({ problems }: { problems: DecisionProblem[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <section className="decision-problems" aria-label={t('decisions.problems')} data-testid="decision-problems">
      <h2 className="decision-problems__title">{t('decisions.problemsTitle', { count: problems.length })}</h2>
      <ul>
        {problems.map((problem, index) => (
          <li key={index}>
            <span className="mono">{problem.field}</span> — {problem.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
