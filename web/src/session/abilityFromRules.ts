import { createMongoAbility, type MongoAbility, type RawRuleOf } from '@casl/ability';
import { unpackRules, type PackRule } from '@casl/ability/extra';
import type { MeResponse } from '../api/types';

/** What the signed-in user may do, as the server's CASL rules say. */
export type AppAbility = MongoAbility;

/** Builds the user's ability from the packed rules of `GET /api/me`, which the server packs with CASL's `packRules`. */
export function abilityFromRules(rules: MeResponse['rules'] | PackRule<RawRuleOf<MongoAbility>>[]): AppAbility {
  return createMongoAbility(unpackRules(rules as PackRule<RawRuleOf<MongoAbility>>[]));
}
