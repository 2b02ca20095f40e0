import type { ExecutionContext } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';
import { ProblemException } from '../errors/problem-details';
import type { ActorDirectory, DirectoryActor } from './actor-directory';
import { DirectoryActorGuard } from './directory-actor.guard';
import type { PlatformRequest } from './platform-request';

/** An in-memory directory (unit test only; the services' int-specs use the real ones). */
const directoryOf = (people: Readonly<Record<string, DirectoryActor>>): ActorDirectory => ({
  actor: async (id) => people[id],
  isEmpty: async () => Object.keys(people).length === 0,
});

const guardOver = (directory: ActorDirectory): DirectoryActorGuard => {
  const guard = new DirectoryActorGuard({ get: () => directory } as unknown as ModuleRef, 'staff-directory');
  guard.onApplicationBootstrap();
  return guard;
};

const httpContext = (request: Partial<PlatformRequest>): ExecutionContext =>
  ({
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => request }),
  }) as unknown as ExecutionContext;

const codeOf = async (promise: Promise<unknown>): Promise<string | undefined> =>
  promise.then(
    () => undefined,
    (error: unknown) => (error instanceof ProblemException ? error.problem.code : String(error)),
  );

const company = directoryOf({
  'e-1': { unit: 'bu-1', bu: 'bu-1', status: 'active' },
  'e-2': { unit: 'bu-1', bu: 'bu-1', status: 'left' },
  'e-3': { unit: 'bu-1', bu: 'bu-1', status: 'long_leave' },
  'hq-gm': { unit: 'hq', bu: undefined, status: 'active' },
});

describe('DirectoryActorGuard', () => {
  it('refuses an unknown employee, one who left, and a BU claim the directory contradicts', async () => {
    const guard = guardOver(company);
    const as = (actor: PlatformRequest['actor']) =>
      guard.canActivate(httpContext({ actor, roles: ['staff'] }));
    expect(await codeOf(as({ id: 'e-999', role: 'staff', bu: 'bu-1' }))).toBe('actor.unknown_employee');
    expect(await codeOf(as({ id: 'e-2', role: 'staff', bu: 'bu-1' }))).toBe('actor.departed');
    expect(await codeOf(as({ id: 'e-1', role: 'staff', bu: 'bu-2' }))).toBe('actor.bu_mismatch');
    expect(await codeOf(as({ id: 'e-1', role: 'staff', bu: 'bu-404' }))).toBe('actor.bu_mismatch');
    expect(await codeOf(as({ id: 'e-1', role: 'staff', bu: 'bu-1' }))).toBeUndefined();
    expect(await codeOf(as({ id: 'e-3', role: 'staff', bu: 'bu-1' }))).toBeUndefined();
  });

  it('fills a missing BU claim from the directory; the head office acts for no BU', async () => {
    const guard = guardOver(company);
    const staff: Partial<PlatformRequest> = { actor: { id: 'e-1', role: 'staff' }, roles: ['staff'] };
    await guard.canActivate(httpContext(staff));
    expect(staff.actor).toEqual({ id: 'e-1', role: 'staff', bu: 'bu-1' });
    const gm: Partial<PlatformRequest> = { actor: { id: 'hq-gm', role: 'gm' }, roles: ['gm'] };
    await guard.canActivate(httpContext(gm));
    expect(gm.actor).toEqual({ id: 'hq-gm', role: 'gm' });
  });

  it('lets only a gm or admin act while the directory is empty', async () => {
    const guard = guardOver(directoryOf({}));
    const first = httpContext({ actor: { id: 'a-1', role: 'admin' }, roles: ['admin'] });
    expect(await guard.canActivate(first)).toBe(true);
    const staff = httpContext({ actor: { id: 'e-1', role: 'staff', bu: 'bu-1' }, roles: ['staff'] });
    expect(await codeOf(guard.canActivate(staff))).toBe('actor.unknown_employee');
  });

  it('refuses to start without a directory unless the service takes tokens on trust', () => {
    const missing = {
      get: () => {
        throw new Error('no provider');
      },
    } as unknown as ModuleRef;
    expect(() => new DirectoryActorGuard(missing, 'staff-directory').onApplicationBootstrap()).toThrow(
      /ACTOR_DIRECTORY/,
    );
    expect(() => new DirectoryActorGuard(missing, 'token-only').onApplicationBootstrap()).not.toThrow();
  });
});
