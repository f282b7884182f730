// The share of a sold line's taxable value and taxes that a (partial) return gives back.

import { Invalid } from '../errors';
import { divRound } from '../money';
import type { TaxFigures } from '../contracts/tax';
import type { LineTotals } from './totals';

export interface ReturnShare extends TaxFigures {
  totalPaise: number;
}

function requireQuantity(value: number, what: string, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new Invalid(`${what} must be a whole number of milli-units, at least ${min}, got ${value}`);
  }
}

/** What returns of `returnedMilli` out of `soldMilli` have taken of `componentPaise`, in total. */
function cumulativeShare(componentPaise: number, returnedMilli: number, soldMilli: number): number {
  const product = componentPaise * returnedMilli;
  if (!Number.isSafeInteger(product)) throw new Invalid('Return amount is too large to compute exactly');
  return divRound(product, soldMilli);
}

/**
 * Each component is the rounded share of everything returned so far minus the rounded share
 * of what earlier returns took. This is divRound(component × returnQty, soldQty) give or take a
 * paisa, and it telescopes: however a line is returned in parts, the parts sum exactly to the
 * line, and the last return takes exactly what is left.
 */
export function returnShare(
  line: LineTotals,
  soldQtyMilli: number,
  alreadyReturnedMilli: number,
  returnQtyMilli: number,
): ReturnShare {
  requireQuantity(soldQtyMilli, 'Sold quantity', 1);
  requireQuantity(alreadyReturnedMilli, 'Already returned quantity', 0);
  requireQuantity(returnQtyMilli, 'Return quantity', 1);
  const returnedAfter = alreadyReturnedMilli + returnQtyMilli;
  if (returnedAfter > soldQtyMilli) {
    throw new Invalid(
      `Cannot return ${returnQtyMilli} milli-units: ${alreadyReturnedMilli} of ${soldQtyMilli} sold are already returned`,
    );
  }
  const share = (component: number): number =>
    cumulativeShare(component, returnedAfter, soldQtyMilli) -
    cumulativeShare(component, alreadyReturnedMilli, soldQtyMilli);
  const components = {
    taxablePaise: share(line.taxablePaise),
    cgstPaise: share(line.cgstPaise),
    sgstPaise: share(line.sgstPaise),
    igstPaise: share(line.igstPaise),
    cessPaise: share(line.cessPaise),
  };
  const totalPaise =
    components.taxablePaise + components.cgstPaise + components.sgstPaise + components.igstPaise + components.cessPaise;
  return { ...components, totalPaise };
}
