import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Router } from '@koa/router';
import { docsRoutes as docs, openApiDocument } from '@dealerflow/contract';
import { NotFoundError } from '../errors/AppError';
import { contractRoute } from '../http/contractRoute';

/** The viewer's files we serve from its package, with their media types. */
const viewerFiles: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

/** The page: no inline script or style, so the app's content security policy holds for it unchanged. */
const page = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Dealerflow API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
<link rel="icon" type="image/png" href="/api/docs/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/swagger-ui-standalone-preset.js"></script>
<script src="/api/docs/start.js"></script>
</body>
</html>
`;

/** Starts the viewer on our document; "try it out" calls go to this server with the browser's session. */
const start = `window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  withCredentials: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: 'StandaloneLayout',
});
`;

const serverVersion = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

/** `GET /api/openapi.json`, the API described by the contract, and `/api/docs`, a browsable reference of it served from our own files. */
export function docsRoutes(): Router {
  const router = new Router();
  const viewerRoot = dirname(require.resolve('swagger-ui-dist/package.json'));
  const loaded = new Map<string, Buffer>();
  const document = openApiDocument({ version: serverVersion });
  contractRoute(router, docs.openapi, async (ctx) => {
    ctx.set('Cache-Control', 'no-cache');
    return document;
  });
  contractRoute(router, docs.viewer, async (ctx) => {
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-cache');
    return page;
  });
  contractRoute(router, docs.viewerAsset, async (ctx, { params }) => {
    if (params.asset === 'start.js') {
      ctx.type = 'text/javascript; charset=utf-8';
      return start;
    }
    const type = viewerFiles[params.asset];
    if (!type) throw new NotFoundError('Documentation file', params.asset);
    ctx.type = type;
    ctx.set('Cache-Control', 'public, max-age=3600');
    let content = loaded.get(params.asset);
    if (!content) loaded.set(params.asset, (content = readFileSync(join(viewerRoot, params.asset))));
    return content;
  });
  return router;
}
