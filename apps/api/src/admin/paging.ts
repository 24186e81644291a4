/** Links and numbers for the pager under a list. */
export interface Pager {
  from: number;
  to: number;
  total: number;
  previousHref: string;
  nextHref: string;
}

/** Page numbers from the query: 1 and up, anything else is page 1. */
export function pageNumber(value: unknown): number {
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.max(n, 1);
}

/** A path with the non-empty parameters as its query string. */
export function hrefWith(
  path: string,
  params: Record<string, string | number | undefined>,
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * The pager of page `page` of `pageSize` rows showing `shown` rows. `total` may be unknown
 * (the audit log is not counted): then `hasMore` says whether a next page exists.
 */
export function pager(
  path: string,
  params: Record<string, string | undefined>,
  page: number,
  pageSize: number,
  shown: number,
  total: number | null,
  hasMore = false,
): Pager {
  const offset = (page - 1) * pageSize;
  const more = total === null ? hasMore : offset + shown < total;
  return {
    from: shown === 0 ? 0 : offset + 1,
    to: shown === 0 ? 0 : offset + shown,
    total: total ?? 0,
    previousHref:
      page > 1 ? hrefWith(path, { ...params, page: page - 1 === 1 ? undefined : page - 1 }) : '',
    nextHref: more ? hrefWith(path, { ...params, page: page + 1 }) : '',
  };
}
