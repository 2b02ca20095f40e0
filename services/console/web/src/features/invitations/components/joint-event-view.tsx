import { useQuery } from '@tanstack/react-query';
import { Card, Tabs } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/shared/ui/query-state';
import { jointEventQuery } from '@/features/invitations/api/queries';
import { AtEventForm } from './at-event-form';
import { ConfirmInvitationForm } from './confirm-invitation-form';
import { ConflictTable } from './conflict-table';
import { EventDisputes } from './event-disputes';
import { EventBoard } from './event-board';
import { EventListsPanel } from './event-lists-panel';
import { JointEventDetail } from './joint-event-detail';

export interface EventAccess {
  readonly canConfirmInvitation: boolean;
  readonly canFileLists: boolean;
  readonly canSeeEventBoard: boolean;
  readonly canActAtEvent: boolean;
  readonly canRuleConflicts: boolean;
  readonly canGiveFinalRuling: boolean;
  readonly canRecordDisputes: boolean;
  readonly canResolveDisputes: boolean;
}

/** One joint event: details and cut-offs, then what this person may do, one tab each. */
export const JointEventView = ({
  jointEventId,
  access,
  employeeId,
}: {
  jointEventId: string;
  access: EventAccess;
  employeeId?: string;
}) => {
  const { t } = useTranslation('invitations');
  const query = useQuery(jointEventQuery(jointEventId));
  // The section is part of the path (/invitations/events/:id/lists), as the inbox links it.
  const { section = 'overview' } = useParams();
  const navigate = useNavigate();
  return (
    <QueryState query={query}>
      {(event) => (
        <Card>
          <Tabs
            activeKey={section}
            onChange={(key) => navigate(`/invitations/events/${jointEventId}/${key}`, { replace: true })}
            items={[
              { key: 'overview', label: t('tabs.overview'), children: <JointEventDetail event={event} /> },
              ...(access.canConfirmInvitation
                ? [
                    {
                      key: 'confirm',
                      label: t('tabs.confirm'),
                      children: <ConfirmInvitationForm jointEventId={jointEventId} />,
                    },
                  ]
                : []),
              ...(access.canFileLists || access.canSeeEventBoard
                ? [
                    {
                      key: 'lists',
                      label: t('tabs.lists'),
                      children: <EventListsPanel event={event} canFile={access.canFileLists} />,
                    },
                  ]
                : []),
              ...(access.canSeeEventBoard
                ? [
                    {
                      key: 'board',
                      label: t('tabs.board'),
                      children: <EventBoard jointEventId={jointEventId} />,
                    },
                  ]
                : []),
              ...(access.canRuleConflicts
                ? [
                    {
                      key: 'conflicts',
                      label: t('tabs.conflicts'),
                      children: <ConflictTable access={access} jointEventId={jointEventId} />,
                    },
                  ]
                : []),
              ...(access.canRecordDisputes || access.canResolveDisputes || access.canSeeEventBoard
                ? [
                    {
                      key: 'disputes',
                      label: t('tabs.disputes'),
                      children: (
                        <EventDisputes
                          event={event}
                          canRecord={access.canRecordDisputes}
                          canResolve={access.canResolveDisputes}
                        />
                      ),
                    },
                  ]
                : []),
              ...(access.canActAtEvent
                ? [
                    {
                      key: 'at-event',
                      label: t('tabs.atEvent'),
                      children: (
                        <AtEventForm
                          jointEventId={jointEventId}
                          {...(employeeId !== undefined ? { employeeId } : {})}
                        />
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      )}
    </QueryState>
  );
};
