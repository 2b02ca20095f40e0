import { useQuery } from '@tanstack/react-query';
import { Col, Row, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/shared/ui/query-state';
import { eventBoardQuery } from '@/features/invitations/api/queries';
import { yuanOfFen } from '@/shared/ui/money';

/** The per-event board: confirmations per BU and day, attendance per inviter BU, sales. */
export const EventBoard = ({ jointEventId }: { jointEventId: string }) => {
  const { t } = useTranslation('invitations');
  const query = useQuery(eventBoardQuery(jointEventId));
  return (
    <QueryState query={query}>
      {(board) => (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Table
              size="small"
              rowKey={(r) => `${r.bu}|${r.day}`}
              pagination={false}
              title={() => t('board.confirmed')}
              dataSource={[...board.confirmed]}
              columns={[
                { title: t('fields.day'), dataIndex: 'day' },
                { title: t('fields.bu'), dataIndex: 'bu' },
                { title: t('board.count'), dataIndex: 'confirmed' },
              ]}
            />
          </Col>
          <Col xs={24} lg={12}>
            <Table
              size="small"
              rowKey="bu"
              pagination={false}
              title={() => t('board.attendance')}
              dataSource={[...board.attendance]}
              columns={[
                { title: t('fields.bu'), dataIndex: 'bu' },
                { title: t('board.invited'), dataIndex: 'invited' },
                { title: t('board.attended'), dataIndex: 'attended' },
                {
                  title: t('board.rate'),
                  dataIndex: 'attendanceRate',
                  render: (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`),
                },
              ]}
            />
          </Col>
          <Col xs={24}>
            <Table
              size="small"
              rowKey={(r) => `${r.bu}|${r.employeeId}`}
              pagination={false}
              title={() => t('board.sales')}
              dataSource={[...board.salesPerEmployee]}
              columns={[
                { title: t('fields.bu'), dataIndex: 'bu' },
                { title: t('fields.employeeId'), dataIndex: 'employeeId' },
                { title: t('board.salesCount'), dataIndex: 'sales' },
                {
                  title: t('board.amount'),
                  dataIndex: 'amountFen',
                  render: (v: string) => t('money.yuan', { amount: yuanOfFen(v) }),
                },
              ]}
            />
          </Col>
        </Row>
      )}
    </QueryState>
  );
};
