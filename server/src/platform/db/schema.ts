import type { ColumnType, Generated } from 'kysely';

type Ts = ColumnType<Date, Date | string, Date | string>;
type TsDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type TsNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<Record<string, unknown> | null, string | null, string | null>;

export interface BesturenTable {
  id: Generated<string>;
  kind: string;
  name: string;
  nis_code: string | null;
  kbo_number: string | null;
  population: number | null;
  province: string | null;
  active: Generated<boolean>;
  share_with_coach: Generated<boolean>;
  version: Generated<number>;
  created_at: TsDefault;
  updated_at: TsDefault;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  language: Generated<string>;
  password_hash: string | null;
  regional_roles: Generated<string[]>;
  active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: TsNull;
  last_sign_in_at: TsNull;
  oidc_subject: string | null;
  version: Generated<number>;
  created_at: TsDefault;
  updated_at: TsDefault;
}

export interface MembershipsTable {
  id: Generated<string>;
  bestuur_id: string;
  user_id: string;
  role: string;
  ends_at: ColumnType<string | null, string | null | undefined, string | null>;
  active: Generated<boolean>;
  invited_by: string | null;
  version: Generated<number>;
  created_at: TsDefault;
  updated_at: TsDefault;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: TsDefault;
  last_seen_at: TsDefault;
  expires_at: Ts;
  user_agent: string | null;
}

export interface PasswordTokensTable {
  id: string;
  user_id: string;
  purpose: string;
  expires_at: Ts;
  used_at: TsNull;
  created_at: TsDefault;
}

export interface ApiTokensTable {
  id: Generated<string>;
  bestuur_id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: TsDefault;
  expires_at: TsNull;
  last_used_at: TsNull;
  revoked_at: TsNull;
}

export interface AuditEventsTable {
  id: Generated<string>;
  bestuur_id: string | null;
  occurred_at: TsDefault;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  object_type: string;
  object_id: string;
  object_label: string | null;
  before: Json;
  after: Json;
  request_id: string | null;
}

export interface AuditEventCountsTable {
  bestuur_id: string;
  n: number;
}

/** jsonb of any shape (arrays too); written as JSON text. */
type JsonAny = ColumnType<unknown, string, string>;
type JsonAnyNull = ColumnType<unknown, string | null | undefined, string | null>;

export interface FrameworksTable {
  id: string;
  urn: string | null;
  name: JsonAny;
  publisher: string;
  edition: string;
  kind: string;
  levels: ColumnType<unknown, string | undefined, string>;
  library_version: number | null;
  min_score: number | null;
  max_score: number | null;
  score_definitions: ColumnType<unknown, string | undefined, string>;
  groups: ColumnType<unknown, string | undefined, string>;
  source: 'content' | 'library';
  updated_at: TsDefault;
}

export interface FrameworkNodesTable {
  framework_id: string;
  id: string;
  urn: string | null;
  parent_id: string | null;
  position: number;
  depth: number;
  assessable: boolean;
  title: JsonAnyNull;
  description: JsonAnyNull;
  official: JsonAnyNull;
  groups: ColumnType<string[], string[] | undefined, string[]>;
  levels: ColumnType<string[], string[] | undefined, string[]>;
  key_measure_at: string | null;
  management_aspect_at: string | null;
  retired_at: TsNull;
  updated_at: TsDefault;
}

export interface SecurityDomainsTable {
  id: string;
  name: JsonAny;
  updated_at: TsDefault;
}

export interface MeasuresTable {
  code: string;
  domain: string;
  type: string;
  title: JsonAny;
  guidance: JsonAny;
  applies: JsonAny;
  conditions: ColumnType<unknown, string | undefined, string>;
  retired_at: TsNull;
  updated_at: TsDefault;
}

export interface MeasureMappingsTable {
  measure_code: string;
  framework_id: string;
  node_id: string;
  relationship: string;
}

export interface BestuurProcessesTable {
  id: Generated<string>;
  bestuur_id: string;
  template_id: string | null;
  domain: string;
  name: JsonAny;
  description: JsonAnyNull;
  applicable: Generated<boolean>;
  not_applicable_reason: string | null;
  template_version: number | null;
  version: Generated<number>;
  created_at: TsDefault;
  updated_at: TsDefault;
}

