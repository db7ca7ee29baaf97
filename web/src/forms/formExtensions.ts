import { pickerFields } from './pickers';
import { AttachmentsField } from './AttachmentsField';
import { TenderProductWidget } from './TenderProductWidget';

/** Widgets a form's uiSchema may name (`"ui:widget"`) beyond rjsf's own. */
export const formWidgets = { 'tender-product': TenderProductWidget };

/** Fields a form's uiSchema may name (`"ui:field"`). */
export const formFields = { attachments: AttachmentsField, ...pickerFields };
