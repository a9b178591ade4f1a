/** SET fragment that ends a conversation's urgency: an officer answered or it was closed (the inbox pins it no more). */
export const END_URGENCY_SQL = `urgent_since = NULL, urgency_terms = '{}'`;
