import {
  ProFormCheckbox,
  ProFormDigit,
  ProFormList,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { yuanOfFen } from '@/shared/ui/money';
import { CASE_CAUSES, ITEM_KINDS, SEVERITIES, type CaseView } from '@/features/complaints/api/types';
import type { CaseAction } from '@/features/complaints/utils/case-actions';

/** The inputs of one lifecycle action (none for a plain confirmation). */
export const CaseActionFields = ({ action, c }: { action: CaseAction; c: CaseView }) => {
  const { t } = useTranslation('complaints');
  const { t: tc } = useTranslation();
  const required = { required: true, message: tc('validation.required') };
  const reason = (
    <ProFormTextArea name="reason" label={t('fields.reason')} rules={[required, { max: 2000 }]} />
  );
  switch (action) {
    case 'classify':
      return (
        <>
          <ProFormSelect
            name="cause"
            label={t('fields.cause')}
            options={CASE_CAUSES.map((v) => ({ value: v, label: t(`causes.${v}`) }))}
            rules={[required]}
          />
          <ProFormSelect
            name="severity"
            label={t('fields.severity')}
            options={SEVERITIES.map((v) => ({ value: v, label: t(`severities.${v}`) }))}
          />
        </>
      );
    case 'assign':
      return (
        <>
          <ProFormText name="handlerId" label={t('fields.handlerId')} rules={[required, { max: 100 }]} />
          <ProFormText
            name="responsibleBu"
            label={t('fields.responsibleBu')}
            rules={[required, { max: 100 }]}
          />
        </>
      );
    case 'investigate':
      return (
        <ProFormTextArea name="findings" label={t('fields.findings')} rules={[required, { max: 2000 }]} />
      );
    case 'propose':
      return (
        <ProFormList
          name="items"
          label={t('fields.items')}
          initialValue={[{ kind: 'apology' }]}
          creatorButtonProps={{ creatorButtonText: t('actions.addItem') }}
          rules={[
            {
              validator: async (_, v: unknown[]) =>
                v?.length ? undefined : Promise.reject(new Error(tc('validation.required'))),
            },
          ]}
        >
          <ProFormSelect
            name="kind"
            label={t('fields.itemKind')}
            options={ITEM_KINDS.map((v) => ({ value: v, label: t(`itemKinds.${v}`) }))}
            rules={[required]}
          />
          <ProFormText
            name="description"
            label={t('fields.itemDescription')}
            rules={[required, { max: 2000 }]}
          />
          <ProFormDigit
            name="amountYuan"
            label={t('fields.amountYuan')}
            min={0}
            fieldProps={{ precision: 2 }}
            initialValue={0}
            rules={[required]}
          />
        </ProFormList>
      );
    case 'approve':
      return (
        <Typography.Paragraph>
          {t('actions.approveSummary', {
            total: yuanOfFen(c.items.reduce((sum, i) => sum + i.amountFen, 0)),
            role: c.requiredApprover ? tc(`roles.${c.requiredApprover}`) : '—',
          })}
        </Typography.Paragraph>
      );
    case 'reply':
      return (
        <>
          <ProFormCheckbox.Group
            name="itemIds"
            label={t('fields.replyItems')}
            tooltip={t('actions.replyHint')}
            options={c.items
              .filter((i) => c.approvedItemIds.includes(i.itemId))
              .map((i) => ({
                value: i.itemId,
                label: `${t(`itemKinds.${i.kind}`)} · ${i.description} · ¥${yuanOfFen(i.amountFen)}`,
              }))}
          />
          <ProFormTextArea name="message" label={t('fields.message')} rules={[required, { max: 2000 }]} />
        </>
      );
    case 'followUp':
      return (
        <>
          <ProFormSelect
            name="satisfaction"
            label={t('fields.satisfaction')}
            options={[1, 2, 3, 4, 5].map((v) => ({ value: v, label: t(`satisfaction.${v}`) }))}
            rules={[required]}
          />
          <ProFormTextArea name="note" label={t('fields.note')} rules={[{ max: 2000 }]} />
        </>
      );
    case 'sendBack':
    case 'reject':
    case 'notEstablished':
    case 'waive':
      return reason;
    default:
      return <Typography.Paragraph>{t(`actions.confirm.${action}`)}</Typography.Paragraph>;
  }
};
