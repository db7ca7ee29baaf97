import { Type, type Static } from '@sinclair/typebox';
import { route } from '../route';
import { DeploymentResult } from './designer';

/** One file of a deployment: a `.bpmn`, `.dmn` or `.form.json` name and its text. */
export const DeploymentResource = Type.Object(
  { name: Type.String({ pattern: '^[\\w.-]{1,200}$' }), content: Type.String({ minLength: 1, maxLength: 2_000_000 }) },
  { additionalProperties: false },
);
export type DeploymentResource = Static<typeof DeploymentResource>;

/** What a deployment sends: its files, deployed together or not at all. */
export const DeploymentRequest = Type.Object({ resources: Type.Array(DeploymentResource, { minItems: 1, maxItems: 50 }) }, { additionalProperties: false });
export type DeploymentRequest = Static<typeof DeploymentRequest>;

/** Deploying processes, decisions and forms. */
export const deploymentRoutes = {
  deploy: route({
    method: 'POST',
    path: '/api/deployments',
    summary: 'Deploys BPMN, DMN and form files as new versions; a 400 with the lint errors when one is refused',
    tags: ['deployments'],
    auth: 'user',
    body: DeploymentRequest,
    responses: { 201: DeploymentResult },
  }),
};
