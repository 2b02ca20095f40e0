import { PageContainer } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useSession } from '@/shared/auth/session';
import { BUSINESS_TIME_ZONE } from '@/shared/i18n/i18n';
import { CalendarYearEditor } from '@/features/complaints/components/calendar-year-editor';

export default function CalendarPage() {
  const { t } = useTranslation('complaints');
  const { access } = useSession();
  // Next year first: the one /health warns about until it is adopted.
  const nextYear = dayjs().tz(BUSINESS_TIME_ZONE).year() + 1;
  return (
    <PageContainer title={t('calendarTitle')} content={t('calendarHint')}>
      <CalendarYearEditor initialYear={nextYear} canAdopt={access.canAdoptCalendar} />
    </PageContainer>
  );
}
