/** Tags as stored: trimmed, empty ones dropped, each once, in the order first given. */
export function normalizeTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
}
