/** A tender number as compared: upper case, letters and digits only ("№ 0373100056024000123" and "0373100056024000123" are one tender). */
export function tenderKey(tenderNumber: string): string {
  return tenderNumber.toUpperCase().replace(/[^\p{L}\p{N}]/gu, '').slice(0, 64);
}
