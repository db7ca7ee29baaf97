import { Type, type Static } from '@sinclair/typebox';
import { route } from '../route';
import { DateTime, Items } from '../common';
import { InboxSort, TaskState } from './tasks';

/** The inbox filters a saved view keeps, as `/api/tasks` parameters. */
export const SavedViewFilters = Type.Object(
  {
    state: Type.Optional(TaskState),
    assignee: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    candidateGroup: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    dealerId: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    processId: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    dueBefore: Type.Optional(Type.String({ format: 'date-time' })),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    sort: Type.Optional(InboxSort),
  },
  { additionalProperties: false },
);
export type SavedViewFilters = Static<typeof SavedViewFilters>;

/** One of the user's saved inbox views. */
export const SavedView = Type.Object({ id: Type.String(), name: Type.String(), filters: SavedViewFilters, createdAt: DateTime });
export type SavedView = Static<typeof SavedView>;

/** The signed-in user's saved inbox views; another user's view answers 404. */
export const savedViewRoutes = {
  list: route({ method: 'GET', path: '/api/me/views', summary: "The user's saved inbox views, by name", tags: ['inbox views'], auth: 'user', responses: { 200: Items(SavedView) } }),
  create: route({
    method: 'POST',
    path: '/api/me/views',
    summary: 'Saves the inbox filters under a name',
    tags: ['inbox views'],
    auth: 'user',
    body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }), filters: SavedViewFilters }, { additionalProperties: false }),
    responses: { 201: SavedView },
  }),
  remove: route({ method: 'DELETE', path: '/api/me/views/:id', summary: 'Deletes a saved view', tags: ['inbox views'], auth: 'user', params: Type.Object({ id: Type.String() }), responses: { 204: null } }),
};
