import type { INestApplicationContext } from '@nestjs/common';
import { DomainError, type CommandContext } from '@crm/event-sourcing';
import { handleCommand, type EventStore } from '@crm/event-store';
import { EVENT_STORE, type TokenClaims } from '@crm/nest';
import {
  employeeDecider,
  employeeStreamId,
  HEAD_OFFICE_BU,
  isStaffPost,
  type StaffCommand,
} from '@crm/customers-domain';

/** Who the token says someone is, as a member of the directory: posts from roles, hq without a BU. */
export const memberFromClaims = (claims: Pick<TokenClaims, 'sub' | 'roles' | 'bu' | 'name'>) => {
  const posts = claims.roles.filter(isStaffPost);
  return {
    employeeId: claims.sub,
    bu: claims.bu ?? HEAD_OFFICE_BU,
    displayName: claims.name ?? claims.sub,
    posts: posts.length > 0 ? posts : ['staff'],
  };
};

/**
 * Tests only: joins people to the customers service's own staff directory (the employee streams,
 * so the platform's actor check knows them at once) without the HTTP checks that their BU is
 * open. Someone already in the directory stays as they are.
 */
export const seedDirectory = async (
  app: INestApplicationContext,
  members: readonly ReturnType<typeof memberFromClaims>[],
): Promise<void> => {
  const store = app.get<EventStore>(EVENT_STORE);
  for (const data of members) {
    const command: StaffCommand = { type: 'JoinEmployee', data };
    const context: CommandContext = {
      actor: { id: 'test-directory-seed', role: 'admin' },
      now: new Date('2000-01-01T00:00:00Z'),
      commandId: `seed-${data.employeeId}`,
      correlationId: `seed-${data.employeeId}`,
    };
    try {
      await handleCommand(store, employeeStreamId(data.employeeId), employeeDecider, command, context, {
        deterministicIds: true,
      });
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'staff.wrong_status')) throw error;
    }
  }
};
