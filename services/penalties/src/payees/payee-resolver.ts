import type { PayeeAsIssued, PayeeResolution } from '@crm/penalties-domain';
import type { StaffDirectory } from '@crm/staff-replica';

/**
 * Who pays a fine (issue 11 §5): a named employee pays it; a post in a BU ("the BU manager of bu-2")
 * is the one person the staff directory says held that post there at the instant of the fine. The
 * basis (method, instant, candidates) is recorded with the fine, so payroll can see why.
 */
export class PayeeResolver {
  constructor(private readonly directory: StaffDirectory) {}

  async resolve(payee: PayeeAsIssued, issuedAt: string): Promise<PayeeResolution> {
    const asOf = new Date(issuedAt);
    if (payee.employeeId !== undefined) {
      const member = await this.directory.member(payee.employeeId, asOf);
      return {
        method: 'named',
        asOf: issuedAt,
        employeeId: payee.employeeId,
        ...(member !== undefined ? { displayName: member.displayName } : {}),
      };
    }
    const holders = await this.directory.holders(payee.post ?? 'staff', payee.bu, asOf);
    const [only] = holders;
    if (holders.length === 1 && only !== undefined) {
      return {
        method: 'post_holder',
        asOf: issuedAt,
        employeeId: only.employeeId,
        displayName: only.displayName,
      };
    }
    return {
      method: 'unresolved',
      asOf: issuedAt,
      candidates: holders.map((h) => h.employeeId).sort(),
    };
  }
}
