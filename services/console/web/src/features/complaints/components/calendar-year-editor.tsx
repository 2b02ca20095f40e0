import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { EditableProTable, type ProColumns } from '@ant-design/pro-components';
import { Alert, App, Button, Card, Input, InputNumber, Space, Tag, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKey } from '@/shared/api/idempotency';
import { ProblemAlert } from '@/shared/ui/problem-alert';
import { complaintKeys } from '@/features/complaints/api/keys';
import { adoptCalendarYear } from '@/features/complaints/api/mutations';
import { calendarYearQuery } from '@/features/complaints/api/queries';
import type { CalendarDay } from '@/features/complaints/api/types';
import { parseHolidayCn } from '@/features/complaints/utils/holiday-cn';

type Row = CalendarDay & { id: string };

const rowsOf = (days: readonly CalendarDay[]): Row[] => days.map((d) => ({ ...d, id: d.date }));

/**
 * A year's days off and make-up working days: shown as in force (or the statutory holidays while
 * none is adopted), edited or replaced by an uploaded holiday-cn file, then adopted.
 */
export const CalendarYearEditor = ({ initialYear, canAdopt }: { initialYear: number; canAdopt: boolean }) => {
  const { t } = useTranslation('complaints');
  const { message } = App.useApp();
  const client = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [year, setYear] = useState(initialYear);
  const [rows, setRows] = useState<Row[]>([]);
  const [source, setSource] = useState('');
  const [uploadError, setUploadError] = useState<string | null>(null);
  const query = useQuery(calendarYearQuery(year));
  useEffect(() => {
    if (query.data) setRows(rowsOf(query.data.days));
  }, [query.data]);
  const adoption = useMutation({
    mutationFn: () => {
      const body = {
        year,
        days: rows.map(({ name, date, isOffDay }) => ({ name, date, isOffDay })),
        ...(source.trim() ? { source: source.trim() } : {}),
      };
      return adoptCalendarYear(body, keyFor(body));
    },
    onSuccess: async (outcome) => {
      void message.success(t('calendar.adopted', outcome));
      await client.invalidateQueries({ queryKey: complaintKeys.all });
    },
  });
  const columns: ProColumns<Row>[] = [
    { title: t('calendar.date'), dataIndex: 'date', valueType: 'date', fieldProps: { format: 'YYYY-MM-DD' } },
    { title: t('calendar.name'), dataIndex: 'name' },
    {
      title: t('calendar.kind'),
      dataIndex: 'isOffDay',
      valueType: 'select',
      valueEnum: { true: { text: t('calendar.offDay') }, false: { text: t('calendar.workday') } },
      render: (_, r) => (
        <Tag color={r.isOffDay ? 'green' : 'orange'}>
          {r.isOffDay ? t('calendar.offDay') : t('calendar.workday')}
        </Tag>
      ),
    },
    ...(canAdopt
      ? [
          {
            title: t('calendar.operations'),
            valueType: 'option' as const,
            render: (_, r, __, action) => [
              <a key="edit" onClick={() => action?.startEditable(r.id)}>
                {t('calendar.edit')}
              </a>,
              <a key="delete" onClick={() => setRows(rows.filter((x) => x.id !== r.id))}>
                {t('calendar.delete')}
              </a>,
            ],
          } as ProColumns<Row>,
        ]
      : []),
  ];
  return (
    <Card
      title={
        <Space>
          {t('calendar.year')}
          <InputNumber
            aria-label={t('calendar.year')}
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => v && setYear(v)}
          />
          {query.data &&
            (query.data.adopted ? (
              <Tag color="green">{t('calendar.inForce', { version: query.data.calendarVersion })}</Tag>
            ) : (
              <Tag color="warning">{t('calendar.statutoryOnly')}</Tag>
            ))}
        </Space>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {query.data && !query.data.adopted && (
          <Alert type="warning" showIcon title={t('calendar.notAdoptedHint', { year })} />
        )}
        {query.error && <ProblemAlert error={query.error} />}
        {canAdopt && (
          <Space wrap>
            <Upload
              accept=".json,application/json"
              showUploadList={false}
              beforeUpload={async (file) => {
                const parsed = parseHolidayCn(await file.text(), year);
                if (parsed.ok) {
                  setRows(rowsOf(parsed.days));
                  setUploadError(null);
                } else
                  setUploadError(t(`calendar.uploadErrors.${parsed.error}`, { detail: parsed.detail ?? '' }));
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>{t('calendar.upload')}</Button>
            </Upload>
            <Input
              aria-label={t('calendar.source')}
              placeholder={t('calendar.source')}
              value={source}
              onChange={(e) => setSource(e.target.value)}
              style={{ width: 360 }}
            />
          </Space>
        )}
        {uploadError && <Alert type="error" showIcon role="alert" title={uploadError} />}
        <EditableProTable<Row>
          rowKey="id"
          columns={columns}
          value={rows}
          onChange={(value) => setRows([...value].sort((a, b) => a.date.localeCompare(b.date)))}
          recordCreatorProps={
            canAdopt && {
              creatorButtonText: t('calendar.addDay'),
              record: () => ({ id: crypto.randomUUID(), date: `${year}-01-01`, name: '', isOffDay: true }),
            }
          }
          editable={{
            type: 'single',
            onSave: async (_, row) => {
              setRows((current) =>
                current.map((r) =>
                  r.id === row.id ? { ...row, isOffDay: String(row.isOffDay) === 'true' } : r,
                ),
              );
            },
          }}
          loading={query.isFetching}
        />
        {adoption.error ? <ProblemAlert error={adoption.error} /> : null}
        {canAdopt && (
          <Button type="primary" loading={adoption.isPending} onClick={() => adoption.mutate()}>
            {t('calendar.adopt', { year })}
          </Button>
        )}
      </Space>
    </Card>
  );
};
