import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { type ContractCatalog, contractSchema, contractSchemaId } from '@crm/contract-fields';
import type { ContractEvent } from './kafka-envelope';

/** A service tried to publish something its own contract does not allow: a bug, never sent. */
export class UnpublishableContractEvent extends Error {
  constructor(
    readonly eventType: string,
    problem: string,
  ) {
    super(`${eventType} does not fit the published contract: ${problem}`);
    this.name = 'UnpublishableContractEvent';
  }
}

/**
 * Checks every outgoing contract event against the JSON Schema derived from the service's contract
 * parsers (the same schemas the AsyncAPI document publishes), so what leaves a service is what an
 * outside consumer was promised. Schemas are compiled once.
 */
export class ContractValidator {
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(readonly catalog: ContractCatalog) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    for (const [type, parser] of Object.entries(catalog.parsers)) {
      this.validators.set(type, ajv.compile(contractSchema(catalog.topic, type, parser)));
    }
  }

  schemaIdOf(eventType: string): string {
    return contractSchemaId(this.catalog.topic, eventType);
  }

  check(event: ContractEvent): void {
    const validate = this.validators.get(event.type);
    if (validate === undefined) {
      throw new UnpublishableContractEvent(event.type, `not a type of ${this.catalog.topic}`);
    }
    // Validate what goes on the wire: JSON drops undefined-valued fields that the object still has.
    const wire: unknown = JSON.parse(JSON.stringify(event.data));
    if (!validate(wire)) {
      const problems = (validate.errors ?? []).map((e) =>
        `${e.instancePath || '/'} ${e.message ?? ''}`.trim(),
      );
      throw new UnpublishableContractEvent(event.type, problems.join('; '));
    }
  }
}
