import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ModalForm, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { Button, Form } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isProblem } from '@/shared/api/problem';
import { refetchUntil } from '@/shared/api/read-your-writes';
import { useIdempotencyKey } from '@/shared/api/idempotency';
import { showProblemOnFields } from '@/shared/ui/form-problem';
import { modalCommandProps } from '@/shared/ui/modal-command';
import { ProblemAlert, useProblemMessage } from '@/shared/ui/problem-alert';
import { staffKeys } from '@/features/staff/api/keys';
import { staffListQuery } from '@/features/staff/api/queries';
import { joinEmployee } from '@/features/staff/api/mutations';
import type { BusinessUnit, JoinValues } from '@/features/staff/api/types';
import { ID_PATTERN } from '@/features/staff/utils/ids';

/** Rule refusals that belong to one field of the form. */
const FIELD_OF_CODE: Record<string, keyof JoinValues> = {
  'staff.wrong_status': 'employeeId',
  'staff.unknown_bu': 'bu',
  'staff.other_bu': 'bu',
};

interface Props {
  readonly businessUnits: readonly BusinessUnit[];
  readonly defaultBu?: string;
}

/** An employee joins a BU (the BU's manager, the GM or an admin). */
export const JoinEmployeeForm = ({ businessUnits, defaultBu }: Props) => {
  const { t } = useTranslation('staff');
  const { t: tc } = useTranslation();
  const message = useProblemMessage();
  const [form] = Form.useForm<JoinValues>();
  const client = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [formError, setFormError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: (values: JoinValues) => joinEmployee(values, keyFor(values)),
    onSuccess: async (_, values) => {
      await refetchUntil(client, staffListQuery(values.bu), (staff) =>
        staff.some((m) => m.employeeId === values.employeeId),
      );
      await client.invalidateQueries({ queryKey: staffKeys.lists() });
    },
    onError: (error) => {
      const field = isProblem(error) ? FIELD_OF_CODE[error.code] : undefined;
      if (field !== undefined) {
        form.setFields([{ name: field, errors: [message(error)] }]);
        return;
      }
      setFormError(showProblemOnFields(form, error, ['employeeId', 'bu', 'displayName']) ? null : error);
    },
  });
  return (
    <ModalForm<JoinValues>
      title={t('join.title')}
      form={form}
      trigger={
        <Button type="primary" icon={<UserAddOutlined />}>
          {t('join.open')}
        </Button>
      }
      initialValues={defaultBu ? { bu: defaultBu } : {}}
      {...modalCommandProps(mutation.mutateAsync, () => setFormError(null))}
    >
      <ProFormText
        name="employeeId"
        label={t('fields.employeeId')}
        placeholder="e-201"
        rules={[
          { required: true, message: tc('validation.required') },
          { pattern: ID_PATTERN, message: t('validation.id') },
        ]}
      />
      <ProFormText
        name="displayName"
        label={t('fields.displayName')}
        rules={[{ required: true, message: tc('validation.required') }, { max: 100 }]}
      />
      <ProFormSelect
        name="bu"
        label={t('fields.bu')}
        options={businessUnits.map((b) => ({ value: b.buId, label: `${b.name}（${b.buId}）` }))}
        rules={[{ required: true, message: tc('validation.required') }]}
      />
      {formError !== null && <ProblemAlert error={formError} />}
    </ModalForm>
  );
};
