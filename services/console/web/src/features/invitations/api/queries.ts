import { queryOptions } from '@tanstack/react-query';
import { invitationsApi } from '@/shared/api/clients';
import { invitationKeys, type JointEventFilter } from './keys';
import type {
  Conflict,
  ConflictStatus,
  DayLists,
  EventBoard,
  Fine,
  JointEvent,
  JointEventPage,
} from './types';

export const JOINT_EVENT_PAGE_SIZE = 20;

export const jointEventListQuery = (filter: JointEventFilter) =>
  queryOptions({
    queryKey: invitationKeys.eventList(filter),
    queryFn: async () => {
      const { data } = await invitationsApi.GET('/joint-events', {
        params: {
          query: {
            limit: JOINT_EVENT_PAGE_SIZE,
            ...(filter.bu ? { bu: filter.bu } : {}),
            ...(filter.after ? { after: filter.after } : {}),
          },
        },
      });
      return data as unknown as JointEventPage;
    },
  });

export const jointEventQuery = (jointEventId: string) =>
  queryOptions({
    queryKey: invitationKeys.event(jointEventId),
    queryFn: async () => {
      const { data } = await invitationsApi.GET('/joint-events/{jointEventId}', {
        params: { path: { jointEventId }, query: {} },
      });
      return data as unknown as JointEvent;
    },
  });

export const eventBoardQuery = (jointEventId: string) =>
  queryOptions({
    queryKey: invitationKeys.board(jointEventId),
    queryFn: async () => {
      const { data } = await invitationsApi.GET('/joint-events/{jointEventId}/board', {
        params: { path: { jointEventId } },
      });
      return data as unknown as EventBoard;
    },
  });

export const dayListsQuery = (jointEventId: string, day: string) =>
  queryOptions({
    queryKey: invitationKeys.dayLists(jointEventId, day),
    queryFn: async () => {
      const { data } = await invitationsApi.GET('/joint-events/{jointEventId}/lists/{day}', {
        params: { path: { jointEventId, day } },
      });
      return data as unknown as DayLists;
    },
    enabled: day.length > 0,
  });

export const conflictsQuery = (status?: ConflictStatus) =>
  queryOptions({
    queryKey: invitationKeys.conflicts(status),
    queryFn: async () => {
      const { data } = await invitationsApi.GET('/invitation-conflicts', {
        params: { query: status ? { status } : {} },
      });
      return data as unknown as Conflict[];
    },
  });

export const finesQuery = (bu?: string) =>
  queryOptions({
    queryKey: invitationKeys.fines(bu),
    queryFn: async () => {
      const { data } = await invitationsApi.GET('/penalty-ledger', {
        params: { query: bu ? { bu } : {} },
      });
      return data as unknown as Fine[];
    },
  });
