/** Numbers features by first sight, so a trainer keeps its weights in flat arrays. */
export class FeatureIndex {
  readonly ids = new Map<string, number>();

  /** The feature's number; a feature not seen before gets the next one. */
  idOf(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(name, id);
    }
    return id;
  }

  get size(): number {
    return this.ids.size;
  }
}
