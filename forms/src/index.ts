export { CLASSIFICATION_KEYWORD, classificationOf, type Classification } from './classification';
export { maskForm, type MaskedForm } from './maskForm';
export { compileValidator, toFieldErrors, type FieldError, type ValidationResult } from './validation';
