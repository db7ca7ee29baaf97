export { compileValidator, toFieldErrors, type FieldError, type ValidationResult } from './validation';
