/** The searchable copies of a case's variables that the instance list keeps in its own columns. */
export interface CaseSearchFields {
  vin: string | null;
  customerName: string | null;
  customerKey: string | null;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** The search key of a customer name: trimmed, lower case, one space between words, at most 100 characters. */
export function customerSearchKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase().slice(0, 100);
}

/** The VIN and customer of a case, from its process variables, as the projection stores them. */
export function caseSearchFields(variables: Record<string, unknown>): CaseSearchFields {
  const vin = text(variables.vin);
  const customerName = text(variables.customerName);
  return {
    vin: vin ? vin.toUpperCase().slice(0, 32) : null,
    customerName: customerName ? customerName.slice(0, 200) : null,
    customerKey: customerName ? customerSearchKey(customerName) : null,
  };
}
