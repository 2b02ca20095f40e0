export interface QueueFilter {
  readonly page: number;
  readonly kind?: string;
  readonly severity?: string;
  readonly bu?: string;
  readonly status?: string;
}

const FIELDS = ['kind', 'severity', 'bu', 'status'] as const;

/** The queue's filters and page, kept in the URL so a filtered queue can be shared and reloaded. */
export const filterFromParams = (params: URLSearchParams): QueueFilter => {
  const page = Number(params.get('page') ?? '1');
  const filter: Record<string, string> = {};
  for (const field of FIELDS) {
    const value = params.get(field)?.trim();
    if (value) filter[field] = value;
  }
  return { page: Number.isInteger(page) && page > 0 ? page : 1, ...filter };
};

export const paramsFromFilter = (filter: QueueFilter): URLSearchParams => {
  const params = new URLSearchParams();
  for (const field of FIELDS) {
    const value = filter[field];
    if (value) params.set(field, value);
  }
  if (filter.page > 1) params.set('page', String(filter.page));
  return params;
};

/** Working minutes as "2天3小时" / "2d 3h" parts: whole working days of `hoursPerDay`, then hours and minutes. */
export const workingTimeParts = (minutes: number, hoursPerDay = 9) => {
  const abs = Math.abs(minutes);
  const days = Math.floor(abs / (hoursPerDay * 60));
  const hours = Math.floor((abs - days * hoursPerDay * 60) / 60);
  return { days, hours, minutes: abs % 60 };
};
