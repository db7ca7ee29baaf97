import { AppError } from '../errors/AppError';

/** 409: the change would lock the administrator making it out of user administration (their own account disabled, or their right to manage users gone). */
export class SelfLockoutError extends AppError {
  constructor(message: string, reason: 'disable_self' | 'own_admin_role') {
    super(409, 'self_lockout', message, { reason });
  }
}
