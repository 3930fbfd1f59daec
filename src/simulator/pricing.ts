// Per-message pricing (PMP, since July 2025): only templates are charged, and utility templates are free inside an
// open customer service window. Statuses carry this object on `sent` and on one of `delivered`/`read`.

export interface Pricing {
  billable: boolean;
  pricing_model: 'PMP';
  type: 'regular' | 'free_customer_service';
  category: string;
}

export type TemplateCategory = 'marketing' | 'utility' | 'authentication';

/** Prices one accepted message; `templateCategory` is undefined for free-form (service) messages. */
export function priceMessage(templateCategory: TemplateCategory | undefined, windowOpen: boolean): Pricing {
  if (templateCategory === undefined) {
    return { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' };
  }
  if (templateCategory === 'utility' && windowOpen) {
    return { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'utility' };
  }
  return { billable: true, pricing_model: 'PMP', type: 'regular', category: templateCategory };
}
