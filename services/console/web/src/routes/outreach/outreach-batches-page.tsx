import { PageContainer } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { useSession } from '@/shared/auth/session';
import { BatchTable } from '@/features/outreach/components/batch-table';
import { SubmitBatchForm } from '@/features/outreach/components/submit-batch-form';
import { useActiveStaffOptions } from '@/features/staff/api/queries';

/** The batches of the person's BU (or every BU for the CRM center); a BU manager submits new ones. */
export default function OutreachBatchesPage() {
  const { t } = useTranslation('outreach');
  const { person, access } = useSession();
  const participants = useActiveStaffOptions(access.canManageBatches ? person?.bu : undefined);
  return (
    <PageContainer
      title={t('listTitle')}
      extra={
        access.canManageBatches && (
          <SubmitBatchForm
            participantOptions={participants.options}
            participantsLoading={participants.loading}
          />
        )
      }
    >
      <BatchTable />
    </PageContainer>
  );
}
