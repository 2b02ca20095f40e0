import { ConsoleApi } from './fixtures/console-api';
import { BUS, PEOPLE } from './fixtures/people';

/**
 * The directory is empty at the start of a run: the bootstrap administrator opens the BUs and adds
 * the people the journeys sign in as (everything through the console, as a first administrator would).
 */
export default async function globalSetup(): Promise<void> {
  const bootstrap = await ConsoleApi.signIn('admin', ['admin']);
  for (const bu of BUS) await bootstrap.post('/api/customers/staff/business-units', bu, [200, 201, 409]);
  for (const p of Object.values(PEOPLE)) {
    await bootstrap.post(
      '/api/customers/staff',
      { employeeId: p.employeeId, bu: p.bu, displayName: p.displayName },
      [200, 201, 409],
    );
  }
  await bootstrap.eventually<{ employeeId: string }[]>(
    '/api/customers/staff',
    (s) => s.length >= Object.keys(PEOPLE).length,
    // The directory fills from the customers topic: give a loaded machine time.
    60_000,
  );
  await bootstrap.dispose();
}
