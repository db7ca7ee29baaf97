import { Type } from '@sinclair/typebox';
import { route } from '../route';
import { JsonObject } from '../common';

/** The API's own description and its browser. */
export const docsRoutes = {
  openapi: route({ method: 'GET', path: '/api/openapi.json', summary: 'This API as an OpenAPI 3.1 document', tags: ['docs'], auth: 'public', responses: { 200: JsonObject } }),
  viewer: route({ method: 'GET', path: '/api/docs', summary: 'The API reference, browsable', tags: ['docs'], auth: 'public', responses: { 200: { mediaType: 'text/html', description: 'the reference page' } } }),
  viewerAsset: route({
    method: 'GET',
    path: '/api/docs/:asset',
    summary: "The reference page's scripts and styles",
    tags: ['docs'],
    auth: 'public',
    params: Type.Object({ asset: Type.String() }),
    responses: { 200: { mediaType: 'application/octet-stream', description: 'a script, style sheet or image' } },
  }),
};
