import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

const tabs = [
  { path: '/designer', key: 'designer.tabs.processes' },
  { path: '/designer/decisions', key: 'designer.tabs.decisions' },
] as const;

/** The designer's parts: process diagrams and decision tables. */
export function DesignerTabs() {
  const { t } = useTranslation();
  return (
    <nav className="designer-tabs" aria-label={t('designer.tabs.label')}>
      {tabs.map((tab) => (
        <NavLink key={tab.path} to={tab.path} end className={({ isActive }) => `designer-tabs__tab${isActive ? ' designer-tabs__tab--active' : ''}`}>
          {t(tab.key)}
        </NavLink>
      ))}
    </nav>
  );
}
