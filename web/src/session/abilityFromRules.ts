import { createMongoAbility, type MongoAbility } from '@casl/ability';
import { unpackRules } from '@casl/ability/extra';
import type { MeResponse } from '../api/types';

/** What the signed-in user may do, as the server's CASL rules say. */
export type AppAbility = MongoAbility;

/** Builds the user's ability from the packed rules of `GET /api/me`. */
export function abilityFromRules(rules: MeResponse['rules']): AppAbility {
  return createMongoAbility(unpackRules(rules));
}
