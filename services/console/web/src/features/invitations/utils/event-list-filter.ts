import type { JointEventFilter } from '@/features/invitations/api/keys';

/**
 * The joint-event list's place in the URL: `bu` and the stack of cursors of the pages before this
 * one (`pages`, comma-separated), so Previous pops one and a shared link opens the same page.
 */
export interface EventListPlace {
  readonly bu?: string;
  readonly pages: readonly string[];
}

const CURSOR = /^[A-Za-z0-9_-]{1,300}$/;

export const placeFromParams = (params: URLSearchParams): EventListPlace => {
  const bu = params.get('bu')?.trim();
  const pages = (params.get('pages') ?? '').split(',').filter((c) => CURSOR.test(c));
  return { ...(bu ? { bu } : {}), pages };
};

export const paramsFromPlace = (place: EventListPlace): URLSearchParams => {
  const params = new URLSearchParams();
  if (place.bu) params.set('bu', place.bu);
  if (place.pages.length > 0) params.set('pages', place.pages.join(','));
  return params;
};

export const filterOfPlace = (place: EventListPlace): JointEventFilter => {
  const after = place.pages.at(-1);
  return { ...(place.bu ? { bu: place.bu } : {}), ...(after ? { after } : {}) };
};

export const nextPlace = (place: EventListPlace, nextCursor: string): EventListPlace => ({
  ...place,
  pages: [...place.pages, nextCursor],
});

export const previousPlace = (place: EventListPlace): EventListPlace => ({
  ...place,
  pages: place.pages.slice(0, -1),
});
