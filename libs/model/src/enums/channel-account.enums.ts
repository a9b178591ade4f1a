export enum ChannelAccountStatus {
  Active = 'active',
  /** Rate-limited: polling and sending wait until `pausedUntil`. */
  Paused = 'paused',
  /** Token expired or revoked (401/403, Graph code 190): an administrator must reconnect. */
  NeedsReauthorization = 'needs_reauthorization',
  /** Monthly quota of the API plan is used up (X usage cap). */
  UsageCapped = 'usage_capped',
  Disabled = 'disabled',
}
