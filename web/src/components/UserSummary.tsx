import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../api/types';
import { useDealerNames } from '../pages/useDealerNames';

/** Who is signed in: name, their dealer (or the distributor) and their roles. */
export function UserSummary({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const dealers = useDealerNames();
  const roles = user.roles.map((role) => t(`roles.${role}`, { defaultValue: role })).join(', ');
  return (
    <div className="user-summary" aria-label={t('header.user')}>
      <span className="user-summary__name" data-testid="user-name">
        {user.displayName}
      </span>
      <span className="user-summary__meta">
        <span data-testid="user-dealer">{user.dealerId ? (dealers.get(user.dealerId) ?? t('header.dealer', { dealer: user.dealerId })) : t('header.distributor')}</span>
        <span aria-hidden="true"> · </span>
        <span data-testid="user-roles">{roles}</span>
      </span>
    </div>
  );
}
