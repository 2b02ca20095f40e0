import { Logger, type OnModuleInit } from '@nestjs/common';
import type { Pool } from 'pg';
import { grantReadAccess, migrateSchema } from '@crm/postgres';

/**
 * Analysts query read models through a read-only role (architecture §6, READ_MODEL_ROLE). Done once
 * per service at boot, for its whole read schema: USAGE, SELECT on the tables already there, and
 * default privileges for every table created later (projections, rebuilt shadow tables, replicas).
 */
export class ReadModelAccess implements OnModuleInit {
  private readonly logger = new Logger('ReadModelAccess');

  constructor(
    private readonly pool: Pool,
    private readonly readSchema: string,
    private readonly role: string,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.role === '') return;
    // Default privileges need the schema; creating it here also orders the grant before any table.
    await migrateSchema(this.pool, this.readSchema, async () => undefined);
    if ((await grantReadAccess(this.pool, this.readSchema, this.role)) === 'no_such_role') {
      this.logger.warn(
        { role: this.role, schema: this.readSchema },
        'read-model role does not exist; analysts cannot query this schema (create it or set READ_MODEL_ROLE)',
      );
    }
  }
}
