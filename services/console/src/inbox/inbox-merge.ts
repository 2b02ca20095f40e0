/** The shape every service's GET /work-items answers with (one item of pending work). */
export interface WorkItem {
  readonly id: string;
  readonly service: string;
  readonly kind: string;
  readonly titleKey: string;
  readonly titleParams: Readonly<Record<string, unknown>>;
  readonly dueAt: string | null;
  readonly priority: 'high' | 'normal' | 'low';
  readonly link: string;
  readonly category?: 'task' | 'approval';
  readonly approval?: Readonly<Record<string, unknown>>;
  readonly version: number | string;
}

export type SourceResult =
  | {
      readonly service: string;
      readonly ok: true;
      readonly items: readonly WorkItem[];
      readonly nextCursor: string | null;
    }
  | { readonly service: string; readonly ok: false; readonly status?: number; readonly reason: string };

export interface InboxPage {
  readonly items: readonly WorkItem[];
  /** Opaque: one cursor per service; null when every service has no more. */
  readonly cursor: string | null;
  readonly sources: readonly { service: string; ok: boolean; status?: number; reason?: string }[];
}

export type CursorMap = Readonly<Record<string, string | null>>;

export const encodeCursor = (map: CursorMap): string | null =>
  Object.values(map).some((c) => c !== null) ? Buffer.from(JSON.stringify(map)).toString('base64url') : null;

/** An unreadable cursor starts from the beginning rather than failing the whole inbox. */
export const decodeCursor = (cursor: string | undefined): CursorMap | undefined => {
  if (cursor === undefined || cursor.length === 0 || cursor.length > 4096) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    const entries = Object.entries(parsed).filter(
      (e): e is [string, string | null] => e[1] === null || typeof e[1] === 'string',
    );
    return Object.fromEntries(entries);
  } catch {
    return undefined;
  }
};

const PRIORITY = { high: 0, normal: 1, low: 2 } as const;

/** Earliest deadline first; items without a deadline after those with one; then priority, then id. */
export const compareWorkItems = (a: WorkItem, b: WorkItem): number => {
  if (a.dueAt !== b.dueAt) {
    if (a.dueAt === null) return 1;
    if (b.dueAt === null) return -1;
    return Date.parse(a.dueAt) - Date.parse(b.dueAt);
  }
  const p = (PRIORITY[a.priority] ?? 1) - (PRIORITY[b.priority] ?? 1);
  if (p !== 0) return p;
  return `${a.service}/${a.id}`.localeCompare(`${b.service}/${b.id}`);
};

/** One inbox page from the four answers: a service that failed is named, the rest still shows. */
export const mergeInbox = (results: readonly SourceResult[], previous: CursorMap = {}): InboxPage => {
  const items = results.flatMap((r) => (r.ok ? r.items : [])).sort(compareWorkItems);
  const next: Record<string, string | null> = {};
  for (const r of results) next[r.service] = r.ok ? r.nextCursor : (previous[r.service] ?? null);
  return {
    items,
    cursor: encodeCursor(next),
    sources: results.map((r) =>
      r.ok
        ? { service: r.service, ok: true }
        : { service: r.service, ok: false, ...(r.status ? { status: r.status } : {}), reason: r.reason },
    ),
  };
};
