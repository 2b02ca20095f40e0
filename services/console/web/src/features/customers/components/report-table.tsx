import { useState } from 'react';
import { Input, Table } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/shared/i18n/i18n';

const DATE_FIELDS = /At$|Date$|Until$/;

/** A customers report whose rows the service shapes; columns follow the keys, ids link to the customer. */
export const ReportTable = ({
  rows,
  extra,
}: {
  rows: Record<string, unknown>[];
  extra?: (row: Record<string, unknown>) => React.ReactNode;
}) => {
  const { t, i18n } = useTranslation('customers');
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? rows.filter((r) =>
        Object.values(r).some((v) =>
          String(v ?? '')
            .toLowerCase()
            .includes(needle),
        ),
      )
    : rows;
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter(
    (k) => typeof rows[0]?.[k] !== 'object',
  );
  const columns = keys.map((key) => ({
    key,
    dataIndex: key,
    title: i18n.exists(`customers:fields.${key}`) ? t(`fields.${key}`) : key,
    render: (value: unknown) =>
      key === 'customerId' ? (
        <Link to={`/customers/${String(value)}`}>{String(value).slice(0, 8)}</Link>
      ) : DATE_FIELDS.test(key) && typeof value === 'string' ? (
        formatDateTime(value)
      ) : (
        String(value ?? '—')
      ),
  }));
  return (
    <>
      <Input.Search
        allowClear
        aria-label={t('report.filter')}
        placeholder={t('report.filter')}
        onChange={(e) => setFilter(e.target.value)}
        style={{ maxWidth: 320, marginBottom: 12 }}
      />
      <Table
        rowKey={(r) => String(r['customerId'] ?? JSON.stringify(r))}
        dataSource={shown}
        columns={
          extra
            ? [
                ...columns,
                { key: 'actions', title: '', render: (_: unknown, r: Record<string, unknown>) => extra(r) },
              ]
            : columns
        }
        pagination={{ pageSize: 20 }}
      />
    </>
  );
};
