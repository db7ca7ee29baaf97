import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../api/apiFetch';
import type { ItemsResponse, UserView } from '../api/types';

type Person = Pick<UserView, 'username' | 'displayName'>;

/** A people picker beside a comment box: choosing someone writes `@login` into the text, which notifies them. */
export function MentionPicker({ onPick }: { onPick: (login: string) => void }) {
  const { t } = useTranslation();
  const [people, setPeople] = useState<Person[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    apiFetch<ItemsResponse<Person>>('/api/users', { signal: controller.signal }).then(({ items }) => setPeople(items), () => undefined);
    return () => controller.abort();
  }, []);
  if (!people.length) return null;
  return (
    <select
      className="mention-picker"
      aria-label={t('notifications.mention.label')}
      value=""
      onChange={(event) => {
        if (event.target.value) onPick(event.target.value);
      }}
    >
      <option value="">{t('notifications.mention.placeholder')}</option>
      {people.map((person) => <option key={person.username} value={person.username}>{person.displayName}</option>)}
    </select>
  );
}
