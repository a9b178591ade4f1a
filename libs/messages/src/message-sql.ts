import type { DeliveryState } from '@civic/domain';
import { DELIVERY_STATE_RANK, SEND_INTERRUPTED } from '@civic/domain';

/** Delivery states in rank order (DELIVERY_STATE_RANK is the one source of the order). */
const STATES_IN_RANK_ORDER = (Object.keys(DELIVERY_STATE_RANK) as DeliveryState[]).sort(
  (a, b) => DELIVERY_STATE_RANK[a] - DELIVERY_STATE_RANK[b],
);

/** SQL rank of delivery states (1-based, NULL for none): an update only applies when it moves forward. */
export const STATE_RANK_SQL = (column: string) =>
  `array_position(ARRAY[${STATES_IN_RANK_ORDER.map((s) => `'${s}'`).join(',')}]::text[], ${column})`;

/** SQL: outbound message `alias` is a reply whose send was interrupted and that has no channel id. */
export const REPLY_INTERRUPTED = (alias: string) =>
  `${alias}.direction = 'out' AND ${alias}.external_id IS NULL AND ${alias}.delivery_state = 'failed' AND ${alias}.delivery_error->>'code' = '${SEND_INTERRUPTED}'`;

/** SQL: the message (of the account in scope) lists `externalId` among the other parts of its reply. */
export const PART_OF_REPLY = (externalId: string) => `part_external_ids @> ARRAY[${externalId}]::text[]`;
