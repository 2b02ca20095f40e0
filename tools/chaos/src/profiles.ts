/** One fault, injected `atS` seconds after the load started. */
export type Fault =
  | { readonly atS: number; readonly kind: 'kill'; readonly services: readonly ServiceName[] }
  | { readonly atS: number; readonly kind: 'broker-restart' }
  | { readonly atS: number; readonly kind: 'terminate-connections' }
  | { readonly atS: number; readonly kind: 'long-transaction'; readonly seconds: number };

export const SERVICES = ['customers', 'complaints', 'credit', 'invitations'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface Profile {
  readonly name: 'short' | 'full';
  /**
   * Seconds of load, at least (it goes on until every fault has been recovered from); commands
   * still unanswered then keep retrying until `answerDeadlineS` more.
   */
  readonly loadSeconds: number;
  readonly answerDeadlineS: number;
  /** Closed-loop callers. */
  readonly workers: number;
  /** Pause of each caller between its commands, so two cores still have room for the services. */
  readonly thinkMs: number;
  /** How long every answered command's effects may take to reach every store once the load stopped. */
  readonly quiescenceS: number;
  readonly faults: readonly Fault[];
}

/**
 * `short` runs in the test command (infra/test-all.sh): every fault once, within about 90 s once the
 * services are up. `full` repeats each fault under longer load; its figures are in docs/reliability.md.
 */
export const PROFILES: Readonly<Record<Profile['name'], Profile>> = {
  short: {
    name: 'short',
    loadSeconds: 40,
    answerDeadlineS: 60,
    workers: 6,
    thinkMs: 40,
    quiescenceS: 60,
    faults: [
      { atS: 3, kind: 'kill', services: ['customers', 'invitations'] },
      { atS: 6, kind: 'terminate-connections' },
      { atS: 10, kind: 'long-transaction', seconds: 5 },
      { atS: 18, kind: 'broker-restart' },
      { atS: 26, kind: 'kill', services: ['complaints', 'credit'] },
    ],
  },
  full: {
    name: 'full',
    loadSeconds: 240,
    answerDeadlineS: 90,
    workers: 10,
    thinkMs: 20,
    quiescenceS: 120,
    faults: [
      { atS: 5, kind: 'kill', services: ['customers'] },
      { atS: 15, kind: 'terminate-connections' },
      { atS: 30, kind: 'kill', services: ['complaints'] },
      { atS: 55, kind: 'kill', services: ['credit'] },
      { atS: 70, kind: 'long-transaction', seconds: 15 },
      { atS: 95, kind: 'kill', services: ['invitations'] },
      { atS: 110, kind: 'broker-restart' },
      { atS: 140, kind: 'terminate-connections' },
      { atS: 150, kind: 'kill', services: ['customers', 'complaints'] },
      { atS: 175, kind: 'broker-restart' },
      { atS: 205, kind: 'kill', services: ['credit', 'invitations'] },
      { atS: 215, kind: 'terminate-connections' },
    ],
  },
};

export const profileFromArgs = (argv: readonly string[]): Profile => {
  const at = argv.indexOf('--profile');
  const name =
    at >= 0 ? argv[at + 1] : (argv.find((a) => a.startsWith('--profile='))?.split('=')[1] ?? 'full');
  if (name !== 'short' && name !== 'full') throw new Error(`--profile short|full, not ${String(name)}`);
  return PROFILES[name];
};
