import { useCallback, useEffect, useState } from 'react';
import { apiFetch } from '../../api/apiFetch';
import type { ItemsResponse, SavedView, SavedViewFilters } from '../../api/types';

/** The user's saved inbox views: the list, and saving and deleting one (both throw ApiError on failure). */
export function useSavedViews() {
  const [views, setViews] = useState<SavedView[]>([]);
  const [loadError, setLoadError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    apiFetch<ItemsResponse<SavedView>>('/api/me/views', { signal: controller.signal }).then(
      ({ items }) => setViews(items),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoadError(error);
      },
    );
    return () => controller.abort();
  }, []);

  const save = useCallback(async (name: string, filters: SavedViewFilters): Promise<SavedView> => {
    const view = await apiFetch<SavedView>('/api/me/views', { method: 'POST', body: { name, filters } });
    setViews((current) => [...current, view].sort((a, b) => a.name.localeCompare(b.name)));
    return view;
  }, []);

  const remove = useCallback(async (id: string): Promise<void> => {
    await apiFetch<void>(`/api/me/views/${encodeURIComponent(id)}`, { method: 'DELETE' });
    setViews((current) => current.filter((view) => view.id !== id));
  }, []);

  return { views, loadError, save, remove };
}
