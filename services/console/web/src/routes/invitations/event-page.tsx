import { PageContainer } from '@ant-design/pro-components';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '@/shared/auth/session';
import { JointEventView } from '@/features/invitations/components/joint-event-view';

export default function EventPage() {
  const { t } = useTranslation('invitations');
  const { jointEventId = '' } = useParams();
  const { access, person } = useSession();
  return (
    <PageContainer title={t('eventTitle')}>
      <JointEventView
        jointEventId={jointEventId}
        access={access}
        {...(person !== undefined ? { employeeId: person.employeeId } : {})}
      />
    </PageContainer>
  );
}
