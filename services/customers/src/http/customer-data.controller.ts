import { Body, Controller, Get, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor, CommandContext } from '@crm/event-sourcing';
import { ApiCommand, ApiRead, CLOCK, CorrelationId, CurrentActor, requestCommandId, Roles } from '@crm/nest';
import type { Clock } from '@crm/policy';
import { OWNER_BU_ROLES } from '@crm/customers-domain';
import { CorrectCustomerHandler } from '../application/correct-customer.handler';
import { CustomerCommands } from '../application/customer-commands';
import { CustomerQueries } from '../application/customer-queries';
import {
  ConsentEntryDto,
  ConsentResponse,
  CorrectCustomerDataDto,
  CorrectionDto,
  CorrectionResponse,
  RecordConsentDto,
} from './customer-data.dto';

/** Who records consent: the owner BU, and customer service, where customers call to withdraw. */
const CONSENT_ROLES = [...OWNER_BU_ROLES, 'cs_agent'];
const NOT_FOUND = '`customer.not_found`';

/** The customer's personal data kept right (CUS-05/06) and their consent (DAT-02, DAT-22). */
@ApiTags('customers')
@Controller('customers/:customerId')
export class CustomerDataController {
  constructor(
    private readonly correct: CorrectCustomerHandler,
    private readonly commands: CustomerCommands,
    private readonly queries: CustomerQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('corrections')
  @Roles(...OWNER_BU_ROLES)
  @ApiCommand({
    operationId: 'correctCustomerData',
    summary: "Correct the customer's name, mobile or address with a reason",
    status: 200,
    response: CorrectionResponse,
    errors: {
      400: 'No field to change, no reason, or an invalid value; the problem names the field',
      403: '`customer.not_owner_bu` (CUS-06): only the owner BU corrects',
      404: NOT_FOUND,
      409: '`customer.mobile_taken` (ARC-20): the existing customer and owner are in `details`',
      422: '`customer.forgotten`',
    },
  })
  async correctData(
    @Param('customerId') customerId: string,
    @Body() body: CorrectCustomerDataDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<CorrectionResponse> {
    const { reason, ...changes } = body;
    const result = await this.correct.handle(
      { type: 'CorrectCustomerData', data: { customerId, changes, reason } },
      this.context(actor, correlationId),
    );
    const corrected = result.events.find((e) => e.type === 'CustomerDataCorrected');
    return {
      customerId,
      recorded: result.events.map((e) => e.type),
      fields: corrected?.type === 'CustomerDataCorrected' ? corrected.data.fields : [],
    };
  }

  @Get('corrections')
  @ApiRead({
    operationId: 'listCustomerCorrections',
    summary: 'The history of corrections: fields, reason, who, when',
    response: [CorrectionDto],
    errors: { 404: NOT_FOUND },
  })
  corrections(
    @Param('customerId') customerId: string,
    @CurrentActor() actor: Actor,
  ): Promise<CorrectionDto[]> {
    return this.queries.corrections(customerId, actor);
  }

  @Post('consent')
  @Roles(...CONSENT_ROLES)
  @ApiCommand({
    operationId: 'recordCustomerConsent',
    summary: 'Record the purposes consented to and a marketing opt-out',
    status: 200,
    response: ConsentResponse,
    errors: {
      400: '`customer.consent_contradictory`, unknown purpose or channel',
      403: '`customer.not_owner_bu` (DAT-02)',
      404: NOT_FOUND,
      422: '`customer.forgotten`',
    },
  })
  async recordConsent(
    @Param('customerId') customerId: string,
    @Body() body: RecordConsentDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<ConsentResponse> {
    const result = await this.commands.execute(
      {
        type: 'RecordConsent',
        data: {
          customerId,
          purposes: body.purposes,
          marketingOptOut: body.marketingOptOut,
          channel: body.channel,
          ...(body.note !== undefined ? { note: body.note } : {}),
        },
      },
      this.context(actor, correlationId),
    );
    const consent = result.state.status === 'registered' ? result.state.consent : undefined;
    if (consent === undefined) throw new Error('a recorded consent leaves the customer with one');
    return {
      customerId,
      recorded: result.events.map((e) => e.type),
      consent,
    };
  }

  @Get('consent')
  @ApiRead({
    operationId: 'listCustomerConsent',
    summary: 'The history of consent records',
    response: [ConsentEntryDto],
    errors: { 404: NOT_FOUND },
  })
  consentHistory(@Param('customerId') customerId: string): Promise<ConsentEntryDto[]> {
    return this.queries.consentHistory(customerId);
  }

  private context(actor: Actor, correlationId: string): CommandContext {
    return { actor, now: this.clock.now(), commandId: requestCommandId(), correlationId };
  }
}
