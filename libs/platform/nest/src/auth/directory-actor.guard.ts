import { CanActivate, ExecutionContext, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ProblemException } from '../errors/problem-details';
import { ACTOR_CHECK } from '../tokens';
import { ACTOR_DIRECTORY, BOOTSTRAP_ROLES, type ActorCheck, type ActorDirectory } from './actor-directory';
import type { PlatformRequest } from './platform-request';

/**
 * Global guard between authentication and the role check: the staff directory, not the token, says
 * who works where. An unknown employee, one who left, or a BU claim other than the directory's is
 * refused with 403 before any handler runs; a token without a BU claim acts for the directory's BU.
 * While the directory is empty, only a gm or admin token passes (to open the units and join people).
 */
@Injectable()
export class DirectoryActorGuard implements CanActivate, OnApplicationBootstrap {
  private directory: ActorDirectory | undefined;

  constructor(
    private readonly moduleRef: ModuleRef,
    @Inject(ACTOR_CHECK) private readonly check: ActorCheck,
  ) {}

  onApplicationBootstrap(): void {
    if (this.check === 'token-only') return;
    try {
      this.directory = this.moduleRef.get<ActorDirectory>(ACTOR_DIRECTORY, { strict: false });
    } catch {
      throw new Error(
        "actorCheck 'staff-directory' needs an ACTOR_DIRECTORY provider (StaffReplicaModule, or the customers service's own)",
      );
    }
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http' || this.check === 'token-only') return true;
    const request = context.switchToHttp().getRequest<PlatformRequest>();
    const actor = request.actor;
    // Public routes carry no actor: nothing to check.
    if (actor === undefined) return true;
    const directory = this.directory;
    if (directory === undefined)
      throw new Error('DirectoryActorGuard used before the application bootstrapped');
    const known = await directory.actor(actor.id);
    if (known === undefined) {
      const roles = request.roles ?? [actor.role];
      if (roles.some((r) => BOOTSTRAP_ROLES.includes(r)) && (await directory.isEmpty())) return true;
      throw new ProblemException(
        403,
        'actor.unknown_employee',
        `${actor.id} is not in the staff directory.`,
        { employeeId: actor.id },
      );
    }
    if (known.status === 'left') {
      throw new ProblemException(403, 'actor.departed', `${actor.id} has left the company.`, {
        employeeId: actor.id,
      });
    }
    if (actor.bu !== undefined && actor.bu !== known.unit) {
      throw new ProblemException(
        403,
        'actor.bu_mismatch',
        `The token claims BU ${actor.bu}, but the staff directory has ${actor.id} in ${known.unit}.`,
        { employeeId: actor.id, claimedBu: actor.bu, directoryBu: known.unit },
      );
    }
    if (actor.bu === undefined && known.bu !== undefined) request.actor = { ...actor, bu: known.bu };
    return true;
  }
}
