import { readPayload } from '@crm/contract-fields';
import { ContractValidator, UnpublishableContractEvent } from './contract-validator';

const validator = new ContractValidator({
  service: 'sample',
  topic: 'crm.sample.events.v1',
  title: 'sample',
  parsers: {
    ThingDone: (data) => {
      const r = readPayload('ThingDone', data);
      return { thingId: r.text('thingId'), amountFen: r.fen('amountFen') };
    },
  },
});

describe('ContractValidator', () => {
  it('lets an event that fits its schema through', () => {
    expect(() =>
      validator.check({ aggregateId: 't-1', type: 'ThingDone', data: { thingId: 't-1', amountFen: 100 } }),
    ).not.toThrow();
  });

  it('refuses a payload that breaks the schema, naming the field', () => {
    expect(() =>
      validator.check({ aggregateId: 't-1', type: 'ThingDone', data: { thingId: 't-1', amountFen: -5 } }),
    ).toThrow(/ThingDone.*amountFen/);
  });

  it('judges what goes on the wire: a field left undefined is absent', () => {
    expect(() =>
      validator.check({
        aggregateId: 't-1',
        type: 'ThingDone',
        data: { thingId: 't-1', amountFen: 1, note: undefined },
      }),
    ).not.toThrow();
  });

  it('refuses a type the contract does not publish', () => {
    expect(() => validator.check({ aggregateId: 't-1', type: 'SecretThing', data: {} })).toThrow(
      UnpublishableContractEvent,
    );
  });

  it('names the schema of each type for ce_dataschema', () => {
    expect(validator.schemaIdOf('ThingDone')).toBe('urn:crm:contracts:crm.sample.events.v1:ThingDone');
  });
});
