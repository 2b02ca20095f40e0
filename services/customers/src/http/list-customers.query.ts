import { OwnerBuPageQuery } from '@crm/nest';

/** `GET /customers`: a page of the customer list, optionally only one BU's customers. */
export class ListCustomersQuery extends OwnerBuPageQuery {}
