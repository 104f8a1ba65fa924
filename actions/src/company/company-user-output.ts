import type { Queryable } from '../db/transaction.ts';

/** The `CompanyUserResult` output: where the person stands after the change. */
export interface CompanyUserResult {
  userId: string;
  role: string;
  approvalStatus: string;
  active: boolean;
}

export async function companyUserOutput(tx: Queryable, userId: string): Promise<CompanyUserResult> {
  const result = await tx.query<CompanyUserResult>(
    'select id as "userId", role, approval_status as "approvalStatus", active from public.customer_users where id = $1',
    [userId],
  );
  return result.rows[0]!;
}
