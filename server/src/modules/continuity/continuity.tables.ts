import type { ColumnType, Generated, Kysely } from 'kysely';
import type { DB } from '../../platform/db/index.js';

/**
 * The continuity tables (migrations/0012_continuity.sql). Typed here rather than in the
 * shared schema so the module stays in one folder; `bc(tx)` gives a Kysely that knows them.
 */
type TsDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type TsNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** jsonb: read as parsed JSON, written as JSON text. */
type Jsonb<T> = ColumnType<T, string, string>;

export type ContinuityTables = {
  bestuur_bc_self_evaluations: {
    id: Generated<string>;
    bestuur_id: string;
    answers: Jsonb<{ questionId: string; answer: 'ja' | 'deels' | 'nee'; note: string | null }[]>;
    points: number;
    max_points: number;
    created_by: string | null;
    created_at: TsDefault;
  };
  bestuur_bc_settings: {
    bestuur_id: string;
    unacceptable_level: number;
    critical_threshold: string;
    version: Generated<number>;
    updated_by: string | null;
    updated_at: TsDefault;
  };
  bestuur_bia: {
    bestuur_id: string;
    process_id: string;
    impacts: Jsonb<Record<string, number[]>>;
    rto_hours: number | null;
    rpo_hours: number | null;
    minimum_service_level: string | null;
    peak_periods: string | null;
    key_roles: ColumnType<string[], string[] | undefined, string[]>;
    locations: ColumnType<string[], string[] | undefined, string[]>;
    notes: string | null;
    version: Generated<number>;
    updated_by: string | null;
    updated_at: TsDefault;
  };
  bestuur_bia_dependencies: {
    id: Generated<string>;
    bestuur_id: string;
    process_id: string;
    application_id: string | null;
    supplier_id: string | null;
    depends_on_process_id: string | null;
  };
  bestuur_application_recovery: {
    bestuur_id: string;
    application_id: string;
    recovery_time_hours: number | null;
    procedure: string | null;
    version: Generated<number>;
    updated_by: string | null;
    updated_at: TsDefault;
  };
  bestuur_bc_plans: {
    bestuur_id: string;
    sections: Jsonb<Record<string, unknown>>;
    version: Generated<number>;
    updated_by: string | null;
    updated_at: TsDefault;
  };
  bestuur_bc_strategies: {
    bestuur_id: string;
    process_id: string;
    strategy: string;
    description: string | null;
    procedure: string | null;
    version: Generated<number>;
    updated_by: string | null;
    updated_at: TsDefault;
  };
  bestuur_bc_exercises: {
    id: Generated<string>;
    bestuur_id: string;
    title: string;
    kind: string;
    planned_on: string | null;
    held_on: string | null;
    scenario: string | null;
    findings: string | null;
    actions: Jsonb<{ description: string; owner: string | null; due: string | null; done: boolean }[]>;
    version: Generated<number>;
    created_at: TsDefault;
    updated_at: TsDefault;
  };
  bestuur_bc_reviews: {
    id: Generated<string>;
    bestuur_id: string;
    subject: string;
    state: Generated<string>;
    snapshot: Jsonb<Record<string, unknown>>;
    submitted_by: string | null;
    submitted_at: TsDefault;
    decided_by: string | null;
    decided_at: TsNull;
    version: Generated<number>;
  };
  bestuur_bc_review_events: {
    id: Generated<string>;
    bestuur_id: string;
    review_id: string;
    kind: string;
    section: string | null;
    body: string | null;
    author_id: string | null;
    author_name: string | null;
    author_side: string;
    created_at: TsDefault;
  };
};

export type BcDB = DB & ContinuityTables;
export type BcTx = Kysely<BcDB>;
export const bc = (tx: Kysely<DB>): BcTx => tx.withTables<ContinuityTables>();
export const json = (value: unknown) => JSON.stringify(value);
