/** A list typed in one box: commas or new lines separate the items; blanks and repeats are dropped. */
export function parseList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,\n]/)
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
}

export function formatList(items: readonly string[]): string {
  return items.join(', ');
}
