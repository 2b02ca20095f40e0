import type { components } from '@/shared/api/gen/credit';

export type CreditAccount = components['schemas']['CreditAccountDto'];
export type CreditAccountListItem = components['schemas']['CreditAccountListItemDto'];
export type CreditAccountList = components['schemas']['CreditAccountListDto'];
export type HoldExplanation = components['schemas']['HoldExplanationDto'];
