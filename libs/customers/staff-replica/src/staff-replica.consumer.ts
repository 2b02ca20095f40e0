import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import {
  parseStaffMemberEmailChangedV1,
  parseStaffMemberJoinedV1,
  parseStaffMemberPostsChangedV1,
  parseStaffMemberStatusChangedV1,
  STAFF_MEMBER_EMAIL_CHANGED,
  STAFF_MEMBER_JOINED,
  STAFF_MEMBER_POSTS_CHANGED,
  STAFF_MEMBER_STATUS_CHANGED,
} from '@crm/customers-contracts';
import { KafkaInboxContext, parseContract, type KafkaEnvelope } from '@crm/messaging';
import type { StaffMember } from './staff-directory';
import { STAFF_REPLICA_OPTIONS, type StaffReplicaOptions } from './staff-replica.options';
import { staffReplicaTable } from './staff-replica.table';

interface Current {
  readonly event_version: number;
  readonly valid_from: Date;
  readonly bu: string;
  readonly status: StaffMember['status'];
  readonly display_name: string;
  readonly posts: string[];
  readonly email: string | null;
}

type Version = Omit<StaffMember, 'employeeId'>;

/**
 * Keeps the staff replica in step with the customers topic, inside the inbox transaction. Each fact
 * closes the member's current row and opens the next, both at the fact's business time; the
 * stream version makes a redelivery (or a second consumer of the same topic) change nothing.
 */
@Controller()
export class StaffReplicaConsumer {
  private readonly table: string;

  constructor(@Inject(STAFF_REPLICA_OPTIONS) options: StaffReplicaOptions) {
    this.table = staffReplicaTable(options.readSchema);
  }

  @EventPattern(STAFF_MEMBER_JOINED)
  async onJoined(@Payload() envelope: KafkaEnvelope, @Ctx() context: KafkaInboxContext): Promise<void> {
    const data = parseContract(envelope, parseStaffMemberJoinedV1);
    await this.record(context.getTransaction(), envelope, data.employeeId, data.joinedAt, (current) =>
      current !== undefined
        ? undefined
        : {
            bu: data.bu,
            status: 'active',
            displayName: data.displayName,
            posts: data.posts,
            ...(data.email !== undefined ? { email: data.email } : {}),
          },
    );
  }

  @EventPattern(STAFF_MEMBER_STATUS_CHANGED)
  async onStatusChanged(
    @Payload() envelope: KafkaEnvelope,
    @Ctx() context: KafkaInboxContext,
  ): Promise<void> {
    const data = parseContract(envelope, parseStaffMemberStatusChangedV1);
    await this.change(context, envelope, data.employeeId, data.changedAt, {
      bu: data.bu,
      status: data.status,
    });
  }

  @EventPattern(STAFF_MEMBER_POSTS_CHANGED)
  async onPostsChanged(@Payload() envelope: KafkaEnvelope, @Ctx() context: KafkaInboxContext): Promise<void> {
    const data = parseContract(envelope, parseStaffMemberPostsChangedV1);
    await this.change(context, envelope, data.employeeId, data.changedAt, { bu: data.bu, posts: data.posts });
  }

  @EventPattern(STAFF_MEMBER_EMAIL_CHANGED)
  async onEmailChanged(@Payload() envelope: KafkaEnvelope, @Ctx() context: KafkaInboxContext): Promise<void> {
    const data = parseContract(envelope, parseStaffMemberEmailChangedV1);
    await this.change(context, envelope, data.employeeId, data.changedAt, { bu: data.bu, email: data.email });
  }

  private change(
    context: KafkaInboxContext,
    envelope: KafkaEnvelope,
    employeeId: string,
    at: string,
    change: Partial<Version>,
  ): Promise<void> {
    return this.record(context.getTransaction(), envelope, employeeId, at, (current) => {
      // A change of someone never joined: the topic lost the join, which retries cannot fix (DLQ).
      if (current === undefined) throw new Error(`staff replica: ${employeeId} changed before joining`);
      return { ...current, ...change };
    });
  }

  private async record(
    tx: PoolClient,
    envelope: KafkaEnvelope,
    employeeId: string,
    at: string,
    next: (current: Version | undefined) => Version | undefined,
  ): Promise<void> {
    const { rows } = await tx.query<Current>(
      `select event_version, valid_from, bu, status, display_name, posts, email from ${this.table}
        where employee_id = $1 order by event_version desc limit 1 for update`,
      [employeeId],
    );
    const current = rows[0];
    if (current !== undefined && current.event_version >= envelope.version) return;
    const version = next(current === undefined ? undefined : toVersion(current));
    if (version === undefined) return;
    // Business time never runs backwards inside one member's history.
    const from =
      current !== undefined && current.valid_from > new Date(at) ? current.valid_from : new Date(at);
    const inserted = await tx.query(
      `insert into ${this.table}
         (employee_id, event_version, event_id, valid_from, bu, status, display_name, posts, email)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict do nothing`,
      [
        employeeId,
        envelope.version,
        envelope.eventId,
        from,
        version.bu,
        version.status,
        version.displayName,
        version.posts,
        version.email ?? null,
      ],
    );
    if (inserted.rowCount === 0 || current === undefined) return;
    await tx.query(`update ${this.table} set valid_to = $3 where employee_id = $1 and event_version = $2`, [
      employeeId,
      current.event_version,
      from,
    ]);
  }
}

const toVersion = (row: Current): Version => ({
  bu: row.bu,
  status: row.status,
  displayName: row.display_name,
  posts: row.posts,
  ...(row.email !== null ? { email: row.email } : {}),
});
