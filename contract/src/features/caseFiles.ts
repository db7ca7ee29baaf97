import { Type, type Static } from '@sinclair/typebox';
import { route } from '../route';
import { DateTime, Items, KeyParams } from '../common';

/** A comment on a case. */
export const CaseComment = Type.Object({ id: Type.String(), processInstanceKey: Type.String(), author: Type.String(), body: Type.String(), createdAt: DateTime });
export type CaseComment = Static<typeof CaseComment>;

/** A file attached to a case; `sha256` names its content. */
export const CaseAttachment = Type.Object({
  id: Type.String(),
  processInstanceKey: Type.String(),
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  uploadedBy: Type.String(),
  createdAt: DateTime,
});
export type CaseAttachment = Static<typeof CaseAttachment>;

/** A file uploaded for a start form before its case exists; the form names it by id. */
export const StagedUpload = Type.Object({ id: Type.String(), fileName: Type.String(), contentType: Type.String(), size: Type.Integer() });
export type StagedUpload = Static<typeof StagedUpload>;

/** The file name of an upload (the body is the file itself). */
export const UploadQuery = Type.Object({ name: Type.String({ pattern: '^[^/\\\\\\u0000-\\u001f]{1,200}$', description: 'the file name: no folders, no control characters' }) });

const file = { mediaType: 'application/octet-stream', description: 'The file itself, its type as `Content-Type`; at most 10 MB (a 413 beyond)' };

/** Comments and files of a case, and files for a start form. */
export const caseFileRoutes = {
  comments: route({ method: 'GET', path: '/api/process-instances/:key/comments', summary: 'The comments of a case, oldest first', tags: ['cases'], auth: 'user', params: KeyParams, responses: { 200: Items(CaseComment) } }),
  comment: route({
    method: 'POST',
    path: '/api/process-instances/:key/comments',
    summary: 'Comments on a case',
    tags: ['cases'],
    auth: 'user',
    params: KeyParams,
    body: Type.Object({ body: Type.String({ minLength: 1, maxLength: 4000, pattern: '\\S' }) }, { additionalProperties: false }),
    responses: { 201: CaseComment },
  }),
  attachments: route({ method: 'GET', path: '/api/process-instances/:key/attachments', summary: 'The files of a case, oldest first', tags: ['cases'], auth: 'user', params: KeyParams, responses: { 200: Items(CaseAttachment) } }),
  attach: route({
    method: 'POST',
    path: '/api/process-instances/:key/attachments',
    summary: 'Attaches a file to a case; its type is checked against its content',
    tags: ['cases'],
    auth: 'user',
    params: KeyParams,
    query: UploadQuery,
    rawBody: file,
    responses: { 201: CaseAttachment },
  }),
  download: route({
    method: 'GET',
    path: '/api/process-instances/:key/attachments/:id',
    summary: 'Downloads a file of a case',
    tags: ['cases'],
    auth: 'user',
    params: Type.Object({ key: Type.String(), id: Type.String() }),
    responses: { 200: { mediaType: 'application/octet-stream', description: 'The file as an attachment download; `Content-Type` is the type it was stored with' } },
  }),
  upload: route({
    method: 'POST',
    path: '/api/uploads',
    summary: 'Uploads a file for a start form before the case exists',
    tags: ['start'],
    auth: 'user',
    query: UploadQuery,
    rawBody: file,
    responses: { 201: StagedUpload },
  }),
};
