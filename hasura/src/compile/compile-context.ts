import type { FragmentDefinitionNode } from 'graphql';
import type { EngineModel } from '../model/index.ts';
import type { RoleSchema } from '../schema/index.ts';
import { boundSession, type Session, type SessionSource } from './session-source.ts';

export type { Session } from './session-source.ts';

/** Everything one request's compilation needs. */
export class CompileContext {
  private aliasCount = 0;

  constructor(
    readonly model: EngineModel,
    readonly roleSchema: RoleSchema,
    readonly session: Session,
    readonly variables: Record<string, unknown>,
    readonly fragments: Record<string, FragmentDefinitionNode>,
    /** Where session values come from: bound parameters unless a subscription's cohort row. */
    readonly sessionSource: SessionSource = boundSession(session),
  ) {}

  get role(): string {
    return this.roleSchema.role;
  }

  get backendOnly(): boolean {
    return this.roleSchema.backendOnly;
  }

  /** A fresh table alias for this statement. */
  alias(prefix = 't'): string {
    return `_${prefix}${this.aliasCount++}`;
  }
}
