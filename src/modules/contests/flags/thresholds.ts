/**
 * When a pattern is suspicious enough to flag for review (never to exclude by itself):
 * - fast-perfect: a perfect score with a duration under FAST_SECONDS_PER_QUESTION seconds per
 *   question (3 s: reading a stem and its options takes longer; 10 questions in under 30 s);
 * - identical-answers: the same questions in the same order with the same options chosen, every
 *   question answered, by at least 2 people;
 * - shared-client: at least SHARED_CLIENT_PEOPLE people took attempts from one client key (an
 *   office behind one address is a legitimate cause: hence a review, not an exclusion).
 */
export const FAST_SECONDS_PER_QUESTION = 3;
export const SHARED_CLIENT_PEOPLE = 5;
