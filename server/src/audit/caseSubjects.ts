/** Subjects other than the process instance that are keyed by the case reference (tender and stock reservation). */
export const CASE_REF_SUBJECTS = ['Tender', 'Reservation'];
