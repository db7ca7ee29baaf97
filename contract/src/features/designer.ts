import { Type, type Static } from '@sinclair/typebox';
import { route } from '../route';
import { Items, JsonObject, Nullable } from '../common';

/** A BPMN id as the engine accepts it for a process (an XML NCName, at most 128 characters). */
export const processIdPattern = '^[A-Za-z_][\\w.-]{0,127}$';

/** A form reference as a draft or a version carries it. */
export const LinkedForm = Type.Object({ id: Type.String() });

/** A saved diagram draft as listed. */
export const DraftSummary = Type.Object({ processId: Type.String(), name: Type.String(), revision: Type.Integer(), savedBy: Type.String(), savedAt: Type.String() });
export type DraftSummary = Static<typeof DraftSummary>;

/** A draft with its diagram and forms. */
export const DraftDocument = Type.Object({ ...DraftSummary.properties, xml: Type.String(), forms: Type.Array(LinkedForm) });
export type DraftDocument = Static<typeof DraftDocument>;

/** What a draft save sends: the diagram, its forms, and the revision the editor started from (0 for a new draft). */
export const DraftSave = Type.Object(
  {
    // as large as the request body may be (LONGTEXT on MySQL)
    xml: Type.String({ minLength: 1 }),
    forms: Type.Array(Type.Object({ id: Type.String({ pattern: '^[\\w.-]{1,128}$' }) }), { maxItems: 50 }),
    revision: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type DraftSave = Static<typeof DraftSave>;

/** A deployed process as the designer's open list shows it: its latest version and how many there are. */
export const DeployedProcess = Type.Object({ processId: Type.String(), name: Type.String(), latestVersion: Type.Integer(), versions: Type.Integer(), deployedAt: Type.String(), deployedBy: Type.String() });
export type DeployedProcess = Static<typeof DeployedProcess>;

/** A plugin the workers serve, for the designer's element templates. */
export const PluginDescriptor = Type.Object({ taskType: Type.String(), title: Type.String(), description: Type.String(), input: JsonObject, output: JsonObject });
export type PluginDescriptor = Static<typeof PluginDescriptor>;

/** A deployed version as the versions list shows it. */
export const VersionSummary = Type.Object({
  version: Type.Integer(),
  key: Type.String(),
  name: Type.String(),
  resourceName: Type.String(),
  deployedAt: Type.String(),
  deployedBy: Type.String(),
  /** SHA-256 of the deployed BPMN, hex; null when the version predates keeping it. */
  checksum: Nullable(Type.String()),
});
export type VersionSummary = Static<typeof VersionSummary>;

/** A version with its BPMN and the forms it linked when deployed. */
export const VersionDocument = Type.Object({ ...VersionSummary.properties, xml: Type.String(), forms: Type.Array(LinkedForm) });
export type VersionDocument = Static<typeof VersionDocument>;

/** A version compared with another one (`against` null: with nothing). The diff's shape is the designer's `DefinitionsDiff`. */
export const VersionDiff = Type.Object({ version: Type.Integer(), against: Nullable(Type.Integer()), diff: JsonObject, forms: JsonObject });
export type VersionDiff = Static<typeof VersionDiff>;

/** What a deployment answered. */
export const DeploymentResult = Type.Object({
  processes: Type.Array(Type.Object({ bpmnProcessId: Type.String(), version: Type.Integer(), key: Type.String() })),
  decisions: Type.Array(Type.Object({ decisionId: Type.String(), version: Type.Integer(), key: Type.String() })),
  forms: Type.Array(Type.String()),
});
export type DeploymentResult = Static<typeof DeploymentResult>;

const ProcessIdParams = Type.Object({ processId: Type.String() });
const VersionParams = Type.Object({ processId: Type.String(), version: Type.String() });

/** The designer's server side: diagram drafts, the deployed processes it opens, plugins, and the versions of a process. */
export const designerRoutes = {
  drafts: route({ method: 'GET', path: '/api/designer/drafts', summary: 'Saved diagram drafts', tags: ['designer'], auth: 'user', responses: { 200: Items(DraftSummary) } }),
  draft: route({ method: 'GET', path: '/api/designer/drafts/:processId', summary: 'One draft with its diagram and forms', tags: ['designer'], auth: 'user', params: ProcessIdParams, responses: { 200: DraftDocument } }),
  saveDraft: route({
    method: 'PUT',
    path: '/api/designer/drafts/:processId',
    summary: 'Saves a draft; a 409 when someone saved it since the given revision',
    tags: ['designer'],
    auth: 'user',
    params: Type.Object({ processId: Type.String({ pattern: processIdPattern }) }),
    body: DraftSave,
    responses: { 200: DraftDocument },
  }),
  processes: route({ method: 'GET', path: '/api/designer/processes', summary: 'Deployed processes the designer can open', tags: ['designer'], auth: 'user', responses: { 200: Items(DeployedProcess) } }),
  plugins: route({ method: 'GET', path: '/api/plugins', summary: 'The plugins element templates are made from', tags: ['designer'], auth: 'user', responses: { 200: Items(PluginDescriptor) } }),
  versions: route({ method: 'GET', path: '/api/processes/:processId/versions', summary: 'The deployed versions of a process, newest first', tags: ['designer'], auth: 'user', params: ProcessIdParams, responses: { 200: Items(VersionSummary) } }),
  version: route({ method: 'GET', path: '/api/processes/:processId/versions/:version', summary: 'One version with its BPMN and linked forms', tags: ['designer'], auth: 'user', params: VersionParams, responses: { 200: VersionDocument } }),
  diff: route({
    method: 'GET',
    path: '/api/processes/:processId/versions/:version/diff',
    summary: 'A version compared with the one before it, or with `against`',
    tags: ['designer'],
    auth: 'user',
    params: VersionParams,
    query: Type.Object({ against: Type.Optional(Type.String()) }),
    responses: { 200: VersionDiff },
  }),
  rollback: route({ method: 'POST', path: '/api/processes/:processId/versions/:version/rollback', summary: 'Deploys an old version again as the newest', tags: ['designer'], auth: 'user', params: VersionParams, responses: { 201: DeploymentResult } }),
};
