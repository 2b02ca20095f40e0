import { PageContainer } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { useSession } from '@/shared/auth/session';
import { JointEventTable } from '@/features/invitations/components/joint-event-table';
import { ScheduleEventForm } from '@/features/invitations/components/schedule-event-form';

export default function EventsPage() {
  const { t } = useTranslation('invitations');
  const { access, person } = useSession();
  const coordinator = person?.roles.includes('coordinator') ? person.employeeId : undefined;
  return (
    <PageContainer title={t('eventsTitle')}>
      <JointEventTable
        toolbar={
          access.canScheduleEvents ? (
            <ScheduleEventForm {...(coordinator !== undefined ? { coordinatorId: coordinator } : {})} />
          ) : undefined
        }
      />
    </PageContainer>
  );
}
