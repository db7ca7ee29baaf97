export { CLASSIFICATION_KEYWORD, classificationOf, type Classification } from './classification';
export { maskForm, type MaskedForm } from './maskForm';
export { writableForm, type WritableForm } from './writableForm';
export { compileValidator, toFieldErrors, type FieldError, type ValidationResult } from './validation';
export { customFormats, isValidInn } from './innChecksum';
