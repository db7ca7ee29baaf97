import { EngineError } from '@dealerflow/engine';
import { rejection } from './GatewayError';

/** How each engine error code of one command is worded (missing codes keep the engine's message). */
export type Reasons = Partial<Record<'NOT_FOUND' | 'INVALID_ARGUMENT' | 'INVALID_STATE' | 'ALREADY_EXISTS', string | ((error: EngineError) => string)>>;

/** Runs an engine command and words its rejections as the reference gateway does for that intent. */
export async function command<T>(intent: string, reasons: Reasons, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof EngineError && error.code in reasons) {
      const code = error.code as keyof Reasons;
      const reason = reasons[code]!;
      throw rejection(intent, code, typeof reason === 'string' ? reason : reason(error));
    }
    throw error;
  }
}
