// Short words for an edge's ordering, the same in hover texts, code lenses and views.
import type { EdgeOrderingKind } from '../ordering/edgeOrdering';

/** A glance-sized verdict: whether the provider is ready before the dependent. */
export function orderingVerdict(ordering: EdgeOrderingKind, satisfiedBy: string | null | undefined): string {
  if (ordering !== 'before' && satisfiedBy) return 'ready first (another provider)';
  switch (ordering) {
    case 'before':
      return 'ready first';
    case 'same-wave':
      return 'same wave: not ready first';
    case 'after':
      return 'comes later';
    case 'unordered':
      return 'not ordered';
  }
}