export interface BestuurAssetsTable {
  id: Generated<string>;
  bestuur_id: string;
  process_id: string;
  template_id: string | null;
  name: JsonAny;
  c: number;
  i: number;
  a: number;
  default_c: number | null;
  default_i: number | null;
  default_a: number | null;
  reason: string | null;
  default_reason: JsonAnyNull;
  personal_data: Generated<boolean>;
  sensitive_data: Generated<boolean>;
  ksz_data: Generated<boolean>;
  version: Generated<number>;
  created_at: TsDefault;
  updated_at: TsDefault;
}

export interface BestuurSuppliersTable {
  id: Generated<string>;
  bestuur_id: string;
  name: string;
  kbo_number: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  contract_reference: string | null;
  contract_start: string | null;
  contract_end: string | null;
  processing_agreement: string;
  processing_agreement_date: string | null;
  certifications: string[];
  notes: string | null;
  version: Generated<number>;
  created_at: TsDefault;
  updated_at: TsDefault;
}

export interface BestuurApplicationsTable {
  id: Generated<string>;
  bestuur_id: string;
  name: string;
  description: string | null;
  kind: string | null;
  supplier_id: string | null;
  hosting: string;
  acm_idm: boolean;
  data_location: string;
  version: Generated<number>;
  created_at: TsDefault;
  updated_at: TsDefault;
}

export interface BestuurApplicationAssetsTable {
  bestuur_id: string;
  application_id: string;
  asset_id: string;
}

export interface ProcessListVersionsTable {
  number: number;
  release_notes: JsonAny;
  snapshot: JsonAny;
  source: 'content' | 'draft';
  content_checksum: string | null;
  stats: JsonAny;
  published_by: string | null;
  published_at: TsDefault;
}

export interface ProcessListDraftTable {
  id: Generated<number>;
  based_on: number;
  snapshot: JsonAny;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: TsDefault;
}

export interface IpdcConceptsTable {
  id: string;
  name_nl: string;
  name_en: string | null;
  description: string | null;
  product_type: string | null;
  themes: ColumnType<string[], string[] | undefined, string[]>;
  target_groups: ColumnType<string[], string[] | undefined, string[]>;
  keywords: ColumnType<string[], string[] | undefined, string[]>;
  source_file: string | null;
  imported_at: TsDefault;
}

export interface BestuurProcessProductsTable {
  bestuur_id: string;
  process_id: string;
  concept_id: string;
  linked_by: string | null;
  linked_at: TsDefault;
}

export interface BestuurProcessDiagramsTable {
  id: Generated<string>;
  bestuur_id: string;
  process_id: string;
  file_name: string;
  xml: string;
  size: number;
  sha256: string;
  uploaded_by: string | null;
  uploaded_at: TsDefault;
  version: Generated<number>;
}

export interface BestuurMeasuresTable {
  bestuur_id: string;
  measure_code: string;
  status: Generated<string>;
  owner_id: string | null;
  due_date: string | null;
  documentation: number | null;
  implementation: number | null;
  na_reason: string | null;
  na_approved_by: string | null;
  na_approved_at: Date | null;
  review_date: string | null;
  version: Generated<number>;
  created_at: TsDefault;
  updated_at: TsDefault;
}

export interface BestuurMeasureCommentsTable {
  id: Generated<string>;
  bestuur_id: string;
  measure_code: string;
  author_id: string | null;
  body: string;
  created_at: TsDefault;
}

export interface BestuurMeasureEvidenceTable {
  id: Generated<string>;
  bestuur_id: string;
  measure_code: string;
  kind: 'file' | 'link';
  title: string;
  url: string | null;
  file_name: string | null;
  content_type: string | null;
  size: number | null;
  sha256: string | null;
  content: Buffer | null;
  uploaded_by: string | null;
  uploaded_at: TsDefault;
}

export interface BestuurRequirementOverridesTable {
  bestuur_id: string;
  framework_id: string;
  requirement_id: string;
  result: string;
  reason: string;
  set_by: string | null;
  set_at: TsDefault;
  version: Generated<number>;
}

export interface BestuurCyfunAssessmentsTable {
  id: Generated<string>;
  bestuur_id: string;
  edition: string;
  level: string;
  title: string;
  na_rules: JsonAny;
  created_by: string | null;
  created_at: TsDefault;
  updated_at: TsDefault;
  version: Generated<number>;
}

