/** How much one event moves a part of the rating (see docs/lead-rating.md). */
export const RATING_WEIGHT = 0.2;
/** A dealer without a rating row starts here. */
export const NEUTRAL_RATING = 50;

/** The two parts of a rating and their mean. */
export interface RatingParts {
  speed: number;
  conversion: number;
  score: number;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const clamp = (value: number) => Math.min(100, Math.max(0, value));

/** The speed sample of an acceptance: 100 when taken at once, falling linearly to 0 at the end of the SLA. */
export function acceptanceSample(responseSeconds: number, slaSeconds: number): number {
  if (slaSeconds <= 0) return 100;
  return clamp(100 * (1 - responseSeconds / slaSeconds));
}

/** The speed sample of a lead passed on: declined 50 (an honest no frees the lead at once), missed 0. */
export function passSample(missed: boolean): number {
  return missed ? 0 : 50;
}

/** The conversion sample of a final outcome: sold 100, lost 0. */
export function conversionSample(outcome: 'sold' | 'lost'): number {
  return outcome === 'sold' ? 100 : 0;
}

/** One exponentially weighted step: the part moves a fifth of the way to the sample. */
export function ewma(previous: number, sample: number, weight = RATING_WEIGHT): number {
  return round2(clamp((1 - weight) * previous + weight * sample));
}

/** Moves one part of the rating by a sample and recomputes the score (the mean of both parts, clamped 0..100). */
export function nextRating(previous: Omit<RatingParts, 'score'>, part: 'speed' | 'conversion', sample: number): RatingParts {
  const moved = { ...previous, [part]: ewma(previous[part], sample) };
  return { speed: moved.speed, conversion: moved.conversion, score: round2(clamp((moved.speed + moved.conversion) / 2)) };
}
