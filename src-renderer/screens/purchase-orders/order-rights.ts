// Who may make, send and cancel purchase orders: a manager or the owner (the ledger refuses anyone else); cashiers look.
import type { Me } from '../../app/App';

export function canOrder(me: Me): boolean {
  return me.role === 'manager' || me.role === 'owner';
}
