import { useState } from 'react';
import { Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { JointEvent } from '@/features/invitations/api/types';
import { formatDate } from '@/shared/i18n/i18n';
import { defaultFilingDay } from '@/features/invitations/utils/filing-view';
import { DayLists } from './day-lists';
import { FileListForm } from './file-list-form';

/**
 * Daily lists of the window: a BU manager files and sees the own BU's standing; the coordinator and
 * the GM pick a day and see every BU's list.
 */
export const EventListsPanel = ({ event, canFile }: { event: JointEvent; canFile: boolean }) => {
  const { t } = useTranslation('invitations');
  const [day, setDay] = useState(
    () => defaultFilingDay(event.cutoffs, formatDate(new Date().toISOString())) ?? event.date,
  );
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {canFile ? (
        <FileListForm event={event} day={day} onDayChange={setDay} />
      ) : (
        <Space>
          <Typography.Text>{t('fields.day')}</Typography.Text>
          <Select
            aria-label={t('fields.day')}
            style={{ width: 160 }}
            value={day}
            onChange={setDay}
            options={event.cutoffs.map((c) => ({ value: c.day, label: c.day }))}
          />
        </Space>
      )}
      <DayLists
        jointEventId={event.jointEventId}
        day={day}
        cutoffReached={event.cutoffsReached.includes(day)}
      />
    </Space>
  );
};
