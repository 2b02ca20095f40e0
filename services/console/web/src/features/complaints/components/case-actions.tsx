import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ModalForm } from '@ant-design/pro-components';
import { App, Button, Form, Space, Tooltip } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKey } from '@/shared/api/idempotency';
import { showProblemOnFields } from '@/shared/ui/form-problem';
import { modalCommandProps } from '@/shared/ui/modal-command';
import { fenOfYuan } from '@/shared/ui/money';
import { ProblemAlert, useProblemMessage } from '@/shared/ui/problem-alert';
import { complaintKeys } from '@/features/complaints/api/keys';
import { actOnCase } from '@/features/complaints/api/mutations';
import type { CaseView } from '@/features/complaints/api/types';
import {
  type ActionPermission,
  type CaseAction,
  caseActionsFor,
} from '@/features/complaints/utils/case-actions';
import { CaseActionFields } from './case-action-fields';

const FIELDS = [
  'cause',
  'severity',
  'handlerId',
  'responsibleBu',
  'findings',
  'items',
  'itemIds',
  'message',
  'reason',
  'satisfaction',
  'note',
];

type Values = Record<string, unknown> & {
  items?: { kind: string; description: string; amountYuan: number }[];
};

/** What the service expects from the form's values (money in integer fen, item ids numbered). */
const bodyOf = (action: CaseAction, values: Values): Record<string, unknown> => {
  if (action === 'propose') {
    return {
      items: (values.items ?? []).map((item, i) => ({
        itemId: `item-${i + 1}`,
        kind: item.kind,
        description: item.description,
        amountFen: fenOfYuan(item.amountYuan) ?? 0,
      })),
    };
  }
  if (action === 'reply') return { itemIds: values['itemIds'] ?? [], message: values['message'] };
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ''));
};

const ActionButton = ({ c, permission }: { c: CaseView; permission: ActionPermission }) => {
  const { t } = useTranslation('complaints');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const navigate = useNavigate();
  const keyFor = useIdempotencyKey();
  const refusal = useProblemMessage();
  const [formError, setFormError] = useState<unknown>(null);
  const { action } = permission;
  const mutation = useMutation({
    mutationFn: (values: Values) => {
      const body = bodyOf(action, values);
      return actOnCase(c.caseId, action, body, keyFor({ action, body }));
    },
    onSuccess: async (outcome) => {
      void message.success(t('actions.done', { action: t(`actions.names.${action}`) }));
      await client.invalidateQueries({ queryKey: complaintKeys.all });
      if (outcome.linkedCaseId) navigate(`/complaints/${outcome.linkedCaseId}`);
    },
    onError: (error) => setFormError(showProblemOnFields(form, error, FIELDS, refusal) ? null : error),
  });
  const label = t(`actions.names.${action}`);
  if (!permission.can) {
    const reason = permission.reason
      ? t(permission.reason.key, {
          ...permission.reason.values,
          role: permission.reason.values?.['role']
            ? tc(`roles.${String(permission.reason.values['role'])}`)
            : '',
          roles: ((permission.reason.values?.['roles'] as string[] | undefined) ?? [])
            .map((r) => tc(`roles.${r}`))
            .join('、'),
        })
      : undefined;
    return (
      <Tooltip title={reason}>
        <Button disabled data-reason={reason}>
          {label}
        </Button>
      </Tooltip>
    );
  }
  return (
    <ModalForm<Values>
      title={`${label} · ${c.number}`}
      form={form}
      trigger={
        <Button type={action === 'approve' || action === 'reply' ? 'primary' : 'default'}>{label}</Button>
      }
      submitter={{ searchConfig: { submitText: label, resetText: tc('actions.cancel') } }}
      {...modalCommandProps(mutation.mutateAsync, () => setFormError(null))}
    >
      <CaseActionFields action={action} c={c} />
      {formError !== null && <ProblemAlert error={formError} />}
    </ModalForm>
  );
};

/** Every lifecycle action that applies to the case now; the ones the person's role may not take are disabled with the reason. */
export const CaseActions = ({
  c,
  person,
}: {
  c: CaseView;
  person: { employeeId: string; roles: readonly string[] };
}) => (
  <Space wrap>
    {caseActionsFor(c, person).map((permission) => (
      <ActionButton key={permission.action} c={c} permission={permission} />
    ))}
  </Space>
);
