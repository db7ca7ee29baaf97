import { DealerRating } from './DealerRating';
import { DealerTerritory } from './DealerTerritory';
import { Lead } from './Lead';
import { LeadEvent } from './LeadEvent';

/** The tables of lead distribution and the dealer rating. */
export const leadEntities = [DealerTerritory, DealerRating, Lead, LeadEvent];
