import { Initial1795449780394 } from './1795449780394-initial.migration';
/** Every migration in order. `npm run migration:generate -- Name` appends here. */
export const MIGRATIONS: Function[] = [
  Initial1795449780394,
];
