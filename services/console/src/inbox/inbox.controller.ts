import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { ProblemException } from '@crm/nest';
import { CONSOLE_CONFIG, WORK_ITEM_SERVICES, type ConsoleConfig } from '../config/console.config';
import { upstreamJson } from '../proxy/upstream-fetch';
import { sessionOf } from '../session/request-session';
import { decodeCursor, mergeInbox, type SourceResult, type WorkItem } from './inbox-merge';

const PAGE = 50;
const CATEGORIES = ['task', 'approval'];

/**
 * GET /api/inbox: the four services' work items for this person, merged; a failed service is named,
 * not fatal. `?category=approval` is the approvals inbox (the same items, only the decisions).
 */
@Controller('api/inbox')
export class InboxController {
  constructor(@Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig) {}

  @Get()
  async inbox(
    @Req() request: IncomingMessage,
    @Query('after') after?: string,
    @Query('category') category?: string,
  ) {
    const session = sessionOf(request);
    if (session === undefined) throw new ProblemException(401, 'console.signed_out', 'sign in first');
    if (category !== undefined && !CATEGORIES.includes(category)) {
      throw new ProblemException(400, 'console.invalid_category', 'category is task or approval', {
        errors: [{ field: 'category', constraints: { isIn: 'category must be task or approval' } }],
      });
    }
    const cursors = decodeCursor(after);
    const wanted = WORK_ITEM_SERVICES.filter((s) => cursors === undefined || cursors[s] !== null);
    const results = await Promise.all(
      wanted.map(async (service): Promise<SourceResult> => {
        const cursor = cursors?.[service];
        const query = new URLSearchParams({
          limit: String(PAGE),
          ...(cursor ? { after: cursor } : {}),
          ...(category !== undefined ? { category } : {}),
        });
        try {
          const { status, body } = await upstreamJson(
            service,
            `${this.config.serviceUrl(service)}/work-items?${query.toString()}`,
            session.accessToken,
            Math.min(this.config.UPSTREAM_TIMEOUT_MS, 5_000),
          );
          const page = body as { items?: WorkItem[]; nextCursor?: string | null } | undefined;
          if (status !== 200 || !Array.isArray(page?.items)) {
            return { service, ok: false, status, reason: `answered ${status}` };
          }
          return { service, ok: true, items: page.items, nextCursor: page.nextCursor ?? null };
        } catch (error) {
          return { service, ok: false, reason: error instanceof Error ? error.message : 'unavailable' };
        }
      }),
    );
    return mergeInbox(results, cursors ?? {});
  }
}
