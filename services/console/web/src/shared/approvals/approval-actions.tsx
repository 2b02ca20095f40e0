import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ModalForm, ProFormSelect, ProFormTextArea } from '@ant-design/pro-components';
import { Button, Form, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKey } from '@/shared/api/idempotency';
import { ProblemAlert } from '@/shared/ui/problem-alert';
import { modalCommandProps } from '@/shared/ui/modal-command';
import { answerApproval, approvalKeys, type ApprovalCommand, type ApprovalItem } from './approval';

interface Values {
  reasonCode?: string;
  note?: string;
}

/** The chosen code, with the note after it when one was written (what the service records). */
const reasonText = (v: Values): string | undefined =>
  v.reasonCode === undefined
    ? undefined
    : v.note?.trim()
      ? `${v.reasonCode}: ${v.note.trim()}`
      : v.reasonCode;

const AnswerButton = ({
  item,
  answer,
  onAnswered,
}: {
  item: ApprovalItem;
  answer: 'approve' | 'refuse';
  onAnswered: (item: ApprovalItem) => void;
}) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [formError, setFormError] = useState<unknown>(null);
  const command: ApprovalCommand = item.approval[answer];
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      answerApproval(item, command, reasonText(v), keyFor({ id: item.id, answer, v })),
    onSuccess: () => {
      onAnswered(item);
      void client.invalidateQueries({ queryKey: approvalKeys.all });
    },
    onError: (error) => setFormError(error),
  });
  return (
    <ModalForm<Values>
      title={t(`approval.${answer}.title`)}
      form={form}
      trigger={
        <Button type={answer === 'approve' ? 'primary' : 'default'} danger={answer === 'refuse'} size="small">
          {t(`approval.${answer}.action`)}
        </Button>
      }
      submitter={{ searchConfig: { submitText: t(`approval.${answer}.confirm`) } }}
      {...modalCommandProps<Values>(mutation.mutateAsync, () => setFormError(null))}
    >
      {command.withReason && (
        <>
          <ProFormSelect
            name="reasonCode"
            label={t('approval.fields.reason')}
            rules={[{ required: true, message: t('validation.required') }]}
            options={item.approval.reasons.map((r) => ({ value: r, label: t(`approval.reasons.${r}`) }))}
          />
          <ProFormTextArea name="note" label={t('approval.fields.note')} fieldProps={{ maxLength: 500 }} />
        </>
      )}
      {!command.withReason && t(`approval.${answer}.plain`)}
      {formError !== null && <ProblemAlert error={formError} />}
    </ModalForm>
  );
};

/** Approve and refuse for one approval item: the command the item names, with a reason from its list. */
export const ApprovalActions = ({
  item,
  onAnswered,
}: {
  item: ApprovalItem;
  onAnswered: (item: ApprovalItem) => void;
}) => (
  <Space>
    <AnswerButton item={item} answer="approve" onAnswered={onAnswered} />
    <AnswerButton item={item} answer="refuse" onAnswered={onAnswered} />
  </Space>
);
