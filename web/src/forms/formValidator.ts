import { customizeValidator } from '@rjsf/validator-ajv8';
import { customFormats } from '@dealerflow/forms';

/** rjsf's ajv with the formats the server checks too (`inn`), so the browser and the server agree. */
export const formValidator = customizeValidator({ customFormats: { ...customFormats } });
