import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { allowedSections } from '../navigation';
import { useSignedInSession } from '../session/useSignedInSession';

/** The section list, showing only what the user's rules allow. */
export function SideNav() {
  const { t } = useTranslation();
  const { ability } = useSignedInSession();
  return (
    <nav className="side-nav" aria-label={t('nav.label')}>
      <ul className="side-nav__list">
        {allowedSections(ability).map((entry) => (
          <li key={entry.id}>
            <NavLink to={entry.path} className="side-nav__link" data-section={entry.id}>
              {t(`nav.${entry.id}`)}
              {entry.comingSoon && <span className="side-nav__soon">{t('comingSoon.badge')}</span>}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
