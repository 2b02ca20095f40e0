import { Logger, type OnModuleInit } from '@nestjs/common';
import { type PolicyDocument, type PolicyRegistry, seedPolicyDocuments } from '@crm/policy';

/**
 * Adopts the service's default policy documents (its v1 rules) on first boot, before the app
 * serves; later boots check that the stored versions still match the code and refuse to start if
 * not (an adopted version is immutable: changed defaults need a new version).
 */
export class PolicySeeder implements OnModuleInit {
  private readonly logger = new Logger('PolicySeeder');

  constructor(
    private readonly registry: PolicyRegistry,
    private readonly documents: readonly PolicyDocument[],
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.documents.length === 0) return;
    const results = await seedPolicyDocuments(this.registry, this.documents);
    const adopted = results.filter((r) => r.outcome === 'adopted');
    if (adopted.length > 0) {
      this.logger.log(
        { adopted: adopted.map((r) => `${r.policyId}@${r.version}`) },
        'default policies adopted',
      );
    }
  }
}
