/** The conversation statuses that count as open work: the cap, the queue and the counts use them. */
export const OPEN_STATUSES_SQL = `('open', 'pending')`;

/** How long a presence row stays valid without a heartbeat (a crashed api process's rows expire). */
export const PRESENCE_TTL_SECONDS = 60;

/** SQL true when user `u` has a live web inbox stream on some api process. */
export const ONLINE_SQL = `EXISTS (SELECT 1 FROM user_presence p
   WHERE p.organization_id = u.organization_id AND p.user_id = u.id
     AND p.last_seen_at > now() - interval '${PRESENCE_TTL_SECONDS} seconds')`;
