import { concurrencyContract } from './concurrency.contract';
import type { EventStoreContractFixture, EventStoreContractSetup } from './contract-fixture';
import { hashChainContract } from './hash-chain.contract';
import { readingContract } from './reading.contract';
import { subscriptionContract } from './subscription.contract';

/**
 * The semantics every EventStore adapter must have (architecture §4). Call it from an adapter's
 * spec with a setup that yields a store on fresh storage; the same suite runs for each adapter.
 */
export const describeEventStoreContract = (adapterName: string, setup: EventStoreContractSetup): void => {
  describe(`EventStore contract: ${adapterName}`, () => {
    let fixture: EventStoreContractFixture | undefined;
    const current = (): EventStoreContractFixture => {
      if (fixture === undefined) throw new Error(`${adapterName}: contract setup did not complete`);
      return fixture;
    };

    beforeAll(async () => {
      fixture = await setup();
    });

    afterAll(async () => {
      await fixture?.cleanup();
    });

    concurrencyContract(adapterName, current);
    readingContract(() => current().store);
    subscriptionContract(() => current().store);
    hashChainContract(adapterName, current);
  });
};