export interface BestuurCyfunAnswersTable {
  bestuur_id: string;
  assessment_id: string;
  requirement_id: string;
  documentation: number | null;
  implementation: number | null;
  not_applicable: Generated<boolean>;
  source: 'measures' | 'manual';
}

export interface BestuurRiskMatricesTable {
  bestuur_id: string;
  matrix: JsonAny;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: TsDefault;
}

export interface BestuurRisksTable {
  id: Generated<string>;
  bestuur_id: string;
  title: string;
  description: string | null;
  threat_id: string | null;
  process_id: string | null;
  asset_id: string | null;
  qualities: ColumnType<string[], string[], string[]>;
  likelihood: number;
  impact: number;
  treatment: string | null;
  residual_likelihood: number | null;
  residual_impact: number | null;
  owner_id: string | null;
  accepted_by: string | null;
  accepted_at: Date | null;
  accepted_until: string | null;
  review_date: string | null;
  version: Generated<number>;
  created_at: TsDefault;
  updated_at: TsDefault;
}

export interface BestuurRiskMeasuresTable {
  bestuur_id: string;
  risk_id: string;
  measure_code: string;
}

export interface DB {
  bestuur_risk_matrices: BestuurRiskMatricesTable;
  bestuur_risks: BestuurRisksTable;
  bestuur_risk_measures: BestuurRiskMeasuresTable;
  bestuur_cyfun_assessments: BestuurCyfunAssessmentsTable;
  bestuur_cyfun_answers: BestuurCyfunAnswersTable;
  bestuur_requirement_overrides: BestuurRequirementOverridesTable;
  bestuur_measures: BestuurMeasuresTable;
  bestuur_measure_comments: BestuurMeasureCommentsTable;
  bestuur_measure_evidence: BestuurMeasureEvidenceTable;
  process_list_versions: ProcessListVersionsTable;
  process_list_draft: ProcessListDraftTable;
  besturen: BesturenTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  password_tokens: PasswordTokensTable;
  api_tokens: ApiTokensTable;
  audit_events: AuditEventsTable;
  audit_event_counts: AuditEventCountsTable;
  frameworks: FrameworksTable;
  framework_nodes: FrameworkNodesTable;
  security_domains: SecurityDomainsTable;
  measures: MeasuresTable;
  measure_mappings: MeasureMappingsTable;
  bestuur_processes: BestuurProcessesTable;
  bestuur_assets: BestuurAssetsTable;
  ipdc_concepts: IpdcConceptsTable;
  bestuur_process_products: BestuurProcessProductsTable;
  bestuur_process_diagrams: BestuurProcessDiagramsTable;
  bestuur_suppliers: BestuurSuppliersTable;
  bestuur_applications: BestuurApplicationsTable;
  bestuur_application_assets: BestuurApplicationAssetsTable;
  bestuur_indicators: BestuurIndicatorsTable;
  bestuur_indicator_measures: BestuurIndicatorMeasuresTable;
  indicator_snapshots: IndicatorSnapshotsTable;
  monitoring_settings: MonitoringSettingsTable;
}

/** Regional monitoring (0014): one row of precomputed indicators per bestuur. */
export interface BestuurIndicatorsTable {
  bestuur_id: string;
  computed_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_activity: ColumnType<Date | null, Date | string | null, Date | string | null>;
  readiness_passed: boolean;
  readiness_basis: string;
  readiness_score: ColumnType<string | null, number | null, number | null>;
  cyfun_total: ColumnType<string | null, number | null, number | null>;
  measures_required: number;
  measures_implemented: number;
  measures_overdue: number;
  risks_open: number;
  risks_high: number;
  assets: number;
  assets_high: number;
  continuity: string;
  compliance: ColumnType<unknown, string, string>;
  details: ColumnType<unknown, string, string>;
  /** The overview's item as JSON text, without the vulnerability score (0015). */
  item: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface BestuurIndicatorMeasuresTable {
  bestuur_id: string;
  code: string;
  weight: ColumnType<string, number, number>;
  done: boolean;
}

export interface IndicatorSnapshotsTable {
  bestuur_id: string;
  month: ColumnType<Date, string, never>;
  taken_at: ColumnType<Date, never, never>;
  indicators: ColumnType<Record<string, unknown>, never, never>;
}

export interface MonitoringSettingsTable {
  id: ColumnType<boolean, boolean | undefined, never>;
  weights: ColumnType<unknown, string, string>;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}
