import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ModalForm,
  ProFormDigit,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKey } from '@/shared/api/idempotency';
import { showProblemOnFields } from '@/shared/ui/form-problem';
import { fenOfYuan } from '@/shared/ui/money';
import { modalCommandProps } from '@/shared/ui/modal-command';
import { ProblemAlert } from '@/shared/ui/problem-alert';
import { creditKeys } from '@/features/credit/api/keys';
import { completeReview, proposeLimitAdjustment, requestHoldRelease } from '@/features/credit/api/mutations';

/** One command in a modal: refusals next to the field they name, or in the form's alert. */
const useCommand = <V extends object>(
  accountId: string,
  fields: readonly string[],
  run: (v: V, key: string) => Promise<unknown>,
) => {
  const [form] = Form.useForm<V>();
  const client = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [formError, setFormError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: (v: V) => run(v, keyFor(v)),
    onSuccess: () => client.invalidateQueries({ queryKey: creditKeys.detail(accountId) }),
    onError: (error) => setFormError(showProblemOnFields(form, error, fields) ? null : error),
  });
  return { form, formError, props: modalCommandProps<V>(mutation.mutateAsync, () => setFormError(null)) };
};

interface ReviewValues {
  period: 'monthly' | 'quarterly';
  evaluation: string;
}

/** CRD-50/53: the marketing manager's written evaluation closes the review that is due. */
export const CompleteReviewForm = ({
  accountId,
  period,
}: {
  accountId: string;
  period: ReviewValues['period'];
}) => {
  const { t } = useTranslation('credit');
  const { t: tc } = useTranslation();
  const { form, formError, props } = useCommand<ReviewValues>(accountId, ['period', 'evaluation'], (v, key) =>
    completeReview(accountId, v, key),
  );
  return (
    <ModalForm<ReviewValues>
      title={t('reviews.complete')}
      form={form}
      initialValues={{ period }}
      trigger={<Button size="small">{t('reviews.complete')}</Button>}
      {...props}
    >
      <ProFormSelect
        name="period"
        label={t('reviews.period')}
        options={['monthly', 'quarterly'].map((p) => ({ value: p, label: t(`periods.${p}`) }))}
      />
      <ProFormTextArea
        name="evaluation"
        label={t('reviews.evaluation')}
        rules={[{ required: true, message: tc('validation.required') }]}
        fieldProps={{ maxLength: 5000 }}
      />
      {formError !== null && <ProblemAlert error={formError} />}
    </ModalForm>
  );
};

/** CRD-41: the marketing manager asks, with the credit controller, for a held order's release. */
export const RequestReleaseForm = ({ accountId, orderId }: { accountId: string; orderId: string }) => {
  const { t } = useTranslation('credit');
  const { t: tc } = useTranslation();
  const { form, formError, props } = useCommand<{ creditControllerId: string }>(
    accountId,
    ['creditControllerId'],
    (v, key) => requestHoldRelease(accountId, orderId, v, key),
  );
  return (
    <ModalForm<{ creditControllerId: string }>
      title={t('holds.requestRelease')}
      form={form}
      trigger={<Button size="small">{t('holds.requestRelease')}</Button>}
      {...props}
    >
      <ProFormText
        name="creditControllerId"
        label={t('holds.creditController')}
        rules={[{ required: true, message: tc('validation.required') }]}
      />
      {formError !== null && <ProblemAlert error={formError} />}
    </ModalForm>
  );
};

interface AdjustmentValues {
  newLimitYuan: number;
  exceptionReason?: string;
}

/** CRD-53/54: a new limit, lower unless an exception is given with its reason. */
export const ProposeAdjustmentForm = ({ accountId }: { accountId: string }) => {
  const { t } = useTranslation('credit');
  const { t: tc } = useTranslation();
  const { form, formError, props } = useCommand<AdjustmentValues>(
    accountId,
    ['newLimitFen', 'exceptionReason'],
    (v, key) =>
      proposeLimitAdjustment(
        accountId,
        {
          adjustmentId: `adj-${Date.now().toString(36)}`,
          newLimitFen: fenOfYuan(v.newLimitYuan) ?? -1,
          ...(v.exceptionReason?.trim() ? { exceptionReason: v.exceptionReason.trim() } : {}),
        },
        key,
      ),
  );
  return (
    <ModalForm<AdjustmentValues>
      title={t('limit.propose')}
      form={form}
      trigger={<Button size="small">{t('limit.propose')}</Button>}
      {...props}
    >
      <ProFormDigit
        name="newLimitYuan"
        label={t('limit.newLimit')}
        min={0}
        fieldProps={{ precision: 2 }}
        rules={[{ required: true, message: tc('validation.required') }]}
      />
      <ProFormTextArea
        name="exceptionReason"
        label={t('limit.exceptionReason')}
        tooltip={t('limit.exceptionHint')}
      />
      {formError !== null && <ProblemAlert error={formError} />}
    </ModalForm>
  );
};
