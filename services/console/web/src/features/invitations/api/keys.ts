import type { ConflictStatus } from './types';

export interface JointEventFilter {
  readonly bu?: string;
  readonly after?: string;
}

/** Query keys from general to specific, starting with the service (console-style §2). */
export const invitationKeys = {
  all: ['invitations'] as const,
  events: () => [...invitationKeys.all, 'joint-events'] as const,
  eventList: (filter: JointEventFilter) => [...invitationKeys.events(), 'list', filter] as const,
  event: (id: string) => [...invitationKeys.events(), 'detail', id] as const,
  board: (id: string) => [...invitationKeys.event(id), 'board'] as const,
  dayLists: (id: string, day: string) => [...invitationKeys.event(id), 'lists', day] as const,
  conflicts: (status?: ConflictStatus) => [...invitationKeys.all, 'conflicts', status ?? 'all'] as const,
  fines: (bu?: string) => [...invitationKeys.all, 'fines', bu ?? 'all'] as const,
};
