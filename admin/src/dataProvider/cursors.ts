// react-admin pages by number; the API pages by cursor. This remembers, per list (resource,
// filter, sort), the cursor that starts each offset, so page N is one request when page N−1
// was seen, and a few cursor-only requests (≤100 rows each) when jumping ahead.
export class CursorCache {
  private readonly lists = new Map<string, Map<number, string>>();

  static key(resource: string, filter: unknown, sort: unknown): string {
    return JSON.stringify([resource, filter ?? {}, sort ?? {}]);
  }

  /** The cursor after which `offset` starts (offset 0 needs none). */
  get(key: string, offset: number): string | undefined {
    return this.lists.get(key)?.get(offset);
  }

  set(key: string, offset: number, cursor: string | null | undefined): void {
    if (!cursor || offset <= 0) return;
    const list = this.lists.get(key) ?? new Map<number, string>();
    list.set(offset, cursor);
    this.lists.set(key, list);
  }

  /** The largest known offset not after `offset`, with its cursor (0 when none is known). */
  nearest(key: string, offset: number): { offset: number; cursor: string | undefined } {
    let best = { offset: 0, cursor: undefined as string | undefined };
    for (const [known, cursor] of this.lists.get(key) ?? []) {
      if (known <= offset && known > best.offset) best = { offset: known, cursor };
    }
    return best;
  }

  /** Records were added or reordered: forget the resource's cursors. */
  clear(resource?: string): void {
    if (!resource) {
      this.lists.clear();
      return;
    }
    for (const key of [...this.lists.keys()])
      if (key.startsWith(`["${resource}"`)) this.lists.delete(key);
  }
}
