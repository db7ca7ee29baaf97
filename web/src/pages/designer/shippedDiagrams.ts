import warrantyClaim from '../../../../processes/warranty/warranty-claim.bpmn?raw';

/** The processes we ship that the designer offers to open, bundled as text. */
export const shippedDiagrams = {
  warrantyClaim: { fileName: 'warranty-claim.bpmn', xml: warrantyClaim },
} as const;
