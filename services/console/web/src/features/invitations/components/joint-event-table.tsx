import { useQuery } from '@tanstack/react-query';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Button, Flex, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/shared/i18n/i18n';
import { ProblemAlert } from '@/shared/ui/problem-alert';
import { jointEventListQuery } from '@/features/invitations/api/queries';
import type { JointEventSummary } from '@/features/invitations/api/types';
import {
  filterOfPlace,
  nextPlace,
  paramsFromPlace,
  placeFromParams,
  previousPlace,
} from '@/features/invitations/utils/event-list-filter';
import { BuOrder } from './bu-order';

/** Scheduled joint events, newest first, paged by the service's cursor; BU filter in the URL. */
export const JointEventTable = ({ toolbar }: { toolbar?: React.ReactNode }) => {
  const { t } = useTranslation('invitations');
  const { t: tc } = useTranslation();
  const [params, setParams] = useSearchParams();
  const place = placeFromParams(params);
  const query = useQuery(jointEventListQuery(filterOfPlace(place)));
  const columns: ProColumns<JointEventSummary>[] = [
    {
      title: t('fields.date'),
      dataIndex: 'date',
      search: false,
      render: (_, e) => <Link to={`/invitations/events/${e.jointEventId}`}>{e.date}</Link>,
    },
    { title: t('fields.slot'), dataIndex: 'slot', search: false, render: (_, e) => t(`slots.${e.slot}`) },
    { title: t('fields.venue'), dataIndex: 'venue', search: false },
    {
      title: t('fields.businessUnits'),
      dataIndex: 'bu',
      key: 'bu',
      render: (_, e) => <BuOrder units={e.businessUnits} />,
    },
    { title: t('fields.coordinatorId'), dataIndex: 'coordinatorId', search: false },
    {
      title: t('fields.window'),
      key: 'window',
      search: false,
      render: (_, e) => (
        <>
          <Tag>{t('list.windowFrom', { day: e.windowOpensOn })}</Tag>
          <Tag>{t('list.windowUntil', { at: formatDateTime(e.windowClosesAt) })}</Tag>
        </>
      ),
    },
    {
      title: tc('actions.open'),
      key: 'open',
      search: false,
      render: (_, e) => <Link to={`/invitations/events/${e.jointEventId}`}>{tc('actions.open')}</Link>,
    },
  ];
  const nextCursor = query.data?.nextCursor ?? null;
  return (
    <>
      {query.error && <ProblemAlert error={query.error} />}
      <ProTable<JointEventSummary>
        rowKey="jointEventId"
        columns={columns}
        dataSource={[...(query.data?.items ?? [])]}
        loading={query.isFetching}
        options={false}
        toolBarRender={() => (toolbar ? [toolbar] : [])}
        form={{ initialValues: { bu: place.bu } }}
        onSubmit={(values: { bu?: string }) =>
          setParams(paramsFromPlace({ pages: [], ...(values.bu ? { bu: values.bu } : {}) }))
        }
        onReset={() => setParams(paramsFromPlace({ pages: [] }))}
        pagination={false}
        footer={() => (
          <Flex justify="end" gap={8}>
            <Button
              disabled={place.pages.length === 0}
              onClick={() => setParams(paramsFromPlace(previousPlace(place)))}
            >
              {tc('actions.previous')}
            </Button>
            <Button
              disabled={nextCursor === null}
              onClick={() => nextCursor !== null && setParams(paramsFromPlace(nextPlace(place, nextCursor)))}
            >
              {tc('actions.next')}
            </Button>
          </Flex>
        )}
      />
    </>
  );
};
