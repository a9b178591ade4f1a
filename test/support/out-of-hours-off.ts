/**
 * For suites that run the api and workers as separate processes (their Clock is the wall clock) and
 * count every send: the out-of-hours reply would add one per conversation when CI runs at night.
 */
export async function switchOffOutOfHoursReply(baseUrl: string, adminToken: string): Promise<void> {
  const response = await fetch(`${baseUrl}/api/v1/citizen-messages/settings`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ kinds: [{ kind: 'out_of_hours', enabled: false }] }),
  });
  if (response.status !== 200) {
    throw new Error(`switching off the out-of-hours reply answered ${response.status}: ${await response.text()}`);
  }
}
