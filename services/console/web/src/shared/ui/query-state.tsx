import type { ReactNode } from 'react';
import { Button, Empty, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { isProblem } from '@/shared/api/problem';
import { useProblemMessage } from './problem-alert';

interface Props<T> {
  readonly query: { isPending: boolean; error: unknown; data: T | undefined; refetch: () => unknown };
  readonly isEmpty?: (data: T) => boolean;
  readonly empty?: ReactNode;
  readonly children: (data: T) => ReactNode;
}

/** Every query-backed view: skeleton, error with retry and trace id, empty with a next step, or the data. */
export function QueryState<T>({ query, isEmpty, empty, children }: Props<T>) {
  const { t } = useTranslation();
  const message = useProblemMessage();
  if (query.isPending) return <Skeleton active />;
  if (query.error) {
    const problem = isProblem(query.error) ? query.error : undefined;
    const status = problem?.status === 403 ? '403' : problem?.status === 404 ? '404' : 'error';
    return (
      <Result
        status={status}
        title={problem?.status === 403 ? t('state.forbidden') : t('state.error')}
        subTitle={
          <>
            <div>{message(query.error)}</div>
            {problem?.correlationId && <div>{t('state.correlation', { id: problem.correlationId })}</div>}
          </>
        }
        extra={
          status === 'error' && (
            <Button onClick={() => void query.refetch()} type="primary">
              {t('actions.retry')}
            </Button>
          )
        }
      />
    );
  }
  if (query.data === undefined) return null;
  if (isEmpty?.(query.data)) return <>{empty ?? <Empty description={t('state.empty')} />}</>;
  return <>{children(query.data)}</>;
}
