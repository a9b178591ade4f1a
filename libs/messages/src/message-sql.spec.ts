import { STATE_RANK_SQL } from './message-sql';

describe('STATE_RANK_SQL', () => {
  it('ranks the delivery states in the order of DELIVERY_STATE_RANK, as the statements always did', () => {
    expect(STATE_RANK_SQL('m.delivery_state')).toBe(
      `array_position(ARRAY['queued','sent','failed','delivered','read']::text[], m.delivery_state)`,
    );
  });
});
