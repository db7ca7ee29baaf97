import { FormLink } from './FormLink';

/** The `form-link` feature: link a start event or user task to one of our JSON-Schema forms. */
export default {
  __init__: ['formLink'],
  formLink: ['type', FormLink],
};
