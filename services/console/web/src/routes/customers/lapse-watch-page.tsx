import { PageContainer } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { watchListQuery } from '@/features/customers/api/queries';
import { ReportTable } from '@/features/customers/components/report-table';
import { QueryState } from '@/shared/ui/query-state';

export default function LapseWatchPage() {
  const { t } = useTranslation('customers');
  const query = useQuery(watchListQuery());
  return (
    <PageContainer title={t('watchTitle')}>
      <QueryState query={query} isEmpty={(rows) => rows.length === 0}>
        {(rows) => <ReportTable rows={rows} />}
      </QueryState>
    </PageContainer>
  );
}
