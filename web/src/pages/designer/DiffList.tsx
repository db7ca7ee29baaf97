import type { DefinitionsDiff, ElementSummary, FacetChange } from '@dealerflow/designer';
import { useTranslation } from 'react-i18next';

function ElementLabel({ element }: { element: ElementSummary }) {
  return (
    <>
      <span className="diff-item__name">{element.name ?? element.id}</span>
      <span className="diff-item__type mono">{element.type.replace(/^bpmn:/, '')}</span>
    </>
  );
}

function Change({ change }: { change: FacetChange }) {
  const { t } = useTranslation();
  return (
    <li className="diff-change" data-facet={change.facet}>
      <span className="diff-change__facet">{t(`designer.diff.facets.${change.facet}`, { defaultValue: change.facet })}</span>
      <span className="diff-change__before mono">{change.before ?? t('designer.diff.unset')}</span>
      <span aria-hidden="true">→</span>
      <span className="diff-change__after mono">{change.after ?? t('designer.diff.unset')}</span>
    </li>
  );
}

/** What one version changes against another: elements added, removed, and changed aspect by aspect. */
export function DiffList({ diff }: { diff: DefinitionsDiff }) {
  const { t } = useTranslation();
  const count = diff.added.length + diff.removed.length + diff.changed.length;
  if (!count) return <p className="diff-empty" data-testid="diff-empty">{t('designer.diff.none')}</p>;
  return (
    <ul className="diff-list" data-testid="diff-list">
      {diff.added.map((element) => (
        <li key={`added:${element.id}`} className="diff-item diff-item--added" data-element={element.id} data-kind="added">
          <span className="diff-item__badge">{t('designer.diff.added')}</span>
          <ElementLabel element={element} />
        </li>
      ))}
      {diff.removed.map((element) => (
        <li key={`removed:${element.id}`} className="diff-item diff-item--removed" data-element={element.id} data-kind="removed">
          <span className="diff-item__badge">{t('designer.diff.removed')}</span>
          <ElementLabel element={element} />
        </li>
      ))}
      {diff.changed.map((element) => (
        <li key={`changed:${element.id}`} className="diff-item diff-item--changed" data-element={element.id} data-kind="changed">
          <span className="diff-item__badge">{t('designer.diff.changed')}</span>
          <ElementLabel element={element} />
          <ul className="diff-changes">
            {element.changes.map((change) => (
              <Change key={change.facet} change={change} />
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
