import { DesignerLint } from './DesignerLint';
import { LintOverlays } from './LintOverlays';

/** The `lint` feature: bpmnlint with our rules on every change, shown on the diagram; `get('lint').getIssues()`. */
export default {
  __init__: ['lint'],
  lint: ['type', DesignerLint],
  lintOverlays: ['type', LintOverlays],
};
