import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@crm/event-sourcing';
import { type Clock, PolicyRegistry } from '@crm/policy';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { ProblemException } from '../errors/problem-details';
import { CorrelationId } from '../observability/correlation-id';
import { ApiCommand, ApiRead } from '../openapi/api-operation';
import { CLOCK } from '../tokens';
import {
  AdoptPolicyVersionDto,
  PolicyAtQuery,
  PolicyDto,
  PolicyVersionDto,
  policyVersionView,
} from './policy-dtos';
import { requestCommandId } from '../idempotency/request-command-id';

/** Who may adopt a new version of the rules: the general manager, or an administrator on their behalf. */
export const POLICY_ADOPTING_ROLES = ['gm', 'admin'];

/**
 * The service's policy documents (domain §7): anyone signed in may read which rules are in force
 * (and were, at any instant); adopting a version is an event naming who, when, why and from when.
 */
@ApiTags('policies')
@Controller('policies')
export class PoliciesController {
  constructor(
    private readonly registry: PolicyRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':policyId')
  @ApiRead({
    operationId: 'getPolicy',
    summary: 'Every adopted version of a policy and the one in force at `at` (default now)',
    response: PolicyDto,
    errors: { 404: '`policy_not_found`: no version of this policy was ever adopted' },
  })
  async policy(@Param('policyId') policyId: string, @Query() query: PolicyAtQuery): Promise<PolicyDto> {
    const versions = await this.registry.history(policyId);
    if (versions.length === 0) {
      throw new ProblemException(404, 'policy_not_found', `No version of policy '${policyId}' was adopted.`, {
        policyId,
      });
    }
    const at = query.at !== undefined ? new Date(query.at) : this.clock.now();
    const inForce = await this.registry.find(policyId, at);
    return {
      policyId,
      at: at.toISOString(),
      inForce: inForce === undefined ? null : policyVersionView(inForce),
      versions: versions.map(policyVersionView),
    };
  }

  @Post(':policyId/versions')
  @Roles(...POLICY_ADOPTING_ROLES)
  @ApiCommand({
    operationId: 'adoptPolicyVersion',
    summary: 'Adopt a new version of a policy from a given instant (gm, admin)',
    response: PolicyVersionDto,
    responseDescription: 'The adopted version, as recorded',
    errors: {
      403: 'Only gm or admin adopt policy versions',
      409: 'The version exists, or takes effect before the latest one',
    },
  })
  async adopt(
    @Param('policyId') policyId: string,
    @Body() body: AdoptPolicyVersionDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<PolicyVersionDto> {
    const adopted = await this.registry.adopt(
      { policyId, ...body },
      { actor, now: this.clock.now(), commandId: requestCommandId(), correlationId, reason: body.reason },
    );
    return policyVersionView(adopted);
  }
}
