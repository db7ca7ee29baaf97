import { AppError } from '../errors/AppError';

/** 409: after the change no enabled account could manage users any more, and nobody could undo it. */
export class NoAdministratorLeftError extends AppError {
  constructor() {
    super(409, 'no_administrator_left', 'After this change nobody could manage users; give another account that right first');
  }
}
