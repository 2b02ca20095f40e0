import { BaseRpcContext } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import type { KafkaEnvelope } from './kafka-envelope';

type KafkaInboxContextArgs = [envelope: KafkaEnvelope, transaction: PoolClient];

/** What a `@EventPattern` handler gets through `@Ctx()`: the envelope and the inbox transaction. */
export class KafkaInboxContext extends BaseRpcContext<KafkaInboxContextArgs> {
  getEnvelope(): KafkaEnvelope {
    return this.args[0];
  }

  /** Write the handler's effects on this client: they commit together with the inbox row. */
  getTransaction(): PoolClient {
    return this.args[1];
  }
}
